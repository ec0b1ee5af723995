import { findTable, Grid, TableLayout } from '../tables/read';
import { CellSpec, columnIndex, columnLetter, SheetSpec } from '../workbook/sheet-spec';
import { TableSpec } from './schema';
import { MAPPING_SHEET } from './version';

/** A column mapping the user chose once for a table whose headers were not recognised. */
export interface ColumnMapping {
  sheet: string;
  table: string;
  /** 1-based row of the header (the last header line). */
  headerRow: number;
  columns: Record<string, string>;
}

const MAPPING_TABLE = TableSpec.parse({
  id: 'AnhXa', title: 'Ánh xạ cột', rows: 'free',
  columns: [
    { key: 'sheet', label: 'Trang tính', kind: 'text' },
    { key: 'table', label: 'Bảng', kind: 'text' },
    { key: 'headerRow', label: 'Dòng tiêu đề', kind: 'count' },
    { key: 'field', label: 'Trường', kind: 'text' },
    { key: 'column', label: 'Cột', kind: 'text' },
  ],
});

/** The mappings as the hidden sheet DX_AnhXa, which the product owns and rewrites whole. */
export function mappingSheet(mappings: ColumnMapping[]): SheetSpec {
  const rows: Array<Array<CellSpec | null>> = [MAPPING_TABLE.columns.map((c) => ({ v: c.label, s: 'header' as const }))];
  for (const m of mappings) {
    for (const [field, column] of Object.entries(m.columns)) rows.push([{ v: m.sheet }, { v: m.table }, { v: m.headerRow }, { v: field }, { v: column }]);
  }
  return SheetSpec.parse({ name: MAPPING_SHEET, rows, columnWidths: [24, 12, 12, 20, 8], hidden: true });
}

export function readMappings(grid: Grid): ColumnMapping[] {
  const layout = findTable(grid, MAPPING_TABLE);
  if (!layout) return [];
  const out = new Map<string, ColumnMapping>();
  for (let r = layout.headerRow + 1; r < grid.length; r++) {
    const get = (k: string) => grid[r]?.[layout.columns[k]];
    const sheet = String(get('sheet') ?? '').trim();
    const table = String(get('table') ?? '').trim();
    const column = String(get('column') ?? '').trim().toUpperCase();
    const field = String(get('field') ?? '').trim();
    const headerRow = Number(get('headerRow'));
    if (!sheet || !table || !field || !/^[A-Z]{1,3}$/.test(column) || !Number.isInteger(headerRow)) continue;
    const key = `${sheet}\u0000${table}`;
    const m = out.get(key) ?? { sheet, table, headerRow, columns: {} };
    m.columns[field] = column;
    out.set(key, m);
  }
  return [...out.values()];
}

/** The layout a saved mapping gives: header row and columns as the user chose them. */
export function layoutFromMapping(spec: TableSpec, m: ColumnMapping): TableLayout {
  const columns: Record<string, number> = {};
  for (const [k, letter] of Object.entries(m.columns)) if (spec.columns.some((c) => c.key === k)) columns[k] = columnIndex(letter);
  const missing = spec.columns.filter((c) => !c.optional && !(c.key in columns)).map((c) => c.key);
  return { table: spec.id, headerRow: m.headerRow - 1, headerRows: 1, columns, missing, score: 0, mapped: true };
}

/** What the task pane / sidebar shows to ask for a mapping: the header cells to choose from. */
export function headerChoices(grid: Grid, headerRow: number): Array<{ column: string; label: string }> {
  const row = grid[headerRow] ?? [];
  return row.map((v, i) => ({ column: columnLetter(i), label: v === null || v === undefined ? '' : String(v) })).filter((x) => x.label !== '');
}
