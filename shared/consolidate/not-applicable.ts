import { registryOf } from '../registry/not-applicable';
import { Registry } from '../registry/schema';
import { isNotApplicableRow, markedBy, notApplicableOf } from '../validation/not-applicable';
import { Collected, Submission } from './collect';

/**
 * Each report without the indicators that do not apply to its unit (issue 16): their rows of T1 are taken out of
 * the report as read, so no sum, rate, count of units, tidy row or carried figure can hold them, whatever was
 * typed; the list stays with the report for the annexes to print "Không áp dụng". The secretariat's registry,
 * when given, listing the unit and marking anything, decides; else the list the unit's template recorded. A
 * city's carried consolidation was made without its units' marks; the higher registry's mark for the city takes
 * the indicator out of all of it.
 */
export function withoutNotApplicable(all: Collected, decides: readonly Registry[]): Collected {
  return {
    ...all,
    included: all.included.map((s) => {
      const registry = registryOf(decides, s.unit);
      // A lower level's consolidation has no cover of its own: only the registry can say it, for the whole city.
      return strip(s, s.carried ? (markedBy(registry, s.unit) ?? []) : notApplicableOf(s.read, registry, s.unit));
    }),
  };
}

function strip(s: Submission, na: string[]): Submission {
  if (!na.length) return s;
  const set = new Set(na);
  const tables = s.read.tables.map((t) =>
    t.table === 'T1' ? { ...t, rows: t.rows.filter((r) => !isNotApplicableRow(t, r, set)) } : t,
  );
  // A carried city's units' figures (its tidy rows) lose the indicator too: "XHS.03/tu-so" is XHS.03's.
  const carried = s.carried && {
    units: s.carried.units.map((u) => ({ ...u, figures: u.figures.filter((f) => !set.has(f.key.split('/')[0])) })),
  };
  return { ...s, notApplicable: na, read: { ...s.read, tables }, ...(carried ? { carried } : {}) };
}
