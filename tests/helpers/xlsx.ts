import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { XlsxWorkbook } from '../../xlsx/workbook';
import { readUnitWorkbook } from '../../shared/reading/unit-workbook';

export function tmpFile(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-'));
  return path.join(dir, name);
}

/**
 * A workbook typed by hand from a tab-separated text: each line a row, each
 * tab a cell, written as the text it is (staff paste figures as text too).
 */
export async function tsvWorkbook(
  file: string,
  sheets: Array<{ name: string; tsv: string; rowOffset?: number; colOffset?: number }>,
): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = book.addWorksheet(s.name);
    s.tsv.split('\n').forEach((line, r) => {
      line.split('\t').forEach((cell, c) => {
        if (cell.trim() !== '') ws.getCell(r + 1 + (s.rowOffset ?? 0), c + 1 + (s.colOffset ?? 0)).value = cell;
      });
    });
  }
  await book.xlsx.writeFile(file);
}

export async function readBack(file: string) {
  // A fresh ExcelJS load: what another program would see in the file.
  const book = await XlsxWorkbook.open(file);
  return { book, read: readUnitWorkbook(await book.read()) };
}

/**
 * What inserting rows above and columns to the left does in Excel: every cell,
 * merge and style moves down and right. (ExcelJS's own splice leaves merges
 * behind, which Excel never does.)
 */
export async function insertRowsAndColumns(from: string, to: string, rows: number, cols: number): Promise<void> {
  const src = new ExcelJS.Workbook();
  await src.xlsx.readFile(from);
  const dst = new ExcelJS.Workbook();
  for (const ws of src.worksheets) {
    const shift = !ws.name.startsWith('DX_');
    const dr = shift ? rows : 0;
    const dc = shift ? cols : 0;
    const out = dst.addWorksheet(ws.name, { state: ws.state });
    if (shift) out.getCell(1, 1).value = 'Ghi chú của đơn vị';
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const target = out.getCell(r + dr, c + dc);
        target.value = cell.value;
        target.style = cell.style;
      }),
    );
    const merges = (ws.model as unknown as { merges: string[] }).merges ?? [];
    for (const m of merges) {
      const [a, b] = m.split(':');
      const move = (ref: string) => {
        const x = /^([A-Z]+)(\d+)$/.exec(ref)!;
        const col = x[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        return [Number(x[2]) + dr, col + dc] as const;
      };
      const [r1, c1] = move(a);
      const [r2, c2] = move(b);
      out.mergeCells(r1, c1, r2, c2);
    }
  }
  await dst.xlsx.writeFile(to);
}
