import { a1, CellSpec, SheetSpec, StyleName } from './sheet-spec';
import { STYLES } from './styles';

export type HostCell = string | number | boolean;

/**
 * Text that a spreadsheet would take for a formula (=, +, -, @ first) gets the
 * apostrophe prefix both Excel and Sheets read as "this is text".
 */
export function asText(v: string): string {
  return /^[=+\-@]/.test(v) ? `'${v}` : v;
}

function hostValue(cell: CellSpec | null): HostCell {
  if (!cell) return '';
  if (cell.f) return cell.f;
  if (cell.v === null || cell.v === undefined) return '';
  return typeof cell.v === 'string' ? asText(cell.v) : cell.v;
}

/** A sheet spec as the dense 2-D arrays hosts write in one call each. */
export interface HostGrids {
  rows: number;
  columns: number;
  /** Values and formulas together: Office.js `range.formulas`, Apps Script `setValues`. */
  cells: HostCell[][];
  numberFormats: string[][];
  /** A1 addresses of the cells of each style, for one formatting call per style. */
  byStyle: Partial<Record<StyleName, string[]>>;
  styleGrid: Array<Array<StyleName | null>>;
}

export function hostGrids(spec: SheetSpec): HostGrids {
  const rows = Math.max(1, spec.rows.length);
  const columns = Math.max(1, spec.columnWidths.length, ...spec.rows.map((r) => r.length));
  const cells: HostCell[][] = [];
  const numberFormats: string[][] = [];
  const styleGrid: Array<Array<StyleName | null>> = [];
  const byStyle: HostGrids['byStyle'] = {};
  for (let r = 0; r < rows; r++) {
    const row = spec.rows[r] ?? [];
    cells.push([]);
    numberFormats.push([]);
    styleGrid.push([]);
    for (let c = 0; c < columns; c++) {
      const cell = row[c] ?? null;
      cells[r].push(hostValue(cell));
      const style = cell?.s ?? null;
      styleGrid[r].push(style);
      numberFormats[r].push(style ? (STYLES[style].numFmt ?? 'General') : 'General');
      if (style) (byStyle[style] ??= []).push(a1(r, c));
    }
  }
  return { rows, columns, cells, numberFormats, byStyle, styleGrid };
}
