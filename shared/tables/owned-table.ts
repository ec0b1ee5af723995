import { findTable, Grid } from './read';
import { ColumnKind, TableSpec } from './schema';
import { CellSpec, CellValue, SheetSpec } from '../workbook/sheet-spec';

export interface OwnedColumn<K extends string> {
  key: K;
  label: string;
  kind?: ColumnKind;
  width?: number;
}

/**
 * A hidden sheet the product owns and rewrites whole (DX_AnhXa, DX_KyTruoc,
 * DX_DanhDau): one header row with Vietnamese labels, one record a row. Read
 * back by its labels like any other table.
 */
export function ownedTable<K extends string>(id: string, sheet: string, columns: Array<OwnedColumn<K>>) {
  const spec = TableSpec.parse({
    id,
    title: sheet,
    rows: 'free',
    columns: columns.map((c) => ({ key: c.key, label: c.label, kind: c.kind ?? 'text', optional: false })),
  });
  return {
    sheet,
    read(grid: Grid | undefined): Array<Record<K, CellValue>> {
      if (!grid) return [];
      const layout = findTable(grid, spec);
      if (!layout) return [];
      const out: Array<Record<K, CellValue>> = [];
      for (let r = layout.headerRow + 1; r < grid.length; r++) {
        const rec = {} as Record<K, CellValue>;
        let filled = false;
        for (const c of columns) {
          const v = layout.columns[c.key] === undefined ? null : (grid[r]?.[layout.columns[c.key]] ?? null);
          rec[c.key] = v === '' ? null : v;
          if (rec[c.key] !== null) filled = true;
        }
        if (filled) out.push(rec);
      }
      return out;
    },
    write(records: Array<Record<K, string | number | null>>): SheetSpec {
      const rows: Array<Array<CellSpec | null>> = [columns.map((c) => ({ v: c.label, s: 'header' as const }))];
      for (const rec of records) rows.push(columns.map((c) => ({ v: rec[c.key] ?? null })));
      return SheetSpec.parse({ name: sheet, rows, columnWidths: columns.map((c) => c.width ?? 14), hidden: true });
    },
  };
}
