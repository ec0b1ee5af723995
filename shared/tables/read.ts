import { CellValue } from '../workbook/sheet-spec';
import { ColumnSpec, TableSpec } from './schema';
import { numberOf } from './cells';
import {
  collectiveName,
  columnNumber,
  hasLetters,
  keysMatch,
  labelKey,
  LabelSet,
  labelSet,
  labelSets,
  mayName,
  TextKeys,
  textKeys,
} from './labels';

export type Grid = CellValue[][];

/** Where a table's columns are: found from its header labels, or given by a saved mapping. */
export interface TableLayout {
  table: string;
  /** 0-based row of the (upper) header line. */
  headerRow: number;
  headerRows: 1 | 2;
  columns: Record<string, number>;
  /** Required columns that could not be found: the user is asked to map them. */
  missing: string[];
  /** Required columns a table of this kind may lack by nature (a plan has no assessment yet): absent, not missing. */
  lacking?: string[];
  /** How many columns matched by label. */
  score: number;
  mapped: boolean;
}

export type RowKind = 'item' | 'group' | 'total';

export interface TableRow {
  /** 0-based sheet row. */
  row: number;
  kind: RowKind;
  cells: Record<string, CellValue>;
  /**
   * An item written as a group row ("I. UBND TP" with figures, "II. UBND cấp xã"): a group row of a unit
   * table carrying figures with no items under it stands for the group's figures (`groupRowsAsItems`).
   */
  fromGroup?: true;
}

export interface TableRead extends TableLayout {
  sheet: string;
  rows: TableRow[];
}

function text(grid: Grid, r: number, c: number): string {
  const v = grid[r]?.[c];
  return v === null || v === undefined ? '' : String(v).trim();
}

/** A cell as label matching sees it: its text (trimmed) and that text's keys. */
interface Cell {
  v: CellValue | undefined;
  text: string;
  keys: TextKeys;
  /** Only a cell holding text can name a table's label in a row (a date's text is no label). */
  isText: boolean;
  /** `columnNumber` of the text, once asked. */
  number?: string | null;
}

const NO_KEYS = textKeys('');
const NO_CELL: Cell = { v: null, text: '', keys: NO_KEYS, isText: false, number: null };
const LETTER = /\p{L}/u;

/**
 * The cells of one grid with their keys, each computed once when first asked (issue 15): a workbook's
 * tables are all looked for in the same sheets, and every row was tried as a header for every table,
 * normalising every label again. Kept with the grid (`cellsOf`): a cell is taken again from the grid when
 * its value is no longer the one its keys were computed from, so a grid changed between two reads is read as
 * it now is.
 */
export class GridCells {
  private readonly rows: Array<Array<Cell | undefined> | undefined> = [];
  constructor(readonly grid: Grid) {}

  at(r: number, c: number): Cell {
    const v = this.grid[r]?.[c];
    if (v === null || v === undefined) return NO_CELL;
    const row = (this.rows[r] ??= []);
    const got = row[c];
    // Objects (dates) are never kept: a value changed in place would not show.
    if (got && got.v === v && typeof v !== 'object') return got;
    const t = String(v).trim();
    // Only a text with letters names a label: a number's keys are never asked for.
    const cell: Cell = { v, text: t, keys: LETTER.test(t) ? textKeys(t) : NO_KEYS, isText: typeof v === 'string' };
    row[c] = cell;
    return cell;
  }

  /** `labelKey` of the cell's text, letters or not ("(1)" is "1"). */
  key(cell: Cell): string {
    return cell.keys.letters ? cell.keys.key : labelKey(cell.text);
  }

  number(cell: Cell): string | undefined {
    if (cell.number === undefined) cell.number = columnNumber(cell.text) ?? null;
    return cell.number ?? undefined;
  }

