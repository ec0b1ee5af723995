import { endOfMonth, formatDay, isoDay } from '../dates/date';
import { defaultCatalogue } from '../catalogue/catalogue';
import { NoPeriodError } from '../errors/errors';
import { Indicator } from '../catalogue/schema';
import { defaultMatcher, DEFAULT_REGISTRIES } from '../registry/default';
import { UnitMatcher } from '../registry/match';
import { existsDuring } from '../registry/history';
import { Registry, Unit } from '../registry/schema';
import { maxOf } from '../numbers/bounds';
import { formatNumber } from '../numbers/format';
import { Grid } from '../tables/read';
import { MasterConfig, readMaster } from '../templates/config-sheet';
import { ChartSpec, SheetSnapshot } from '../workbook/port';
import { MAX_CELL_TEXT } from '../workbook/render';
import { a1, SheetSpec } from '../workbook/sheet-spec';
import { ownedTable } from '../tables/owned-table';
import { achievementAnnex, AnnexOptions, chartSheet, kpiAnnex, sourcesSheet, unitTablesAnnex } from './annex';
import { projectAnnex, unlistedProjectWarnings } from './project-annex';
import { systemsAnnex } from './systems-annex';
import { plansMatrix, submissionMatrix } from './matrix';
import { MonthSpan, monthSpan, parsePeriod, spanWords } from '../dates/period';
import { monthList, overTime, spanOf, within } from './over-time';
import { DEFAULT_DEADLINE_DAY } from '../formulas/ontime';
import { collectExamined, Collected, describe, examine, Examined, SourceRef, Submission, unitKeyOf } from './collect';
import { AggregationOverrides, Figure, figuresOf } from './figures';
import { TidyRow, tidyRows, tidyRowsOf, tidySheet, TidyUnit, UnitFigures } from './tidy';
import { carriedSheet, carriedTables, overlapping } from './carried';
import { formersOf, mergedFormers } from './mergers';
import { consolidateKpis, KpiTable, rateOf } from './kpi';
import { projectRows, ProjectRow, projectTotals, statusCounts } from './projects';
import { FollowUp, followUp } from './follow-up';
import { withoutNotApplicable } from './not-applicable';

/** The sheets the product made: only these are ever replaced on a re-run. */
export const OWNED = ownedTable('SoHuu', 'DX_SoHuu', [
  { key: 'sheet', label: 'Trang tính do phần mềm tạo', width: 30 },
  { key: 'kind', label: 'Loại', width: 16 },
]);

export interface ConsolidateOptions {
  period?: string;
  includeErrors?: boolean;
  /** The units are matched against it when no `registry` is given (the built-in registries by default). */
  matcher?: UnitMatcher;
  /**
   * The secretariat's own registry: it replaces the built-in ones. Units are matched against it alone
   * (`matcher` is then not used), a unit outside it is reported as unknown and not consolidated, and its
   * units are the ones listed as missing. By default the built-in registry most included units belong to.
   */
  registry?: Registry;
  /**
   * Several registries of the secretariat's (a `registry --json` listing): chosen among as the built-in ones are
   * — units matched against them all, the one most included units belong to used. Not with `registry`.
   */
  registries?: Registry[];
  /**
   * The configuration the secretariat issued (its catalogue and rules, or its master DX_CauHinh grid):
   * every unit is validated by its rules, not by its own copy's, and consolidated with its catalogue.
   */
  master?: MasterConfig | Grid;
  catalogue?: Indicator[];
  /** The whole "(Kèm theo …)" line as written; it overrides the three fields below. */
  attachedTo?: string;
  /**
   * The report the annexes go with, for "(Kèm theo Báo cáo số 1372/BC-BCĐCĐS ngày 11/5/2023 của Ban Chỉ đạo
   * chuyển đổi số tỉnh Khánh Hòa)": number and symbol, date ("11/5/2023" or ISO), issuer; blanks when absent.
   */
  reportNo?: string;
  reportDate?: string;
  issuer?: string;
  deadlineDay?: number;
  /** The moment of the run, from the host: the core never reads the clock. */
  now?: Date;
}

