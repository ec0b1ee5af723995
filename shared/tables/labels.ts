import { looseKey } from '../text/fold';

/** Label text reduced to letters and digits: "T T" = "TT", "Tỷ lệ (%)" = "tyle". */
const cache = new Map<string, string>();

/**
 * A copy of a text to keep in a cache that outlives the workbook it came from. A cell's text is read as a slice of
 * its sheet's XML, and a JavaScript engine may keep such a slice as a view of the whole string (V8's sliced
 * strings do): one cached label would then hold a unit's whole sheet, and a reader of thousands of units grew by
 * the sheets it had read (issue 15). Joined to a character and cut again, the text is copied out.
 */
export function detached(s: string): string {
  return s.length <= 12 ? s : ` ${s}`.slice(1);
}

export function labelKey(text: unknown): string {
  if (text === null || text === undefined || text === '') return '';
  const s = String(text);
  let k = cache.get(s);
  if (k === undefined) {
    k = looseKey(s).replace(NOT_KEY, '');
    // Header texts repeat across sheets and calls; data cells are not worth keeping.
    if (cache.size < 5000) cache.set(detached(s), detached(k));
  }
  return k;
}

const NOT_KEY = /[^a-z0-9]/g;
const LETTER = /\p{L}/u;

/** Has the cell letters at all? Numbers and empty cells are never labels. */
export function hasLetters(v: unknown): boolean {
  return typeof v === 'string' && LETTER.test(v);
}

const FORMULA_NUMBER = /\((\d+)\)\s*=/;
const LAST_NUMBER = /\((\d+)\)\s*$/;

/** The official column number written in a header cell: "(1)" at its end, or "(3)" in "(3)=(2)/(1)". */
export function columnNumber(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const formula = FORMULA_NUMBER.exec(text);
  if (formula) return `(${formula[1]})`;
  const last = LAST_NUMBER.exec(text.trim());
  return last ? `(${last[1]})` : undefined;
}

/** "Tổng số …" and "Tổng …" say the same: staff write "Tổng" under "Đã giải quyết" where the form has "Tổng số". */
function shortKey(key: string): string {
  return key.startsWith('tongso') ? `tong${key.slice(6)}` : key;
}

const PARENTHESES = /\([^)]*\)/g;

/** The label without its parentheses: "(1)", "(phí, lệ phí)", "(dự kiến)", "(%)". */
function bareKey(text: unknown): string {
  const s = String(text ?? '');
  // Without an opening bracket nothing is set aside: the key is the text's own.
  return labelKey(s.includes('(') ? s.replace(PARENTHESES, ' ') : s);
}

/** "Kế hoạch chuyển đổi số năm …": a label ending in an ellipsis, whose words are followed by a period. */
const OPEN_END = /(…|\.\.\.)\s*$/;

/**
 * What a text is matched on, computed once per text (issue 15: normalising every cell again for every
 * label of every table was a third of the CPU): its key, its key without parentheses, its key with "Tổng
 * số" shortened, and whether it has letters (only a text with letters names a label).
 */
export interface TextKeys {
  key: string;
  bare: string;
  short: string;
  letters: boolean;
}

const NO_KEYS: TextKeys = { key: '', bare: '', short: '', letters: false };

/** Texts' keys kept: the same labels, names and configuration rows come back in every unit's workbook. */
const keysCache = new Map<string, TextKeys>();

/** The keys of a text (a number or an empty cell has none that match). */
export function textKeys(text: unknown): TextKeys {
  if (typeof text !== 'string' || text === '') return NO_KEYS;
  let t = keysCache.get(text);
  if (t === undefined) {
    const key = labelKey(text);
    t = { key, bare: bareKey(text), short: shortKey(key), letters: LETTER.test(text) };
    if (keysCache.size < 20000) {
      t = { ...t, key: detached(t.key), bare: detached(t.bare), short: detached(t.short) };
      keysCache.set(detached(text), t);
    }
  }
  return t;
}

/**
 * A list of labels made ready for matching: the exact cases of `labelMatches` as set lookups. A header
 * names a label when its shortened key is the label's, its key without parentheses the label's, or it is
 * a prefix of the label's key at least 8 long and 80% of it (`prefixes` holds every such prefix); a label
 * ending in "…" is named by every key that begins with the label's (`open`, by length).
 */
export interface LabelSet {
  shorts: Set<string>;
  bares: Set<string>;
  prefixes: Set<string>;
  open: Map<number, Set<string>>;
}