  /**
   * What the row holds for finding headers, kept for the reading under way (`readingSession`, during which
   * the grid does not change): its cells of text that may name a label of some table (most rows hold none:
   * names, figures, notes) and how many hold text with letters. A row without text is not kept (a sheet of a
   * million empty rows costs nothing), nor anything past the reading.
   */
  private line(r: number): RowLabels {
    const row = this.grid[r];
    if (!row) return NO_LINE;
    const now = labelSets();
    const kept = reading?.get(this.grid);
    const got = kept?.[r];
    if (got && got.asOf === now) return got;
    const line: RowLabels = { asOf: now, may: [], texts: 0 };
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string') continue;
      // The keys of the text as it stands (those of the trimmed text `at` gives are the same).
      const keys = textKeys(v);
      if (!keys.letters) continue;
      line.texts++;
      if (mayName(keys)) line.may.push({ c, cell: this.at(r, c) });
    }
    if (!line.texts) return NO_LINE;
    if (reading) {
      if (kept) kept[r] = line;
      else reading.set(this.grid, Object.assign([], { [r]: line }));
    }
    return line;
  }

  /** The row's cells of text that may name a label (of any set made so far), in column order. */
  labelled(r: number): Array<{ c: number; cell: Cell }> {
    return this.line(r).may;
  }

  /** Does a cell of the row hold text naming one of the labels? */
  names(r: number, set: LabelSet): boolean {
    return this.line(r).may.some((m) => keysMatch(m.cell.keys, set));
  }

  /** How many cells of the row hold text with letters (a header has two at least). */
  texts(r: number): number {
    return this.line(r).texts;
  }
}

interface RowLabels {
  /** `labelSets()` when found: a label set made since may be named by a text that named none before. */
  asOf: number;
  may: Array<{ c: number; cell: Cell }>;
  texts: number;
}

const NO_LINE: RowLabels = { asOf: -1, may: [], texts: 0 };

/** The rows found in the reading under way, by grid; none outside a reading. */
let reading: WeakMap<Grid, RowLabels[]> | null = null;

/**
 * Runs `read` as one reading: the grids it reads do not change while it runs, so what was found of their rows
 * for one table holds for the next (a workbook's tables are all looked for in the same sheets).
 */
export function readingSession<T>(read: () => T): T {
  if (reading) return read();
  reading = new WeakMap();
  try {
    return read();
  } finally {
    reading = null;
  }
}

/**
 * Each grid's cells with their keys, kept while the grid is: a workbook's tables are all looked for in the
 * same sheets, and DX_CauHinh is read table by table. A cell changed since is computed again (`at`).
 */
const gridCells = new WeakMap<Grid, GridCells>();

export function cellsOf(grid: Grid): GridCells {
  let g = gridCells.get(grid);
  if (!g) gridCells.set(grid, (g = new GridCells(grid)));
  return g;
}

/** The columns a header at row r can span: its own row's and the next (rows are ragged; a far cell costs nothing). */
function width(grid: Grid, r: number): number {
  return Math.max(grid[r]?.length ?? 0, grid[r + 1]?.length ?? 0);
}

interface HeaderPath {
  upper: Cell;
  lower: Cell;
}

/** Each column's header path: [upper, lower] of a two-level header (upper filled right across a merged group). */
function headerPaths(cells: GridCells, r: number, twoLevel: boolean, w: number): HeaderPath[] {
  const out: HeaderPath[] = [];
  let carried = NO_CELL;
  for (let c = 0; c < w; c++) {
    const up = cells.at(r, c);
    const low = twoLevel ? cells.at(r + 1, c) : NO_CELL;
    if (up.text) carried = up;
    out.push({ upper: up.text ? up : low.text ? carried : NO_CELL, lower: low.text ? low : NO_CELL });
  }
  return out;
}

/** A column's labels and group labels made ready for matching, once per spec. */
interface ColumnSets {
  labels: LabelSet;
  groups: LabelSet | null;
}

const columnSets = new WeakMap<ColumnSpec, ColumnSets>();

function setsOf(col: ColumnSpec): ColumnSets {
  let s = columnSets.get(col);
  if (!s) {
    s = {
      labels: labelSet([col.label, ...col.variants]),
      groups: col.group ? labelSet([col.group, ...col.groupVariants]) : null,
    };
    columnSets.set(col, s);
  }
  return s;
}

