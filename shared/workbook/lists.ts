import { maxOf } from '../numbers/bounds';
import { columnLetter, SheetSpec } from './sheet-spec';

export const LISTS_SHEET = 'DX_DanhSach';

/**
 * Moves every dropdown list into one hidden sheet and points the validations at
 * its cells: list items such as "NS tỉnh, NS thành phố" contain commas, which
 * an inline list cannot hold.
 */
export function withListsSheet(sheets: SheetSpec[]): SheetSpec[] {
  const lists: string[][] = [];
  const key = (l: string[]) => l.join('\u0000');
  const index = new Map<string, number>();
  const out = sheets.map((s) => ({
    ...s,
    validations: s.validations.map((v) => {
      let i = index.get(key(v.list));
      if (i === undefined) {
        i = lists.length;
        lists.push(v.list);
        index.set(key(v.list), i);
      }
      const col = columnLetter(i);
      return { ...v, source: `${LISTS_SHEET}!$${col}$1:$${col}$${v.list.length}` };
    }),
  }));
  if (!lists.length) return out;
  const height = maxOf(
    lists.map((l) => l.length),
    0,
  );
  const rows = Array.from({ length: height }, (_, r) => lists.map((l) => (r < l.length ? { v: l[r] } : null)));
  return [...out, SheetSpec.parse({ name: LISTS_SHEET, rows, columnWidths: lists.map(() => 28), hidden: true })];
}
