/**
 * A stand-in for Excel's JavaScript API (Office.js), for the one thing that cannot run offline. It follows
 * the documented behaviour the add-in relies on, each rule with its source:
 *
 * - Batching: properties must be load()ed and context.sync()ed before they are read; writes are queued and
 *   run in order at the next sync; a failing command stops its batch, the ones before it stay done.
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-core-concepts
 * - Written strings are parsed like typing in en-US, whatever the user's locale ("12/12" → 12 December,
 *   "1." → 1, "01" → 1, "100%" → 1 with a % format, "1,234" → 1234, "1.234" → 1.234; "6/2023" → 1 June):
 *   https://github.com/OfficeDev/office-js/issues/1559 ("the APIs use USA locale by default"; use
 *   formulasLocal for the user's locale). A string starting with "=", "+", "-" is taken for a formula
 *   (Range.values: "If the returned value starts with a plus, minus, or equal sign, Excel interprets this
 *   value as a formula", https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member);
 *   one that does not parse is refused (InvalidArgument), like Excel's "There's a problem with this formula".
 * - The text format "@" keeps what is written exactly as written, numbers and formulas included ("Text:
 *   treats the content of a cell as text and displays the content exactly as you type it, even when you type
 *   numbers", https://support.microsoft.com/office/5026bbd6-04bc-48cd-bf33-80f18b4eae68). The format has to be
 *   there first: it is set by a command queued before the value (queued commands run in order).
 * - A leading apostrophe in a cell that is not yet text makes the rest text and is not content (Excel's
 *   prefix character; reading `formulas` gives the text without it, OfficeDev/office-js#6687). Whether Excel
 *   also consumes it in a cell already formatted "@" is not documented; this stand-in takes the strict
 *   reading — there it is kept as a visible character — so a product that sends one there is caught.
 * - `values` give numbers for dates (serials of the 1900 date system), the computed result of a formula
 *   cell, never its text; `formulas` give the formula, or the value of a cell without one (Range.formulas:
 *   "If a cell has no formula, its value is returned instead"). The stand-in computes the formulas the
 *   product writes (arithmetic, comparisons, &, IF, AND, OR, NOT, ISNUMBER, ISBLANK, ISERROR, IFERROR, SUM,
 *   MIN, MAX, ABS, ROUND, LEN, references to other sheets); for any other a test sets the value (the
 *   cell's `value`), else reading it fails loudly.
 * - A 2-D array written to a range must have the range's dimensions (InvalidArgument otherwise).
 * - Excel on the web refuses a request over 5 MB: RequestPayloadSizeLimitExceeded
 *   (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins,
 *   https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices,
 *   OfficeDev/office-js-docs-pr#2846, #5333: web only). The size is modelled as the UTF-8 length of the JSON
 *   of the values, formulas and number formats written before one sync; 5 MB taken as 5,000,000 bytes.
 * - A workbook keeps at least one visible sheet: deleting or hiding the last visible one fails
 *   (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets, "Cannot hide the only
 *   visible worksheet" in the SheetVisibility sample); a "VeryHidden" sheet cannot be deleted (Worksheet.delete).
 * - Sheet names: at most 31 characters, none of : \ / ? * [ ], unique whatever the case (ItemAlreadyExists).
 * - Merged areas are readable with Range.getMergedAreasOrNullObject (ExcelApi 1.13), which "will fail to
 *   return the result" over 512 areas (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member-1).
 * - Sheet protection (WorksheetProtection, ExcelApi 1.2): `protect(options, password)` "Fails if the worksheet has
 *   already been protected" (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection), and since
 *   June 2026 `unprotect()` of a sheet not protected fails too, both with AccessDenied (OfficeDev/office-js#6784);
 *   a password given must be the one set. In a protected sheet, writing values, formulas or number formats into a
 *   locked cell fails with AccessDenied ("You cannot perform the requested operation", as Microsoft Graph's range
 *   update reports it: microsoftgraph/microsoft-graph-docs#4546), the whole write refused; so does formatting a
 *   locked cell (fill, font…) unless the protection allows formatting cells (allowFormatCells, Excel's "Format
 *   cells" permission), and changing whether a cell is locked (`format.protection.locked`, FormatProtection) while
 *   the sheet is protected. Every cell is locked until `format.protection.locked = false` unlocks it.
 * - Every sync is counted, and the size of each request is kept (`requests`).
 * - Page setup (orientation, print titles, PageLayout.headersFooters of ExcelApi 1.9) and formats are queued
 *   commands like any other, recorded in `formats` in the order they run.
 *   https://learn.microsoft.com/javascript/api/excel/excel.pagelayout
 */
import { a1, columnIndex, columnLetter, parseA1, quoteSheet } from '../../shared/workbook/sheet-spec';

/** A cell: a constant, or a formula (with the value a test set for one the stand-in cannot compute). */
export type Cell = { value: unknown; formula?: string };

/** 5 MB, taken strictly. */
export const REQUEST_LIMIT = 5_000_000;
export const MERGED_AREAS_LIMIT = 512;

/** An error as Office.js reports one: a code and a message. */
export class ExcelApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

