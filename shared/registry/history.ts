/**
 * Units over time: which former units a unit was formed from, which units a former one became, and whether a
 * unit existed on a day. The merger map names former units (it has no codes for them), so links go by name,
 * folded as matching folds it, within one province.
 */
import { daysInMonth, isoDay } from '../dates/date';
import { toneKey } from '../text/fold';
import { Registry, Unit } from './schema';

/**
 * "A, B (phần còn lại sau khi sáp nhập vào phường X, phường Y), C" → three former units: the commas (or
 * semicolons, line breaks) between units, not those inside a parenthesis. scripts/gen-dvhc.js splits alike.
 */
export function splitFormedFrom(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let part = '';
  const push = () => {
    const t = part.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    part = '';
  };
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if ((ch === ',' || ch === ';' || ch === '\n') && depth === 0) push();
    else part += ch;
  }
  push();
  return out;
}

/** What the merger map writes for a unit kept as it was: its former self, same name. */
export const KEPT = 'giữ nguyên';

export interface FormerEntry {
  /** The former unit's name, notes left out: "Phường Minh Khai". */
  name: string;
  /** Only part of it went here: "(một phần)", "(phần còn lại sau khi sáp nhập vào …)". */
  partial: boolean;
  /** Notes telling namesakes apart: "quận Bắc Từ Liêm", "thành phố Nha Trang". */
  where: string[];
}

const PART = /một phần|phần còn lại/u;

/** One entry of a formed-from list read: "Phường Minh Khai (quận Bắc Từ Liêm) (phần còn lại …)". */
export function formerEntry(entry: string): FormerEntry {
  const notes = [...entry.matchAll(/\(([^()]*)\)/gu)].map((m) => m[1].trim());
  const name = entry
    .replace(/\([^()]*\)/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const partial = notes.some((n) => PART.test(n.normalize('NFC').toLowerCase()));
  return { name, partial, where: notes.filter((n) => !PART.test(n.normalize('NFC').toLowerCase())) };
}

/** The former units of a unit, with "giữ nguyên" read as the unit itself. */
export function formerEntries(unit: Unit): FormerEntry[] {
  return (unit.formedFrom ?? []).map((f) =>
    toneKey(f) === toneKey(KEPT) ? { name: unit.name, partial: false, where: [] } : formerEntry(f),
  );
}

const UBND = /^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+/u;
/** "UBND phường Lộc Thọ" and "Phường Lộc Thọ" are one ward's names. */
const nameKey = (name: string) => toneKey(name.normalize('NFC').toLowerCase().trim().replace(UBND, ''));

const LOCAL = new Set<Unit['group']>(['ubnd-xa-phuong']);

export interface Crosswalk {
  /** A former unit and a unit it became; partial when only part of it went there. */
  placed: Array<{ from: Unit; to: Unit; partial: boolean }>;
  /** Former units no unit of today was formed from, each with why. */
  unplaced: Array<Unit & { reason: string }>;
}

/**
 * Which of a former registry's units (a 2023 city's wards and communes) became which of today's units, by the
 * names in today's formed-from lists. A name the map writes with a note naming its district ("Phường Minh Khai
 * (quận Bắc Từ Liêm)") goes only to a former registry of that name. A former unit found in several of today's
 * units was split: each placement is partial. Offices, departments and the city itself are not in the map.
 */
export function crosswalk(former: Registry, today: Registry): Crosswalk {
  const index = new Map<string, Array<{ to: Unit; entry: FormerEntry }>>();
  for (const to of today.units)
    for (const entry of formerEntries(to)) {
      const key = nameKey(entry.name);
      index.set(key, [...(index.get(key) ?? []), { to, entry }]);
    }
  const home = toneKey(former.name);
  const placed: Crosswalk['placed'] = [];
  const unplaced: Crosswalk['unplaced'] = [];
  for (const from of former.units) {
    if (!LOCAL.has(from.group)) {
      unplaced.push({ ...from, reason: 'không phải xã, phường: bảng sáp nhập không có cơ quan, đơn vị' });
      continue;
    }
    const hits = (index.get(nameKey(from.name)) ?? []).filter(
      // A note naming another district is a namesake there.
      ({ entry }) => !entry.where.length || entry.where.some((w) => home.includes(toneKey(w))),
    );
    const targets = [...new Set(hits.map((h) => h.to))];
    if (!targets.length) {
      unplaced.push({
        ...from,
        reason:
          `không có trong bảng sáp nhập ngày 01/07/2025 của ${today.name} ` +
          '(có thể đã sáp nhập trước đó: cần quyết định của tỉnh)',
      });
      continue;
    }
    for (const to of targets)
      placed.push({
        from,
        to,
        partial: targets.length > 1 || hits.some((h) => h.to === to && h.entry.partial),
      });
  }
  return { placed, unplaced };
}

/** The day of an ISO date-time ("2025-07-01T…" → "2025-07-01"): ISO days compare as strings. */
const isoOf = (day: string) => day.slice(0, 10);

/** The day before an ISO day ("2025-07-01" → "2025-06-30"), without reading any clock. */
function dayBefore(iso: string): string {
  let [y, m, d] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)) - 1];
  if (d < 1) {
    [y, m] = m === 1 ? [y - 1, 12] : [y, m - 1];
    d = daysInMonth(y, m);
  }
  return isoDay({ y, m, d });
}

