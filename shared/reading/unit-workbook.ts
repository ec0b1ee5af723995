import { FAMILIES } from '../templates/families';
import { ColumnMapping, layoutFromMapping, readMappings } from '../templates/mapping';
import { TableSpec } from '../templates/schema';
import { COVER_LABELS, COVER_SHEET, MAPPING_SHEET } from '../templates/version';
import { findTable, readTable, TableLayout, TableRead } from '../tables/read';
import { hasLetters, labelMatches } from '../tables/labels';
import { SheetSnapshot } from '../workbook/port';
import { CellValue, columnLetter } from '../workbook/sheet-spec';

export type CoverKey = keyof typeof COVER_LABELS;

export interface CoverField {
  value: CellValue;
  /** Where it is, e.g. "Thông tin chung!B4". */
  sheet: string;
  cell: string;
}

/** A table whose headers were found only in part: the user maps the missing columns once. */
export interface UnmatchedTable {
  sheet: string;
  table: string;
  layout: TableLayout;
}

export interface UnitWorkbookRead {
  cover: Partial<Record<CoverKey, CoverField>>;
  tables: TableRead[];
  unmatched: UnmatchedTable[];
  mappings: ColumnMapping[];
}

/** The metadata block: each label, anywhere on a sheet, with its value to the right. */
export function readCover(sheets: SheetSnapshot[]): Partial<Record<CoverKey, CoverField>> {
  const out: Partial<Record<CoverKey, CoverField>> = {};
  const ordered = [...sheets].sort((a, b) => (a.name === COVER_SHEET ? -1 : b.name === COVER_SHEET ? 1 : 0));
  for (const s of ordered) {
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (!hasLetters(v)) return;
        for (const [key, label] of Object.entries(COVER_LABELS) as Array<[CoverKey, string]>) {
          if (out[key] || !labelMatches(v, [label])) continue;
          let k = c + 1;
          while (k < row.length && (row[k] === null || row[k] === '') && k < c + 3) k++;
          out[key] = {
            value: row[k] ?? null,
            sheet: s.name,
            cell: `${columnLetter(k < row.length ? k : c + 1)}${r + 1}`,
          };
        }
      }),
    );
  }
  return out;
}

/**
 * Finds every family table in a workbook by its labels: in the family's own
 * sheet first, then in any sheet (staff's own workbooks name sheets freely).
 * A saved mapping in DX_AnhXa takes precedence for its sheet and table.
 */
export function readUnitWorkbook(
  sheets: SheetSnapshot[],
  tables: TableSpec[] = FAMILIES.flatMap((f) => f.tables),
): UnitWorkbookRead {
  const mapSheet = sheets.find((s) => s.name === MAPPING_SHEET);
  const mappings = mapSheet ? readMappings(mapSheet.values) : [];
  const content = sheets.filter((s) => !s.name.startsWith('DX_'));
  const out: UnitWorkbookRead = { cover: readCover(content), tables: [], unmatched: [], mappings };
  const homeOf = (id: string) => FAMILIES.find((f) => f.tables.some((t) => t.id === id))?.sheet;
  for (const spec of tables) {
    const mapping = mappings.find((m) => m.table === spec.id && content.some((s) => s.name === m.sheet));
    if (mapping) {
      const s = content.find((x) => x.name === mapping.sheet)!;
      out.tables.push(readTable(s.name, s.values, spec, layoutFromMapping(spec, mapping)));
      continue;
    }
    const home = homeOf(spec.id);
    const ordered = [...content].sort((a, b) => (a.name === home ? -1 : b.name === home ? 1 : 0));
    let partial: UnmatchedTable | null = null;
    for (const s of ordered) {
      const layout = findTable(s.values, spec);
      if (!layout) continue;
      if (layout.missing.length === 0) {
        out.tables.push(readTable(s.name, s.values, spec, layout));
        partial = null;
        break;
      }
      if (!partial || layout.score > partial.layout.score) partial = { sheet: s.name, table: spec.id, layout };
    }
    if (partial && !out.tables.some((t) => t.table === spec.id)) out.unmatched.push(partial);
  }
  // A header another table fully matched is that table's, not a half-recognised one to map.
  out.unmatched = out.unmatched.filter(
    (u) => !out.tables.some((t) => t.sheet === u.sheet && Math.abs(t.headerRow - u.layout.headerRow) <= 1),
  );
  return out;
}
