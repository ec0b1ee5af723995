import { invisibleIn } from '../../text/invisible';
import { CheckContext, cellOf } from '../context';

export const KINDS = ['KY-TU-AN'] as const;

/**
 * Bidirectional controls and zero-width characters in what the unit wrote (the cover's fields and every
 * cell of its tables): matching and every output drop them; the cell is reported, so a name that shows
 * as another unit's is seen where it was typed.
 */
export function run(ctx: CheckContext<(typeof KINDS)[number]>): void {
  const seen = new Set<string>();
  const report = (sheet: string, cell: string, v: unknown) => {
    if (typeof v !== 'string' || seen.has(`${sheet}!${cell}`)) return;
    const chars = invisibleIn(v);
    if (!chars.length) return;
    seen.add(`${sheet}!${cell}`);
    ctx.emit('KY-TU-AN', { sheet, cell }, { text: v, chars });
  };
  for (const f of Object.values(ctx.read.cover)) if (f) report(f.sheet, f.cell, f.value);
  for (const t of ctx.read.tables)
    for (const row of t.rows)
      for (const key of Object.keys(t.columns)) report(t.sheet, cellOf(t, row, key), row.cells[key]);
}
