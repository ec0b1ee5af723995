import { dayOrdinal } from '../dates/date';
import { parsePeriod, periodText } from '../dates/period';
import { parseStamp, stampLabel, unknownUnit } from '../messages/wording';
import { UnitWorkbookRead } from '../reading/unit-workbook';
import { tooLongToMatch, UnitMatcher } from '../registry/match';
import { Registry, Unit } from '../registry/schema';
import { shortText } from '../text/invisible';
import { toneKey } from '../text/fold';
import { MasterConfig } from '../templates/config-sheet';
import { Issue } from '../validation/issue';
import { validateSheets } from '../validation/validate';
import { Carried, carriedSubmission, readCarried } from './carried';
import type { UnitFigures } from './tidy';
import { SheetSnapshot } from '../workbook/port';

/** Where a unit's figures came from: a file, a sheet, a spreadsheet. */
export interface SourceRef {
  file?: string;
  spreadsheet?: string;
  sheets?: string[];
}

export interface Submission {
  source: SourceRef;
  unit: Unit;
  period: string | null;
  completedAt: string | null;
  version: string | null;
  read: UnitWorkbookRead;
  issues: Issue[];
  /** A report combined over several months (overTime): the reports it was made of, in time order. */
  tiles?: SourceRef[];
  /** The report of a former unit merged into `unit` ("Phường Lộc Thọ" for Phường Nha Trang). */
  formerName?: string;
  /** A lower level's consolidation (a city's annex workbook): the units it holds, each with its figures. */
  carried?: { units: UnitFigures[] };
  /** The indicators that do not apply to the unit ("Không áp dụng"): their rows were taken out of `read`. */
  notApplicable?: string[];
}

export interface Excluded {
  source: SourceRef;
  unit: string | null;
  reason: string;
  /** The period the left-out report was for, when it says. */
  period?: string | null;
  /** Its problems, for the report's issue table. */
  issues?: Issue[];
  /** Not a report at all: an empty template, or a workbook without any recognised table. */
  empty?: boolean;
}

export interface Collected {
  included: Submission[];
  excluded: Excluded[];
  warnings: string[];
}

export interface CollectOptions {
  matcher: UnitMatcher;
  /** Units whose workbook still has errors are left out unless the user includes them. */
  includeErrors?: boolean;
  /** The secretariat's configuration: its rules and catalogue decide, not each unit's copy. */
  master?: MasterConfig;
  /**
   * A former unit (as the matcher found it) → the unit of today it was merged into (issue 12): its reports
   * count for that unit.
   * `partial`: only part of it went there, and its figures cannot be divided.
   */
  formerOf?: (matched: Unit) => { unit: Unit; partial: boolean } | null;
}

/** Issues that say a workbook holds no report: never consolidated, even with `includeErrors`. */
const NOT_A_REPORT = new Set(['PHIEU-TRONG', 'KHONG-CO-BANG']);

const text = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v).trim());

/** "10/07/2023 09:30" → a sortable number; unstamped reports sort first. */
function stampOrder(s: string | null): number {
  const stamp = s ? parseStamp(s) : null;
  return stamp ? dayOrdinal(stamp.day) * 1e4 + stamp.hour * 100 + stamp.minute : 0;
}

/**
 * One source as the core keeps it once read: a lower level's carried consolidation, or the unit's validated
 * report. Plain data (it crosses to and from worker threads); the sheets themselves are let go.
 */
export type Examined =
  { source: SourceRef; carried: Carried } | { source: SourceRef; report: { read: UnitWorkbookRead; issues: Issue[] } };

/** What one source is, read and validated by the rules that decide (the master's when given). */
export function examine(
  s: { source: SourceRef; sheets: SheetSnapshot[] },
  opts: Pick<CollectOptions, 'matcher' | 'master'> & { decides?: readonly Registry[] },
): Examined {
  const carried = readCarried(s.sheets);
  if (carried) return { source: s.source, carried };
  // Every period is collected (the submission matrix needs them all); the caller picks the one to consolidate.
  // The secretariat's registry says what does not apply to the unit (issue 16), whatever its cover recorded.
  const { read, issues } = validateSheets(s.sheets, {
    matcher: opts.matcher,
    master: opts.master,
    ...(opts.decides?.length ? { registry: opts.decides } : {}),
  });
  return { source: s.source, report: { read, issues } };
}

/**
 * Validates each source, matches its unit through the registry (an unknown
 * unit is reported, never added) and keeps one submission per unit: the
 * latest completed one, with a warning.
 */
export function collect(
  sources: Array<{ source: SourceRef; sheets: SheetSnapshot[] }>,
  opts: CollectOptions,
): Collected {
  return collectExamined(
    sources.map((s) => examine(s, opts)),
    opts,
  );
}

