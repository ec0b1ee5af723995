import * as fs from 'fs';
import * as path from 'path';
import { Args, EXIT, flag, flags, has, Refused, UsageError } from './args';
import { givenMappings, InputError, readInput } from './inputs';
import { mappingFileText, readMappingFile, sidecarPath, withMapping } from './mapping-file';
import { checkTargets, commitFiles, existingOwned, OutputTarget, withLocks } from './output';
import { describeError } from '../shared/errors/describe';
import { MAY_LACK, readUnitWorkbook } from '../shared/reading/unit-workbook';
import { tableSpec } from '../shared/templates/families';
import { TableSpec } from '../shared/templates/schema';
import { findTable, findTables, TableLayout } from '../shared/tables/read';
import { ColumnMapping, headerChoices } from '../shared/templates/mapping';
import { columnLetter } from '../shared/workbook/sheet-spec';
import { nearest, PROGRAM } from './args';
import { SheetSnapshot } from '../shared/workbook/port';
import { XlsxWorkbook } from '../xlsx/workbook';

/** A file named on the command line that must exist: a missing one is a wrong call, said with its name. */
function mustExist(file: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new UsageError(`Không tìm thấy tệp “${file}”.`);
  }
  if (st.isDirectory()) throw new UsageError(`“${file}” là một thư mục, không phải tệp .xlsx.`);
}

/** `dx-report tables FILE [--mapping FILE] [--json]`: which tables were recognised, where, and what could not be. */
export async function runTables(args: Args, out: (s: string) => void): Promise<number> {
  const file = args.words[0];
  mustExist(file);
  let sheets: SheetSnapshot[];
  try {
    sheets = await readInput(file, givenMappings(flags(args, 'mapping')));
  } catch (e) {
    out(`${e instanceof InputError ? e.message : `Không đọc được tệp “${file}”: ${describeError(e)}`}\n`);
    return EXIT.usage;
  }
  const read = readUnitWorkbook(sheets);
  if (has(args, 'json')) {
    out(
      `${JSON.stringify({
        cover: Object.fromEntries(Object.entries(read.cover).map(([k, v]) => [k, v?.value ?? null])),
        tables: read.tables.map((t) => ({
          table: t.table,
          sheet: t.sheet,
          headerRow: t.headerRow + 1,
          mapped: t.mapped,
          columns: Object.fromEntries(Object.entries(t.columns).map(([k, c]) => [k, columnLetter(c)])),
          rows: t.rows.length,
        })),
        unmatched: read.unmatched.map((u) => ({
          table: u.table,
          sheet: u.sheet,
          headerRow: u.layout.headerRow + u.layout.headerRows,
          missing: u.layout.missing,
        })),
        seen: (read.seen ?? []).map((x) => ({ sheet: x.sheet, headerRow: x.headerRow + 1, name: x.name })),
      })}\n`,
    );
    return EXIT.ok;
  }
  for (const t of read.tables) {
    out(
      `${t.table.padEnd(5)} ${t.sheet}!${columnLetter(Math.min(...Object.values(t.columns)))}${t.headerRow + 1}  ` +
        `${t.rows.length} dòng${t.mapped ? ' (theo ánh xạ đã lưu)' : ''}\n`,
    );
  }
  for (const u of read.unmatched) {
    out(
      `${u.table.padEnd(5)} ${u.sheet}: chưa nhận ra cột ${u.layout.missing.join(', ')} — ` +
        `dùng: ${PROGRAM} map ${file} --sheet "${u.sheet}" --table ${u.table} ` +
        `--header-row ${u.layout.headerRow + u.layout.headerRows} ` +
        `${u.layout.missing.map((k) => `--col ${k}=CỘT`).join(' ')}\n`,
    );
  }
  for (const x of read.seen ?? []) out(`${x.sheet}!A${x.headerRow + 1}: ${x.name}: chưa thu thập\n`);
  return EXIT.ok;
}

/** The keys a table accepts, each with the label staff see: "received (Tổng số tiếp nhận)". */
function acceptedKeys(spec: TableSpec, only?: string[]): string {
  return spec.columns
    .filter((c) => !only || only.includes(c.key))
    .map((c) => `${c.key} (${c.group ? `${c.group} — ${c.label}` : c.label}${c.optional ? ', không bắt buộc' : ''})`)
    .join(', ');
}

/**
 * The layout the reader sees on the sheet: at the header row given (its last line), else the best header
 * of the table there. Its recognised columns are kept; only the missing ones are asked for.
 */
function detectedLayout(grid: SheetSnapshot['values'], spec: TableSpec, headerRow?: number): TableLayout | null {
  if (headerRow === undefined) return findTables(grid, spec, MAY_LACK[spec.id])[0] ?? null;
  // A one-line header at that row, or a two-line one ending there.
  const l = findTable(grid, spec, Math.max(0, headerRow - 2), headerRow - 1);
  return l && l.headerRow + l.headerRows === headerRow ? l : null;
}

