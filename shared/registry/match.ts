import { editDistance, looseKey, toneKey } from '../text/fold';
import { stripInvisible } from '../text/invisible';
import { nameTooLong } from '../messages/wording';
import { Registry, Unit } from './schema';

export type MatchStatus = 'exact' | 'folded' | 'unknown' | 'ambiguous';

export interface UnitMatch {
  status: MatchStatus;
  unit?: Unit;
  /** Closest registered names, best first, for a typo or an ambiguous name. */
  suggestions: string[];
  /** The name is longer than MAX_FUZZY_LENGTH: it is unknown, and was not compared for typos. */
  tooLong?: boolean;
  /** Found by the code given: the unit whatever the name says. */
  byCode?: true;
  /** Found by its code, but the name written is not one of its names (a typo, an old name, another unit's). */
  nameDiffers?: true;
  /** A code was given and no unit has it: the name was matched instead. */
  codeUnknown?: true;
}

/**
 * Names longer than this (spaces run together, invisible characters left out) are never folded nor
 * compared for typos: the comparison costs the product of the lengths, and no unit's name is 300
 * characters long. Matching any input stays linear in its length (a 1 MB cell takes milliseconds).
 */
export const MAX_FUZZY_LENGTH = 300;

/** What a message adds for such a name. */
export function tooLongToMatch(length: number): string {
  return nameTooLong(length, MAX_FUZZY_LENGTH);
}

const PREFIX = /^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+/u;
const KIND = /^(phường|xã|thị trấn)\s+/u;

/** Writes "P. Lộc Thọ", "TP. Vũng Tàu" out in full and drops the "UBND" prefix. */
function variants(name: string): string[] {
  const base = stripInvisible(name)
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^p\.\s*/u, 'phường ')
    .replace(/^x\.\s*/u, 'xã ')
    .replace(/\btp\.\s*(?=\p{L})/gu, 'thành phố ');
  const noPrefix = base.replace(PREFIX, '');
  const out = [base, noPrefix];
  const core = noPrefix.replace(KIND, '');
  // A bare "1" must not stand for "Phường 1".
  if (core !== noPrefix && /\p{L}/u.test(core)) out.push(core);
  return out;
}

/**
 * A code as a cell gives it: invisible characters and spaces out; a number typed in Excel for "00004" (read back
 * as 4) is tried with its leading zeros too, against the 5-digit official codes only (see codeCandidates).
 */
function codeCandidates(code: unknown): string[] {
  if (code === null || code === undefined) return [];
  const c = stripInvisible(String(code)).trim();
  if (!c) return [];
  return /^\d{1,4}$/.test(c) ? [c, c.padStart(5, '0')] : [c];
}

export class UnitMatcher {
  private readonly byTone = new Map<string, Unit[]>();
  private readonly byLoose = new Map<string, Unit[]>();
  private readonly byCode = new Map<string, Unit[]>();

  constructor(readonly registries: Registry[]) {
    for (const reg of registries) {
      for (const unit of reg.units) {
        add(this.byCode, unit.code.trim(), unit);
        for (const name of [unit.name, ...unit.aliases]) {
          for (const v of variants(name)) {
            add(this.byTone, toneKey(v), unit);
            add(this.byLoose, looseKey(v), unit);
          }
        }
      }
    }
  }

  /**
   * The unit a report is from. A code, when given and registered, always wins: the unit is the one of that
   * code whatever the name says (two registries holding one code for two units: the name decides between
   * them). Otherwise the name is matched, spelling folded.
   */
  match(name: string, code?: unknown): UnitMatch {
    if (code !== undefined && code !== null && code !== '') {
      const found = this.matchCode(name, code);
      if (found) return found;
    }
    return this.matchName(name);
  }

  private matchCode(name: string, code: unknown): UnitMatch | null {
    const candidates = codeCandidates(code);
    for (const c of candidates) {
      const hits = this.byCode.get(c);
      if (!hits) continue;
      const byName = this.matchName(name);
      const unit = hits.length === 1 ? hits[0] : hits.find((u) => u === byName.unit);
      if (!unit) return { status: 'ambiguous', suggestions: unique(hits.map((u) => u.name)), byCode: true };
      return unit === byName.unit
        ? { status: byName.status, unit, suggestions: [], byCode: true }
        : { status: 'exact', unit, suggestions: [], byCode: true, nameDiffers: true };
    }
    return candidates.length ? { ...this.matchName(name), codeUnknown: true } : null;
  }

  private matchName(name: string): UnitMatch {
    // No registered name is that long: such a text can only be unknown, and is not folded at all.
    if (name.length > MAX_FUZZY_LENGTH) {
      const length = stripInvisible(name).replace(/\s+/g, ' ').trim().length;
      if (length > MAX_FUZZY_LENGTH) return { status: 'unknown', suggestions: [], tooLong: true };
    }
    const vs = variants(name);
    for (const [index, status] of [
      [this.byTone, 'exact'],
      [this.byLoose, 'folded'],
    ] as const) {
      const key = index === this.byTone ? toneKey : looseKey;
      for (const v of vs) {
        const hits = index.get(key(v));
        if (!hits) continue;
        const names = unique(hits.map((u) => u.name));
        if (names.length === 1) return { status, unit: hits[0], suggestions: [] };
        return { status: 'ambiguous', suggestions: names };
      }
    }
    return { status: 'unknown', suggestions: this.closest(vs[0]) };
  }

  /** Registered names within a small edit distance ("Pường 1" → "Phường 1"). */
  private closest(name: string): string[] {
    const probe = looseKey(name);
    const limit = Math.max(1, Math.min(3, Math.floor(probe.length / 4)));
    const scored: Array<[number, string]> = [];
    for (const [key, units] of this.byLoose) {
      // Lengths further apart than the limit cannot be within it: no need to compare.
      if (Math.abs(key.length - probe.length) > limit) continue;
      const d = editDistance(probe, key);
      if (d <= limit) for (const u of units) scored.push([d, u.name]);
    }
    scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1], 'vi'));
    return unique(scored.map(([, n]) => n)).slice(0, 3);
  }
}

function add(map: Map<string, Unit[]>, key: string, unit: Unit): void {
  const list = map.get(key);
  if (!list) map.set(key, [unit]);
  else if (!list.includes(unit)) list.push(unit);
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
