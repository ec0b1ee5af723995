import { CellValue } from '../workbook/sheet-spec';
import { ColumnSpec, TableSpec } from './schema';
import { columnNumber, hasLetters, labelKey, labelMatches } from './labels';

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
}

export interface TableRead extends TableLayout {
  sheet: string;
  rows: TableRow[];
}

function text(grid: Grid, r: number, c: number): string {
  const v = grid[r]?.[c];
  return v === null || v === undefined ? '' : String(v).trim();
}

/** The columns a header at row r can span: its own row's and the next (rows are ragged; a far cell costs nothing). */
function width(grid: Grid, r: number): number {
  return Math.max(grid[r]?.length ?? 0, grid[r + 1]?.length ?? 0);
}

/** Each column's header path: [upper, lower] of a two-level header (upper filled right across a merged group). */
function headerPaths(grid: Grid, r: number, twoLevel: boolean, w: number): Array<{ upper: string; lower: string }> {
  const out: Array<{ upper: string; lower: string }> = [];
  let carried = '';
  for (let c = 0; c < w; c++) {
    const up = text(grid, r, c);
    const low = twoLevel ? text(grid, r + 1, c) : '';
    if (up) carried = up;
    out.push({ upper: up || (low ? carried : ''), lower: low });
  }
  return out;
}

function columnMatches(col: ColumnSpec, path: { upper: string; lower: string }, numbered: boolean): number {
  const labels = [col.label, ...col.variants];
  if (col.group) {
    const groups = [col.group, ...col.groupVariants];
    if (path.lower && labelMatches(path.upper, groups) && labelMatches(path.lower, labels)) return 3;
    return 0;
  }
  const specific = path.lower || path.upper;
  if (labelMatches(specific, labels)) return 3;
  if (numbered && col.number && columnNumber(specific) === col.number) return 2;
  return 0;
}

