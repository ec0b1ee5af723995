import { compareDays, formatDay, parseDay } from '../../dates/date';
import { parsePeriod } from '../../dates/period';
import { isBlankValue } from '../../tables/cells';
import { COVER_LABELS, TEMPLATE_VERSION } from '../../templates/version';
import { CheckContext, show } from '../context';

export const KINDS = [
  'THONG-TIN-CHUNG',
  'BAT-BUOC',
  'THIEU-NGUOI-LAP',
  'DON-VI-BAO-CAO',
  'KY-KHONG-RO',
  'KY-BAO-CAO',
  'NGAY-BAO-CAO',
  'BAO-CAO-SOM',
  'PHIEN-BAN',
] as const;

/** The cover ("Thông tin chung"): its fields filled, its unit registered, its period and dates readable. */
export function run(ctx: CheckContext<(typeof KINDS)[number]>): void {
  const { emit, opts, matcher } = ctx;
  const c = ctx.read.cover;
  if (!c.unit && !c.period) {
    const first = ctx.sheets.find((s) => !s.name.startsWith('DX_'));
    if (first) emit('THONG-TIN-CHUNG', { sheet: first.name, cell: 'A1' }, {});
    return;
  }
  for (const key of ['unit', 'period', 'reportDate', 'preparer'] as const) {
    const f = c[key];
    if (!f || !isBlankValue(f.value)) continue;
    // A missing preparer matters less than a missing unit, period or report date.
    if (key === 'preparer') emit('THIEU-NGUOI-LAP', f, { field: COVER_LABELS[key] });
    else emit('BAT-BUOC', f, { field: COVER_LABELS[key] });
  }
  if (c.unit && !isBlankValue(c.unit.value)) {
    const name = String(c.unit.value);
    const m = matcher.match(name);
    if (!m.unit && m.status !== 'ambiguous') emit('DON-VI-BAO-CAO', c.unit, { name, suggestion: m.suggestions[0] });
  }
  const period = c.period && !isBlankValue(c.period.value) ? parsePeriod(c.period.value) : null;
  if (c.period && !isBlankValue(c.period.value) && !period) {
    emit('KY-KHONG-RO', c.period, { text: show(c.period.value) });
  }
  if (c.period && period && opts.period) {
    const want = parsePeriod(opts.period);
    if (
      want &&
      (compareDays(want.start, period.start) !== 0 ||
        (want.end && period.end && compareDays(want.end, period.end) !== 0))
    ) {
      emit('KY-BAO-CAO', c.period, { written: show(c.period.value), wanted: want.label });
    }
  }
  const report = c.reportDate ? parseDay(c.reportDate.value) : null;
  if (c.reportDate && !isBlankValue(c.reportDate.value) && !report) {
    emit('NGAY-BAO-CAO', c.reportDate, { text: show(c.reportDate.value) });
  }
  if (c.reportDate && report && period?.end && compareDays(report, period.end) < 0) {
    emit('BAO-CAO-SOM', c.reportDate, { reportDate: formatDay(report), period: period.label });
  }
  if (c.version && !isBlankValue(c.version.value) && String(c.version.value).trim() !== TEMPLATE_VERSION) {
    emit('PHIEN-BAN', c.version, { written: show(c.version.value), current: TEMPLATE_VERSION });
  }
}
