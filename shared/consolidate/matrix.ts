import { isoDay } from '../dates/date';
import { existsDuring } from '../registry/history';
import { MonthSpan, monthSpan, parsePeriod, Period, spanWords } from '../dates/period';
import { AnnexId, annexGroups, Registry, showsCounts, Unit } from '../registry/schema';
import { isMark } from '../tables/cells';
import { roman } from '../templates/version';
import { SheetSpec } from '../workbook/sheet-spec';
import { AnnexOptions, c, captionFor, opening, Row, sheet } from './annex';
import { looseKey } from '../text/fold';
import { Submission } from './collect';
import { timeliness } from './follow-up';
import { isEarlier, latestFirst, reportWords } from './latest';

/** The covering line's fields and the range in words come with the annex options. */
export interface MatrixOptions extends AnnexOptions {
  /** Reports are due on this day of the month after the period (20 for Khánh Hòa, 15 for Nha Trang 2024). */
  deadlineDay: number;
  /** The range consolidated: its months are the matrix's columns, reported or not. */
  range?: MonthSpan | null;
}

const NOT_EXISTING = '—';

/** A unit registered in two registries (UBND thành phố Nha Trang) is the same unit: match by code or by name. */
const same = (a: Unit, b: Unit) => a.code === b.code || a.name === b.name;

/**
 * The units an annex lists: the registry's units under its own code that the annex lists (Unit.annexes), in the
 * annex's order (Unit.position, else registry order), grouped as the registry captions them.
 */
function scope(registry: Registry, annex: AnnexId) {
  return annexGroups(
    registry.units.filter((u) => u.parent === registry.code),
    annex,
  );
}

/** "tháng 6/2023" for a month period, its words for a longer one ("6 tháng đầu năm 2023"). */
function columnLabel(p: Period): string {
  const span = monthSpan(p);
  return span ? spanWords(span) : `tháng ${p.start.m}/${p.start.y}`;
}

/**
 * The matrix's columns: without a range, every month received; with one, each month of the range (reported or
 * not), the earlier months of its year that were received (the seeds list January to the report's month), and
 * any longer report sent inside the range ("6 tháng đầu năm 2023").
 */
function columnsOf(subs: Submission[], range: MonthSpan | null): Array<[string, Period]> {
  const periods = new Map<string, Period>();
  if (range)
    for (let k = range.first; k <= range.last; k++) {
      const p = parsePeriod(`${Math.floor(k / 12)}-${(k % 12) + 1}`)!;
      periods.set(columnLabel(p), p);
    }
  const yearStart = range ? Math.min(range.first, range.last - (range.last % 12)) : 0;
  for (const s of subs) {
    const p = s.period ? parsePeriod(s.period) : null;
    const span = monthSpan(p);
    if (!p?.end || !span) continue;
    if (range && (span.last > range.last || span.first < yearStart)) continue;
    if (range && span.first !== span.last && span.first < range.first) continue;
    periods.set(columnLabel(p), p);
  }
  const spanKey = (p: Period) => monthSpan(p) ?? { first: 0, last: 0 };
  return [...periods.entries()].sort(
    (a, b) => spanKey(a[1]).last - spanKey(b[1]).last || spanKey(b[1]).first - spanKey(a[1]).first,
  );
}

/** What each mark other than "X" means, in the order the note says them. */
const MARK_WORDS: Array<[RegExp, (deadlineDay: number) => string]> = [
  [/trễ hạn/, (d) => `“X (trễ hạn)”: hoàn thành sau ngày ${d} của tháng sau kỳ báo cáo`],
  [/chưa hoàn thành/, () => '“X (chưa hoàn thành)”: đã gửi nhưng chưa bấm Hoàn thành (chưa ghi giờ hoàn thành)'],
  [/còn lỗi/, () => '“X (còn lỗi)”: đã gửi nhưng chưa tổng hợp vì phiếu còn lỗi'],
  [/đơn vị cũ/, () => '“X (đơn vị cũ)”: báo cáo của các đơn vị cũ đã sáp nhập vào đơn vị'],
  [/^Phiếu trống$/, () => '“Phiếu trống”: đã gửi phiếu chưa có số liệu (không tính là đã báo cáo)'],
  [
    new RegExp(`^${NOT_EXISTING}$`),
    () => `“${NOT_EXISTING}”: đơn vị chưa thành lập hoặc đã sáp nhập trong tháng đó (không tính vào số phải báo cáo)`,
  ],
];

/**
 * "Ghi chú: Dấu “X”: Đã thực hiện" as seed 001 writes it, and the meaning of each other mark the matrix shows:
 * a note explaining marks that appear nowhere would only be read as if they did.
 */
