import { Indicator } from '../catalogue/schema';
import { Aggregation, AGGREGATION_REASON } from '../numbers/aggregation';
import { ColumnSpec } from '../tables/schema';
import { FAMILIES } from '../templates/families';
import { a1 } from '../workbook/sheet-spec';
import { Submission } from './collect';
import { figureOf } from './kpi';

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

/** Tables whose counts and amounts are figures (T1 is read by indicator; T5, T6 are lists, not figures). */
export const FIGURE_TABLES = ['T2', 'T3a', 'T3f', 'T3b', 'T3c', 'T3d', 'T3e', 'T4'];

/** How a column adds up over months: as it says, else a flow. */
export function columnAggregation(col: ColumnSpec): { aggregation: Aggregation; reason: string } {
  const aggregation = col.aggregation ?? 'sum';
  return { aggregation, reason: col.aggregationReason ?? AGGREGATION_REASON[aggregation] };
}

const COLUMNS = new Map(
  FAMILIES.flatMap((f) => f.tables)
    .filter((t) => FIGURE_TABLES.includes(t.id))
    .map((t) => [t.id, t.columns.filter((c) => c.kind === 'count' || c.kind === 'money')]),
);

/** Every figure a report holds, blanks included (a blank is "not reported", never 0), in table order. */
export function figuresOf(sub: Submission, catalogue: Indicator[]): Figure[] {
  const out: Figure[] = [];
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  for (const t of sub.read.tables) {
    const items = t.rows.filter((r) => r.kind === 'item');
    if (t.table === 'T1') {
      for (const row of items) {
        const ind = byCode.get(String(row.cells.code ?? '').trim());
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
    const cols = COLUMNS.get(t.table);
    if (!cols) continue;
    items.forEach((row, n) => {
      for (const col of cols) {
        if (t.columns[col.key] === undefined) continue;
        out.push({
          key: `${t.table}/${col.key}${n ? `#${n + 1}` : ''}`,
          table: t.table,
          label: col.group ? `${col.group} — ${col.label}` : col.label,
          measure: col.kind === 'money' ? 'triệu đồng' : '',
          value: figureOf(row.cells[col.key]),
          ...columnAggregation(col),
          sheet: t.sheet,
          cell: a1(row.row, t.columns[col.key]),
        });
      }
    });
  }
  return out;
}
