import { FileTooLargeError, isDxError, SheetExistsError, UnreadableWorkbookError } from '../shared/errors/errors';
import ExcelJS from 'exceljs';
import { CellMark, CellRef, CellWrite, SheetSnapshot, WorkbookPort } from '../shared/workbook/port';
import { encodeCell, GENERAL_FORMAT } from '../shared/workbook/render';
import { CellValue, OFFICIAL_FONT, PROTECTION_ALLOWS, SheetSpec } from '../shared/workbook/sheet-spec';
import { STYLES, Style } from '../shared/workbook/styles';
import { baseName, readWorkbookFile } from './file';
import { READ_LIMITS, ReadLimits } from './limits';
import { preparePackage } from './package';
// ExcelJS hands a date cell over as the UTC instant of its serial: the wall-clock date and time the file holds
// are that Date's UTC fields. The core reads dates on the local clock, as Sheets' Dates are read.
import { wallClock } from './exceljs-rules';

/** Text as a file holds it: without the apostrophe `asText` puts before text a host would take for a formula. */
export const fileText = (v: string) => v.replace(/^'(?=[=+\-@])/, '');

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

/** Every styled cell's font family: the sheet's (`SheetSpec.font`), else Times New Roman, the official one. */
export function excelStyle(style: Style, family = OFFICIAL_FONT): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  out.font = {
    name: family,
    size: style.size ?? 12,
    bold: style.bold,
    italic: style.italic,
    color: style.color ? { argb: argb(style.color) } : undefined,
  };
  if (style.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  if (style.align || style.valign || style.wrap)
    out.alignment = { horizontal: style.align, vertical: style.valign ?? 'middle', wrapText: style.wrap };
  if (style.numFmt) out.numFmt = style.numFmt;
  if (style.border) {
    const thin = { style: 'thin' as const, color: { argb: 'FF9AA0A6' } };
    out.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  // A cell is locked unless its format says otherwise (ECMA-376 Part 1, 18.8.33 protection: locked defaults to
  // true); the lock takes effect only in a protected sheet, so an input style is unlocked wherever it is used.
  if (style.unlocked) out.protection = { locked: false };
  return out;
}

/**
 * A sheet's protection in the file, with no password: <sheetProtection sheet="1"> and no hash (ECMA-376 Part 1,
 * 18.3.1.85 sheetProtection; ExcelJS writes a hash only for a password). What stays allowed is PROTECTION_ALLOWS:
 * selecting any cell, formatting, inserting rows (a list longer than its rows).
 */
export const XLSX_PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatCells: PROTECTION_ALLOWS.formatCells,
  formatColumns: PROTECTION_ALLOWS.formatColumns,
  formatRows: PROTECTION_ALLOWS.formatRows,
  insertRows: PROTECTION_ALLOWS.insertRows,
};

/** A cell as ExcelJS hands it over, reduced to what a host gives: value or formula result. */
function plain(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return wallClock(v);
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return plain(((v as ExcelJS.CellFormulaValue).result ?? null) as never);
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    if ('error' in v) return (v as ExcelJS.CellErrorValue).error;
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}

/** A missing row: one shared, frozen empty row (a lone cell at row 1,048,576 costs a pointer a row above it). */
const NO_CELLS = Object.freeze([]) as unknown as CellValue[];
const NO_FORMULAS = Object.freeze([]) as unknown as Array<string | null>;

/**
 * How many empty cells a read fills in with null, left of the last cell of each row. Past it (a sheet with
 * a far cell on each of many rows) rows keep their gaps as holes, which the core reads as blank (`?.`, `??`).
 */
const FILLED_CELLS = 4_000_000;

/**
 * A sheet as the core reads it: rows from 1 to the last with a cell, each only as long as its last cell
 * (values and formulas ragged alike); the used range is what cells exist, never a rectangle.
 */
function snapshot(ws: ExcelJS.Worksheet, emptyResults: Set<string> | undefined, budget: { cells: number }) {
  const values: CellValue[][] = [];
  const formulas: Array<Array<string | null>> = [];
  const uncomputed: string[] = [];
  // Only number cells with a format other than General: most sheets have none, and hold no grid for them.
  const formats: Array<Array<string | null>> = [];
  ws.eachRow((row, r) => {
    const vs: CellValue[] = [];
    const fs: Array<string | null> = [];
    let last = -1;
    row.eachCell((cell, c) => {
      // Merged cells repeat their master's value in ExcelJS; a host shows it once.
      if (cell.isMerged && cell.master !== cell) return;
      let value = plain(cell.value);
      let formula: string | null = null;
      if (cell.type === ExcelJS.ValueType.Formula) {
        // ExcelJS's value leaves out a result of 0 or FALSE (a total =SUM(…) of 0 would read as a blank never
        // computed); `cell.result` keeps it.
        // (Typed without booleans, which it holds.)
        const result = cell.result as unknown;
        if (value === null && (result === 0 || result === false)) value = result;
        formula = cell.formula ? `=${cell.formula}` : null;
        if (cell.result === undefined) {
          // An empty-string result (t="str", <v></v>) is a result; no <v> at all is a formula never computed.
          if (emptyResults?.has(cell.address)) value = '';
          else uncomputed.push(cell.address);
        }
      }
      if (value === null && formula === null) return;
      vs[c - 1] = value;
      fs[c - 1] = formula;
      last = c - 1;
      const format = typeof value === 'number' ? cell.numFmt : undefined;
      if (format && format !== 'General') (formats[r - 1] ??= [])[c - 1] = format;
    });
    if (last < 0) return;
    for (let c = 0; c <= last && budget.cells > 0; c++)
      if (!(c in vs)) {
        vs[c] = null;
        fs[c] = null;
        budget.cells--;
      }
    values[r - 1] = vs;
    formulas[r - 1] = fs;
  });
  for (let r = 0; r < values.length; r++)
    if (!values[r]) {
      values[r] = NO_CELLS;
      formulas[r] = NO_FORMULAS;
    }
  return { values, formulas, uncomputed, formats: formats.length ? dense(formats) : null };
}

/** A sparse grid of formats made whole: every row an array, every hole null. */
function dense(grid: Array<Array<string | null>>): Array<Array<string | null>> {
  return Array.from(grid, (row) => Array.from(row ?? [], (x) => x ?? null));
}

/** .xlsx files through ExcelJS: the command line's host, and the test bench for the others. */
export class XlsxWorkbook implements WorkbookPort {
  /** Counts reads and writes, as the host-call tests do for Excel and Sheets. */
  readonly calls = { read: 0, write: 0 };
  /**
   * Parts of the file the reader dropped before loading (comments, drawings, charts, images, pivot tables…),
   * by their names in the file: nothing the product reads. Saving this workbook writes it without them.
   */
  skipped: string[] = [];
  /** Formula cells with an empty-string result, by sheetId (see PreparedPackage). */
  private emptyResults = new Map<number, Set<string>>();

  constructor(readonly book: ExcelJS.Workbook = new ExcelJS.Workbook()) {}

  /**
   * Opens a unit's file within the limits (xlsx/limits.ts): a regular file only, then `fromBuffer`.
   * Each refusal is a named error (shared/errors/errors.ts) naming the file.
   */
  static async open(path: string, limits: ReadLimits = READ_LIMITS): Promise<XlsxWorkbook> {
    return XlsxWorkbook.fromBuffer(await readWorkbookFile(path, limits), baseName(path), limits);
  }

  /**
   * Reads a workbook's bytes: what they are is checked by content, the package against the limits, and only
   * the parts the product reads reach ExcelJS. `file` names it in messages (an upload's name).
   */
  static async fromBuffer(
    data: ArrayBuffer | Uint8Array,
    file = '',
    limits: ReadLimits = READ_LIMITS,
  ): Promise<XlsxWorkbook> {
    const bytes = ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);
    if (bytes.length > limits.fileBytes) throw new FileTooLargeError(file, bytes.length, limits.fileBytes);
    const pkg = await preparePackage(bytes, file, limits);
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(pkg.data as unknown as ArrayBuffer);
    } catch (e) {
      throw isDxError(e) ? e : new UnreadableWorkbookError(file, e);
    }
    const out = new XlsxWorkbook(book);
    out.skipped = pkg.skipped;
    out.emptyResults = pkg.emptyResults;
    return out;
  }

  async save(path: string): Promise<void> {
    await this.book.xlsx.writeFile(path);
  }

  async toBuffer(): Promise<Uint8Array> {
    return new Uint8Array(await this.book.xlsx.writeBuffer());
  }

  async sheetNames(): Promise<string[]> {
    return this.book.worksheets.map((w) => w.name);
  }

  async read(names?: string[]): Promise<SheetSnapshot[]> {
    this.calls.read++;
    const sheets = this.book.worksheets.filter((w) => !names || names.includes(w.name));
    const budget = { cells: FILLED_CELLS };
    return sheets.map((ws) => {
      const { values, formulas, uncomputed, formats } = snapshot(ws, this.emptyResults.get(ws.id), budget);
      const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
      return {
        name: ws.name,
        values,
        formulas,
        hidden: ws.state !== 'visible',
        merges,
        ...(uncomputed.length ? { uncomputed } : {}),
        ...(formats ? { numberFormats: formats } : {}),
      };
    });
  }

  async write(sheets: SheetSpec[], replace: string[] = []): Promise<void> {
    this.calls.write++;
    for (const spec of sheets) {
      const existing = this.book.getWorksheet(spec.name);
      if (existing) {
        if (!replace.includes(spec.name)) throw new SheetExistsError([spec.name], 'tệp');
        this.book.removeWorksheet(existing.id);
      }
      this.addSheet(spec);
    }
  }

  /** The cells "selected" last, for tests; a file has no cursor. */
  selected: CellRef | null = null;

  async readFills(cells: CellRef[]): Promise<Array<string | null>> {
    this.calls.read++;
    return cells.map((c) => {
      const fill = this.book.getWorksheet(c.sheet)?.getCell(c.cell).fill as ExcelJS.FillPattern | undefined;
      const argb = fill && fill.pattern === 'solid' ? (fill.fgColor as { argb?: string } | undefined)?.argb : undefined;
      return argb ? `#${argb.slice(-6).toUpperCase()}` : null;
    });
  }

  async paint(marks: CellMark[]): Promise<void> {
    this.calls.write++;
    for (const m of marks) {
      const cell = this.book.getWorksheet(m.sheet)?.getCell(m.cell);
      if (!cell) continue;
      // ExcelJS shares one style object among cells loaded with the same style: give this cell its own.
      cell.style = {
        ...cell.style,
        fill: m.fill
          ? { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(m.fill) } }
          : { type: 'pattern', pattern: 'none' },
      };
      if (m.note === null) cell.note = undefined as never;
      else if (m.note !== undefined) cell.note = m.note;
    }
  }

  async setCells(updates: CellWrite[]): Promise<void> {
    this.calls.write++;
    for (const u of updates) {
      const ws = this.book.getWorksheet(u.sheet);
      if (!ws) continue;
      const cell = ws.getCell(u.cell);
      cell.numFmt = u.numberFormat;
      cell.value = typeof u.value === 'string' ? fileText(u.value) : u.value;
    }
  }

  async select(ref: CellRef): Promise<void> {
    this.selected = ref;
  }

  /** ExcelJS writes no charts: the command line draws its chart in the HTML report instead. */
  async chart(): Promise<void> {}

  private addSheet(spec: SheetSpec): void {
    const ws = this.book.addWorksheet(spec.name, sheetOptions(spec));
    setColumns(ws, spec);
    spec.rowHeights.forEach((h, i) => {
      if (h) ws.getRow(i + 1).height = h;
    });
    spec.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell) setCell(ws.getCell(r + 1, c + 1), cell, spec.font);
      });
    });
    for (const m of spec.merges) ws.mergeCells(m);
    addValidations(ws, spec);
    // Worksheet.protect sets the sheet's protection at once (its promise only wraps hashing a password: none here).
    if (spec.protect) void ws.protect('', XLSX_PROTECTION);
  }
}

