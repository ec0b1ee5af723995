/**
 * The snapshot reader (xlsx/snapshots.ts) against the ExcelJS path it replaces: for every workbook the project
 * holds or makes, `readSnapshots` gives what `XlsxWorkbook.fromBuffer(…).read()` gives (and the same `skipped`),
 * or the same named error with the same message.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { isDeepStrictEqual } from 'util';
import { generateSecondCity } from '../samples/generate';
import { SheetSnapshot } from '../shared/workbook/port';
import { ReadLimits, READ_LIMITS } from '../xlsx/limits';
import { readSnapshotFile, readSnapshots } from '../xlsx/snapshots';
import { XlsxWorkbook } from '../xlsx/workbook';
import { ROOT } from './helpers/hosts';

type Outcome = { sheets: SheetSnapshot[]; skipped: string[]; names: string[] } | { error: string; message: string };

async function viaExcelJS(bytes: Uint8Array, file: string, limits?: ReadLimits): Promise<Outcome> {
  try {
    const book = await XlsxWorkbook.fromBuffer(bytes, file, limits);
    return { sheets: await book.read(), skipped: book.skipped, names: await book.sheetNames() };
  } catch (e) {
    return { error: (e as Error).constructor.name, message: (e as Error).message };
  }
}

async function viaSnapshots(bytes: Uint8Array, file: string, limits?: ReadLimits): Promise<Outcome> {
  try {
    return await readSnapshots(bytes, file, limits);
  } catch (e) {
    return { error: (e as Error).constructor.name, message: (e as Error).message };
  }
}

/** Where two outcomes first differ, or null: holes and nulls, -0 and 0, Dates to the millisecond. */
function difference(a: unknown, b: unknown, at = ''): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (a instanceof Date && b instanceof Date)
    return Object.is(a.getTime(), b.getTime()) || (isNaN(a.getTime()) && isNaN(b.getTime()))
      ? null
      : `${at}: ${a.toISOString()} ≠ ${b.toISOString()}`;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return `${at}: ${String(a)} (${typeof a}) ≠ ${String(b)} (${typeof b})`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array ≠ object`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${at}: length ${a.length} ≠ ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      if (i in a !== i in b) return `${at}[${i}]: hole ≠ value`;
      const d = difference(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
    if (Object.isFrozen(a) !== Object.isFrozen(b)) return `${at}: frozen ≠ not frozen`;
    return null;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if (k in a !== k in b) return `${at}.${k}: missing on one side`;
    const d = difference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
    if (d) return d;
  }
  return null;
}

async function fileViaExcelJS(file: string, limits?: ReadLimits): Promise<Outcome> {
  try {
    const book = await XlsxWorkbook.open(file, limits);
    return { sheets: await book.read(), skipped: book.skipped, names: await book.sheetNames() };
  } catch (e) {
    return { error: (e as Error).constructor.name, message: (e as Error).message };
  }
}

async function fileViaSnapshots(file: string, limits?: ReadLimits): Promise<Outcome> {
  try {
    return await readSnapshotFile(file, limits);
  } catch (e) {
    return { error: (e as Error).constructor.name, message: (e as Error).message };
  }
}

async function expectSameFile(file: string, limits?: ReadLimits): Promise<Outcome> {
  const a = await fileViaExcelJS(file, limits);
  const d = difference(a, await fileViaSnapshots(file, limits));
  if (d) throw new Error(`${file}: the readers differ at ${d}`);
  return a;
}

async function expectSame(bytes: Uint8Array, file = 'x.xlsx', limits?: ReadLimits): Promise<Outcome> {
  const a = await viaExcelJS(bytes, file, limits);
  const b = await viaSnapshots(bytes, file, limits);
  const d = difference(a, b);
  if (d)
    throw new Error(
      `${file}: the readers differ at ${d}\nExcelJS: ${JSON.stringify(a).slice(0, 800)}\nsnapshots: ${JSON.stringify(b).slice(0, 800)}`,
    );
  return a;
}

/** All the .xlsx files under a folder. */
function xlsxUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.xlsx'))
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'dx-snap-'));

async function excelBytes(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------------------------
// A small zip writer, for the hand-written parts other software writes (and hostile ones).

function zipOf(parts: Array<{ name: string; data: string | Buffer; store?: boolean }>): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const raw = Buffer.from(p.data);
    const packed = p.store ? raw : zlib.deflateRawSync(raw);
    const crc = zlib.crc32(raw);
    const name = Buffer.from(p.name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(p.store ? 0 : 8, 8);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(raw.length, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(p.store ? 0 : 8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(raw.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    local.push(head, name, packed);
    central.push(dir, name);
    offset += head.length + name.length + packed.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...central, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A workbook of hand-written sheets (XML bodies inside <worksheet>), with optional styles and shared strings. */
function handWritten(opts: {
  sheets: Array<{ name: string; body: string; state?: string; rels?: string }>;
  styles?: string;
  sharedStrings?: string;
  workbookPr?: string;
}): Buffer {
  const parts: Array<{ name: string; data: string }> = [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data:
        `<workbook xmlns="${NS}" xmlns:r="${R}">${opts.workbookPr ?? ''}<sheets>` +
        opts.sheets
          .map(
            (s, i) =>
              `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.state ? ` state="${s.state}"` : ''}/>`,
          )
          .join('') +
        '</sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        `<Relationships xmlns="${PKG}">` +
        opts.sheets
          .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
          .join('') +
        (opts.styles ? `<Relationship Id="rS" Type="${R}/styles" Target="styles.xml"/>` : '') +
        (opts.sharedStrings ? `<Relationship Id="rT" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
        '</Relationships>',
    },
    ...opts.sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: `<worksheet xmlns="${NS}" xmlns:r="${R}">${s.body}</worksheet>`,
    })),
    ...opts.sheets
      .filter((s) => s.rels)
      .map((s) => ({
        name: `xl/worksheets/_rels/sheet${opts.sheets.indexOf(s) + 1}.xml.rels`,
        data: `<Relationships xmlns="${PKG}">${s.rels}</Relationships>`,
      })),
  ];
  if (opts.styles) parts.push({ name: 'xl/styles.xml', data: `<styleSheet xmlns="${NS}">${opts.styles}</styleSheet>` });
  if (opts.sharedStrings)
    parts.push({ name: 'xl/sharedStrings.xml', data: `<sst xmlns="${NS}">${opts.sharedStrings}</sst>` });
  return zipOf(parts);
}

