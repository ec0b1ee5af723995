import { numberOf } from '../../tables/cells';
import { tableSpec } from '../../templates/families';
import { cellOf, CheckContext, columnTitle } from '../context';
import { isNotApplicableRow } from '../not-applicable';
import { readPrevious } from '../previous';

export const KINDS = ['BIEN-DONG'] as const;

/** Counts that grew or shrank by more than the factor since the period the unit last completed. */
export function run(ctx: CheckContext<(typeof KINDS)[number]>): void {
  const previous = readPrevious(ctx.sheets);
  if (!previous.length) return;
  const factor = ctx.opts.outlierFactor ?? 3;
  for (const t of ctx.read.tables) {
    const spec = tableSpec(t.table);
    for (const row of t.rows.filter((r) => r.kind === 'item' && !isNotApplicableRow(t, r, ctx.notApplicable))) {
      const key = String(row.cells.code ?? row.cells.unit ?? row.cells.name ?? '').trim();
      for (const col of spec.columns.filter((c) => c.kind === 'count' && c.key in t.columns)) {
        const now = numberOf(row.cells[col.key]);
        const before = previous.find((p) => p.table === t.table && p.key === key && p.field === col.key);
        if (now === null || !before || before.value <= 0) continue;
        const ratio = now / before.value;
        if (Math.max(now, before.value) >= 10 && (ratio > factor || ratio < 1 / factor)) {
          ctx.emit(
            'BIEN-DONG',
            { sheet: t.sheet, cell: cellOf(t, row, col.key) },
            { column: columnTitle(col), before: before.value, beforePeriod: before.period, now },
          );
        }
      }
    }
  }
}
