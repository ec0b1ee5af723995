/**
 * Issue 15, item 3: the annexes written with the streaming writer are the same workbook the in-memory writer
 * makes — read back cell by cell: values, styles, number formats, merges, widths, heights, page setup, print
 * titles, footers, validations, hidden sheets.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateSecondCity } from '../samples/generate';
import { consolidate } from '../shared/consolidate/consolidate';
import { CAM_RANH } from '../shared/registry/data/cam-ranh';
import { SheetSpec } from '../shared/workbook/sheet-spec';
import { streamedWorkbook } from '../xlsx/stream-writer';
import { XlsxWorkbook } from '../xlsx/workbook';

jest.setTimeout(120_000);

let sheets: SheetSpec[];

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-stream-'));
  const made = await generateSecondCity(dir);
  const sources = await Promise.all(
    made.map(async (f) => ({ source: { file: f.file }, sheets: await (await XlsxWorkbook.open(f.file)).read() })),
  );
  sheets = consolidate(sources, { period: '2023-06', registry: CAM_RANH, reportNo: '12/BC-UBND' }).sheets;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Everything a reader of the file sees of one sheet. */
function seen(ws: ExcelJS.Worksheet) {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    cells.push({ r, height: row.height });
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const { font, fill, border, alignment, numFmt } = cell.style;
      cells.push({ r, c, value: cell.value, font, fill, border, alignment, numFmt, merged: cell.isMerged });
    });
  });
  return {
    name: ws.name,
    state: ws.state,
    views: (ws.views ?? []).map((v) => ({ state: v.state, xSplit: (v as { xSplit?: number }).xSplit })),
    page: {
      orientation: ws.pageSetup.orientation,
      fitToWidth: ws.pageSetup.fitToWidth,
      fitToHeight: ws.pageSetup.fitToHeight,
      paperSize: ws.pageSetup.paperSize,
      printTitlesRow: ws.pageSetup.printTitlesRow,
    },
    footer: ws.headerFooter?.oddFooter,
    widths: (ws.columns ?? []).map((c) => c.width),
    merges: [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort(),
    validations: (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
    cells,
  };
}

async function load(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book.worksheets.map(seen);
}

test('the streamed annexes read back exactly as the in-memory ones', async () => {
  const memory = new XlsxWorkbook();
  await memory.write(sheets);
  const a = await load(await memory.toBuffer());
  const b = await load(await streamedWorkbook(sheets));
  expect(b.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
  // The comparison has something to compare: merged headers, print titles, a hidden sheet, footers.
  expect(a.some((s) => s.merges.length > 0)).toBe(true);
  expect(a.some((s) => s.page.printTitlesRow)).toBe(true);
  expect(a.some((s) => s.state === 'hidden')).toBe(true);
  expect(a.some((s) => s.footer)).toBe(true);
  for (const [i, s] of b.entries()) expect(s).toEqual(a[i]);
});

test('the product reads its streamed annexes back as its own (DX_SoHuu) with the same values', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dx-stream-')), 'phu-luc.xlsx');
  fs.writeFileSync(file, await streamedWorkbook(sheets));
  const back = await (await XlsxWorkbook.open(file)).read();
  const memory = new XlsxWorkbook();
  await memory.write(sheets);
  const again = await (await XlsxWorkbook.fromBuffer(await memory.toBuffer())).read();
  expect(back).toEqual(again);
  expect(back.map((s) => s.name)).toContain('DX_SoHuu');
});
