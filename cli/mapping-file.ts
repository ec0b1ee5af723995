/**
 * Column mappings kept beside a unit's workbook, never inside it: `dx-report map` writes
 * `<tên>.dx-anh-xa.json` next to `<tên>.xlsx` (rewriting the unit's file through the .xlsx library would
 * drop what the library cannot keep, such as charts). The readers apply it as if it were the
 * workbook's own DX_AnhXa sheet, over that sheet's mappings for the same table.
 */
import { describeError } from '../shared/errors/describe';
import * as fs from 'fs';
import * as path from 'path';
import { ColumnMapping, mappingSheet, readMappings } from '../shared/templates/mapping';
import { tableSpec } from '../shared/templates/families';
import { MAPPING_SHEET } from '../shared/templates/version';
import { SheetSnapshot } from '../shared/workbook/port';
import { CellValue } from '../shared/workbook/sheet-spec';
import { Refused } from './args';
import { JSON_GENERATOR } from './output';

export const SIDECAR_SUFFIX = '.dx-anh-xa.json';
const MAX_BYTES = 1024 * 1024;

/** The mapping file of a unit's workbook: `units/Phường 1.xlsx` → `units/Phường 1.dx-anh-xa.json`. */
export function sidecarPath(file: string): string {
  return path.join(path.dirname(file), `${path.basename(file).replace(/\.xlsx$/i, '')}${SIDECAR_SUFFIX}`);
}

export interface MappingFile {
  /** The unit's workbook it was made for (its file name). */
  file: string;
  mappings: ColumnMapping[];
}

/** A mapping file that cannot be used: named with the file and what is wrong. */
export class MappingFileError extends Refused {
  constructor(message: string) {
    super(message, 2);
  }
}

/** Reads and checks a mapping file: the product's own, each table and field known, each column a letter. */
export function readMappingFile(file: string): MappingFile {
  const bad = (why: string) => new MappingFileError(`Tệp ánh xạ “${file}” ${why}.`);
  const st = fs.statSync(file);
  if (!st.isFile()) throw bad('không phải là một tệp thông thường');
  if (st.size > MAX_BYTES) throw bad(`lớn hơn ${MAX_BYTES / 1024 / 1024} MB`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    // JSON.parse says where in English: the Vietnamese sentence says what to do.
    throw new MappingFileError(describeError(e, file));
  }
  const o = parsed as { generator?: unknown; file?: unknown; mappings?: unknown };
  if (typeof o !== 'object' || o === null || o.generator !== JSON_GENERATOR)
    throw bad('không do dx-report tạo (thiếu "generator": "dx-report")');
  if (!Array.isArray(o.mappings)) throw bad('không có danh sách "mappings"');
  const mappings: ColumnMapping[] = [];
  o.mappings.forEach((raw: unknown, i: number) => {
    const m = raw as { sheet?: unknown; table?: unknown; headerRow?: unknown; columns?: unknown };
    const at = `mappings[${i}]`;
    if (typeof m !== 'object' || m === null) throw bad(`${at} không phải một ánh xạ`);
    if (typeof m.sheet !== 'string' || !m.sheet.trim()) throw bad(`${at}.sheet trống`);
    let spec: ReturnType<typeof tableSpec>;
    try {
      spec = tableSpec(String(m.table));
    } catch {
      throw bad(`${at}.table “${String(m.table)}” không phải một bảng`);
    }
    if (typeof m.headerRow !== 'number' || !Number.isInteger(m.headerRow) || m.headerRow < 1 || m.headerRow > 1048576)
      throw bad(`${at}.headerRow phải là số dòng từ 1`);
    if (typeof m.columns !== 'object' || m.columns === null || Array.isArray(m.columns))
      throw bad(`${at}.columns không phải bảng khóa → cột`);
    const columns: Record<string, string> = {};
    for (const [key, col] of Object.entries(m.columns as Record<string, unknown>)) {
      if (!spec.columns.some((c) => c.key === key))
        throw bad(`${at}.columns: bảng ${spec.id} không có trường “${key}”`);
      if (typeof col !== 'string' || !/^[A-Za-z]{1,3}$/.test(col))
        throw bad(`${at}.columns.${key}: “${String(col)}” không phải cột`);
      columns[key] = col.toUpperCase();
    }
    mappings.push({ sheet: m.sheet, table: spec.id, headerRow: m.headerRow, columns });
  });
  return { file: typeof o.file === 'string' ? o.file : '', mappings };
}

/** The file's text: the product's marker, the workbook it is for, the mappings. */
export function mappingFileText(unitFile: string, mappings: ColumnMapping[]): string {
  return `${JSON.stringify(
    { generator: JSON_GENERATOR, format: 'dx-anh-xa', version: 1, file: path.basename(unitFile), mappings },
    null,
    2,
  )}\n`;
}

/** One mapping added to a list, replacing the one for the same sheet and table. */
export function withMapping(list: ColumnMapping[], m: ColumnMapping): ColumnMapping[] {
  return [...list.filter((x) => !(x.sheet === m.sheet && x.table === m.table)), m];
}

/**
 * The mappings that apply to one input: its own mapping file beside it, then those given with --mapping
 * for its file name. Throws MappingFileError for a mapping file that cannot be used.
 */
export function mappingsFor(input: string, given: MappingFile[]): ColumnMapping[] {
  let out: ColumnMapping[] = [];
  const beside = sidecarPath(input);
  if (fs.existsSync(beside)) for (const m of readMappingFile(beside).mappings) out = withMapping(out, m);
  for (const g of given) if (g.file === path.basename(input)) for (const m of g.mappings) out = withMapping(out, m);
  return out;
}

/**
 * The sheets as read, with the mappings applied as the reader applies DX_AnhXa: in memory only; the
 * workbook's own DX_AnhXa mappings are kept where no mapping file names the same sheet and table.
 */
export function withMappings(sheets: SheetSnapshot[], mappings: ColumnMapping[]): SheetSnapshot[] {
  if (!mappings.length) return sheets;
  const own = sheets.find((s) => s.name === MAPPING_SHEET);
  let merged = own ? readMappings(own.values) : [];
  for (const m of mappings) merged = withMapping(merged, m);
  const spec = mappingSheet(merged);
  const values: CellValue[][] = spec.rows.map((r) => r.map((c) => c?.v ?? null));
  return [...sheets.filter((s) => s !== own), { name: MAPPING_SHEET, values, hidden: true }];
}
