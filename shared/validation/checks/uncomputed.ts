import { tableSpec } from '../../templates/families';
import { CheckContext, cellOf, columnTitle } from '../context';

export const KINDS = ['CONG-THUC-CHUA-TINH'] as const;

/**
 * Formula cells the file holds no result for (`SheetSnapshot.uncomputed`: a workbook a library wrote and
 * no spreadsheet ever opened), where a figure is read: the count and amount columns of the unit's
 * tables. Read as blank, such a cell would make an indicator vanish from the totals without a word.
 * The product's own computed columns (rates, assessments) are recomputed by the checks and not listed.
 */
export function run(ctx: CheckContext<(typeof KINDS)[number]>): void {
  for (const t of ctx.read.tables) {
    const pending = new Set(ctx.sheets.find((s) => s.name === t.sheet)?.uncomputed ?? []);
    if (!pending.size) continue;
    const cols = tableSpec(t.table).columns.filter(
      (c) => (c.kind === 'count' || c.kind === 'money') && Object.prototype.hasOwnProperty.call(t.columns, c.key),
    );
    for (const row of t.rows)
      for (const col of cols) {
        const cell = cellOf(t, row, col.key);
        if (pending.has(cell)) ctx.emit('CONG-THUC-CHUA-TINH', { sheet: t.sheet, cell }, { column: columnTitle(col) });
      }
  }
}
