/*
 * One unit workbook, three hosts (issue 10): made by the product in an .xlsx file, in Excel (Office.js
 * stand-in) and in Google Sheets (Apps Script stand-in, vi_VN and en_US), filled with the same figures
 * and the same typed mistakes as each host stores them, gives the same issues at the same cells; the
 * same sources consolidated into each host read back the same annexes ("12/12" stays "12/12", a
 * completion time stays that time, a target stays "100%").
 */
import { OfficeWorkbook } from '../addin/office-workbook';
import { SheetsWorkbook } from '../appsscript/server/sheets-workbook';
import { parseA1 } from '../shared/workbook/sheet-spec';
import { stampLabel } from '../shared/messages/wording';
import { check } from '../shared/operations/check';
import { writeAnnexes } from '../shared/operations/consolidate-op';
import { createTemplate } from '../shared/operations/create-template';
import { readUnitWorkbook } from '../shared/reading/unit-workbook';
import { CellValue } from '../shared/workbook/sheet-spec';
import { SheetSnapshot, WorkbookPort } from '../shared/workbook/port';
import { XlsxWorkbook } from '../xlsx/workbook';
import { FakeExcel } from './helpers/fake-excel';
import { FakeSpreadsheet, fakeSpreadsheetApp } from './helpers/fake-sheets';

type Stored = string | number | Date;

/** Where a unit types, by table row (indicator code or "#n") and field, or a cover field. */
type Typed = { table: string; row: string; field: string; value: Stored } | { cover: 'reportDate'; value: Stored };

/** Seed figures with seed 003's typed mistakes: > 100%, a word in a count, a malformed group, a broken sum. */
const TYPED: Typed[] = [
  { cover: 'reportDate', value: new Date(2023, 6, 10) },
  { table: 'T1', row: 'XHS.DDDT', field: 'numerator', value: 103223 },
  { table: 'T1', row: 'XHS.DDDT', field: 'denominator', value: 311736 },
  { table: 'T1', row: 'CQS.07', field: 'numerator', value: 23802 },
  { table: 'T1', row: 'CQS.07', field: 'denominator', value: 23391 },
  { table: 'T1', row: 'CQS.03', field: 'numerator', value: '24 loại' },
  { table: 'T1', row: 'CQS.03', field: 'denominator', value: 142378 },
  { table: 'T1', row: 'KTS.01', field: 'numerator', value: '421.62' },
  { table: 'T1', row: 'KTS.01', field: 'denominator', value: 5000 },
  // Seed 000 §6: 16 received, 10 resolved (6 + 4), in process typed 5 instead of 6.
  ...(
    [
      ['received', 16],
      ['resolved', 10],
      ['resolvedOnTime', 6],
      ['resolvedLate', 4],
      ['inProcess', 5],
      ['inProcessOnTime', 2],
      ['inProcessLate', 4],
    ] as const
  ).map(([field, value]) => ({ table: 'T4', row: '#1', field, value })),
];

/** The same layout in every host (the same template): addresses resolved once on an .xlsx copy. */
async function addresses(unit: string): Promise<{ at: Array<{ sheet: string; cell: string; value: Stored }> }> {
  const book = new XlsxWorkbook();
  await createTemplate(book, { unit, period: '2023-06', preparer: 'Nguyễn Văn A' });
  const read = readUnitWorkbook(await book.read());
  const at = TYPED.map((t) => {
    if ('cover' in t) return { ...read.cover[t.cover]!, value: t.value };
    const table = read.tables.find((x) => x.table === t.table)!;
    const items = table.rows.filter((r) => r.kind === 'item');
    const row = t.row.startsWith('#') ? items[Number(t.row.slice(1)) - 1] : items.find((r) => r.cells.code === t.row)!;
    const col = table.columns[t.field];
    expect(col).toBeDefined();
    return { sheet: table.sheet, cell: `${String.fromCharCode(65 + col)}${row.row + 1}`, value: t.value };
  });
  return { at };
}

interface Host {
  name: string;
  port: WorkbookPort;
  /** Puts a value in a cell as the host stores what the unit typed. */
  store(sheet: string, cell: string, value: Stored): void;
  merge(sheet: string, range: string): void;
}

function hosts(): Host[] {
  const xlsx = new XlsxWorkbook();
  const excel = new FakeExcel();
  const vi = new FakeSpreadsheet(undefined, 'vi_VN');
  const en = new FakeSpreadsheet(undefined, 'en_US');
  // The port also reads SpreadsheetApp's enums (border styles, …), as Apps Script's global.
  (globalThis as unknown as { SpreadsheetApp: unknown }).SpreadsheetApp = fakeSpreadsheetApp(vi);
  const sheetsHost = (name: string, ss: FakeSpreadsheet): Host => ({
    name,
    port: new SheetsWorkbook(ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet),
    // Sheets keeps a typed date as a date value (getValues gives a Date).
    store: (sheet, cell, value) => {
      const c = ss.getSheetByName(sheet)!.cells;
      c.set(cell, { ...(c.get(cell) ?? {}), value, ...(value instanceof Date ? { format: 'dd/mm/yyyy' } : {}) });
    },
    merge: (sheet, range) => ss.getSheetByName(sheet)!.merges.push(range),
  });
  return [
    {
      name: '.xlsx',
      port: xlsx,
      store: (sheet, cell, value) => {
        const c = xlsx.book.getWorksheet(sheet)!.getCell(cell);
        // A file holds a date as the UTC instant of its serial (ExcelJS's convention).
        c.value =
          value instanceof Date ? new Date(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate())) : value;
      },
      merge: (sheet, range) => xlsx.book.getWorksheet(sheet)!.mergeCells(range),
    },
    {
      name: 'Excel',
      port: new OfficeWorkbook(excel.run),
      store: (sheet, cell, value) => {
        const { row, col } = parseA1(cell);
        const grid: unknown[][] = Array.from({ length: row + 1 }, () => []);
        grid[row][col] =
          value instanceof Date ? new Date(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate())) : value;
        excel.fill(sheet, grid);
      },
      merge: (sheet, range) => excel.sheet(sheet)!.merges.push(range),
    },
    sheetsHost('Sheets vi_VN', vi),
    sheetsHost('Sheets en_US', en),
  ];
}