function matrixNote(body: Row[], deadlineDay: number): string {
  const shown = new Set(body.flatMap((r) => r.slice(2).map((x) => String(x?.v ?? ''))));
  const words = MARK_WORDS.filter(([re]) => [...shown].some((m) => re.test(m))).map(([, say]) => say(deadlineDay));
  return ['Ghi chú: Dấu “X”: Đã thực hiện', ...words].join('; ');
}

/**
 * Phụ lục II: which unit reported for which month ("X"), on time or late by
 * the deadline day and the completion stamp, with counts per group and month.
 */
export function submissionMatrix(
  subs: Submission[],
  registry: Registry,
  opts: MatrixOptions,
  leftOut: Array<{ unit: string | null; period?: string | null; empty?: boolean }> = [],
): SheetSpec {
  const months = columnsOf(subs, opts.range ?? null);
  const width = 2 + months.length;
  const { rows, merges } = opening(
    'Phụ lục II',
    captionFor(
      'Danh sách các cơ quan, đơn vị, địa phương thực hiện báo cáo kết quả chuyển đổi số',
      opts.period ?? (opts.range ? spanWords(opts.range) : undefined),
    ),
    width,
    opts,
  );
  const top = rows.length;
  rows.push([
    c('STT', 'header'),
    c('Tên cơ quan, địa phương', 'header'),
    ...months.map(([m]) => c(`Thực hiện báo cáo chuyển đổi số ${m}`, 'header')),
  ]);
  const groups = scope(registry, 'II');
  const counted = showsCounts(registry, 'II');
  const mark = (u: Unit, p: Period): string => {
    const col = monthSpan(p);
    const same_ = (x: { period?: string | null }) => {
      const sp = x.period ? monthSpan(parsePeriod(x.period)) : null;
      return sp !== null && col !== null && sp.first === col.first && sp.last === col.last;
    };
    const s = subs.find((x) => same(x.unit, u) && same_(x));
    if (!s) {
      const sent = leftOut.filter((e) => e.unit === u.name && same_(e));
      // An empty template is not a report: no "X".
      if (sent.length && sent.every((e) => e.empty)) return 'Phiếu trống';
      return sent.length ? 'X (còn lỗi)' : '';
    }
    if (!p.end) return 'X (chưa hoàn thành)';
    const { state } = timeliness(s.completedAt, p.end, opts.deadlineDay);
    return state === 'unstamped' ? 'X (chưa hoàn thành)' : state === 'late' ? 'X (trễ hạn)' : 'X';
  };
  // A unit that did not exist in a month (formed later, merged away) owes no report for it: "—", not counted.
  const exists = (u: Unit, p: Period) => !p.end || existsDuring(u, isoDay(p.start), isoDay(p.end), registry.units);
  // Before it existed, a unit's row shows its former units' reports (counted for it), not as owed.
  const cellOf = (u: Unit, p: Period) => {
    const m = mark(u, p);
    if (exists(u, p)) return m;
    return m.startsWith('X') ? `${m} (đơn vị cũ)` : NOT_EXISTING;
  };
  let n = 0;
  groups.forEach(({ label, units: members }, gi) => {
    const counts = months.map(([, p]) => {
      const expected = members.filter((u) => exists(u, p));
      return `${expected.filter((u) => mark(u, p).startsWith('X')).length}/${expected.length}`;
    });
    // Without counts the group row is the seed's: "I  Sở, ban, ngành" and blank month cells.
    rows.push([
      c(roman(gi + 1), 'group'),
      c(counted ? `${label} (${members.length})` : label, 'group'),
      ...counts.map((k) => c(counted ? k : null, 'groupCount')),
    ]);
    for (const u of members)
      rows.push([c(`${++n}.`, 'text'), c(u.name, 'text'), ...months.map(([, p]) => c(cellOf(u, p), 'computedText'))]);
  });
  rows.push([], [c(matrixNote(rows.slice(top + 1), opts.deadlineDay), 'note')]);
  return sheet('Phụ lục II', rows, merges, [6, 40, ...months.map(() => 18)], top, 1);
}

/** The plan kinds of Phụ lục III, matched by kind (and year), not by exact text: units retype the names. */
const PLAN_KINDS = [
  { label: 'Kế hoạch chuyển đổi số', key: /chuyen doi so/ },
  { label: 'Kế hoạch ứng phó sự cố', key: /ung pho su co/ },
];