/** What a sheet is before any cell: shown or hidden, frozen panes, page setup and the page-number footer. */
export function sheetOptions(spec: SheetSpec): Partial<ExcelJS.AddWorksheetOptions> & {
  headerFooter?: Partial<ExcelJS.HeaderFooter>;
} {
  return {
    state: spec.hidden ? 'hidden' : 'visible',
    views: spec.freeze ? [{ state: 'frozen', ySplit: spec.freeze.rows, xSplit: spec.freeze.columns }] : [],
    pageSetup: spec.print
      ? {
          paperSize: 9,
          orientation: spec.print.landscape ? 'landscape' : 'portrait',
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
          printTitlesRow: spec.print.repeatRows ? `${spec.print.repeatRows[0]}:${spec.print.repeatRows[1]}` : undefined,
        }
      : { paperSize: 9 },
    // The page numbers, in the footer codes of SpreadsheetML's <oddFooter> (ECMA-376 Part 1, headerFooter):
    // "&C" the centre section, '&"Times New Roman,Regular"' its font, "&P" the page, "&N" the pages.
    ...(spec.print?.footer
      ? { headerFooter: { oddFooter: `&C${spec.font ? `&"${spec.font},Regular"` : ''}${spec.print.footer}` } }
      : {}),
  };
}

