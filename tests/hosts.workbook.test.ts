import { OfficeWorkbook } from '../addin/office-workbook';
import { createTemplate } from '../shared/operations/create-template';
import { inspectWorkbook } from '../shared/operations/mapping-ops';
import { SheetSpec } from '../shared/workbook/sheet-spec';
import { FakeExcel } from './helpers/fake-excel';
import { FakeSpreadsheet } from './helpers/fake-sheets';
import { loadAppsScript } from './helpers/hosts';

const FAMILY_SHEETS = [
  'Thông tin chung',
  'T1 Chỉ tiêu',
  'T2 Văn bản',
  'T3 TTHC',
  'T4 Phản ánh',
  'T5 Dự án',
  'T6 Tuân thủ',
  'Kết quả, khó khăn',
];

/** A unit's own one-stop table with n wards, typed by hand. */
function oneStopRows(n: number): unknown[][] {
  const rows: unknown[][] = [
    ['T T', 'Tên cơ quan, đơn vị', 'Tổng số hồ sơ tiếp nhận', 'Tổng số hồ sơ đã trả kết quả', ''],
    ['', '', '', 'Đúng hạn', 'Trễ hạn'],
  ];
  for (let i = 1; i <= n; i++) rows.push([i, `Phường ${i}`, 100 + i, 90 + i, 10]);
  return rows;
}

describe('Excel (Office.js) adapter', () => {
  test('"Tạo phiếu báo cáo" adds the sheets in three syncs; the pane reads them back', async () => {
    const excel = new FakeExcel();
    const book = new OfficeWorkbook(excel.run);
    const r = await createTemplate(book, { unit: 'Phường Vạn Thạnh', period: '2023-06', preparer: 'Trần Thị B' });
    expect(r.sheets).toEqual(FAMILY_SHEETS);
    expect(excel.syncs).toBe(3);
    // The hidden sheets first (the lists the dropdowns point into, then DX_CauHinh, hidden in a unit's workbook).
    expect(excel.sheets.map((s) => s.name)).toEqual(['DX_DanhSach', 'DX_CauHinh', ...FAMILY_SHEETS]);
    expect(excel.sheet('DX_DanhSach')!.visibility).toBe('Hidden');
    expect(excel.sheet('DX_CauHinh')!.visibility).toBe('Hidden');
    const t1 = excel.sheet('T1 Chỉ tiêu')!;
    expect(t1.cells.get('G6')?.formula).toBe('=IF(AND(ISNUMBER(E6),ISNUMBER(F6),F6>0),E6/F6,"")');
    expect(t1.frozenRows).toBe(4);
    expect(excel.sheet('T5 Dự án')!.validations[0].rule).toEqual({
      list: { inCellDropDown: true, source: expect.stringMatching(/^=DX_DanhSach!\$[A-Z]\$1:\$[A-Z]\$\d+$/) },
    });
    const tables = await inspectWorkbook(book);
    expect(tables.tables.map((t) => t.table).sort()).toEqual([
      'T1',
      'T2',
      'T3a',
      'T3b',
      'T3c',
      'T3d',
      'T3e',
      'T4',
      'T5',
      'T6a',
      'T6b',
    ]);
    // Running it again adds nothing and overwrites nothing.
    await expect(createTemplate(book, { unit: 'Phường Vạn Thạnh', period: '2023-06' })).rejects.toThrow(/không ghi đè/);
  });

  test('reading takes the same number of syncs for 50 and 5,000 rows', async () => {
    const counts = [];
    for (const n of [50, 5000]) {
      const excel = new FakeExcel();
      excel.fill('Một cửa', oneStopRows(n));
      const t = await inspectWorkbook(new OfficeWorkbook(excel.run));
      expect(t.tables.find((x) => x.table === 'T3b')!.rows).toBe(n);
      counts.push(excel.syncs);
    }
    expect(counts[0]).toBe(2);
    expect(counts[1]).toBe(counts[0]);
  });

  test('text that looks like a formula is written as text', async () => {
    const excel = new FakeExcel();
    await new OfficeWorkbook(excel.run).write([
      SheetSpec.parse({
        name: 'DX_Test',
        rows: [[{ v: '=HYPERLINK("http://x")' }, { v: '+84 123' }, { v: '-5 hộ' }, { v: '@unit' }]],
      }),
    ]);
    const s = excel.sheet('DX_Test')!;
    expect([...s.cells.values()]).toEqual([
      { value: '=HYPERLINK("http://x")' },
      { value: '+84 123' },
      { value: '-5 hộ' },
      { value: '@unit' },
    ]);
  });
});