/** Does the cell's text name one of the labels (`labelMatches` on its text)? */
const names = (cell: Cell, set: LabelSet) => cell.keys.letters && keysMatch(cell.keys, set);

function columnMatches(cells: GridCells, col: ColumnSpec, path: HeaderPath, numbered: boolean): number {
  const sets = setsOf(col);
  if (sets.groups) {
    if (path.lower.text && names(path.upper, sets.groups) && names(path.lower, sets.labels)) return 3;
    return 0;
  }
  const specific = path.lower.text ? path.lower : path.upper;
  if (names(specific, sets.labels)) return 3;
  if (numbered && col.number && specific.text && cells.number(specific) === col.number) return 2;
  return 0;
}

/**
 * The readings of header lines already tried, by table and by the exact texts of the two lines: a template's
 * headers are the same in every unit's workbook made from it, and are tried once (issue 15). What `layoutAt`
 * reads of the grid is those texts, the width and whether the second line exists; the row is put back.
 */
const tried = new WeakMap<TableSpec, Map<string, TableLayout | null>>();

function headerText(cells: GridCells, r: number, w: number, mayLack: string[]): string {
  const grid = cells.grid;
  const id = [`${w}|${grid[r + 1] ? 1 : 0}|${mayLack.join(',')}`];
  for (const line of [r, r + 1])
    for (let c = 0; c < w; c++) {
      const t = cells.at(line, c).text;
      id.push(`|${t.length}:${t}`);
    }
  // Joined, the key is a string of its own: built with `+=` it was a chain of pieces still pointing at the cells'
  // texts, each a slice of its sheet's whole XML, and the cache kept every unit's sheets (issue 15).
  return id.join('');
}

/** A reading tried at another row, as `layoutTried` gives it at row r (a copy: callers may change it). */
function atRow(l: TableLayout, r: number): TableLayout {
  const out: TableLayout = {
    table: l.table,
    headerRow: r,
    headerRows: l.headerRows,
    columns: { ...l.columns },
    missing: [...l.missing],
    score: l.score,
    mapped: l.mapped,
  };
  if (l.lacking) out.lacking = [...l.lacking];
  return out;
}

function layoutAt(cells: GridCells, spec: TableSpec, r: number, w: number, mayLack: string[] = []): TableLayout | null {
  let known = tried.get(spec);
  if (!known) tried.set(spec, (known = new Map()));
  const id = headerText(cells, r, w, mayLack);
  const got = known.get(id);
  if (got !== undefined) return got && atRow(got, r);
  const l = layoutTried(cells, spec, r, w, mayLack);
  if (known.size < 2000) known.set(id, l && atRow(l, 0));
  return l;
}

