/**
 * The secretariat's summary of a consolidation, built once as data: the period in words, the units included,
 * late, left out and not sent — each list complete — and the registry used. The command line prints its lines,
 * the panes show its sections; neither writes a sentence of its own.
 */
import { formatNumber } from '../numbers/format';
import type { Consolidation } from './consolidate';
import type { MissingUnit } from './follow-up';

/** The summary a digest is made from: a consolidation's, as the command line and both panes hold it. */
export type DigestSource = Consolidation['summary'];

export type DigestKey = 'included' | 'late' | 'unstamped' | 'withErrors' | 'notSent';

export interface DigestItem {
  /** The unit (or the file, when no unit could be told). */
  name: string;
  /** What is said of it: its late reports, why it was left out, whom to call; null when nothing more. */
  detail: string | null;
  /** Name and detail as one line. */
  text: string;
}

export interface DigestSection {
  key: DigestKey;
  title: string;
  /** What the list is, in a few words ("hoàn thành sau ngày 20 của tháng sau kỳ"); null when plain. */
  note: string | null;
  count: number;
  items: DigestItem[];
}

export interface Digest {
  /** The range consolidated in words ("tháng 6/2023", "6 tháng đầu năm 2023"); null when none. */
  period: string | null;
  periodLine: string;
  registry: DigestSource['registry'];
  registryLine: string;
  /** Included, late, left out and not sent always; unstamped reports only when there are some. */
  sections: DigestSection[];
  counts: Record<'included' | 'late' | 'withErrors' | 'notSent', number>;
}

/** Every sentence of the summary, in one table. */
export const DIGEST_WORDS = {
  period: (words: string | null) =>
    words ? `Kỳ tổng hợp: ${words}.` : 'Kỳ tổng hợp: chưa xác định (không có báo cáo nào ghi kỳ).',
  titles: {
    included: 'Đã tổng hợp',
    late: 'Nộp trễ hạn',
    unstamped: 'Chưa bấm Hoàn thành',
    withErrors: 'Không tổng hợp',
    notSent: 'Chưa nộp',
  } satisfies Record<DigestKey, string>,
  lateNote: (day: number) => `hoàn thành sau ngày ${day} của tháng sau kỳ`,
  unstampedNote: 'đã gửi nhưng chưa ghi giờ hoàn thành: không biết đúng hạn hay trễ hạn',
  withErrorsNote: 'còn lỗi, không nhận ra đơn vị, hoặc không phải phiếu báo cáo',
  notSentNote: (deadline: string | null) =>
    deadline ? `theo danh mục đơn vị; hạn nộp ${deadline}` : 'theo danh mục đơn vị',
  lateReport: (r: { period: string; completed: string; deadline: string }) =>
    `${r.period}: hoàn thành ${r.completed}, hạn ${r.deadline}`,
  preparer: (name: string) => `người lập ${name}`,
  phone: (phone: string) => `điện thoại ${phone}`,
  contact: (contact: string) => `liên hệ theo danh mục ${contact}`,
  lastReport: (period: string) => `theo báo cáo ${period}`,
  noContact: 'chưa có báo cáo nào, danh mục không ghi liên hệ',
  none: 'không có',
  registry: (r: NonNullable<DigestSource['registry']>, givenAs?: string) =>
    `Danh mục đơn vị ${r.given ? `của văn phòng${givenAs ? ` ${givenAs}` : ''}` : 'có sẵn'}: ` +
    `${r.name} (${r.code}), ${formatNumber(r.units)} đơn vị.`,
  noRegistry: 'Danh mục đơn vị: không xác định được (không liệt kê đơn vị chưa nộp).',
} as const;

const item = (name: string, detail: string | null): DigestItem => ({
  name,
  detail,
  text: detail ? `${name} — ${detail}` : name,
});

