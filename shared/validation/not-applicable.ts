import { UnitWorkbookRead } from '../reading/unit-workbook';
import { UnitMatcher } from '../registry/match';
import { notApplicableFor, parseCodeList } from '../registry/not-applicable';
import { Registry, Unit } from '../registry/schema';
import { TableRead, TableRow } from '../tables/read';

/** The list the template recorded on its cover ("Chỉ tiêu không áp dụng"): the unit's own workbook says it. */
export function recordedNotApplicable(read: Pick<UnitWorkbookRead, 'cover'>): string[] {
  const v = read.cover.notApplicable?.value;
  return v === null || v === undefined || v instanceof Date ? [] : parseCodeList(String(v));
}

/**
 * The indicators that do not apply to a workbook's unit. The secretariat's registry, when one is given, lists
 * the unit and marks anything at all, wins over the cover: the registry may have changed since the template was
 * made. Otherwise the cover's list, so a unit's Kiểm tra knows it without any registry.
 */
export function notApplicableOf(
  read: Pick<UnitWorkbookRead, 'cover'>,
  registry: Registry | undefined,
  unit: Unit | undefined,
): string[] {
  return markedBy(registry, unit) ?? recordedNotApplicable(read);
}

/** What a registry says does not apply to a unit it lists, or null when it says nothing (lists it not, marks none). */
export function markedBy(registry: Registry | undefined, unit: Unit | undefined): string[] | null {
  return registry && unit && registry.units.includes(unit) && marksAny(registry)
    ? notApplicableFor(registry, unit)
    : null;
}

const marking = new WeakMap<Registry, boolean>();
/**
 * Whether a registry marks any indicator at all: one that marks none (a list saved by `registry --json`, a
 * secretariat's from before issue 16) says nothing of it, so the covers' lists stand.
 */
function marksAny(r: Registry): boolean {
  let v = marking.get(r);
  if (v === undefined) {
    v = Object.values(r.notApplicable ?? {}).some((l) => l?.length) || r.units.some((u) => u.notApplicable?.length);
    marking.set(r, v);
  }
  return v;
}

/** The cover's unit, matched as the cover check matches it (its code first). */
export function coverUnit(read: Pick<UnitWorkbookRead, 'cover'>, matcher: UnitMatcher): Unit | undefined {
  const name = read.cover.unit?.value;
  if (name === null || name === undefined || String(name).trim() === '') return undefined;
  const code = read.cover.unitCode?.value;
  return matcher.match(String(name), code === null ? undefined : code).unit;
}

/** Is this row of an indicator table one whose indicator does not apply? (T1 by its code.) */
export function isNotApplicableRow(t: Pick<TableRead, 'table'>, row: TableRow, na: ReadonlySet<string>): boolean {
  if (!na.size || t.table !== 'T1' || row.kind !== 'item') return false;
  const code = row.cells.code === null || row.cells.code === undefined ? '' : String(row.cells.code).trim();
  return na.has(code.toUpperCase());
}
