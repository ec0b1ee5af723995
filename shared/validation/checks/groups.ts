import { isPlausible } from '../../numbers/bounds';
import { numberOf } from '../../tables/cells';
import { groupFigureKeys, itemsUnder } from '../../tables/read';
import { tableSpec } from '../../templates/families';
import { cellOf, CheckContext, columnTitle } from '../context';

export const KINDS = ['TONG-NHOM'] as const;

/**
 * A group row with figures in a table of units is the group's total (README, "Rows that are not units"):
 * each figure equals the sum of the items under it. The items are what is consolidated, so a wrong
 * subtotal would print one figure in the unit's own annex and another in the consolidated one. A group
 * row with no items under it was read as an item (`fromGroup`): nothing to check it against.
 */
export function run(ctx: CheckContext<(typeof KINDS)[number]>): void {
  for (const t of ctx.read.tables) {
    if (!('unit' in t.columns) || !t.rows.some((r) => r.kind === 'group')) continue;
    const spec = tableSpec(t.table);
    t.rows.forEach((row, i) => {
      if (row.kind !== 'group') return;
      const items = itemsUnder(t.rows, i);
      if (!items.length) return;
      for (const key of groupFigureKeys(row, spec, t)) {
        const value = numberOf(row.cells[key])!;
        const figures = items.map((r) => numberOf(r.cells[key])).filter((v): v is number => v !== null);
        // Items with no figure in the column leave nothing to add up: blank is "not reported", never 0.
        if (!figures.length || !isPlausible(value) || !figures.every(isPlausible)) continue;
        const sum = figures.reduce((s, v) => s + v, 0);
        // Amounts in millions carry decimals: a sum off by rounding noise is equal.
        if (Math.abs(sum - value) <= 1e-9 * Math.max(1, Math.abs(value))) continue;
        const col = spec.columns.find((c) => c.key === key)!;
        ctx.emit(
          'TONG-NHOM',
          { sheet: t.sheet, cell: cellOf(t, row, key) },
          {
            group: String(row.cells.unit ?? row.cells.stt ?? '').trim(),
            column: columnTitle(col),
            value,
            sum,
            items: items.length,
          },
        );
      }
    });
  }
}