/**
 * `dx-report map FILE --sheet S --table T [--header-row N] [--col key=C ...] [--out FILE.json] [--force]`: saves
 * a column mapping in a small file beside the workbook (`<tên>.dx-anh-xa.json`); the workbook is only read.
 * The columns the reader recognised are taken as they are: `--col` is needed only for the missing ones.
 */
export async function runMap(args: Args, out: (s: string) => void): Promise<number> {
  const file = args.words[0];
  const sheet = flag(args, 'sheet')!;
  const table = flag(args, 'table')!;
  const givenRow = flag(args, 'header-row') === undefined ? undefined : Number(flag(args, 'header-row'));
  const spec = tableSpec(table);
  const columns: Record<string, string> = {};
  for (const pair of flags(args, 'col')) {
    const [key, letters] = pair.split('=');
    if (!spec.columns.some((c) => c.key === key)) {
      const near = nearest(
        key,
        spec.columns.map((c) => c.key),
      );
      throw new UsageError(
        `--col ${pair}: bảng ${table} không có trường “${key}”${near ? `; có phải ${near}?` : ''} ` +
          `(các trường: ${acceptedKeys(spec)}).`,
      );
    }
    columns[key] = letters.toUpperCase();
  }
  mustExist(file);
  const target = flag(args, 'out') ?? sidecarPath(file);
  const t: OutputTarget = {
    file: target,
    role: flag(args, 'out') ? '--out' : 'tệp ánh xạ',
    kind: 'json',
    force: has(args, 'force'),
  };
  checkTargets([t], [file]);
  // Read only: the unit's file is never written (a library rewriting it would drop what it cannot keep).
  let book: XlsxWorkbook;
  try {
    book = await XlsxWorkbook.open(file);
  } catch (e) {
    throw new UsageError(`Không đọc được tệp “${file}”: ${describeError(e)}`);
  }
  const names = await book.sheetNames();
  if (!names.includes(sheet)) {
    const near = nearest(sheet, names);
    throw new Refused(
      `Tệp “${file}” không có trang “${sheet}”${near ? `; có phải “${near}”?` : ''} (các trang: ${names.join(', ')}).`,
    );
  }
  const [snap] = await book.read([sheet]);
  const detected = detectedLayout(snap.values, spec, givenRow);
  if (givenRow === undefined && !detected)
    throw new Refused(
      `Không thấy tiêu đề của bảng ${spec.id} trên trang “${sheet}”: thêm --header-row N và --col cho từng trường ` +
        `(các trường: ${acceptedKeys(spec)}).`,
    );
  const headerRow = givenRow ?? detected!.headerRow + detected!.headerRows;
  if (!headerChoices(snap.values, headerRow - 1).length)
    throw new Refused(`Dòng ${headerRow} của trang “${sheet}” không có tiêu đề cột.`);
  // What the reader recognised stays; --col adds the missing columns or corrects a recognised one.
  for (const [k, c] of Object.entries(detected?.columns ?? {})) columns[k] ??= columnLetter(c);
  const missing = spec.columns.filter((c) => !c.optional && !columns[c.key]).map((c) => c.key);
  if (missing.length)
    throw new Refused(
      `Chưa chọn cột cho: ${acceptedKeys(spec, missing)}` +
        `${
          detected
            ? ` (đã nhận ra: ${Object.entries(detected.columns)
                .map(([k, c]) => `${k}=${columnLetter(c)}`)
                .join(', ')})`
            : ''
        }; ` +
        `thêm ${missing.map((k) => `--col ${k}=CỘT`).join(' ')}.\n` +
        // Every key, so a column recognised wrongly can be corrected with --col too.
        `Các khóa của bảng ${spec.id} (khóa=CỘT): ${acceptedKeys(spec)}.`,
    );
  const mapping: ColumnMapping = { sheet, table: spec.id, headerRow, columns };
  return withLocks([t], async () => {
    const exists = fs.existsSync(target);
    await existingOwned(t);
    // A mapping file of the product keeps its other tables' mappings; one given --force is started afresh.
    let list: ColumnMapping[] = [];
    if (exists && !t.force) list = readMappingFile(target).mappings;
    list = withMapping(list, mapping);
    await commitFiles([{ file: target, data: mappingFileText(file, list) }]);
    const beside = path.resolve(target) === path.resolve(sidecarPath(file));
    if (has(args, 'json')) out(`${JSON.stringify({ file, mappingFile: target, mapping, beside })}\n`);
    else
      out(
        `Đã lưu ánh xạ cột của bảng ${spec.id} (trang “${sheet}”) vào ${target}; ${file} không bị thay đổi.\n` +
          (beside
            ? '  validate, consolidate và tables tự đọc tệp này khi nó nằm cạnh phiếu.\n'
            : `  Khi đọc phiếu, thêm: --mapping ${target}\n`),
      );
    return EXIT.ok;
  });
}
