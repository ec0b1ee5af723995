import * as fs from 'fs';
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

  test('the task pane loads office.js from the add-in itself, with the functions in the same page', () => {
    const html = fs.readFileSync(path.join(DIST, 'addin', 'taskpane.html'), 'utf8');
    expect(html).toMatch(/src="?office-js\/office.js/);
    expect(html).not.toMatch(/src="?https?:/);
    expect(html).toMatch(/src="?functions.js/);
    expect(html).toMatch(/src="?taskpane.js/);
    expect(fs.existsSync(path.join(DIST, 'addin', 'office-js', 'office.js'))).toBe(true);
  });
});