/** Whom to call, as one line: the last report's preparer and phone, the registry's contact, where from. */
export function contactWords(m: MissingUnit): string | null {
  const parts = [
    m.preparer ? DIGEST_WORDS.preparer(m.preparer) : null,
    m.phone ? DIGEST_WORDS.phone(m.phone) : null,
  ].filter((x): x is string => x !== null);
  const own = parts.length && m.lastReport ? `${parts.join(', ')} (${DIGEST_WORDS.lastReport(m.lastReport)})` : '';
  const all = [own, m.contact ? DIGEST_WORDS.contact(m.contact) : ''].filter(Boolean);
  if (all.length) return all.join('; ');
  return m.lastReport ? null : DIGEST_WORDS.noContact;
}

/**
 * The digest of a consolidation's summary. `givenAs` names where the secretariat's own registry came from, as
 * the host says it ("(--registry)" on the command line, "(trang “Danh mục đơn vị”)" in the panes).
 */
export function digestOf(s: DigestSource, givenAs?: string): Digest {
  const W = DIGEST_WORDS;
  // A unit late in several months of the range is one unit, its late months listed.
  const lateByUnit = new Map<string, string[]>();
  for (const r of s.late) lateByUnit.set(r.unit, [...(lateByUnit.get(r.unit) ?? []), W.lateReport(r)]);
  const unstampedByUnit = new Map<string, string[]>();
  for (const r of s.unstamped) unstampedByUnit.set(r.unit, [...(unstampedByUnit.get(r.unit) ?? []), r.period]);
  const sections: DigestSection[] = [
    section(
      'included',
      null,
      [...s.included].map((u) => item(u.unit, null)),
    ),
    section(
      'late',
      W.lateNote(s.deadlineDay),
      [...lateByUnit].map(([u, xs]) => item(u, xs.join('; '))),
    ),
    ...(unstampedByUnit.size
      ? [
          section(
            'unstamped',
            W.unstampedNote,
            [...unstampedByUnit].map(([u, xs]) => item(u, xs.join(', '))),
          ),
        ]
      : []),
    section(
      'withErrors',
      W.withErrorsNote,
      s.excluded.map((e) => item(e.unit ?? e.source, e.unit ? `${e.source}: ${e.reason}` : e.reason)),
    ),
    section(
      'notSent',
      W.notSentNote(s.deadline),
      s.notSent.map((m) => item(m.unit, contactWords(m))),
    ),
  ];
  const count = (k: DigestKey) => sections.find((x) => x.key === k)?.count ?? 0;
  return {
    period: s.period,
    periodLine: W.period(s.period),
    registry: s.registry,
    registryLine: s.registry ? W.registry(s.registry, givenAs) : W.noRegistry,
    sections,
    counts: {
      included: count('included'),
      late: count('late'),
      withErrors: count('withErrors'),
      notSent: count('notSent'),
    },
  };
}

function section(key: DigestKey, note: string | null, items: DigestItem[]): DigestSection {
  return { key, title: DIGEST_WORDS.titles[key], note, count: items.length, items };
}

/** "Nộp trễ hạn (2; hoàn thành sau ngày 20 của tháng sau kỳ)": a section's heading with its count. */
export function sectionHeading(x: DigestSection): string {
  return `${x.title} (${formatNumber(x.count)}${x.note ? `; ${x.note}` : ''})`;
}

/**
 * The digest as lines of text, each list complete: the period, then each section's heading and its items
 * (the units included on one line, the others one a line, since each carries its detail), then the registry.
 */
export function digestLines(d: Digest, indent = '  '): string[] {
  const out = [`${indent}${d.periodLine}`];
  for (const x of d.sections) {
    if (!x.count) {
      out.push(`${indent}${sectionHeading(x)}: ${DIGEST_WORDS.none}.`);
      continue;
    }
    if (x.key === 'included') {
      out.push(`${indent}${sectionHeading(x)}: ${x.items.map((i) => i.name).join(', ')}.`);
      continue;
    }
    out.push(`${indent}${sectionHeading(x)}:`);
    for (const i of x.items) out.push(`${indent}  ${i.text}`);
  }
  out.push(`${indent}${d.registryLine}`);
  return out;
}
