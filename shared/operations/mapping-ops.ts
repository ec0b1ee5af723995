import { readUnitWorkbook } from '../reading/unit-workbook';
import { ColumnMapping, headerChoices, mappingSheet, readMappings } from '../templates/mapping';
import { FAMILIES, tableSpec } from '../templates/families';
import { MAPPING_SHEET } from '../templates/version';
import { SheetSnapshot, WorkbookPort } from '../workbook/port';
import { Op, runAsync } from './run';
import { MissingSheetError } from '../errors/errors';
import { columnLetter } from '../workbook/sheet-spec';

/** Plain data for the panes (google.script.run carries only plain values). */
export interface WorkbookTables {
  tables: Array<{ table: string; title: string; sheet: string; headerRow: number; rows: number; mapped: boolean }>;
  unmatched: Array<{
    table: string;
    title: string;
    sheet: string;
    /** 1-based row of the header line the columns are chosen from. */
    headerRow: number;
    fields: Array<{ key: string; label: string; required: boolean; column: string | null }>;
    choices: Array<{ column: string; label: string }>;
  }>;
}

/** What the "Đọc bảng" button shows: tables recognised, and those waiting for a column mapping. */
export function* inspectWorkbookOp(port: WorkbookPort): Op<WorkbookTables> {
  const sheets = (yield port.read()) as SheetSnapshot[];
  const read = readUnitWorkbook(sheets);
  return {
    tables: read.tables.map((t) => ({
      table: t.table,
      title: tableSpec(t.table).title,
      sheet: t.sheet,
      headerRow: t.headerRow + t.headerRows,
      rows: t.rows.length,
      mapped: t.mapped,
    })),
    unmatched: read.unmatched.map((u) => {
      const spec = tableSpec(u.table);
      const headerRow = u.layout.headerRow + u.layout.headerRows - 1;
      const grid = sheets.find((s) => s.name === u.sheet)!.values;
      return {
        table: u.table,
        title: spec.title,
        sheet: u.sheet,
        headerRow: headerRow + 1,
        fields: spec.columns.map((c) => ({
          key: c.key,
          label: c.group ? `${c.group} — ${c.label}` : c.label,
          required: !c.optional,
          column: c.key in u.layout.columns ? columnLetter(u.layout.columns[c.key]) : null,
        })),
        choices: headerChoices(grid, headerRow),
      };
    }),
  };
}

/** Tables a user may map by hand, and the sheets of the workbook: for a table nothing was recognised in. */
export function* mappingTargetsOp(
  port: WorkbookPort,
): Op<{ tables: Array<{ id: string; title: string }>; sheets: string[] }> {
  const names = (yield port.sheetNames()) as string[];
  const tables = FAMILIES.flatMap((f) =>
    f.tables.map((t) => ({ id: t.id, title: `${f.sheet.split(' ')[0]} — ${t.title}` })),
  );
  return { tables, sheets: names.filter((n) => !n.startsWith('DX_')) };
}

/** The fields of a table and the header cells of a chosen row, for a mapping made by hand. */
export function* manualMappingOp(
  port: WorkbookPort,
  sheet: string,
  table: string,
  headerRow: number,
): Op<WorkbookTables['unmatched'][number]> {
  const [snap] = (yield port.read([sheet])) as SheetSnapshot[];
  if (!snap) throw new MissingSheetError(sheet);
  const spec = tableSpec(table);
  const choices = headerChoices(snap.values, headerRow - 1);
  if (!choices.length) throw new Error(`Dòng ${headerRow} của trang “${sheet}” không có tiêu đề cột.`);
  return {
    table,
    title: spec.title,
    sheet,
    headerRow,
    fields: spec.columns.map((c) => ({
      key: c.key,
      label: c.group ? `${c.group} — ${c.label}` : c.label,
      required: !c.optional,
      column: null,
    })),
    choices,
  };
}

/** Saves one mapping into DX_AnhXa (the product's own hidden sheet), keeping the others. */
export function* saveMappingOp(port: WorkbookPort, mapping: ColumnMapping): Op<void> {
  const spec = tableSpec(mapping.table);
  const missing = spec.columns.filter((c) => !c.optional && !mapping.columns[c.key]).map((c) => c.label);
  if (missing.length) throw new Error(`Chưa chọn cột cho: ${missing.join(', ')}.`);
  const names = (yield port.sheetNames()) as string[];
  if (!names.includes(mapping.sheet)) throw new MissingSheetError(mapping.sheet);
  const existing = names.includes(MAPPING_SHEET)
    ? readMappings(((yield port.read([MAPPING_SHEET])) as SheetSnapshot[])[0].values)
    : [];
  const kept = existing.filter((m) => !(m.sheet === mapping.sheet && m.table === mapping.table));
  yield port.write([mappingSheet([...kept, mapping])], [MAPPING_SHEET]);
}

export const inspectWorkbook = (port: WorkbookPort) => runAsync(inspectWorkbookOp(port));
export const saveMapping = (port: WorkbookPort, mapping: ColumnMapping) => runAsync(saveMappingOp(port, mapping));
export const mappingTargets = (port: WorkbookPort) => runAsync(mappingTargetsOp(port));
export const manualMapping = (port: WorkbookPort, sheet: string, table: string, headerRow: number) =>
  runAsync(manualMappingOp(port, sheet, table, headerRow));
