/*
 * Google Sheets as it really behaves (issue 10, the Sheets side): the built Code.js run against a
 * SpreadsheetApp / LockService / ScriptApp stand-in that refuses and coerces what the real host does
 * (tests/helpers/fake-sheets.ts, each rule with its documentation link). One test per defect of the issue.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { consolidate } from '../shared/consolidate/consolidate';
import { createTemplate } from '../shared/operations/create-template';
import { ERROR_MESSAGES } from '../shared/errors/messages';
import { parseStamp } from '../shared/messages/wording';
import { readUnitWorkbook } from '../shared/reading/unit-workbook';
import { readConfig } from '../shared/templates/config-sheet';
import { SheetSnapshot } from '../shared/workbook/port';
import { SheetSpec } from '../shared/workbook/sheet-spec';
import { XlsxWorkbook } from '../xlsx/workbook';
import {
  FakeSpreadsheet,
  fakeLockService,
  fakeScriptApp,
  fakeSpreadsheetApp,
  FREEZE_COLUMNS_THROUGH_MERGE,
  OUTSIDE_SHEET,
  SheetsLocale,
  typeIn,
} from './helpers/fake-sheets';
import { gasCall, gasValue } from './helpers/gas-run-rules';
import { DIST, ROOT } from './helpers/hosts';
import { CONSISTENT, unitWorkbook } from './helpers/unit-fixture';

const CODE = fs.readFileSync(path.join(DIST, 'appsscript', 'Code.js'), 'utf8');

interface Menu {
  title: string;
  addOn: boolean;
  items: Array<[string, string]>;
}

type Installation = Parameters<typeof fakeScriptApp>[0];

/** Code.js in its own global scope, with the services a spreadsheet's script sees (Ui with both menus). */
function load(ss: FakeSpreadsheet, installation: Installation = 'NONE') {
  const menus: Menu[] = [];
  const menu = (title: string, addOn: boolean) => {
    const m: Menu = { title, addOn, items: [] };
    const b = {
      addItem: (caption: string, fn: string) => {
        m.items.push([caption, fn]);
        return b;
      },
      addSeparator: () => b,
      addToUi: () => menus.push(m),
    };
    return b;
  };
  const ui = {
    createMenu: (title: string) => menu(title, false),
    createAddonMenu: () => menu('(tên tiện ích)', true),
    showSidebar: () => undefined,
  };
  const context = vm.createContext({
    SpreadsheetApp: { ...fakeSpreadsheetApp(ss), getUi: () => ui },
    HtmlService: { createHtmlOutputFromFile: () => ({ setTitle: () => ({}), append: () => ({}) }) },
    LockService: fakeLockService(ss),
    ScriptApp: fakeScriptApp(installation),
    console,
  });
  vm.runInContext(CODE, context, { filename: 'Code.js' });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the script's top-level functions, by name
  const global = context as Record<string, any>;
  /** A google.script.run call: arguments and result under the documented rules (gas-run-rules.ts). */
  const run = (name: string, ...args: unknown[]) => gasCall(global, name, args) as any; // eslint-disable-line
  return { global, run, menus };
}

/** A unit's workbook, made with the product's template and filled consistently, as the unit's spreadsheet. */
async function unitSpreadsheet(unit: string, edits = CONSISTENT, locale: SheetsLocale = 'vi_VN') {
  const { file } = await unitWorkbook(edits, unit);
  const ss = new FakeSpreadsheet(`Báo cáo CĐS — ${unit}`, locale);
  for (const s of await (await XlsxWorkbook.open(file)).read()) ss.fill(s.name, s.values);
  return ss;
}

/** The spreadsheet's sheets as the port reads them (values only). */
const snapshot = (ss: FakeSpreadsheet): SheetSnapshot[] =>
  ss.sheets.map((s) => ({ name: s.name, values: s.getDataRange().getValues() as SheetSnapshot['values'] }));

