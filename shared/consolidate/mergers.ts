import { formerEntries } from '../registry/history';
import { Registry, Unit } from '../registry/schema';
import { toneKey } from '../text/fold';
import { Submission } from './collect';

/**
 * Reports of units merged away (issue 12): a registry of today names, for each unit, the former units it was
 * formed from. A former unit's report is matched by its old name and counted for the unit it became; when
 * only part of it went there, its figures cannot be divided and it is left out, said.
 */
export interface Formers {
  /** The former units as a registry the matcher (and the validator) can find them in. */
  registry: Registry;
  of: (matched: Unit) => { unit: Unit; partial: boolean } | null;
}

const FORMER = '~former:';

export function formersOf(today: Registry): Formers | null {
  const own = new Set(today.units.map((u) => toneKey(u.name)));
  const byName = new Map<string, { name: string; to: Unit[]; partial: boolean }>();
  for (const to of today.units)
    for (const e of formerEntries(to)) {
      const key = toneKey(e.name);
      if (!key || own.has(key)) continue;
      const seen = byName.get(key) ?? { name: e.name, to: [], partial: false };
      if (!seen.to.includes(to)) seen.to.push(to);
      seen.partial ||= e.partial || seen.to.length > 1;
      byName.set(key, seen);
    }
  if (!byName.size) return null;
  const entries = [...byName.values()];
  const units: Unit[] = entries.map((e, i) => ({
    code: `${FORMER}${i}`,
    name: e.name,
    group: e.to[0].group,
    parent: `${FORMER}${today.code}`,
    aliases: [],
  }));
  const registry: Registry = { code: `${FORMER}${today.code}`, name: `Đơn vị cũ của ${today.name}`, units };
  return {
    registry,
    of: (matched) => {
      if (!matched.code.startsWith(FORMER)) return null;
      const e = entries[Number(matched.code.slice(FORMER.length))];
      return e ? { unit: e.to[0], partial: e.partial } : null;
    },
  };
}

/**
 * The reports of former units for one unit and period, added up into one (as a city's units are): each figure
 * the sum over the former units that gave it. The first report lends its cover; lists (projects, plans) of
 * former units are not carried into the new unit.
 */
export function mergedFormers(
  subs: Submission[],
  tables: (subs: Submission[]) => Submission['read']['tables'],
): Submission {
  const [first] = subs;
  return {
    ...first,
    read: { ...first.read, tables: tables(subs) },
    issues: subs.flatMap((s) => s.issues),
    tiles: subs.map((s) => s.source),
  };
}