/** "Kế hoạch ứng phó sự cố năm 2023" (seed 001 Annex III); the bare kind without a year. */
const planTitle = (label: string, year: number | undefined) => (year ? `${label} năm ${year}` : label);

/** Does a T6a row's plan name say this kind, and not another year ("… năm 2022" is not 2023's plan)? */
function isPlan(text: unknown, kind: (typeof PLAN_KINDS)[number], year: number | undefined): boolean {
  const k = looseKey(String(text ?? ''));
  if (!kind.key.test(k)) return false;
  const named = /\b(19|20)\d{2}\b/.exec(k)?.[0];
  return !named || !year || Number(named) === year;
}

/** The unit's plan rows marked "X", by kind; the report each mark is read from. */
function planMarks(
  reports: Submission[],
  year: number | undefined,
): Map<string, { from: Submission; document: string }> {
  const out = new Map<string, { from: Submission; document: string }>();
  for (const kind of PLAN_KINDS)
    for (const s of reports) {
      const rows = s.read.tables.filter((t) => t.table === 'T6a').flatMap((t) => t.rows);
      const marked = (r: (typeof rows)[number]) => isMark(r.cells.issued ?? null);
      const row = rows.find((r) => isPlan(r.cells.plan, kind, year) && marked(r));
      if (!row) continue;
      out.set(kind.label, { from: s, document: String(row.cells.document ?? '').trim() });
      break;
    }
  return out;
}

/**
 * Phụ lục III: plans issued per unit ("X"), with "9/12"-style counts per group. Each unit's marks come from
 * its latest report of the year up to the range that marks them (a unit that skipped April keeps March's
 * marks), and the "Ghi chú" column says so when that report is an earlier one ("Theo báo cáo tháng 4/2023").
 */
export function plansMatrix(
  subs: Submission[],
  registry: Registry,
  opts: AnnexOptions & { range?: MonthSpan | null },
): SheetSpec {
  const plans = PLAN_KINDS.map((p) => p.label);
  const groups = scope(registry, 'III');
  const units = groups.flatMap((g) => g.units);
  const counted = showsCounts(registry, 'III');
  const range = opts.range ?? null;
  const ordered = latestFirst(subs, range);
  const marks = new Map(
    units.map((u) => [
      u,
      planMarks(
        ordered.filter((x) => same(x.unit, u)),
        opts.year,
      ),
    ]),
  );
  const issued = (u: Unit, plan: string): boolean => marks.get(u)!.has(plan);
  const note = (u: Unit): string => {
    const earlier = [...marks.get(u)!.entries()].filter(([, m]) => isEarlier(m.from, range));
    if (!earlier.length) return '';
    const from = [...new Set(earlier.map(([, m]) => reportWords(m.from)))];
    if (from.length === 1 && earlier.length === marks.get(u)!.size) return `Theo báo cáo ${from[0]}`;
    return earlier.map(([plan, m]) => `${planTitle(plan, opts.year)}: theo báo cáo ${reportWords(m.from)}`).join('; ');
  };
  // The "Ghi chú" column only when a mark comes from an earlier report: otherwise the seed's four columns.
  const noted = units.some((u) => note(u) !== '');
  const width = noted ? 5 : 4;
  const { rows, merges } = opening(
    'Phụ lục III',
    captionFor('Kết quả triển khai chuyển đổi số của các cơ quan, đơn vị, địa phương', opts.period),
    width,
    opts,
  );
  const top = rows.length;
  rows.push([
    c('STT', 'header'),
    c('Tên cơ quan, địa phương', 'header'),
    ...plans.map((p) => c(planTitle(p, opts.year), 'header')),
    ...(noted ? [c('Ghi chú', 'header')] : []),
  ]);
  let n = 0;
  groups.forEach(({ label, units: members }, gi) => {
    rows.push([
      c(roman(gi + 1), 'group'),
      c(label, 'group'),
      ...plans.map((p) =>
        c(counted ? `${members.filter((u) => issued(u, p)).length}/${members.length}` : null, 'groupCount'),
      ),
      ...(noted ? [c(null, 'group')] : []),
    ]);
    for (const u of members)
      rows.push([
        c(`${++n}.`, 'text'),
        c(u.name, 'text'),
        ...plans.map((p) => c(issued(u, p) ? 'X' : '', 'computedText')),
        ...(noted ? [c(note(u) || null, 'text')] : []),
      ]);
  });
  rows.push([], [c('Ghi chú: Dấu “X”: Đã thực hiện', 'note')]);
  return sheet('Phụ lục III', rows, merges, [6, 44, 22, 22, ...(noted ? [26] : [])], top, 1);
}
