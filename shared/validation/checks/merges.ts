import { tableSpec } from '../../templates/families';
import { parseA1 } from '../../workbook/sheet-spec';
import { CheckContext } from '../context';

export const KINDS = ['GOP-O'] as const;

/** Merged cells across a table's input columns, between its first and last item rows. */
export function run(ctx: CheckContext<(typeof KINDS)[number]>): void {
  for (const t of ctx.read.tables) {
    const sheet = ctx.sheets.find((s) => s.name === t.sheet);
    const items = t.rows.filter((r) => r.kind === 'item');
    if (!sheet || !items.length || !sheet.merges?.length) continue;
    const spec = tableSpec(t.table);
    const top = items[0].row;
    const bottom = items[items.length - 1].row;
    const inputCols = spec.columns
      .filter((c) => c.input && c.key in t.columns && c.kind !== 'text')
      .map((c) => t.columns[c.key]);
    for (const m of sheet.merges) {
      const [from, to] = m.split(':');
      const a = parseA1(from);
      const b = parseA1(to ?? from);
      if (b.row < top || a.row > bottom) continue;
      if (inputCols.some((c) => c >= a.col && c <= b.col)) {
        ctx.emit('GOP-O', { sheet: sheet.name, cell: from }, { range: m, table: spec.title });
      }
    }
  }
}
