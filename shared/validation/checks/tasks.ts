import { compareDays, formatDay, parseDay } from '../../dates/date';
import { parsePeriod } from '../../dates/period';
import { isFormulaError } from '../../formulas/result';
import { taskStatus } from '../../formulas/status';
import { isBlankValue } from '../../tables/cells';
import { TableRead } from '../../tables/read';
import { cellOf, CheckContext, show } from '../context';

export const KINDS = ['NGAY-BAT-DAU', 'NGAY-TRIEN-KHAI', 'THU-TU-NGAY', 'TIEN-DO'] as const;

type Context = CheckContext<(typeof KINDS)[number]>;

/** T5: a task's dates in order, and its assessment what its period, completion and the report date make it. */
function checkTasks(t: TableRead, ctx: Context): void {
  const { emit } = ctx;
  const reportDate = ctx.read.cover.reportDate?.value ?? null;
  const report = parseDay(reportDate);
  for (const row of t.rows.filter((r) => r.kind === 'item')) {
    const period = row.cells.period;
    if (isBlankValue(row.cells.name) && isBlankValue(period)) continue;
    const p = parsePeriod(period);
    const completed = row.cells.completed;
    const done = parseDay(completed);
    const at = { sheet: t.sheet, cell: cellOf(t, row, 'completed') };
    // "12/2023" in a date column stands for the month: compare starts.
    const started = parsePeriod(row.cells.started ?? null);
    const finished = parsePeriod(completed);
    if (started && finished && compareDays(finished.start, started.start) < 0) {
      emit('NGAY-BAT-DAU', at, { completed: show(completed), started: show(row.cells.started) });
    }
    if (done && p && compareDays(done, p.start) < 0 && p.end !== null) {
      emit('NGAY-TRIEN-KHAI', at, { completed: formatDay(done), period: p.label });
    }
    if (done && report && compareDays(done, report) > 0) {
      emit('THU-TU-NGAY', at, { completed: formatDay(done), reportDate: formatDay(report) });
      continue;
    }
    const assessed = row.cells.assessment;
    if (!report || !p || isBlankValue(assessed) || !('assessment' in t.columns)) continue;
    const saysDone = /^(đã\s+)?hoàn thành/iu.test(String(assessed).trim());
    const expected = taskStatus(
      period as never,
      done ? (completed as never) : saysDone ? true : null,
      reportDate as never,
    );
    if (isFormulaError(expected)) continue;
    const written = String(assessed)
      .trim()
      .replace(/^Đã hoàn thành/u, 'Hoàn thành');
    if (written !== expected) {
      emit(
        'TIEN-DO',
        { sheet: t.sheet, cell: cellOf(t, row, 'assessment') },
        {
          period: p.label,
          completed: done ? formatDay(done) : undefined,
          saysDone,
          reportDate: formatDay(report),
          expected: String(expected),
          written: String(assessed).trim(),
        },
      );
    }
  }
}

export function run(ctx: Context): void {
  for (const t of ctx.read.tables) if (t.table === 'T5') checkTasks(t, ctx);
}
