import { Grid, TableLayout } from '../tables/read';
import { ownedTable } from '../tables/owned-table';
import { columnIndex, columnLetter, SheetSpec } from '../workbook/sheet-spec';
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

const MAPPINGS = ownedTable('AnhXa', MAPPING_SHEET, [
  { key: 'sheet', label: 'Trang tính', width: 24 },
  { key: 'table', label: 'Bảng', width: 12 },
  { key: 'headerRow', label: 'Dòng tiêu đề', kind: 'count', width: 12 },
  { key: 'field', label: 'Trường', width: 20 },
  { key: 'column', label: 'Cột', width: 8 },
]);

/** The mappings as the hidden sheet DX_AnhXa, which the product owns and rewrites whole. */
export function mappingSheet(mappings: ColumnMapping[]): SheetSpec {
  return MAPPINGS.write(
    mappings.flatMap((m) =>
      Object.entries(m.columns).map(([field, column]) => ({
        sheet: m.sheet,
        table: m.table,
        headerRow: m.headerRow,
        field,
        column,
      })),
    ),
  );
}

export function readMappings(grid: Grid): ColumnMapping[] {
  const out = new Map<string, ColumnMapping>();
  for (const rec of MAPPINGS.read(grid)) {
    const sheet = String(rec.sheet ?? '').trim();
    const table = String(rec.table ?? '').trim();
    const column = String(rec.column ?? '')
      .trim()
      .toUpperCase();
    const field = String(rec.field ?? '').trim();
    const headerRow = Number(rec.headerRow);
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
  for (const [k, letter] of Object.entries(m.columns))
    if (spec.columns.some((c) => c.key === k)) columns[k] = columnIndex(letter);
  const missing = spec.columns.filter((c) => !c.optional && !(c.key in columns)).map((c) => c.key);
  return { table: spec.id, headerRow: m.headerRow - 1, headerRows: 1, columns, missing, score: 0, mapped: true };
}

/** What the task pane / sidebar shows to ask for a mapping: the header cells to choose from. */
export function headerChoices(grid: Grid, headerRow: number): Array<{ column: string; label: string }> {
  const row = grid[headerRow] ?? [];
  return row
    .map((v, i) => ({ column: columnLetter(i), label: v === null || v === undefined ? '' : String(v) }))
    .filter((x) => x.label !== '');
}
