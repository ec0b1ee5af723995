/*
 * Excel as it really behaves (issue 10), through the Office.js stand-in that models it
 * (tests/helpers/fake-excel.ts, each rule with its documentation): one test per defect
 * the Excel port had against a real Excel.
 */
import { OfficeWorkbook, REQUEST_BUDGET } from '../addin/office-workbook';
import { officeConsolidation } from '../addin/taskpane/consolidate-bridge';
import { check, complete } from '../shared/operations/check';
import { createTemplate } from '../shared/operations/create-template';
import { a1, SheetSpec } from '../shared/workbook/sheet-spec';
import { XlsxWorkbook } from '../xlsx/workbook';
import { validateSheets } from '../shared/validation/validate';
import { FakeExcel, REQUEST_LIMIT } from './helpers/fake-excel';
import { CONSISTENT, unitWorkbook } from './helpers/unit-fixture';

/** Two units' workbooks, read as the pane reads the files it is given. */
async function sources() {
  const out = [];
  for (const [unit, n, d] of [
    ['Phường Lộc Thọ', 40000, 120000],
    ['Phường Vạn Thạnh', 33223, 101736],
  ] as const) {
    const { file } = await unitWorkbook(
      [
        ...CONSISTENT,
        { table: 'T1', row: 'XHS.DDDT', field: 'numerator', value: n },
        { table: 'T1', row: 'XHS.DDDT', field: 'denominator', value: d },
      ],
      unit,
    );
    out.push({ source: { file: `${unit}.xlsx` }, sheets: await (await XlsxWorkbook.open(file)).read() });
  }
  return out;
}

/** The Excel port, keeping the sheet specs it was asked to write. */
class Recording extends OfficeWorkbook {
  specs: SheetSpec[] = [];
  async write(specs: SheetSpec[], replace?: string[]) {
    this.specs.push(...specs);
    return super.write(specs, replace);
  }
}

/** Every text cell of the specs that Excel does not hold as that very text. */
function textsChanged(excel: FakeExcel, specs: SheetSpec[]): string[] {
  const out: string[] = [];
  for (const spec of specs)
    spec.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell?.v !== 'string' || cell.v === '') return;
        const got = excel.value(spec.name, a1(r, c));
        if (got !== cell.v) out.push(`${spec.name}!${a1(r, c)} ${JSON.stringify(cell.v)} → ${JSON.stringify(got)}`);
      }),
    );
  return out;
}

const sheetNames = (excel: FakeExcel) => excel.sheets.map((s) => s.name);

/** A new workbook as Excel makes one: a single visible sheet. */
function newWorkbook(): FakeExcel {
  const excel = new FakeExcel();
  excel.fill('Sheet1', []);
  return excel;
}

describe('the stand-in parses written strings as Excel does (en-US, whatever the locale)', () => {
  test('in a General cell "12/12" is a date, "1." and "01" are 1, "100%" is 1; with "@" set first they stay text', async () => {
    const excel = new FakeExcel({ today: new Date(2023, 6, 10) });
    const typed = ['12/12', '1.', '01', '100%', '1,234', '1.234', '6/2023', '10/07/2023 09:30', 'TRUE'];
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add('Nháp');
      sheet.getRange('A1:I1').values = [typed];
      const text = sheet.getRange('A2:I2');
      text.numberFormat = [typed.map(() => '@')];
      text.values = [typed];
      await context.sync();
    });
    const row = (r: number) => typed.map((_, c) => excel.value('Nháp', a1(r, c)));
    expect(row(0)).toEqual([45272, 1, 1, 1, 1234, 1.234, 45078, expect.closeTo(45206.395833, 5), true]);
    expect(excel.text('Nháp', 'A1')).toBe('12-Dec');
    expect(excel.text('Nháp', 'D1')).toBe('100%');
    expect(excel.text('Nháp', 'H1')).toBe('10/7/2023 9:30'); // 7 October: day and month swapped
    expect(row(1)).toEqual(typed);
    // Text that starts like a formula: refused in General, kept as it is in "@".
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Nháp').getRange('A3').values = [['-5 hộ']];
        await context.sync();
      }),
    ).rejects.toThrow(/InvalidArgument/);
  });
});

