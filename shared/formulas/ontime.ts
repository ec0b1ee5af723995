import { compareDays, daysInMonth, Day, parseDay } from '../dates/date';
import { parsePeriod } from '../dates/period';
import { isBlank } from './inputs';
import { fail, FormulaOutput, Scalar } from './result';

export const DUNG_HAN = 'Đúng hạn';
export const TRE_HAN = 'Trễ hạn';
export const CHUA_NOP = 'Chưa nộp';

/** Khánh Hòa's monthly reports are due on the 20th of the following month. */
export const DEFAULT_DEADLINE_DAY = 20;

/** The deadline of a period's report: `deadlineDay` of the month after the period ends. */
export function reportDeadline(periodEnd: Day, deadlineDay: number): Day {
  const y = periodEnd.m === 12 ? periodEnd.y + 1 : periodEnd.y;
  const m = periodEnd.m === 12 ? 1 : periodEnd.m + 1;
  return { y, m, d: Math.min(deadlineDay, daysInMonth(y, m)) };
}

/** DX_ONTIME: "Đúng hạn" / "Trễ hạn" for a report submitted on a day; "Chưa nộp" when blank. */
export function onTime(submitted: Scalar, period: Scalar, deadlineDay?: Scalar): FormulaOutput {
  const p = parsePeriod(period);
  if (!p || !p.end)
    return fail(
      '#VALUE!',
      `Không đọc được kỳ báo cáo “${String(period ?? '')}” (ví dụ: “6/2023”, “tháng 6/2023”, “Quý II/2023”).`,
    );
  let day = DEFAULT_DEADLINE_DAY;
  if (!isBlank(deadlineDay)) {
    const n = typeof deadlineDay === 'number' ? deadlineDay : Number(String(deadlineDay).trim());
    if (!Number.isInteger(n) || n < 1 || n > 31)
      return fail('#NUM!', `Ngày hạn nộp phải từ 1 đến 31 (đang là “${String(deadlineDay)}”).`);
    day = n;
  }
  if (isBlank(submitted)) return CHUA_NOP;
  const s = parseDay(submitted);
  if (!s) return fail('#VALUE!', `Ngày nộp “${String(submitted)}” không phải là ngày (dd/mm/yyyy).`);
  const deadline = reportDeadline(p.end, day);
  return compareDays(s, deadline) <= 0 ? DUNG_HAN : TRE_HAN;
}