const emptySet = (): LabelSet => ({ shorts: new Set(), bares: new Set(), prefixes: new Set(), open: new Map() });

function addLabel(set: LabelSet, l: string): void {
  const lk = labelKey(l);
  if (OPEN_END.test(l)) {
    if (lk.length < 8) return;
    const same = set.open.get(lk.length) ?? new Set<string>();
    same.add(lk);
    set.open.set(lk.length, same);
    return;
  }
  set.shorts.add(shortKey(lk));
  const lb = bareKey(l);
  if (lb) set.bares.add(lb);
  for (let n = 8; n <= lk.length; n++) if (n >= lk.length * 0.8) set.prefixes.add(lk.slice(0, n));
}

/**
 * Every label of every set made so far, as one set: a text that names none of them names no label of any
 * set (`mayName`), and is passed over at once by every table looked for. `labelSets` counts the sets, so a
 * text found to name none is asked again once a set was added.
 */
const ANY: LabelSet = emptySet();
let made = 0;

const size = (set: LabelSet) =>
  set.shorts.size + set.bares.size + set.prefixes.size + [...set.open.values()].reduce((n, s) => n + s.size, 0);

export function labelSet(labels: readonly string[]): LabelSet {
  const set = emptySet();
  const before = size(ANY);
  for (const l of labels) {
    addLabel(set, l);
    addLabel(ANY, l);
  }
  if (size(ANY) !== before) made++;
  return set;
}

/** How many times labels new to every set were added: what `mayName` answered holds until this changes. */
export function labelSets(): number {
  return made;
}

/** Does a text, by its keys, name one of the labels (as `labelMatches`)? */
export function keysMatch(t: TextKeys, set: LabelSet): boolean {
  if (!t.letters || !t.key) return false;
  if (set.shorts.has(t.short) || (t.bare && set.bares.has(t.bare)) || set.prefixes.has(t.key)) return true;
  for (const [n, keys] of set.open) if (t.key.length >= n && keys.has(t.key.slice(0, n))) return true;
  return false;
}

/** The answer of `mayName`, kept on the keys (shared by every cell of the same text) with `made` then. */
const mayNames = new WeakMap<TextKeys, { may: boolean; asOf: number }>();

/** Does a text, by its keys, name a label of any set made so far? None does when it does not. */
export function mayName(t: TextKeys): boolean {
  const got = mayNames.get(t);
  if (got && got.asOf === made) return got.may;
  const may = keysMatch(t, ANY);
  mayNames.set(t, { may, asOf: made });
  return may;
}

/** Label lists made ready once: the callers' lists are few and fixed (the specs'), rebuilt at each call. */
const sets = new Map<string, LabelSet>();

function labelSetOf(labels: readonly string[]): LabelSet {
  const id = labels.join('\u0000');
  let set = sets.get(id);
  if (!set) {
    set = labelSet(labels);
    if (sets.size < 5000) sets.set(id, set);
  }
  return set;
}

/**
 * A header cell names a label when equal, when equal once parentheses are set
 * aside ("… (1)", "… (dự kiến)"), or when it is a slightly shortened label. A
 * label ending in "…" names every header that begins with its words: the month
 * or year a secretariat's annex writes after them ("… tháng 02/2023", "… năm 2023").
 */
export function labelMatches(cell: unknown, labels: readonly string[]): boolean {
  if (!hasLetters(cell)) return false;
  return keysMatch(textKeys(cell), labelSetOf(labels));
}

const PLACES = '(xa|phuong|thi tran)';
const COLLECTIVE = new RegExp(`^(ubnd|uy ban nhan dan) (cac |cap )?${PLACES}( (va )?${PLACES})*$`);
const COLLECTIVE_OFFICES = /^cac (phong|co quan|don vi|so)\b/;

/**
 * A name standing for several units, written where one row gives a whole group's figures: "UBND cấp xã",
 * "UBND các phường, xã", "UBND phường, xã" (seed 003 §5), "Các phòng, ban, đơn vị thành phố" (seed 000 §6). A
 * unit's own name ("UBND phường Lộc Thọ", "Phường 1") is none: a collective name has no proper name after it.
 */
export function collectiveName(text: unknown): boolean {
  const t = looseKey(String(text ?? ''))
    .replace(/[.,;]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return COLLECTIVE.test(t) || COLLECTIVE_OFFICES.test(t);
}