/** Tries one header row as a one- or two-level header of the table; the best reading wins. */
function layoutTried(cells: GridCells, spec: TableSpec, r: number, w: number, mayLack: string[]): TableLayout | null {
  const grid = cells.grid;
  const numbered = spec.columns.some((c) => c.number);
  let best: TableLayout | null = null;
  for (const two of [true, false]) {
    if (two && !spec.columns.some((c) => c.group) && !numbered && !grid[r + 1]) continue;
    const paths = headerPaths(cells, r, two, w);
    const columns: Record<string, number> = {};
    const used = new Set<number>();
    let score = 0;
    let labelled = 0;
    for (const col of spec.columns) {
      let bestCol = -1;
      let bestScore = 0;
      paths.forEach((p, i) => {
        if (used.has(i)) return;
        const s = columnMatches(cells, col, p, numbered);
        if (s > bestScore) {
          bestScore = s;
          bestCol = i;
        }
      });
      if (bestCol >= 0) {
        columns[col.key] = bestCol;
        used.add(bestCol);
        score += bestScore;
        if (bestScore === 3 && !['stt', 'rate'].includes(col.kind) && !['unit', 'name'].includes(col.key)) labelled++;
      }
    }
    // Column numbers alone ("(1)"…"(6)") are shared by several tables: a data label must match too.
    if (labelled === 0) continue;
    if (two) {
      // A real two-level header: a group matched, or an upper line with at least two labels over the table
      // (not a blank line or a title above a one-level header).
      const groupMatched = spec.columns.some((c) => c.group && c.key in columns);
      const upperLabels = Object.values(columns).filter((c) => text(grid, r, c) !== '').length;
      if (!Object.values(columns).some((c) => text(grid, r + 1, c) !== '')) continue;
      if (!groupMatched && upperLabels < 2) continue;
    }
    const absent = spec.columns.filter((c) => !c.optional && !(c.key in columns)).map((c) => c.key);
    const missing = absent.filter((k) => !mayLack.includes(k));
    const layout: TableLayout = {
      table: spec.id,
      headerRow: r,
      headerRows: two ? 2 : 1,
      columns,
      missing,
      score,
      mapped: false,
    };
    if (missing.length < absent.length) layout.lacking = absent.filter((k) => mayLack.includes(k));
    if (!best || score > best.score) best = layout;
  }
  return best;
}

/**
 * The labels a header of the table must show at least one of (a data column's, as `layoutAt` counts
 * `labelled`), made ready once per spec: a row with none of them, nor the row under it, is no header and
 * is passed over with a few set lookups per cell instead of trying every column (issue 15).
 */
const dataLabelSets = new WeakMap<TableSpec, LabelSet>();

function dataLabels(spec: TableSpec): LabelSet {
  let set = dataLabelSets.get(spec);
  if (!set) {
    set = labelSet(
      spec.columns
        .filter((c) => c.kind !== 'stt' && c.kind !== 'rate' && !['unit', 'name'].includes(c.key))
        .flatMap((c) => [c.label, ...c.variants]),
    );
    dataLabelSets.set(spec, set);
  }
  return set;
}

/** Per row: does it hold a data label of the table (computed once per sheet and table)? */
function labelRows(cells: GridCells, spec: TableSpec, from: number, to: number): boolean[] {
  const out: boolean[] = [];
  const set = dataLabels(spec);
  for (let r = from; r <= Math.min(to, cells.grid.length - 1); r++) out[r] = cells.names(r, set);
  return out;
}

/** Every header reading of the table between rows `from` and `to` (inclusive), in row order. */
function candidates(
  cells: GridCells,
  spec: TableSpec,
  from: number,
  to: number,
  mayLack: string[] = [],
): TableLayout[] {
  const grid = cells.grid;
  const out: TableLayout[] = [];
  const last = Math.min(to, grid.length - 1);
  const labelled = labelRows(cells, spec, from, last + 1);
  const dataKeys = spec.columns.filter((c) => c.kind !== 'stt' && c.key !== 'unit').map((c) => c.key);
  for (let r = from; r <= last; r++) {
    if (!labelled[r] && !labelled[r + 1]) continue;
    // A header row has at least two cells of text: data rows with one name are passed over cheaply.
    if (cells.texts(r) < 2) continue;
    const l = layoutAt(cells, spec, r, width(grid, r), mayLack);
    if (!l || Object.keys(l.columns).length < 2 || !dataKeys.some((k) => k in l.columns)) continue;
    out.push(l);
  }
  return out;
}

const better = (a: TableLayout, b: TableLayout | null) =>
  !b || a.missing.length < b.missing.length || (a.missing.length === b.missing.length && a.score > b.score);

/**
 * Finds a table in a sheet by its header labels, wherever rows or columns were
 * inserted: every row is tried as a header and the best-scoring reading kept.
 * Returns null when fewer than two columns (and no data column) match.
 */
export function findTable(grid: Grid, spec: TableSpec, from = 0, to = grid.length - 1): TableLayout | null {
  return readingSession(() => {
    let best: TableLayout | null = null;
    for (const l of candidates(cellsOf(grid), spec, from, to)) if (better(l, best)) best = l;
    return best;
  });
}