/** What both ExcelJS sheets (the in-memory one and the streaming writer's) offer for columns. */
interface SheetLike {
  getColumn(i: number): { width?: number; font?: Partial<ExcelJS.Font> };
}

export function setColumns(ws: SheetLike, spec: SheetSpec): void {
  spec.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  if (spec.font) {
    // The columns' own style, set before any cell exists: an unstyled cell, and one typed later, take the
    // sheet's font (ExcelJS gives a new cell its column's style; set afterwards it would overwrite the cells').
    const width = spec.rows.reduce((n, r) => Math.max(n, r.length), spec.columnWidths.length);
    for (let i = 1; i <= width; i++) ws.getColumn(i).font = { name: spec.font, size: 12 };
  }
}

/** One cell as `encodeCell` decides it: style, then formula or value, then number format. */
/**
 * One cell as `encodeCell` decides it: style, then formula or value, then number format. With `shared`, cells of
 * one style, font and format share one style object, which ExcelJS then encodes once (it knows a style object it
 * has seen): for a writer whose cells are never touched again — the streaming one.
 */
export function setCell(
  target: ExcelJS.Cell,
  cell: NonNullable<SheetSpec['rows'][number][number]>,
  font?: string,
  shared?: Map<string, Partial<ExcelJS.Style>>,
) {
  const e = encodeCell(cell);
  const format = e.numberFormat !== GENERAL_FORMAT ? e.numberFormat : undefined;
  if (cell.s && shared) {
    const key = `${cell.s}\u0000${font ?? ''}\u0000${format ?? ''}`;
    let style = shared.get(key);
    if (!style)
      shared.set(key, (style = { ...excelStyle(STYLES[cell.s], font), ...(format ? { numFmt: format } : {}) }));
    target.style = style;
  } else if (cell.s) target.style = excelStyle(STYLES[cell.s], font);
  if (e.formula) target.value = { formula: cell.f!.slice(1) } as ExcelJS.CellFormulaValue;
  // A file's strings are never formulas: the apostrophe is a typing convention, not content.
  else if (typeof e.value === 'string') target.value = e.value === '' ? null : fileText(e.value);
  else target.value = e.value;
  if (format && !(cell.s && shared)) target.numFmt = format;
}

export function addValidations(ws: object, spec: SheetSpec): void {
  for (const v of spec.validations) {
    const formula = v.source ? v.source : `"${v.list.join(',')}"`;
    (ws as { dataValidations: { add(range: string, dv: ExcelJS.DataValidation): void } }).dataValidations.add(v.range, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorTitle: 'Giá trị không hợp lệ',
      error: 'Chọn một giá trị trong danh sách.',
    });
  }
}