/** `collect` over sources already examined (in worker threads, or one at a time as they are read). */
export function collectExamined(examined: Iterable<Examined>, opts: CollectOptions): Collected {
  const out: Collected = { included: [], excluded: [], warnings: [] };
  const byUnit = new Map<string, Submission>();
  const carriedSubs: Submission[] = [];
  for (const s of examined) {
    const carried = 'carried' in s ? s.carried : null;
    if (carried) {
      // A lower level's annex workbook: the city is one unit, its figures the sums of its units'.
      const m = opts.matcher.match(carried.unit, carried.code || undefined);
      const first = carried.errors[0];
      if (!m.unit || first)
        out.excluded.push({
          source: s.source,
          unit: m.unit?.name ?? shortText(carried.unit),
          period: carried.period,
          reason: first
            ? `Phụ lục tổng hợp có ${carried.errors.length} dòng sai (đầu tiên: ${first.cell} ${first.message}).`
            : unknownUnit(shortText(carried.unit), m.suggestions[0]),
        });
      else if (!m.unit.parent)
        // The annex of this level itself (a former run's output left in the folder): never a source of it.
        out.excluded.push({
          source: s.source,
          unit: m.unit.name,
          period: carried.period,
          reason:
            `Phụ lục do dx-report tạo cho chính ${m.unit.name} (lần chạy trước), ` +
            'không phải phiếu báo cáo: bỏ qua.',
        });
      else carriedSubs.push(carriedSubmission(carried, m.unit, s.source));
      continue;
    }
    if (!('report' in s)) continue;
    const report = s.report;
    const cover = report.read.cover;
    const written = text(cover.unit?.value);
    const blank = report.issues.find((i) => NOT_A_REPORT.has(i.rule));
    if (!written) {
      out.excluded.push({
        source: s.source,
        unit: null,
        reason: blank?.message ?? 'Không có tên đơn vị báo cáo (thông tin chung).',
        ...(blank ? { empty: true, issues: report.issues } : {}),
      });
      continue;
    }
    // The official code on the cover wins over the name (issue 12); a name that says otherwise is said.
    const code = text(cover.unitCode?.value) ?? undefined;
    const m = opts.matcher.match(written, code);
    if (m.unit && m.byCode && m.nameDiffers)
      out.warnings.push(
        `${describe(s.source)}: mã đơn vị ${shortText(code ?? '')} là của ${m.unit.name}, ` +
          `nhưng tên ghi “${shortText(written)}”: tính cho ${m.unit.name} theo mã.`,
      );
    const former = m.unit ? (opts.formerOf?.(m.unit) ?? null) : null;
    if (former?.partial) {
      out.excluded.push({
        source: s.source,
        unit: shortText(written),
        period: periodText(cover.period?.value),
        reason:
          `${shortText(written)} là đơn vị cũ, chỉ một phần nhập vào ${former.unit.name}: ` +
          'không chia được số liệu, không tổng hợp.',
      });
      continue;
    }
    if (former) m.unit = former.unit;
    if (!m.unit) {
      // The name as written, short and without invisible characters; a name too long to compare says so.
      const shown = shortText(written);
      out.excluded.push({
        source: s.source,
        unit: shown,
        reason: m.tooLong
          ? `${unknownUnit(shown)} ${tooLongToMatch(written.length)}`
          : unknownUnit(shown, m.suggestions[0]),
      });
      continue;
    }
    const period = periodText(cover.period?.value);
    if (blank) {
      out.excluded.push({
        source: s.source,
        unit: m.unit.name,
        period,
        issues: report.issues,
        empty: true,
        reason: `${blank.message} Không phải là một báo cáo.`,
      });
      continue;
    }
    const errors = report.issues.filter((i) => i.severity === 'loi');
    if (errors.length && !opts.includeErrors) {
      out.excluded.push({
        source: s.source,
        unit: m.unit.name,
        period,
        issues: report.issues,
        reason: `Còn ${errors.length} lỗi (đầu tiên: ${errors[0].sheet}!${errors[0].cell} ${errors[0].message}).`,
      });
      continue;
    }
    const sub: Submission = {
      ...(former ? { formerName: shortText(written) } : {}),
      source: s.source,
      unit: m.unit,
      period,
      completedAt: stampLabel(cover.completedAt?.value),
      version: text(cover.version?.value),
      read: report.read,
      issues: report.issues,
    };
    const p = period ? parsePeriod(period) : null;
    // One slot per unit and month: the unit by its registry, code and name together, so two units that
    // share a code (a registry read without its checks) never take each other's place.
    // Former units merged into one: each keeps its own slot, their figures are added up later.
    const unitKey = `${unitKeyOf(m.unit)}${former ? `\u0000${toneKey(written)}` : ''}`;
    // A 9-month report (January to September) and January's report are two slots, never one.
    const end = p?.end ? `-${p.end.y}-${p.end.m}` : '';
    const slot = `${unitKey}\u0000${p ? `${p.start.y}-${p.start.m}${end}` : (period ?? '')}`;
    const prev = byUnit.get(slot);
    if (prev) {
      const keep = stampOrder(sub.completedAt) >= stampOrder(prev.completedAt) ? sub : prev;
      const drop = keep === sub ? prev : sub;
      out.warnings.push(
        `${m.unit.name} nộp hai lần: dùng bản ${describe(keep.source)} ` +
          `(hoàn thành ${keep.completedAt ?? 'chưa ghi'}), bỏ bản ${describe(drop.source)}.`,
      );
      out.excluded.push({
        source: drop.source,
        unit: m.unit.name,
        period: drop.period,
        reason: 'Bản nộp cũ hơn của cùng đơn vị, cùng kỳ.',
      });
      byUnit.set(slot, keep);
    } else byUnit.set(slot, sub);
  }
  out.included = [...byUnit.values(), ...carriedSubs];
  return out;
}

/** A unit by its registry, code and name together: two units sharing a code never take each other's place. */
export const unitKeyOf = (u: Unit) => [u.parent ?? '', u.code, u.name].join('\u0000');

export function describe(s: SourceRef): string {
  return s.file ?? s.spreadsheet ?? (s.sheets ?? []).join(', ');
}