class NotLoaded extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what}`);
  }
}

export interface FakeExcelOptions {
  /** Excel on the web (the default: the strictest) has the 5 MB request limit; desktop has none. */
  platform?: 'web' | 'desktop';
  /** The day "12/12" falls in the year of (Excel takes the current year). */
  today?: Date;
}

export class FakeExcel {
  syncs = 0;
  queued = 0;
  sheets: FakeSheet[] = [];
  /** The size in bytes of each sync's request (values, formulas, number formats written). */
  requests: number[] = [];
  readonly platform: 'web' | 'desktop';
  readonly today: Date;
  private pending: Array<() => void> = [];
  private pendingBytes = 0;

  constructor(options: FakeExcelOptions = {}) {
    this.platform = options.platform ?? 'web';
    this.today = options.today ?? new Date();
  }

  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = {
      workbook: { worksheets: new FakeSheets(this) },
      sync: async () => this.sync(),
    };
    // The fake implements only the part of the request context the add-in uses.
    return batch(context as unknown as Excel.RequestContext);
  };

  private sync() {
    this.syncs++;
    const bytes = this.pendingBytes;
    const p = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    this.requests.push(bytes);
    if (this.platform === 'web' && bytes > REQUEST_LIMIT)
      throw new ExcelApiError(
        'RequestPayloadSizeLimitExceeded',
        'The request payload size has exceeded the limit. Please refer to the documentation: ' +
          '"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
      );
    // In order; the first failure stops the batch (what ran before it stays done).
    for (const f of p) f();
  }

  /**
   * A test's way to make one command fail as Excel sometimes does ("An internal error has occurred",
   * OfficeDev/office-js-docs-reference#354): commands are described as "add <sheet>", "write <sheet>",
   * "rename <sheet>", "delete <sheet>", "hide <sheet>".
   */
  fault: ((command: string) => boolean) | null = null;

  enqueue(f: () => void, command?: string | (() => string)) {
    this.queued++;
    this.pending.push(
      command
        ? () => {
            if (this.fault?.(typeof command === 'string' ? command : command()))
              throw new ExcelApiError('GeneralException', 'An internal error has occurred.');
            f();
          }
        : f,
    );
  }

  /** Counts what a write puts in the request (UTF-8 bytes; TextEncoder, so the stand-in also runs in a page). */
  payload(grid: unknown) {
    this.pendingBytes += new TextEncoder().encode(JSON.stringify(grid) ?? '').length;
  }

  sheet(name: string) {
    return this.sheets.find((s) => s.name === name);
  }

  /**
   * Puts values straight into a sheet as Excel stores them (no parsing): numbers, text, booleans; a Date is
   * stored as its serial with a date format, as Excel keeps dates.
   */
  fill(name: string, rows: unknown[][]) {
    const s = this.sheet(name) ?? (this.sheets.push(new FakeSheet(name)), this.sheets[this.sheets.length - 1]);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === '' || v === undefined) return;
        if (v instanceof Date) {
          s.cells.set(a1(r, c), { value: serialOfDate(v) });
          s.numberFormats.set(a1(r, c), v.getUTCHours() || v.getUTCMinutes() ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy');
        } else s.cells.set(a1(r, c), { value: v });
      }),
    );
    return s;
  }

  /** What Range.values gives for a cell: a constant, or a formula's computed result. */
  value(sheet: string, cell: string): unknown {
    return cellValue(this, this.sheet(sheet)!, cell.replace(/\$/g, ''), []);
  }

  /** What Range.text gives for a cell: the value as its number format shows it (en-US). */
  text(sheet: string, cell: string): string {
    const s = this.sheet(sheet)!;
    const key = cell.replace(/\$/g, '');
    return display(cellValue(this, s, key, []), s.numberFormats.get(key) ?? 'General');
  }

  /** A cell's number format ("General" where none was set). */
  numberFormat(sheet: string, cell: string): string {
    return this.sheet(sheet)!.numberFormats.get(cell) ?? 'General';
  }
}

let nextId = 1;

export class FakeSheet {
  /** Worksheet.id: stays the same through a rename. */
  readonly id = `{${String(nextId++).padStart(8, '0')}-0000-4000-8000-000000000000}`;
  charts: Array<{ type: string; range: string; title?: string; position?: string; legend?: boolean }> = [];
  cells = new Map<string, Cell>();
  /** Number formats by cell; a cell without one is "General". */
  numberFormats = new Map<string, string>();
  /** Cells whose text was entered with the apostrophe prefix (not part of the value). */
  quotePrefixed = new Set<string>();
  fills = new Map<string, string>();
  selected: string | null = null;
  active = false;
  visibility = 'Visible';
  merges: string[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  validations: Array<{ range: string; rule: unknown }> = [];
  formats: Array<{ address: string; prop: string; value: unknown }> = [];
  /** WorksheetProtection: whether the sheet is protected, with what options and password. */
  protection: { protected: boolean; options: Record<string, unknown>; password?: string } = {
    protected: false,
    options: {},
  };
  /** `format.protection.locked` as set, in order: a cell is locked unless the last record over it says not. */
  locks: Array<{ areas: Area[]; locked: boolean }> = [];
  constructor(public name: string) {}

  /** Whether a cell is locked (every cell is, until unlocked). */
  isLocked(cell: string): boolean {
    const { row, col } = parseA1(cell);
    for (let i = this.locks.length - 1; i >= 0; i--)
      if (this.locks[i].areas.some((x) => x.r0 <= row && row <= x.r1 && x.c0 <= col && col <= x.c1))
        return this.locks[i].locked;
    return true;
  }

  /**
   * Whether any cell of the areas is locked. An area of more than 100,000 cells (a whole column, the whole sheet)
   * is taken as holding a locked one: no product sheet unlocks that much.
   */
  anyLocked(areas: Area[]): boolean {
    for (const x of areas) {
      if ((x.r1 - x.r0 + 1) * (x.c1 - x.c0 + 1) > 100_000) return true;
      for (let r = x.r0; r <= x.r1; r++) for (let c = x.c0; c <= x.c1; c++) if (this.isLocked(a1(r, c))) return true;
    }
    return false;
  }

  /** Refuses a change to locked cells of the protected sheet, as Excel does (AccessDenied). */
  guard(areas: Area[], kind: 'content' | 'format'): void {
    if (!this.protection.protected) return;
    if (kind === 'format' && this.protection.options.allowFormatCells === true) return;
    if (this.anyLocked(areas))
      throw new ExcelApiError(
        'AccessDenied',
        `You cannot perform the requested operation. (${this.name} is protected)`,
      );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Worksheets

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function checkName(excel: FakeExcel, name: string, self?: FakeSheet) {
  if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name))
    throw new ExcelApiError('InvalidArgument', `The sheet name "${name}" is not valid.`);
  if (excel.sheets.some((s) => s !== self && sameName(s.name, name)))
    throw new ExcelApiError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
}

const visibleOthers = (excel: FakeExcel, s: FakeSheet) =>
  excel.sheets.some((x) => x !== s && x.visibility === 'Visible');

class Loadable {
  protected loaded = new Set<string>();
  protected requested = new Set<string>();
  constructor(protected excel: FakeExcel) {}
  load(props: string | string[]) {
    const list = Array.isArray(props) ? props : props.split(',');
    for (const p of list) this.requested.add(p.trim().replace(/^items\//, ''));
    this.excel.enqueue(() => this.requested.forEach((p) => this.loaded.add(p)));
    return this;
  }
  protected need(p: string) {
    if (!this.loaded.has(p)) throw new NotLoaded(p);
  }
}

class FakeSheets extends Loadable {
  private snapshot: FakeWorksheet[] = [];
  load(props: string) {
    super.load(props);
    this.excel.enqueue(() => {
      const has = (p: string) => this.requested.has(p);
      this.snapshot = this.excel.sheets.map(
        (s) =>
          new FakeWorksheet(this.excel, () => s, {
            name: has('name') ? s.name : undefined,
            visibility: has('visibility') ? s.visibility : undefined,
            id: has('id') ? s.id : undefined,
          }),
      );
    });
    return this;
  }
  get items() {
    this.need('name');
    return this.snapshot;
  }
  /** Found when the batch runs (ItemNotFound then). */
  getItem(name: string) {
    return new FakeWorksheet(this.excel, () => {
      const s = this.excel.sheets.find((x) => sameName(x.name, name));
      if (!s) throw new ExcelApiError('ItemNotFound', `The sheet "${name}" does not exist.`);
      return s;
    });
  }
  getItemOrNullObject(name: string) {
    return new FakeWorksheet(this.excel, () => this.excel.sheets.find((x) => sameName(x.name, name)) ?? null, {}, true);
  }
  add(name: string) {
    const s = new FakeSheet(name);
    this.excel.enqueue(() => {
      checkName(this.excel, name);
      this.excel.sheets.push(s);
    }, `add ${name}`);
    return new FakeWorksheet(this.excel, () => s);
  }
}

class FakeWorksheet {
  private bound: FakeSheet | null | undefined;
  private resolvedNull = false;
  constructor(
    private excel: FakeExcel,
    private find: () => FakeSheet | null,
    private snap: { name?: string; visibility?: string; id?: string } = {},
    orNull = false,
  ) {
    if (orNull)
      excel.enqueue(() => {
        this.resolvedNull = this.target(true) === null;
      });
  }
  /** The sheet this object stands for, bound on first use in a batch (it follows a rename). */
  private target(orNull = false): FakeSheet {
    if (this.bound === undefined) this.bound = this.find();
    if (!this.bound && !orNull) throw new ExcelApiError('InvalidObjectPath', 'The sheet does not exist.');
    return this.bound as FakeSheet;
  }
  get isNullObject() {
    return this.resolvedNull;
  }
  load(props: string) {
    this.excel.enqueue(() => {
      const s = this.target();
      for (const p of props.split(',').map((x) => x.trim()))
        if (p === 'name' || p === 'visibility' || p === 'id') this.snap[p] = s[p];
    });
    return this;
  }
  get name() {
    if (this.snap.name === undefined) throw new NotLoaded('name');
    return this.snap.name;
  }
  set name(v: string) {
    this.excel.enqueue(() => {
      const s = this.target();
      checkName(this.excel, v, s);
      s.name = v;
    }, `rename ${v}`);
  }
  get id() {
    if (this.snap.id === undefined) throw new NotLoaded('id');
    return this.snap.id;
  }
  get visibility() {
    if (this.snap.visibility === undefined) throw new NotLoaded('visibility');
    return this.snap.visibility;
  }
  set visibility(v: string) {
    this.excel.enqueue(
      () => {
        const s = this.target();
        if (v !== 'Visible' && s.visibility === 'Visible' && !visibleOthers(this.excel, s))
          throw new ExcelApiError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
        s.visibility = v;
      },
      () => `hide ${this.target().name}`,
    );
  }
  delete() {
    this.excel.enqueue(
      () => {
        const s = this.target();
        if (s.visibility === 'VeryHidden')
          throw new ExcelApiError('InvalidOperation', 'A very hidden worksheet cannot be deleted.');
        if (s.visibility === 'Visible' && !visibleOthers(this.excel, s))
          throw new ExcelApiError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
        this.excel.sheets = this.excel.sheets.filter((x) => x !== s);
      },
      () => `delete ${this.target().name}`,
    );
  }
  private range(area: RangeSpec) {
    return new FakeRange(this.excel, () => this.target(), area);
  }
  getUsedRangeOrNullObject(valuesOnly = false) {
    return this.range({ used: true, valuesOnly });
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number) {
    return this.range({ address: `${a1(r, c)}:${a1(r + rows - 1, c + cols - 1)}` });
  }
  /** The whole sheet when no address is given. */
  getRange(address?: string) {
    return this.range({ address: address ?? 'A1:XFD1048576' });
  }
  getRanges(address: string) {
    return this.range({ address });
  }
  get charts() {
    const excel = this.excel;
    const sheetOf = () => this.target();
    return {
      add: (type: string, range: object, _by: string) => {
        const rec: { type: string; range: string; title?: string; position?: string; legend?: boolean } = {
          type,
          range: (range as unknown as { addressFor: string }).addressFor,
        };
        excel.enqueue(() => sheetOf().charts.push(rec));
        return {
          title: {
            set text(t: string) {
              excel.enqueue(() => {
                rec.title = t;
              });
            },
          },
          legend: {
            set visible(v: boolean) {
              excel.enqueue(() => {
                rec.legend = v;
              });
            },
          },
          setPosition: (a: string) =>
            excel.enqueue(() => {
              rec.position = a;
            }),
        };
      },
    };
  }
  /** Worksheet.protection (ExcelApi 1.2): `protected` and `options` once loaded; protect, unprotect queued. */
  get protection() {
    const excel = this.excel;
    const sheetOf = () => this.target();
    const snap: { protected?: boolean; options?: Record<string, unknown> } = {};
    return {
      load(_props?: string) {
        excel.enqueue(() => {
          const p = sheetOf().protection;
          snap.protected = p.protected;
          snap.options = { ...p.options };
        });
        return this;
      },
      get protected(): boolean {
        if (snap.protected === undefined) throw new NotLoaded('protection/protected');
        return snap.protected;
      },
      get options(): Record<string, unknown> {
        if (snap.options === undefined) throw new NotLoaded('protection/options');
        return snap.options;
      },
      protect(options?: Record<string, unknown>, password?: string) {
        excel.enqueue(
          () => {
            const s = sheetOf();
            if (s.protection.protected)
              throw new ExcelApiError('AccessDenied', 'You cannot perform the requested operation.');
            s.protection = { protected: true, options: { ...(options ?? {}) }, password };
          },
          () => `protect ${sheetOf().name}`,
        );
      },
      unprotect(password?: string) {
        excel.enqueue(
          () => {
            const s = sheetOf();
            if (!s.protection.protected || (s.protection.password ?? '') !== (password ?? ''))
              throw new ExcelApiError('AccessDenied', 'You cannot perform the requested operation.');
            s.protection = { protected: false, options: {} };
          },
          () => `unprotect ${sheetOf().name}`,
        );
      },
    };
  }
  activate() {
    this.excel.enqueue(() => {
      const s = this.target();
      this.excel.sheets.forEach((x) => {
        x.active = x === s;
      });
    });
  }
  /** Excel freezes through merged cells too (Google Sheets refuses it): nothing is refused here. */
  get freezePanes() {
    const at = (rows: number, columns: number) =>
      this.excel.enqueue(() => {
        const s = this.target();
        s.frozenRows = rows;
        s.frozenColumns = columns;
      });
    return {
      freezeRows: (n: number) => at(n, 0),
      freezeColumns: (n: number) => at(0, n),
      freezeAt: (range: string) => {
        const x = parseArea(range);
        at(x.r1 + 1, x.c1 + 1);
      },
    };
  }
  get pageLayout() {
    const excel = this.excel;
    const sheetOf = () => this.target();
    return {
      set orientation(v: string) {
        excel.enqueue(() => sheetOf().formats.push({ address: '', prop: 'orientation', value: v }));
      },
      setPrintTitleRows(rows: string) {
        excel.enqueue(() => sheetOf().formats.push({ address: '', prop: 'printTitleRows', value: rows }));
      },
      /**
       * PageLayout.headersFooters (ExcelApi 1.9): `defaultForAllPages` is the header/footer of every page unless
       * first, odd or even pages are given; each of its six sections is a string of Excel's header/footer codes.
       * https://learn.microsoft.com/javascript/api/excel/excel.headerfootergroup,
       * https://learn.microsoft.com/javascript/api/excel/excel.interfaces.headerfooterdata
       */
      get headersFooters() {
        const section = (part: string) => ({
          set(target: Record<string, unknown>, p: string | symbol, value: unknown) {
            const prop = `headersFooters.${part}.${String(p)}`;
            excel.enqueue(() => sheetOf().formats.push({ address: '', prop, value }));
            target[String(p)] = value;
            return true;
          },
        });
        return {
          defaultForAllPages: new Proxy({}, section('defaultForAllPages')),
          firstPage: new Proxy({}, section('firstPage')),
          oddPages: new Proxy({}, section('oddPages')),
          evenPages: new Proxy({}, section('evenPages')),
        };
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Ranges

type Area = { r0: number; c0: number; r1: number; c1: number };
type RangeSpec = { address: string } | { used: true; valuesOnly: boolean };

const LAST_ROW = 1048575;
const LAST_COL = 16383;

/** "B3", "A1:C4", "A:C" (columns), "2:5" (rows), with or without $. */
function parseArea(address: string): Area {
  const [from, to = from] = address.replace(/\$/g, '').split(':');
  const end = (s: string, which: 'start' | 'end') => {
    if (/^[A-Z]+$/i.test(s)) return { row: which === 'start' ? 0 : LAST_ROW, col: columnIndex(s) };
    if (/^\d+$/.test(s)) return { row: Number(s) - 1, col: which === 'start' ? 0 : LAST_COL };
    return parseA1(s);
  };
  const a = end(from, 'start');
  const b = end(to, 'end');
  return { r0: a.row, c0: a.col, r1: b.row, c1: b.col };
}

const areaText = (x: Area) => `${a1(x.r0, x.c0)}:${a1(x.r1, x.c1)}`;

function bounds(sheet: FakeSheet, valuesOnly: boolean): Area | null {
  let maxR = -1;
  let maxC = -1;
  let minR = Infinity;
  let minC = Infinity;
  const keys = valuesOnly ? [...sheet.cells.keys()] : [...sheet.cells.keys(), ...sheet.numberFormats.keys()];
  for (const k of keys) {
    const { row, col } = parseA1(k);
    maxR = Math.max(maxR, row);
    maxC = Math.max(maxC, col);
    minR = Math.min(minR, row);
    minC = Math.min(minC, col);
  }
  return maxR < 0 ? null : { r0: minR, c0: minC, r1: maxR, c1: maxC };
}

const overlaps = (a: Area, b: Area) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

interface RangeData {
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: string[][];
  text: string[][];
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  address: string;
}

class FakeRange extends Loadable {
  private data: RangeData | null = null;
  private nullObject = false;
  private area: Area | null = null;
  constructor(
    excel: FakeExcel,
    private sheetOf: () => FakeSheet,
    private spec: RangeSpec,
  ) {
    super(excel);
  }
  get addressFor() {
    return 'address' in this.spec ? this.spec.address : null;
  }
  /** Every area of the range: one, or those of a RangeAreas address ("A1:B2,D4"). */
  private areas(): Area[] {
    if ('address' in this.spec) return this.spec.address.split(',').map((a) => parseArea(a.trim()));
    const x = this.resolve();
    return x ? [x] : [];
  }
  /** The cells this range covers, decided when the batch reaches it. */
  private resolve(): Area | null {
    if ('address' in this.spec) return (this.area ??= parseArea(this.spec.address));
    this.area = bounds(this.sheetOf(), this.spec.valuesOnly);
    this.nullObject = !this.area;
    return this.area;
  }
  load(props: string | string[]) {
    super.load(props);
    this.excel.enqueue(() => {
      const sheet = this.sheetOf();
      const x = this.resolve();
      if (!x) {
        this.data = {
          values: [],
          formulas: [],
          numberFormat: [],
          text: [],
          rowIndex: 0,
          columnIndex: 0,
          rowCount: 0,
          columnCount: 0,
          address: '',
        };
        return;
      }
      const d: RangeData = {
        values: [],
        formulas: [],
        numberFormat: [],
        text: [],
        rowIndex: x.r0,
        columnIndex: x.c0,
        rowCount: x.r1 - x.r0 + 1,
        columnCount: x.c1 - x.c0 + 1,
        address: `${quoteSheet(sheet.name)}!${areaText(x)}`,
      };
      const want = (p: string) => this.requested.has(p);
      for (let r = x.r0; r <= x.r1; r++) {
        const vs: unknown[] = [];
        const fs: unknown[] = [];
        const ns: string[] = [];
        const ts: string[] = [];
        for (let c = x.c0; c <= x.c1; c++) {
          const key = a1(r, c);
          const cell = sheet.cells.get(key);
          const fmt = sheet.numberFormats.get(key) ?? 'General';
          const v = want('values') || want('text') ? (cell ? cellValue(this.excel, sheet, key, []) : '') : '';
          if (want('values')) vs.push(v);
          if (want('formulas')) fs.push(cell ? (cell.formula ?? cell.value) : '');
          if (want('numberFormat')) ns.push(fmt);
          if (want('text')) ts.push(cell ? display(v, fmt) : '');
        }
        d.values.push(vs);
        d.formulas.push(fs);
        d.numberFormat.push(ns);
        d.text.push(ts);
      }
      this.data = d;
    });
    return this;
  }
  get isNullObject() {
    return this.nullObject;
  }
  private got<K extends keyof RangeData>(p: K): RangeData[K] {
    this.need(p);
    return this.data![p];
  }
  get values() {
    return this.got('values');
  }
  get formulas() {
    return this.got('formulas');
  }
  get numberFormat() {
    return this.got('numberFormat');
  }
  get text() {
    return this.got('text');
  }
  get rowIndex() {
    return this.got('rowIndex');
  }
  get columnIndex() {
    return this.got('columnIndex');
  }
  get rowCount() {
    return this.got('rowCount');
  }
  get columnCount() {
    return this.got('columnCount');
  }
  get address() {
    return this.got('address');
  }
  /** A 2-D array must match the range; a single value goes to every cell. */
  private each(grid: unknown, f: (key: string, v: unknown) => void) {
    const x = this.resolve()!;
    const rows = x.r1 - x.r0 + 1;
    const cols = x.c1 - x.c0 + 1;
    if (Array.isArray(grid)) {
      if (grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols))
        throw new ExcelApiError(
          'InvalidArgument',
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        );
      grid.forEach((row: unknown[], r) => row.forEach((v, c) => f(a1(x.r0 + r, x.c0 + c), v)));
    } else {
      for (let r = x.r0; r <= x.r1; r++) for (let c = x.c0; c <= x.c1; c++) f(a1(r, c), grid);
    }
  }
  set formulas(grid: unknown[][]) {
    this.excel.payload(grid);
    this.excel.enqueue(() => {
      const sheet = this.sheetOf();
      if (this.excel.fault?.(`write ${sheet.name}`))
        throw new ExcelApiError('GeneralException', 'An internal error has occurred.');
      sheet.guard(this.areas(), 'content');
      this.each(grid, (k, v) => enter(this.excel, sheet, k, v));
    });
  }
  set values(grid: unknown[][]) {
    this.formulas = grid;
  }
  set numberFormat(grid: unknown[][]) {
    this.excel.payload(grid);
    this.excel.enqueue(() => {
      const sheet = this.sheetOf();
      sheet.guard(this.areas(), 'format');
      this.each(grid, (k, v) => {
        if (v === 'General' || v === null || v === '') sheet.numberFormats.delete(k);
        else sheet.numberFormats.set(k, String(v));
      });
    });
  }
  select() {
    this.excel.enqueue(() => {
      this.sheetOf().selected = this.addressFor;
    });
  }
  get format(): object {
    const address = this.addressFor!;
    const fill = {
      loadedColor: undefined as string | undefined,
      load: () => {
        this.excel.enqueue(() => {
          fill.loadedColor = this.sheetOf().fills.get(address) ?? '#FFFFFF';
        });
        return fill;
      },
      color: '',
      clear: () =>
        this.excel.enqueue(() => {
          this.sheetOf().guard(this.areas(), 'format');
          this.sheetOf().fills.delete(address);
        }),
    };
    Object.defineProperty(fill, 'color', {
      get: () => {
        if (fill.loadedColor === undefined) throw new NotLoaded('color');
        return fill.loadedColor;
      },
      set: (v: string) =>
        this.excel.enqueue(() => {
          this.sheetOf().guard(this.areas(), 'format');
          this.sheetOf().fills.set(address, v);
        }),
    });
    const record = (prop: string) => (value: unknown) =>
      this.excel.enqueue(() => {
        const sheet = this.sheetOf();
        if (prop === 'protection.locked') {
          // FormatProtection.locked: not changeable while the sheet is protected.
          if (sheet.protection.protected)
            throw new ExcelApiError('AccessDenied', `You cannot perform the requested operation. (${sheet.name})`);
          sheet.locks.push({ areas: this.areas(), locked: Boolean(value) });
        } else sheet.guard(this.areas(), 'format');
        sheet.formats.push({ address, prop, value });
      });
    const proxy = (prefix: string): object =>
      new Proxy(
        {},
        {
          set: (_t, p, value) => {
            record(`${prefix}${String(p)}`)(value);
            return true;
          },
          get: (_t, p) =>
            p === 'getItem'
              ? (edge: string) => proxy(`${prefix}borders.${edge}.`)
              : p === 'fill' && prefix === '' && !address.includes(',') && !address.includes(':')
                ? fill
                : proxy(`${prefix}${String(p)}.`),
        },
      );
    return proxy('');
  }
  merge() {
    const address = this.addressFor!.replace(/\$/g, '');
    this.excel.enqueue(() => this.sheetOf().merges.push(address));
  }
  getMergedAreasOrNullObject() {
    return new FakeRangeAreas(this.excel, this.sheetOf, () => this.resolve());
  }
  get dataValidation() {
    const excel = this.excel;
    const sheetOf = this.sheetOf;
    const address = this.addressFor!;
    return {
      set rule(rule: unknown) {
        excel.enqueue(() => sheetOf().validations.push({ range: address, rule }));
      },
    };
  }
}

/** Range.getMergedAreasOrNullObject(): the merged areas a range overlaps (ExcelApi 1.13). */
class FakeRangeAreas extends Loadable {
  private found: string[] = [];
  private sheetName = '';
  constructor(
    excel: FakeExcel,
    private sheetOf: () => FakeSheet,
    private areaOf: () => Area | null,
  ) {
    super(excel);
  }
  load(props: string | string[]) {
    super.load(props);
    this.excel.enqueue(() => this.collect());
    return this;
  }
  private collect() {
    const sheet = this.sheetOf();
    const x = this.areaOf();
    this.sheetName = sheet.name;
    this.found = x ? sheet.merges.filter((m) => overlaps(parseArea(m), x)) : [];
    if (this.found.length > MERGED_AREAS_LIMIT)
      throw new ExcelApiError('GeneralException', 'There are more than 512 merged areas in the range.');
  }
  get isNullObject() {
    return this.found.length === 0;
  }
  /** "'T3 TTHC'!C6:D6, 'T3 TTHC'!E6:F6", as Excel writes a RangeAreas address. */
  get address() {
    this.need('address');
    return this.found.map((m) => `${quoteSheet(this.sheetName)}!${m}`).join(', ');
  }
  get areaCount() {
    this.need('areaCount');
    return this.found.length;
  }
  /** The areas one by one: `areas.load('items/address')`. */
  get areas() {
    const loaded = { yes: false };
    const items = () => this.found.map((m) => ({ address: `${quoteSheet(this.sheetName)}!${m}` }));
    return {
      load: () => {
        this.excel.enqueue(() => {
          this.collect();
          loaded.yes = true;
        });
      },
      get items() {
        if (!loaded.yes) throw new NotLoaded('areas');
        return items();
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------------------
// What a written value becomes

/** Writing one cell through `values` or `formulas`. */
function enter(excel: FakeExcel, sheet: FakeSheet, key: string, v: unknown) {
  sheet.quotePrefixed.delete(key);
  if (v === '' || v === null || v === undefined) {
    sheet.cells.delete(key);
    return;
  }
  if (typeof v === 'number' || typeof v === 'boolean') {
    sheet.cells.set(key, { value: v });
    return;
  }
  // Anything else crosses as JSON: a Date arrives as its ISO text.
  const text = typeof v === 'string' ? v : String(JSON.parse(JSON.stringify(v)));
  const format = sheet.numberFormats.get(key) ?? 'General';
  if (format === '@') {
    sheet.cells.set(key, { value: text });
    return;
  }
  if (text.startsWith("'")) {
    sheet.cells.set(key, { value: text.slice(1) });
    sheet.quotePrefixed.add(key);
    return;
  }
  const parsed = parseEnUs(text, excel.today);
  if (parsed.kind === 'formula') {
    try {
      parseFormula(parsed.formula);
    } catch {
      throw new ExcelApiError('InvalidArgument', `"${text}" is not a valid formula (${sheet.name}!${key}).`);
    }
    sheet.cells.set(key, { value: null, formula: parsed.formula });
  } else if (parsed.kind === 'text') sheet.cells.set(key, { value: text });
  else {
    sheet.cells.set(key, { value: parsed.value });
    if (parsed.kind === 'number' && parsed.format && format === 'General') sheet.numberFormats.set(key, parsed.format);
  }
}

type Parsed =
  | { kind: 'number'; value: number; format?: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'formula'; formula: string }
  | { kind: 'text' };

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?(?:e[+-]?\d+)?$/i;

function enUsNumber(s: string): { value: number; grouped: boolean; decimals: number } | null {
  if (!NUMBER.test(s) || !/\d/.test(s.replace(/e[+-]?\d+$/i, ''))) return null;
  const decimals = /\.(\d*)/.exec(s)?.[1].length ?? 0;
  return { value: Number(s.replace(/,/g, '')), grouped: s.includes(','), decimals };
}

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
const fullYear = (y: string) => (y.length === 4 ? Number(y) : Number(y) < 30 ? 2000 + Number(y) : 1900 + Number(y));

function serialOfDate(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

/** A time "9:30", "9:30:15", "9:30 PM" as a fraction of a day, or null. */
function timeOf(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?$/i.exec(s);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const sec = Number(m[3] ?? 0);
  if (m[4]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (m[4].toUpperCase() === 'PM' ? 12 : 0);
  }
  if (h > 23 || min > 59 || sec > 59) return null;
  return (h * 3600 + min * 60 + sec) / 86400;
}

/** How Excel takes a typed string with en-US rules (OfficeDev/office-js#1559). */
export function parseEnUs(text: string, today: Date): Parsed {
  const s = text.trim();
  if (s.startsWith('=')) return { kind: 'formula', formula: s };
  if (/^(true|false)$/i.test(s)) return { kind: 'boolean', value: s.toLowerCase() === 'true' };
  const n = enUsNumber(s);
  if (n) return { kind: 'number', value: n.value, format: n.grouped ? (n.decimals ? '#,##0.00' : '#,##0') : undefined };
  const neg = /^\((.+)\)$/.exec(s);
  const nn = neg && enUsNumber(neg[1]);
  if (nn) return { kind: 'number', value: -nn.value };
  const pct = /^(.+)%$/.exec(s);
  const pn = pct && enUsNumber(pct[1].trim());
  if (pn)
    return { kind: 'number', value: pn.value / 100, format: pn.decimals ? `0.${'0'.repeat(pn.decimals)}%` : '0%' };
  const frac = /^(\d+) (\d+)\/(\d+)$/.exec(s);
  if (frac && Number(frac[3]) > 0)
    return { kind: 'number', value: Number(frac[1]) + Number(frac[2]) / Number(frac[3]), format: '# ?/?' };
  const date = dateOf(s, today);
  if (date) return date;
  const t = timeOf(s);
  if (t !== null) return { kind: 'number', value: t, format: 'h:mm' };
  // "+84 123", "-5 hộ", "@unit": taken for a formula, which does not parse.
  if (/^[+\-@]./.test(s)) return { kind: 'formula', formula: `=${s}` };
  return { kind: 'text' };
}

/** m/d, m/yyyy, m/d/yy(yy), yyyy-m-d, with "/" or "-", an optional time after: en-US month first. */
function dateOf(s: string, today: Date): Parsed | null {
  const m = /^(\d{1,4})([/-])(\d{1,4})(?:\2(\d{2}|\d{4}))?(?:\s+(.+))?$/.exec(s);
  if (!m) return null;
  const time = m[5] !== undefined ? timeOf(m[5]) : 0;
  if (time === null) return null;
  const withTime = m[5] !== undefined;
  const a = Number(m[1]);
  const b = Number(m[3]);
  let y: number;
  let mo: number;
  let d: number;
  let format: string;
  if (m[1].length === 4 && m[4] !== undefined) {
    // yyyy-m-d
    [y, mo, d] = [a, b, Number(m[4])];
    format = 'yyyy-mm-dd';
  } else if (m[4] !== undefined) {
    if (m[1].length > 2 || m[3].length > 2) return null;
    [y, mo, d] = [fullYear(m[4]), a, b];
    format = 'm/d/yyyy';
  } else if (m[3].length === 4) {
    // "6/2023": June 1st.
    if (m[1].length > 2) return null;
    [y, mo, d] = [b, a, 1];
    format = 'mmm-yy';
  } else {
    if (m[1].length > 2 || m[3].length > 2) return null;
    // "12/12": 12 December this year; "6/45" (no such day): June 1945.
    if (a >= 1 && a <= 12 && b >= 1 && b <= daysIn(today.getFullYear(), a)) {
      [y, mo, d] = [today.getFullYear(), a, b];
      format = 'd-mmm';
    } else if (a >= 1 && a <= 12) {
      [y, mo, d] = [fullYear(m[3]), a, 1];
      format = 'mmm-yy';
    } else return null;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || y < 1900) return null;
  return { kind: 'number', value: serial(y, mo, d) + time, format: withTime ? `${format} h:mm` : format };
}

// ---------------------------------------------------------------------------------------------------------
// Formulas: parsed to check them when written, computed when read

class XlError {
  constructor(readonly code: string) {}
}
class Uncomputable extends Error {}
const BLANK = Symbol('blank');
type Scalar = number | string | boolean | XlError | typeof BLANK;
type Val = Scalar | { grid: Scalar[][] };

type Node =
  | { k: 'lit'; v: Scalar }
  | { k: 'ref'; sheet?: string; from: string; to?: string }
  | { k: 'name'; v: string }
  | { k: 'fn'; name: string; args: Node[] }
  | { k: 'un'; op: string; a: Node }
  | { k: 'pct'; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node };

type Tok = { t: string; v?: string; sheet?: string };

const REF =
  /^(?:('(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?/;

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const ch = src[i];
    if (ch === ' ') {
      // Space is Excel's intersection operator; the product never writes one.
      out.push({ t: 'space' });
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= src.length) throw new SyntaxError('unterminated string');
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    const num = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?/i.exec(rest);
    if (num) {
      out.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const ref = REF.exec(rest);
    if (ref && !/^[\w(]/.test(rest.slice(ref[0].length))) {
      const sheet = ref[1]?.startsWith("'") ? ref[1].slice(1, -1).replace(/''/g, "'") : ref[1];
      out.push({ t: 'ref', sheet, v: ref[2] + (ref[3] ? `:${ref[3]}` : '') });
      i += ref[0].length;
      continue;
    }
    const word = /^[A-Za-z_][\w.]*/.exec(rest);
    if (word) {
      const after = src[i + word[0].length];
      if (after === '(') {
        out.push({ t: 'fn', v: word[0].toUpperCase() });
        i += word[0].length + 1;
      } else {
        out.push(/^(true|false)$/i.test(word[0]) ? { t: 'bool', v: word[0].toUpperCase() } : { t: 'name', v: word[0] });
        i += word[0].length;
      }
      continue;
    }
    const op = /^(<=|>=|<>|[-+*/^&=<>%(),])/.exec(rest);
    if (op) {
      out.push({ t: op[1] });
      i += op[1].length;
      continue;
    }
    throw new SyntaxError(`unexpected ${ch}`);
  }
  // Spaces beside an operator, a bracket or a comma are layout; between two operands they intersect.
  const layout = (t?: Tok) => !t || !['num', 'str', 'bool', 'ref', 'name', ')'].includes(t.t);
  return out.filter(
    (t, i) => t.t !== 'space' || !(layout(out[i - 1]) || layout(out[i + 1]) || out[i + 1].t === 'space'),
  );
}

/** Parses "=…" (en-US syntax); throws SyntaxError where Excel would refuse the formula. */
export function parseFormula(formula: string): Node {
  if (!formula.startsWith('=')) throw new SyntaxError('not a formula');
  const toks = tokenize(formula.slice(1));
  let p = 0;
  const peek = () => toks[p]?.t;
  const eat = (t: string) => {
    if (toks[p]?.t !== t) throw new SyntaxError(`expected ${t}`);
    return toks[p++];
  };
  const binary = (ops: string[], next: () => Node) => (): Node => {
    let a = next();
    while (ops.includes(peek() ?? '')) {
      const op = toks[p++].t;
      a = { k: 'bin', op, a, b: next() };
    }
    return a;
  };
  const primary = (): Node => {
    const t = toks[p++];
    if (!t) throw new SyntaxError('unexpected end');
    if (t.t === 'num') return { k: 'lit', v: Number(t.v) };
    if (t.t === 'str') return { k: 'lit', v: t.v! };
    if (t.t === 'bool') return { k: 'lit', v: t.v === 'TRUE' };
    if (t.t === 'ref') {
      const [from, to] = t.v!.replace(/\$/g, '').split(':');
      return { k: 'ref', sheet: t.sheet, from: from.toUpperCase(), to: to?.toUpperCase() };
    }
    if (t.t === 'name') return { k: 'name', v: t.v! };
    if (t.t === '(') {
      const e = comparison();
      eat(')');
      return e;
    }
    if (t.t === 'fn') {
      const args: Node[] = [];
      if (peek() !== ')') {
        for (;;) {
          args.push(peek() === ',' || peek() === ')' ? { k: 'lit', v: BLANK } : comparison());
          if (peek() === ',') {
            p++;
            continue;
          }
          break;
        }
      }
      eat(')');
      return { k: 'fn', name: t.v!, args };
    }
    throw new SyntaxError(`unexpected ${t.t}`);
  };
  const postfix = (): Node => {
    let a = primary();
    while (peek() === '%') {
      p++;
      a = { k: 'pct', a };
    }
    return a;
  };
  const unary = (): Node => {
    if (peek() === '-' || peek() === '+') {
      const op = toks[p++].t;
      return { k: 'un', op, a: unary() };
    }
    return postfix();
  };
  const power = binary(['^'], unary);
  const product = binary(['*', '/'], power);
  const sum = binary(['+', '-'], product);
  const concat = binary(['&'], sum);
  const comparison: () => Node = binary(['=', '<>', '<', '>', '<=', '>='], concat);
  const tree = comparison();
  if (p !== toks.length) throw new SyntaxError(`unexpected ${toks[p].t}`);
  return tree;
}

/** The value Range.values gives for a cell (a formula computed; "" for an empty cell). */
function cellValue(excel: FakeExcel, sheet: FakeSheet, key: string, stack: string[]): unknown {
  const cell = sheet.cells.get(key);
  if (!cell) return '';
  if (!cell.formula) return cell.value;
  const id = `${sheet.name}!${key}`;
  if (stack.includes(id)) return 0; // a circular reference shows 0
  try {
    const v = scalar(evaluate(excel, sheet, parseFormula(cell.formula), [...stack, id]));
    if (v instanceof XlError) return v.code;
    return v === BLANK ? 0 : v;
  } catch (e) {
    if (!(e instanceof Uncomputable)) throw e;
    if (cell.value !== null && cell.value !== undefined) return cell.value;
    throw new Error(`FakeExcel cannot compute ${cell.formula} at ${id}: set the cell's value in the test.`);
  }
}

