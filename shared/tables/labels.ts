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

/** "Kế hoạch chuyển đổi số năm …": a label ending in an ellipsis, whose words are followed by a period. */
const OPEN_END = /(…|\.\.\.)\s*$/;

/**
 * A header cell names a label when equal, when equal once parentheses are set
 * aside ("… (1)", "… (dự kiến)"), or when it is a slightly shortened label. A
 * label ending in "…" names every header that begins with its words: the month
 * or year a secretariat's annex writes after them ("… tháng 02/2023", "… năm 2023").
 */
export function labelMatches(cell: unknown, labels: string[]): boolean {
  if (!hasLetters(cell)) return false;
  const k = labelKey(cell);
  if (!k) return false;
  const kb = bareKey(cell);
  const ks = shortKey(k);
  return labels.some((l) => {
    const lk = labelKey(l);
    if (OPEN_END.test(l)) return lk.length >= 8 && k.startsWith(lk);
    if (lk === k || shortKey(lk) === ks) return true;
    const lb = bareKey(l);
    if (lb && lb === kb) return true;
    return k.length >= 8 && lk.startsWith(k) && k.length >= lk.length * 0.8;
  });
}

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
  const places = '(xa|phuong|thi tran)';
  return (
    new RegExp(`^(ubnd|uy ban nhan dan) (cac |cap )?${places}( (va )?${places})*$`).test(t) ||
    /^cac (phong|co quan|don vi|so)\b/.test(t)
  );
}
