/**
 * Reading a unit's file (xlsx/open path: file.ts, sniff.ts, package.ts, workbook.ts): only regular files,
 * within the limits of xlsx/limits.ts, in bounded memory; workbooks other software saves; every other kind of
 * file named by its content with its own error and fix.
 */
import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import ts from 'typescript';
import ExcelJS from 'exceljs';
import { describeError } from '../shared/errors/describe';
import {
  CompressionRatioError,
  DxError,
  EmptyFileError,
  EncryptedWorkbookError,
  FileTooLargeError,
  NotAFileError,
  NotWorkbookError,
  NotWorkbookZipError,
  OdsError,
  OldXlsError,
  TextFileError,
  TooManyCellsError,
  TooManyMergesError,
  TruncatedFileError,
  UnzippedTooLargeError,
} from '../shared/errors/errors';
import { readUnitWorkbook } from '../shared/reading/unit-workbook';
import { validateSheets } from '../shared/validation/validate';
import { SheetSnapshot } from '../shared/workbook/port';
import { READ_LIMITS } from '../xlsx/limits';
import { XlsxWorkbook } from '../xlsx/workbook';
import { ROOT } from './helpers/hosts';
import { tmpFile } from './helpers/xlsx';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'other-software');
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------------------------
// A small zip writer: parts given whole, or as so many megabytes of zeros deflated as they stream (a bomb that
// is small on disk and never whole in memory).