/**
 * Every table of the kind in a sheet: two project tables one under another, a table split by its own
 * section headings. The best header is taken first and its rows read; a header inside a table already
 * taken is that table's (a repeated header after a page break), never another table. A table found only
 * in part is returned alone, when the sheet holds none found whole. `mayLack`: required columns a table
 * of this kind may lack by nature (a plan's assessment).
 */
export function findTables(
  grid: Grid,
  spec: TableSpec,
  mayLack: string[] = [],
): Array<TableLayout & { rows: TableRow[] }> {
  return readingSession(() => tablesIn(grid, spec, mayLack));
}

function tablesIn(grid: Grid, spec: TableSpec, mayLack: string[]): Array<TableLayout & { rows: TableRow[] }> {
  const cells = cellsOf(grid);
  const all = candidates(cells, spec, 0, grid.length - 1, mayLack);
  const order = [...all].sort(
    (a, b) => a.missing.length - b.missing.length || b.score - a.score || a.headerRow - b.headerRow,
  );
  const taken: Array<TableLayout & { rows: TableRow[]; end: number }> = [];
  for (const l of order) {
    if (taken.some((t) => l.headerRow >= t.headerRow && l.headerRow <= t.end)) continue;
    if (l.missing.length && taken.length) break;
    const rows = rowsUnder(cells, spec, l);
    const end = Math.max(l.headerRow + l.headerRows - 1, rows.length ? rows[rows.length - 1].row : 0);
    // A table taken later that starts above one taken earlier ends where the earlier one begins.
    const below = taken.filter((t) => t.headerRow > l.headerRow).map((t) => t.headerRow);
    const stop = below.length ? Math.min(...below) : Infinity;
    const kept = groupRowsAsItems(
      rows.filter((x) => x.row < stop),
      spec,
      l,
    );
    taken.push({ ...l, rows: kept, end: Math.min(end, stop - 1) });
    if (l.missing.length) break;
  }
  return taken.sort((a, b) => a.headerRow - b.headerRow).map(({ end: _end, ...t }) => t);
}

const ROMAN = /^(I|II|III|IV|V|VI|VII|VIII|IX|X)(\.|\s|$)/;
/** "2. Chữ ký số…", "a) HTTT Một cửa điện tử": a section title, where a copied table ends. */
const SECTION = /^(\d+(\.\d+)*\.\s+\S|[a-zđ]\)\s+\S)/iu;

/** A totals line by its words ("Cấp thành phố:", "Tổng cộng:"), not only by a colon at its end. */
const TOTAL_WORDS = /^(tổng|cộng|cấp [^:]*:)/iu;

type Line = 'blank' | 'header' | 'title' | 'continuation' | RowKind;

function isBlankRow(grid: Grid, r: number, cols: number[]): boolean {
  return cols.every((c) => text(grid, r, c) === '');
}

/** Is this row the table's header again (page breaks repeat it in copied tables)? */
function isRepeatedHeader(cells: GridCells, r: number, layout: TableLayout): boolean {
  const keys = Object.keys(layout.columns);
  let same = 0;
  for (const k of keys) {
    const c = layout.columns[k];
    const here = cells.at(r, c);
    if (here.text && cells.key(here) === cells.key(cells.at(layout.headerRow, c))) same++;
  }
  return same >= Math.min(2, keys.length);
}

