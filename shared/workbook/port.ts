import { EncodedCell } from './render';
import { CellValue, SheetSpec } from './sheet-spec';

export interface SheetSnapshot {
  name: string;
  /** Values from A1 to the end of the used range; formula cells hold their last result. */
  values: CellValue[][];
  /** The formulas, where the host can give them ("=IF(F5>0,E5/F5,\"\")"), else null. */
  formulas?: Array<Array<string | null>>;
  hidden?: boolean;
  /** Merged areas ("E6:F6"), where the host can give them. */
  merges?: string[];
  /**
   * The number format of each number cell where the host gives it ("0%", "#,##0"), null elsewhere: a "100%"
   * typed into a count cell is stored as 1 with a percent format, and is read as the rate it shows.
   */
  numberFormats?: Array<Array<string | null>>;
  /**
   * Formula cells whose result the file does not hold (A1 addresses): a workbook written by a library
   * and never opened in a spreadsheet. Their `values` are null; the validator reports them.
   */
  uncomputed?: string[];
}

/**
 * The one interface every host implements: Excel (Office.js), Google Sheets
 * (Apps Script) and .xlsx files (ExcelJS). Each call is one batched round
 * trip, whatever the sheet size.
 */
export type MaybePromise<T> = T | Promise<T>;

export interface WorkbookPort {
  /** Names of all sheets, in order. */
  sheetNames(): MaybePromise<string[]>;
  /** Whole used ranges of the named sheets (all sheets when omitted), in one read. */
  read(names?: string[]): MaybePromise<SheetSnapshot[]>;
  /**
   * Writes sheets in one batch: each is added, or replaced when its name is in
   * `replace` (only sheets the product owns are ever listed there).
   */
  write(sheets: SheetSpec[], replace?: string[]): MaybePromise<void>;
  /** Current background colours of cells ("#RRGGBB", null when none), in one batch. */
  readFills(cells: CellRef[]): MaybePromise<Array<string | null>>;
  /** Highlights (or restores) cells and their notes, in one batch; values are never touched. */
  paint(marks: CellMark[]): MaybePromise<void>;
  /**
   * Writes single cells into product-owned fields (the completion stamp), in one batch; each update is
   * encoded by `encodeCell` (shared/workbook/render.ts): its number format is set before its value.
   */
  setCells(updates: CellWrite[]): MaybePromise<void>;
  /** Shows a cell to the user. */
  select(ref: CellRef): MaybePromise<void>;
  /** A bar chart over a range of a product sheet (hosts without charts, .xlsx through ExcelJS, skip it). */
  chart(spec: ChartSpec): MaybePromise<void>;
}

export interface ChartSpec {
  sheet: string;
  /** Labels in the first column, values in the next ("A3:B30"). */
  range: string;
  title: string;
  /** Where the chart goes ("D3"). */
  anchor: string;
}

export interface CellRef {
  sheet: string;
  cell: string;
}

/** One cell to write, as `encodeCell` decided it. */
export type CellWrite = CellRef & EncodedCell;

export interface CellMark extends CellRef {
  /** Background to set; null clears it. */
  fill: string | null;
  /** Note to set where the host has notes; null removes it; undefined leaves it. */
  note?: string | null;
}
