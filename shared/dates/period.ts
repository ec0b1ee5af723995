import { Day, daysInMonth, endOfMonth, makeDay, parseDay } from './date';

/** A reporting or implementation period; `end` is null for "Thường xuyên" (ongoing). */
export interface Period {
  start: Day;
  end: Day | null;
  label: string;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function month(y: number, m: number, label: string): Period | null {
  if (!makeDay(y, m, 1)) return null;
  return { start: { y, m, d: 1 }, end: endOfMonth(y, m), label };
}

function months(y: number, from: number, to: number, label: string): Period | null {
  if (!makeDay(y, from, 1) || !makeDay(y, to, 1)) return null;
  return { start: { y, m: from, d: 1 }, end: endOfMonth(y, to), label };
}

/**
 * Reads the ways the seeds write periods: "2023", "2022-2024", "2023 - 2025",
 * "Thường xuyên", "Quý II/2021", "tháng 4/2023", "4/2023", "2023-06",
 * "6 tháng đầu năm 2023", "9 tháng năm 2023", "6 tháng cuối năm 2023".
 * A date is taken as that day, except the 1st of a month, which Excel makes of
 * "6/2023" typed into a cell, and which stands for the month.
 */
export function parsePeriod(raw: unknown): Period | null {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1900 && raw <= 2200)
    return months(raw, 1, 12, String(raw));
  if (typeof raw !== 'string') {
    const day = parseDay(raw);
    if (!day) return null;
    return day.d === 1
      ? month(day.y, day.m, `${day.m}/${day.y}`)
      : { start: day, end: day, label: `${day.d}/${day.m}/${day.y}` };
  }
  const label = raw.normalize('NFC').trim();
  const t = label.toLowerCase().replace(/\s+/g, ' ').replace(/[–—]/g, '-');
  if (t === '') return null;
  if (/^(thường xuyên|hằng năm|hàng năm|liên tục)$/u.test(t))
    return { start: { y: 1900, m: 1, d: 1 }, end: null, label };
  let m = /^(?:năm )?(\d{4})$/u.exec(t);
  if (m) return months(Number(m[1]), 1, 12, label);
  m = /^(?:giai đoạn )?(\d{4}) ?- ?(\d{4})$/u.exec(t);
  if (m && Number(m[1]) <= Number(m[2])) {
    return { start: { y: Number(m[1]), m: 1, d: 1 }, end: endOfMonth(Number(m[2]), 12), label };
  }
  m = /^(?:quý|q) ?(i{1,3}|iv|[1-4]) ?(?:\/|năm ) ?(\d{4})$/u.exec(t);
  if (m) {
    const q = ROMAN[m[1]] ?? Number(m[1]);
    return months(Number(m[2]), q * 3 - 2, q * 3, label);
  }
  m = /^(?:tháng |t)?(\d{1,2}) ?(?:\/|năm ) ?(\d{4})$/u.exec(t);
  if (m) return month(Number(m[2]), Number(m[1]), label);
  m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m) return month(Number(m[1]), Number(m[2]), label);
  // The command line's ranges: 2023-Q3, 2023-H1, 2023-H2, 2023-9M (the first nine months).
  m = /^(\d{4})-q([1-4])$/.exec(t);
  if (m) return months(Number(m[1]), Number(m[2]) * 3 - 2, Number(m[2]) * 3, label);
  m = /^(\d{4})-h([12])$/.exec(t);
  if (m) return m[2] === '1' ? months(Number(m[1]), 1, 6, label) : months(Number(m[1]), 7, 12, label);
  m = /^(\d{4})-(\d{1,2})m$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return months(Number(m[1]), 1, Number(m[2]), label);
  m = /^(\d{1,2}) tháng (đầu |cuối )?năm (\d{4})$/u.exec(t);
  if (m) {
    const n = Number(m[1]);
    if (n < 1 || n > 12) return null;
    return m[2] === 'cuối ' ? months(Number(m[3]), 13 - n, 12, label) : months(Number(m[3]), 1, n, label);
  }
  const day = parseDay(label);
  if (day) return { start: day, end: day, label };
  return null;
}

/**
 * "Kỳ báo cáo" in words, whatever the host stored: text as written; a date (what Excel and Sheets make
 * of "6/2023" typed into a cell: the 1st of the month, as a serial or a `Date`) as "6/2023".
 */
export function periodText(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw.trim() === '' ? null : raw.trim();
  return parsePeriod(raw)?.label ?? String(raw);
}

/** A period as whole months: [first, last] as month numbers y × 12 + (m − 1); null for ongoing or day periods. */
export interface MonthSpan {
  first: number;
  last: number;
}

export const monthIndex = (y: number, m: number) => y * 12 + m - 1;
/** "6/2023" for a month number. */
export const monthName = (k: number) => `${(k % 12) + 1}/${Math.floor(k / 12)}`;

/** The months a period covers, when it covers whole months (a report's period, a consolidation's range). */
export function monthSpan(p: Period | null): MonthSpan | null {
  if (!p?.end || p.start.d !== 1 || p.end.d !== daysInMonth(p.end.y, p.end.m)) return null;
  const first = monthIndex(p.start.y, p.start.m);
  const last = monthIndex(p.end.y, p.end.m);
  return last >= first ? { first, last } : null;
}

const ROMAN_Q = ['I', 'II', 'III', 'IV'];

/**
 * A span in the words official titles use: "tháng 6/2023", "quý III/2023", "6 tháng đầu năm 2023",
 * "6 tháng cuối năm 2023", "9 tháng năm 2023", "năm 2023"; other spans "từ tháng 2/2023 đến tháng 5/2023".
 */
export function spanWords(s: MonthSpan): string {
  const y = Math.floor(s.first / 12);
  const from = (s.first % 12) + 1;
  const to = s.last - y * 12 + 1;
  if (s.first === s.last) return `tháng ${monthName(s.first)}`;
  if (to <= 12 && from === 1 && to === 12) return `năm ${y}`;
  if (to <= 12 && from === 1 && to === 6) return `6 tháng đầu năm ${y}`;
  if (to <= 12 && from === 7 && to === 12) return `6 tháng cuối năm ${y}`;
  if (to <= 12 && to - from === 2 && from % 3 === 1) return `quý ${ROMAN_Q[(from - 1) / 3]}/${y}`;
  if (to <= 12 && from === 1) return `${to} tháng năm ${y}`;
  return `từ tháng ${monthName(s.first)} đến tháng ${monthName(s.last)}`;
}
