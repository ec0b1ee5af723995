/*
 * What real hosts store, read back as the user meant it (issue 10): a completion time and a period
 * that Excel or Sheets turned into dates, targets turned into percent numbers, "01" turned into 1;
 * and what the product writes: text with the text format, a completion time as a date-time value.
 */
import ExcelJS from 'exceljs';
import { consolidate } from '../shared/consolidate/consolidate';
import { periodText } from '../shared/dates/period';
import { parseStamp, stampLabel } from '../shared/messages/wording';
import { complete } from '../shared/operations/check';
import { createTemplate } from '../shared/operations/create-template';
import { readUnitWorkbook } from '../shared/reading/unit-workbook';
import { targetText } from '../shared/targets/target';
import { CONFIG_INDICATORS, readConfig } from '../shared/templates/config-sheet';
import { findTable } from '../shared/tables/read';
import { CONFIG_SHEET } from '../shared/templates/version';
import { COMPLETIONS_SHEET, readCompletions } from '../shared/validation/completions';
import { DATE_TIME_FORMAT, encodeCell, serialOf, TEXT_FORMAT } from '../shared/workbook/render';
import { XlsxWorkbook } from '../xlsx/workbook';
import { CONSISTENT, unitWorkbook } from './helpers/unit-fixture';

/** 10/07/2023 09:30 as Excel stores it. */
const STAMP_SERIAL = serialOf('2023-07-10T09:30');

describe('reading what a host stores', () => {
  test('a completion time as text, as an Excel serial, as a Sheets Date', () => {
    expect(STAMP_SERIAL).toBeCloseTo(45117.395833, 5);
    for (const raw of ['10/07/2023 09:30', STAMP_SERIAL, new Date(2023, 6, 10, 9, 30)])
      expect(stampLabel(raw)).toBe('10/07/2023 09:30');
    // A host rounds the fraction of a day: 09:29:59.99 is 09:30.
    expect(stampLabel(STAMP_SERIAL - 1e-9)).toBe('10/07/2023 09:30');
    expect(parseStamp(serialOf('2023-07-10T23:59') + 0.0006)).toEqual({
      day: { y: 2023, m: 7, d: 11 },
      hour: 0,
      minute: 0,
    });
    expect(stampLabel('')).toBeNull();
    expect(stampLabel('hôm qua')).toBe('hôm qua');
  });

  test('"6/2023" that a host made a date on the 1st is the month', () => {
    expect(periodText(new Date(2023, 5, 1))).toBe('6/2023');
    expect(periodText(serialOf('2023-06-01'))).toBe('6/2023');
    expect(periodText(' tháng 6/2023 ')).toBe('tháng 6/2023');
    expect(periodText(null)).toBeNull();
  });

  test('a target a host stored as a percent number reads as the phrase', () => {
    expect([1, 0.5, 0.085, 0.9, 0.3333].map(targetText)).toEqual(['100%', '50%', '8,5%', '90%', '33,33%']);
    expect(targetText('Trên 8,5%')).toBe('Trên 8,5%');
  });

  test('DX_CauHinh edited in a host: "100%" stored as 1 and "01" as 1 read back as the master had them', async () => {
    const book = new XlsxWorkbook();
    await createTemplate(book, { unit: 'Phường Lộc Thọ', period: '2023-06' });
    const grid = (await book.read([CONFIG_SHEET]))[0].values;
    const layout = findTable(grid, CONFIG_INDICATORS)!;
    const before = readConfig(grid).indicators;
    const key = (k: string) => layout.columns[k];
    const levels = ['quocGia', 'tinh', 'thanhPho'];
    // The first row numbered "01" with a "100%" target: a host takes "01" for 1 and "100%" for 1.
    const row = grid.findIndex(
      (r, i) => i > layout.headerRow && r[key('number')] === '01' && levels.some((l) => r[key(l)] === '100%'),
    );
    expect(row).toBeGreaterThan(layout.headerRow);
    const edited = grid.map((r) => [...r]);
    edited[row][key('number')] = 1;
    for (const l of levels) if (edited[row][key(l)] === '100%') edited[row][key(l)] = 1;
    const code = String(grid[row][key('code')]);
    const after = readConfig(edited);
    expect(after.issues).toEqual([]);
    const was = before.find((i) => i.code === code)!;
    const now = after.indicators.find((i) => i.code === code)!;
    expect(now.number).toBe('01');
    expect(now.targets).toEqual(was.targets);
  });
});

