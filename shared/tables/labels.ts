import { looseKey } from '../text/fold';

/** Label text reduced to letters and digits: "T T" = "TT", "Tỷ lệ (%)" = "tyle". */
const cache = new Map<string, string>();

export function labelKey(text: unknown): string {
  if (text === null || text === undefined || text === '') return '';
  const s = String(text);
  let k = cache.get(s);
  if (k === undefined) {
    k = looseKey(s).replace(/[^a-z0-9]/g, '');
    // Header texts repeat across sheets and calls; data cells are not worth keeping.
    if (cache.size < 5000) cache.set(s, k);
  }
  return k;
}

/** Has the cell letters at all? Numbers and empty cells are never labels. */
export function hasLetters(v: unknown): boolean {
  return typeof v === 'string' && /\p{L}/u.test(v);
}

/** The official column number written in a header cell: "(1)" at its end, or "(3)" in "(3)=(2)/(1)". */
export function columnNumber(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const formula = /\((\d+)\)\s*=/.exec(text);
  if (formula) return `(${formula[1]})`;
  const last = /\((\d+)\)\s*$/.exec(text.trim());
  return last ? `(${last[1]})` : undefined;
}

/** "Tổng số …" and "Tổng …" say the same: staff write "Tổng" under "Đã giải quyết" where the form has "Tổng số". */
function shortKey(key: string): string {
  return key.startsWith('tongso') ? `tong${key.slice(6)}` : key;
}

/** The label without its parentheses: "(1)", "(phí, lệ phí)", "(dự kiến)", "(%)". */
function bareKey(text: unknown): string {
  return labelKey(String(text ?? '').replace(/\([^)]*\)/g, ' '));
}

/**
 * A header cell names a label when equal, when equal once parentheses are set
 * aside ("… (1)", "… (dự kiến)"), or when it is a slightly shortened label.
 */
export function labelMatches(cell: unknown, labels: string[]): boolean {
  if (!hasLetters(cell)) return false;
  const k = labelKey(cell);
  if (!k) return false;
  const kb = bareKey(cell);
  const ks = shortKey(k);
  return labels.some((l) => {
    const lk = labelKey(l);
    if (lk === k || shortKey(lk) === ks) return true;
    const lb = bareKey(l);
    if (lb && lb === kb) return true;
    return k.length >= 8 && lk.startsWith(k) && k.length >= lk.length * 0.8;
  });
}
