import { z } from 'zod';
import { Day, isoDay, makeDay, parseDay } from '../dates/date';
import { Aggregation, AGGREGATION_REASON, parseAggregation } from '../numbers/aggregation';
import { isPlausible, PLAUSIBLE_MAX } from '../numbers/bounds';
import { formatNumber } from '../numbers/format';
import { shortText, stripInvisible } from '../text/invisible';
import { a1, CellSpec, CellValue, quoteSheet, SheetSpec } from '../workbook/sheet-spec';
import { Figure } from './figures';

/*
 * The tidy export (issue 12, item 6): one row per unit × period × figure, for the tools a ministry's or a
 * province's dashboard reads (Looker Studio, Power BI, DuckDB, BigQuery), as a CSV file and as the hidden
 * sheet DX_DuLieu of the annex workbook. The same sheet read back is how a province takes a city's annex
 * workbook as a source (item 3): the rows are the figures, so nothing is retyped.
 */

/** One unit's figures for one period, from one source: what a row group of the export holds. */
export interface UnitFigures {
  unit: { code: string; name: string; group: string; level?: string };
  /** ISO dates, "2023-01-01" to "2023-09-30". */
  period: { start: string; end: string };
  /** The file or spreadsheet the figures were read from. */
  source: string;
  figures: Figure[];
  /** The months the figures cover, where they were aggregated over months ("2023-01", …). */
  months?: string[];
  /** The annex workbook the unit's figures were carried from (a city's, in a province's consolidation). */
  via?: string;
}

/** A calendar day as ISO text: the only period form the export writes. */
const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => makeDay(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))) !== null);

/** A row of the export; the keys, in this order, are the CSV header and row 1 of DX_DuLieu. */
export const TidyRow = z.object({
  unit_code: z.string().min(1),
  unit_name: z.string(),
  level: z.string(),
  /** Not "group": a reserved word in SQL (DuckDB, BigQuery, Postgres). */
  unit_group: z.string(),
  period_start: IsoDay,
  period_end: IsoDay,
  /** The figure's key across reports: "CQS.01/tu-so", "T3a/dossiers", "T3a/dossiers#2". */
  figure: z.string().min(1),
  label: z.string(),
  /** Blank (not reported) is null, never 0. */
  value: z.number().finite().nullable(),
  aggregation: Aggregation,
  source_file: z.string(),
  /** Where the figure was read: "'T3 TTHC'!F8". */
  source_cell: z.string(),
});
export type TidyRow = z.infer<typeof TidyRow>;

export const TIDY_COLUMNS = Object.keys(TidyRow.shape) as Array<keyof TidyRow>;
export const TIDY_SHEET = 'DX_DuLieu';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Unit code, then period, then source: by code units, not by locale, so the order is the same in every host.
 */
function compareUnits(a: Omit<UnitFigures, 'figures'>, b: Omit<UnitFigures, 'figures'>): number {
  return (
    cmp(a.unit.code.trim(), b.unit.code.trim()) ||
    cmp(a.period.start, b.period.start) ||
    cmp(a.period.end, b.period.end) ||
    cmp(a.source, b.source)
  );
}

/** Text as it leaves the product: without the invisible characters that make one name show as another. */
const clean = (s: string | undefined) => stripInvisible(s ?? '');

/** "T1 Chỉ tiêu" + "E12" → "'T1 Chỉ tiêu'!E12": a reference a formula or a reader takes as it is. */
export function cellRef(sheet: string, cell: string): string {
  return sheet ? `${quoteSheet(sheet)}!${cell}` : cell;
}

/** The reverse of `cellRef`; a reference it cannot split stays whole as the cell. */
export function splitCellRef(ref: string): { sheet: string; cell: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!][^!]*))!(\$?[A-Z]{1,3}\$?\d+)$/i.exec(ref);
  if (!m) return { sheet: '', cell: ref };
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], cell: m[3] };
}

/** A programming slip, not a user's: the caller hands over ISO days. */
function checkPeriod(u: Omit<UnitFigures, 'figures'>): void {
  for (const day of [u.period.start, u.period.end])
    if (!IsoDay.safeParse(day).success)
      throw new RangeError(`Kỳ của đơn vị ${shortText(u.unit.code)} không phải ngày dạng 2023-06-30: “${day}”.`);
}