interface ZipPart {
  name: string;
  data?: string | Buffer;
  /** Bytes of zeros. */
  zeros?: number;
  /** The unpacked size the headers declare, when it is a lie. */
  declared?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer, crc = 0): number {
  const z = zlib as unknown as { crc32?: (d: Buffer, v: number) => number };
  if (z.crc32) return z.crc32(data, crc);
  let c = ~crc >>> 0;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const packedZeros = new Map<number, Promise<{ packed: Buffer; size: number; crc: number }>>();

function packPart(p: ZipPart): Promise<{ packed: Buffer; size: number; crc: number }> {
  if (p.data !== undefined) {
    const raw = Buffer.from(p.data);
    return Promise.resolve({ packed: zlib.deflateRawSync(raw), size: raw.length, crc: crc32(raw) });
  }
  if (!packedZeros.has(p.zeros!)) packedZeros.set(p.zeros!, packZeros(p.zeros!));
  return packedZeros.get(p.zeros!)!;
}

async function packZeros(bytes: number): Promise<{ packed: Buffer; size: number; crc: number }> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(MB);
  let crc = 0;
  for (let left = bytes; left > 0; left -= MB) {
    const chunk = left < MB ? zeros.subarray(0, left) : zeros;
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { packed: Buffer.concat(out), size: bytes, crc };
}

async function writeZip(file: string, parts: ZipPart[]): Promise<string> {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const { packed, size: real, crc } = await packPart(p);
    const size = p.declared ?? real;
    const name = Buffer.from(p.name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    local.push(head, name, packed);
    central.push(dir, name);
    offset += head.length + name.length + packed.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(file, Buffer.concat([...local, ...central, end]));
  return file;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The parts of a one-sheet workbook around the sheet's XML (or a sheet part given as zeros). */
function workbookParts(sheet: Omit<ZipPart, 'name'>, opts: { sheetPath?: string; target?: string } = {}): ZipPart[] {
  const sheetPath = opts.sheetPath ?? 'xl/worksheets/sheet1.xml';
  return [
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
      data: `<workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="Dữ liệu" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/worksheet" ` +
        `Target="${opts.target ?? 'worksheets/sheet1.xml'}"/></Relationships>`,
    },
    { name: sheetPath, ...sheet },
  ];
}

const sheetXml = (body: string) => `<worksheet xmlns="${NS}" xmlns:r="${R}">${body}</worksheet>`;

/** Resolves, or fails after `ms` (the old reader waited forever on a FIFO). */
function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

async function refusal(p: Promise<unknown>): Promise<DxError> {
  const e = await p.then(
    () => new Error('read, not refused'),
    (x: unknown) => x,
  );
  if (!(e instanceof DxError)) throw e;
  return e;
}

// ---------------------------------------------------------------------------------------------------------------

describe('bounded reading: only regular files, within the limits', () => {
  test('the limits the README states', () => {
    expect(READ_LIMITS).toEqual({
      fileBytes: 50 * MB,
      unzippedBytes: 200 * MB,
      partBytes: 100 * MB,
      ratio: 100,
      ratioFromBytes: 10 * MB,
      cells: 2_000_000,
      merges: 10_000,
      validationCells: 100_000,
    });
  });

  test('a directory is refused, named', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dx-dir-')), 'bao-cao.xlsx');
    fs.mkdirSync(dir);
    const e = await refusal(XlsxWorkbook.open(dir));
    expect(e).toBeInstanceOf(NotAFileError);
    expect(e.message).toBe('“bao-cao.xlsx” là một thư mục, không phải tệp: chỉ đọc tệp .xlsx thông thường.');
  });

  (process.platform === 'win32' ? test.skip : test)('a FIFO named .xlsx is refused before any read', async () => {
    const fifo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dx-fifo-')), 'ong.xlsx');
    execFileSync('mkfifo', [fifo]);
    const e = await refusal(within(XlsxWorkbook.open(fifo), 5000));
    expect(e).toBeInstanceOf(NotAFileError);
    expect(e.message).toBe('“ong.xlsx” là một ống dẫn (FIFO), không phải tệp: chỉ đọc tệp .xlsx thông thường.');
  });

  (fs.existsSync('/dev/zero') ? test : test.skip)('/dev/zero is refused before any read', async () => {
    const e = await refusal(within(XlsxWorkbook.open('/dev/zero'), 5000));
    expect(e).toBeInstanceOf(NotAFileError);
    expect(e.message).toBe('“zero” là một thiết bị, không phải tệp: chỉ đọc tệp .xlsx thông thường.');
  });

  test('a file over 50 MB is refused from its size, unread', async () => {
    const file = tmpFile('lon.xlsx');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 51 * MB); // sparse: no disk used
    const e = await refusal(XlsxWorkbook.open(file));
    expect(e).toBeInstanceOf(FileTooLargeError);
    expect(e.message).toBe(
      'Tệp “lon.xlsx” nặng 51 MB, quá giới hạn 50 MB: không đọc. ' +
        'Xóa các trang, hình ảnh không cần thiết rồi lưu lại, hoặc tách thành nhiều tệp.',
    );
    const b = await refusal(XlsxWorkbook.fromBuffer(new Uint8Array(51 * MB), 'tai-len.xlsx'));
    expect(b).toBeInstanceOf(FileTooLargeError);
  });

  test('the central directory is checked before unpacking: a part over 100 MB, 200 MB in all, 100:1', async () => {
    const part = await refusal(
      XlsxWorkbook.open(await writeZip(tmpFile('phan.xlsx'), workbookParts({ zeros: 101 * MB }))),
    );
    expect(part).toBeInstanceOf(UnzippedTooLargeError);
    expect(part.message).toMatch(
      /^Tệp “phan\.xlsx” có phần “xl\/worksheets\/sheet1\.xml” khi giải nén lên tới 101 MB, quá giới hạn 100 MB cho một phần: không đọc\./,
    );

    // 21 parts of 9.9 MB: each under the ratio's threshold, 208 MB in all.
    const many = [
      ...workbookParts({ data: sheetXml('<sheetData/>') }),
      ...Array.from({ length: 21 }, (_, i) => ({ name: `xl/media/image${i}.png`, zeros: Math.round(9.9 * MB) })),
    ];
    const all = await refusal(XlsxWorkbook.open(await writeZip(tmpFile('tong.xlsx'), many)));
    expect(all).toBeInstanceOf(UnzippedTooLargeError);
    expect(all.message).toMatch(/^Tệp “tong\.xlsx” khi giải nén lên tới 207,9 MB, quá giới hạn 200 MB: không đọc\./);

    const ratio = await refusal(
      XlsxWorkbook.open(await writeZip(tmpFile('bom.xlsx'), workbookParts({ zeros: 20 * MB }))),
    );
    expect(ratio).toBeInstanceOf(CompressionRatioError);
    expect(ratio.message).toMatch(
      /^Tệp “bom\.xlsx” có phần “xl\/worksheets\/sheet1\.xml” nén tới [\d.]+:1, quá giới hạn 100:1 \(dấu hiệu của tệp “bom nén”\): không đọc\./,
    );
  });

  test('cells are counted in the XML before loading: over 2,000,000 is refused with the count', async () => {
    const row = (r: number) => `<row r="${r}">${['A', 'B', 'C', 'D'].map((c) => `<c r="${c}${r}"/>`).join('')}</row>`;
    const rows = Array.from({ length: 400_001 }, (_, i) => row(i + 1)).join('');
    const file = await writeZip(
      tmpFile('nhieu-o.xlsx'),
      workbookParts({ data: sheetXml(`<sheetData>${rows}</sheetData>`) }),
    );
    const e = await refusal(XlsxWorkbook.open(file));
    expect(e).toBeInstanceOf(TooManyCellsError);
    expect(e.message).toBe(
      'Tệp “nhieu-o.xlsx” có 2.000.005 ô và dòng đã dùng (kể cả ô chỉ có định dạng), quá giới hạn 2.000.000: ' +
        'không đọc. Xóa các dòng, cột thừa rồi lưu lại, hoặc tách thành nhiều tệp.',
    );
  }, 180_000);

  test('a merged area over the whole sheet counts its cells; more than 10,000 merged areas are refused', async () => {
    const whole = await refusal(
      XlsxWorkbook.open(
        await writeZip(
          tmpFile('gop.xlsx'),
          workbookParts({
            data: sheetXml('<sheetData/><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
          }),
        ),
      ),
    );
    expect(whole).toBeInstanceOf(TooManyCellsError);
    const merges = Array.from({ length: 10_001 }, (_, i) => `<mergeCell ref="A${2 * i + 1}:B${2 * i + 1}"/>`);
    const many = await refusal(
      XlsxWorkbook.open(
        await writeZip(
          tmpFile('gop-nhieu.xlsx'),
          workbookParts({ data: sheetXml(`<sheetData/><mergeCells>${merges.join('')}</mergeCells>`) }),
        ),
      ),
    );
    expect(many).toBeInstanceOf(TooManyMergesError);
    expect(many.message).toMatch(/10\.001 vùng gộp ô, quá giới hạn 10\.000/);
  });

  test('a validation list over whole columns is dropped before loading, and named', async () => {
    const body =
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Trạng thái</t></is></c></row></sheetData>' +
      '<dataValidations count="1"><dataValidation type="list" sqref="D1:F1048576">' +
      '<formula1>"Đạt,Chưa đạt"</formula1></dataValidation></dataValidations>';
    const file = await writeZip(tmpFile('ds.xlsx'), workbookParts({ data: sheetXml(body) }));
    const book = await XlsxWorkbook.open(file);
    expect(book.skipped).toEqual(['xl/worksheets/sheet1.xml#dataValidations']);
    expect((await book.read())[0].values).toEqual([['Trạng thái']]);
  });

  test('rows are as long as their last cell, not padded to the widest; empty rows are empty', async () => {
    const body =
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="J2" t="inlineStr"><is><t>xa</t></is></c>' +
      '</row><row r="4"><c r="B4" s="1"/><c r="C4"><v>3</v></c></row></sheetData>';
    const book = await XlsxWorkbook.open(await writeZip(tmpFile('le.xlsx'), workbookParts({ data: sheetXml(body) })));
    const [s] = await book.read();
    expect(s.values.map((r) => r.length)).toEqual([1, 10, 0, 3]);
    expect(s.values[3]).toEqual([null, null, 3]);
    expect(s.formulas?.map((r) => r.length)).toEqual([1, 10, 0, 3]);
  });

  test('memory stays flat (a child with --max-old-space-size=256): 480 MB zip bombs are refused', async () => {
    const bomb = await writeZip(tmpFile('bom-480.xlsx'), workbookParts({ zeros: 480 * MB }));
    // The same zeros under a central directory that says 1 KB: unpacked as a stream, stopped at the lie.
    const lying = await writeZip(tmpFile('bom-noi-doi.xlsx'), workbookParts({ zeros: 480 * MB, declared: 1024 }));
    expect(fs.statSync(bomb).size).toBeLessThan(2 * MB);
    const [r, l] = await inChild(bomb, lying);
    expect(r).toMatchObject({ ok: false, name: 'UnzippedTooLargeError' });
    expect(r.message).toMatch(/khi giải nén lên tới 480 MB, quá giới hạn 100 MB cho một phần/);
    expect(l).toMatchObject({ ok: false, name: 'TruncatedFileError' });
    // Far below the 480 MB unpacked (and the 1.6 GB the old reader took); the margin over the ~120 MB seen on an
    // idle machine is for a loaded one, where the collector runs later (170 MB seen during the full suite).
    expect(Math.max(r.maxRssMb, l.maxRssMb)).toBeLessThan(240);
  }, 180_000);

  test('memory stays flat: a template with one more cell at XFD1048576 is read whole, its tables found', async () => {
    const file = tmpFile('o-xa.xlsx');
    const seed = fs.readFileSync(path.join(FIXTURES, 'libreoffice.xlsx'));
    const book = await XlsxWorkbook.fromBuffer(seed);
    book.book.getWorksheet('T1 Chỉ tiêu')!.getCell('XFD1048576').value = 'x';
    await book.save(file);
    expect(fs.statSync(file).size).toBeLessThan(64 * 1024);
    const [r] = await inChild(file);
    expect(r).toMatchObject({ ok: true, lastRow: 1048576, lastRowLength: 16384, tables: 11, errors: 0 });
    expect(r.maxRssMb).toBeLessThan(250);
  }, 180_000);
});

// ---------------------------------------------------------------------------------------------------------------
// The child: the reader compiled to plain JavaScript (no TypeScript compiler in its memory), one file, one JSON line.

let compiled = '';
function compileReader(): string {
  if (compiled) return compiled;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-reader-'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(out, 'node_modules'), 'dir');
  const queue = ['xlsx/workbook.ts', 'shared/reading/unit-workbook.ts', 'shared/validation/validate.ts'].map((f) =>
    path.join(ROOT, f),
  );
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const target = path.join(out, path.relative(ROOT, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (!file.endsWith('.ts')) {
      fs.copyFileSync(file, target);
      continue;
    }
    const source = fs.readFileSync(file, 'utf8');
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019, esModuleInterop: true },
      fileName: file,
    }).outputText;
    fs.writeFileSync(target.replace(/\.ts$/, '.js'), js);
    for (const m of source.matchAll(/(?:from\s+|require\(|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const base = path.resolve(path.dirname(file), m[1]);
      const found = [`${base}.ts`, path.join(base, 'index.ts'), base].find(
        (f) => fs.existsSync(f) && fs.statSync(f).isFile(),
      );
      if (found) queue.push(found);
    }
  }
  const script = path.join(out, 'read-one.js');
  fs.writeFileSync(
    script,
    `const { XlsxWorkbook } = require('./xlsx/workbook.js');
const { readUnitWorkbook } = require('./shared/reading/unit-workbook.js');
const { validateSheets } = require('./shared/validation/validate.js');
const rss = () => process.resourceUsage().maxRSS / 1024;
async function readOne(file) {
  try {
    const book = await XlsxWorkbook.open(file);
    const sheets = await book.read();
    const t1 = sheets.find((s) => s.name === 'T1 Chỉ tiêu');
    const tables = readUnitWorkbook(sheets).tables.length;
    const uncomputed = (i) => (sheets.find((s) => s.name === i.sheet)?.uncomputed ?? []).includes(i.cell);
    const errors = validateSheets(sheets, { file: 'x', period: '2023-06' })
      .issues.filter((i) => i.severity === 'loi' && !uncomputed(i)).length;
    const last = t1.values[t1.values.length - 1];
    return { ok: true, lastRow: t1.values.length, lastRowLength: last.length, tables, errors, maxRssMb: rss() };
  } catch (e) {
    return { ok: false, name: e.name, message: e.message, maxRssMb: rss() };
  }
}
(async () => {
  const out = [];
  for (const file of process.argv.slice(2)) out.push(await readOne(file));
  process.stdout.write(JSON.stringify(out));
})();
`,
  );
  compiled = script;
  return script;
}

interface ChildResult {
  ok: boolean;
  name?: string;
  message?: string;
  maxRssMb: number;
  lastRow?: number;
  lastRowLength?: number;
  tables?: number;
  errors?: number;
}

/** Reads the files one after another in one child process limited to 256 MB of heap; its peak RSS after each. */
function inChild(...files: string[]): Promise<ChildResult[]> {
  const script = compileReader();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--max-old-space-size=256', script, ...files],
      { timeout: 120_000, maxBuffer: MB },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`the reader died: ${err.message}\n${stderr.slice(-2000)}`));
        else resolve(JSON.parse(stdout) as ChildResult[]);
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------------------------

/** What the unit typed, as tests/helpers/unit-fixture.ts CONSISTENT has it, read back from each file. */
function figures(sheets: SheetSnapshot[]) {
  const read = readUnitWorkbook(sheets);
  const t1 = read.tables.find((t) => t.table === 'T1')!;
  const row = (code: string) => t1.rows.find((r) => r.cells.code === code)!.cells;
  const t2 = read.tables.find((t) => t.table === 'T2')!.rows.filter((r) => r.kind === 'item')[0].cells;
  const t3b = read.tables.find((t) => t.table === 'T3b')!.rows.filter((r) => r.kind === 'item')[0].cells;
  return {
    tables: read.tables.map((t) => t.table),
    unmatched: read.unmatched.length,
    unit: read.cover.unit?.value,
    eid: [row('XHS.DDDT').numerator, row('XHS.DDDT').denominator],
    tax: [row('KTS.THUEDT').numerator, row('KTS.THUEDT').denominator],
    documents: [t2.sentOn, t2.receivedOn],
    dossiers: [t3b.received, t3b.onTime, t3b.late],
  };
}

const TABLES = ['T1', 'T2', 'T3a', 'T3b', 'T3c', 'T3d', 'T3e', 'T4', 'T5', 'T6a', 'T6b'];
const TYPED = {
  tables: TABLES,
  unmatched: 0,
  unit: 'Phường Lộc Thọ',
  eid: [100985, 237649],
  tax: ['4.837', '4886'],
  documents: [8108, 19018],
  dossiers: ['24.020', '23.987', 33],
};

/** Errors the validator finds, other than at formula cells the file holds no result for. */
function errorsBesidesUncomputed(sheets: SheetSnapshot[]) {
  const uncomputed = new Set(sheets.flatMap((s) => (s.uncomputed ?? []).map((c) => `${s.name}!${c}`)));
  const r = validateSheets(sheets, { file: 'x', period: '2023-06' });
  return {
    tables: r.summary.tables,
    errors: r.issues.filter((i) => i.severity === 'loi' && !uncomputed.has(`${i.sheet}!${i.cell}`)),
  };
}

describe('workbooks other software saves are read like Excel’s own', () => {
  test.each([
    ['openpyxl-comment-chart.xlsx', 'openpyxl (Python, pandas): a comment, a chart, an Excel table'],
    ['libreoffice.xlsx', 'LibreOffice Calc'],
    ['sheets-inline-strings.xlsx', 'Google Sheets’ download: inline strings, no shared strings'],
    ['excel-extras.xlsx', 'an image, a pivot table, an external link, printer settings, custom XML, an unknown part'],
  ])('%s (%s): every table found, the figures as typed, no error', async (name) => {
    const sheets = await (await XlsxWorkbook.open(path.join(FIXTURES, name))).read();
    expect(figures(sheets)).toEqual(TYPED);
    expect(errorsBesidesUncomputed(sheets)).toEqual({ tables: 11, errors: [] });
  });

  test('what the reader cannot use it skips, and says which parts', async () => {
    const skipped = async (name: string) => (await XlsxWorkbook.open(path.join(FIXTURES, name))).skipped.sort();
    expect(await skipped('openpyxl-comment-chart.xlsx')).toEqual([
      'xl/charts/chart1.xml',
      'xl/comments/comment1.xml',
      'xl/drawings/commentsDrawing1.vml',
      'xl/drawings/drawing1.xml',
    ]);
    expect(await skipped('excel-extras.xlsx')).toEqual([
      'customXml/item1.xml',
      'customXml/itemProps1.xml',
      'xl/drawings/drawing1.xml',
      'xl/externalLinks/externalLink1.xml',
      'xl/media/image1.png',
      'xl/pivotCache/pivotCacheDefinition1.xml',
      'xl/pivotCache/pivotCacheRecords1.xml',
      'xl/pivotTables/pivotTable1.xml',
      'xl/printerSettings/printerSettings1.bin',
      'xl/vendor/unknown1.xml',
    ]);
    expect(await skipped('libreoffice.xlsx')).toEqual(['docProps/custom.xml']);
    expect(await skipped('sheets-inline-strings.xlsx')).toEqual([]);
  });

  test('formulas: a file that holds no result lists them as uncomputed; a computed "" is a result', async () => {
    const uncomputed = async (name: string) =>
      Object.fromEntries(
        (await (await XlsxWorkbook.open(path.join(FIXTURES, name))).read())
          .filter((s) => s.uncomputed)
          .map((s) => [s.name, s.uncomputed!.length]),
      );
    // openpyxl keeps the template's formulas and writes no result (<v></v>): nothing has computed them.
    const never = await uncomputed('openpyxl-comment-chart.xlsx');
    expect(never['T1 Chỉ tiêu']).toBeGreaterThan(100);
    // LibreOffice and Sheets computed them; a blank rate is IF(…,"") saved as t="str" with an empty value.
    expect(await uncomputed('libreoffice.xlsx')).toEqual({});
    expect(await uncomputed('sheets-inline-strings.xlsx')).toEqual({});
    const lo = await (await XlsxWorkbook.open(path.join(FIXTURES, 'libreoffice.xlsx'))).read(['T1 Chỉ tiêu']);
    const t1 = readUnitWorkbook(lo).tables.find((t) => t.table === 'T1')!;
    expect(t1.rows.find((r) => r.cells.code === 'CQS.01')!.cells.rate).toBe('');
    expect(t1.rows.find((r) => r.cells.code === 'XHS.DDDT')!.cells.rate).toBeCloseTo(100985 / 237649, 10);
  });

  test('a workbook whose parts are named and linked unusually (absolute targets, another sheet name) is read', async () => {
    const body = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Có</t></is></c></row></sheetData>';
    const file = await writeZip(
      tmpFile('ten-la.xlsx'),
      workbookParts(
        { data: sheetXml(body) },
        { sheetPath: 'xl/worksheets/DuLieu.xml', target: '/xl/worksheets/DuLieu.xml' },
      ),
    );
    const sheets = await (await XlsxWorkbook.open(file)).read();
    expect(sheets.map((s) => [s.name, s.values])).toEqual([['Dữ liệu', [['Có']]]]);
  });

  test('a workbook ExcelJS wrote: a merged value once, formulas with their text, rows ragged', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('A');
    ws.getCell('A1').value = 'x';
    ws.getCell('B2').value = { formula: 'A1&"y"', result: 'xy' } as ExcelJS.CellFormulaValue;
    ws.mergeCells('A3:B3');
    ws.getCell('A3').value = 'gộp';
    const data = new Uint8Array(await book.xlsx.writeBuffer());
    const [s] = await (await XlsxWorkbook.fromBuffer(data, 'a.xlsx')).read();
    expect(s).toEqual({
      name: 'A',
      // B3 is covered by the merge: a host shows A3's value once, and the row ends at A3.
      values: [['x'], [null, 'xy'], ['gộp']],
      formulas: [[null], [null, '=A1&"y"'], [null]],
      hidden: false,
      merges: ['A3:B3'],
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('what a file is, said by its content with a fix', () => {
  const bytesOf = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

  test.each<[string, () => Promise<Uint8Array> | Uint8Array, new (...a: never[]) => DxError, string]>([
    [
      'small.xls (LibreOffice, Excel 97–2003)',
      () => bytesOf('small.xls'),
      OldXlsError,
      'Tệp “f.xlsx” là định dạng Excel cũ (.xls): mở bằng Excel, chọn Tệp → Lưu thành → Sổ làm việc Excel (.xlsx) rồi gửi lại.',
    ],
    [
      'small-password.xlsx (LibreOffice, saved with a password)',
      () => bytesOf('small-password.xlsx'),
      EncryptedWorkbookError,
      'Tệp “f.xlsx” có mật khẩu: mở bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu lại.',
    ],
    [
      'small.ods (LibreOffice, OpenDocument)',
      () => bytesOf('small.ods'),
      OdsError,
      'Tệp “f.xlsx” là bảng tính OpenDocument (.ods): mở bằng LibreOffice hoặc Excel, ' +
        'lưu thành Sổ làm việc Excel (.xlsx) rồi gửi lại.',
    ],
    [
      'a CSV renamed .xlsx',
      () => Buffer.from('STT,Đơn vị,Tổng số\n1,Phường Lộc Thọ,16\n'),
      TextFileError,
      'Tệp “f.xlsx” là văn bản CSV, không phải sổ Excel: mở bằng Excel, chọn Tệp → Lưu thành → ' +
        'Sổ làm việc Excel (.xlsx) rồi gửi lại.',
    ],
    [
      'an HTML table a web system saves as "Excel"',
      () => Buffer.from('<html><body><table><tr><td>Đơn vị</td></tr></table></body></html>'),
      TextFileError,
      'Tệp “f.xlsx” là trang web (HTML) đặt tên như tệp Excel, không phải sổ Excel: mở bằng Excel, chọn Tệp → ' +
        'Lưu thành → Sổ làm việc Excel (.xlsx) rồi gửi lại.',
    ],
    [
      'a zip that is not a workbook',
      async () => fs.readFileSync(await writeZip(tmpFile('a.zip'), [{ name: 'bao-cao.txt', data: 'xin chào' }])),
      NotWorkbookZipError,
      'Tệp “f.xlsx” là tệp nén nhưng không chứa sổ Excel (không có xl/workbook.xml): gửi tệp .xlsx của biểu mẫu.',
    ],
    [
      'a Word document',
      async () =>
        fs.readFileSync(await writeZip(tmpFile('a.docx'), [{ name: 'word/document.xml', data: '<w:document/>' }])),
      NotWorkbookZipError,
      'Tệp “f.xlsx” là văn bản Word (.docx), không phải sổ Excel: gửi tệp .xlsx của biểu mẫu.',
    ],
    [
      'an empty file',
      () => new Uint8Array(0),
      EmptyFileError,
      'Tệp “f.xlsx” rỗng (0 byte): lưu lại trong Excel rồi gửi lại.',
    ],
    [
      'a download cut short (half a workbook)',
      () => bytesOf('libreoffice.xlsx').subarray(0, 15000),
      TruncatedFileError,
      'Tệp “f.xlsx” bị cắt cụt hoặc hỏng (tải về hoặc sao chép chưa xong): tải lại, hoặc đề nghị đơn vị gửi lại.',
    ],
    [
      'a PDF',
      () => Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'),
      NotWorkbookError,
      'Tệp “f.xlsx” không phải sổ Excel (.xlsx) mà là tệp PDF: gửi tệp .xlsx của biểu mẫu.',
    ],
  ])('%s', async (_, bytes, kind, message) => {
    const file = tmpFile('f.xlsx');
    fs.writeFileSync(file, await bytes());
    const e = await refusal(XlsxWorkbook.open(file));
    expect(e).toBeInstanceOf(kind);
    expect(e.message).toBe(message);
    expect(describeError(e)).toBe(message);
  });

  test('an upload is named by the name it came with', async () => {
    const e = await refusal(XlsxWorkbook.fromBuffer(fs.readFileSync(path.join(FIXTURES, 'small.ods')), 'don-vi.xlsx'));
    expect(e.message).toMatch(/^Tệp “don-vi\.xlsx” là bảng tính OpenDocument/);
    const unnamed = await refusal(XlsxWorkbook.fromBuffer(new Uint8Array(0)));
    expect(unnamed.message).toBe('Tệp rỗng (0 byte): lưu lại trong Excel rồi gửi lại.');
  });
});