function refValue(excel: FakeExcel, sheet: FakeSheet, key: string, stack: string[]): Scalar {
  const cell = sheet.cells.get(key);
  if (!cell) return BLANK;
  const v = cellValue(excel, sheet, key, stack);
  if (typeof v === 'string' && cell.formula && /^#[A-Z/0!?]+[!?A]?$/.test(v)) return new XlError(v);
  return v as Scalar;
}

const isGrid = (v: Val): v is { grid: Scalar[][] } =>
  typeof v === 'object' && v !== null && !(v instanceof XlError) && 'grid' in v;
const scalar = (v: Val): Scalar => (isGrid(v) ? (v.grid[0]?.[0] ?? BLANK) : v);

function evaluate(excel: FakeExcel, sheet: FakeSheet, n: Node, stack: string[]): Val {
  const ev = (x: Node) => evaluate(excel, sheet, x, stack);
  const one = (x: Node) => {
    return scalar(ev(x));
  };
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'name':
      return new XlError('#NAME?');
    case 'ref': {
      const target = n.sheet ? excel.sheets.find((s) => sameName(s.name, n.sheet!)) : sheet;
      if (!target) return new XlError('#REF!');
      const from = parseA1(n.from);
      const to = parseA1(n.to ?? n.from);
      if (!n.to) return refValue(excel, target, n.from, stack);
      const grid: Scalar[][] = [];
      for (let r = from.row; r <= to.row; r++) {
        const row: Scalar[] = [];
        for (let c = from.col; c <= to.col; c++) row.push(refValue(excel, target, a1(r, c), stack));
        grid.push(row);
      }
      return { grid };
    }
    case 'un': {
      const a = toNumber(one(n.a));
      return a instanceof XlError ? a : n.op === '-' ? -a : a;
    }
    case 'pct': {
      const a = toNumber(one(n.a));
      return a instanceof XlError ? a : a / 100;
    }
    case 'bin':
      return binaryOp(n.op, one(n.a), one(n.b));
    case 'fn':
      return callFunction(
        n.name,
        n.args.map((x) => () => ev(x)),
      );
  }
}

