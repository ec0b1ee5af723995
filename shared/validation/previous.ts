import { findTable, Grid } from '../tables/read';
import { TableSpec } from '../templates/schema';
import { SheetSnapshot } from '../workbook/port';
import { CellSpec, SheetSpec } from '../workbook/sheet-spec';

/** The counts stamped when the unit last completed a report, kept in the product's own hidden sheet. */
export const PREVIOUS_SHEET = 'DX_KyTruoc';

export interface PreviousValue {
  table: string;
  key: string;
  field: string;
  value: number;
  period: string;
}

const PREVIOUS_TABLE = TableSpec.parse({
  id: 'KyTruoc', title: 'Số liệu kỳ trước', rows: 'free',
  columns: [
    { key: 'table', label: 'Bảng', kind: 'text' },
    { key: 'key', label: 'Dòng', kind: 'text' },
    { key: 'field', label: 'Trường', kind: 'text' },
    { key: 'value', label: 'Giá trị', kind: 'count' },
    { key: 'period', label: 'Kỳ', kind: 'text' },
  ],
});

export function readPrevious(sheets: SheetSnapshot[]): PreviousValue[] {
  const s = sheets.find((x) => x.name === PREVIOUS_SHEET);
  if (!s) return [];
  const grid: Grid = s.values;
  const layout = findTable(grid, PREVIOUS_TABLE);
  if (!layout) return [];
  const out: PreviousValue[] = [];
  for (let r = layout.headerRow + 1; r < grid.length; r++) {
    const get = (k: string) => grid[r]?.[layout.columns[k]];
    const value = Number(get('value'));
    if (!Number.isFinite(value) || get('table') == null) continue;
    out.push({ table: String(get('table')), key: String(get('key') ?? ''), field: String(get('field')), value, period: String(get('period') ?? '') });
  }
  return out;
}

export function previousSheet(values: PreviousValue[]): SheetSpec {
  const rows: Array<Array<CellSpec | null>> = [PREVIOUS_TABLE.columns.map((c) => ({ v: c.label, s: 'header' as const }))];
  for (const v of values) rows.push([{ v: v.table }, { v: v.key }, { v: v.field }, { v: v.value }, { v: v.period }]);
  return SheetSpec.parse({ name: PREVIOUS_SHEET, rows, columnWidths: [10, 40, 18, 14, 16], hidden: true });
}