const coverCell = (ss: FakeSpreadsheet, key: 'period' | 'completedAt' | 'reportDate') => {
  const f = readUnitWorkbook(snapshot(ss)).cover[key]!;
  return ss.getSheetByName(f.sheet)!.getRange(f.cell);
};

/** Feedback rows that each break "received = resolved + in process". */
function brokenFeedback(n: number): unknown[][] {
  const rows: unknown[][] = [
    ['T T', 'Tên cơ quan, đơn vị', 'Tổng số tiếp nhận', 'Đã giải quyết', '', '', 'Đang giải quyết', '', ''],
    ['', '', '', 'Tổng số', 'Đúng hạn', 'Trễ hạn', 'Tổng số', 'Đúng hạn', 'Trễ hạn'],
  ];
  for (let i = 1; i <= n; i++) rows.push([i, `Phường ${((i - 1) % 12) + 1}`, 17, 10, 6, 4, 6, 2, 4]);
  return rows;
}

const NOW = new Date(2023, 6, 20, 8, 0);

async function annexSheets() {
  const sources = [];
  for (const unit of ['Phường Lộc Thọ', 'Phường Vạn Thạnh']) {
    const { file } = await unitWorkbook(CONSISTENT, unit);
    sources.push({ source: { file: `${unit}.xlsx` }, sheets: await (await XlsxWorkbook.open(file)).read() });
  }
  return consolidate(sources, { period: '2023-06', now: NOW });
}

