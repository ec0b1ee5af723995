import { findTable, Grid, readRows } from '../tables/read';
import { labelKey } from '../tables/labels';
import { TableSpec } from '../tables/schema';
import { stripInvisible } from '../text/invisible';
import { columnLetter } from '../workbook/sheet-spec';
import { Registry, registryDuplicates, Unit, UnitGroup, UNIT_GROUP_LABEL } from './schema';

/** A registry as a secretariat keeps it in a sheet: code, name, group, other names. */
export const REGISTRY_TABLE = TableSpec.parse({
  id: 'DanhMucDonVi',
  title: 'Danh mục đơn vị',
  rows: 'free',
  columns: [
    { key: 'code', label: 'Mã đơn vị', variants: ['Mã'], kind: 'code' },
    { key: 'name', label: 'Tên đơn vị', variants: ['Tên cơ quan, đơn vị', 'Đơn vị'], kind: 'text' },
    { key: 'group', label: 'Nhóm', variants: ['Khối', 'Loại đơn vị'], kind: 'text' },
    { key: 'aliases', label: 'Tên khác', variants: ['Cách viết khác'], kind: 'text', optional: true },
  ],
});

export interface RegistryRead {
  registry: Registry | null;
  errors: Array<{ cell: string; message: string }>;
}

function groupOf(text: string): UnitGroup | null {
  const k = labelKey(text);
  for (const [g, label] of Object.entries(UNIT_GROUP_LABEL) as Array<[UnitGroup, string]>) {
    if (labelKey(label) === k || labelKey(g) === k) return g;
  }
  return null;
}

/**
 * Reads a registry sheet; a row whose group is unknown is reported with its cell, not guessed, and so
 * is a row repeating the code or the name (or other name) of a row above it: a registry with an error
 * is refused by its callers, so one unit's report can never be taken for another's.
 */
export function registryFromSheet(grid: Grid, code: string, name: string): RegistryRead {
  const layout = findTable(grid, REGISTRY_TABLE);
  if (!layout || layout.missing.length)
    return {
      registry: null,
      errors: [{ cell: 'A1', message: 'Không tìm thấy bảng danh mục (cần các cột Mã đơn vị, Tên đơn vị, Nhóm).' }],
    };
  const errors: RegistryRead['errors'] = [];
  const units: Unit[] = [];
  const rows: number[] = [];
  const cell = (key: string, row: number) => `${columnLetter(layout.columns[key] ?? 0)}${row + 1}`;
  const clean = (v: unknown) => (v === null || v === undefined ? '' : stripInvisible(String(v)).trim());
  for (const row of readRows(grid, REGISTRY_TABLE, layout)) {
    const c = row.cells;
    const group = groupOf(String(c.group ?? ''));
    if (!clean(c.code) || !clean(c.name)) continue;
    if (!group) {
      errors.push({
        cell: cell('group', row.row),
        message: `Nhóm “${String(c.group ?? '')}” không hợp lệ (${Object.values(UNIT_GROUP_LABEL).join('; ')}).`,
      });
      continue;
    }
    units.push({
      code: clean(c.code),
      name: clean(c.name),
      group,
      parent: code,
      aliases: String(c.aliases ?? '')
        .split(';')
        .map(clean)
        .filter(Boolean),
    });
    rows.push(row.row);
  }
  const repeated = registryDuplicates(units);
  for (const d of repeated)
    errors.push({ cell: cell(d.field, rows[d.index]), message: `${d.message} (như dòng ${rows[d.first] + 1})` });
  const dropped = new Set(repeated.map((d) => d.index));
  return { registry: Registry.parse({ code, name, units: units.filter((_, i) => !dropped.has(i)) }), errors };
}