/**
 * A unit as the export takes it: its figures already made (a carried unit's), or made when its rows are
 * (`figures` a function), so that a province's thousands of units never hold all their figures twice.
 */
export interface TidyUnit extends Omit<UnitFigures, 'figures'> {
  figures: Figure[] | (() => Figure[]);
}

/**
 * The export's rows one at a time, made again on each pass: units by code, then period, then source; each
 * unit's figures in the order they come. Every unit's period is checked before the first row.
 */
export function* tidyRowsOf(units: readonly TidyUnit[]): Generator<TidyRow> {
  const sorted = [...units].sort(compareUnits);
  for (const u of sorted) checkPeriod(u);
  // The same few hundred labels and keys in every unit's figures: each cleaned once (a province: 3,000 units).
  const seen = new Map<string, string>();
  const once = (s: string | undefined) => {
    const key = s ?? '';
    let v = seen.get(key);
    if (v === undefined) seen.set(key, (v = clean(key)));
    return v;
  };
  for (const u of sorted) {
    const unit_code = clean(u.unit.code).trim();
    const unit_name = clean(u.unit.name);
    const level = once(u.unit.level);
    const unit_group = once(u.unit.group);
    const source_file = clean(u.source);
    for (const f of typeof u.figures === 'function' ? u.figures() : u.figures)
      yield {
        unit_code,
        unit_name,
        level,
        unit_group,
        period_start: u.period.start,
        period_end: u.period.end,
        figure: once(f.key),
        label: once(f.label),
        // A number that is not finite is no figure: blank, as every annex cell (annex.ts `c`).
        value: typeof f.value === 'number' && Number.isFinite(f.value) ? f.value : null,
        aggregation: f.aggregation,
        source_file,
        source_cell: cellRef(once(f.sheet), once(f.cell)),
      };
  }
}

/** The export's rows, all made. */
export const tidyRows = (units: readonly TidyUnit[]): TidyRow[] => [...tidyRowsOf(units)];

// ——— CSV ———

/** UTF-8's byte order mark, written first so that Excel opens the file as UTF-8 and shows Vietnamese. */
export const BOM = '\uFEFF';
/** RFC 4180 §2.1: lines end in CRLF. */
const CRLF = '\r\n';

/**
 * Text a spreadsheet would run as a formula when it opens the CSV. OWASP's advice
 * (https://owasp.org/www-community/attacks/CSV_Injection): a field starting with =, +, -, @, tab or
 * carriage return is prefixed with an apostrophe. Text that already starts with apostrophes before such a
 * character gets one more, so the guard can always be undone (`unguard`) and no text is taken for another.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text a guarded field stood for. */
