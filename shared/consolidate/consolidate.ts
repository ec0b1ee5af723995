import { endOfMonth, formatDay } from '../dates/date';
import { defaultCatalogue } from '../catalogue/catalogue';
import { NoPeriodError } from '../errors/errors';
import { Indicator } from '../catalogue/schema';
import { defaultMatcher, DEFAULT_REGISTRIES } from '../registry/default';
import { UnitMatcher } from '../registry/match';
import { Registry } from '../registry/schema';
import { maxOf } from '../numbers/bounds';
import { formatNumber } from '../numbers/format';
import { Grid } from '../tables/read';
import { MasterConfig, readMaster } from '../templates/config-sheet';
import { ChartSpec, SheetSnapshot } from '../workbook/port';
import { MAX_CELL_TEXT } from '../workbook/render';
import { a1, SheetSpec } from '../workbook/sheet-spec';
import { ownedTable } from '../tables/owned-table';
import { achievementAnnex, chartSheet, kpiAnnex, projectAnnex, sourcesSheet, unitTablesAnnex } from './annex';
import { plansMatrix, submissionMatrix } from './matrix';
import { parsePeriod } from '../dates/period';
import { DEFAULT_DEADLINE_DAY } from '../formulas/ontime';
import { collect, Collected, describe, SourceRef } from './collect';
import { consolidateKpis, KpiTable, rateOf } from './kpi';
import { projectRows, ProjectRow, projectTotals, statusCounts } from './projects';

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
   * The configuration the secretariat issued (its catalogue and rules, or its master DX_CauHinh grid):
   * every unit is validated by its rules, not by its own copy's, and consolidated with its catalogue.
   */
  master?: MasterConfig | Grid;
  catalogue?: Indicator[];
  attachedTo?: string;
  deadlineDay?: number;
  /** The moment of the run, from the host: the core never reads the clock. */
  now?: Date;
}

export interface Consolidation {
  collected: Collected;
  missing: string[];
  kpi: KpiTable;
  projects: ProjectRow[];
  sheets: SheetSpec[];
  /** The bar chart hosts with charts draw over the "Biểu đồ" sheet. */
  chart: ChartSpec | null;
  summary: ReturnType<typeof summaryOf>;
}

function summaryOf(
  collected: Collected,
  missing: string[],
  kpi: KpiTable,
  catalogue: Indicator[],
  projects: ProjectRow[],
  registry: { name: string; code: string; units: number; given: boolean } | null,
  configuration: 'master' | 'built-in',
) {
  return {
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
  // The secretariat's registry replaces the built-in ones: units outside it are unknown, not consolidated.
  const given = opts.registry ? withParent(opts.registry) : undefined;
  const matcher = given ? new UnitMatcher([given]) : (opts.matcher ?? defaultMatcher());
  const master =
    opts.master === undefined ? undefined : Array.isArray(opts.master) ? readMaster(opts.master) : opts.master;
  const catalogue = opts.catalogue ?? master?.catalogue ?? defaultCatalogue();
  const all = collect(sources, { matcher, includeErrors: opts.includeErrors, master });
  // The period consolidated: the one asked for, else the latest one received.
  const month = (p: string | null) => {
    const x = p ? parsePeriod(p) : null;
    return x ? x.start.y * 100 + x.start.m : 0;
  };
  // Nothing included: the latest period of the reports left out, so they are still said.
  const chosen = opts.period
    ? month(opts.period)
    : maxOf(
        all.included.map((s) => month(s.period)),
        0,
      ) ||
      maxOf(
        all.excluded.map((e) => month(e.period ?? null)),
        0,
      );
  // Reports left out for another month are that month's business, not this annex's.
  const collected: Collected = {
    ...all,
    included: all.included.filter((s) => month(s.period) === chosen),
    excluded: all.excluded.filter((e) => !e.period || month(e.period) === chosen),
  };
  const leftOut = all.excluded.flatMap((e) => (e.unit ? [matcher.match(e.unit).unit] : []));
  const parents = [...all.included.map((s) => s.unit), ...leftOut].flatMap((u) => (u ? [u.parent ?? u.code] : []));
  const registry = given ?? DEFAULT_REGISTRIES.find((r) => r.code === mostCommon(parents));
  // Units whose report was left out did send one: they are not "missing".
  const done = new Set([
    ...collected.included.flatMap((s) => [s.unit.code, s.unit.name]),
    ...collected.excluded.map((e) => e.unit ?? ''),
  ]);
  const missing = registry
    ? registry.units
        .filter((u) => u.parent === registry.code && !done.has(u.code) && !done.has(u.name))
        .map((u) => u.name)
    : [];
  const kpi = consolidateKpis(collected.included, catalogue);
  const projects = projectRows(collected.included);
  const annexOpts = { attachedTo: opts.attachedTo, period: opts.period };
  // Nothing received and no period asked: the year the run is made in.
  const year = Math.floor(chosen / 100) || yearOfRun(opts.now);
  const sheets = [
    kpiAnnex(kpi, catalogue, annexOpts),
    ...(registry
      ? [
          submissionMatrix(
            all.included,
            registry,
            { attachedTo: opts.attachedTo, deadlineDay: opts.deadlineDay ?? DEFAULT_DEADLINE_DAY },
            all.excluded,
          ),
          plansMatrix(collected.included, registry, { attachedTo: opts.attachedTo, year }),
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
    achievementAnnex(kpi, catalogue, year, annexOpts, chosen ? formatDay(endOfMonth(year, chosen % 100)) : null),
    unitTablesAnnex(collected.included, annexOpts),
    sourcesSheet(collected, missing),
  ];
  const chart = chartSheet(kpi, catalogue);
  if (chart) sheets.push(chart.sheet);
  for (const w of [...leftOutFigures(collected), ...longTexts(sheets)]) collected.warnings.push(w);
  const owned = [
    ...sheets,
    OWNED.write(sheets.map((s) => ({ sheet: s.name, kind: s.name.startsWith('Phụ lục') ? 'Phụ lục' : 'Truy nguồn' }))),
  ];
  return {
    collected,
    missing,
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
            given: Boolean(given),
          }
        : null,
      master ? 'master' : 'built-in',
    ),
  };
}

/** A registry's units without a parent are its own (a JSON registry need not say so). */
function withParent(r: Registry): Registry {
  return { ...r, units: r.units.map((u) => (u.parent ? u : { ...u, parent: r.code })) };
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