const STYLES =
  '<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0\\ &quot;đ&quot;"/>' +
  '<numFmt numFmtId="166" formatCode="[$-42A]d mmmm yyyy"/></numFmts>' +
  '<cellXfs count="9"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="9"/><xf numFmtId="165"/>' +
  '<xf numFmtId="166"/><xf numFmtId="30"/><xf numFmtId="47"/><xf numFmtId="49"/></cellXfs>';

// ---------------------------------------------------------------------------------------------------------------

describe('the same snapshots as ExcelJS gives, file by file', () => {
  const committed = [
    ...xlsxUnder(path.join(ROOT, 'tests', 'fixtures')).filter((f) => !f.includes(`${path.sep}hostile${path.sep}`)),
    ...xlsxUnder(path.join(ROOT, 'tests', 'cases')),
    ...xlsxUnder(path.join(ROOT, 'samples', 'cam-ranh')),
  ];

  test('the project holds workbooks to compare', () => {
    expect(committed.length).toBeGreaterThanOrEqual(14);
  });

  test.each(committed.map((f) => [path.relative(ROOT, f)]))('%s', async (rel) => {
    const file = path.join(ROOT, rel);
    const bytes = fs.readFileSync(file);
    await expectSame(bytes, path.basename(file));
    const fromFile = await readSnapshotFile(file).catch((e: Error) => e.message);
    const fromBytes = await readSnapshots(bytes, path.basename(file)).catch((e: Error) => e.message);
    expect(difference(fromFile, fromBytes)).toBeNull();
  });

  test('every unit workbook of the second sample city (samples/generate.ts, as `dx-report demo` writes them)', async () => {
    // The first city's 287 workbooks come from the same template: `npm run demo` and the demo test read them all
    // through this reader, and its figures are asserted there.
    const dir = tmp();
    const made = await generateSecondCity(dir);
    expect(made.length).toBeGreaterThan(10);
    for (const m of made) await expectSame(fs.readFileSync(m.file), path.basename(m.file));
  }, 600_000);
});

