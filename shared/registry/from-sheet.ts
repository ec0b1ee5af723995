import { findTable, Grid, readRows } from '../tables/read';
import { labelKey } from '../tables/labels';
import { TableSpec } from '../tables/schema';
import { Registry, Unit, UnitGroup, UNIT_GROUP_LABEL } from './schema';

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

/** Reads a registry sheet; a row whose group is unknown is reported with its cell, not guessed. */
export function registryFromSheet(grid: Grid, code: string, name: string): RegistryRead {
  const layout = findTable(grid, REGISTRY_TABLE);
  if (!layout || layout.missing.length)
    return {
      registry: null,
      errors: [{ cell: 'A1', message: 'Không tìm thấy bảng danh mục (cần các cột Mã đơn vị, Tên đơn vị, Nhóm).' }],
    };
  const errors: RegistryRead['errors'] = [];
  const units: Unit[] = [];
  for (const row of readRows(grid, REGISTRY_TABLE, layout)) {
    const c = row.cells;
    const group = groupOf(String(c.group ?? ''));
    if (!c.code || !c.name) continue;
    if (!group) {
      errors.push({
        cell: `${String.fromCharCode(65 + layout.columns.group)}${row.row + 1}`,
        message: `Nhóm “${String(c.group ?? '')}” không hợp lệ (${Object.values(UNIT_GROUP_LABEL).join('; ')}).`,
      });
      continue;
    }
    units.push({
      code: String(c.code).trim(),
      name: String(c.name).trim(),
      group,
      parent: code,
      aliases: String(c.aliases ?? '')
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean),
    });
  }
  return { registry: Registry.parse({ code, name, units }), errors };
}
