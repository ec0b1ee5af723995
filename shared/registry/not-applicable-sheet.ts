import { Grid } from '../tables/read';
import { labelKey } from '../tables/labels';
import { stripInvisible } from '../text/invisible';
import { columnLetter } from '../workbook/sheet-spec';
import { GroupOf, NOT_APPLICABLE_WORDS, resolveCodes } from './not-applicable';
import { Registry } from './schema';

/** The setting's label, folded as labelKey folds it: "Không áp dụng cho nhóm" (or "Chỉ tiêu không áp dụng …"). */
const LABELS = ['khongapdungchonhom', 'chitieukhongapdungchonhom'];

const textOf = (v: unknown) => (v === null || v === undefined ? '' : stripInvisible(String(v)).trim());

/**
 * What follows the label inside its own cell ("Không áp dụng cho nhóm UBND các xã, phường" → "UBND các xã,
 * phường"), or null when the cell is not the label. Words are dropped until what was dropped folds to the label,
 * so the label may be typed with or without accents, a colon, or spaces doubled.
 */
function afterLabel(text: string): string | null {
  if (!LABELS.some((l) => labelKey(text).startsWith(l))) return null;
  const words = text.split(/\s+/u);
  for (let n = 1; n <= words.length; n++)
    if (LABELS.includes(labelKey(words.slice(0, n).join(' ')))) return words.slice(n).join(' ').trim();
  return null;
}

/** Whether a row is a "Không áp dụng cho nhóm" line (the label in one of its cells). */
export const isNotApplicableLine = (row: readonly unknown[]): boolean =>
  row.some((v) => typeof v === 'string' && afterLabel(v) !== null);

/**
 * The registry sheet's group setting, above the table, one line per group. Either the group in the next cell and
 * the codes in the one after it:
 *
 *     A: Không áp dụng cho nhóm | B: UBND các xã, phường | C: KTS.GRDP; XHS.CAPQUANG
 *
 * or the group in the label's own cell and the codes in the next one:
 *
 *     A: Không áp dụng cho nhóm UBND các xã, phường | B: KTS.GRDP; XHS.CAPQUANG
 *
 * The group is its caption as the annexes print it (UBND các xã, phường; Sở, ban, ngành…), its key, or the
 * registry's own Tên nhóm. An unknown group or code is an error at its cell; two lines for one group add up.
 */
export function notApplicableSetting(
  grid: Grid,
  above: number,
  known: readonly string[],
  groupOf: GroupOf,
): { byGroup: Registry['notApplicable'] | null; errors: Array<{ cell: string; message: string }> } {
  const out: NonNullable<Registry['notApplicable']> = {};
  const errors: Array<{ cell: string; message: string }> = [];
  for (let r = 0; r < Math.min(above, grid.length); r++) {
    const row = grid[r] ?? [];
    const at = row.findIndex((v) => typeof v === 'string' && afterLabel(v) !== null);
    if (at < 0) continue;
    const next = (from: number) => row.findIndex((v, i) => i > from && textOf(v) !== '');
    const inLabel = afterLabel(String(row[at]))!;
    const groupCol = inLabel ? at : next(at);
    const codesCol = groupCol < 0 ? -1 : next(groupCol);
    const where = (col: number) => `${columnLetter(col)}${r + 1}`;
    const groupText = inLabel || (groupCol < 0 ? '' : textOf(row[groupCol]));
    const group = groupText ? groupOf(groupText) : null;
    if (!group) {
      const codesOnly = groupText !== '' && resolveCodes(groupText, known).unknown.length === 0;
      errors.push({
        cell: where(groupCol < 0 ? at + 1 : groupCol),
        message: codesOnly ? NOT_APPLICABLE_WORDS.noGroup : NOT_APPLICABLE_WORDS.unknownGroup(groupText),
      });
      continue;
    }
    const { codes, unknown } = resolveCodes(codesCol < 0 ? '' : textOf(row[codesCol]), known);
    if (!codes.length && !unknown.length) {
      errors.push({
        cell: where(codesCol < 0 ? groupCol + 1 : codesCol),
        message: NOT_APPLICABLE_WORDS.noCodes(groupText),
      });
      continue;
    }
    for (const u of unknown)
      errors.push({
        cell: where(codesCol),
        message: NOT_APPLICABLE_WORDS.unknown('Không áp dụng cho nhóm', u.code, u.nearest),
      });
    if (unknown.length || !codes.length) continue;
    const list = out[group] ?? [];
    for (const code of codes) if (!list.includes(code)) list.push(code);
    out[group] = list;
  }
  return { byGroup: Object.keys(out).length ? out : null, errors };
}