describe('Excel port against the stand-in (each failed before issue 10)', () => {
  test('annex texts land as text: counts "n/N", row numbers "1.", "X (trễ hạn)" — not dates or numbers', async () => {
    const excel = newWorkbook();
    const book = new Recording(excel.run);
    await officeConsolidation(book).write(await sources(), { includeErrors: false }, () => false);
    const texts = book.specs.flatMap((s) => s.rows.flat().map((c) => c?.v));
    expect(texts).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d+\/\d+$/), expect.stringMatching(/^\d+\.$/)]),
    );
    expect(textsChanged(excel, book.specs)).toEqual([]);
  }, 60000);

  test('a template’s texts (DX_CauHinh "01", targets "100%", levels "1"…"5", formula-like text) stay that text, no apostrophe', async () => {
    const excel = newWorkbook();
    const book = new Recording(excel.run);
    await createTemplate(book, { unit: 'Phường Lộc Thọ', period: '2023-06', preparer: 'A' });
    expect(textsChanged(excel, book.specs)).toEqual([]);
    await book.write([
      SheetSpec.parse({
        name: 'DX_Test',
        rows: [[{ v: '=HYPERLINK("http://x")' }, { v: '+84 123' }, { v: '-5 hộ' }, { v: '@unit' }, { v: '01' }]],
      }),
    ]);
    expect(['A1', 'B1', 'C1', 'D1', 'E1'].map((c) => excel.text('DX_Test', c))).toEqual([
      '=HYPERLINK("http://x")',
      '+84 123',
      '-5 hộ',
      '@unit',
      '01',
    ]);
    // Read back: text, not formulas; formula cells give their result, the formula beside it.
    const [snap] = await book.read(['DX_Test']);
    expect(snap.values[0]).toEqual(['=HYPERLINK("http://x")', '+84 123', '-5 hộ', '@unit', '01']);
    expect(snap.formulas![0]).toEqual([null, null, null, null, null]);
    const [t1] = await book.read(['T1 Chỉ tiêu']);
    const g6 = t1.formulas![5][6];
    expect(g6).toMatch(/^=IF\(/);
    expect(t1.values[5][6]).toBeNull(); // "" while the figures are empty, never the formula text
  });

  test('"Hoàn thành lúc" is read back as the time it was stamped, not 7 October', async () => {
    const excel = newWorkbook();
    const book = new OfficeWorkbook(excel.run);
    await createTemplate(book, { unit: 'Phường Lộc Thọ', period: '2023-06', preparer: 'A' });
    const cover = excel.sheet('Thông tin chung')!;
    cover.cells.set('B7', { value: '10/07/2023' });
    excel.sheet('T4 Phản ánh')!.cells.set('C6', { value: 16 }); // an empty template is never completed
    const r = await complete(book, new Date(2023, 6, 10, 9, 30));
    expect(r).toMatchObject({ ok: true, completedAt: '10/07/2023 09:30' });
    expect(excel.text('Thông tin chung', 'B12')).toBe('10/07/2023 09:30');
    expect((await check(book)).completedAt).toBe('10/07/2023 09:30');
  });

  test('re-running Tổng hợp in a workbook holding only its own sheets: the last visible sheet is never deleted', async () => {
    const excel = newWorkbook();
    const bridge = officeConsolidation(new OfficeWorkbook(excel.run));
    await bridge.write(await sources(), { includeErrors: false }, () => false);
    // The secretariat deletes the empty Sheet1: only the product's sheets are left.
    excel.sheets = excel.sheets.filter((s) => s.name !== 'Sheet1');
    const first = sheetNames(excel);
    expect(excel.sheets.every((s) => s.name.startsWith('DX_') || s.visibility === 'Visible')).toBe(true);
    const syncs = excel.syncs;
    await bridge.write(await sources(), { includeErrors: false }, () => false);
    expect(excel.syncs - syncs).toBe(6); // names 1 + DX_SoHuu 2 + write 2 + chart 1, as before
    expect(sheetNames(excel).sort()).toEqual([...first].sort());
    expect(sheetNames(excel).some((n) => n.startsWith('DX~'))).toBe(false);
  }, 60000);

  test('a re-run that fails midway leaves the previous annexes as they were', async () => {
    const excel = newWorkbook();
    const bridge = officeConsolidation(new OfficeWorkbook(excel.run));
    await bridge.write(await sources(), { includeErrors: false }, () => false);
    const before = excel.sheets.map((s) => [s.name, JSON.stringify([...s.cells])]);
    excel.fault = (command) => command === 'add Phụ lục III';
    await expect(bridge.write(await sources(), { includeErrors: false }, () => false)).rejects.toThrow(
      /internal error/,
    );
    excel.fault = null;
    expect(excel.sheets.map((s) => [s.name, JSON.stringify([...s.cells])])).toEqual(before);
  }, 60000);

  test('a write over the 5 MB request limit of Excel on the web goes in several syncs, split by rows', async () => {
    const rows = Array.from({ length: 40000 }, (_, i) => [
      { v: `${i + 1}.` },
      { v: `Phường Vạn Thạnh số ${i + 1}` },
      { v: `${i % 12}/12` },
      { v: i, s: 'count' as const },
      { v: 'Đạt', s: 'computedText' as const },
      { v: 'Nguồn: báo cáo của đơn vị, tháng 6/2023' },
    ]);
    const spec = SheetSpec.parse({ name: 'Lớn', rows, columnWidths: [6, 30, 10, 10, 10, 40] });
    const excel = newWorkbook();
    await new OfficeWorkbook(excel.run).write([spec]);
    expect(Math.max(...excel.requests)).toBeLessThanOrEqual(REQUEST_LIMIT);
    expect(excel.requests.reduce((a, b) => a + b, 0)).toBeGreaterThan(REQUEST_LIMIT);
    // Names 1, then one sync per REQUEST_BUDGET written: only as many as needed.
    const total = excel.requests.reduce((a, b) => a + b, 0);
    expect(excel.syncs).toBeGreaterThanOrEqual(1 + Math.ceil(total / REQUEST_BUDGET));
    expect(excel.syncs).toBeLessThanOrEqual(2 + Math.ceil(total / REQUEST_BUDGET));
    expect(excel.value('Lớn', 'A40000')).toBe('40000.');
    expect(excel.value('Lớn', 'C40000')).toBe('3/12');
    expect(excel.sheet('Lớn')!.cells.size).toBe(40000 * 6);
  }, 60000);

  test('merged cells in a unit’s input table are read in Excel: Kiểm tra reports GOP-O there, as for .xlsx', async () => {
    const excel = newWorkbook();
    const book = new OfficeWorkbook(excel.run);
    await createTemplate(book, { unit: 'UBND thành phố Nha Trang', period: '2023-06', preparer: 'A' });
    excel.sheet('T3 TTHC')!.merges.push('C6:D6');
    const syncs = excel.syncs;
    const r = await check(book);
    expect(r.issues.filter((i) => i.rule === 'GOP-O').map((i) => `${i.sheet}!${i.cell}`)).toEqual(['T3 TTHC!C6']);
    // The merged areas come in the read's second sync: Kiểm tra's syncs are as before (the highlights' 2: the
    // sheets' protection read, then the write between lifting and restoring it).
    expect(excel.syncs - syncs).toBeLessThanOrEqual(7);
    // The same as the .xlsx port says for the same workbook.
    const { file } = await unitWorkbook([...CONSISTENT, { merge: { sheet: 'T3 TTHC', range: 'C6:D6' } }]);
    const fromFile = await check(await XlsxWorkbook.open(file));
    expect(fromFile.issues.filter((i) => i.rule === 'GOP-O').map((i) => `${i.sheet}!${i.cell}`)).toEqual([
      'T3 TTHC!C6',
    ]);
  });

  test('a sheet with more merged areas than one call returns (512) is still read whole', async () => {
    const excel = new FakeExcel();
    const rows = Array.from({ length: 700 }, (_, i) => [`Dòng ${i + 1}`, '', 'x']);
    const s = excel.fill('Nhiều ô gộp', rows);
    for (let i = 1; i <= 600; i++) s.merges.push(`A${i}:B${i}`);
    const [snap] = await new OfficeWorkbook(excel.run).read(['Nhiều ô gộp']);
    expect(snap.merges).toHaveLength(600);
    expect(snap.merges).toContain('A600:B600');
  });

  test('frozen panes as in Sheets: an annex freezes its header rows, not the columns its merged title crosses', async () => {
    const excel = newWorkbook();
    const book = new Recording(excel.run);
    await officeConsolidation(book).write(await sources(), { includeErrors: false }, () => false);
    const annex = book.specs.find((s) => s.name === 'Phụ lục I')!;
    expect(annex.freeze).toMatchObject({ columns: 2 });
    expect(excel.sheet('Phụ lục I')).toMatchObject({ frozenRows: annex.freeze!.rows, frozenColumns: 0 });
    await createTemplate(book, { unit: 'Phường Lộc Thọ', period: '2023-06', preparer: 'A' });
    expect(excel.sheet('DX_CauHinh')).toMatchObject({ frozenRows: 4, frozenColumns: 1 });
  }, 60000);
});

