import { parseDay } from '../dates/date';
import { parsePeriod } from '../dates/period';
import { readUnitWorkbook, UnitWorkbookRead } from '../reading/unit-workbook';
import { defaultMatcher } from '../registry/default';
import { UnitMatcher } from '../registry/match';
import { registryOf } from '../registry/not-applicable';
import { Registry, Unit } from '../registry/schema';
import { SheetSnapshot } from '../workbook/port';
import * as config from './checks/config';
import * as cover from './checks/cover';
import * as errorValues from './checks/error-values';
import * as groups from './checks/groups';
import * as indicators from './checks/indicators';
import * as merges from './checks/merges';
import * as outliers from './checks/outliers';
import * as rates from './checks/rates';
import * as hygiene from './checks/hygiene';
import * as rules from './checks/rules';
import * as submission from './checks/submission';
import * as tasks from './checks/tasks';
import * as types from './checks/types';
import * as uncomputed from './checks/uncomputed';
import * as units from './checks/units';
import { CheckContext, Emit, ValidateOptions } from './context';
import { Issue, sortIssues, summarise, Summary } from './issue';
import { coverUnit, notApplicableOf } from './not-applicable';
import { render } from './rule-kinds';

export type { ValidateOptions } from './context';

export interface ValidationReport {
  issues: Issue[];
  summary: Summary;
  read: UnitWorkbookRead;
  /** Whose rules and catalogue were applied: the master given, the built-in ones, or the unit's issued copy. */
  configuration: config.ConfigSource;
}

/** Every check, in the order they run; each declares the kinds it emits. */
export const CHECKS = {
  config,
  submission,
  cover,
  types,
  rates,
  rules,
  indicators,
  tasks,
  units,
  groups,
  hygiene,
  merges,
  errorValues,
  uncomputed,
  outliers,
};

/** The year whose targets apply: the caller's `now`, else the cover's report date, else its period. */
function targetYear(read: UnitWorkbookRead, now: Date | undefined): number | null {
  if (now) return now.getFullYear();
  const day = parseDay(read.cover.reportDate?.value ?? null);
  if (day) return day.y;
  const period = parsePeriod(read.cover.period?.value ?? null);
  return period ? (period.end ?? period.start).y : null;
}

/**
 * The registry given that lists the cover's unit, and the unit as it lists it: matched by the caller's matcher,
 * else (one registry given) by the registry alone.
 */
function registryUnit(
  read: UnitWorkbookRead,
  given: Registry | readonly Registry[] | undefined,
  matcher: UnitMatcher,
): { registry?: Registry; unit?: Unit } {
  const list: readonly Registry[] = given === undefined ? [] : 'units' in given ? [given] : given;
  if (!list.length) return {};
  const unit = coverUnit(read, matcher);
  const registry = unit ? registryOf(list, unit) : undefined;
  if (registry) return { registry, unit };
  return list.length === 1 ? { registry: list[0], unit: coverUnit(read, alone(list[0])) } : {};
}

/** A matcher of one registry alone, made once per registry (a run of thousands of reports asks it each time). */
const matchers = new WeakMap<Registry, UnitMatcher>();
function alone(registry: Registry): UnitMatcher {
  let m = matchers.get(registry);
  if (!m) matchers.set(registry, (m = new UnitMatcher([registry])));
  return m;
}

function notApplicableIn(read: UnitWorkbookRead, by: { registry?: Registry; unit?: Unit }): Set<string> {
  return new Set(notApplicableOf(read, by.registry, by.unit));
}

/**
 * Checks a unit workbook (ours or a staff's own) and returns every problem
 * with its sheet and cell. Reads only: nothing is written.
 */
export function validateSheets(sheets: SheetSnapshot[], opts: ValidateOptions = {}): ValidationReport {
  const issues: Issue[] = [];
  const emit: Emit = (kind, at, values) =>
    issues.push({
      sheet: at.sheet,
      cell: at.cell,
      ...render(kind, values),
      ...(opts.file ? { file: opts.file } : {}),
    });
  const read = readUnitWorkbook(sheets);
  const year = targetYear(read, opts.now);
  const conf = config.configuration(sheets, opts.master, year);
  const matcher = opts.matcher ?? defaultMatcher();
  const ctx: CheckContext = {
    sheets,
    read,
    opts,
    matcher,
    catalogue: conf.catalogue,
    rules: conf.rules,
    configIssues: conf.issues,
    configDifferences: conf.differences,
    year,
    formulas: new Map(sheets.map((s) => [s.name, s.formulas ?? []])),
    notApplicable: notApplicableIn(read, registryUnit(read, opts.registry, matcher)),
    emit,
  };
  for (const check of Object.values(CHECKS)) check.run(ctx);
  const sorted = sortIssues(
    issues,
    sheets.map((s) => s.name),
  );
  return { issues: sorted, summary: summarise(sorted, read.tables.length), read, configuration: conf.from };
}
