import * as fs from 'fs';
import * as path from 'path';
import { FORMULA_CASES } from './cases/formulas';
import { checkCase, Observed } from './helpers/expect-case';
import { asRange, DIST, loadAppsScript } from './helpers/hosts';
import { FORMULAS } from '../shared/formulas/catalog';

const bundle = fs.readFileSync(path.join(DIST, 'appsscript', 'Code.js'), 'utf8');
const gas = loadAppsScript();

function observe(fn: string, args: unknown[]): Observed {
  try {
    const v = gas.global[fn](...args.map(asRange));
    return { value: Array.isArray(v) ? v[0][0] : v };
  } catch (e) {
    const m = /^(#[A-Z/0!?]+)/.exec((e as Error).message);
    if (m) return { error: m[1] };
    throw e;
  }
}

describe('Apps Script bundle (built dist/appsscript, as clasp pushes it)', () => {
  test('appsscript.json selects V8 and .clasp.json pushes dist/appsscript', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript', 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    const clasp = JSON.parse(fs.readFileSync(path.join(DIST, '..', '.clasp.json'), 'utf8'));
    expect(clasp.rootDir).toBe('dist/appsscript');
    expect(fs.readdirSync(path.join(DIST, 'appsscript')).sort()).toEqual([
      'Code.js',
      'HuongDan.html',
      'Sidebar.html',
      'appsscript.json',
    ]);
  });

  test('every DX_ function is a top-level declaration with @customfunction JSDoc', () => {
    for (const spec of FORMULAS) {
      const re = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*function ${spec.name}\\(`);
      const m = re.exec(bundle);
      expect({ fn: spec.name, declared: Boolean(m) }).toEqual({ fn: spec.name, declared: true });
      expect(m![1]).toContain('@customfunction');
      expect(m![1]).toContain(spec.vi);
      for (const p of spec.params)
        expect(m![1]).toMatch(new RegExp(`@param \\{[^}]+\\} ${p.optional ? `\\[${p.name}\\]` : p.name} `));
      expect(typeof gas.global[spec.name]).toBe('function');
    }
    for (const name of ['onOpen', 'onInstall', 'showSidebar'])
      expect(bundle).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  test.each(FORMULA_CASES.map((c) => [`${c.fn} ${c.why}`, c] as const))('%s', (_, c) => {
    checkCase(c, observe(c.fn, c.args));
  });

  test('a single error throws with its code and Vietnamese message (Sheets shows #ERROR! with it)', () => {
    expect(() => gas.global.DX_RATE(5, 0)).toThrow(/^#DIV\/0! Mẫu số bằng 0/);
  });

  test('ranges come back as ranges; errors inside them as text', () => {
    expect(gas.global.DX_RATE([[10], [6]], 16, 0)).toEqual([[0.63], [0.38]]);
    const out = gas.global.DX_NUMBER([['4.602'], ['24 loại']]);
    expect(out[0][0]).toBe(4602);
    expect(out[1][0]).toMatch(/^#VALUE! /);
  });

  test('Sheets hands dates over as Date objects', () => {
    expect(gas.global.DX_ONTIME(new Date(2023, 4, 22), new Date(2023, 3, 1), 20)).toBe('Trễ hạn');
  });

  test('onOpen adds the "Báo cáo CĐS" menu; its item opens the sidebar', () => {
    gas.global.onOpen({});
    expect(gas.calls.menus).toHaveLength(1);
    expect(gas.calls.menus[0].title).toBe('Báo cáo CĐS');
    expect(gas.calls.menus[0].items.map(([caption]) => caption)).toEqual([
      'Kiểm tra',
      'Tạo phiếu báo cáo',
      'Tổng hợp phụ lục',
      'Mở bảng điều khiển (hàm DX)',
      'Hướng dẫn sử dụng',
    ]);
    for (const [, fn] of gas.calls.menus[0].items) gas.global[fn]();
    expect(gas.calls.sidebars).toHaveLength(4);
    expect(gas.calls.dialogs.map((d) => d.file)).toEqual(['HuongDan']);
    expect(gas.calls.sidebars[0]).toMatchObject({
      file: 'Sidebar',
      title: 'Báo cáo chuyển đổi số',
      appended: '<script>window.dxAutoCheck = true;</script>',
    });
    expect(gas.calls.sidebars[1]).toMatchObject({ file: 'Sidebar', appended: '' });
    gas.global.onInstall({});
    expect(gas.calls.menus).toHaveLength(2);
  });

  test('the sidebar is one self-contained HTML file', () => {
    const html = fs.readFileSync(path.join(DIST, 'appsscript', 'Sidebar.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
    expect(html).toContain('Báo cáo chuyển đổi số');
  });
});