describe('the stand-in behaves like Google Sheets', () => {
  test('strings are parsed like typing, in the spreadsheet locale; "\'" and "@" keep text', () => {
    const today = new Date(2023, 5, 30);
    const vi = (s: string, text = false) => typeIn(s, 'vi_VN', text, today);
    const en = (s: string, text = false) => typeIn(s, 'en_US', text, today);
    expect(vi('1.234,5')).toEqual({ kind: 'value', value: 1234.5 });
    expect(en('1,234.5')).toEqual({ kind: 'value', value: 1234.5 });
    expect(vi('01')).toEqual({ kind: 'value', value: 1 });
    expect(en('1.')).toEqual({ kind: 'value', value: 1 });
    expect(vi('100%')).toEqual({ kind: 'value', value: 1, format: '0%' });
    expect(vi('12,5%')).toMatchObject({ kind: 'value', value: 0.125 });
    // "8/12" is 8 December in vi_VN and 12 August in en_US; "12/12", "9/9" are dates in both.
    expect(vi('8/12')).toMatchObject({ kind: 'value', value: 45268 });
    expect(en('8/12')).toMatchObject({ kind: 'value', value: 45150 });
    for (const s of ['12/12', '9/9', '6/2023', '10/07/2023 09:30']) {
      expect(vi(s).kind).toBe('value');
      expect(en(s).kind).toBe('value');
    }
    expect(vi('421.62')).toEqual({ kind: 'text', value: '421.62' });
    expect(vi("'12/12")).toEqual({ kind: 'text', value: '12/12' });
    expect(vi('12/12', true)).toEqual({ kind: 'text', value: '12/12' });
    expect(vi('=SUM(A1:A3)')).toEqual({ kind: 'formula', formula: '=SUM(A1:A3)' });
    expect(vi("'=SUM(A1:A3)", true)).toEqual({ kind: 'text', value: '=SUM(A1:A3)' });

    const ss = new FakeSpreadsheet();
    const s = ss.insertSheet('S');
    s.getRange('A1').setValue('10/07/2023 09:30');
    s.getRange('A2').setValue('=A1+1');
    s.cells.get('A2')!.computed = 45118;
    expect(s.getRange('A1:A2').getValues()).toEqual([[new Date(2023, 6, 10, 9, 30)], [45118]]);
    expect(s.getRange('A1:A2').getFormulas()).toEqual([[''], ['=A1+1']]);
  });

  test('a new sheet is active and 1,000 × 26; freezing through a merge, hiding every sheet are refused', () => {
    const ss = new FakeSpreadsheet();
    const a = ss.insertSheet('A');
    const b = ss.insertSheet('B');
    expect(ss.getActiveSheet()).toBe(b);
    expect([b.getMaxRows(), b.getMaxColumns()]).toEqual([1000, 26]);
    expect(() => b.getRange(1001, 1)).toThrow(OUTSIDE_SHEET);
    expect(() => b.getRange('AA1')).toThrow(OUTSIDE_SHEET);
    b.getRange('A1:H1').merge();
    expect(
      b
        .getRange('A1:Z1000')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:H1']);
    expect(() => b.setFrozenColumns(2)).toThrow(FREEZE_COLUMNS_THROUGH_MERGE);
    b.setFrozenRows(1);
    a.hideSheet();
    expect(() => b.hideSheet()).toThrow("You can't hide all the sheets in a document.");
  });

  test('google.script.run: Date, functions, DOM elements and class instances refused; undefined in arrays is null', () => {
    expect(gasValue({ a: [1, undefined, 'x'], b: undefined }, 'v')).toEqual({ a: [1, null, 'x'] });
    expect(() => gasValue({ when: new Date() }, 'v')).toThrow(/v\.when is a Date/);
    expect(() => gasValue([() => 1], 'v')).toThrow(/v\[0\] is a function/);
    expect(() => gasValue({ nodeType: 1, nodeName: 'DIV' }, 'v')).toThrow(/DOM element/);
    expect(() => gasValue(new Map(), 'v')).toThrow(/not a plain object/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => gasValue(loop, 'v')).toThrow(/circular/);
    // Objects made in the script's own realm are plain too.
    expect(gasValue(vm.runInNewContext('({ a: [1, 2] })'), 'v')).toEqual({ a: [1, 2] });
  });
});

describe('Google Sheets defects of issue 10, fixed in the Apps Script port', () => {
  test('"Tổng hợp phụ lục" writes every annex: no frozen edge through the merged title, and a re-run replaces them', async () => {
    const { sheets, chart } = await annexSheets();
    const ss = new FakeSpreadsheet('Tổng hợp CĐS tháng 6/2023');
    ss.fill('Ghi chép', [['Ghi chú']]);
    const gas = load(ss);
    const names = sheets.map((s) => s.name);
    expect(gas.run('dxWriteConsolidation', sheets, chart)).toEqual(names);
    for (const spec of sheets.filter((s) => !s.hidden && s.freeze)) {
      const s = ss.getSheetByName(spec.name)!;
      // Header rows frozen as asked; the two first columns not, since the title is merged across them.
      expect({ name: spec.name, rows: s.frozenRows }).toEqual({ name: spec.name, rows: spec.freeze!.rows });
      expect(s.merges).toEqual(expect.arrayContaining(spec.merges));
      if (spec.merges.some((m) => m.startsWith('A1:'))) expect(s.frozenColumns).toBe(0);
    }
    expect(gas.run('dxWriteConsolidation', sheets, chart)).toEqual(names);
    expect(ss.sheets.filter((s) => s.name === 'Phụ lục I')).toHaveLength(1);
  }, 60000);

  test('"Tổng hợp" reads the spreadsheet\'s unit list ("Danh mục đơn vị") and DX_CauHinh in one call: dxSettings', () => {
    const ss = new FakeSpreadsheet('Tổng hợp CĐS');
    ss.fill('Danh mục đơn vị', [
      ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Hiệu lực từ'],
      ['22366', 'Phường Nha Trang', 'Phường', '01/07/2025'],
    ]);
    const settings = load(ss).run('dxSettings') as { master: unknown; registry: { units: Array<{ code: string }> } };
    expect(settings.master).toBeNull();
    expect(settings.registry.units).toEqual([
      expect.objectContaining({ code: '22366', name: 'Phường Nha Trang', validFrom: '2025-07-01' }),
    ]);
  });

  test('text stays text in vi_VN and en_US: counts "12/12", row numbers "1.", targets "100%", "Số TT" "01", levels "1"–"5"', () => {
    const texts = ['12/12', '9/9', '8/12', '1.', '1,', '100%', '50%', '01', '1', '5', '+84 123', '=HYPERLINK("x")'];
    for (const locale of ['vi_VN', 'en_US'] as const) {
      const ss = new FakeSpreadsheet('S', locale);
      ss.fill('Trang tính1', [['']]);
      const spec = SheetSpec.parse({
        name: 'DX_Test',
        rows: [texts.map((v) => ({ v })), [{ v: 1234.5 }, { d: '2023-07-10T09:30' }, { f: '=A2*2' }]],
      });
      load(ss).run('dxWriteConsolidation', [spec], null);
      const s = ss.getSheetByName('DX_Test')!;
      expect(s.getRange(1, 1, 1, texts.length).getValues()).toEqual([texts]);
      expect(s.getRange('A2:C2').getValues()).toEqual([[1234.5, new Date(2023, 6, 10, 9, 30), '']]);
      expect(s.getRange('C2').getFormulas()).toEqual([['=A2*2']]);
    }
  });

  test('DX_CauHinh survives a round trip through Sheets in both locales, as through .xlsx', async () => {
    const xlsx = new XlsxWorkbook();
    await createTemplate(xlsx, { unit: 'Phường Lộc Thọ', period: '2023-06', preparer: 'A' });
    const expected = readConfig((await xlsx.read(['DX_CauHinh']))[0].values);
    expect(expected.issues).toEqual([]);
    for (const locale of ['vi_VN', 'en_US'] as const) {
      const ss = new FakeSpreadsheet('Phiếu', locale);
      ss.fill(locale === 'vi_VN' ? 'Trang tính1' : 'Sheet1', [['']]);
      const gas = load(ss);
      gas.run('dxCreateTemplate', { unit: 'Phường Lộc Thọ', period: '2023-06', preparer: 'A' });
      const read = readConfig(gas.run('dxReadSource', 'tab:DX_CauHinh').sheets[0].values);
      expect({ locale, read }).toEqual({ locale, read: expected });
    }
  });

  test('"Hoàn thành lúc" stored as a date-time crosses to the sidebar with its minutes', async () => {
    const unit = await unitSpreadsheet('Phường Lộc Thọ');
    const gasUnit = load(unit);
    const done = gasUnit.run('dxComplete');
    expect(done).toMatchObject({ ok: true });
    const stamp = coverCell(unit, 'completedAt').getValue() as Date;
    expect(Object.prototype.toString.call(stamp)).toBe('[object Date]');
    const ss = new FakeSpreadsheet('Tổng hợp');
    ss.others.ID1 = unit;
    const read = load(ss).run('dxReadSource', 'ss:ID1');
    const cover = readUnitWorkbook(read.sheets as SheetSnapshot[]).cover.completedAt!;
    const parsed = parseStamp(cover.value)!;
    expect([parsed.hour, parsed.minute]).toEqual([stamp.getHours(), stamp.getMinutes()]);
  }, 60000);

  test('a "Kỳ báo cáo" typed as 6/2023 (a date in Sheets) keeps the unit in Tổng hợp', async () => {
    const unit = await unitSpreadsheet('Phường Lộc Thọ');
    coverCell(unit, 'period').setNumberFormat('General').setValue('6/2023');
    expect(coverCell(unit, 'period').getValue()).toEqual(new Date(2023, 5, 1));
    const ss = new FakeSpreadsheet('Tổng hợp');
    ss.others.ID1 = unit;
    const source = load(ss).run('dxReadSource', 'ss:ID1');
    const r = consolidate([source], { period: '2023-06', now: NOW, includeErrors: true });
    expect(r.summary.included.map((u) => [u.unit, u.period])).toEqual([['Phường Lộc Thọ', '6/2023']]);
    expect(r.summary.missing).not.toContain('Phường Lộc Thọ');
  }, 60000);

  test('Kiểm tra, Hoàn thành, Tạo phiếu and Tổng hợp leave the user on the sheet they were on', async () => {
    const ss = new FakeSpreadsheet();
    ss.fill('Phản ánh', brokenFeedback(3));
    ss.fill('Ghi chép', [['Ghi chú']]);
    ss.setActiveSheet(ss.getSheetByName('Phản ánh')!);
    const gas = load(ss);
    gas.run('dxCheck');
    expect(ss.getSheetByName('DX_DanhDau')!.hidden).toBe(true);
    expect(ss.getActiveSheet()!.name).toBe('Phản ánh');
    gas.run('dxCreateTemplate', { unit: 'Phường Lộc Thọ', period: '2023-06', preparer: 'A' });
    expect(ss.getActiveSheet()!.name).toBe('Phản ánh');
    const { sheets, chart } = await annexSheets();
    gas.run('dxWriteConsolidation', sheets, chart);
    expect(ss.getActiveSheet()!.name).toBe('Phản ánh');
  }, 60000);

  test('more than 999 highlights, and sheets wider than 26 columns or longer than 1,000 rows, are written', () => {
    const ss = new FakeSpreadsheet();
    ss.fill('Phản ánh', brokenFeedback(1500));
    const gas = load(ss);
    expect(gas.run('dxCheck').issues.filter((i: { rule: string }) => i.rule === 'CONG-THUC')).toHaveLength(1500);
    // One record per highlighted cell (the counts and the duplicate names): well past a new sheet's 1,000 rows.
    expect(ss.getSheetByName('DX_DanhDau')!.getDataRange().getNumRows()).toBeGreaterThan(1500);
    const wide = SheetSpec.parse({
      name: 'Phụ lục I',
      rows: Array.from({ length: 1200 }, (_, r) => Array.from({ length: 40 }, (_, c) => ({ v: r * 40 + c }))),
      merges: ['A1:AN1'],
      freeze: { rows: 1, columns: 2 },
    });
    gas.run('dxWriteConsolidation', [wide], null);
    const s = ss.getSheetByName('Phụ lục I')!;
    expect(s.getRange('AN1200').getValue()).toBe(1200 * 40 - 1);
    expect([s.frozenRows, s.frozenColumns]).toEqual([1, 0]);
  });

  test('"100%" typed into a count cell: Sheets stores 1 formatted 0%, the read gives the format, a rate is said', () => {
    const ss = new FakeSpreadsheet();
    // A unit's own feedback table (seed 000 §6), in cells left General as a new sheet's are.
    ss.fill('PAKN', [
      ['STT', 'Tên cơ quan, đơn vị', 'Tiếp nhận', 'Đã giải quyết', '', '', 'Đang giải quyết', '', ''],
      ['', '', '', 'Tổng', 'Đúng hạn', 'Trễ hạn', 'Tổng', 'Đúng hạn', 'Trễ hạn'],
      [1, 'Phòng Văn hóa và Thông tin', 10, 7, 5, 2, 3, 1, 2],
    ]);
    const gas = load(ss);
    ss.getSheetByName('PAKN')!
      .getRange('E3')
      .setValues([['100%']]);
    expect(ss.getSheetByName('PAKN')!.getRange('E3').getNumberFormats()).toEqual([['0%']]);
    const issues = gas.run('dxCheck').issues.filter((i: { cell: string }) => i.cell === 'E3');
    expect(issues.map((i: { rule: string }) => i.rule)).toEqual(['KIEU-PHAN-TRAM']);
  });

  test('a merged input cell is reported in Sheets (GOP-O), as it is in .xlsx', async () => {
    const ss = new FakeSpreadsheet();
    ss.fill('Trang tính1', [['']]);
    const gas = load(ss);
    gas.run('dxCreateTemplate', { unit: 'Phường Lộc Thọ', period: '2023-06', preparer: 'A' });
    ss.getSheetByName('T4 Phản ánh')!.getRange('E6:F6').merge();
    const issues = gas.run('dxCheck').issues.filter((i: { rule: string }) => i.rule === 'GOP-O');
    expect(issues.map((i: { sheet: string; cell: string }) => `${i.sheet}!${i.cell}`)).toEqual(['T4 Phản ánh!E6']);

    const { file } = await unitWorkbook([{ merge: { sheet: 'T4 Phản ánh', range: 'E6:F6' } }], 'Phường Lộc Thọ');
    const xlsx = await (await XlsxWorkbook.open(file)).read();
    expect(xlsx.find((s) => s.name === 'T4 Phản ánh')!.merges).toEqual(expect.arrayContaining(['E6:F6']));
  }, 60000);

  test('two people at once: the second waits 10 s for the document lock, is told in Vietnamese, nothing is written', () => {
    const ss = new FakeSpreadsheet();
    ss.fill('Phản ánh', brokenFeedback(3));
    const gas = load(ss);
    const other = fakeLockService(ss).getDocumentLock();
    expect(other.tryLock(0)).toBe(true);
    const busy = ERROR_MESSAGES.busy({});
    expect(busy).toBe('Một người khác đang làm việc trên bảng tính này; thử lại sau ít giây.');
    expect(() => gas.run('dxCheck')).toThrow(busy);
    expect(() => gas.run('dxComplete')).toThrow(busy);
    expect(() => gas.run('dxCreateTemplate', { unit: 'Phường Lộc Thọ', period: '2023-06' })).toThrow(busy);
    expect(() => gas.run('dxWriteConsolidation', [], null)).toThrow(busy);
    expect(() =>
      gas.run('dxSaveMapping', { sheet: 'Phản ánh', table: 'T4', headerRow: 1, columns: { unit: 'B' } }),
    ).toThrow(busy);
    expect(ss.documentLock.waited).toEqual([10000, 10000, 10000, 10000, 10000]);
    expect(ss.sheets.map((s) => s.name)).toEqual(['Phản ánh']);
    expect(ss.getSheetByName('Phản ánh')!.cells.get('C3')!.background).toBeUndefined();
    other.releaseLock();
    expect(gas.run('dxCheck').issues.length).toBeGreaterThan(0);
    // Released after the run, so the next person gets in at once.
    expect(ss.documentLock.holder).toBeNull();
  });

  test('the menu: createAddonMenu when running as an Editor add-on, the "Báo cáo CĐS" menu for the bound script', () => {
    const ss = new FakeSpreadsheet();
    const bound = load(ss, 'NONE');
    bound.global.onOpen({ authMode: 'LIMITED' });
    expect(bound.menus.map((m) => [m.title, m.addOn])).toEqual([['Báo cáo CĐS', false]]);
    const notYetEnabled = load(ss, 'WEB_STORE_ADD_ON');
    notYetEnabled.global.onOpen({ authMode: 'NONE' });
    const installed = load(ss, 'WEB_STORE_ADD_ON');
    installed.global.onInstall({ authMode: 'FULL' });
    for (const m of [...notYetEnabled.menus, ...installed.menus]) {
      expect(m.addOn).toBe(true);
      expect(m.items.map(([caption]) => caption)).toEqual([
        'Kiểm tra',
        'Tạo phiếu báo cáo',
        'Tổng hợp phụ lục',
        'Mở bảng điều khiển (hàm DX)',
        'Hướng dẫn sử dụng',
      ]);
    }
  });

  test('the scopes asked for are the narrowest that work, each with its reason in README', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'appsscript', 'appsscript.json'), 'utf8'));
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = /### Phạm vi quyền \(scopes\)\n([\s\S]*?)(?=\n##)/.exec(readme)?.[1] ?? '';
    const listed = [...section.matchAll(/`(https:\/\/www\.googleapis\.com\/auth\/[a-z.]+)`/g)].map((m) => m[1]);
    expect(listed.filter((s) => manifest.oauthScopes.includes(s)).sort()).toEqual([...manifest.oauthScopes].sort());
    // A new scope is a decision: the list is fixed here (drive: Tạo phiếu cho tất cả đơn vị's folder, moves and
    // shares, which DriveApp allows only with it; no mail, no trigger, no external request).
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/documents',
      'https://www.googleapis.com/auth/drive',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets',
    ]);
  });
});
