/**
 * A stand-in for Apps Script's SpreadsheetApp (and LockService, ScriptApp), for what cannot run offline
 * (a live Google spreadsheet). It keeps cells in memory, counts every call made on ranges, and behaves
 * as the documented host does where the product relies on it — each rule below carries its link:
 *
 * - written strings are parsed like typing in the spreadsheet's locale (`vi_VN` or `en_US`); a leading
 *   apostrophe keeps text, a "@" (plain text) number format keeps text; "=…" is a formula;
 * - getValues gives Date objects for date cells and computed values for formula cells, never the formula;
 * - insertSheet makes the new sheet active; a new sheet is a 1,000 × 26 grid and ranges outside it throw;
 * - freezing through a merged range, merging across the frozen edge, hiding or deleting every sheet throw;
 * - merged ranges are readable (getMergedRanges); the document lock is held by one execution at a time;
 * - protections (Sheet.protect, Protection): a new sheet protection mirrors the spreadsheet's own permissions until
 *   its editors are changed ("the sheet remains unprotected" for its editors, Sheet.protect()); a warning-only one
 *   lets every user edit ("every user can edit data in the area, except editing prompts a warning",
 *   Protection.setWarningOnly) — a script is not asked; one whose editors were cut (removeEditors) refuses a
 *   write into its cells outside its unprotected ranges by any other user, with the host's message.
 *   https://developers.google.com/apps-script/reference/spreadsheet/sheet#protect(),
 *   https://developers.google.com/apps-script/reference/spreadsheet/protection
 */
import * as zlib from 'zlib';
import { a1, parseA1 } from '../../shared/workbook/sheet-spec';

export type SheetsLocale = 'vi_VN' | 'en_US';

/** One cell as the host keeps it: a value or a formula, its number format, its formatting. */
export interface FakeCell {
  value: unknown;
  formula?: string;
  /** What a formula cell shows: set by a test where it matters (the stand-in computes nothing). */
  computed?: unknown;
  format?: string;
  background?: string | null;
  weight?: string;
  /** The font family (Range.setFontFamily). */
  font?: string;
  note?: string;
}

/*
 * The messages of the real host, as scripts see them thrown.
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(Integer,Integer,Integer,Integer)
 */
export const OUTSIDE_SHEET = 'The coordinates of the range are outside the dimensions of the sheet.';
export const FREEZE_COLUMNS_THROUGH_MERGE = "You can't freeze columns which contain only part of a merged cell.";
export const FREEZE_ROWS_THROUGH_MERGE = "You can't freeze rows which contain only part of a merged cell.";

/**
 * A new sheet's grid: 1,000 rows × 26 columns (A–Z), what the Sheets API reports as a new sheet's
 * `gridProperties` (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#gridproperties);
 * Sheet.getMaxRows / getMaxColumns give it, insertRowsAfter / insertColumnsAfter grow it
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)).
 */
export const PROTECTED_CELL =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if ' +
  'you need to edit.';

export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

const LOCALES: Record<SheetsLocale, { decimal: string; group: string; dayFirst: boolean; date: string }> = {
  vi_VN: { decimal: ',', group: '.', dayFirst: true, date: 'dd/MM/yyyy' },
  en_US: { decimal: '.', group: ',', dayFirst: false, date: 'M/d/yyyy' },
};

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const EPOCH = Date.UTC(1899, 11, 30);

function serial(y: number, m: number, d: number, h = 0, min = 0, s = 0): number {
  return (Date.UTC(y, m - 1, d) - EPOCH) / 86400000 + (h * 3600 + min * 60 + s) / 86400;
}

/** A date cell's serial as the Date getValues hands over, on the script's clock (the local one here). */
function dateOfSerial(x: number): Date {
  const u = new Date(EPOCH + Math.round(x * 86400000));
  return new Date(
    u.getUTCFullYear(),
    u.getUTCMonth(),
    u.getUTCDate(),
    u.getUTCHours(),
    u.getUTCMinutes(),
    u.getUTCSeconds(),
  );
}

const serialOfDate = (d: Date) =>
  serial(d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds());

/** A number format that shows a date or a time ("dd/mm/yyyy hh:mm", "M/d/yyyy"), not "0%", "#,##0", "@". */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === 'General' || format === '@') return false;
  return /[dyh]/i.test(format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, ''));
}

const isDate = (x: unknown): x is Date => Object.prototype.toString.call(x) === '[object Date]';

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export type Typed =
  | { kind: 'text'; value: string }
  | { kind: 'formula'; formula: string }
  | { kind: 'value'; value: number | boolean; format?: string };

/**
 * What a string written with setValue(s) becomes: Sheets parses it "as if the user typed it into the UI",
 * in the spreadsheet's locale (the Sheets API's USER_ENTERED, which Apps Script's setValues follows:
 * https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption; locale:
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetLocale();
 * a formula: "If it begins with '=' it is interpreted as a formula",
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)).
 *
 * - a leading apostrophe makes the rest text, and is not part of the value
 *   (https://support.google.com/docs/answer/3094038 — "To keep a number as text, type an apostrophe first");
 * - a cell formatted "@" (plain text) keeps what is written as text
 *   (https://developers.google.com/apps-script/reference/spreadsheet/range#setNumberFormat(String): "@" is text);
 *   what Sheets does with "=…" written by a script into such a cell is not documented: the stand-in takes the
 *   stricter reading — still a formula, unless the apostrophe is there (the product's `asText` adds it);
 * - numbers with the locale's separators ("1.234,5" vi_VN, "1,234.5" en_US; "01" → 1; "1." → 1 en_US,
 *   "1," → 1 vi_VN), percentages ("100%" → 1 with a % format), TRUE/FALSE;
 * - "a/b" and "a/b/yyyy" dates in the locale's order (d/m in vi_VN, m/d in en_US; "12/12", "9/9" are dates in
 *   both, in the current year), "m/yyyy" the 1st of that month, "yyyy-mm-dd", with an optional "hh:mm";
 *   "a b/c" a fraction; anything else is text.
 */