describe('number formats come with the values (issue 13)', () => {
  test('"100%" typed into a count cell is stored 1 formatted 0%: read in the same sync, reported as a rate', async () => {
    const excel = new FakeExcel({ today: new Date(2023, 6, 10) });
    excel.fill('PAKN', [
      ['STT', 'Tên cơ quan, đơn vị', 'Tiếp nhận', 'Đã giải quyết', null, null, 'Đang giải quyết', null, null],
      [null, null, null, 'Tổng', 'Đúng hạn', 'Trễ hạn', 'Tổng', 'Đúng hạn', 'Trễ hạn'],
      [1, 'Phòng Văn hóa và Thông tin', 10, 7, 5, 2, 3, 1, 2],
    ]);
    await excel.run(async (context) => {
      // Typed as a user types it: Excel turns "100%" into 1 with the format 0%.
      context.workbook.worksheets.getItem('PAKN').getRange('E3').values = [['100%']];
      await context.sync();
    });
    const before = excel.syncs;
    const [sheet] = await new OfficeWorkbook(excel.run).read(['PAKN']);
    expect(sheet.values[2][4]).toBe(1);
    expect(sheet.numberFormats?.[2][4]).toBe('0%');
    expect(sheet.numberFormats?.[2][3]).toBeNull();
    // No sync more than without formats: sheets, then the used ranges and merges.
    expect(excel.syncs - before).toBe(2);
    const issues = validateSheets([sheet], { now: new Date(Date.UTC(2023, 6, 10)) }).issues;
    expect(issues.filter((i) => i.cell === 'E3').map((i) => i.rule)).toEqual(['KIEU-PHAN-TRAM']);
  });
});
