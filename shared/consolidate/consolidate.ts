import { endOfMonth, formatDay } from '../dates/date';
import { defaultCatalogue } from '../catalogue/catalogue';
import { NoPeriodError } from '../errors/errors';
import { Indicator } from '../catalogue/schema';
import { defaultMatcher, DEFAULT_REGISTRIES } from '../registry/default';
import { UnitMatcher } from '../registry/match';
import { Registry } from '../registry/schema';
import { ChartSpec, SheetSnapshot } from '../workbook/port';
import { SheetSpec } from '../workbook/sheet-spec';
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
  matcher?: UnitMatcher;
  /** Whose units count as missing; by default the registry most included units belong to. */
  registry?: Registry;
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
) {
  return {
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
  const matcher = opts.matcher ?? defaultMatcher();
  const catalogue = opts.catalogue ?? defaultCatalogue();
  const all = collect(sources, { matcher, includeErrors: opts.includeErrors });
  // The period consolidated: the one asked for, else the latest one received.
  const month = (p: string | null) => {
    const x = p ? parsePeriod(p) : null;
    return x ? x.start.y * 100 + x.start.m : 0;
  };
  const chosen = opts.period ? month(opts.period) : Math.max(0, ...all.included.map((s) => month(s.period)));
  // Reports left out for another month are that month's business, not this annex's.
  const collected: Collected = {
    ...all,
    included: all.included.filter((s) => month(s.period) === chosen),
    excluded: all.excluded.filter((e) => !e.period || month(e.period) === chosen),
  };
  const parents = all.included.map((s) => s.unit.parent ?? s.unit.code);
  const registry = opts.registry ?? DEFAULT_REGISTRIES.find((r) => r.code === mostCommon(parents));
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
    summary: summaryOf(collected, missing, kpi, catalogue, projects),
  };
}

function mostCommon(xs: string[]): string | undefined {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}