export interface Consolidation {
  collected: Collected;
  /** The rows of DX_DuLieu and of `--tidy FILE.csv`. */
  tidy: TidyRow[];
  missing: string[];
  kpi: KpiTable;
  projects: ProjectRow[];
  sheets: SheetSpec[];
  /** The bar chart hosts with charts draw over the "Biểu đồ" sheet. */
  chart: ChartSpec | null;
  summary: ReturnType<typeof summaryOf>;
  /** The range consolidated; null when nothing was received nor asked. */
  range: MonthSpan | null;
  /** Every report included, of any month: states (plans, systems) are read from each unit's latest. */
  reports: Submission[];
  /** The catalogue consolidated with (the master's, else the built-in one): its targets are the report's too. */
  catalogue: Indicator[];
}

function summaryOf(
  collected: Collected,
  missing: string[],
  kpi: KpiTable,
  catalogue: Indicator[],
  projects: ProjectRow[],
  registry: { name: string; code: string; units: number; given: boolean } | null,
  configuration: 'master' | 'built-in',
  period: string | null,
  follow: FollowUp,
) {
  return {
    /** Late and unstamped reports of the range, and the units that sent nothing with whom to call. */
    ...follow,
    /** The range consolidated, in words ("9 tháng năm 2023"); null when nothing was received nor asked. */
    period,
    /** Whose rules and targets validated the units: the secretariat's master, or the built-in template's. */
    configuration,
    /** The registry units were matched against and missing ones listed from: the secretariat's, or a built-in one. */
    registry,
    included: collected.included.map((s) => ({
      unit: s.unit.name,
      code: s.unit.code,
      source: describe(s.source),
      period: s.period,
      completedAt: s.completedAt,
    })),
    excluded: collected.excluded.map((e) => ({ unit: e.unit, source: describe(e.source), reason: e.reason })),
    missing,
    warnings: collected.warnings,
    indicators: kpi.codes.map((code) => {
      const s = kpi.total.get(code)!;
      return {
        code,
        name: catalogue.find((i) => i.code === code)!.name,
        numerator: s.numerator,
        denominator: s.denominator,
        rate: rateOf(s),
        units: s.units,
      };
    }),
    projects: { count: projects.length, ...projectTotals(projects), statuses: statusCounts(projects) },
  };
}

function yearOfRun(now: Date | undefined): number {
  if (!now) throw new NoPeriodError();
  return now.getFullYear();
}

/**
 * Consolidates unit workbooks into the annexes: validated sources, one
 * submission per unit, sums of counts, rates from the sums. Pure: the sources
 * are only read; the result is the sheets to write.
 */
export function consolidate(
  sources: Array<{ source: SourceRef; sheets: SheetSnapshot[] }>,
  opts: ConsolidateOptions = {},
): Consolidation {
  const ctx = unitContext(opts);
  return consolidateExamined(
    sources.map((s) => examine(s, ctx)),
    opts,
    ctx,
  );
}

/** Whom units are matched against and whose rules decide: built once, the same in the caller and in workers. */
export interface UnitContext {
  /** The secretariat's registry, each unit with its parent. */
  given?: Registry;
  /** The registries chosen among when none is given: the secretariat's listing, else the built-in ones. */
  pool: Registry[];
  /** The secretariat's registries, given or listed, whose word on "Không áp dụng" wins over the covers'. */
  decides: Registry[];
  formers: ReturnType<typeof formersOf> | null;
  matcher: UnitMatcher;
  master?: MasterConfig;
  catalogue: Indicator[];
}

export function unitContext(
  opts: Pick<ConsolidateOptions, 'registry' | 'registries' | 'matcher' | 'master' | 'catalogue'>,
): UnitContext {
  // The secretariat's registry replaces the built-in ones: units outside it are unknown, not consolidated.
  const given = opts.registry ? withParent(opts.registry) : undefined;
  // Today's registry names the former units each unit was formed from: their reports count for it.
  const formers = given ? formersOf(given) : null;
  const pool = opts.registries?.map(withParent) ?? DEFAULT_REGISTRIES;
  const matcher = given
    ? new UnitMatcher(formers ? [given, formers.registry] : [given])
    : opts.registries
      ? new UnitMatcher(pool)
      : (opts.matcher ?? defaultMatcher());
  const master =
    opts.master === undefined ? undefined : Array.isArray(opts.master) ? readMaster(opts.master) : opts.master;
  const catalogue = opts.catalogue ?? master?.catalogue ?? defaultCatalogue();
  const decides = given ? [given] : opts.registries ? pool : [];
  return { given, pool, decides, formers, matcher, master, catalogue };
}

