import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { DIST, ROOT } from './helpers/hosts';

/** The checks office-addin-manifest can do offline; `npm run validate-manifest` is the online one. */
describe('manifest.xml', () => {
  test('office-addin-manifest reads it: id, Vietnamese default, Workbook host', () => {
    // Its library pulls ES modules Jest cannot load; its command line is what users run anyway.
    const bin = path.join(ROOT, 'node_modules', 'office-addin-manifest', 'cli.js');
    for (const file of [path.join(ROOT, 'manifest.xml'), path.join(DIST, 'addin', 'manifest.xml')]) {
      const info = execFileSync(process.execPath, [bin, 'info', file], { encoding: 'utf8' });
      expect(info).toMatch(/Id: [0-9a-f-]{36}/);
      expect(info).toContain('Name: Báo cáo chuyển đổi số');
      expect(info).toContain('Default Locale: vi-VN');
      expect(info).toContain('Hosts: Workbook');
      expect(info).toContain('Version: 0.1.0.0');
    }
  });

  const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

  test('shared runtime: one page for runtime, custom functions and function file', () => {
    expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\s*\/>/);
    expect(xml).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\s*\/>/);
    expect(xml).toMatch(/<Page>\s*<SourceLocation resid="Taskpane.Url"\s*\/>\s*<\/Page>/);
    expect(xml).toMatch(/<FunctionFile resid="Taskpane.Url"\s*\/>/);
    // <Runtimes> must come right after <Host>.
    expect(xml).toMatch(/<Host xsi:type="Workbook">\s*<Runtimes>/);
  });

  test('namespace DX, a "Kiểm tra" button opening the task pane, English overrides', () => {
    expect(xml).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="DX"\s*\/>/);
    expect(xml).toMatch(
      /id="ValidateButton.Label" DefaultValue="Kiểm tra">\s*<bt:Override Locale="en-US" Value="Validate"/,
    );
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url"\s*\/>/);
    expect(xml).toMatch(/<Override Locale="en-US" Value="Digital transformation reporting"\s*\/>/);
  });

  test('every URL resource points at a file the build produces', () => {
    const urls = [...xml.matchAll(/DefaultValue="https:\/\/localhost:3000\/([^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls)
      expect({ u, exists: fs.existsSync(path.join(DIST, 'addin', u)) }).toEqual({ u, exists: true });
  });

  test('Requirements declare the sets the code uses: ExcelApi up to its newest member, SharedRuntime, CustomFunctionsRuntime', () => {
    const set = (name: string) => new RegExp(`<Set Name="${name}" MinVersion="([\\d.]+)"\\s*/>`).exec(xml)?.[1];
    expect(set('SharedRuntime')).toBe('1.1');
    expect(set('CustomFunctionsRuntime')).toBe('1.3'); // CustomFunctions.ErrorCode
    // Each distinctive Office.js member the port calls, and the ExcelApi set its type declarations give.
    const dts = fs.readFileSync(path.join(ROOT, 'node_modules', '@types', 'office-js', 'index.d.ts'), 'utf8');
    const port = fs.readFileSync(path.join(ROOT, 'addin', 'office-workbook.ts'), 'utf8');
    const members = [
      'getMergedAreasOrNullObject(',
      'getRanges(',
      'pageLayout',
      'dataValidation',
      'freezePanes',
      'getRangeByIndexes(',
      'getUsedRangeOrNullObject(',
    ];
    const version = (v: string) => v.split('.').map(Number) as [number, number];
    const newer = (a: string, b: string) => {
      const [x, y] = [version(a), version(b)];
      return x[0] !== y[0] ? x[0] > y[0] : x[1] > y[1];
    };
    let newest = '1.1';
    for (const m of members) {
      expect({ m, used: port.includes(m) }).toEqual({ m, used: true });
      const at = dts.search(new RegExp(`\\n\\s+(readonly )?${m.replace('(', '\\(')}`));
      const api = /Api set: ExcelApi (\d+\.\d+)/.exec(
        dts
          .slice(Math.max(0, at - 1500), at)
          .split('/**')
          .pop()!,
      )?.[1];
      expect({ m, api }).toEqual({ m, api: expect.stringMatching(/^1\.\d+$/) });
      if (newer(api!, newest)) newest = api!;
    }
    expect(newest).toBe('1.13');
    expect(set('ExcelApi')).toBe(newest);
  });

  test('the task pane loads office.js from the add-in itself, with the functions in the same page', () => {
    const html = fs.readFileSync(path.join(DIST, 'addin', 'taskpane.html'), 'utf8');
    expect(html).toMatch(/src="?office-js\/office.js/);
    expect(html).not.toMatch(/src="?https?:/);
    expect(html).toMatch(/src="?functions.js/);
    expect(html).toMatch(/src="?taskpane.js/);
    expect(fs.existsSync(path.join(DIST, 'addin', 'office-js', 'office.js'))).toBe(true);
  });
});

/** What `DX_ADDIN_URL=… npm run build` ships: built here into a folder of its own (about 30 s). */
describe('a deployment build (DX_ADDIN_URL set)', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-addin-'));
  const webpack = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const build = (url: string) =>
    execFileSync(process.execPath, [webpack, '--mode', 'production', '--config-name', 'addin', '--output-path', out], {
      cwd: ROOT,
      env: { ...process.env, DX_ADDIN_URL: url },
      encoding: 'utf8',
      stdio: 'pipe',
    });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test('every localhost of the manifest is rewritten, AppDomain included; the pane loads office.js from the CDN', () => {
    build('https://dx.example.vn/addin/');
    const manifest = fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8');
    expect(manifest).not.toMatch(/localhost/i);
    expect(manifest).toMatch(/<AppDomain>https:\/\/dx\.example\.vn<\/AppDomain>/);
    const urls = [...manifest.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\/dx\.example\.vn\/addin\/[\w./-]+$/);
    for (const u of urls)
      expect(fs.existsSync(path.join(out, u.replace('https://dx.example.vn/addin/', '')))).toBe(true);
    const bin = path.join(ROOT, 'node_modules', 'office-addin-manifest', 'cli.js');
    const info = execFileSync(process.execPath, [bin, 'info', path.join(out, 'manifest.xml')], { encoding: 'utf8' });
    expect(info).toContain('AppDomains: https://dx.example.vn');
    expect(info).toContain('Source Location: https://dx.example.vn/addin/taskpane.html');
    const html = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual([
      'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
      'functions.js',
      'taskpane.js',
    ]);
    // The CDN's office.js: the local copy is not shipped.
    expect(fs.existsSync(path.join(out, 'office-js'))).toBe(false);
  }, 240000);

  test('a deployment URL that is not https is refused', () => {
    expect(() => build('http://dx.example.vn/addin/')).toThrow(/DX_ADDIN_URL must be an https/);
  }, 240000);
});