function classify(cells: GridCells, r: number, spec: TableSpec, layout: TableLayout): Line {
  const grid = cells.grid;
  const cols = Object.values(layout.columns);
  if (isBlankRow(grid, r, cols)) return 'blank';
  if (isRepeatedHeader(cells, r, layout)) return 'header';
  const sttCol = layout.columns.stt;
  const nameCol = layout.columns.unit ?? layout.columns.name ?? layout.columns[spec.columns[1]?.key];
  const stt = sttCol === undefined ? '' : text(grid, r, sttCol);
  const name = nameCol === undefined ? '' : text(grid, r, nameCol);
  const others = Object.entries(layout.columns)
    .filter(([k]) => k !== 'stt' && k !== 'unit' && k !== 'name')
    .some(([, c]) => text(grid, r, c) !== '');
  if (ROMAN.test(stt)) return 'group';
  if (SECTION.test(stt) && !name && !others) return 'title';
  // A section heading merged across the row keeps its text in the first cell, the number's: a heading
  // ("XÂY DỰNG ĐÔ THỊ THÔNG MINH (theo Đề án …)"), never an item without a name.
  if (!name && !others && hasLetters(stt) && !/^\d/.test(stt)) return 'group';
  if (!stt && (TOTAL_WORDS.test(name) || /:$/.test(name))) return 'total';
  // A section heading written in capitals ("XÂY DỰNG ĐÔ THỊ THÔNG MINH") groups the rows under it.
  if (!stt && name && !others && name === name.toUpperCase() && /\p{Lu}{4}/u.test(name)) return 'group';
  // A heading typed in ordinary case in the name column ("Nhiệm vụ chuyển đổi số"): a capital first letter,
  // nothing beside it, and a list numbered from 1 under it. A name carried over a page break continues the
  // row above and is followed by the next number, never by a 1.
  if (!stt && name && !others && /^\p{Lu}/u.test(name) && opensList(grid, r, sttCol, cols)) return 'group';
  // Text carried over a page break: no number, no name, or a name with nothing beside it.
  if (!stt && (!name || !others)) return 'continuation';
  return 'item';
}

/** The next row with anything in the table's columns is numbered 1 ("1", "1.", "1)"). */
function opensList(grid: Grid, r: number, sttCol: number | undefined, cols: number[]): boolean {
  if (sttCol === undefined) return false;
  for (let k = r + 1; k < Math.min(grid.length, r + 4); k++) {
    if (isBlankRow(grid, k, cols)) continue;
    return /^1[.)]?$/.test(text(grid, k, sttCol));
  }
  return false;
}

/**
 * Reads the rows under a header: items, Roman-numeral group rows and totals.
 * Blank lines and repeated headers left by page breaks are skipped; a section
 * title or the next table ends it. A group row of a unit table with figures and no items under it is
 * read as an item (`groupRowsAsItems`).
 */
export function readRows(grid: Grid, spec: TableSpec, layout: TableLayout): TableRow[] {
  return groupRowsAsItems(rowsUnder(cellsOf(grid), spec, layout), spec, layout);
}

/** The count and money columns where a row carries a number (a figure, not words such as "24 loại"). */
export function groupFigureKeys(row: TableRow, spec: TableSpec, layout: TableLayout): string[] {
  return spec.columns
    .filter((c) => (c.kind === 'count' || c.kind === 'money') && c.key in layout.columns)
    .filter((c) => numberOf(row.cells[c.key]) !== null)
    .map((c) => c.key);
}

/** The item rows under the group row at index i: up to the next group, total or group read as an item. */
export function itemsUnder(rows: TableRow[], i: number): TableRow[] {
  const out: TableRow[] = [];
  for (let k = i + 1; k < rows.length && rows[k].kind === 'item' && !rows[k].fromGroup; k++) out.push(rows[k]);
  return out;
}

/**
 * A group row that carries figures is the group's total (seed 003 §1: "I. UBND TP. Vũng Tàu" over the
 * city's offices). With items under it, the items are the figures and the row is checked against them
 * (TONG-NHOM), never counted besides them. With none ("II. UBND cấp xã" standing for all communes, a
 * unit's only row written as the heading "I. UBND TP"), the row is the figures: it becomes an item marked
 * `fromGroup`, so every consumer of item rows consolidates it once instead of dropping it; so does an item
 * named for a whole group ("UBND cấp xã" numbered 2, `collectiveName`). Only tables of units (a unit column):
 * a project section or an indicator group heading is a heading, not a unit's row.
 */