/**
 * `consolidate` over sources already examined (`examine`, with a context equal to `ctx`): what a reader that
 * lets each workbook go once read, or a pool of workers, hands over. The order of `examined` is the order of
 * the sources, and decides the result as it does in `consolidate`.
 */
export function consolidateExamined(
  examined: Examined[],
  opts: ConsolidateOptions = {},
  ctx: UnitContext = unitContext(opts),
): Consolidation {
  const { given, pool, decides, formers, matcher, master, catalogue } = ctx;
  const collectedAll = collectExamined(examined, {
    matcher,
    includeErrors: opts.includeErrors,
    master,
    formerOf: formers?.of,
  });
  const all = withoutOverlap(mergeFormers(withoutNotApplicable(collectedAll, decides), catalogue));
  // The range consolidated: the one asked for, else the latest one received.
  const range = opts.period ? monthSpan(parsePeriod(opts.period)) : latestSpan(all);
  const label = range ? spanWords(range) : null;
  const collected = selectRange(all, range, label, catalogue, master?.aggregations);
  const leftOut = all.excluded.flatMap((e) => (e.unit ? [matcher.match(e.unit).unit] : []));
  const parents = [...all.included.map((s) => s.unit), ...leftOut].flatMap((u) => (u ? [u.parent ?? u.code] : []));
  const registry = given ?? pool.find((r) => r.code === mostCommon(parents));
  // Units whose report was left out did send one: they are not "missing".
  const done = new Set([
    ...collected.included.flatMap((s) => [s.unit.code, s.unit.name]),
    ...collected.excluded.map((e) => e.unit ?? ''),
  ]);
  // A unit that did not exist during the range (formed later, merged away) is not missing.
  const during = (u: Unit) => !range || existsDuring(u, isoMonth(range.first, false), isoMonth(range.last, true));
  const missing = registry
    ? registry.units
        .filter((u) => u.parent === registry.code && !done.has(u.code) && !done.has(u.name) && during(u))
        .map((u) => u.name)
    : [];
  const kpi = consolidateKpis(collected.included, catalogue);
  const projects = projectRows(collected.included, registry);
  // Nothing received and no period asked: the year the run is made in.
  const year = range ? Math.floor(range.last / 12) : yearOfRun(opts.now);
  // Every annex: its title ends in the range in words, its "(Kèm theo …)" line names the report.
  const annexOpts: AnnexOptions = {
    attachedTo: opts.attachedTo,
    reportNo: opts.reportNo,
    reportDate: opts.reportDate,
    issuer: opts.issuer,
    period: label ?? opts.period,
    year,
  };
  const sheets = [
    kpiAnnex(kpi, catalogue, annexOpts, registry),
    ...(registry
      ? [
          submissionMatrix(
            all.included,
            registry,
            { ...annexOpts, deadlineDay: opts.deadlineDay ?? DEFAULT_DEADLINE_DAY, range },
            all.excluded,
          ),
          // Plans issued are a state: each unit's latest report of the year up to the range says them.
          plansMatrix(all.included, registry, { ...annexOpts, range }),
        ]
      : []),
    projectAnnex(
      'Phụ lục IV',
      'Danh mục các dự án/nhiệm vụ CNTT, chuyển đổi số sử dụng vốn đầu tư',
      projects.filter((p) => p.fundKind === 'Vốn đầu tư'),
      annexOpts,
    ),
    projectAnnex(
      'Phụ lục V',
      'Danh mục các dự án/nhiệm vụ CNTT, chuyển đổi số sử dụng vốn sự nghiệp',
      projects.filter((p) => p.fundKind === 'Vốn sự nghiệp'),
      annexOpts,
    ),
    achievementAnnex(
      kpi,
      catalogue,
      year,
      annexOpts,
      range ? formatDay(endOfMonth(year, (range.last % 12) + 1)) : null,
    ),
    unitTablesAnnex(collected.included, annexOpts, registry),
    // Information systems are a state too: read from each unit's latest report of the year up to the range.
    systemsAnnex(all.included, { ...annexOpts, range }),
    // A project of no annex (no classifiable fund kind) is said at its cell in the warnings.
    ...unlistedProjectWarnings(projects, collected.warnings),
    sourcesSheet(collected, missing, annexOpts),
  ];
  const chart = chartSheet(kpi, catalogue);
  if (chart) sheets.push(chart.sheet);
  // One row per unit × period × figure: the tidy export, and what a province reads back from this workbook.
  // Each unit's figures are made as its rows are, for DX_DuLieu and again for whoever asks for `tidy` (the CSV,
  // the Word report): never all units' figures and rows held at once (issue 15).
  const units = range ? collected.included.flatMap((s) => unitFigures(s, range, catalogue, master?.aggregations)) : [];
  let tidy: TidyRow[] | undefined;
  sheets.push(tidySheet(tidyRowsOf(units)));
  if (registry && label) {
    const self = registry.units.find((u) => u.code === registry.code);
    sheets.push(carriedSheet({ name: self?.name ?? registry.name, code: registry.code }, label, kpi.byUnit.length));
  }
  for (const w of [...leftOutFigures(collected), ...longTexts(sheets)]) collected.warnings.push(w);
  const owned = [
    ...sheets,
    OWNED.write(sheets.map((s) => ({ sheet: s.name, kind: s.name.startsWith('Phụ lục') ? 'Phụ lục' : 'Truy nguồn' }))),
  ];
  return {
    range,
    reports: all.included,
    catalogue,
    collected,
    missing,
    get tidy() {
      return (tidy ??= tidyRows(units));
    },
    kpi,
    projects,
    sheets: owned,
    chart: chart?.chart ?? null,
    summary: summaryOf(
      collected,
      missing,
      kpi,
      catalogue,
      projects,
      registry
        ? {
            name: registry.name,
            code: registry.code,
            units: registry.units.filter((u) => u.parent === registry.code).length,
            given: Boolean(given || opts.registries),
          }
        : null,
      master ? 'master' : 'built-in',
      label,
      followUp(all.included, range, opts.deadlineDay ?? DEFAULT_DEADLINE_DAY, missing, registry),
    ),
  };
}

