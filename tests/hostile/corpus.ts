/*
 * The hostile corpus (issue 11): files and commands as a careless or hostile user would give them.
 * `makeCorpus(dir)` writes every input into `dir` (tests/fixtures/hostile/ in the test run, made anew
 * each time, not committed) and returns the cases: the command, the exit code and message it must end
 * with. The test runs each in-process, checks no stack trace is printed and every input's hash is
 * unchanged; the bombs run in one memory-bounded child process.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { createTemplate } from '../../shared/operations/create-template';
import { readUnitWorkbook } from '../../shared/reading/unit-workbook';
import { columnLetter } from '../../shared/workbook/sheet-spec';
import { XlsxWorkbook } from '../../xlsx/workbook';

export interface HostileCase {
  name: string;
  /** Arguments of dx-report; `{dir}` stands for the corpus folder. */
  args: string[];
  exit: number | number[];
  /** What the output must say (Vietnamese, naming the file or the cell). */
  says: RegExp;
  /** Files the case must leave byte-identical (all inputs are checked anyway). */
  inputs: string[];
  /** Run in the memory-bounded child process (bombs). */
  bounded?: boolean;
}

type Fill = Array<{
  table?: string;
  row?: string;
  field?: string;
  cover?: string;
  sheet?: string;
  cell?: string;
  value: unknown;
}>;

/** A unit workbook made with the product's own template, filled as a unit would. */
async function unit(file: string, fills: Fill, name = 'Phường Lộc Thọ', period = '2023-06'): Promise<void> {
  const port = new XlsxWorkbook();
  await createTemplate(port, { unit: name, period, preparer: 'Nguyễn Văn A' });
  const read = readUnitWorkbook(await port.read());
  for (const f of fills) {
    let sheet = f.sheet;
    let cell = f.cell;
    if (f.cover) {
      const c = read.cover[f.cover as keyof typeof read.cover]!;
      sheet = c.sheet;
      cell = c.cell;
    } else if (f.table) {
      const t = read.tables.find((x) => x.table === f.table)!;
      const items = t.rows.filter((r) => r.kind === 'item');
      const n = Number(f.row!.slice(1));
      // A blank row to fill is no item yet: the n-th row under the header.
      const row = f.row!.startsWith('#')
        ? (items[n - 1] ?? { row: (items[items.length - 1]?.row ?? t.headerRow + t.headerRows - 1) + n - items.length })
        : items.find((r) => r.cells.code === f.row || r.cells.plan === f.row)!;
      sheet = t.sheet;
      cell = `${columnLetter(t.columns[f.field!])}${row.row + 1}`;
    }
    port.book.getWorksheet(sheet!)!.getCell(cell!).value = f.value as ExcelJS.CellValue;
  }
  await port.save(file);
}

/** Seed figures that pass every check (seed 000 §8, seed 002), with a report date. */
const GOOD: Fill = [
  { cover: 'reportDate', value: new Date(Date.UTC(2023, 6, 10)) },
  { table: 'T1', row: 'XHS.DDDT', field: 'numerator', value: 103223 },
  { table: 'T1', row: 'XHS.DDDT', field: 'denominator', value: 311736 },
];

/** A zip of the given entries, each stored or deflated as zip tools do (local headers + central directory). */
interface ZipEntry {
  name: string;
  data?: Buffer;
  /** Already deflated (a bomb made chunk by chunk): the body, the size it inflates to, its CRC. */
  deflated?: { body: Buffer; size: number; crc: number };
}

function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const e = { ...entry, deflate: Boolean(entry.deflated), data: entry.data ?? Buffer.alloc(0) };
    const body = entry.deflated ? entry.deflated.body : e.data;
    const name = Buffer.from(e.name);
    const crc = entry.deflated ? entry.deflated.crc : zlib.crc32(e.data);
    const size = entry.deflated ? entry.deflated.size : e.data.length;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(e.deflate ? 8 : 0, 8);
    head.writeUInt32LE(crc >>> 0, 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(name.length, 26);
    locals.push(head, name, body);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(e.deflate ? 8 : 0, 10);
    dir.writeUInt32LE(crc >>> 0, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="xml" ContentType="application/xml"/></Types>',
);

/** `size` zero bytes deflated a megabyte at a time: a bomb that never sits in memory. */
async function zeros(size: number): Promise<{ body: Buffer; size: number; crc: number }> {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (b: Buffer) => parts.push(b));
  let crc = 0;
  for (let done = 0; done < size; done += chunk.length) {
    crc = zlib.crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  }
  await new Promise((r) => deflate.end(r));
  return { body: Buffer.concat(parts), size, crc };
}