export function typeIn(raw: string, locale: SheetsLocale, textFormat: boolean, today = new Date()): Typed {
  if (raw.startsWith("'")) return { kind: 'text', value: raw.slice(1) };
  if (raw.startsWith('=') && raw.length > 1) return { kind: 'formula', formula: raw };
  if (textFormat) return { kind: 'text', value: raw };
  const t = raw.trim();
  const L = LOCALES[locale];
  if (/^(true|false)$/i.test(t)) return { kind: 'value', value: t.toLowerCase() === 'true' };
  const num = numberIn(t, L);
  if (num !== null) return { kind: 'value', value: num };
  const pct = /^(.+?)\s?%$/.exec(t);
  if (pct) {
    const n = numberIn(pct[1], L);
    if (n !== null) return { kind: 'value', value: n / 100, format: Number.isInteger(n) ? '0%' : '0.00%' };
  }
  const time = '(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?';
  let m = new RegExp(`^(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?${time}$`).exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [d, mo] = L.dayFirst ? [a, b] : [b, a];
    let y = m[3] ? Number(m[3]) : today.getFullYear();
    if (m[3]?.length === 2) y += y < 30 ? 2000 : 1900;
    if (validDay(y, mo, d) && Number(m[4] ?? 0) < 24 && Number(m[5] ?? 0) < 60) {
      const value = serial(y, mo, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
      return { kind: 'value', value, format: m[4] ? `${L.date} H:mm:ss` : L.date };
    }
  }
  m = /^(\d{1,2})\/(\d{4})$/.exec(t);
  if (m && validDay(Number(m[2]), Number(m[1]), 1))
    return { kind: 'value', value: serial(Number(m[2]), Number(m[1]), 1), format: L.date };
  m = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${time}$`).exec(t);
  if (m && validDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
    const value = serial(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
    return { kind: 'value', value, format: m[4] ? 'yyyy-MM-dd H:mm:ss' : 'yyyy-MM-dd' };
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m && Number(m[1]) < 24 && Number(m[2]) < 60)
    return {
      kind: 'value',
      value: (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86400,
      format: 'H:mm:ss',
    };
  m = /^(\d+) (\d+)\/(\d+)$/.exec(t);
  if (m && Number(m[3]) > 0)
    return { kind: 'value', value: Number(m[1]) + Number(m[2]) / Number(m[3]), format: '# ?/?' };
  return { kind: 'text', value: raw };
}

function numberIn(t: string, L: (typeof LOCALES)[SheetsLocale]): number | null {
  const g = esc(L.group);
  const d = esc(L.decimal);
  const re = new RegExp(`^[+-]?(?:(?:\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}\\d*)?|${d}\\d+)(?:[eE][+-]?\\d+)?$`);
  if (!re.test(t)) return null;
  const n = Number(t.split(L.group).join('').replace(L.decimal, '.'));
  return Number.isFinite(n) ? n : null;
}

/** LockService's document lock, shared by every execution on one spreadsheet. */
class LockState {
  holder: FakeLock | null = null;
  /** The waits (ms) of the tryLock / waitLock calls that found the lock held. */
  waited: number[] = [];
}

/**
 * A Lock (https://developers.google.com/apps-script/reference/lock/lock): tryLock(ms) waits up to ms for
 * the holder to release and answers false if it does not; waitLock throws instead; releaseLock lets the
 * next one in. Executions here do not overlap, so a lock held by another holder is never released
 * during the wait: the wait is recorded and the attempt fails, as it would after the timeout.
 */
export class FakeLock {
  constructor(private readonly state: LockState) {}
  tryLock(timeoutInMillis: number): boolean {
    if (!this.state.holder || this.state.holder === this) {
      this.state.holder = this;
      return true;
    }
    this.state.waited.push(timeoutInMillis);
    return false;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis))
      throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    if (this.state.holder === this) this.state.holder = null;
  }
  hasLock(): boolean {
    return this.state.holder === this;
  }
}

let spreadsheetIds = 0;

/** The first sheet of a new spreadsheet, in its locale ("Trang tính1" in Vietnamese, "Sheet1" in English). */
export const FIRST_SHEET: Record<SheetsLocale, string> = { vi_VN: 'Trang tính1', en_US: 'Sheet1' };

/**
 * One spreadsheet. It starts with no sheet, where a real new one has "Trang tính1" / "Sheet1": a test
 * adds the user's sheets with `fill` (or insertSheet) when it matters, e.g. for "the last visible sheet".
 */
export class FakeSpreadsheet {
  constructor(
    public name = 'Bảng tính',
    /** The spreadsheet's locale (File → Settings), which decides how typed strings are parsed. */
    public locale: SheetsLocale = 'vi_VN',
  ) {}
  /** The e-mail address of the user the script runs as (Session.getEffectiveUser), for protections' editors. */
  user = 'nguoi-dung@example.com';
  /** https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getId() */
  id = `ss-${++spreadsheetIds}`;
  getId() {
    return this.id;
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getUrl() */
  getUrl() {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  /** The spreadsheets SpreadsheetApp.create made, in order; `onCreate` (a Drive stand-in) files each one. */
  created: FakeSpreadsheet[] = [];
  onCreate: ((made: FakeSpreadsheet) => void) | null = null;
  getName() {
    return this.name;
  }
  getSpreadsheetLocale() {
    return this.locale;
  }
  /** The day "12/12" typed without a year falls in (its year); the clock when unset. */
  today: Date | null = null;
  /** Spreadsheets openById can reach, by ID. */
  others: Record<string, FakeSpreadsheet> = {};
  calls: Record<string, number> = {};
  sheets: FakeGasSheet[] = [];
  readonly documentLock = new LockState();
  count(name: string) {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }
  rangeCalls() {
    return Object.entries(this.calls)
      .filter(([k]) => k.startsWith('Range.') || k.startsWith('RangeList.'))
      .reduce((n, [, v]) => n + v, 0);
  }

  getSheets() {
    return [...this.sheets];
  }
  getSheetByName(name: string) {
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  /**
   * "Inserts a new sheet into the spreadsheet … The new sheet becomes the active sheet."
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer)
   */
  insertSheet(name: string, index?: number) {
    this.count('Spreadsheet.insertSheet');
    if (this.getSheetByName(name))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    checkCellCount(this, NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
    const s = new FakeGasSheet(this, name);
    this.sheets.splice(index ?? this.sheets.length, 0, s);
    this.active = s;
    return s;
  }
  /** A spreadsheet keeps at least one sheet; deleting the active one makes a neighbour active. */
  deleteSheet(s: FakeGasSheet) {
    this.count('Spreadsheet.deleteSheet');
    const i = this.sheets.indexOf(s);
    if (i < 0) throw new Error('Sheet not found.');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(i, 1);
    if (this.active === s) this.active = this.sheets[Math.min(i, this.sheets.length - 1)];
  }
  active: FakeGasSheet | null = null;
  /** https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getActiveSheet() */
  getActiveSheet() {
    return this.active ?? this.sheets[0] ?? null;
  }
  setActiveSheet(s: FakeGasSheet) {
    this.count('Spreadsheet.setActiveSheet');
    if (!this.sheets.includes(s)) throw new Error('Sheet not found.');
    this.active = s;
    return s;
  }
  getRange(ref: string) {
    // Without a sheet name, the active sheet's range (Spreadsheet.getRange(a1Notation)).
    const [sheetName, area] = ref.includes('!') ? ref.split('!') : [this.getActiveSheet()!.name, ref];
    const s = this.getSheetByName(sheetName.replace(/^'|'$/g, ''))!;
    return s.getRange(area);
  }
  /**
   * Puts values straight into a sheet, as they stand after a user typed them (numbers, text, Date objects
   * for dates); the grid grows to hold them, as a user's sheet would have the rows. To type a string and
   * have it parsed, write it with getRange(…).setValue(…).
   */
  fill(name: string, rows: unknown[][]) {
    const s = this.getSheetByName(name) ?? this.insertSheet(name);
    s.maxRows = Math.max(s.maxRows, rows.length);
    s.maxColumns = Math.max(s.maxColumns, ...rows.map((r) => r.length));
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== '' && v !== undefined) s.cells.set(a1(r, c), { value: v });
      }),
    );
    return s;
  }
}

/** A1 span of 1-based coordinates. */
function span(row: number, col: number, rows: number, cols: number): string {
  const from = a1(row - 1, col - 1);
  return rows === 1 && cols === 1 ? from : `${from}:${a1(row + rows - 2, col + cols - 2)}`;
}

function box(ref: string) {
  const [f, t] = ref.replace(/\$/g, '').split(':');
  const a = parseA1(f);
  const b = parseA1(t ?? f);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

export class FakeGasSheet {
  charts: Array<Record<string, unknown>> = [];
  newChart() {
    const spec: Record<string, unknown> = { options: {} as Record<string, unknown> };
    const b = {
      asBarChart: () => {
        spec.type = 'BAR';
        return b;
      },
      addRange: (r: FakeGasRange) => {
        spec.range = r.getA1Notation();
        return b;
      },
      setOption: (k: string, v: unknown) => {
        (spec.options as Record<string, unknown>)[k] = v;
        return b;
      },
      setPosition: (row: number, col: number) => {
        spec.position = [row, col];
        return b;
      },
      build: () => spec,
    };
    return b;
  }
  insertChart(chart: Record<string, unknown>) {
    this.charts.push(chart);
  }
  cells = new Map<string, FakeCell>();
  activeRange: string | null = null;
  setActiveRange(r: FakeGasRange) {
    this.activeRange = r.getA1Notation();
    return r;
  }
  hidden = false;
  frozenRows = 0;
  frozenColumns = 0;
  /** Merged ranges, in A1 ("A1:H1"). */
  merges: string[] = [];
  validations: Array<{ range: string; rule: unknown }> = [];
  maxRows = NEW_SHEET_ROWS;
  maxColumns = NEW_SHEET_COLUMNS;
  constructor(
    readonly ss: FakeSpreadsheet,
    public name: string,
  ) {}
  getName() {
    return this.name;
  }
  getParent() {
    return this.ss;
  }
  isSheetHidden() {
    return this.hidden;
  }
  /** A spreadsheet always shows one sheet: hiding the last visible one is refused. */
  hideSheet() {
    this.ss.count('Sheet.hideSheet');
    if (!this.hidden && !this.ss.sheets.some((s) => s !== this && !s.hidden))
      throw new Error("You can't hide all the sheets in a document.");
    this.hidden = true;
    if (this.ss.active === this) this.ss.active = this.ss.sheets.find((s) => !s.hidden) ?? null;
    return this;
  }
  showSheet() {
    this.hidden = false;
    return this;
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxColumns;
  }
  /** The stand-in grows and shrinks the grid at its end only (where the product needs it). */
  insertRowsAfter(afterPosition: number, howMany: number) {
    this.ss.count('Sheet.insertRowsAfter');
    if (afterPosition !== this.maxRows) throw new Error('Stand-in: rows are inserted after the last row only.');
    checkCellCount(this.ss, howMany * this.maxColumns);
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number) {
    this.ss.count('Sheet.insertColumnsAfter');
    if (afterPosition !== this.maxColumns)
      throw new Error('Stand-in: columns are inserted after the last column only.');
    checkCellCount(this.ss, howMany * this.maxRows);
    this.maxColumns += howMany;
    return this;
  }
  deleteRows(rowPosition: number, howMany: number) {
    this.ss.count('Sheet.deleteRows');
    if (rowPosition + howMany - 1 !== this.maxRows) throw new Error('Stand-in: the last rows are deleted only.');
    if (howMany >= this.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    this.maxRows -= howMany;
    for (const k of [...this.cells.keys()]) if (parseA1(k).row >= this.maxRows) this.cells.delete(k);
  }
  deleteColumns(columnPosition: number, howMany: number) {
    this.ss.count('Sheet.deleteColumns');
    if (columnPosition + howMany - 1 !== this.maxColumns)
      throw new Error('Stand-in: the last columns are deleted only.');
    if (howMany >= this.maxColumns) throw new Error("You can't delete all the columns on the sheet.");
    this.maxColumns -= howMany;
    for (const k of [...this.cells.keys()]) if (parseA1(k).col >= this.maxColumns) this.cells.delete(k);
  }
  /** The merged range a frozen edge after `n` rows (or columns) would cut through, if any. */
  private crossing(n: number, dim: 'rows' | 'columns'): string | undefined {
    return this.merges.find((m) => {
      const b = box(m);
      const [lo, hi] = dim === 'rows' ? [b.top, b.bottom] : [b.left, b.right];
      return lo < n && hi >= n;
    });
  }
  /**
   * Sheets refuses a frozen edge through a merged range (Excel allows it): "You can't freeze rows/columns
   * which contain only part of a merged cell" (https://github.com/dream-num/univer/issues/724 compares
   * the two hosts), and freezing every row or column ("You can't freeze all visible rows on the sheet").
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#setFrozenRows(Integer)
   */
  setFrozenRows(n: number) {
    this.ss.count('Sheet.setFrozenRows');
    if (n >= this.maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    if (this.crossing(n, 'rows')) throw new Error(FREEZE_ROWS_THROUGH_MERGE);
    this.frozenRows = n;
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#setFrozenColumns(Integer) */
  setFrozenColumns(n: number) {
    this.ss.count('Sheet.setFrozenColumns');
    if (n >= this.maxColumns) throw new Error("You can't freeze all visible columns on the sheet.");
    if (this.crossing(n, 'columns')) throw new Error(FREEZE_COLUMNS_THROUGH_MERGE);
    this.frozenColumns = n;
  }
  getFrozenRows() {
    return this.frozenRows;
  }
  getFrozenColumns() {
    return this.frozenColumns;
  }
  setColumnWidth() {
    this.ss.count('Sheet.setColumnWidth');
    return this;
  }
  setRowHeights() {
    this.ss.count('Sheet.setRowHeights');
    return this;
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#autoResizeRows(Integer,Integer) */
  autoResizeRows(startRow: number, numRows: number) {
    this.ss.count('Sheet.autoResizeRows');
    if (startRow < 1 || numRows < 1) throw new Error('Those rows are out of bounds.');
    return this;
  }
  /**
   * "Returns a Range corresponding to the dimensions in which data is present": cells holding a value or a
   * formula; formats, colours and notes alone do not count.
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getDataRange()
   */
  getDataRange() {
    let maxR = 0;
    let maxC = 0;
    for (const [k, c] of this.cells) {
      if (!c.formula && (c.value === null || c.value === undefined || c.value === '')) continue;
      const p = parseA1(k);
      maxR = Math.max(maxR, p.row + 1);
      maxC = Math.max(maxC, p.col + 1);
    }
    return this.getRange(1, 1, Math.max(1, maxR), Math.max(1, maxC));
  }
  /**
   * A range inside the grid; outside it the host throws "The coordinates of the range are outside the
   * dimensions of the sheet." https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(String)
   */
  getRange(row: number | string, col = 1, rows = 1, cols = 1): FakeGasRange {
    if (typeof row === 'string') {
      const b = box(row);
      return this.getRange(b.top + 1, b.left + 1, b.bottom - b.top + 1, b.right - b.left + 1);
    }
    if (rows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (cols < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row < 1 || col < 1 || row + rows - 1 > this.maxRows || col + cols - 1 > this.maxColumns)
      throw new Error(OUTSIDE_SHEET);
    return new FakeGasRange(this.ss, this, row, col, rows, cols);
  }
  protections: FakeProtection[] = [];
  /** A sheet protection: a sheet has at most one; asked again, the sheet's own comes back. */
  protect() {
    let p = this.protections[0];
    if (!p) this.protections.push((p = new FakeProtection(this)));
    return p;
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/sheet#getProtections(ProtectionType) */
  getProtections(type: string) {
    return type === 'SHEET' ? [...this.protections] : [];
  }
  /** Refuses a write by the running user into cells a protection keeps from them. */
  guard(b: { top: number; left: number; bottom: number; right: number }) {
    for (const p of this.protections) {
      if (p.warningOnly || p.editors === null || p.editors.includes(this.ss.user)) continue;
      const open = p.unprotected.map(box);
      for (let r = b.top; r <= b.bottom; r++)
        for (let c = b.left; c <= b.right; c++)
          if (!open.some((o) => o.top <= r && r <= o.bottom && o.left <= c && c <= o.right))
            throw new Error(PROTECTED_CELL);
    }
  }
  getRangeList(refs: string[]) {
    this.ss.count('Sheet.getRangeList');
    const ranges = refs.map((ref) => this.getRange(ref));
    return {
      setBorder: () => {
        this.ss.count('RangeList.setBorder');
      },
      getRanges: () => ranges,
    };
  }
}

/** A sheet's protection (Protection): its description, warning, editors and unprotected ranges. */
export class FakeProtection {
  description = '';
  warningOnly = false;
  /** Who may edit: null while it mirrors the spreadsheet's permissions (no editor changed yet). */
  editors: string[] | null = null;
  /** A1 ranges of the sheet left open. */
  unprotected: string[] = [];
  constructor(readonly sheet: FakeGasSheet) {}
  setDescription(d: string) {
    this.description = d;
    return this;
  }
  getDescription() {
    return this.description;
  }
  setWarningOnly(w: boolean) {
    this.warningOnly = w;
    return this;
  }
  isWarningOnly() {
    return this.warningOnly;
  }
  /** "Unprotected ranges are only supported on protected sheets": each must be a range of the sheet. */
  setUnprotectedRanges(ranges: FakeGasRange[]) {
    if (ranges.some((r) => r.getSheet() !== this.sheet)) throw new Error('The range must be on the protected sheet.');
    this.unprotected = ranges.map((r) => r.getA1Notation());
    return this;
  }
  getUnprotectedRanges() {
    return this.unprotected.map((a) => this.sheet.getRange(a));
  }
  removeEditors(emails: string[]) {
    this.editors = (this.editors ?? [this.sheet.ss.user]).filter((e) => !emails.includes(e));
    return this;
  }
  addEditor(email: string) {
    this.editors = [...new Set([...(this.editors ?? []), email])];
    return this;
  }
  getProtectionType() {
    return 'SHEET';
  }
  remove() {
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }
}

export class FakeGasRange {
  constructor(
    private ss: FakeSpreadsheet,
    private sheet: FakeGasSheet,
    private row: number,
    private col: number,
    private rows: number,
    private cols: number,
  ) {}
  private grid<T>(f: (key: string) => T): T[][] {
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.cols }, (_, c) => f(a1(this.row - 1 + r, this.col - 1 + c))),
    );
  }
  private put(name: string, grid: unknown[][], f: (key: string, v: unknown) => void) {
    this.ss.count(`Range.${name}`);
    this.sheet.guard(this.bounds());
    if (grid.length !== this.rows || grid.some((r) => r.length !== this.cols))
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ` +
          `${grid.length} but the range has ${this.rows}. (${name})`,
      );
    grid.forEach((row, r) => row.forEach((v, c) => f(a1(this.row - 1 + r, this.col - 1 + c), v)));
    return this;
  }
  /** Coordinates are the range's own: reading them is no call to the spreadsheet, so it is not counted. */
  getA1Notation() {
    return span(this.row, this.col, this.rows, this.cols);
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.col;
  }
  getNumRows() {
    return this.rows;
  }
  getNumColumns() {
    return this.cols;
  }
  getSheet() {
    return this.sheet;
  }
  private entry(k: string) {
    let c = this.sheet.cells.get(k);
    if (!c) {
      c = { value: null };
      this.sheet.cells.set(k, c);
    }
    return c;
  }
  /** One written value, coerced as the host does (see `typeIn`); Date objects become date cells. */
  private write(k: string, v: unknown) {
    if (v === '' || v === null || v === undefined) {
      const c = this.sheet.cells.get(k);
      if (c) {
        c.value = null;
        delete c.formula;
        delete c.computed;
      }
      return;
    }
    const c = this.entry(k);
    delete c.formula;
    delete c.computed;
    if (typeof v === 'number' || typeof v === 'boolean') {
      if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`Cannot write ${v} to a cell.`);
      c.value = v;
    } else if (isDate(v)) {
      c.value = serialOfDate(v);
      if (!isDateFormat(c.format)) c.format = `${LOCALES[this.ss.locale].date} H:mm:ss`;
    } else if (typeof v === 'string') {
      const typed = typeIn(v, this.ss.locale, c.format === '@', this.ss.today ?? new Date());
      if (typed.kind === 'formula') {
        c.value = null;
        c.formula = typed.formula;
      } else {
        c.value = typed.value;
        if (typed.kind === 'value' && typed.format && (!c.format || c.format === 'General')) c.format = typed.format;
      }
    } else throw new Error(`The parameters (${Object.prototype.toString.call(v)}) don't match the method signature.`);
  }
  /** What getValue(s) gives for a cell: Date for a date cell, a formula's computed value, '' for blank. */
  private valueOf(k: string): unknown {
    const c = this.sheet.cells.get(k);
    if (!c) return '';
    if (c.formula) return c.computed ?? '';
    if (c.value === null || c.value === undefined) return '';
    if (isDate(c.value)) return c.value;
    if (typeof c.value === 'number' && isDateFormat(c.format)) return dateOfSerial(c.value);
    return c.value;
  }
  getBackgrounds() {
    this.ss.count('Range.getBackgrounds');
    return this.grid((k) => this.sheet.cells.get(k)?.background ?? '#ffffff');
  }
  getNotes() {
    this.ss.count('Range.getNotes');
    return this.grid((k) => this.sheet.cells.get(k)?.note ?? '');
  }
  setNotes(grid: unknown[][]) {
    return this.put('setNotes', grid, (k, v) => {
      const c = this.sheet.cells.get(k);
      if (c || v) this.entry(k).note = v as string;
    });
  }
  /**
   * The one-colour setters and getters (every cell of the range, or its top-left cell), counted like the rest:
   * a port looping over cells with them is what the call budgets catch (tests/host-budgets.test.ts).
   * https://developers.google.com/apps-script/reference/spreadsheet/range#setBackground(String)
   */
  setBackground(color: string | null) {
    this.ss.count('Range.setBackground');
    this.sheet.guard(this.bounds());
    this.grid((k) => {
      const c = this.sheet.cells.get(k);
      if (c || (color && color !== '#ffffff')) this.entry(k).background = color;
    });
    return this;
  }
  getBackground() {
    this.ss.count('Range.getBackground');
    return this.sheet.cells.get(this.getA1Notation().split(':')[0])?.background ?? '#ffffff';
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/range#setNote(String) */
  setNote(note: string | null) {
    this.ss.count('Range.setNote');
    this.sheet.guard(this.bounds());
    this.grid((k) => {
      const c = this.sheet.cells.get(k);
      if (c || note) this.entry(k).note = note ?? '';
    });
    return this;
  }
  getNote() {
    this.ss.count('Range.getNote');
    return this.sheet.cells.get(this.getA1Notation().split(':')[0])?.note ?? '';
  }
  setValue(v: unknown) {
    this.ss.count('Range.setValue');
    this.sheet.guard(this.bounds());
    checkCellText([[v]]);
    this.grid((k) => this.write(k, v));
    return this;
  }
  getValue() {
    this.ss.count('Range.getValue');
    return this.valueOf(this.getA1Notation().split(':')[0]);
  }
  /**
   * "Returns the rectangular grid of values for this range … Empty cells are represented by an empty
   * string", dates as Date objects; a formula cell gives its result.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
   */
  getValues() {
    this.ss.count('Range.getValues');
    return this.grid((k) => this.valueOf(k));
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/range#getFormulas() */
  getFormulas() {
    this.ss.count('Range.getFormulas');
    return this.grid((k) => this.sheet.cells.get(k)?.formula ?? '');
  }
  setValues(grid: unknown[][]) {
    checkCellText(grid);
    return this.put('setValues', grid, (k, v) => this.write(k, v));
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/range#setFormulas(String) */
  setFormulas(grid: unknown[][]) {
    return this.put('setFormulas', grid, (k, v) => this.write(k, v));
  }
  setNumberFormat(format: string) {
    this.ss.count('Range.setNumberFormat');
    this.sheet.guard(this.bounds());
    this.grid((k) => this.format(k, format));
    return this;
  }
  private format(k: string, f: unknown) {
    const c = this.sheet.cells.get(k);
    if (c) c.format = f as string;
    else if (f && f !== 'General') this.entry(k).format = f as string;
  }
  /** https://developers.google.com/apps-script/reference/spreadsheet/range#setNumberFormats(Object) */
  setNumberFormats(grid: unknown[][]) {
    return this.put('setNumberFormats', grid, (k, f) => this.format(k, f));
  }
  getNumberFormats() {
    this.ss.count('Range.getNumberFormats');
    return this.grid((k) => this.sheet.cells.get(k)?.format ?? 'General');
  }
  setBackgrounds(grid: unknown[][]) {
    return this.put('setBackgrounds', grid, (k, v) => {
      const c = this.sheet.cells.get(k);
      if (c || (v && v !== '#ffffff')) this.entry(k).background = v as string;
    });
  }
  setFontWeights(grid: unknown[][]) {
    return this.put('setFontWeights', grid, (k, v) => {
      const c = this.sheet.cells.get(k);
      if (c) c.weight = v as string;
    });
  }
  setFontStyles(grid: unknown[][]) {
    return this.put('setFontStyles', grid, () => undefined);
  }
  setFontColors(grid: unknown[][]) {
    return this.put('setFontColors', grid, () => undefined);
  }
  setFontSizes(grid: unknown[][]) {
    return this.put('setFontSizes', grid, () => undefined);
  }
  setHorizontalAlignments(grid: unknown[][]) {
    return this.put('setHorizontalAlignments', grid, () => undefined);
  }
  setVerticalAlignments(grid: unknown[][]) {
    return this.put('setVerticalAlignments', grid, () => undefined);
  }
  setWraps(grid: unknown[][]) {
    return this.put('setWraps', grid, () => undefined);
  }
  /**
   * "Sets the font family, such as "Arial" or "Helvetica"" of every cell of the range; the stand-in keeps it on
   * the cells it holds (a blank cell without formatting is not kept).
   * https://developers.google.com/apps-script/reference/spreadsheet/range#setFontFamily(String)
   */
  setFontFamily(family: string) {
    this.ss.count('Range.setFontFamily');
    this.grid((k) => {
      const c = this.sheet.cells.get(k);
      if (c) c.font = family;
    });
    return this;
  }
  private bounds() {
    return { top: this.row - 1, left: this.col - 1, bottom: this.row + this.rows - 2, right: this.col + this.cols - 2 };
  }
  /**
   * Merges the range, keeping the top-left value. Sheets refuses a merge across the frozen edge ("You can't
   * merge frozen and non-frozen rows") and one taking only part of another merge.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#merge()
   */
  merge() {
    this.ss.count('Range.merge');
    const b = this.bounds();
    const fr = this.sheet.frozenRows;
    const fc = this.sheet.frozenColumns;
    if (fr && b.top < fr && b.bottom >= fr) throw new Error("You can't merge frozen and non-frozen rows.");
    if (fc && b.left < fc && b.right >= fc) throw new Error("You can't merge frozen and non-frozen columns.");
    const overlapping = this.sheet.merges.filter((m) => overlaps(box(m), b));
    if (overlapping.some((m) => !inside(box(m), b)))
      throw new Error('You must select all cells in a merged range to merge or unmerge them.');
    this.sheet.merges = this.sheet.merges.filter((m) => !overlapping.includes(m));
    for (const k of this.grid((x) => x)
      .flat()
      .slice(1)) {
      const c = this.sheet.cells.get(k);
      if (c) {
        c.value = null;
        delete c.formula;
      }
    }
    if (this.rows * this.cols > 1) this.sheet.merges.push(this.getA1Notation());
    return this;
  }
  breakApart() {
    this.ss.count('Range.breakApart');
    const b = this.bounds();
    this.sheet.merges = this.sheet.merges.filter((m) => !inside(box(m), b));
    return this;
  }
  /**
   * "Returns an array of Range objects representing merged cells that either are fully within the current
   * range, or contain at least one cell in the current range."
   * https://developers.google.com/apps-script/reference/spreadsheet/range#getMergedRanges()
   */
  getMergedRanges() {
    this.ss.count('Range.getMergedRanges');
    const b = this.bounds();
    return this.sheet.merges.filter((m) => overlaps(box(m), b)).map((m) => this.sheet.getRange(m));
  }
  setDataValidation(rule: unknown) {
    this.ss.count('Range.setDataValidation');
    this.sheet.validations.push({ range: a1(this.row - 1, this.col - 1), rule });
    return this;
  }
}

type Box = { top: number; left: number; bottom: number; right: number };
const overlaps = (a: Box, b: Box) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const inside = (a: Box, b: Box) => a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;

/** The SpreadsheetApp global as the bundle sees it. */
export function fakeSpreadsheetApp(ss: FakeSpreadsheet) {
  const builder = () => {
    const rule: Record<string, unknown> = {};
    const b = {
      setAllowInvalid: (x: boolean) => {
        rule.allowInvalid = x;
        return b;
      },
      requireValueInRange: (r: unknown) => {
        rule.range = r;
        return b;
      },
      requireValueInList: (l: string[]) => {
        rule.list = l;
        return b;
      },
      build: () => rule,
    };
    return b;
  };
  return {
    getActiveSpreadsheet: () => ss,
    openById: (id: string) => {
      const other = ss.others[id];
      if (!other) throw new Error(`Không mở được bảng tính ${id}`);
      return other;
    },
    /**
     * "Creates a new spreadsheet with the given name" in the user's My Drive, with one blank sheet
     * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#create(String)); it is in
     * the spreadsheet's locale here, and openById reaches it.
     */
    create: (name: string) => {
      ss.count('SpreadsheetApp.create');
      const made = new FakeSpreadsheet(name, ss.locale);
      made.user = ss.user;
      made.insertSheet(FIRST_SHEET[made.locale]);
      made.calls = {};
      ss.others[made.id] = made;
      ss.created.push(made);
      ss.onCreate?.(made);
      return made;
    },
    /** Applies pending changes: the stand-in has none pending, it only counts the call. */
    flush: () => ss.count('SpreadsheetApp.flush'),
    newDataValidation: builder,
    BorderStyle: { SOLID: 'SOLID' },
  };
}

/**
 * The LockService global: one document lock per spreadsheet, whoever asks for it.
 * https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()
 */
export function fakeLockService(ss: FakeSpreadsheet) {
  return {
    getDocumentLock: () => new FakeLock(ss.documentLock),
    getScriptLock: () => new FakeLock(ss.documentLock),
    getUserLock: () => new FakeLock(new LockState()),
  };
}

/**
 * The ScriptApp global, for what the menu asks of it: how the script was installed
 * (https://developers.google.com/apps-script/reference/script/script-app#getInstallationSource()) and the
 * authorization modes a trigger event names (https://developers.google.com/apps-script/reference/script/auth-mode).
 */
export function fakeScriptApp(installationSource: 'NONE' | 'WEB_STORE_ADD_ON' | 'APPS_MARKETPLACE_DOMAIN_ADD_ON') {
  return {
    AuthMode: { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' },
    InstallationSource: {
      APPS_MARKETPLACE_DOMAIN_ADD_ON: 'APPS_MARKETPLACE_DOMAIN_ADD_ON',
      NONE: 'NONE',
      WEB_STORE_ADD_ON: 'WEB_STORE_ADD_ON',
    },
    getInstallationSource: () => installationSource,
  };
}

/*
 * Issue 15, item 6 (a Tổng hợp read in steps): the limits it must stay within, and the services it saves with.
 *
 * "Google Sheets: … up to 10 million cells or 18,278 columns (column ZZZ)"; a cell holds at most 50,000
 * characters (https://support.google.com/drive/answer/37603). The messages are the host's as scripts see them.
 */
export const MAX_CELLS = 10000000;
export const MAX_CELL_CHARS = 50000;
export const CELL_TOO_LONG = `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`;
export const TOO_MANY_CELLS = `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`;

/** A write holding a string longer than a cell takes is refused whole, before any cell changes. */
function checkCellText(grid: unknown[][]): void {
  if (grid.some((row) => row.some((v) => typeof v === 'string' && v.length > MAX_CELL_CHARS)))
    throw new Error(CELL_TOO_LONG);
}

/** Every cell of every grid counts, blank or not. */
function checkCellCount(ss: FakeSpreadsheet, more: number): void {
  const now = ss.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  if (now + more > MAX_CELLS) throw new Error(TOO_MANY_CELLS);
}

/*
 * PropertiesService (https://developers.google.com/apps-script/reference/properties/properties-service): one
 * document store per spreadsheet, one script store. Quotas (https://developers.google.com/apps-script/guides/services/quotas#current_limitations):
 * "Properties value size 9 KB / val", "Properties total storage 500 KB / property store" — counted here in UTF-8
 * bytes, keys with their values. Values are strings: setProperty stores String(value).
 */
export const PROPERTY_VALUE_BYTES = 9 * 1024;
export const PROPERTY_STORE_BYTES = 500 * 1024;
export const PROPERTY_TOO_LARGE = 'Argument too large: value';
export const PROPERTY_QUOTA =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** A Properties store (https://developers.google.com/apps-script/reference/properties/properties). */
export class FakeProperties {
  readonly map = new Map<string, string>();
  calls = 0;
  private check(next: Map<string, string>) {
    for (const v of next.values()) if (utf8(v) > PROPERTY_VALUE_BYTES) throw new Error(PROPERTY_TOO_LARGE);
    const total = [...next].reduce((n, [k, v]) => n + utf8(k) + utf8(v), 0);
    if (total > PROPERTY_STORE_BYTES) throw new Error(PROPERTY_QUOTA);
  }
  getProperty(key: string): string | null {
    this.calls++;
    return this.map.get(key) ?? null;
  }
  getProperties(): Record<string, string> {
    this.calls++;
    return Object.fromEntries(this.map);
  }
  getKeys(): string[] {
    this.calls++;
    return [...this.map.keys()];
  }
  setProperty(key: string, value: unknown) {
    return this.setProperties({ [key]: value });
  }
  /** All or nothing: a value too large or a full store leaves the store as it was. */
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false) {
    this.calls++;
    const next = new Map(deleteAllOthers ? [] : this.map);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    this.check(next);
    this.map.clear();
    for (const [k, v] of next) this.map.set(k, v);
    return this;
  }
  deleteProperty(key: string) {
    this.calls++;
    this.map.delete(key);
    return this;
  }
  deleteAllProperties() {
    this.calls++;
    this.map.clear();
    return this;
  }
}

const documentStores = new WeakMap<FakeSpreadsheet, FakeProperties>();

/** The document properties of a spreadsheet (the bound script's or add-on's store for that document). */
export function documentProperties(ss: FakeSpreadsheet): FakeProperties {
  let p = documentStores.get(ss);
  if (!p) documentStores.set(ss, (p = new FakeProperties()));
  return p;
}

/** The PropertiesService global for scripts run on `ss`. */
export function fakePropertiesService(ss: FakeSpreadsheet, script = new FakeProperties(), user = new FakeProperties()) {
  return {
    getDocumentProperties: () => documentProperties(ss),
    getScriptProperties: () => script,
    getUserProperties: () => user,
  };
}

/**
 * A Blob (https://developers.google.com/apps-script/reference/base/blob): bytes and a content type. Apps Script's
 * Byte[] are Java bytes, -128…127: getBytes gives them so, and every method taking bytes takes them so.
 */
export class FakeBlob {
  constructor(
    readonly data: Buffer,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {}
  getBytes(): number[] {
    return [...this.data].map((b) => (b > 127 ? b - 256 : b));
  }
  getDataAsString(charset = 'UTF-8'): string {
    if (!/^utf-?8$/i.test(charset)) throw new Error(`Stand-in: charset ${charset} is not modelled.`);
    return this.data.toString('utf8');
  }
  getContentType() {
    return this.contentType;
  }
  setContentType(t: string) {
    this.contentType = t;
    return this;
  }
  getName() {
    return this.name;
  }
  setName(n: string) {
    this.name = n;
    return this;
  }
  getBlob() {
    return this;
  }
}

function bytesOf(data: string | number[]): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (data.some((b) => !Number.isInteger(b) || b < -128 || b > 127))
    throw new Error('Stand-in: a Byte[] holds integers from -128 to 127.');
  return Buffer.from(data.map((b) => (b < 0 ? b + 256 : b)));
}

/**
 * The Utilities global, for what the product asks of it
 * (https://developers.google.com/apps-script/reference/utilities/utilities): newBlob (a string is stored as
 * UTF-8), gzip / ungzip (real gzip, node's zlib), base64Encode (of bytes, or of a string's UTF-8) / base64Decode
 * (to bytes). `calls` counts them.
 */
export function fakeUtilities() {
  const calls: Record<string, number> = {};
  const count = (n: string) => (calls[n] = (calls[n] ?? 0) + 1);
  return {
    calls,
    newBlob: (data: string | number[], contentType?: string, name?: string) => {
      count('newBlob');
      return new FakeBlob(bytesOf(data), contentType ?? null, name ?? null);
    },
    gzip: (blob: FakeBlob, name?: string) => {
      count('gzip');
      return new FakeBlob(zlib.gzipSync(blob.data), 'application/x-gzip', name ?? blob.getName());
    },
    /** "Uncompresses a Blob object and returns a Blob containing the uncompressed data." Not gzip: it throws. */
    ungzip: (blob: FakeBlob) => {
      count('ungzip');
      return new FakeBlob(zlib.gunzipSync(blob.data), null, blob.getName());
    },
    base64Encode: (data: string | number[]) => {
      count('base64Encode');
      return bytesOf(data).toString('base64');
    },
    /** A string that is not base-64 throws ("Could not decode string."), as Java's decoder refuses it. */
    base64Decode: (encoded: string) => {
      count('base64Decode');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 === 1)
        throw new Error('Could not decode string.');
      return new FakeBlob(Buffer.from(encoded, 'base64')).getBytes();
    },
  };
}