/**
 * The latest range received: among the reports ending last, the span most of them have (a month, or a
 * 6- or 9-month report when units sent those); the left-out reports when none is included.
 */
function latestSpan(all: Collected): MonthSpan | null {
  for (const list of [all.included, all.excluded]) {
    const spans = list.map((s) => spanOf({ period: s.period ?? null })).filter((x): x is MonthSpan => x !== null);
    if (!spans.length) continue;
    const last = maxOf(
      spans.map((x) => x.last),
      0,
    );
    const ending = spans.filter((x) => x.last === last).map((x) => `${x.first}:${x.last}`);
    const [first] = mostCommon(ending)!.split(':').map(Number);
    return { first, last };
  }
  return null;
}

/**
 * The reports of the range, one per unit: a unit's reports inside it combined by each figure's aggregation
 * type (overTime). A unit missing months is said, with the flows summed over fewer months.
 */
function selectRange(
  all: Collected,
  range: MonthSpan | null,
  label: string | null,
  catalogue: Indicator[],
  overrides?: AggregationOverrides,
): Collected {
  if (!range || !label) return { ...all, included: [], excluded: all.excluded.filter((e) => !e.period) };
  const byUnit = new Map<string, Submission[]>();
  for (const s of all.included) byUnit.set(unitKeyOf(s.unit), [...(byUnit.get(unitKeyOf(s.unit)) ?? []), s]);
  const included: Submission[] = [];
  const warnings = [...all.warnings];
  for (const subs of byUnit.values()) {
    const ot = overTime(subs, range, catalogue, label, subs, overrides);
    if (!ot) continue;
    included.push(ot.submission);
    if (!ot.missing.length && !ot.short.length) continue;
    const name = ot.submission.unit.name;
    const months = ot.missing.length
      ? `chưa có báo cáo được tổng hợp của tháng ${monthList(ot.missing)}`
      : 'thiếu số liệu';
    // Said by table: a unit short of a month is short of every flow it reports.
    const tables = [...new Set(ot.short.map((k) => (/^[A-Z]+\.[0-9A-Z]+ /.test(k) ? 'T1' : k.split(' ')[0])))];
    warnings.push(
      ot.short.length
        ? `${name}: ${months}; ${formatNumber(ot.short.length)} số liệu cộng dồn chưa đủ các tháng ` +
            `(bảng ${tables.join(', ')}).`
        : `${name}: ${months}.`,
    );
  }
  // Reports left out for another period are that period's business, not this annex's.
  const excluded = all.excluded.filter((e) => {
    const span = e.period ? spanOf({ period: e.period }) : null;
    return !e.period || (span !== null && within(span, range));
  });
  return { included, excluded, warnings };
}

