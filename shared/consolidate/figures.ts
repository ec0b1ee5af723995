import { Indicator } from '../catalogue/schema';
import { Aggregation, AGGREGATION_REASON } from '../numbers/aggregation';
import { ColumnSpec } from '../tables/schema';
import { columnAggregation, FIGURE_COLUMNS, FIGURE_TABLES } from '../templates/aggregations';
import { a1 } from '../workbook/sheet-spec';
import { Submission } from './collect';
import { codeOf, figureOf } from './kpi';

/**
 * One figure of one report: what the tidy export writes one row for, what is aggregated over months and
 * carried from a city's annex to its province (issue 12). The key names it across reports:
 * - an indicator's numerator or denominator: "CQS.01/tu-so", "CQS.01/mau-so" (table T1);
 * - a count or amount of a unit table: "T3a/dossiers"; a later item row of the same table: "T3a/dossiers#2".
 */
export interface Figure {
  key: string;
  /** The table it was read from ("T1", "T3a"). */
  table: string;
  /** What it counts, in Vietnamese ("Tài khoản định danh điện tử đã kích hoạt"). */
  label: string;
  /** Its unit of measure where known ("người", "hồ sơ", "triệu đồng"). */
  measure: string;
  value: number | null;
  aggregation: Aggregation;
  reason: string;
  sheet: string;
  cell: string;
}

export const NUMERATOR = 'tu-so';
export const DENOMINATOR = 'mau-so';

export { columnAggregation, FIGURE_TABLES };

/** Per figure key ("T3a/dossiers"), the types the secretariat's DX_CauHinh sets apart from the built-in. */
export type AggregationOverrides = Readonly<Record<string, Aggregation>>;

/** A column's type over months: the secretariat's, where its master says, else the column's own. */
export function aggregationOf(
  table: string,
  col: ColumnSpec,
  overrides?: AggregationOverrides,
): { aggregation: Aggregation; reason: string } {
  const key = `${table}/${col.key}`;
  const own = columnAggregation(col);
  if (!overrides || !Object.prototype.hasOwnProperty.call(overrides, key) || overrides[key] === own.aggregation)
    return own;
  return { aggregation: overrides[key], reason: AGGREGATION_REASON[overrides[key]] };
}

/** Every figure a report holds, blanks included (a blank is "not reported", never 0), in table order. */
export function figuresOf(sub: Submission, catalogue: Indicator[], overrides?: AggregationOverrides): Figure[] {
  const out: Figure[] = [];
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  const counted = new Map<string, number>();
  for (const t of sub.read.tables) {
    const items = t.rows.filter((r) => r.kind === 'item');
    if (t.table === 'T1') {
      for (const row of items) {
        const ind = byCode.get(codeOf(row));
        if (!ind) continue;
        for (const [part, q, col] of [
          [NUMERATOR, ind.numerator, 'numerator'],
          [DENOMINATOR, ind.denominator, 'denominator'],
        ] as const) {
          if (t.columns[col] === undefined) continue;
          out.push({
            key: `${ind.code}/${part}`,
            table: 'T1',
            label: q.label,
            measure: q.unit,
            value: figureOf(row.cells[col]),
            aggregation: q.aggregation,
            reason: q.reason ?? AGGREGATION_REASON[q.aggregation],
            sheet: t.sheet,
            cell: a1(row.row, t.columns[col]),
          });
        }
      }
      continue;
    }
    const cols = FIGURE_COLUMNS.get(t.table);
    if (!cols) continue;
    // Rows are numbered across the tables of one kind: a second T3a table continues at #n + 1.
    const first = counted.get(t.table) ?? 0;
    counted.set(t.table, first + items.length);
    items.forEach((row, i) => {
      const n = first + i;
      for (const col of cols) {
        if (t.columns[col.key] === undefined) continue;
        out.push({
          key: `${t.table}/${col.key}${n ? `#${n + 1}` : ''}`,
          table: t.table,
          label: col.group ? `${col.group} — ${col.label}` : col.label,
          measure: col.kind === 'money' ? 'triệu đồng' : '',
          value: figureOf(row.cells[col.key]),
          ...aggregationOf(t.table, col, overrides),
          sheet: t.sheet,
          cell: a1(row.row, t.columns[col.key]),
        });
      }
    });
  }
  return out;
}