function toNumber(v: Scalar): number | XlError {
  if (v instanceof XlError) return v;
  if (v === BLANK) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  const n = enUsNumber(v.trim());
  return n ? n.value : new XlError('#VALUE!');
}

function toText(v: Scalar): string | XlError {
  if (v instanceof XlError) return v;
  if (v === BLANK) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return general(v);
  return v;
}

function binaryOp(op: string, a: Scalar, b: Scalar): Scalar {
  if (a instanceof XlError) return a;
  if (b instanceof XlError) return b;
  if (op === '&') return (toText(a) as string) + (toText(b) as string);
  if (['+', '-', '*', '/', '^'].includes(op)) {
    const x = toNumber(a);
    const y = toNumber(b);
    if (x instanceof XlError) return x;
    if (y instanceof XlError) return y;
    if (op === '+') return x + y;
    if (op === '-') return x - y;
    if (op === '*') return x * y;
    if (op === '^') return x ** y;
    return y === 0 ? new XlError('#DIV/0!') : x / y;
  }
  // Comparisons: blank is 0 or "", numbers < text < booleans, text without case.
  const rank = (v: Scalar) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  const norm = (v: Scalar, other: Scalar) =>
    v === BLANK ? (typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0) : v;
  const x = norm(a, b) as number | string | boolean;
  const y = norm(b, a) as number | string | boolean;
  let c: number;
  if (rank(x) !== rank(y)) c = rank(x) - rank(y);
  else if (typeof x === 'string') c = x.toLowerCase().localeCompare((y as string).toLowerCase());
  else c = Number(x) - Number(y);
  return { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[op]!;
}

/** The values of arguments: ranges flattened; `fromRange` tells which came from a range. */
function flat(args: Array<() => Val>): Array<{ v: Scalar; fromRange: boolean }> {
  return args.flatMap((f): Array<{ v: Scalar; fromRange: boolean }> => {
    const v = f();
    if (isGrid(v)) return v.grid.flat().map((x) => ({ v: x, fromRange: true }));
    return [{ v, fromRange: false }];
  });
}

function callFunction(name: string, args: Array<() => Val>): Scalar {
  const one = (i: number): Scalar => (args[i] ? scalar(args[i]()) : BLANK);
  const truth = (v: Scalar): boolean | XlError => {
    const n = toNumber(v);
    return n instanceof XlError ? n : n !== 0;
  };
  const numbers = () => {
    const out: number[] = [];
    for (const { v, fromRange } of flat(args)) {
      if (v instanceof XlError) throw v;
      if (fromRange) {
        if (typeof v === 'number') out.push(v);
      } else {
        const n = toNumber(v);
        if (n instanceof XlError) throw n;
        out.push(n);
      }
    }
    return out;
  };
  try {
    switch (name) {
      case 'IF': {
        const c = truth(one(0));
        if (c instanceof XlError) return c;
        return c ? one(1) : args.length > 2 ? one(2) : false;
      }
      case 'AND':
      case 'OR': {
        const vs = flat(args).filter((x) => !(x.fromRange && (typeof x.v === 'string' || x.v === BLANK)));
        const bs = vs.map((x) => truth(x.v));
        const err = bs.find((b) => b instanceof XlError);
        if (err) return err;
        return name === 'AND' ? bs.every(Boolean) : bs.some(Boolean);
      }
      case 'NOT': {
        const c = truth(one(0));
        return c instanceof XlError ? c : !c;
      }
      case 'ISNUMBER':
        return typeof one(0) === 'number';
      case 'ISBLANK':
        return one(0) === BLANK;
      case 'ISERROR':
        return one(0) instanceof XlError;
      case 'IFERROR': {
        const v = one(0);
        return v instanceof XlError ? one(1) : v;
      }
      case 'SUM':
        return numbers().reduce((s, x) => s + x, 0);
      case 'MIN':
      case 'MAX': {
        const ns = numbers();
        return ns.length ? (name === 'MIN' ? Math.min(...ns) : Math.max(...ns)) : 0;
      }
      case 'ABS': {
        const n = toNumber(one(0));
        return n instanceof XlError ? n : Math.abs(n);
      }
      case 'ROUND': {
        const n = toNumber(one(0));
        const d = toNumber(one(1));
        if (n instanceof XlError) return n;
        if (d instanceof XlError) return d;
        const f = 10 ** d;
        return Math.sign(n) * (Math.round(Math.abs(n) * f + 1e-9) / f);
      }
      case 'LEN': {
        const t = toText(one(0));
        return t instanceof XlError ? t : t.length;
      }
      default:
        throw new Uncomputable(name);
    }
  } catch (e) {
    if (e instanceof XlError) return e;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------------
// What a cell shows (Range.text), en-US

/** Excel's General format: up to 11 significant digits. */
function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  return String(Number(n.toPrecision(11)));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

function display(v: unknown, format: string): string {
  if (v === '' || v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v !== 'number') return String(v);
  if (format === 'General' || format === '@') return general(v);
  const pct = /^0(?:\.(0+))?%$/.exec(format);
  if (pct) return `${(v * 100).toFixed(pct[1]?.length ?? 0)}%`;
  const fixed = /^(#,##)?0(?:\.(0+))?$/.exec(format);
  if (fixed)
    return v.toLocaleString('en-US', {
      minimumFractionDigits: fixed[2]?.length ?? 0,
      maximumFractionDigits: fixed[2]?.length ?? 0,
      useGrouping: Boolean(fixed[1]),
    });
  if (/[dmyhs]/i.test(format)) return dateText(v, format);
  return general(v);
}

function dateText(v: number, format: string): string {
  const ms = Math.round(v * 86400) * 1000 + Date.UTC(1899, 11, 30);
  const t = new Date(ms);
  const parts = { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
  const h = t.getUTCHours();
  const mi = t.getUTCMinutes();
  const s = t.getUTCSeconds();
  const ampm = /AM\/PM/i.test(format);
  const tokens = format.match(/yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s|AM\/PM|"[^"]*"|\\.|./gi) ?? [];
  let out = '';
  let lastWasHour = false;
  tokens.forEach((tok, i) => {
    const lower = tok.toLowerCase();
    const nextIsSecond = tokens
      .slice(i + 1)
      .find((x) => /^[a-z]/i.test(x))
      ?.toLowerCase()
      .startsWith('s');
    if (lower === 'yyyy') out += parts.y;
    else if (lower === 'yy') out += p2(parts.y % 100);
    else if (lower === 'mmmm')
      out += new Date(Date.UTC(2000, parts.m - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
    else if (lower === 'mmm') out += MONTHS[parts.m - 1];
    else if (lower === 'mm' || lower === 'm') {
      const minutes = lastWasHour || nextIsSecond;
      const n = minutes ? mi : parts.m;
      out += lower === 'mm' ? p2(n) : String(n);
    } else if (lower === 'dd') out += p2(parts.d);
    else if (lower === 'd') out += parts.d;
    else if (lower === 'hh' || lower === 'h') {
      const hh = ampm ? h % 12 || 12 : h;
      out += lower === 'hh' ? p2(hh) : String(hh);
    } else if (lower === 'ss') out += p2(s);
    else if (lower === 's') out += s;
    else if (lower === 'am/pm') out += h < 12 ? 'AM' : 'PM';
    else if (tok.startsWith('"')) out += tok.slice(1, -1);
    else if (tok.startsWith('\\')) out += tok.slice(1);
    else out += tok;
    if (/^[a-z]/i.test(tok)) lastWasHour = lower === 'h' || lower === 'hh';
  });
  return out;
}

export { columnIndex, columnLetter };
