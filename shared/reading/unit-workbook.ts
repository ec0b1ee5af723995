import { FAMILIES } from '../templates/families';
import { ColumnMapping, layoutFromMapping, readMappings } from '../templates/mapping';
import { TableSpec } from '../templates/schema';
import { COVER_LABELS, COVER_SHEET, MAPPING_SHEET } from '../templates/version';
import {
  cellsOf,
  findTable,
  findTables,
  readingSession,
  readRows,
  readTable,
  TableLayout,
  TableRead,
  TableRow,
} from '../tables/read';
import { keysMatch, labelSet } from '../tables/labels';
import { enoughSeen, UNCOLLECTED } from '../tables/uncollected';
import { SheetSnapshot } from '../workbook/port';
import { CellValue, columnLetter } from '../workbook/sheet-spec';
import { readNotes, UnitNotes } from './notes';
import { toneKey } from '../text/fold';

export type { NoteItem, UnitNotes } from './notes';

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

/** A table recognised as one the product does not collect (seed 003 §2, digital signatures). */
export interface SeenTable {
  sheet: string;
  /** 0-based row of the (upper) header line. */
  headerRow: number;
  /** How users call it: "Bảng chữ ký số". */
  name: string;
  /** A summary the product itself lays out from the units' reports (Phụ lục II, III), sent as if a report. */
  made?: true;
}

export interface UnitWorkbookRead {
  cover: Partial<Record<CoverKey, CoverField>>;
  /** Every table found, in the order of the families, several of one kind in the order of the sheets. */
  tables: TableRead[];
  unmatched: UnmatchedTable[];
  /** Tables seen that the product does not collect: said, never passed over silently. */
  seen?: SeenTable[];
  mappings: ColumnMapping[];
  /**
   * What the unit wrote for the report's qualitative sections (issue 14): its sheet "Kết quả, khó khăn", or
   * the same headings in its own sheets. Empty lists for a workbook that has neither (templates before it).
   */
  notes?: UnitNotes;
}

/**
 * Required columns a table may lack by its nature: a plan of projects (seed 004 Annex II, "Danh mục dự án …
 * năm 2024") is written before work starts and has no "Đánh giá"; it is read as a project table all the same.
 */
export const MAY_LACK: Record<string, string[]> = { T5: ['assessment'] };