/**
 * Reports of former units merged into one unit of today, for one period, become one report of that unit: each
 * figure the sum over them (as a city's units). Said, with the names; an own report of the unit wins.
 */
function mergeFormers(all: Collected, catalogue: Indicator[]): Collected {
  const groups = new Map<string, Submission[]>();
  const included: Submission[] = [];
  const warnings = [...all.warnings];
  for (const s of all.included) {
    const span = spanOf(s);
    if (!s.formerName || !span) {
      included.push(s);
      continue;
    }
    const key = `${unitKeyOf(s.unit)}\u0000${span.first}:${span.last}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const subs of groups.values()) {
    const span = spanOf(subs[0])!;
    const names = subs.map((x) => x.formerName).join(', ');
    const own = included.find((x) => unitKeyOf(x.unit) === unitKeyOf(subs[0].unit) && sameSpan(spanOf(x), span));
    if (own) {
      warnings.push(
        `${own.unit.name}: đã có báo cáo ${spanWords(span)} của chính đơn vị; ` +
          `không cộng thêm báo cáo của đơn vị cũ ${names}.`,
      );
      continue;
    }
    const unit = subs[0].unit;
    included.push(
      mergedFormers(subs, (xs) =>
        carriedTables(
          xs.map((x) => ownFigures(x, span, catalogue)),
          xs[0].read.tables[0]?.sheet ?? '',
          unit.name,
        ),
      ),
    );
    warnings.push(
      `${unit.name}: số liệu ${spanWords(span)} cộng từ báo cáo của đơn vị cũ ${names} ` +
        `(đã sáp nhập vào ${unit.name}).`,
    );
  }
  return { ...all, included, warnings };
}

const sameSpan = (a: MonthSpan | null, b: MonthSpan) => a !== null && a.first === b.first && a.last === b.last;

/**
 * A unit sent directly and also inside a city's consolidation is counted once, from its own report: the
 * city's figures are summed again without it, and the overlap is said. A city left with no unit is left out.
 */
function withoutOverlap(all: Collected): Collected {
  const direct = all.included.filter((s) => !s.carried).map((s) => s.unit);
  const included: Submission[] = [];
  const excluded = [...all.excluded];
  const warnings = [...all.warnings];
  for (const s of all.included) {
    const both = s.carried ? overlapping(s.carried.units, direct) : [];
    if (!s.carried || !both.length) {
      included.push(s);
      continue;
    }
    const names = both.map((u) => u.unit.name).join(', ');
    const rest = s.carried.units.filter((u) => !both.includes(u));
    if (!rest.length) {
      excluded.push({
        source: s.source,
        unit: s.unit.name,
        period: s.period,
        reason: `Mọi đơn vị trong phụ lục tổng hợp này đã nộp trực tiếp (${names}): không tính hai lần.`,
      });
      continue;
    }
    warnings.push(
      `${s.unit.name} (${describe(s.source)}): ${names} có trong phụ lục của ${s.unit.name} và cũng nộp trực ` +
        'tiếp: chỉ tính một lần, theo bản nộp trực tiếp.',
    );
    included.push({
      ...s,
      read: { ...s.read, tables: carriedTables(rest, s.read.tables[0]?.sheet ?? '', s.unit.name) },
      carried: { units: rest },
    });
  }
  return { included, excluded, warnings };
}

/** The first (or last) day of a month number, as an ISO date. */
function isoMonth(k: number, end: boolean): string {
  const y = Math.floor(k / 12);
  const m = (k % 12) + 1;
  return isoDay(end ? endOfMonth(y, m) : { y, m, d: 1 });
}

/** The level a unit reports at, from its group (the tidy export's `level`). */
const LEVEL: Record<string, string> = {
  'co-quan-chuyen-mon': 'cap-huyen',
  'don-vi-su-nghiep': 'cap-huyen',
  'ubnd-huyen': 'cap-huyen',
  'ubnd-xa-phuong': 'cap-xa',
  'so-ban-nganh': 'cap-tinh',
  'cap-tinh': 'cap-tinh',
};

/**
 * A unit's figures over the range, with the reports they come from (a combined figure names no one cell); a
 * city's carried consolidation gives its units' rows, each traceable to the city's annex.
 */
function unitFigures(
  sub: Submission,
  range: MonthSpan,
  catalogue: Indicator[],
  overrides?: AggregationOverrides,
): TidyUnit[] {
  if (sub.carried) return sub.carried.units.map((u) => ({ ...u, source: `${describe(sub.source)} → ${u.source}` }));
  return [ownUnit(sub, range, catalogue, overrides)];
}

/** A unit's own report as the export takes it; its figures read from the report when its rows are made. */
function ownUnit(
  sub: Submission,
  range: MonthSpan,
  catalogue: Indicator[],
  overrides?: AggregationOverrides,
): TidyUnit & { figures: () => Figure[] } {
  const combined = (sub.tiles?.length ?? 1) > 1;
  return {
    unit: { code: sub.unit.code, name: sub.unit.name, group: sub.unit.group, level: LEVEL[sub.unit.group] ?? '' },
    period: { start: isoMonth(range.first, false), end: isoMonth(range.last, true) },
    source: (sub.tiles ?? [sub.source]).map(describe).join('; '),
    figures: () => figuresOf(sub, catalogue, overrides).map((f) => (combined ? { ...f, sheet: '', cell: '' } : f)),
  };
}

function ownFigures(
  sub: Submission,
  range: MonthSpan,
  catalogue: Indicator[],
  overrides?: AggregationOverrides,
): UnitFigures {
  const u = ownUnit(sub, range, catalogue, overrides);
  return { ...u, figures: u.figures() };
}

/** A registry's units without a parent are its own (a JSON registry need not say so). */
function withParent(r: Registry): Registry {
  // The registry's own body ("UBND thành phố Cam Ranh", code = the registry's) consolidates; it does not report.
  return { ...r, units: r.units.map((u) => (u.parent || u.code === r.code ? u : { ...u, parent: r.code })) };
}

/**
 * Figures of included units (with `includeErrors`) that no total holds: counts above the plausibility
 * bound and formula cells without a result. Each is said with its unit and cell, never dropped silently.
 */
function leftOutFigures(collected: Collected): string[] {
  const out: string[] = [];
  for (const s of collected.included)
    for (const i of s.issues)
      if (i.rule === 'SO-QUA-LON' || i.rule === 'CONG-THUC-CHUA-TINH')
        out.push(`${s.unit.name}: ${i.sheet}!${i.cell} không được cộng vào tổng hợp (${i.message})`);
  return out;
}

/** Cells longer than a spreadsheet holds: the writer cuts them (with "…"); the warning says where. */
function longTexts(sheets: SheetSpec[]): string[] {
  const out: string[] = [];
  for (const sh of sheets)
    sh.rows.forEach((row, r) =>
      row.forEach((cell, col) => {
        if (typeof cell?.v === 'string' && cell.v.length > MAX_CELL_TEXT)
          out.push(
            `${sh.name}!${a1(r, col)}: nội dung dài ${formatNumber(cell.v.length)} ký tự, quá giới hạn ` +
              `${formatNumber(MAX_CELL_TEXT)} ký tự của một ô; đã cắt bớt (“…”).`,
          );
      }),
    );
  return out;
}

function mostCommon(xs: string[]): string | undefined {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}
