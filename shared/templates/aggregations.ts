import { Aggregation, AGGREGATION_REASON } from '../numbers/aggregation';
import { ColumnSpec } from '../tables/schema';
import { FAMILIES } from './families';

/**
 * The figures of the unit tables and how each adds up over months (issue 12), below consolidation so that
 * DX_CauHinh (templates) can show and read them as consolidation (figures.ts) applies them.
 */

/** Tables whose counts and amounts are figures (T1 is read by indicator; T5, T6 are lists, not figures). */
export const FIGURE_TABLES = ['T2', 'T3a', 'T3f', 'T3b', 'T3c', 'T3d', 'T3e', 'T4'];

/** How a column adds up over months: as it says, else a flow. */
export function columnAggregation(col: ColumnSpec): { aggregation: Aggregation; reason: string } {
  const aggregation = col.aggregation ?? 'sum';
  return { aggregation, reason: col.aggregationReason ?? AGGREGATION_REASON[aggregation] };
}

/**
 * The counts and amounts of each figure table, in table order: one Map so that a table or column named in a
 * sheet ("constructor", "__proto__" included) is looked up among these only, never on an object's prototype.
 */
export const FIGURE_COLUMNS: ReadonlyMap<string, readonly ColumnSpec[]> = new Map(
  FAMILIES.flatMap((f) => f.tables)
    .filter((t) => FIGURE_TABLES.includes(t.id))
    .sort((a, b) => FIGURE_TABLES.indexOf(a.id) - FIGURE_TABLES.indexOf(b.id))
    .map((t) => [t.id, t.columns.filter((c) => c.kind === 'count' || c.kind === 'money')]),
);

/** What a column counts, in Vietnamese, with its upper header line when it has one ("Đã giải quyết — Đúng hạn"). */
export function columnLabel(col: ColumnSpec): string {
  return col.group ? `${col.group} — ${col.label}` : col.label;
}

/** The key of a table's column as a figure: "T3a/dossiers". */
export const figureKey = (table: string, column: string) => `${table}/${column}`;

/** The figure a key names among the tables' counts and amounts, or undefined ("T9/x", "T3a/constructor"). */
export function figureColumn(key: string): { table: string; column: ColumnSpec } | undefined {
  const slash = key.indexOf('/');
  if (slash < 0) return undefined;
  const table = key.slice(0, slash);
  const column = FIGURE_COLUMNS.get(table)?.find((c) => c.key === key.slice(slash + 1));
  return column && { table, column };
}