/** A "100%" typed into a count cell is stored as 1 with a percent format: it is read as the "100%" it shows. */
function shownAsPercent(t: TableRead, spec: TableSpec, formats: SheetSnapshot['numberFormats']): TableRead {
  if (!formats) return t;
  const cols = spec.columns.filter((c) => (c.kind === 'count' || c.kind === 'money') && c.key in t.columns);
  for (const row of t.rows)
    for (const c of cols) {
      const v = row.cells[c.key];
      const f = formats[row.row]?.[t.columns[c.key]];
      if (typeof v === 'number' && f && /%/.test(f.replace(/"[^"]*"|\\./g, '')))
        row.cells[c.key] = `${String(Math.round(v * 1e8) / 1e6).replace('.', ',')}%`;
    }
  return t;
}

/** Rows that are one unit's own: at most one, or every one naming the cover's unit. */
function ownRows(rows: TableRow[], unit: string): boolean {
  const items = rows.filter((r) => r.kind === 'item');
  const self = toneKey(unit.trim());
  return items.length <= 1 || (self !== '' && items.every((r) => toneKey(String(r.cells.unit ?? '').trim()) === self));
}

/** The cover's labels made ready for matching once, in their order. */
const COVER_SETS = (Object.entries(COVER_LABELS) as Array<[CoverKey, string]>).map(
  ([key, label]) => [key, labelSet([label])] as const,
);

/** The metadata block: each label, anywhere on a sheet, with its value to the right. */
export function readCover(sheets: SheetSnapshot[]): Partial<Record<CoverKey, CoverField>> {
  const out: Partial<Record<CoverKey, CoverField>> = {};
  const ordered = [...sheets].sort((a, b) => (a.name === COVER_SHEET ? -1 : b.name === COVER_SHEET ? 1 : 0));
  for (const s of ordered) {
    const cells = cellsOf(s.values);
    s.values.forEach((row, r) =>
      // Only cells of text that may name a label (of any table or the cover) are tried, each by its keys once.
      cells.labelled(r).forEach(({ c, cell }) => {
        for (const [key, set] of COVER_SETS) {
          if (out[key] || !keysMatch(cell.keys, set)) continue;
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
  // Every table is looked for in the same sheets, which do not change meanwhile.
  return readingSession(() => readAll(sheets, tables));
}

function readAll(sheets: SheetSnapshot[], tables: TableSpec[]): UnitWorkbookRead {
  const mapSheet = sheets.find((s) => s.name === MAPPING_SHEET);
  const mappings = mapSheet ? readMappings(mapSheet.values) : [];
  const content = sheets.filter((s) => !s.name.startsWith('DX_'));
  const seen: SeenTable[] = [];
  const out: UnitWorkbookRead = {
    cover: readCover(content),
    tables: [],
    unmatched: [],
    seen,
    mappings,
    notes: readNotes(content),
  };
  const homeOf = (id: string) => FAMILIES.find((f) => f.tables.some((t) => t.id === id))?.sheet;
  for (const spec of tables) {
    const mapping = mappings.find((m) => m.table === spec.id && content.some((s) => s.name === m.sheet));
    const home = homeOf(spec.id);
    const ordered = [...content].sort((a, b) => (a.name === home ? -1 : b.name === home ? 1 : 0));
    let partial: UnmatchedTable | null = null;
    const found: TableRead[] = [];
    for (const s of ordered) {
      if (mapping && s.name === mapping.sheet) {
        found.push(readTable(s.name, s.values, spec, layoutFromMapping(spec, mapping)));
        continue;
      }
      // Every table of the kind, on every sheet: two project tables (investment, recurrent) are two tables.
      for (const { rows, ...layout } of findTables(s.values, spec, MAY_LACK[spec.id])) {
        if (layout.missing.length === 0)
          found.push(shownAsPercent({ ...layout, sheet: s.name, rows }, spec, s.numberFormats));
        else if (!partial || layout.score > partial.layout.score) partial = { sheet: s.name, table: spec.id, layout };
      }
    }
    out.tables.push(...found);
    if (partial && !found.length) out.unmatched.push(partial);
  }
  // A header inside a table another kind fully matched is that table's, not a half-recognised one to map.
  const inside = (sheet: string, r: number) =>
    out.tables.some(
      (t) => t.sheet === sheet && r >= t.headerRow - 1 && r <= Math.max(t.headerRow + 1, ...t.rows.map((x) => x.row)),
    );
  // Two kinds half-read from one header: the header is the kind that recognised more of its columns.
  out.unmatched = out.unmatched.filter(
    (u) =>
      !inside(u.sheet, u.layout.headerRow) &&
      !out.unmatched.some(
        (o) =>
          o !== u &&
          o.sheet === u.sheet &&
          Math.abs(o.layout.headerRow - u.layout.headerRow) <= 1 &&
          (o.layout.score > u.layout.score ||
            (o.layout.score === u.layout.score && out.unmatched.indexOf(o) < out.unmatched.indexOf(u))),
      ),
  );
  for (const { spec, name, made } of UNCOLLECTED)
    for (const s of content) {
      const l = findTable(s.values, spec);
      if (!l || !enoughSeen(spec, l) || inside(s.name, l.headerRow)) continue;
      // A summary of many units is the secretariat's; one row, or rows of the unit itself, is the unit's own
      // (its plans typed in the annex's layout): said as a table not read, never as "nothing to check".
      const own = made && ownRows(readRows(s.values, spec, l), String(out.cover.unit?.value ?? ''));
      seen.push({ sheet: s.name, headerRow: l.headerRow, name, ...(made && !own ? { made } : {}) });
    }
  return out;
}
