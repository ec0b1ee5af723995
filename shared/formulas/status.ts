import { compareDays, Day, formatDay, parseDay } from '../dates/date';
import { parsePeriod } from '../dates/period';
import { isBlank } from './inputs';
import { fail, FormulaOutput, isFormulaError, Scalar } from './result';

/** The four assessment statuses of the project lists, verbatim. */
export const STATUSES = [
  'Hoàn thành, đúng hạn',
  'Hoàn thành, trễ hạn',
  'Đang thực hiện theo tiến độ',
  'Đang thực hiện, trễ hạn',
] as const;
export type TaskStatus = (typeof STATUSES)[number];

const DONE_WORDS = /^(x|có|true|đã hoàn thành|hoàn thành|xong|đã xong)$/iu;
const NOT_DONE_WORDS = /^(false|không|chưa|chưa hoàn thành|đang thực hiện)$/iu;

/** Completion as a cell holds it: a date, TRUE / "x" / "Đã hoàn thành", or blank. */
function completion(x: Scalar): { done: boolean; day?: Day } | ReturnType<typeof fail> {
  if (isBlank(x) || x === false) return { done: false };
  if (x === true) return { done: true };
  if (typeof x === 'string') {
    const t = x.normalize('NFC').trim();
    if (DONE_WORDS.test(t)) return { done: true };
    if (NOT_DONE_WORDS.test(t)) return { done: false };
  }
  const day = parseDay(x);
  if (!day)
    return fail(
      '#VALUE!',
      `Không hiểu “${String(x)}” ở cột hoàn thành: ghi ngày hoàn thành (dd/mm/yyyy), “x”, hoặc để trống.`,
    );
  return { done: true, day };
}

/** DX_STATUS: which of the four statuses a task has on the report date. */
export function taskStatus(period: Scalar, completed: Scalar, reportDate: Scalar): FormulaOutput {
  const p = parsePeriod(period);
  if (!p)
    return fail(
      '#VALUE!',
      `Không đọc được thời gian triển khai “${String(period ?? '')}” ` +
        '(ví dụ: “2023”, “2022-2024”, “Quý II/2023”, “Thường xuyên”).',
    );
  const report = parseDay(reportDate);
  if (!report) return fail('#VALUE!', `Cần ngày báo cáo (dd/mm/yyyy); đang là “${String(reportDate ?? '')}”.`);
  const c = completion(completed);
  if (isFormulaError(c)) return c;
  const overdue = (day: Day) => p.end !== null && compareDays(day, p.end) > 0;
  if (!c.done) return overdue(report) ? STATUSES[3] : STATUSES[2];
  if (!c.day) {
    if (!overdue(report)) return STATUSES[0];
    return fail('#VALUE!', `Thời hạn ${p.label} đã qua: cần ngày hoàn thành để biết đúng hạn hay trễ hạn.`);
  }
  if (compareDays(c.day, report) > 0) {
    return fail('#VALUE!', `Ngày hoàn thành ${formatDay(c.day)} sau ngày báo cáo ${formatDay(report)}.`);
  }
  return overdue(c.day) ? STATUSES[1] : STATUSES[0];
}
