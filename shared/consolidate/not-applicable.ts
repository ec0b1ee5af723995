import { Registry } from '../registry/schema';
import { isNotApplicableRow, notApplicableOf } from '../validation/not-applicable';
import { Collected, Submission } from './collect';

/**
 * Each report without the indicators that do not apply to its unit (issue 16): their rows of T1 are taken out of
 * the report as read, so no sum, rate, count of units, tidy row or carried figure can hold them, whatever was
 * typed; the list stays with the report for the annexes to print "Không áp dụng". The secretariat's registry,
 * when given and listing the unit, decides; else the list the unit's template recorded. A city's carried
 * consolidation was already made without its units' ones.
 */
export function withoutNotApplicable(all: Collected, given: Registry | undefined): Collected {
  return {
    ...all,
    included: all.included.map((s) => (s.carried ? s : strip(s, notApplicableOf(s.read, given, s.unit)))),
  };
}

function strip(s: Submission, na: string[]): Submission {
  if (!na.length) return s;
  const set = new Set(na);
  const tables = s.read.tables.map((t) =>
    t.table === 'T1' ? { ...t, rows: t.rows.filter((r) => !isNotApplicableRow(t, r, set)) } : t,
  );
  return { ...s, notApplicable: na, read: { ...s.read, tables } };
}
