import { formatNumber } from '../numbers/format';
import { editDistance, looseKey, toneKey } from '../text/fold';
import { stripInvisible } from '../text/invisible';
import { Registry, Unit } from './schema';

export type MatchStatus = 'exact' | 'folded' | 'unknown' | 'ambiguous';

export interface UnitMatch {
  status: MatchStatus;
  unit?: Unit;
  /** Closest registered names, best first, for a typo or an ambiguous name. */
  suggestions: string[];
  /** The name is longer than MAX_FUZZY_LENGTH: it is unknown, and was not compared for typos. */
  tooLong?: boolean;
}

/**
 * Names longer than this (spaces run together, invisible characters left out) are never folded nor
 * compared for typos: the comparison costs the product of the lengths, and no unit's name is 300
 * characters long. Matching any input stays linear in its length (a 1 MB cell takes milliseconds).
 */
export const MAX_FUZZY_LENGTH = 300;

/** What a message adds for such a name. */
export function tooLongToMatch(length: number): string {
  const over = `quá ${MAX_FUZZY_LENGTH} ký tự`;
  return `Tên dài ${formatNumber(length)} ký tự (${over}) nên không được so gần đúng với danh mục.`;
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

export class UnitMatcher {
  private readonly byTone = new Map<string, Unit[]>();
  private readonly byLoose = new Map<string, Unit[]>();

  constructor(readonly registries: Registry[]) {
    for (const reg of registries) {
      for (const unit of reg.units) {
        for (const name of [unit.name, ...unit.aliases]) {
          for (const v of variants(name)) {
            add(this.byTone, toneKey(v), unit);
            add(this.byLoose, looseKey(v), unit);
          }
        }
      }
    }
  }

  match(name: string): UnitMatch {
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