/**
 * The last day a unit existed: its validTo, or else the day before the first successor naming it begins
 * (a 2023 ward has no validTo; Phường Nha Trang from 2025-07-01 ends Phường Lộc Thọ on 2025-06-30).
 */
export function lastDay(unit: Unit, pool: Unit[]): string | undefined {
  if (unit.validTo) return unit.validTo;
  let first: string | undefined;
  for (const s of successorsOf(unit, pool)) if (s.validFrom && (!first || s.validFrom < first)) first = s.validFrom;
  return first ? dayBefore(first) : undefined;
}

/** Whether the unit existed on the day (ISO): from validFrom to validTo inclusive, open where absent. */
export function validOn(unit: Unit, isoDate: string, pool: Unit[] = []): boolean {
  const day = isoOf(isoDate);
  if (unit.validFrom && day < unit.validFrom) return false;
  const last = pool.length ? lastDay(unit, pool) : unit.validTo;
  return !last || day <= last;
}

/**
 * Whether the unit existed on at least one day from start to end (ISO, inclusive): a unit is expected to
 * report for a period only then, so a reporting rate counts only the units that existed.
 */
export function existsDuring(unit: Unit, startIso: string, endIso: string, pool: Unit[] = []): boolean {
  if (unit.validFrom && isoOf(endIso) < unit.validFrom) return false;
  const last = pool.length ? lastDay(unit, pool) : unit.validTo;
  return !last || isoOf(startIso) <= last;
}

/** The units formed (in part) from this one, later than it. */
function successorsOf(unit: Unit, pool: Unit[]): Unit[] {
  const key = nameKey(unit.name);
  return pool.filter(
    (u) =>
      u !== unit &&
      (!unit.validFrom || !u.validFrom || u.validFrom > unit.validFrom) &&
      formerEntries(u).some((e) => nameKey(e.name) === key),
  );
}

/**
 * What the unit of this code had become by the day: itself while it exists, else the units formed from it,
 * followed through each later merger, that exist on the day (several when it was split). The registries
 * hold the history together (a 2023 city and today's province): a former unit's end is the start of its
 * successor unless it says otherwise.
 */
export function successorOn(registry: Registry | Registry[], unitCode: string, isoDate: string): Unit[] {
  const pool = (Array.isArray(registry) ? registry : [registry]).flatMap((r) => r.units);
  const start = pool.find((u) => u.code === unitCode);
  if (!start) return [];
  const out: Unit[] = [];
  const seen = new Set<Unit>();
  const queue = [start];
  while (queue.length) {
    const u = queue.shift() as Unit;
    if (seen.has(u)) continue;
    seen.add(u);
    if (validOn(u, isoDate, pool)) {
      if (!out.includes(u)) out.push(u);
      continue;
    }
    // Only successors that had begun by the day: a unit that ended before any successor is gone.
    queue.push(...successorsOf(u, pool).filter((s) => !s.validFrom || s.validFrom <= isoOf(isoDate)));
  }
  return out;
}
