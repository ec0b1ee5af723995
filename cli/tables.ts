import { describeError } from '../shared/errors/describe';
import { Args, flag, UsageError } from './args';
import { readUnitWorkbook } from '../shared/reading/unit-workbook';
import { saveMapping } from '../shared/operations/mapping-ops';
import { tableSpec } from '../shared/templates/families';
import { MAPPING_SHEET } from '../shared/templates/version';
import { columnLetter } from '../shared/workbook/sheet-spec';
import { XlsxWorkbook } from '../xlsx/workbook';

/** `dx-report tables FILE [--json]`: which tables were recognised, where, and what could not be. */
export async function runTables(args: Args, out: (s: string) => void): Promise<number> {
  const file = args.words[0];
  if (!file) throw new UsageError('Cần tên tệp: dx-report tables unit.xlsx');
  const book = await XlsxWorkbook.open(file);
  const read = readUnitWorkbook(await book.read());
  if (args.flags.json) {
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
      })}\n`,
    );
    return 0;
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
        `dùng: dx-report map ${file} --sheet "${u.sheet}" --table ${u.table} ` +
        `--header-row ${u.layout.headerRow + u.layout.headerRows} --col KHÓA=CỘT ...\n`,
    );
  }
  return 0;
}

/** `dx-report map FILE --sheet S --table T --header-row N --col key=C ...`: saves a column mapping in the workbook. */
export async function runMap(args: Args, out: (s: string) => void): Promise<number> {
  const file = args.words[0];
  const sheet = flag(args, 'sheet');
  const table = flag(args, 'table');
  const headerRow = Number(flag(args, 'header-row'));
  if (!file || !sheet || !table || !Number.isInteger(headerRow) || headerRow < 1)
    throw new UsageError('Cần: dx-report map FILE --sheet S --table T --header-row N --col khóa=CỘT ...');
  const spec = tableSpec(table);
  const columns: Record<string, string> = {};
  for (const pair of args.flags.col ?? []) {
    const m = /^([a-zA-Z0-9]+)=([A-Za-z]{1,3})$/.exec(pair);
    if (!m || !spec.columns.some((c) => c.key === m[1]))
      throw new UsageError(`--col ${pair}: khóa phải là một trong ${spec.columns.map((c) => c.key).join(', ')}`);
    columns[m[1]] = m[2].toUpperCase();
  }
  const book = await XlsxWorkbook.open(file);
  try {
    await saveMapping(book, { sheet, table, headerRow, columns });
  } catch (e) {
    out(`${describeError(e)}\n`);
    return 1;
  }
  await book.save(file);
  out(`Đã lưu ánh xạ cột của bảng ${table} (trang “${sheet}”) vào ${MAPPING_SHEET}.\n`);
  return 0;
}