export function unguard(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** RFC 4180 §2.6–2.7: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
function csvText(text: string): string {
  const t = guardFormula(text);
  // Spaces at either end are quoted too: some readers trim unquoted fields.
  return /[",\r\n]|^\s|\s$/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/**
 * A number as every reader parses it: a dot before decimals, no thousands separator, never an exponent
 * (JavaScript writes 1.5e-7 and 1e21 so; some dashboards read those as text).
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Object.is(n, -0)) return '0';
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // Doubles this large are integers.
  if (Math.abs(n) >= 1e21) return BigInt(n).toString();
  const [mantissa, exponent] = s.split('e');
  const digits = mantissa.replace('-', '').replace('.', '');
  return `${n < 0 ? '-' : ''}0.${'0'.repeat(-Number(exponent) - 1)}${digits}`;
}

function csvLine(row: TidyRow): string {
  return TIDY_COLUMNS.map((k) => {
    const v = row[k];
    if (v === null) return '';
    // A number is data, never guarded: a negative value stays a number for every reader.
    return typeof v === 'number' ? plainNumber(v) : csvText(v);
  }).join(',');
}

/**
 * The CSV line by line (the first with the byte order mark and the header), each ending in CRLF: a caller
 * writing a large export streams it instead of holding one string.
 */
export function* tidyCsvLines(rows: TidyRow[]): Generator<string> {
  yield `${BOM}${TIDY_COLUMNS.join(',')}${CRLF}`;
  for (const r of rows) yield `${csvLine(r)}${CRLF}`;
}

/** The whole CSV as one string, to be written as UTF-8 (the BOM is its first character). */
export function tidyCsv(rows: TidyRow[]): string {
  let out = '';
  for (const line of tidyCsvLines(rows)) out += line;
  return out;
}

// ——— The sheet DX_DuLieu ———

/** `count` rows of data: more than a sheet holds with its header. */
const tooManyRows = (count: number, most: number) =>
  new RangeError(
    `Dữ liệu có ${formatNumber(count)} dòng, quá số dòng một trang tính chứa được ` +
      `(${formatNumber(most)}): hãy xuất ra tệp CSV.`,
  );

/** The most rows a sheet holds in Excel (and in an .xlsx file). */
export const MAX_SHEET_ROWS = 1_048_576;

const WIDTHS: Record<keyof TidyRow, number> = {
  unit_code: 12,
  unit_name: 34,
  level: 10,
  unit_group: 20,
  period_start: 12,
  period_end: 12,
  figure: 20,
  label: 40,
  value: 14,
  aggregation: 12,
  source_file: 28,
  source_cell: 18,
};

function sheetCell(key: keyof TidyRow, v: string | number | null): CellSpec | null {
  if (v === null || v === '') return null;
  if (typeof v === 'number') return { v };
  // Periods are real dates, which every dashboard types as dates; anything else is text, written as text.
  if ((key === 'period_start' || key === 'period_end') && IsoDay.safeParse(v).success) return { d: v };
  return { v };
}

/**
 * The hidden sheet DX_DuLieu: row 1 the machine column names (dashboards read them), then one row per
 * figure, numbers as numbers, text as text, periods as dates; nothing else on the sheet. Not run through
 * `SheetSpec.parse`: a province's export holds hundreds of thousands of cells, each made valid here.
 */
export function tidySheet(rows: Iterable<TidyRow>, sheetRows = MAX_SHEET_ROWS): SheetSpec {
  // Below the header; a smaller bound only lets tests reach the refusal without a million rows.
  const most = sheetRows - 1;
  if (Array.isArray(rows) && rows.length > most) throw tooManyRows(rows.length, most);
  const header: Array<CellSpec | null> = TIDY_COLUMNS.map((k) => ({ v: k, s: 'header' }));
  // One cell object for each text and period, shared by the rows that hold it (a unit's name on its 160 rows,
  // a label on every unit's): DX_DuLieu of 3,000 units is 5.8 million cells, most of them repeats (issue 15).
  const shared = TIDY_COLUMNS.map(() => new Map<string, CellSpec | null>());
  const body: Array<Array<CellSpec | null>> = [header];
  let count = 0;
  for (const r of rows) {
    // Past the last row a sheet holds the rows are only counted, for the message.
    if (++count > most) continue;
    const line: Array<CellSpec | null> = new Array(TIDY_COLUMNS.length);
    for (let i = 0; i < TIDY_COLUMNS.length; i++) {
      const k = TIDY_COLUMNS[i];
      const v = r[k];
      if (typeof v !== 'string') {
        line[i] = sheetCell(k, v);
        continue;
      }
      let c = shared[i].get(v);
      if (c === undefined) shared[i].set(v, (c = sheetCell(k, v)));
      line[i] = c;
    }
    body.push(line);
  }
  if (count > most) throw tooManyRows(count, most);
  return {
    name: TIDY_SHEET,
    rows: body,
    columnWidths: TIDY_COLUMNS.map((k) => WIDTHS[k]),
    rowHeights: [],
    merges: [],
    validations: [],
    hidden: true,
  };
}

// ——— Reading DX_DuLieu back ———

export interface TidyError {
  /** "DX_DuLieu!I5". */
  cell: string;
  message: string;
}

/** The most data rows read back (a CSV pasted into Sheets can be longer than any Excel sheet). */
export const MAX_TIDY_ROWS = 2_000_000;
/** The most problems listed one by one; the rest are counted. */
export const MAX_TIDY_ERRORS = 1000;

/** Columns a row cannot do without; the others are read when present. */
const REQUIRED: Array<keyof TidyRow> = ['unit_code', 'period_start', 'period_end', 'figure', 'value', 'aggregation'];

type Columns = Partial<Record<keyof TidyRow, number>>;

/** Row 1 by its column names, in any order, whatever case; a BOM left by a CSV import is invisible. */
function headerColumns(header: CellValue[]): Columns {
  const cols: Columns = {};
  header.forEach((v, c) => {
    const name = typeof v === 'string' ? stripInvisible(v).trim().toLowerCase() : '';
    const key = TIDY_COLUMNS.find((k) => k === name);
    if (key && cols[key] === undefined) cols[key] = c;
  });
  return cols;
}

/** A text cell as the export wrote it; a number stands for its digits (a code a host stored as a number). */
function textOf(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return unguard(stripInvisible(v)).trim();
  if (typeof v === 'number') return plainNumber(v);
  return String(v);
}

/** The machine form the export writes: digits, a dot before decimals, an optional exponent. */
const MACHINE_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

const quoted = (v: CellValue | undefined) => `“${shortText(textOf(v), 40)}”`;

interface ReadRow {
  code: string;
  unit: UnitFigures['unit'];
  start: string;
  end: string;
  source: string;
  figure: Figure;
}

type Fail = (col: keyof TidyRow, message: string) => void;

function readPeriod(row: CellValue[], cols: Columns, fail: Fail): { start: string; end: string } | null {
  const days: Array<Day | null> = (['period_start', 'period_end'] as const).map((k) => {
    const v = row[cols[k]!];
    const what = k === 'period_start' ? 'Ngày đầu kỳ' : 'Ngày cuối kỳ';
    if (textOf(v) === '') {
      fail(k, `Thiếu ${what.toLowerCase()} (${k}).`);
      return null;
    }
    const day = parseDay(v);
    if (!day) fail(k, `${what} (${k}) ${quoted(v)} không đọc được: cần một ngày, dạng 2023-06-30.`);
    return day;
  });
  const [start, end] = days;
  if (!start || !end) return null;
  if (isoDay(end) < isoDay(start)) {
    fail('period_end', `Ngày cuối kỳ (period_end) ${isoDay(end)} trước ngày đầu kỳ ${isoDay(start)}.`);
    return null;
  }
  return { start: isoDay(start), end: isoDay(end) };
}

/** A value: blank is "not reported"; a number as a number or as machine text; anything else refused. */
function readValue(v: CellValue | undefined, fail: Fail): number | null | undefined {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' && MACHINE_NUMBER.test(v.trim()) ? Number(v) : NaN;
  if (Number.isNaN(n)) {
    fail('value', `Giá trị (value) ${quoted(v)} không phải là số (viết chữ số, dấu chấm trước phần thập phân).`);
    return undefined;
  }
  if (!isPlausible(n)) {
    fail('value', `Giá trị (value) ${quoted(v)} vượt quá ${formatNumber(PLAUSIBLE_MAX)}: không phải một số đếm được.`);
    return undefined;
  }
  return n;
}

/** The table a figure key belongs to: "T3a/dossiers" → "T3a"; an indicator's "CQS.01/tu-so" → "T1". */
function tableOfKey(key: string): string {
  const head = key.split('/')[0];
  return /^T\d/.test(head) ? head : 'T1';
}

/** One data row, or null when it is blank; its problems go to `fail`, each at its cell. */
function readRow(row: CellValue[], cols: Columns, fail: Fail): ReadRow | null | undefined {
  const get = (k: keyof TidyRow) => (cols[k] === undefined ? '' : textOf(row[cols[k]!]));
  if (TIDY_COLUMNS.every((k) => cols[k] === undefined || get(k) === '')) return null;
  let ok = true;
  const failed: Fail = (col, message) => {
    ok = false;
    fail(col, message);
  };
  const code = get('unit_code');
  if (!code) failed('unit_code', 'Thiếu mã đơn vị (unit_code).');
  const period = readPeriod(row, cols, failed);
  const key = get('figure');
  if (!key) failed('figure', 'Thiếu mã số liệu (figure).');
  const value = readValue(row[cols.value!], failed);
  const aggregation = parseAggregation(row[cols.aggregation!]);
  if (!aggregation)
    failed(
      'aggregation',
      `Cách cộng (aggregation) ${quoted(row[cols.aggregation!])} không hợp lệ: dùng sum, last hoặc none.`,
    );
  if (!ok || !period || value === undefined || !aggregation) return undefined;
  const level = get('level');
  const { sheet, cell } = splitCellRef(get('source_cell'));
  return {
    code,
    unit: { code, name: get('unit_name'), group: get('unit_group'), ...(level ? { level } : {}) },
    ...period,
    source: get('source_file'),
    figure: {
      key,
      table: tableOfKey(key),
      label: get('label'),
      // The export does not carry the measure or a figure's own reason: the catalogue has them by key.
      measure: '',
      value,
      aggregation,
      reason: AGGREGATION_REASON[aggregation],
      sheet,
      cell,
    },
  };
}

/**
 * Reads a DX_DuLieu sheet back (a province taking a city's annex workbook as a source): rows grouped by
 * unit code, period and source into UnitFigures, in the export's order. A row with a missing code or
 * period, a value that is not a number, an unknown aggregation, or a figure its unit already has for that
 * period (it would be counted twice) is reported at its cell and left out. At most MAX_TIDY_ROWS rows.
 */
export function readTidySheet(grid: CellValue[][], sheet = TIDY_SHEET): { units: UnitFigures[]; errors: TidyError[] } {
  const at = (r: number, c: number) => `${quoteSheet(sheet)}!${a1(r, c)}`;
  if (grid.length - 1 > MAX_TIDY_ROWS)
    return {
      units: [],
      errors: [
        {
          cell: at(0, 0),
          message:
            `Trang ${sheet} có ${formatNumber(grid.length - 1)} dòng, quá ${formatNumber(MAX_TIDY_ROWS)} dòng ` +
            'đọc được: không đọc trang này.',
        },
      ],
    };
  const cols = headerColumns(grid[0] ?? []);
  const missing = REQUIRED.filter((k) => cols[k] === undefined);
  if (missing.length)
    return {
      units: [],
      errors: [{ cell: at(0, 0), message: `Dòng 1 của trang ${sheet} thiếu cột ${missing.join(', ')}.` }],
    };
  const errors: TidyError[] = [];
  let unlisted = 0;
  const groups = new Map<string, { unit: UnitFigures; rows: Map<string, number> }>();
  for (let r = 1; r < grid.length; r++) {
    const fail: Fail = (col, message) => {
      if (errors.length < MAX_TIDY_ERRORS) errors.push({ cell: at(r, cols[col] ?? 0), message });
      else unlisted++;
    };
    const row = readRow(grid[r] ?? [], cols, fail);
    if (!row) continue;
    const id = [row.code, row.start, row.end, row.source].join('\u0000');
    let g = groups.get(id);
    if (!g) {
      const unit: UnitFigures = {
        unit: row.unit,
        period: { start: row.start, end: row.end },
        source: row.source,
        figures: [],
      };
      groups.set(id, (g = { unit, rows: new Map() }));
    }
    const first = g.rows.get(row.figure.key);
    if (first !== undefined) {
      fail(
        'figure',
        `Số liệu ${quoted(row.figure.key)} của đơn vị ${quoted(row.code)}, kỳ ${row.start} – ${row.end} đã có ở ` +
          `dòng ${first + 1}: dòng này bị bỏ qua để không cộng hai lần.`,
      );
      continue;
    }
    g.rows.set(row.figure.key, r);
    g.unit.figures.push(row.figure);
  }
  if (unlisted) errors.push({ cell: at(0, 0), message: `Còn ${formatNumber(unlisted)} lỗi khác không liệt kê.` });
  return { units: [...groups.values()].map((g) => g.unit).sort(compareUnits), errors };
}