/** Tries one header row as a one- or two-level header of the table; the best reading wins. */
function layoutAt(grid: Grid, spec: TableSpec, r: number, w: number): TableLayout | null {
  const numbered = spec.columns.some((c) => c.number);
  let best: TableLayout | null = null;
  for (const two of [true, false]) {
    if (two && !spec.columns.some((c) => c.group) && !numbered && !grid[r + 1]) continue;
    const paths = headerPaths(grid, r, two, w);
    const columns: Record<string, number> = {};
    const used = new Set<number>();
    let score = 0;
    let labelled = 0;
    for (const col of spec.columns) {
      let bestCol = -1;
      let bestScore = 0;
      paths.forEach((p, i) => {
        if (used.has(i)) return;
        const s = columnMatches(col, p, numbered);
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
    const missing = spec.columns.filter((c) => !c.optional && !(c.key in columns)).map((c) => c.key);
    const layout: TableLayout = {
      table: spec.id,
      headerRow: r,
      headerRows: two ? 2 : 1,
      columns,
      missing,
      score,
      mapped: false,
    };
    if (!best || score > best.score) best = layout;
  }
  return best;
}

/**
 * Finds a table in a sheet by its header labels, wherever rows or columns were
 * inserted: every row is tried as a header and the best-scoring reading kept.
 * Returns null when fewer than two columns (and no data column) match.
 */
export function findTable(grid: Grid, spec: TableSpec, from = 0): TableLayout | null {
  let best: TableLayout | null = null;
  const dataKeys = spec.columns.filter((c) => c.kind !== 'stt' && c.key !== 'unit').map((c) => c.key);
  for (let r = from; r < grid.length; r++) {
    // A header row has at least two cells of text: data rows with one name are passed over cheaply.
    if ((grid[r] ?? []).filter(hasLetters).length < 2) continue;
    const l = layoutAt(grid, spec, r, width(grid, r));
    if (!l || Object.keys(l.columns).length < 2 || !dataKeys.some((k) => k in l.columns)) continue;
    if (
      !best ||
      l.missing.length < best.missing.length ||
      (l.missing.length === best.missing.length && l.score > best.score)
    )
      best = l;
    if (best.missing.length === 0 && best.score >= spec.columns.length * 3 - 1) break;
  }
  return best;
}

const ROMAN = /^(I|II|III|IV|V|VI|VII|VIII|IX|X)(\.|\s|$)/;
/** "2. Chữ ký số…", "a) HTTT Một cửa điện tử": a section title, where a copied table ends. */
const SECTION = /^(\d+(\.\d+)*\.\s+\S|[a-zđ]\)\s+\S)/iu;

type Line = 'blank' | 'header' | 'title' | 'continuation' | RowKind;

function isBlankRow(grid: Grid, r: number, cols: number[]): boolean {
  return cols.every((c) => text(grid, r, c) === '');
}

/** Is this row the table's header again (page breaks repeat it in copied tables)? */
function isRepeatedHeader(grid: Grid, r: number, layout: TableLayout): boolean {
  const keys = Object.keys(layout.columns);
  let same = 0;
  for (const k of keys) {
    const c = layout.columns[k];
    if (text(grid, r, c) && labelKey(text(grid, r, c)) === labelKey(text(grid, layout.headerRow, c))) same++;
  }
  return same >= Math.min(2, keys.length);
}

function classify(grid: Grid, r: number, spec: TableSpec, layout: TableLayout): Line {
  const cols = Object.values(layout.columns);
  if (isBlankRow(grid, r, cols)) return 'blank';
  if (isRepeatedHeader(grid, r, layout)) return 'header';
  const sttCol = layout.columns.stt;
  const nameCol = layout.columns.unit ?? layout.columns.name ?? layout.columns[spec.columns[1]?.key];
  const stt = sttCol === undefined ? '' : text(grid, r, sttCol);
  const name = nameCol === undefined ? '' : text(grid, r, nameCol);
  const others = Object.entries(layout.columns)
    .filter(([k]) => k !== 'stt' && k !== 'unit' && k !== 'name')
    .some(([, c]) => text(grid, r, c) !== '');
  if (ROMAN.test(stt)) return 'group';
  if (SECTION.test(stt) && !name && !others) return 'title';
  if (!stt && (/^(tổng|cộng|cấp [^:]*:)/iu.test(name) || /:$/.test(name))) return 'total';
  // A section heading written in capitals ("XÂY DỰNG ĐÔ THỊ THÔNG MINH") groups the rows under it.
  if (!stt && name && !others && name === name.toUpperCase() && /\p{Lu}{4}/u.test(name)) return 'group';
  // Text carried over a page break: no number, no name, or a name with nothing beside it.
  if (!stt && (!name || !others)) return 'continuation';
  return 'item';
}

/**
 * Reads the rows under a header: items, Roman-numeral group rows and totals.
 * Blank lines and repeated headers left by page breaks are skipped; a section
 * title or the next table ends it.
 */
export function readRows(grid: Grid, spec: TableSpec, layout: TableLayout): TableRow[] {
  const rows: TableRow[] = [];
  let r = layout.headerRow + layout.headerRows;
  while (r < grid.length) {
    const line = classify(grid, r, spec, layout);
    if (line === 'blank') {
      let next = r + 1;
      while (next < grid.length && classify(grid, next, spec, layout) === 'blank') next++;
      const after = next < grid.length ? classify(grid, next, spec, layout) : 'blank';
      if (after === 'blank' || after === 'title') break;
      // Only page-break gaps: the table goes on with its header or its next item.
      if (after !== 'header' && after !== 'continuation' && !isNumbered(grid, next, layout)) break;
      r = next;
      continue;
    }
    if (line === 'title') break;
    if (line === 'header') {
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

function isNumbered(grid: Grid, r: number, layout: TableLayout): boolean {
  const c = layout.columns.stt;
  return c !== undefined && (/^\d+\.?$/.test(text(grid, r, c)) || ROMAN.test(text(grid, r, c)));
}

export function readTable(sheet: string, grid: Grid, spec: TableSpec, layout: TableLayout): TableRead {
  return { ...layout, sheet, rows: readRows(grid, spec, layout) };
}
