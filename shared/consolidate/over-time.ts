import { Indicator } from '../catalogue/schema';
import { monthName, MonthSpan, monthSpan, parsePeriod } from '../dates/period';
import { Aggregation } from '../numbers/aggregation';
import { TableRead, TableRow } from '../tables/read';
import { CellValue } from '../workbook/sheet-spec';
import { labelKey } from '../tables/labels';
import { Submission } from './collect';
import { aggregationOf, AggregationOverrides } from './figures';
import { FIGURE_COLUMNS } from '../templates/aggregations';
import { codeOf, figureOf } from './kpi';

/**
 * Consolidating over time (issue 12): a unit's reports inside the range are combined figure by figure by
 * their aggregation type — flows summed, stocks and states the latest value, "none" only from a single
 * report — before units are added up; rates are then Σnumerator / Σdenominator as for one month.
 */

/** The months of a report, or null when its period is not whole months. */
export function spanOf(sub: { period: string | null }): MonthSpan | null {
  return sub.period ? monthSpan(parsePeriod(sub.period)) : null;
}

export const within = (s: MonthSpan, range: MonthSpan) => s.first >= range.first && s.last <= range.last;
const length = (s: MonthSpan) => s.last - s.first + 1;

/** "Lũy kế từ đầu năm" on the cover: the unit's flows count from January, not within its period. */
export function isCumulative(sub: Submission): boolean {
  const v = sub.read.cover.mode?.value;
  const k = typeof v === 'string' ? labelKey(v) : '';
  return k.includes('luyke') || k.includes('congdon');
}

export interface Tiling {
  /** The reports used, in time order, none overlapping another. */
  tiles: Submission[];
  /** Months of the range no report covers. */
  missing: number[];
  /** Reports inside the range not used (they overlap a longer one). */
  unused: Submission[];
}

/**
 * The reports that cover the range: a report for the whole range first, then longer reports before shorter
 * ones, never two for one month (a 9-month report is never also read as January's).
 */
export function tile(subs: Submission[], range: MonthSpan): Tiling {
  const inside = subs
    .map((s) => ({ s, span: spanOf(s) }))
    .filter((x): x is { s: Submission; span: MonthSpan } => x.span !== null && within(x.span, range))
    .sort((a, b) => length(b.span) - length(a.span) || a.span.first - b.span.first);
  const taken = new Set<number>();
  const tiles: Array<{ s: Submission; span: MonthSpan }> = [];
  const unused: Submission[] = [];
  for (const x of inside) {
    const months = Array.from({ length: length(x.span) }, (_, k) => x.span.first + k);
    if (months.some((m) => taken.has(m))) {
      unused.push(x.s);
      continue;
    }
    months.forEach((m) => taken.add(m));
    tiles.push(x);
  }
  tiles.sort((a, b) => a.span.first - b.span.first);
  const missing = Array.from({ length: length(range) }, (_, k) => range.first + k).filter((m) => !taken.has(m));
  return { tiles: tiles.map((x) => x.s), missing, unused };
}

/** Where one figure sits in every report: T1 by indicator code, other tables by item row and column. */
type Locate = (sub: Submission) => CellValue | undefined;

function itemRows(t: TableRead | undefined): TableRow[] {
  return t ? t.rows.filter((r) => r.kind === 'item') : [];
}

/** Every item row of a kind of table, in order: a workbook may hold several tables of one kind. */
const itemsOf = (sub: Submission, id: string) =>
  sub.read.tables.filter((t) => t.table === id).flatMap((t) => itemRows(t));

/**
 * One figure over the tiles. `before`: the cumulative figure of the month before the range (for a unit
 * reporting "lũy kế"), when the range does not start in January. Returns the value and whether it is short.
 */
