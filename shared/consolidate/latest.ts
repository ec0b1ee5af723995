import { dayOrdinal } from '../dates/date';
import { MonthSpan, spanWords } from '../dates/period';
import { parseStamp } from '../messages/wording';
import { Submission } from './collect';
import { spanOf } from './over-time';

/** "10/07/2023 09:30" → a sortable number; unstamped reports sort first. */
function stampOrder(s: string | null): number {
  const stamp = s ? parseStamp(s) : null;
  return stamp ? dayOrdinal(stamp.day) * 1e4 + stamp.hour * 100 + stamp.minute : 0;
}

/**
 * The reports a state is read from (plans issued, information systems): those of the range's year up to its
 * end, latest first (by the month they end in, then by completion). A plan issued in March is still issued
 * in May when the unit skipped April, so a state never comes only from the range's own reports (issue 13).
 * Without a range, every report, latest first.
 */
export function latestFirst(subs: Submission[], range: MonthSpan | null): Submission[] {
  const yearStart = range ? range.last - (range.last % 12) : 0;
  return subs
    .map((s) => ({ s, span: spanOf(s) }))
    .filter(({ span }) => !range || (span !== null && span.first >= yearStart && span.last <= range.last))
    .sort(
      (a, b) =>
        (b.span?.last ?? -1) - (a.span?.last ?? -1) ||
        stampOrder(b.s.completedAt) - stampOrder(a.s.completedAt) ||
        // Of two reports ending in one month, the shorter one is the month's own.
        (b.span?.first ?? 0) - (a.span?.first ?? 0),
    )
    .map(({ s }) => s);
}

/** "tháng 4/2023", "6 tháng đầu năm 2023": the report a state was read from, as a note says it. */
export function reportWords(s: Submission): string {
  const span = spanOf(s);
  return span ? spanWords(span) : (s.period ?? 'không rõ kỳ');
}

/** Does the report end before the range does (a state carried from an earlier month)? */
export function isEarlier(s: Submission, range: MonthSpan | null): boolean {
  const span = spanOf(s);
  return range !== null && span !== null && span.last < range.last;
}