describe('the hostile corpus (tests/hostile/corpus.ts): the same refusals, the same readings', () => {
  test('every .xlsx of the corpus', async () => {
    const { makeCorpus } = await import('./hostile/corpus');
    const dir = tmp();
    await makeCorpus(dir);
    const files = xlsxUnder(dir);
    expect(files.length).toBeGreaterThan(30);
    const errors = new Set<string>();
    for (const f of files) {
      const o = await expectSameFile(f);
      if ('error' in o) errors.add(o.error);
    }
    // The corpus holds bombs, truncated and foreign files: each refusal is compared, not only readings.
    expect([...errors].sort()).toEqual(
      expect.arrayContaining(['EmptyFileError', 'FileTooLargeError', 'TruncatedFileError', 'UnzippedTooLargeError']),
    );
    fs.rmSync(dir, { recursive: true, force: true });
  }, 300_000);

  const MB = 1024 * 1024;
  const sheetOf = (body: string) => handWritten({ sheets: [{ name: 'S', body }] });

  test('too many cells (rows and merged cells counted), too many merges, over the limits given', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`);
    const many = sheetOf(`<sheetData>${rows.join('')}</sheetData>`);
    const small: ReadLimits = { ...READ_LIMITS, cells: 500 };
    expect(await expectSame(many, 'o.xlsx', small)).toMatchObject({ error: 'TooManyCellsError' });
    const merged = sheetOf('<sheetData/><mergeCells><mergeCell ref="A1:Z100"/></mergeCells>');
    expect(await expectSame(merged, 'g.xlsx', small)).toMatchObject({ error: 'TooManyCellsError' });
    const merges = Array.from({ length: 11 }, (_, i) => `<mergeCell ref="A${2 * i + 1}:B${2 * i + 1}"/>`).join('');
    const tooMany = sheetOf(`<sheetData/><mergeCells>${merges}</mergeCells>`);
    expect(await expectSame(tooMany, 'm.xlsx', { ...READ_LIMITS, merges: 10 })).toMatchObject({
      error: 'TooManyMergesError',
    });
    // Overlapping merged areas: ExcelJS cannot load them.
    const overlap = sheetOf('<sheetData/><mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>');
    expect(await expectSame(overlap)).toMatchObject({ error: 'UnreadableWorkbookError' });
  });

  test('sizes: a part too large, all parts too large, a bomb, a file too large', async () => {
    const big = sheetOf(
      `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(2 * MB)}</t></is></c></row></sheetData>`,
    );
    expect(await expectSame(big, 'p.xlsx', { ...READ_LIMITS, partBytes: MB })).toMatchObject({
      error: 'UnzippedTooLargeError',
    });
    expect(await expectSame(big, 't.xlsx', { ...READ_LIMITS, unzippedBytes: MB })).toMatchObject({
      error: 'UnzippedTooLargeError',
    });
    expect(await expectSame(big, 'r.xlsx', { ...READ_LIMITS, ratioFromBytes: MB, ratio: 10 })).toMatchObject({
      error: 'CompressionRatioError',
    });
    expect(await expectSame(big, 'f.xlsx', { ...READ_LIMITS, fileBytes: 1000 })).toMatchObject({
      error: 'FileTooLargeError',
    });
  });

  test('truncated and damaged: a cut file, a part whose size is a lie, a part that does not inflate', async () => {
    const whole = await excelBytes((b) => {
      b.addWorksheet('A').getCell('A1').value = 'một';
    });
    for (const n of [100, 1000, Math.floor(whole.length / 2), whole.length - 30])
      expect(await expectSame(whole.subarray(0, n), 'cut.xlsx')).toMatchObject({ error: 'TruncatedFileError' });
    const good = sheetOf('<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>');
    // The sheet's declared size, one byte more than it is (central directory and local header).
    const lie = Buffer.from(good);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    for (let at = lie.indexOf(name); at >= 0; at = lie.indexOf(name, at + 1)) {
      const central = lie.readUInt32LE(at - 46) === 0x02014b50;
      const sizeAt = central ? at - 46 + 24 : at - 30 + 22;
      lie.writeUInt32LE(lie.readUInt32LE(sizeAt) + 1, sizeAt);
    }
    expect(await expectSame(lie, 'lie.xlsx')).toMatchObject({ error: 'TruncatedFileError' });
    // A damaged styles part: refused though no snapshot would need it.
    const styled = handWritten({ sheets: [{ name: 'S', body: '<sheetData/>' }], styles: STYLES });
    const bad = Buffer.from(styled);
    const stylesAt = bad.indexOf(Buffer.from('xl/styles.xml'));
    bad[stylesAt + 'xl/styles.xml'.length + 2] ^= 0xff;
    expect(await expectSame(bad, 'bad.xlsx')).toMatchObject({ error: 'TruncatedFileError' });
  });

  test('what a file is: not a zip, a zip of something else', async () => {
    for (const [bytes, error] of [
      [Buffer.from(''), 'EmptyFileError'],
      [Buffer.from('a;b\n1;2\n'), 'TextFileError'],
      [zipOf([{ name: 'word/document.xml', data: '<w:document/>' }]), 'NotWorkbookZipError'],
      [zipOf([{ name: 'xl/workbook.bin', data: 'x' }]), 'NotWorkbookZipError'],
      [zipOf([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true }]), 'OdsError'],
      [fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'other-software', 'small.xls')), 'OldXlsError'],
    ] as Array<[Buffer, string]>)
      expect(await expectSame(bytes)).toMatchObject({ error });
  });
});

describe('workbooks written here: every kind of cell', () => {
  test('ExcelJS: shared formulas filled down, dates, percents, rich text, merges, hidden sheets, errors…', async () => {
    const bytes = await excelBytes((book) => {
      const ws = book.addWorksheet('Số liệu');
      ws.getCell('A1').value = 'Chỉ tiêu';
      ws.getCell('B1').value = { richText: [{ text: 'Tỷ lệ ', font: { bold: true } }, { text: 'đạt (%)' }] };
      for (let r = 2; r <= 12; r++) {
        ws.getCell(`A${r}`).value = r * 3;
        ws.getCell(`B${r}`).value = r % 3 === 0 ? 0 : r * 7;
      }
      ws.fillFormula('C2:C12', 'A2/B2', (row) => (row % 3 === 0 ? 'lỗi' : 3 / 7));
      ws.fillFormula('D2:D12', '$A$2+A2*2', (row) => row * 6 + 6);
      ws.getCell('E2').value = { formula: 'SUM(A2:A12)', result: 0 } as ExcelJS.CellFormulaValue;
      ws.getCell('E3').value = { formula: 'A2>1', result: true } as ExcelJS.CellFormulaValue;
      ws.getCell('E4').value = { formula: 'A2>100', result: false } as ExcelJS.CellFormulaValue;
      ws.getCell('E5').value = { formula: 'IF(A2>100,"có","")', result: '' } as ExcelJS.CellFormulaValue;
      ws.getCell('E6').value = { formula: 'TODAY()' } as ExcelJS.CellFormulaValue;
      ws.getCell('E7').value = { formula: 'DATE(2023,6,30)', result: new Date(Date.UTC(2023, 5, 30)) };
      ws.getCell('E7').numFmt = 'dd/mm/yyyy';
      ws.getCell('F2').value = 0.125;
      ws.getCell('F2').numFmt = '0.0%';
      ws.getCell('F3').value = 1234567.891;
      ws.getCell('F3').numFmt = '#,##0.00';
      ws.getCell('F4').value = new Date(Date.UTC(2023, 6, 10, 8, 30, 15, 500));
      ws.getCell('F5').value = new Date(Date.UTC(1999, 11, 31));
      ws.getCell('F5').numFmt = 'h:mm:ss';
      ws.getCell('F6').value = 45000;
      ws.getCell('F6').numFmt = '[$-42A]dd mmmm yyyy';
      ws.getCell('F7').value = 45000;
      ws.getCell('F7').numFmt = '"Ngày" 0';
      ws.getCell('F8').value = true;
      ws.getCell('F9').value = { error: '#N/A' };
      ws.getCell('F10').value = '';
      ws.getCell('F11').value = { text: 'Cổng dịch vụ công', hyperlink: 'https://dichvucong.gov.vn' };
      ws.getCell('F12').value = -0.5;
      ws.getCell('F12').numFmt = '0.00;[Red]-0.00';
      ws.mergeCells('H1:J2');
      ws.getCell('H1').value = 'gộp';
      ws.mergeCells('H4:H6');
      ws.getCell('K30').value = 'xa';
      ws.getCell('B1000000').value = 'rất xa';
      book.addWorksheet('Ẩn', { state: 'hidden' }).getCell('A1').value = 1;
      book.addWorksheet('Rất ẩn', { state: 'veryHidden' }).getCell('C3').value = 'bí mật';
      book.addWorksheet('Trống');
    });
    const o = await expectSame(bytes, 'exceljs.xlsx');
    if ('error' in o) throw new Error(o.message);
    expect(o.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Số liệu', false],
      ['Ẩn', true],
      ['Rất ẩn', true],
      ['Trống', false],
    ]);
    const s = o.sheets[0];
    expect(s.formulas![3][2]).toBe('=A4/B4');
    expect(s.formulas![3][3]).toBe('=$A$2+A4*2');
    expect(s.values[999_999]).toEqual([null, 'rất xa']);
    expect(s.merges).toEqual(['H1:J2', 'H4:H6']);
  });

  test('date systems and formats: 1900 and 1904, built-in and custom date formats, time of day', async () => {
    const cells = [45107, 45107.75, 0, 1, 60, 61, 2958465.999, -1, 0.5]
      .map((v, i) =>
        [0, 1, 2, 3, 4, 5, 6, 7, 8]
          .map((s, j) => `<c r="${String.fromCharCode(65 + j)}${i + 1}" s="${s}"><v>${v}</v></c>`)
          .join(''),
      )
      .map((cs, i) => `<row r="${i + 1}">${cs}</row>`)
      .join('');
    const formulas =
      '<row r="20"><c r="A20" s="1"><f>TODAY()</f><v>45000</v></c><c r="B20" s="2" t="str"><f>"x"</f><v>x</v></c>' +
      '<c r="C20" s="2" t="b"><f>TRUE</f><v>1</v></c><c r="D20" s="2" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
      '<c r="E20" s="3"><f>0.5</f><v>0.5</v></c><c r="F20" s="4"><f>1000</f><v>1000</v></c></row>';
    for (const workbookPr of ['', '<workbookPr date1904="1"/>', '<workbookPr date1904="true"/>']) {
      const bytes = handWritten({
        sheets: [{ name: 'Ngày', body: `<sheetData>${cells}${formulas}</sheetData>` }],
        styles: STYLES,
        workbookPr,
      });
      await expectSame(bytes, 'ngay.xlsx');
    }
  });

  test('shared formulas as Excel writes them, array formulas, empty results, inline and shared strings', async () => {
    const body =
      '<sheetData>' +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
      '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>' +
      '<row r="2"><c r="A2"><v>5</v></c><c r="B2"><f t="shared" ref="B2:B5" si="0">A2*2+$A$2+SUM(A$2:A2)+Sheet2!A2</f><v>10</v></c>' +
      '<c r="C2" t="str"><f t="shared" ref="C2:D3" si="1">IF(A2&gt;5,"lớn","")</f><v></v></c><c r="D2" t="str"><f t="shared" si="1"/><v>lớn</v></c></row>' +
      '<row r="3"><c r="A3"><v>6</v></c><c r="B3"><f t="shared" si="0"/><v>12</v></c><c r="C3" t="str"><f t="shared" si="1"/><v>lớn</v></c>' +
      '<c r="D3" t="str"><f t="shared" si="1"/></c></row>' +
      '<row r="4"><c r="A4"><v>7</v></c><c r="B4"><f t="shared" si="0"/></c><c r="C4"><f t="array" ref="C4:C5">A4:A5*2</f><v>14</v></c>' +
      '<c r="D4" t="inlineStr"><is><t xml:space="preserve"> trực tiếp </t></is></c><c r="E4" t="inlineStr"><is><r><t>gi</t></r><r><rPr><b/><vertAlign val="superscript"/></rPr><t>àu</t></r></is></c></row>' +
      '<row r="5"><c r="A5"><v>8</v></c><c r="B5"><f t="shared" si="0"/><v>16</v></c><c r="C5"><v>16</v></c>' +
      '<c r="D5" t="str"><v>a &amp;amp; b</v></c><c r="E5" t="b"><v>0</v></c><c r="F5" t="e"><v>#REF!</v></c><c r="G5" t="n"><v>1e3</v></c></row>' +
      '<row r="7" spans="1:3"><c r="C7" s="0"/><c r="B7"><v>2</v></c><c r="A7"><v>1</v></c></row>' +
      '<row r="9"><c r="A9"><v>1</v></c><c><v>2</v></c><c><v>3</v></c><c r="$E$9"><v>5</v></c></row>' +
      '<row r="10"><c r="A10"><f t="shared" si="7"/><v>3</v></c><c r="B10"><f t="normal">1+1</f><v>2</v></c></row>' +
      '</sheetData>';
    const sst =
      '<si><t>Tên</t></si><si><r><t>Số </t></r><r><rPr><b/></rPr><t>lượng</t></r></si><si><t>_x0041__x000D_b</t></si>' +
      '<si><t>xin</t><rPh sb="0" eb="1"><t>ふ</t></rPh><phoneticPr fontId="1"/></si><si/>';
    await expectSame(handWritten({ sheets: [{ name: 'A', body }], sharedStrings: sst }), 'chia-se.xlsx');
  });

  test('a formula whose result is 0 or FALSE reads as 0 or FALSE, never as a blank never computed', async () => {
    // ExcelJS drops these results; a unit's total =SUM(…) of 0 would be read as missing and "not computed".
    const body =
      '<sheetData><row r="1"><c r="A1"><v>5</v></c><c r="B1"><f>A1-A1</f><v>0</v></c>' +
      '<c r="C1" t="b"><f>A1&gt;9</f><v>0</v></c><c r="D1" t="b"><f>A1&gt;1</f><v>1</v></c>' +
      '<c r="E1"><f>A1*0</f><v>0.0</v></c><c r="F1"><f>A1+1</f></c><c r="G1" t="str"><f>""&amp;0</f><v>0</v></c>' +
      '<c r="H1"><v>0</v></c></row></sheetData>';
    const a = await expectSame(handWritten({ sheets: [{ name: 'A', body }] }), 'khong.xlsx');
    const [sheet] = (a as { sheets: Array<{ values: unknown[][]; uncomputed?: string[] }> }).sheets;
    expect(sheet.values[0]).toEqual([5, 0, false, true, 0, null, '0', 0]);
    expect(sheet.uncomputed).toEqual(['F1']);
    // The same as ExcelJS writes it.
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('S');
    ws.getCell('A1').value = 5;
    ws.getCell('B1').value = { formula: 'A1-A1', result: 0 } as never;
    ws.getCell('C1').value = { formula: 'A1>9', result: false } as never;
    const written = await expectSame(new Uint8Array(await book.xlsx.writeBuffer()), 'exceljs.xlsx');
    expect((written as { sheets: Array<{ values: unknown[][] }> }).sheets[0].values[0]).toEqual([5, 0, false]);
  });

  test('merged cells hide what they cover; hyperlinks turn a cell into its text; rows written twice', async () => {
    const body =
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>chủ</t></is></c><c r="B1"><v>9</v></c><c r="C1"><f>B1</f><v>9</v></c></row>' +
      '<row r="2"><c r="A2"><v>4</v></c><c r="B2"><f>A2</f></c><c r="D2"><v>7</v></c></row>' +
      '<row r="3"><c r="A3"><v>1</v></c></row><row r="3"><c r="B3"><v>2</v></c></row>' +
      '<row r="4"><c r="A4"><v>1</v></c><c r="A4" s="1"/><c r="B4"><v>3</v></c><c r="B4"><v>4</v></c></row>' +
      '<row r="5"><c r="A5"><v>12</v></c><c r="B5"><f>A5</f><v>12</v></c><c r="C5"/></row></sheetData>' +
      '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="D2:B2"/></mergeCells>' +
      '<hyperlinks><hyperlink ref="A5" r:id="rIdL"/><hyperlink ref="B5" r:id="rIdL"/><hyperlink ref="C5" r:id="rIdL"/>' +
      '<hyperlink ref="D5" location="A1"/></hyperlinks>';
    const rels = `<Relationship Id="rIdL" Type="${R}/hyperlink" Target="https://example.vn/a?b=1&amp;c=2" TargetMode="External"/>`;
    await expectSame(handWritten({ sheets: [{ name: 'A', body, rels }], styles: STYLES }), 'gop.xlsx');
  });

  test('sheets: order, names, states, a sheet with no relationship, a chartsheet, unusual markup', async () => {
    const book = handWritten({
      sheets: [
        { name: 'Một &amp;amp; hai', body: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' },
        { name: 'Ẩn', state: 'hidden', body: '<sheetData/>' },
        { name: 'Rất ẩn', state: 'veryHidden', body: '<sheetData><row r="2"><c r="B2"><v>2</v></c></row></sheetData>' },
        {
          name: 'Lạ',
          state: 'VISIBLE',
          body: '<!-- chú thích --><sheetData><row r="1"><c r="A1"><v><![CDATA[5]]></v></c></row></sheetData>',
        },
      ],
    });
    await expectSame(book, 'trang.xlsx');
    // Prefixed (strict-style) markup ExcelJS does not read: the same refusal.
    const prefixed = zipOf([
      {
        name: '_rels/.rels',
        data: `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      },
      {
        name: 'xl/workbook.xml',
        data: `<x:workbook xmlns:x="${NS}" xmlns:r="${R}"><x:sheets><x:sheet name="A" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      },
      { name: 'xl/worksheets/sheet1.xml', data: `<x:worksheet xmlns:x="${NS}"><x:sheetData/></x:worksheet>` },
    ]);
    await expectSame(prefixed, 'tien-to.xlsx');
  });

  test('markup ExcelJS trips over, or reads its own way: the same outcome each time', async () => {
    const link = `<Relationship Id="rL" Type="${R}/hyperlink" Target="https://a.vn" TargetMode="External"/>`;
    const cases: Array<{ body: string; styles?: string; sst?: string; rels?: string }> = [
      // A styled row, column or cell with no styles part, or a styles part with no cellXfs.
      { body: '<sheetData><row r="1" s="2" customFormat="1"><c r="A1"><v>1</v></c></row></sheetData>' },
      { body: '<cols><col min="1" max="2" width="9" style="1"/></cols><sheetData/>' },
      { body: '<sheetData><row r="1"><c r="A1" s="1"><v>1</v></c></row></sheetData>' },
      { body: '<sheetData><row r="1"><c r="A1" s="1"><v>1</v></c></row></sheetData>', styles: '<fonts/>' },
      { body: '<sheetData><row r="1"><c r="A1" s="40"><v>1</v></c></row></sheetData>', styles: STYLES },
      // Cells without an address, a lower-case one, one past XFD, a row without a number.
      { body: '<sheetData><row r="1"><c><v>1</v></c></row></sheetData>' },
      { body: '<sheetData><row r="1"><c r="a1"><v>1</v></c></row></sheetData>' },
      { body: '<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>' },
      { body: '<sheetData><row><c r="A1"><v>1</v></c></row></sheetData>' },
      { body: '<sheetData><row r="0"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row></sheetData>' },
      // A shared string index past the table, no table at all, a table with a stray element.
      { body: '<sheetData><row r="1"><c r="A1" t="s"><v>5</v></c></row></sheetData>', sst: '<si><t>a</t></si>' },
      { body: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>' },
      { body: '<sheetData/>', sst: '<si><t>a</t></si><extLst/>' },
      // Hyperlinks: to a relationship not there, on a range, with no relationship file.
      {
        body: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><hyperlinks><hyperlink ref="A1" r:id="rX"/></hyperlinks>',
        rels: link,
      },
      {
        body: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><hyperlinks><hyperlink ref="A1:B2" r:id="rL"/></hyperlinks>',
        rels: link,
      },
      {
        body: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><hyperlinks><hyperlink ref="A1" r:id="rL"/></hyperlinks>',
      },
      // A drawing or a table whose relationship is missing.
      { body: '<sheetData/><drawing r:id="rD"/>' },
      { body: '<sheetData/><tableParts count="1"><tablePart r:id="rT"/></tableParts>' },
      // Shared formulas: a dependent before its master, a master under a merged area, a master that is a value.
      {
        body: '<sheetData><row r="1"><c r="A1"><f t="shared" si="0"/><v>1</v></c><c r="B1"><f t="shared" ref="B1:B2" si="0">C1</f><v>2</v></c></row></sheetData>',
      },
      {
        body: '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B2" si="0">A1</f><v>1</v></c></row><row r="2"><c r="B2"><f t="shared" si="0"/><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells>',
      },
      {
        body: '<sheetData><row r="1"><c r="B1"><f t="shared" ref="B1:B2" si="0"></f><v>1</v></c></row><row r="2"><c r="B2"><f t="shared" si="0"/><v>1</v></c></row></sheetData>',
      },
      // Not well-formed, not closed, entities XML does not define, a comment and CDATA in a value.
      { body: '<sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>' },
      { body: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row></sheetData>' },
      {
        body: '<sheetData><row r="1"><c r="A1"><v>1<!-- x -->2</v></c><c r="B1"><v><![CDATA[3]]>4</v></c></row></sheetData>',
      },
      // Values that are not what their type says.
      {
        body: '<sheetData><row r="1"><c r="A1"><v>abc</v></c><c r="B1" t="b"><v>x</v></c><c r="C1" t="d"><v>2023-06-30</v></c><c r="D1"><v> </v></c></row></sheetData>',
      },
      {
        body: '<sheetData><row r="1"><c r="A1" s="2" t="str"><f>"x"</f><v>x</v></c><c r="B1" s="2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C1" s="2" t="b"><f>TRUE</f><v>1</v></c></row></sheetData>',
        styles: STYLES,
      },
      // Whole columns and rows merged, a merged single cell, a merge written backwards.
      {
        body: '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData><mergeCells><mergeCell ref="B1"/><mergeCell ref="D4:C3"/></mergeCells>',
      },
    ];
    for (const [i, c] of cases.entries())
      await expectSame(
        handWritten({ sheets: [{ name: 'S', body: c.body, rels: c.rels }], styles: c.styles, sharedStrings: c.sst }),
        `ca-${i}.xlsx`,
      );
  });
});

describe('a property: random small grids written by ExcelJS read the same both ways', () => {
  const vietnamese = fc.constantFrom(
    'Phường Lộc Thọ',
    'Xã Vĩnh Lương',
    'Đạt',
    'chưa có',
    'Ủy ban',
    'Hồ sơ trực tuyến',
    '',
  );
  const cell = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -1e9, max: 1e9 }),
    fc.double({ min: -1e12, max: 1e12, noNaN: true }),
    vietnamese,
    fc.string({ maxLength: 12 }),
    fc.boolean(),
    fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
    fc.record({
      formula: fc.constantFrom('A1+1', 'SUM(A1:B2)', 'IF(A1>0,"có","")', 'TODAY()'),
      result: fc.oneof(fc.integer(), vietnamese, fc.boolean(), fc.constant(undefined)),
    }),
  );
  const format = fc.constantFrom(undefined, '0%', '0.00%', '#,##0', 'dd/mm/yyyy', 'mm-dd-yy', 'h:mm', '@', '"đ" #,##0');
  const grid = fc.array(fc.array(fc.tuple(cell, format), { maxLength: 6 }), { maxLength: 8 });
  const merge = fc.option(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 6 })), { nil: undefined });

  test('values, formulas, formats, merges', async () => {
    await fc.assert(
      fc.asyncProperty(grid, merge, fc.boolean(), async (rows, m, hidden) => {
        const bytes = await excelBytes((book) => {
          const ws = book.addWorksheet('Lưới', { state: hidden ? 'hidden' : 'visible' });
          rows.forEach((row, r) =>
            row.forEach(([v, f], c) => {
              const target = ws.getCell(r + 1, c + 1);
              target.value = v as ExcelJS.CellValue;
              if (f) target.numFmt = f;
            }),
          );
          if (m) ws.mergeCells(m[0], m[1], m[0] + 1, m[1] + 1);
        });
        await expectSame(bytes, 'luoi.xlsx');
      }),
      { numRuns: 150 },
    );
  }, 300_000);
});

describe('only some sheets (a former output known by its DX_SoHuu alone)', () => {
  test('the sheets asked for, as a full read gives them; every name; the others neither read nor counted', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Lớn').addRows(Array.from({ length: 300 }, (_, i) => [i, `dòng ${i}`, i * 2]));
    book.addWorksheet('DX_SoHuu').addRows([
      ['Trang tính do phần mềm tạo', 'Loại'],
      ['Lớn', 'Truy nguồn'],
    ]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const full = await readSnapshots(bytes, 'a.xlsx');
    const only = await readSnapshots(bytes, 'a.xlsx', READ_LIMITS, ['DX_SoHuu']);
    expect(only.names).toEqual(['Lớn', 'DX_SoHuu']);
    expect(only.sheets).toEqual(full.sheets.filter((s) => s.name === 'DX_SoHuu'));
    // 900 cells in the big sheet: over a limit of 100 for a full read, not for the listing alone.
    const small = { ...READ_LIMITS, cells: 100 };
    await expect(readSnapshots(bytes, 'a.xlsx', small)).rejects.toThrow();
    expect((await readSnapshots(bytes, 'a.xlsx', small, ['DX_SoHuu'])).sheets).toHaveLength(1);
  });

  test('a sheet not asked for is not unpacked: its size is no bar, the size of the one asked for is', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Lớn').addRows(Array.from({ length: 2000 }, (_, i) => [i, i * 3, i * 2]));
    book.addWorksheet('DX_SoHuu').addRows([['Trang tính do phần mềm tạo', 'Loại']]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    // The big sheet's XML is past 40 kB; the rest of the file is not.
    const tight = { ...READ_LIMITS, partBytes: 40_000, unzippedBytes: 60_000 };
    await expect(readSnapshots(bytes, 'a.xlsx', tight)).rejects.toThrow(/a\.xlsx/);
    expect((await readSnapshots(bytes, 'a.xlsx', tight, ['DX_SoHuu'])).sheets[0].name).toBe('DX_SoHuu');
    await expect(readSnapshots(bytes, 'a.xlsx', tight, ['Lớn'])).rejects.toThrow(/a\.xlsx/);
  });
});
