import { isBlankValue } from '../../tables/cells';
import { collectiveName } from '../../tables/labels';
import { looseKey, toneKey } from '../../text/fold';
import { Unit } from '../../registry/schema';
import { cellOf, CheckContext } from '../context';

export const KINDS = ['TEN-DON-VI', 'TEN-DON-VI-LA', 'TRUNG-DONG'] as const;

/**
 * The reporting unit's own row written by its kind alone ("UBND thành phố" in Nha Trang's report, seed 000 §6):
 * a name of two words or more that begins the cover's unit's name, or one of its other names, word for word.
 */
function selfName(name: string, unit: Unit | undefined): boolean {
  const k = looseKey(name);
  if (!unit || k.split(' ').length < 2) return false;
  return [unit.name, ...unit.aliases].some((n) => `${looseKey(n)} `.startsWith(`${k} `));
}

/** Unit names in the registry (a typo gets the nearest name), and no row twice in a table. */
export function run(ctx: CheckContext<(typeof KINDS)[number]>): void {
  const { emit, matcher } = ctx;
  const cover = ctx.read.cover.unit;
  const self = cover && !isBlankValue(cover.value) ? matcher.match(String(cover.value)).unit : undefined;
  for (const t of ctx.read.tables) {
    const seen = new Map<string, number>();
    const keyCol = ['code', 'unit', 'name', 'system', 'plan'].find((k) => k in t.columns) ?? null;
    for (const row of t.rows.filter((r) => r.kind === 'item')) {
      if ('unit' in t.columns && !isBlankValue(row.cells.unit)) {
        const name = String(row.cells.unit);
        const m = matcher.match(name);
        const at = { sheet: t.sheet, cell: cellOf(t, row, 'unit') };
        // A name standing for a whole group ("UBND cấp xã", seed 003 §5) is the group's figures, no unit to find.
        if (!m.unit && m.status !== 'ambiguous' && !collectiveName(name) && !selfName(name, self)) {
          // A name close to a registered one is a typo; one close to none is often a group row.
          if (m.suggestions.length) emit('TEN-DON-VI', at, { name, suggestion: m.suggestions[0] });
          // A group row read as the group's figures ("UBND cấp xã") names a group, not a registered unit.
          else if (!row.fromGroup) emit('TEN-DON-VI-LA', at, { name });
        }
      }
      if (!keyCol || isBlankValue(row.cells[keyCol])) continue;
      const key =
        keyCol === 'unit'
          ? (matcher.match(String(row.cells.unit)).unit?.code ?? toneKey(String(row.cells.unit)))
          : toneKey(String(row.cells[keyCol]));
      const first = seen.get(key);
      if (first !== undefined) {
        const at = { sheet: t.sheet, cell: cellOf(t, row, keyCol) };
        emit('TRUNG-DONG', at, { row: row.row + 1, first: first + 1, text: String(row.cells[keyCol]) });
      } else seen.set(key, row.row);
    }
  }
}