function groupRowsAsItems(rows: TableRow[], spec: TableSpec, layout: TableLayout): TableRow[] {
  if (!('unit' in layout.columns)) return rows;
  return rows.map((r, i) => {
    if (r.kind === 'group' && !itemsUnder(rows, i).length && groupFigureKeys(r, spec, layout).length)
      return { ...r, kind: 'item', fromGroup: true };
    // An item named for a whole group ("2 | UBND cấp xã", numbered as seed 003 §5 numbers it) is the same.
    if (r.kind === 'item' && collectiveName(r.cells.unit)) return { ...r, fromGroup: true };
    return r;
  });
}

function rowsUnder(lines: GridCells, spec: TableSpec, layout: TableLayout): TableRow[] {
  const grid = lines.grid;
  const rows: TableRow[] = [];
  let r = layout.headerRow + layout.headerRows;
  while (r < grid.length) {
    const line = classify(lines, r, spec, layout);
    if (line === 'blank') {
      let next = r + 1;
      while (next < grid.length && classify(lines, next, spec, layout) === 'blank') next++;
      if (!goesOn(lines, spec, layout, next)) break;
      r = next;
      continue;
    }
    if (line === 'title') break;
    if (line === 'header') {
      // After a page break the header comes back under the last item; under a heading of its own
      // ("Phụ lục III", "Đơn vị tính: …") it opens the next table, and those lines are its title.
      const heading = (x: TableRow | undefined) =>
        !!x && x.kind === 'group' && !ROMAN.test(String(x.cells.stt ?? '').trim()) && !hasFigures(x, spec);
      if (heading(rows[rows.length - 1])) {
        while (heading(rows[rows.length - 1])) rows.pop();
        break;
      }
      r += layout.headerRows;
      continue;
    }
    if (line === 'continuation') {
      r++;
      continue;
    }
    const cells: Record<string, CellValue> = {};
    for (const [key, c] of Object.entries(layout.columns)) cells[key] = grid[r]?.[c] ?? null;
    rows.push({ row: r, kind: line, cells });
    r++;
  }
  return rows;
}

/** Does a row carry a figure (a count, an amount, a rate), not only words? */
function hasFigures(row: TableRow, spec: TableSpec): boolean {
  return spec.columns.some(
    (c) => ['count', 'money', 'rate'].includes(c.kind) && !['', null, undefined].includes(row.cells[c.key] as string),
  );
}

/**
 * After blank lines, does the table go on at row `next`? Only over page-break gaps: with its header again, its
 * next item, text carried over, a section heading over its next numbered item or its totals lines (seed 004
 * Annex II has a blank line before "DỰ ÁN CHUYỂN ĐỔI ĐÀI TRUYỀN THANH …" and Annex III before "Cấp thành phố:").
 */
function goesOn(cells: GridCells, spec: TableSpec, layout: TableLayout, next: number): boolean {
  const grid = cells.grid;
  if (next >= grid.length) return false;
  const after = classify(cells, next, spec, layout);
  if (after === 'blank' || after === 'title') return false;
  if (after === 'header' || after === 'continuation' || isNumbered(grid, next, layout)) return true;
  if (after === 'total') {
    const nameCol = layout.columns.unit ?? layout.columns.name;
    return nameCol !== undefined && TOTAL_WORDS.test(text(grid, next, nameCol));
  }
  if (after !== 'group') return false;
  let k = next + 1;
  while (k < grid.length && classify(cells, k, spec, layout) === 'blank') k++;
  return k < grid.length && classify(cells, k, spec, layout) === 'item' && isNumbered(grid, k, layout);
}

function isNumbered(grid: Grid, r: number, layout: TableLayout): boolean {
  const c = layout.columns.stt;
  return c !== undefined && (/^\d+\.?$/.test(text(grid, r, c)) || ROMAN.test(text(grid, r, c)));
}

export function readTable(sheet: string, grid: Grid, spec: TableSpec, layout: TableLayout): TableRead {
  return { ...layout, sheet, rows: readRows(grid, spec, layout) };
}