describe('writing what we mean', () => {
  test('text cells carry the text format, a date-time the date format and a serial', () => {
    expect(encodeCell({ v: '12/12' })).toEqual({ value: '12/12', numberFormat: TEXT_FORMAT, formula: false });
    expect(encodeCell({ v: '=SUM(A1)' })).toEqual({ value: "'=SUM(A1)", numberFormat: TEXT_FORMAT, formula: false });
    expect(encodeCell({ d: '2023-07-10T09:30' })).toEqual({
      value: STAMP_SERIAL,
      numberFormat: DATE_TIME_FORMAT,
      formula: false,
    });
    expect(encodeCell({ v: 12, s: 'count' })).toEqual({ value: 12, numberFormat: '#,##0', formula: false });
  });

  test('an .xlsx annex keeps "12/12" as text with the text format, and "=…" from a unit as text', async () => {
    const book = new XlsxWorkbook();
    await book.write([
      {
        name: 'A',
        rows: [[{ v: '12/12' }, { v: '=HYPERLINK("x")' }, { v: '1.' }]],
        columnWidths: [],
        rowHeights: [],
        merges: [],
        validations: [],
        hidden: false,
      },
    ]);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
    const ws = reread.getWorksheet('A')!;
    expect([ws.getCell('A1').value, ws.getCell('B1').value, ws.getCell('C1').value]).toEqual([
      '12/12',
      '=HYPERLINK("x")',
      '1.',
    ]);
    expect(ws.getCell('A1').numFmt).toBe('@');
    expect(ws.getCell('B1').type).toBe(ExcelJS.ValueType.String);
  });

  test('"Hoàn thành" writes a date-time value; the first time stays; a changed report asks, then keeps both', async () => {
    const { file } = await unitWorkbook(CONSISTENT, 'Phường Lộc Thọ');
    const book = await XlsxWorkbook.open(file);
    const first = await complete(book, new Date(2023, 6, 10, 9, 30));
    expect(first).toMatchObject({ ok: true, completedAt: '10/07/2023 09:30' });
    const cover = readUnitWorkbook(await book.read()).cover.completedAt!;
    const cell = book.book.getWorksheet(cover.sheet)!.getCell(cover.cell);
    expect(cell.numFmt).toBe(DATE_TIME_FORMAT);
    expect(cell.value).toBeCloseTo(STAMP_SERIAL, 6);

    const same = await complete(book, new Date(2023, 6, 20, 8, 0));
    expect(same).toMatchObject({ ok: true, completedAt: '10/07/2023 09:30' });
    expect(same.message).toContain('giữ nguyên giờ hoàn thành');

    // The unit changes a figure after completing: pressing again asks before a new (later) time.
    const t = readUnitWorkbook(await book.read()).tables.find((x) => x.table === 'T1')!;
    const item = t.rows.find((r) => r.cells.code === 'XHS.DDDT')!;
    const letter = String.fromCharCode(65 + t.columns.numerator);
    book.book.getWorksheet(t.sheet)!.getCell(`${letter}${item.row + 1}`).value = 100990;
    const asked = await complete(book, new Date(2023, 6, 21, 8, 0));
    expect(asked).toMatchObject({ ok: false, confirm: true, completedAt: '10/07/2023 09:30' });
    expect(stampLabel(readUnitWorkbook(await book.read()).cover.completedAt!.value)).toBe('10/07/2023 09:30');

    const replaced = await complete(book, new Date(2023, 6, 21, 8, 0), {}, { replace: true });
    expect(replaced).toMatchObject({ ok: true, completedAt: '21/07/2023 08:00' });
    const history = readCompletions(await book.read([COMPLETIONS_SHEET]));
    expect(history.map((h) => [h.at, h.note])).toEqual([
      ['10/07/2023 09:30', 'Hoàn thành lần đầu'],
      ['21/07/2023 08:00', 'Ghi lại (trước đó: 10/07/2023 09:30)'],
    ]);
  });

  test('a unit whose host saved the period and the completion time as dates is consolidated and on time', async () => {
    const { file } = await unitWorkbook(
      [
        ...CONSISTENT,
        { cover: 'period', value: new Date(Date.UTC(2023, 5, 1)) },
        { cover: 'completedAt', value: new Date(Date.UTC(2023, 6, 10, 9, 30)) },
      ],
      'Phường Lộc Thọ',
    );
    const book = await XlsxWorkbook.open(file);
    const result = consolidate([{ source: { file: 'loc-tho.xlsx' }, sheets: await book.read() }], {
      period: '2023-06',
      now: new Date(2023, 11, 1),
    });
    expect(result.collected.excluded).toEqual([]);
    expect(result.collected.included.map((s) => [s.unit.name, s.period, s.completedAt])).toEqual([
      ['Phường Lộc Thọ', '6/2023', '10/07/2023 09:30'],
    ]);
    expect(result.missing).not.toContain('Phường Lộc Thọ');
    const matrix = result.sheets.find((s) => s.name === 'Phụ lục II')!;
    const row = matrix.rows.find((r) => r.some((c) => c?.v === 'Phường Lộc Thọ'))!;
    expect(row.map((c) => c?.v)).toContain('X');
    const sources = result.sheets.find((s) => s.name === 'Nguồn số liệu')!;
    const stamp = sources.rows.flat().find((c) => c?.d);
    expect(stamp?.d).toBe('2023-07-10T09:30');
  });
});