describe('Google Sheets (Apps Script) adapter, through the built bundle', () => {
  test('dxCreateTemplate answers google.script.run with plain data, not a promise', () => {
    const ss = new FakeSpreadsheet();
    const gas = loadAppsScript(ss);
    const r = gas.global.dxCreateTemplate({ unit: 'UBND TP.VT', period: 'Quý III/2023', preparer: 'Lê C' });
    expect(typeof r.then).toBe('undefined');
    expect(JSON.parse(JSON.stringify(r))).toMatchObject({
      unit: 'UBND thành phố Vũng Tàu',
      period: 'Quý III/2023',
      sheets: FAMILY_SHEETS,
    });
    expect(ss.getSheetByName('DX_DanhSach')!.hidden).toBe(true);
    expect(ss.getSheetByName('T1 Chỉ tiêu')!.cells.get('G6')?.formula).toBe(
      '=IF(AND(ISNUMBER(E6),ISNUMBER(F6),F6>0),E6/F6,"")',
    );
    expect(ss.getSheetByName('Thông tin chung')!.cells.get('B4')?.value).toBe('UBND thành phố Vũng Tàu');
    const t = gas.global.dxInspect();
    expect(t.tables).toHaveLength(11);
    expect(() => gas.global.dxCreateTemplate({ unit: 'UBND TP.VT', period: 'Quý III/2023' })).toThrow(/không ghi đè/);
    expect(() => gas.global.dxCreateTemplate({ unit: 'Pường 1', period: '2023-09' })).toThrow(/Có phải “Phường 1”\?/);
  });

  test('each sheet is written with whole-range calls: the count does not grow with rows', () => {
    const counts = [];
    for (const n of [50, 5000]) {
      const ss = new FakeSpreadsheet();
      ss.fill('Một cửa', oneStopRows(n));
      const gas = loadAppsScript(ss);
      const t = gas.global.dxInspect();
      expect(t.tables.find((x: { table: string }) => x.table === 'T3b').rows).toBe(n);
      counts.push(ss.rangeCalls());
    }
    expect(counts[0]).toBe(4); // getValues + getFormulas + getNumberFormats + getMergedRanges
    expect(counts[1]).toBe(counts[0]);
  });

  test('a column mapping chosen in the sidebar is saved and used', () => {
    const ss = new FakeSpreadsheet();
    ss.fill('Theo dõi', [
      ['Số', 'Đơn vị', 'Nhận', 'Kịp thời', 'Chậm'],
      [1, 'Phường 2', 50, 45, 5],
    ]);
    const gas = loadAppsScript(ss);
    expect(gas.global.dxInspect().tables.some((t: { table: string }) => t.table === 'T3b')).toBe(false);
    gas.global.dxSaveMapping({
      sheet: 'Theo dõi',
      table: 'T3b',
      headerRow: 1,
      columns: { stt: 'A', unit: 'B', received: 'C', onTime: 'D', late: 'E' },
    });
    const t = gas.global.dxInspect().tables.find((x: { table: string }) => x.table === 'T3b');
    expect(t).toMatchObject({ sheet: 'Theo dõi', rows: 1, mapped: true });
    expect(ss.getSheetByName('DX_AnhXa')!.hidden).toBe(true);
    expect(() =>
      gas.global.dxSaveMapping({ sheet: 'Theo dõi', table: 'T3b', headerRow: 1, columns: { unit: 'B' } }),
    ).toThrow(/Chưa chọn cột cho/);
  });
});
