import { tableSpec } from '../../templates/families';
import { parseA1 } from '../../workbook/sheet-spec';
import { CheckContext } from '../context';

export const KINDS = ['GOP-O'] as const;

/**
 * Merged cells across a table's input columns on its item rows. Rows between the items that are not
 * items — a section heading merged across the table, a header repeated after a page break, a group
 * row — are the layout staff use, not figures run together: a merge there is never flagged.
 */
export function run(ctx: CheckContext<(typeof KINDS)[number]>): void {
  for (const t of ctx.read.tables) {
    const sheet = ctx.sheets.find((s) => s.name === t.sheet);
    const items = t.rows.filter((r) => r.kind === 'item');
    if (!sheet || !items.length || !sheet.merges?.length) continue;
    const spec = tableSpec(t.table);
    const top = items[0].row;
    const bottom = items[items.length - 1].row;
    // parseA1 rows are 0-based like TableRow.row.
    const itemRows = items.map((r) => r.row);
    const inputCols = spec.columns
      .filter((c) => c.input && c.key in t.columns && c.kind !== 'text')
      .map((c) => t.columns[c.key]);
    for (const m of sheet.merges) {
      const [from, to] = m.split(':');
      const a = parseA1(from);
      const b = parseA1(to ?? from);
      if (b.row < top || a.row > bottom) continue;
      if (!itemRows.some((r) => r >= a.row && r <= b.row)) continue;
      if (inputCols.some((c) => c >= a.col && c <= b.col)) {
        ctx.emit('GOP-O', { sheet: sheet.name, cell: from }, { range: m, table: spec.title });
      }
    }
  }
}
