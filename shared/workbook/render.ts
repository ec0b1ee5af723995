import { a1, CellSpec, SheetSpec, StyleName } from './sheet-spec';
import { STYLES } from './styles';

/*
 * How each value lands in a cell, decided here once for the three ports:
 * - text is text: its cell gets the text format "@" in the same batch, before the value, so neither
 *   Excel (which parses written strings with en-US rules whatever the locale) nor Sheets (which parses
 *   them like typing, in the spreadsheet's locale) turns "12/12" into a date, "1." or "01" into 1, or
 *   "100%" into 1 — and text that starts like a formula also keeps the apostrophe both hosts read as
 *   "this is text" (`asText`), where a port cannot rely on the format alone;
 * - numbers and booleans are written as they are, with the style's number format;
 * - dates are serial numbers (the 1900 date system both Excel and Sheets store) with a date format;
 * - formulas are written as formulas, with the style's number format.
 */

export type HostCell = string | number | boolean;

/** The text number format of Excel and Sheets (and of .xlsx files: numFmt 49). */
export const TEXT_FORMAT = '@';
export const DATE_FORMAT = 'dd/mm/yyyy';
export const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';
/** Number format of a cell with nothing to decide: the host's default. */
export const GENERAL_FORMAT = 'General';

/**
 * Text that a spreadsheet would take for a formula (=, +, -, @ first) gets the
 * apostrophe prefix both Excel and Sheets read as "this is text".
 */
export function asText(v: string): string {
  return /^[=+\-@]/.test(v) ? `'${v}` : v;
}

/** The most characters a cell holds in Excel (and in an .xlsx file Excel opens without repairing it). */
export const MAX_CELL_TEXT = 32767;

/** Text cut to what a cell holds, ending in "…" when cut (never inside a surrogate pair). */
export function fitCellText(v: string): string {
  if (v.length <= MAX_CELL_TEXT) return v;
  let end = MAX_CELL_TEXT - 1;
  const code = v.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${v.slice(0, end)}…`;
}

/** One cell as a port writes it: the value (or formula) and the number format to set first. */
export interface EncodedCell {
  value: HostCell;
  numberFormat: string;
  /** True when `value` is a formula ("=…"). */
  formula: boolean;
}

/** Serial number of a wall-clock date-time "2023-07-10T09:30" in the 1900 date system. */
export function serialOf(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(iso);
  if (!m) throw new RangeError(`Not a local date-time: ${iso}`);
  const days = (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - Date.UTC(1899, 11, 30)) / 86400000;
  return days + (Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0)) / 1440;
}

/** The wall-clock date-time of a moment as the host's clock shows it: "2023-07-10T09:30". */
export function localIso(moment: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${moment.getFullYear()}-${p(moment.getMonth() + 1)}-${p(moment.getDate())}`;
  return `${day}T${p(moment.getHours())}:${p(moment.getMinutes())}`;
}

/** The one decision of how a cell spec is written. */
export function encodeCell(cell: CellSpec | null): EncodedCell {
  const styleFormat = (cell?.s && STYLES[cell.s].numFmt) || GENERAL_FORMAT;
  if (!cell) return { value: '', numberFormat: GENERAL_FORMAT, formula: false };
  if (cell.f) return { value: cell.f, numberFormat: styleFormat, formula: true };
  if (cell.d) {
    const format = cell.d.includes('T') ? DATE_TIME_FORMAT : DATE_FORMAT;
    return { value: serialOf(cell.d), numberFormat: format, formula: false };
  }
  if (typeof cell.v === 'string')
    return { value: fitCellText(asText(cell.v)), numberFormat: TEXT_FORMAT, formula: false };
  if (cell.v === null || cell.v === undefined) return { value: '', numberFormat: styleFormat, formula: false };
  return { value: cell.v, numberFormat: styleFormat, formula: false };
}

/** A sheet spec as the dense 2-D arrays hosts write in one call each. */
export interface HostGrids {
  rows: number;
  columns: number;
  /** Values and formulas together: Office.js `range.formulas`, Apps Script `setValues`. */
  cells: HostCell[][];
  /** Set before `cells`, in the same batch: "@" for text, date formats for dates. */
  numberFormats: string[][];
  /** A1 addresses of the cells of each style, for one formatting call per style. */
  byStyle: Partial<Record<StyleName, string[]>>;
  styleGrid: Array<Array<StyleName | null>>;
}

export function hostGrids(spec: SheetSpec): HostGrids {
  const rows = Math.max(1, spec.rows.length);
  // A loop, not Math.max(...rows): a sheet of a million rows is beyond any argument list.
  let columns = Math.max(1, spec.columnWidths.length);
  for (const r of spec.rows) columns = Math.max(columns, r.length);
  const cells: HostCell[][] = [];
  const numberFormats: string[][] = [];
  const styleGrid: Array<Array<StyleName | null>> = [];
  const byStyle: HostGrids['byStyle'] = {};
  for (let r = 0; r < rows; r++) {
    const row = spec.rows[r] ?? [];
    cells.push([]);
    numberFormats.push([]);
    styleGrid.push([]);
    for (let c = 0; c < columns; c++) {
      const cell = row[c] ?? null;
      const encoded = encodeCell(cell);
      cells[r].push(encoded.value);
      numberFormats[r].push(encoded.numberFormat);
      const style = cell?.s ?? null;
      styleGrid[r].push(style);
      if (style) (byStyle[style] ??= []).push(a1(r, c));
    }
  }
  return { rows, columns, cells, numberFormats, byStyle, styleGrid };
}