const brief = (issues: Array<{ sheet: string; cell: string; rule: string; severity: string; message: string }>) =>
  issues
    .filter((i) => !i.sheet.startsWith('DX_'))
    .map((i) => `${i.sheet}!${i.cell} ${i.rule} ${i.severity}: ${i.message}`)
    .sort();

describe('the same unit workbook checked in every host', () => {
  test('same typed mistakes, same merged input cell: the same issues at the same cells', async () => {
    const { at } = await addresses('Phường Lộc Thọ');
    const results: Record<string, string[]> = {};
    const rules = new Set<string>();
    for (const h of hosts()) {
      await createTemplate(h.port, { unit: 'Phường Lộc Thọ', period: '2023-06', preparer: 'Nguyễn Văn A' });
      for (const a of at) h.store(a.sheet, a.cell, a.value);
      const t4 = at.find((a) => a.sheet === 'T4 Phản ánh')!;
      const { row } = parseA1(t4.cell);
      h.merge('T4 Phản ánh', `D${row + 1}:E${row + 1}`);
      const issues = (await check(h.port)).issues;
      if (h.name === '.xlsx') issues.forEach((i) => rules.add(i.rule));
      results[h.name] = brief(issues);
    }
    // Each typed mistake is caught where it was typed.
    expect(rules).toEqual(new Set(['TU-LON-HON-MAU', 'KIEU-CHU', 'KIEU-MO-HO', 'CONG-THUC', 'GOP-O']));
    for (const name of Object.keys(results)) expect([name, results[name]]).toEqual([name, results['.xlsx']]);
  });
});

/**
 * A sheet's values as a user reads them: the "Hoàn thành lúc" column through its date-time format
 * (a serial in Excel and in a fresh .xlsx, a Date in Sheets and in a reopened file), the rest as stored.
 */
function shown(s: SheetSnapshot): string[][] {
  const header = s.values.find((r) => (r ?? []).includes('Hoàn thành lúc')) ?? [];
  const stampCol = header.indexOf('Hoàn thành lúc');
  // Blank cells after a row's last value, and blank rows at the end, show nothing: a port may leave them out.
  const rows = Array.from(s.values, (row) => {
    const cells = Array.from(row ?? [], (v: CellValue, c) => {
      if (c === stampCol && (typeof v === 'number' || v instanceof Date)) return stampLabel(v) ?? '';
      return v === null || v === undefined ? '' : String(v);
    });
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    return cells;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

describe('the same sources consolidated in every host', () => {
  test('the annexes read back the same: counts "n/N" stay text, the completion time stays, targets stay', async () => {
    const sources: Array<{ source: { file: string }; sheets: SheetSnapshot[] }> = [];
    for (const unit of ['Phường Lộc Thọ', 'Phường Vạn Thạnh']) {
      const book = new XlsxWorkbook();
      await createTemplate(book, { unit, period: '2023-06', preparer: 'Nguyễn Văn A' });
      const { at } = await addresses(unit);
      for (const a of at.filter((x) => !(typeof x.value === 'string') && x.sheet !== 'T4 Phản ánh')) {
        const c = book.book.getWorksheet(a.sheet)!.getCell(a.cell);
        c.value = a.value instanceof Date ? new Date(Date.UTC(2023, 6, 10)) : a.value;
      }
      const read = readUnitWorkbook(await book.read());
      const stamp = read.cover.completedAt!;
      book.book.getWorksheet(stamp.sheet)!.getCell(stamp.cell).value = new Date(Date.UTC(2023, 6, 10, 9, 30));
      book.book.getWorksheet(stamp.sheet)!.getCell(stamp.cell).numFmt = 'dd/mm/yyyy hh:mm';
      sources.push({ source: { file: `${unit}.xlsx` }, sheets: await book.read() });
    }
    const annexes: Record<string, Record<string, string[][]>> = {};
    for (const h of hosts()) {
      await writeAnnexes(h.port, sources, { period: '2023-06', includeErrors: true, now: new Date(2023, 6, 20) });
      const names = ['Phụ lục I', 'Phụ lục II', 'Phụ lục III', 'Phụ lục VI', 'Nguồn số liệu'];
      const read = await h.port.read(names);
      annexes[h.name] = Object.fromEntries(read.map((s) => [s.name, shown(s)]));
    }
    const base = annexes['.xlsx'];
    const flat = (name: string) => base[name].flat();
    expect(flat('Phụ lục II').some((v) => /^\d+\/\d+$/.test(v))).toBe(true);
    expect(flat('Nguồn số liệu')).toContain('10/07/2023 09:30');
    expect(flat('Phụ lục VI')).toContain('100%');
    for (const name of Object.keys(annexes))
      for (const sheet of Object.keys(base))
        expect([name, sheet, annexes[name][sheet]]).toEqual([name, sheet, base[sheet]]);
  });
});