function combine(
  aggregation: Aggregation,
  tiles: Submission[],
  at: Locate,
  missing: number,
  before: Submission | null | undefined,
): { value: number | null; short: boolean } {
  const values = tiles.map((t) => figureOf(at(t) ?? null));
  const known = values.filter((v): v is number => v !== null);
  if (aggregation === 'last') {
    for (let k = values.length - 1; k >= 0; k--) if (values[k] !== null) return { value: values[k], short: false };
    return { value: null, short: false };
  }
  if (aggregation === 'none') return { value: tiles.length === 1 ? values[0] : null, short: false };
  const last = tiles[tiles.length - 1];
  if (isCumulative(last)) {
    // Counted from January: the range's flow is the last figure less the one before the range.
    const end = values[values.length - 1];
    if (end === null) return { value: null, short: true };
    if (before === undefined) return { value: end, short: false };
    const start = before ? figureOf(at(before) ?? null) : null;
    return start === null ? { value: null, short: true } : { value: end - start, short: false };
  }
  if (!known.length) return { value: null, short: missing > 0 };
  return { value: known.reduce((a, b) => a + b, 0), short: missing > 0 || known.length < values.length };
}

const QUANTITY = { numerator: 'numerator', denominator: 'denominator' } as const;

export interface OverTime {
  /** The unit's report for the range: the latest tile's text, lists and states, with combined figures. */
  submission: Submission;
  tiles: Submission[];
  missing: number[];
  /** Figures summed over fewer months than the range has ("XHS.DDDT tử số", "T4 Tổng số tiếp nhận"). */
  short: string[];
}

/**
 * A unit's reports in a range as one report. A report for exactly the range is used as it is. Otherwise the
 * latest report gives the text, projects, plans and systems (states: the latest is what stands), and each
 * figure of T1 and of the unit tables is combined over the reports by its type.
 */
export function overTime(
  subs: Submission[],
  range: MonthSpan,
  catalogue: Indicator[],
  label: string,
  earlier: Submission[] = [],
  overrides?: AggregationOverrides,
): OverTime | null {
  const { tiles, missing } = tile(subs, range);
  if (!tiles.length) return null;
  const base = tiles[tiles.length - 1];
  if (tiles.length === 1 && missing.length === 0) return { submission: base, tiles, missing, short: [] };
  // The unit's cumulative figures up to the month before the range: none needed from January.
  const startsYear = range.first % 12 === 0;
  const before = startsYear ? undefined : (earlier.find((s) => spanOf(s)?.last === range.first - 1) ?? null);
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  const short: string[] = [];
  const seen = new Map<string, number>();
  const tables = base.read.tables.map((t): TableRead => {
    if (t.table === 'T1') {
      const rows = t.rows.map((row) => {
        const ind = row.kind === 'item' ? byCode.get(codeOf(row)) : undefined;
        if (!ind) return row;
        const cells = { ...row.cells };
        for (const part of ['numerator', 'denominator'] as const) {
          const at: Locate = (s) => itemsOf(s, 'T1').find((r) => codeOf(r) === ind.code)?.cells[part];
          const r = combine(ind[QUANTITY[part]].aggregation, tiles, at, missing.length, before);
          cells[part] = r.value;
          if (r.short) short.push(`${ind.code} ${part === 'numerator' ? 'tử số' : 'mẫu số'}`);
        }
        return { ...row, cells };
      });
      return { ...t, rows };
    }
    const cols = FIGURE_COLUMNS.get(t.table);
    if (!cols) return t;
    // Item rows are counted across the tables of one kind, as itemsOf lists them.
    const rows = t.rows.map((row) => {
      if (row.kind !== 'item') return row;
      const k = seen.get(t.table) ?? 0;
      seen.set(t.table, k + 1);
      const cells = { ...row.cells };
      for (const col of cols) {
        const at: Locate = (s) => itemsOf(s, t.table)[k]?.cells[col.key];
        const r = combine(aggregationOf(t.table, col, overrides).aggregation, tiles, at, missing.length, before);
        cells[col.key] = r.value;
        if (r.short) short.push(`${t.table} ${col.group ? `${col.group} — ` : ''}${col.label}`);
      }
      return { ...row, cells };
    });
    return { ...t, rows };
  });
  const submission: Submission = {
    ...base,
    period: label,
    read: { ...base.read, tables },
    // Every report used is a source: each stays traceable in Nguồn số liệu.
    issues: tiles.flatMap((x) => x.issues),
    tiles: tiles.map((x) => x.source),
  };
  return { submission, tiles, missing, short: [...new Set(short)] };
}

/** "2/2023, 5/2023" for the months a unit did not report. */
export const monthList = (months: number[]) => months.map(monthName).join(', ');