/** The OLE2 (Compound File) header old .xls files and password-protected .xlsx files start with. */
function ole2(streamName: string): Buffer {
  const b = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  // The directory entry names are UTF-16LE: enough for a sniffer that looks for them.
  Buffer.from(streamName, 'utf16le').copy(b, 1024);
  return b;
}

export async function makeCorpus(dir: string): Promise<HostileCase[]> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const p = (name: string) => path.join(dir, name);
  const out = (name: string) => path.join(dir, 'out', name);
  fs.mkdirSync(path.join(dir, 'out'));
  const cases: HostileCase[] = [];
  const validate = (name: string, file: string, exit: number | number[], says: RegExp, extra: string[] = []) =>
    cases.push({ name, args: ['validate', file, ...extra], exit, says, inputs: [file] });

  // — What a file is, by its content —
  fs.writeFileSync(p('cu.xls'), ole2('Workbook'));
  validate('an old .xls', p('cu.xls'), 2, /\.xls|Excel 97|định dạng cũ/i);
  // A real password-protected workbook (scripts/make-other-software-fixtures.sh): OLE2 with EncryptionInfo.
  fs.copyFileSync(path.join(__dirname, '..', 'fixtures', 'other-software', 'small-password.xlsx'), p('mat-khau.xlsx'));
  validate('a password-protected .xlsx', p('mat-khau.xlsx'), 2, /mật khẩu/i);
  fs.writeFileSync(
    p('bang.ods'),
    zip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') }]),
  );
  validate('an .ods spreadsheet', p('bang.ods'), 2, /\.ods|OpenDocument/i);
  fs.writeFileSync(p('bang.ods.xlsx'), fs.readFileSync(p('bang.ods')));
  validate('an .ods renamed .xlsx', p('bang.ods.xlsx'), 2, /\.ods|OpenDocument/i);
  fs.writeFileSync(p('so-lieu.csv'), 'STT;Tên đơn vị;Số hồ sơ\n1;Phường Lộc Thọ;12\n');
  validate('a .csv', p('so-lieu.csv'), 2, /csv|văn bản/i);
  fs.writeFileSync(p('so-lieu-csv.xlsx'), fs.readFileSync(p('so-lieu.csv')));
  validate('a .csv renamed .xlsx', p('so-lieu-csv.xlsx'), 2, /csv|văn bản|không phải/i);
  fs.writeFileSync(p('nen.xlsx'), zip([{ name: 'ghi-chu.txt', data: Buffer.from('không phải sổ tính') }]));
  validate('a zip that is not a workbook', p('nen.xlsx'), 2, /không phải|sổ tính|workbook/i);
  fs.writeFileSync(p('rong.xlsx'), '');
  validate('an empty file', p('rong.xlsx'), 2, /rỗng|trống|0 byte/i);
  await unit(p('du.xlsx'), GOOD);
  const whole = fs.readFileSync(p('du.xlsx'));
  fs.writeFileSync(p('cut.xlsx'), whole.subarray(0, Math.floor(whole.length / 2)));
  validate('a truncated workbook', p('cut.xlsx'), 2, /hỏng|không đọc/i);
  fs.writeFileSync(p('trang.xlsx'), '<html><body>Báo cáo</body></html>');
  validate('a web page saved as .xlsx', p('trang.xlsx'), 2, /không phải|văn bản|hỏng/i);
  fs.writeFileSync(p('anh.xlsx'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
  validate('a picture named .xlsx', p('anh.xlsx'), 2, /không phải|hỏng/i);
  fs.writeFileSync(p('tai-lieu.xlsx'), '%PDF-1.4\n%âãÏÓ\n');
  validate('a PDF named .xlsx', p('tai-lieu.xlsx'), 2, /không phải|hỏng|PDF/i);
  fs.writeFileSync(p('thieu-workbook.xlsx'), zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }]));
  validate('a zip with content types but no workbook', p('thieu-workbook.xlsx'), 2, /không chứa sổ|không phải|hỏng/i);

  // — Not regular files, sizes, bombs —
  fs.mkdirSync(p('thu-muc.xlsx'));
  validate('a folder named .xlsx', p('thu-muc.xlsx'), [1, 2], /thư mục|không có tệp|0 tệp/i);
  fs.symlinkSync('/dev/zero', p('zero.xlsx'));
  validate('a link to /dev/zero', p('zero.xlsx'), 2, /không phải tệp|tệp thường/i);
  const big = p('qua-lon.xlsx');
  fs.closeSync(fs.openSync(big, 'w'));
  fs.truncateSync(big, 300 * 1024 * 1024); // sparse: costs no disk
  validate('a 300 MB file', big, 2, /lớn|giới hạn|MB/i);
  const bomb = zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    { name: 'xl/worksheets/sheet1.xml', deflated: await zeros(480 * 1024 * 1024) },
  ]);
  fs.writeFileSync(p('bom-nen.xlsx'), bomb);
  cases.push({
    name: 'a 480 MB zip bomb',
    args: ['validate', p('bom-nen.xlsx')],
    exit: 2,
    says: /giải nén|lớn|giới hạn|tỷ lệ nén/i,
    inputs: [p('bom-nen.xlsx')],
    bounded: true,
  });
  {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Báo cáo').getCell('XFD1048576').value = 1;
    await book.xlsx.writeFile(p('o-xa.xlsx'));
  }
  cases.push({
    name: 'one cell at XFD1048576',
    args: ['validate', p('o-xa.xlsx')],
    exit: [1, 2],
    says: /bảng|tệp/i,
    inputs: [p('o-xa.xlsx')],
    bounded: true,
  });

  // — Content staff type —
  {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Sheet1').getCell('A1').value = 'Ghi chép riêng';
    await book.xlsx.writeFile(p('khong-bang.xlsx'));
  }
  validate('a workbook with no report table', p('khong-bang.xlsx'), 1, /Không tìm thấy bảng/i);
  await unit(p('phieu-trong.xlsx'), []);
  validate('an empty template', p('phieu-trong.xlsx'), 1, /trống|chưa (điền|nhập)/i);
  const typed = async (name: string, fills: Fill, says: RegExp, exit: number | number[] = 1) => {
    await unit(p(name), [...GOOD, ...fills]);
    validate(`typed: ${name}`, p(name), exit, says);
  };
  await typed(
    'tu-lon-hon-mau.xlsx',
    [
      { table: 'T1', row: 'CQS.07', field: 'numerator', value: 23802 },
      { table: 'T1', row: 'CQS.07', field: 'denominator', value: 23391 },
    ],
    /23\.802 lớn hơn mẫu số 23\.391/,
  );
  await typed('chu-trong-so.xlsx', [{ table: 'T1', row: 'CQS.03', field: 'numerator', value: '24 loại' }], /24 loại/);
  await typed('so-mo-ho.xlsx', [{ table: 'T1', row: 'KTS.01', field: 'numerator', value: '421.62' }], /421\.62/);
  await typed('ty-le-trong-so.xlsx', [{ table: 'T1', row: 'CQS.03', field: 'numerator', value: '100%' }], /100%/);
  await typed('so-am.xlsx', [{ table: 'T1', row: 'CQS.03', field: 'numerator', value: -3 }], /-3|âm/);
  await typed('so-le.xlsx', [{ table: 'T1', row: 'CQS.03', field: 'numerator', value: 2.5 }], /nguyên/);
  await typed(
    'so-khong-lo.xlsx',
    [
      { table: 'T1', row: 'CQS.03', field: 'numerator', value: 1e308 },
      { table: 'T1', row: 'CQS.03', field: 'denominator', value: 1e308 },
    ],
    /quá lớn|10\^?12|1\.000\.000\.000\.000|giới hạn/i,
  );
  await typed('nan.xlsx', [{ table: 'T1', row: 'CQS.03', field: 'numerator', value: 'NaN' }], /NaN/);
  await typed('loi-ref.xlsx', [{ table: 'T1', row: 'CQS.03', field: 'numerator', value: { error: '#REF!' } }], /#REF!/);
  await typed('thieu-mau.xlsx', [{ table: 'T1', row: 'CQS.03', field: 'numerator', value: 12 }], /thiếu mẫu số/i);
  await typed('ky-sai.xlsx', [{ cover: 'period', value: 'tháng 13/2023' }], /tháng 13\/2023/);
  await typed('ngay-sai.xlsx', [{ cover: 'reportDate', value: '31/02/2023' }], /31\/02\/2023/);
  await typed('thieu-ngay.xlsx', [{ cover: 'reportDate', value: null }], /Ngày báo cáo/);
  await typed('don-vi-la.xlsx', [{ cover: 'unit', value: 'Pường Lộc Thọ' }], /Có phải “Phường Lộc Thọ”/);
  await typed('rtl.xlsx', [{ cover: 'unit', value: 'Phường \u202eLộc Thọ' }], /ký tự ẩn|đổi hướng/i, 0);
  await typed('zero-width.xlsx', [{ cover: 'unit', value: 'Phường Lộc\u200b Thọ' }], /ký tự ẩn/i, 0);
  await typed('ten-1mb.xlsx', [{ cover: 'unit', value: 'Phường '.repeat(150_000) }], /danh mục|dài/i);
  await typed(
    'phan-anh-sai.xlsx',
    [
      { table: 'T4', row: '#1', field: 'received', value: 16 },
      { table: 'T4', row: '#1', field: 'resolved', value: 10 },
      { table: 'T4', row: '#1', field: 'inProcess', value: 5 },
    ],
    /16/,
  );
  await typed(
    'tien-do.xlsx',
    [
      { table: 'T5', row: '#1', field: 'name', value: 'Nền tảng số' },
      { table: 'T5', row: '#1', field: 'period', value: '2022' },
      { table: 'T5', row: '#1', field: 'assessment', value: 'Đang thực hiện theo tiến độ' },
    ],
    /trễ hạn/,
  );
  await typed(
    'cong-thuc-trong-ten.xlsx',
    [
      { table: 'T5', row: '#1', field: 'name', value: '=HYPERLINK("http://x","bấm")' },
      { table: 'T5', row: '#1', field: 'period', value: '2023' },
    ],
    /tệp/,
    [0, 1],
  );
  await typed('nfd.xlsx', [{ cover: 'unit', value: 'Phường Lộc Thọ'.normalize('NFD') }], /0 lỗi/, 0);
  await typed('dau-cu.xlsx', [{ cover: 'unit', value: 'UBND phường Lộc Thọ' }], /0 lỗi/, 0);
  await typed(
    'khoang-trang.xlsx',
    [{ table: 'T1', row: 'CQS.03', field: 'numerator', value: '48 682' }],
    /lỗi/,
    [0, 1],
  );
  await typed(
    'trung-dong.xlsx',
    [
      { table: 'T4', row: '#1', field: 'unit', value: 'Phường Lộc Thọ' },
      { table: 'T4', row: '#2', field: 'unit', value: 'Phường Lộc Thọ' },
    ],
    /lỗi/,
    [0, 1],
  );

  // DX_CauHinh: the unit's copy differs from the secretariat's (a rule row deleted), bad rows.
  {
    await unit(p('sua-cau-hinh.xlsx'), GOOD);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(p('sua-cau-hinh.xlsx'));
    const ws = book.getWorksheet('DX_CauHinh')!;
    let ruleRow = 0;
    ws.eachRow((row, r) => {
      if (!ruleRow && row.values && JSON.stringify(row.values).includes('T4.')) ruleRow = r;
    });
    if (ruleRow) ws.spliceRows(ruleRow, 1);
    await book.xlsx.writeFile(p('sua-cau-hinh.xlsx'));
    validate("a unit's DX_CauHinh with a rule deleted", p('sua-cau-hinh.xlsx'), [0, 1], /./);
  }
  for (const [name, value, says] of [
    ['proto.xlsx', '__proto__', /__proto__/],
    ['ma-trung.xlsx', 'CQS.01', /trùng/],
  ] as const) {
    await unit(p(name), GOOD);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(p(name));
    const ws = book.getWorksheet('DX_CauHinh')!;
    let first = 0;
    ws.eachRow((row, r) => {
      if (!first && JSON.stringify(row.values).includes('CQS.02')) first = r;
    });
    ws.getCell(first, 1).value = value;
    await book.xlsx.writeFile(p(name));
    validate(`DX_CauHinh with ${value}`, p(name), 1, says);
  }

  // — Files saved by other software (committed fixtures, made by scripts/make-other-software-fixtures.*) —
  const other = path.join(__dirname, '..', 'fixtures', 'other-software');
  if (fs.existsSync(other))
    for (const f of fs
      .readdirSync(other)
      .filter((x) => x.endsWith('.xlsx') && !x.includes('password'))
      .sort()) {
      fs.copyFileSync(path.join(other, f), p(`khac-${f}`));
      validate(`saved by other software: ${f}`, p(`khac-${f}`), [0, 1], /tệp|bảng|lỗi/i);
    }

  // — Commands —
  const ok = p('du.xlsx');
  const run = (name: string, args: string[], exit: number | number[], says: RegExp, inputs: string[] = [ok]) =>
    cases.push({ name, args, exit, says, inputs });
  run('an unknown flag', ['validate', ok, '--peroid', '2023-06'], 2, /--peroid.*--period/);
  run('period 2023-13', ['consolidate', ok, '--out', out('a.xlsx'), '--period', '2023-13'], 2, /2023-13/);
  run('period abc', ['consolidate', ok, '--out', out('a.xlsx'), '--period', 'abc'], 2, /abc/);
  run('deadline day 0', ['consolidate', ok, '--out', out('a.xlsx'), '--deadline-day', '0'], 2, /--deadline-day/);
  run('deadline day 32', ['consolidate', ok, '--out', out('a.xlsx'), '--deadline-day', '32'], 2, /--deadline-day/);
  run('--out is an input', ['consolidate', ok, '--out', ok], 2, /đầu vào|không ghi đè/i);
  run('--html is an input', ['consolidate', ok, '--out', out('b.xlsx'), '--html', ok], 2, /đầu vào|không ghi đè/i);
  run('--html equals --out', ['consolidate', ok, '--out', out('c.xlsx'), '--html', out('c.xlsx')], 2, /trùng|--html/i);
  {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Của văn phòng').getCell('A1').value = 'giữ nguyên';
    await book.xlsx.writeFile(p('cua-van-phong.xlsx'));
  }
  run(
    '--out a file the product did not make',
    ['consolidate', ok, '--out', p('cua-van-phong.xlsx')],
    [1, 2],
    /không do phần mềm|không ghi đè/i,
    [ok, p('cua-van-phong.xlsx')],
  );
  fs.writeFileSync(p('ra-rong.xlsx'), '');
  run(
    '--out an existing 0-byte file',
    ['consolidate', ok, '--out', p('ra-rong.xlsx')],
    [1, 2],
    /không ghi đè|rỗng|không do phần mềm/i,
    [ok, p('ra-rong.xlsx')],
  );
  run('--out in a missing folder', ['consolidate', ok, '--out', p('khong-co/ra.xlsx')], [1, 2], /thư mục/i);
  run(
    '--html over a page of someone else',
    ['consolidate', ok, '--out', out('d.xlsx'), '--html', p('trang.xlsx')],
    [1, 2],
    /không ghi đè|đầu vào|không do phần mềm/i,
    [ok, p('trang.xlsx')],
  );
  run('a missing input', ['validate', p('khong-co.xlsx')], 2, /khong-co\.xlsx/);
  run(
    'a missing --registry',
    ['consolidate', ok, '--out', out('e.xlsx'), '--registry', p('khong-co.json')],
    2,
    /khong-co\.json/,
  );
  fs.writeFileSync(p('danh-muc-hong.json'), '{ "units": [ ');
  run(
    'a malformed --registry',
    ['consolidate', ok, '--out', out('f.xlsx'), '--registry', p('danh-muc-hong.json')],
    2,
    /danh-muc-hong\.json/,
    [ok, p('danh-muc-hong.json')],
  );
  fs.writeFileSync(
    p('danh-muc-trung.json'),
    JSON.stringify({
      code: 'THU',
      name: 'Thử',
      units: [
        { code: 'A', name: 'Phường Lộc Thọ', group: 'ubnd-xa-phuong' },
        { code: 'A', name: 'Phường Vạn Thạnh', group: 'ubnd-xa-phuong' },
      ],
    }),
  );
  run(
    'a registry with duplicate codes',
    ['consolidate', ok, '--out', out('g.xlsx'), '--registry', p('danh-muc-trung.json')],
    2,
    /trùng/,
    [ok, p('danh-muc-trung.json')],
  );
  run(
    'a missing --config',
    [
      'template',
      '--unit',
      'Phường Lộc Thọ',
      '--period',
      '2023-06',
      '--out',
      out('t.xlsx'),
      '--config',
      p('khong-co.xlsx'),
    ],
    [1, 2],
    /khong-co\.xlsx/,
    [],
  );
  run('tables on a missing file', ['tables', p('khong-co.xlsx')], [1, 2], /khong-co\.xlsx/, []);
  run(
    'map on a missing file',
    ['map', p('khong-co.xlsx'), '--sheet', 'A', '--table', 'T4', '--header-row', '1'],
    [1, 2],
    /khong-co\.xlsx|Cần/,
    [],
  );
  run('a number too large for DX_NUMBER', ['fn', 'DX_NUMBER', '1111111111111111111111'], [1, 2], /#NUM!/, []);
  run('DX_RATE of text', ['fn', 'DX_RATE', 'abc', '5'], [1, 2], /#VALUE!/, []);
  run('an unknown formula', ['fn', 'DX_NOPE', '1'], [1, 2], /DX_NOPE/, []);
  run('an unknown command', ['consolidat', ok], 2, /consolidat|consolidate/, []);
  fs.mkdirSync(p('thang/2023-06'), { recursive: true });
  fs.mkdirSync(p('thang/2023-07'), { recursive: true });
  fs.copyFileSync(ok, p('thang/2023-06/loc-tho.xlsx'));
  await unit(p('thang/2023-07/loc-tho.xlsx'), GOOD, 'Phường Lộc Thọ', '2023-07');
  run(
    'a folder with month subfolders',
    ['consolidate', p('thang'), '--out', out('h.xlsx'), '--period', '2023-06'],
    0,
    /2 tệp|tìm thấy 2/i,
    [p('thang/2023-06/loc-tho.xlsx'), p('thang/2023-07/loc-tho.xlsx')],
  );
  fs.mkdirSync(p('trong'));
  run(
    'an empty folder',
    ['consolidate', p('trong'), '--out', out('i.xlsx')],
    [1, 2],
    /0 tệp|không có tệp|không có đơn vị/i,
    [],
  );
  run(
    'no unit consolidated',
    ['consolidate', p('khong-bang.xlsx'), '--out', out('j.xlsx')],
    [1, 2],
    /không có đơn vị|0 đơn vị|không tổng hợp/i,
    [p('khong-bang.xlsx')],
  );
  run(
    'an unreadable file among good ones',
    ['consolidate', ok, p('cut.xlsx'), '--out', out('k.xlsx')],
    2,
    /cut\.xlsx/,
    [ok, p('cut.xlsx')],
  );
  run('the same file twice', ['consolidate', ok, ok, '--out', out('l.xlsx')], [0, 1], /hai lần|trùng/i);
  await unit(
    p('van-thanh-xss.xlsx'),
    [...GOOD, { table: 'T5', row: '#1', field: 'name', value: '<script>alert(1)</script>' }],
    'Phường Vạn Thạnh',
  );
  run(
    "markup in a unit's text",
    ['consolidate', p('van-thanh-xss.xlsx'), '--out', out('m.xlsx'), '--html', out('m.html'), '--include-errors'],
    [0, 1],
    /m\.html|Phụ lục/,
    [p('van-thanh-xss.xlsx')],
  );
  return cases;
}
