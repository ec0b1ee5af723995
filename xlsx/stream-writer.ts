/**
 * The annexes of a new workbook written with ExcelJS's streaming writer: each row is encoded, handed to the
 * zip and let go as it is written, so Nguồn số liệu, Phụ lục VII and DX_DuLieu of thousands of units never
 * exist twice in memory as ExcelJS cells. Cell for cell the same file as `XlsxWorkbook.write` makes (a test
 * reads both back and compares): the same options, columns, cells and validations, through the same helpers.
 */
import { PassThrough } from 'stream';
import ExcelJS from 'exceljs';
import { parseA1, SheetSpec } from '../shared/workbook/sheet-spec';
import { addValidations, setCell, setColumns, sheetOptions } from './workbook';

/** The bytes of a new workbook holding `sheets`, in their order. */
export async function streamedWorkbook(sheets: SheetSpec[]): Promise<Uint8Array> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  for (const spec of sheets) {
    const ws = book.addWorksheet(spec.name, sheetOptions(spec) as Partial<ExcelJS.AddWorksheetOptions>);
    setColumns(ws, spec);
    // A merge copies its master's style to the cells it covers, so it is made once its last row is written
    // and before any of its rows is committed (the stream cannot go back to a committed row).
    const merges = spec.merges.map((m) => {
      const [a, b = a] = m.replace(/\$/g, '').split(':').map(parseA1);
      return { m, top: a.row + 1, bottom: b.row + 1 };
    });
    const rows = Math.max(spec.rows.length, spec.rowHeights.length);
    let committed = 0;
    for (let r = 1; r <= rows; r++) {
      const row = ws.getRow(r);
      const h = spec.rowHeights[r - 1];
      if (h) row.height = h;
      (spec.rows[r - 1] ?? []).forEach((cell, c) => {
        if (cell) setCell(row.getCell(c + 1), cell, spec.font, styles);
      });
      for (const x of merges) if (x.bottom === r) ws.mergeCells(x.m);
      const open = merges.filter((x) => x.top <= r && x.bottom > r).map((x) => x.top);
      const upTo = open.length ? Math.min(...open) - 1 : r;
      for (; committed < upTo; committed++) ws.getRow(committed + 1).commit();
    }
    for (const x of merges) if (x.bottom > rows) ws.mergeCells(x.m);
    addValidations(ws, spec);
    ws.commit();
  }
  await book.commit();
  return new Uint8Array(Buffer.concat(chunks));
}
