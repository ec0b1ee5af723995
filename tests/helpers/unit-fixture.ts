import ExcelJS from 'exceljs';
import { createTemplate } from '../../shared/operations/create-template';
import { CoverKey, readUnitWorkbook } from '../../shared/reading/unit-workbook';
import { UnitMatcher } from '../../shared/registry/match';
import { SheetSnapshot } from '../../shared/workbook/port';
import { columnLetter } from '../../shared/workbook/sheet-spec';
import { XlsxWorkbook } from '../../xlsx/workbook';
import { tmpFile } from './xlsx';

export type Value = string | number | Date | null | { error: string };

/** One cell to fill: by table, row (indicator code, unit name, or "#n" for the n-th row) and field; or a cover field. */
export type Edit =
  | { table: string; row: string; field: string; value: Value }
  | { cover: CoverKey; value: Value }
  | { sheet: string; cell: string; value: Value }
  | { merge: { sheet: string; range: string } };

/** Makes the unit's template in memory and fills it; returns the port and where each edit landed. */
async function filledTemplate(
  edits: Edit[],
  unit: string,
  period: string,
  matcher?: UnitMatcher,
): Promise<{ port: XlsxWorkbook; at: string[] }> {
  const port = new XlsxWorkbook();
  await createTemplate(port, { unit, period, preparer: 'Nguyễn Văn A', matcher });
  const read = readUnitWorkbook(await port.read());
  const at: string[] = [];
  for (const e of edits) {
    if ('merge' in e) {
      port.book.getWorksheet(e.merge.sheet)!.mergeCells(e.merge.range);
      at.push(`${e.merge.sheet}!${e.merge.range}`);
      continue;
    }
    let sheet: string;
    let cell: string;
    if ('cover' in e) {
      const f = read.cover[e.cover]!;
      sheet = f.sheet;
      cell = f.cell;
    } else if ('table' in e) {
      const t = read.tables.find((x) => x.table === e.table)!;
      const items = t.rows.filter((r) => r.kind === 'item');
      const row = e.row.startsWith('#')
        ? (items[Number(e.row.slice(1)) - 1] ?? {
            row:
              (items[items.length - 1]?.row ?? t.headerRow + t.headerRows - 1) + Number(e.row.slice(1)) - items.length,
          })
        : items.find((r) => r.cells.code === e.row || r.cells.unit === e.row || r.cells.plan === e.row)!;
      sheet = t.sheet;
      cell = `${columnLetter(t.columns[e.field])}${row.row + 1}`;
    } else {
      sheet = e.sheet;
      cell = e.cell;
    }
    port.book.getWorksheet(sheet)!.getCell(cell).value = e.value as ExcelJS.CellValue;
    at.push(`${sheet}!${cell}`);
  }
  return { port, at };
}

/**
 * A unit workbook made with the product's own template and filled as a unit
 * would fill it; returns the file and where each edit landed.
 */
export async function unitWorkbook(
  edits: Edit[],
  unit = 'UBND thành phố Nha Trang',
  period = '2023-06',
  matcher?: UnitMatcher,
): Promise<{ file: string; at: string[] }> {
  const { port, at } = await filledTemplate(edits, unit, period, matcher);
  const file = tmpFile('unit.xlsx');
  await port.save(file);
  return { file, at };
}

/**
 * The same workbook as `unitWorkbook` makes, read in memory without a file: about ten times cheaper (no
 * zip written and read back), for tests that play dozens of units. What a saved file would give back is
 * checked against it in tests/seed-001.tables.test.ts.
 */
export async function unitSheets(
  edits: Edit[],
  unit = 'UBND thành phố Nha Trang',
  period = '2023-06',
  matcher?: UnitMatcher,
): Promise<SheetSnapshot[]> {
  const { port } = await filledTemplate(edits, unit, period, matcher);
  return port.read();
}

/**
 * Consistent figures from the seeds: seed 000 §3 (8.122 ≥ 5.861 ≥ 2.680, 387),
 * §6 feedback (16 = 10 + 6; 10 = 6 + 4; 6 = 2 + 4), seed 003 §4 (24.020 = 23.987 + 33;
 * 304 = 179 + 125), seed 002 footnotes (100.985/237.649, 5.909/10.123, 4.837/4.886).
 */
