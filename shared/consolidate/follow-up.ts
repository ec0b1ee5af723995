import { compareDays, Day, endOfMonth, formatDay } from '../dates/date';
import { MonthSpan, monthSpan, parsePeriod, spanWords } from '../dates/period';
import { reportDeadline } from '../formulas/ontime';
import { parseStamp } from '../messages/wording';
import { Registry } from '../registry/schema';
import { shortText } from '../text/invisible';
import { Submission } from './collect';
import { within } from './over-time';

/**
 * Phụ lục II's rule, written once (the annex's marks and the summary's lists): a report of a period ending `end`
 * is late when completed after `deadlineDay` of the following month (that day itself is on time); without a
 * completion stamp whether it was on time cannot be told.
 */
export function timeliness(
  completedAt: string | null | undefined,
  end: Day,
  deadlineDay: number,
): { state: 'on-time' | 'late' | 'unstamped'; done: Day | null; due: Day } {
  const due = reportDeadline(end, deadlineDay);
  const done = completedAt ? (parseStamp(completedAt)?.day ?? null) : null;
  const state = !done ? 'unstamped' : compareDays(done, due) > 0 ? 'late' : 'on-time';
  return { state, done, due };
}

/** A report completed after its deadline: what Phụ lục II marks "X (trễ hạn)". */
export interface LateReport {
  unit: string;
  code: string;
  /** The report's period in words ("tháng 6/2023"). */
  period: string;
  /** The completion day and the deadline, dd/mm/yyyy. */
  completed: string;
  deadline: string;
}

/** A report sent without a completion stamp ("X (chưa hoàn thành)"): whether it was on time cannot be told. */
export interface UnstampedReport {
  unit: string;
  code: string;
  period: string;
}

/** Whom to call about a unit that sent nothing: its last report's cover and the registry's contact. */
export interface MissingUnit {
  unit: string;
  code: string;
  /** Người lập and Điện thoại of the unit's latest report read (any period), null when not written. */
  preparer: string | null;
  phone: string | null;
  /** The latest report's period in words; null when no report of the unit was read at all. */
  lastReport: string | null;
  /** The registry's contact (an e-mail address or a phone number), when it has one. */
  contact: string | null;
}

export interface FollowUp {
  /** Reports are due on this day of the month after their period. */
  deadlineDay: number;
  /** The range's own deadline (dd/mm/yyyy): after it, a unit that sent nothing is overdue. */
  deadline: string | null;
  late: LateReport[];
  unstamped: UnstampedReport[];
  notSent: MissingUnit[];
}

const text = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  const s = shortText(String(v).trim());
  return s === '' ? null : s;
};

const periodWords = (p: string | null): string | null => {
  const span = p ? monthSpan(parsePeriod(p)) : null;
  return span ? spanWords(span) : p;
};

/**
 * Who reported late and whom to call, read from every report received (`reports`: each unit's reports of any
 * month, as Phụ lục II reads them). A report counts for the range when its months lie inside it; it is late
 * when completed after `deadlineDay` of the month after its period — the rule of Phụ lục II's marks. A city's
 * carried annex has no completion stamp by its nature and is neither. `missing`: the registry's names that
 * sent nothing, in the registry's order.
 */
export function followUp(
  reports: Submission[],
  range: MonthSpan | null,
  deadlineDay: number,
  missing: string[],
  registry: Registry | undefined,
): FollowUp {
  const late: LateReport[] = [];
  const unstamped: UnstampedReport[] = [];
  const ordered = [...reports].sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'vi') || endOf(a) - endOf(b));
  for (const s of ordered) {
    const p = s.period ? parsePeriod(s.period) : null;
    const span = monthSpan(p);
    if (!p?.end || !span || !range || !within(span, range) || s.carried) continue;
    const words = spanWords(span);
    const t = timeliness(s.completedAt, p.end, deadlineDay);
    if (t.state === 'unstamped') unstamped.push({ unit: s.unit.name, code: s.unit.code, period: words });
    else if (t.state === 'late')
      late.push({
        unit: s.unit.name,
        code: s.unit.code,
        period: words,
        completed: formatDay(t.done!),
        deadline: formatDay(t.due),
      });
  }
  const notSent = missing.map((name): MissingUnit => {
    const unit = registry?.units.find((u) => u.name === name);
    // The latest report of the unit, by the end of its period, then by its completion stamp.
    const latest = reports
      .filter((s) => s.unit.name === name && !s.carried)
      .sort((a, b) => endOf(b) - endOf(a) || stampOf(b) - stampOf(a))[0];
    const cover = latest?.read.cover;
    return {
      unit: name,
      code: unit?.code ?? '',
      preparer: text(cover?.preparer?.value),
      phone: text(cover?.phone?.value),
      lastReport: latest ? periodWords(latest.period) : null,
      contact: text(unit?.contact),
    };
  });
  const last = range ? endOfMonth(Math.floor(range.last / 12), (range.last % 12) + 1) : null;
  const deadline = last ? formatDay(reportDeadline(last, deadlineDay)) : null;
  return { deadlineDay, deadline, late, unstamped, notSent };
}

function endOf(s: Submission): number {
  const span = s.period ? monthSpan(parsePeriod(s.period)) : null;
  return span ? span.last : -1;
}

function stampOf(s: Submission): number {
  const st = s.completedAt ? parseStamp(s.completedAt) : null;
  return st ? (st.day.y * 10000 + st.day.m * 100 + st.day.d) * 10000 + st.hour * 100 + st.minute : 0;
}