export const CONSISTENT: Edit[] = [
  { cover: 'reportDate', value: new Date(Date.UTC(2023, 6, 10)) },
  { table: 'T1', row: 'XHS.DDDT', field: 'numerator', value: 100985 },
  { table: 'T1', row: 'XHS.DDDT', field: 'denominator', value: 237649 },
  { table: 'T1', row: 'CQS.TTTT', field: 'numerator', value: 5909 },
  { table: 'T1', row: 'CQS.TTTT', field: 'denominator', value: 10123 },
  { table: 'T1', row: 'KTS.THUEDT', field: 'numerator', value: '4.837' },
  { table: 'T1', row: 'KTS.THUEDT', field: 'denominator', value: '4886' },
  { table: 'T1', row: 'XHS.TBDD', field: 'numerator', value: 486272 },
  { table: 'T1', row: 'XHS.TBDD', field: 'denominator', value: 427963 },
  { table: 'T2', row: '#1', field: 'sentOn', value: 8108 },
  { table: 'T2', row: '#1', field: 'receivedOn', value: 19018 },
  { table: 'T2', row: '#1', field: 'sentOff', value: 0 },
  { table: 'T2', row: '#1', field: 'receivedOff', value: 0 },
  { table: 'T3a', row: '#1', field: 'dossiers', value: 8122 },
  { table: 'T3a', row: '#1', field: 'withResult', value: 5861 },
  { table: 'T3a', row: '#1', field: 'signed', value: 2680 },
  { table: 'T3a', row: '#1', field: 'archived', value: 387 },
  { table: 'T3b', row: '#1', field: 'received', value: '24.020' },
  { table: 'T3b', row: '#1', field: 'onTime', value: '23.987' },
  { table: 'T3b', row: '#1', field: 'late', value: 33 },
  { table: 'T3b', row: '#1', field: 'inProcess', value: 0 },
  { table: 'T3c', row: '#1', field: 'procedures', value: 304 },
  { table: 'T3c', row: '#1', field: 'partial', value: 179 },
  { table: 'T3c', row: '#1', field: 'full', value: 125 },
  { table: 'T3d', row: '#1', field: 'feeProcedures', value: 55 },
  { table: 'T3d', row: '#1', field: 'syncedProcedures', value: 55 },
  { table: 'T3d', row: '#1', field: 'chargedProcedures', value: 55 },
  { table: 'T3d', row: '#1', field: 'paidProcedures', value: 55 },
  { table: 'T3e', row: '#1', field: 'transactions', value: 23802 },
  { table: 'T3e', row: '#1', field: 'successful', value: 23391 },
  { table: 'T4', row: '#1', field: 'received', value: 16 },
  { table: 'T4', row: '#1', field: 'resolved', value: 10 },
  { table: 'T4', row: '#1', field: 'resolvedOnTime', value: 6 },
  { table: 'T4', row: '#1', field: 'resolvedLate', value: 4 },
  { table: 'T4', row: '#1', field: 'inProcess', value: 6 },
  { table: 'T4', row: '#1', field: 'inProcessOnTime', value: 2 },
  { table: 'T4', row: '#1', field: 'inProcessLate', value: 4 },
  { table: 'T6a', row: 'Kế hoạch chuyển đổi số năm', field: 'issued', value: 'X' },
  {
    table: 'T6a',
    row: 'Kế hoạch chuyển đổi số năm',
    field: 'document',
    value: 'Kế hoạch số 3013/KH-UBND ngày 24/4/2023',
  },
];

/** T4's figure columns in their order: received, resolved (on time, late), in process (on time, late). */
export const T4_FIELDS = [
  'received',
  'resolved',
  'resolvedOnTime',
  'resolvedLate',
  'inProcess',
  'inProcessOnTime',
  'inProcessLate',
];

/** T4's first row filled with seven figures in T4_FIELDS order (seed 000 §6: 16, 10, 6, 4, 6, 2, 4). */
export const feedbackRow = (v: number[]): Edit[] =>
  T4_FIELDS.map((field, i) => ({ table: 'T4', row: '#1', field, value: v[i] }));

/** Report date and completion on a day of July 2023: June's report on time by the 20th, or late after it. */
export const doneInJuly = (day: number): Edit[] => [
  { cover: 'reportDate', value: new Date(Date.UTC(2023, 6, day)) },
  { cover: 'completedAt', value: new Date(Date.UTC(2023, 6, day, 9, 0)) },
];

/** The e-ID accounts indicator (XHS.DDDT): activated over adults. */
export const eidRow = (n: number, d: number): Edit[] => [
  { table: 'T1', row: 'XHS.DDDT', field: 'numerator', value: n },
  { table: 'T1', row: 'XHS.DDDT', field: 'denominator', value: d },
];
