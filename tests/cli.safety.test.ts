import JSZip from 'jszip';
/**
 * Issue 11, the command line: nothing written over what is not the product's, nothing half-written,
 * strict commands. Commands run in this process through `main()` (tests/helpers/cli.ts); only the kill and
 * the closed pipe need a real process (two spawns in this file).
 */
import { ChildProcess, spawn } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { COMMANDS, helpText } from '../cli/args';
import { io } from '../cli/output';
import { OWNED } from '../shared/consolidate/consolidate';
import { writeOwnedOp } from '../shared/operations/consolidate-op';
import { runAsync } from '../shared/operations/run';
import { readUnitWorkbook } from '../shared/reading/unit-workbook';
import { SheetSpec } from '../shared/workbook/sheet-spec';
import { columnLetter } from '../shared/workbook/sheet-spec';
import { XlsxWorkbook } from '../xlsx/workbook';
import { BIN, runMain } from './helpers/cli';
import { ROOT } from './helpers/hosts';
import { Edit, feedbackRow, unitWorkbook } from './helpers/unit-fixture';
import { tsvWorkbook } from './helpers/xlsx';

const REPORTED: Edit = { cover: 'reportDate', value: new Date(Date.UTC(2023, 6, 10)) };
const eid = (n: number, d: number): Edit[] => [
  { table: 'T1', row: 'XHS.DDDT', field: 'numerator', value: n },
  { table: 'T1', row: 'XHS.DDDT', field: 'denominator', value: d },
];
/** Seed 000 §6 feedback: 16 = 10 + 6, 10 = 6 + 4, 6 = 2 + 4. */
const FEEDBACK: Edit[] = feedbackRow([16, 10, 6, 4, 6, 2, 4]);
const hash = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'dx-safe-'));
/** No stack trace in what a user reads. */
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

/** A unit's workbook copied to where a test wants it. */
async function unit(to: string, edits: Edit[], name: string): Promise<string> {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync((await unitWorkbook(edits, name)).file, to);
  return to;
}

let units: string; // units/, units/2023-06/, units/2023-06/phuong/: three reports in three folders
let unitFiles: string[];
let lone: string; // one report without indicators, feedback only: fewer annexes (no "Biểu đồ")
let stranger: string; // a report from a unit no registry knows

beforeAll(async () => {
  const root = tmpDir();
  units = path.join(root, 'units');
  unitFiles = [
    await unit(path.join(units, 'Xã Vĩnh Ngọc.xlsx'), [REPORTED, ...eid(30000, 90000)], 'Xã Vĩnh Ngọc'),
    await unit(path.join(units, '2023-06', 'Phường Lộc Thọ.xlsx'), [REPORTED, ...eid(40000, 120000)], 'Phường Lộc Thọ'),
    await unit(
      path.join(units, '2023-06', 'phuong', 'Phường Vạn Thạnh.xlsx'),
      [REPORTED, ...eid(33223, 101736)],
      'Phường Vạn Thạnh',
    ),
  ];
  // Not reports: Excel's lock file, hidden files and folders, other files.
  fs.copyFileSync(unitFiles[1], path.join(units, '2023-06', '~$Phường Lộc Thọ.xlsx'));
  fs.copyFileSync(unitFiles[1], path.join(units, '.an.xlsx'));
  fs.mkdirSync(path.join(units, '.cache'));
  fs.copyFileSync(unitFiles[1], path.join(units, '.cache', 'Phường Lộc Thọ.xlsx'));
  fs.writeFileSync(path.join(units, 'ghi-chu.txt'), 'không phải phiếu');
  lone = await unit(path.join(root, 'lone', 'Phường Lộc Thọ.xlsx'), [REPORTED, ...FEEDBACK], 'Phường Lộc Thọ');
  stranger = path.join(root, 'stranger', 'Phường Không Có.xlsx');
  await unit(stranger, [REPORTED, ...eid(1, 2)], 'Phường Lộc Thọ');
  const book = await XlsxWorkbook.open(stranger);
  book.book.getWorksheet('Thông tin chung')!.getCell('B4').value = 'Phường Không Có Thật';
  await book.save(stranger);
}, 120000);

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.on('exit', () => resolve());
  });
}

describe('an output is written whole or not at all', () => {
  test('a run killed before its rename leaves the previous annex byte-identical; a run meanwhile waits, then is refused', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'annexes.xlsx');
    expect((await runMain(['consolidate', units, '--out', out])).code).toBe(0);
    const before = fs.readFileSync(out);
    const child = spawn(process.execPath, [BIN, 'consolidate', lone, '--out', out], {
      env: { ...process.env, DX_TEST_PAUSE_BEFORE_RENAME: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const paused = await new Promise<boolean>((resolve) => {
      let err = '';
      child.stderr!.on('data', (d) => {
        err += d;
        if (err.includes('DX_TEST_PAUSED')) resolve(true);
      });
      child.on('exit', () => resolve(false));
    });
    try {
      expect(paused).toBe(true);
      // The paused run holds <out>.lock: a second run waits, is refused in Vietnamese, and writes nothing.
      const second = await runMain(['consolidate', units, '--out', out], { DX_LOCK_WAIT_MS: '400' });
      expect(second.code).toBe(1);
      expect(second.stdout).toMatch(/Một lần chạy khác của dx-report \(tiến trình \d+\) đang ghi “.*annexes\.xlsx”/);
    } finally {
      child.kill('SIGKILL');
      await exited(child);
    }
    expect(fs.readFileSync(out).equals(before)).toBe(true);
    // The killed run left its lock and its temporary file beside the annex, nothing in the annex.
    const left = fs.readdirSync(dir);
    expect(left).toContain('annexes.xlsx.lock');
    expect(left.some((n) => /^\.annexes\.xlsx\.\d+\.[0-9a-f]+\.tmp$/.test(n))).toBe(true);
    // The next run takes the dead run's lock over and clears its temporary file.
    expect((await runMain(['consolidate', lone, '--out', out])).code).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['annexes.xlsx']);
  }, 120000);

  test('a full disk (ENOSPC) leaves the annex and the report as they were, and says so with the file', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'annexes.xlsx');
    const html = path.join(dir, 'report.html');
    expect((await runMain(['consolidate', units, '--out', out, '--html', html])).code).toBe(0);
    const before = [hash(out), hash(html)];
    const write = io.writeSync;
    io.writeSync = (fd, data, offset, length) => {
      write(fd, data, offset, Math.min(length, 1000));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
    };
    let r;
    try {
      r = await runMain(['consolidate', lone, '--out', out, '--html', html]);
    } finally {
      io.writeSync = write;
    }
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`Ổ đĩa đã đầy: không ghi được “${out}”`);
    expect([hash(out), hash(html)]).toEqual(before);
    // No temporary file, no lock left behind.
    expect(fs.readdirSync(dir).sort()).toEqual(['annexes.xlsx', 'report.html']);
  }, 60000);

  test('an unexpected error is one Vietnamese line; the stack only with DX_DEBUG=1', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'annexes.xlsx');
    const rename = io.renameSync;
    io.renameSync = () => {
      throw new TypeError('boom');
    };
    let plain, debug;
    try {
      plain = await runMain(['consolidate', lone, '--out', out], { DX_DEBUG: undefined });
      debug = await runMain(['consolidate', lone, '--out', out], { DX_DEBUG: '1' });
    } finally {
      io.renameSync = rename;
    }
    // The error's own words ("boom") are English and stay behind DX_DEBUG=1.
    expect(plain).toEqual({
      code: 2,
      stdout:
        'Lỗi không mong đợi: Lỗi của phần mềm, không phải do số liệu: thử lại; nếu vẫn lỗi, báo người hỗ trợ. ' +
        '(DX_DEBUG=1 để xem chi tiết)\n',
      stderr: '',
    });
    expect(debug.stderr).toContain('TypeError: boom');
    expect(debug.stderr).toMatch(STACK);
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 60000);
});

describe('never written over: inputs, files the product did not make', () => {
  test('--out or --html naming an input, or --html the same file as --out, is refused; the input is unchanged', async () => {
    const dir = tmpDir();
    const input = path.join(dir, 'unit.xlsx');
    fs.copyFileSync(lone, input);
    const h = hash(input);
    const asOut = await runMain(['consolidate', input, '--out', input]);
    expect(asOut.code).toBe(2);
    expect(asOut.stdout).toContain(`--out “${input}” cũng là tệp đầu vào`);
    const asHtml = await runMain(['consolidate', input, '--out', path.join(dir, 'a.xlsx'), '--html', input]);
    expect(asHtml.code).toBe(2);
    expect(asHtml.stdout).toContain(`--html ${input}: tên tệp phải có đuôi .html`);
    // Through links: an .html that is the input, an .html that is the annex.
    fs.symlinkSync(input, path.join(dir, 'unit.html'));
    const linked = await runMain([
      'consolidate',
      input,
      '--out',
      path.join(dir, 'a.xlsx'),
      '--html',
      path.join(dir, 'unit.html'),
    ]);
    expect(linked.code).toBe(2);
    expect(linked.stdout).toContain('cũng là tệp đầu vào');
    const out = path.join(dir, 'annexes.xlsx');
    expect((await runMain(['consolidate', input, '--out', out])).code).toBe(0);
    const annex = hash(out);
    fs.symlinkSync(out, path.join(dir, 'report.html'));
    const same = await runMain(['consolidate', input, '--out', out, '--html', path.join(dir, 'report.html')]);
    expect(same.code).toBe(2);
    expect(same.stdout).toContain('trùng với --out');
    expect(hash(out)).toBe(annex);
    expect(hash(input)).toBe(h);
    expect(fs.existsSync(path.join(dir, 'a.xlsx'))).toBe(false);
  }, 60000);

  test('an existing file is replaced only if the product made it: a foreign report or workbook, an empty file are refused', async () => {
    const dir = tmpDir();
    const html = path.join(dir, 'report.html');
    fs.writeFileSync(html, '<html><body>Báo cáo riêng của phòng</body></html>');
    const h = hash(html);
    const r = await runMain(['consolidate', lone, '--out', path.join(dir, 'a.xlsx'), '--html', html]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`Tệp “${html}” đã có và không phải báo cáo do dx-report tạo: không ghi đè`);
    expect(hash(html)).toBe(h);
    expect(fs.existsSync(path.join(dir, 'a.xlsx'))).toBe(false);
    // The product's own report carries its marker and is replaced on a re-run.
    const own = path.join(dir, 'own.html');
    expect((await runMain(['consolidate', lone, '--out', path.join(dir, 'b.xlsx'), '--html', own])).code).toBe(0);
    expect(fs.readFileSync(own, 'utf8')).toContain('<meta name="generator" content="dx-report">');
    expect((await runMain(['consolidate', lone, '--out', path.join(dir, 'b.xlsx'), '--html', own])).code).toBe(0);
    // A workbook of someone else's.
    const mine = path.join(dir, 'so-cua-toi.xlsx');
    await tsvWorkbook(mine, [{ name: 'Sổ của tôi', tsv: 'a\tb' }]);
    const m = hash(mine);
    const foreign = await runMain(['consolidate', lone, '--out', mine]);
    expect(foreign.code).toBe(1);
    expect(foreign.stdout).toContain('có trang không do phần mềm tạo (Sổ của tôi): không ghi đè');
    expect(hash(mine)).toBe(m);
    // An existing 0-byte file: a Vietnamese sentence with its name, not a stack trace.
    const empty = path.join(dir, 'empty.xlsx');
    fs.writeFileSync(empty, '');
    const zero = await runMain(['consolidate', lone, '--out', empty]);
    expect(zero.code).toBe(1);
    expect(zero.stdout).toContain(`Tệp “${empty}” đã có nhưng rỗng (0 byte)`);
    expect(zero.stdout + zero.stderr).not.toMatch(STACK);
    expect(fs.statSync(empty).size).toBe(0);
  }, 60000);

  test('--docx: the report is replaced on a re-run only while nobody saved it since; a Word file of someone else is refused', async () => {
    const dir = tmpDir();
    const docx = path.join(dir, 'bao-cao.docx');
    const run = () => runMain(['consolidate', lone, '--out', path.join(dir, 'a.xlsx'), '--docx', docx]);
    const first = await run();
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`báo cáo Word: ${docx}`);
    expect((await run()).code).toBe(0);
    // Saved by a user: Word writes the user's name into lastModifiedBy.
    const zip = await JSZip.loadAsync(fs.readFileSync(docx));
    const core = await zip.file('docProps/core.xml')!.async('string');
    zip.file('docProps/core.xml', core.replace(/(<cp:lastModifiedBy>)[^<]*/, '$1Nguyễn Thị B'));
    fs.writeFileSync(docx, await zip.generateAsync({ type: 'uint8array' }));
    const h = hash(docx);
    const edited = await run();
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain('đã được sửa và lưu lại sau đó (nội dung sửa sẽ mất): không ghi đè');
    expect(hash(docx)).toBe(h);
    const foreign = path.join(dir, 'cong-van.docx');
    fs.writeFileSync(foreign, 'PK not really a document');
    const f = await runMain(['consolidate', lone, '--out', path.join(dir, 'b.xlsx'), '--docx', foreign]);
    expect(f.code).toBe(1);
    expect(f.stdout).toContain(`Tệp “${foreign}” đã có và không phải báo cáo do dx-report tạo: không ghi đè`);
    expect(fs.existsSync(path.join(dir, 'b.xlsx'))).toBe(false);
  }, 60000);

  test('a missing output folder is refused and nothing is created; template --out never replaces its --config', async () => {
    const dir = tmpDir();
    const r = await runMain(['consolidate', lone, '--out', path.join(dir, 'khong-co', 'annexes.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`Thư mục “${path.join(dir, 'khong-co')}” không tồn tại`);
    expect(fs.readdirSync(dir)).toEqual([]);
    const t = await runMain([
      'template',
      '--unit',
      'Phường Lộc Thọ',
      '--period',
      '2023-06',
      '--out',
      path.join(dir, 'x', 'u.xlsx'),
    ]);
    expect(t.code).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([]);
    const config = path.join(dir, 'master.xlsx');
    fs.copyFileSync(lone, config);
    const h = hash(config);
    const same = await runMain([
      'template',
      '--unit',
      'Phường Lộc Thọ',
      '--period',
      '2023-06',
      '--config',
      config,
      '--out',
      config,
      '--force',
    ]);
    expect(same.code).toBe(2);
    expect(same.stdout).toContain('cũng là tệp đầu vào');
    expect(hash(config)).toBe(h);
  }, 60000);
});

describe('two runs onto one output', () => {
  test('a live lock makes the run wait, then refuse; a dead run’s lock is taken over; concurrent runs take turns', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'annexes.xlsx');
    const lock = `${out}.lock`;
    // Held by a live process (this test's parent).
    fs.writeFileSync(lock, `dx-report pid=${process.ppid} 0000\n`);
    const t0 = Date.now();
    const busy = await runMain(['consolidate', lone, '--out', out], { DX_LOCK_WAIT_MS: '300' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    expect(busy.code).toBe(1);
    expect(busy.stdout).toContain(`Một lần chạy khác của dx-report (tiến trình ${process.ppid}) đang ghi “${out}”`);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(lock)).toBe(true); // not ours to remove
    // Held by a process that is gone.
    fs.writeFileSync(lock, 'dx-report pid=2147483646 0000\n');
    expect((await runMain(['consolidate', lone, '--out', out])).code).toBe(0);
    expect(fs.existsSync(lock)).toBe(false);
    // Two at once in one process: the second waits for the first.
    const both = await Promise.all([
      runMain(['consolidate', units, '--out', out]),
      runMain(['consolidate', units, '--out', out]),
    ]);
    expect(both.map((r) => r.code)).toEqual([0, 0]);
    expect(await (await XlsxWorkbook.open(out)).sheetNames()).toContain('Phụ lục I');
    expect(fs.readdirSync(dir)).toEqual(['annexes.xlsx']);
  }, 120000);
});

describe('stale annexes', () => {
  test('a re-run that makes fewer sheets removes the ones it no longer makes; the next run accepts the file', async () => {
    const out = path.join(tmpDir(), 'annexes.xlsx');
    expect((await runMain(['consolidate', units, '--out', out])).code).toBe(0);
    expect(await (await XlsxWorkbook.open(out)).sheetNames()).toContain('Biểu đồ');
    // No indicator: no chart sheet this time.
    expect((await runMain(['consolidate', lone, '--out', out])).code).toBe(0);
    const book = await XlsxWorkbook.open(out);
    const names = await book.sheetNames();
    expect(names).not.toContain('Biểu đồ');
    const listed = OWNED.read((await book.read([OWNED.sheet]))[0].values).map((r) => String(r.sheet));
    expect([...listed, OWNED.sheet].sort()).toEqual([...names].sort());
    const third = await runMain(['consolidate', units, '--out', out]);
    expect(third.stdout).not.toContain('không ghi đè');
    expect(third.code).toBe(0);
  }, 60000);

  test('a host that cannot delete sheets keeps the stale one listed as its own, so it is never refused', async () => {
    const port = new XlsxWorkbook();
    const sheet = (name: string) => SheetSpec.parse({ name, rows: [[{ v: name }]] });
    const listing = (names: string[]) => OWNED.write(names.map((sheet) => ({ sheet, kind: 'Phụ lục' })));
    await runAsync(writeOwnedOp(port, [sheet('Phụ lục A'), sheet('Phụ lục B'), listing(['Phụ lục A', 'Phụ lục B'])]));
    await runAsync(writeOwnedOp(port, [sheet('Phụ lục A'), listing(['Phụ lục A'])]));
    const listed = OWNED.read((await port.read([OWNED.sheet]))[0].values).map((r) => r.sheet);
    expect(listed).toEqual(['Phụ lục A', 'Phụ lục B']);
    await expect(
      runAsync(writeOwnedOp(port, [sheet('Phụ lục A'), sheet('Phụ lục B'), listing(['Phụ lục A', 'Phụ lục B'])])),
    ).resolves.toBeUndefined();
  });
});

describe('dx-report map writes a mapping file beside the unit, never the unit', () => {
  /** A product template whose T1 headers were renamed by the unit: the table is no longer recognised. */
  async function renamedT1(dir: string): Promise<{ file: string; cols: string[]; headerRow: number }> {
    const file = path.join(dir, 'Phường Lộc Thọ.xlsx');
    await unit(file, [REPORTED, ...eid(40000, 120000)], 'Phường Lộc Thọ');
    const book = await XlsxWorkbook.open(file);
    const t1 = readUnitWorkbook(await book.read()).tables.find((t) => t.table === 'T1')!;
    const headerRow = t1.headerRow + t1.headerRows;
    const ws = book.book.getWorksheet(t1.sheet)!;
    ws.getCell(`${columnLetter(t1.columns.numerator)}${headerRow}`).value = 'Số người có tài khoản';
    ws.getCell(`${columnLetter(t1.columns.denominator)}${headerRow}`).value = 'Dân số trưởng thành';
    await book.save(file);
    return {
      file,
      headerRow,
      cols: Object.entries(t1.columns).flatMap(([k, c]) => ['--col', `${k}=${columnLetter(c)}`]),
    };
  }

  test('the mapping goes to <tên>.dx-anh-xa.json; validate, tables and consolidate apply it; the unit is byte-identical', async () => {
    const dir = tmpDir();
    const { file, cols, headerRow } = await renamedT1(dir);
    const h = hash(file);
    const without = JSON.parse(
      (await runMain(['consolidate', file, '--out', path.join(dir, 'a.xlsx'), '--json'])).stdout,
    );
    expect(without.indicators.find((i: { code: string }) => i.code === 'XHS.DDDT')).toBeUndefined();
    const m = await runMain([
      'map',
      file,
      '--sheet',
      'T1 Chỉ tiêu',
      '--table',
      'T1',
      '--header-row',
      String(headerRow),
      ...cols,
    ]);
    expect(m.code).toBe(0);
    const sidecar = path.join(dir, 'Phường Lộc Thọ.dx-anh-xa.json');
    expect(m.stdout).toContain(`vào ${sidecar}; ${file} không bị thay đổi`);
    expect(hash(file)).toBe(h);
    expect(JSON.parse(fs.readFileSync(sidecar, 'utf8'))).toMatchObject({
      generator: 'dx-report',
      file: 'Phường Lộc Thọ.xlsx',
      mappings: [{ sheet: 'T1 Chỉ tiêu', table: 'T1', headerRow, columns: { numerator: expect.any(String) } }],
    });
    const listed = JSON.parse((await runMain(['tables', file, '--json'])).stdout);
    expect(listed.tables.find((t: { table: string }) => t.table === 'T1')).toMatchObject({ mapped: true });
    const withMap = JSON.parse(
      (await runMain(['consolidate', file, '--out', path.join(dir, 'b.xlsx'), '--json'])).stdout,
    );
    expect(withMap.indicators.find((i: { code: string }) => i.code === 'XHS.DDDT')).toMatchObject({
      numerator: 40000,
      denominator: 120000,
    });
    const v = JSON.parse((await runMain(['validate', file, '--json'])).stdout);
    expect(v.unreadable).toEqual([]);
    expect(hash(file)).toBe(h);
  }, 60000);

  test('--out elsewhere is read back with --mapping; a foreign or broken mapping file is refused, named', async () => {
    const dir = tmpDir();
    const { file, cols, headerRow } = await renamedT1(dir);
    const beside = path.join(dir, 'Phường Lộc Thọ.dx-anh-xa.json');
    fs.writeFileSync(beside, '{"ghi chú": "của tôi"}');
    const args = ['map', file, '--sheet', 'T1 Chỉ tiêu', '--table', 'T1', '--header-row', String(headerRow), ...cols];
    const refused = await runMain(args);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`Tệp “${beside}” đã có và không do dx-report tạo`);
    expect(fs.readFileSync(beside, 'utf8')).toBe('{"ghi chú": "của tôi"}');
    // The reader names a mapping file it cannot use, and skips that unit.
    const broken = await runMain(['validate', file]);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toContain(`Tệp ánh xạ “${beside}” không do dx-report tạo`);
    fs.unlinkSync(beside);
    const elsewhere = path.join(tmpDir(), 'anh-xa.json');
    const m = await runMain([...args, '--out', elsewhere]);
    expect(m.code).toBe(0);
    expect(m.stdout).toContain(`--mapping ${elsewhere}`);
    const listed = JSON.parse((await runMain(['tables', file, '--mapping', elsewhere, '--json'])).stdout);
    expect(listed.tables.find((t: { table: string }) => t.table === 'T1')).toMatchObject({ mapped: true });
    // A key no table has.
    const bad = await runMain([
      'map',
      file,
      '--sheet',
      'T1 Chỉ tiêu',
      '--table',
      'T1',
      '--header-row',
      '5',
      '--col',
      'numerater=E',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('không có trường “numerater”; có phải numerator?');
  }, 60000);
});

describe('strict commands', () => {
  test('unknown flags are refused with the nearest one; every value is checked; nothing is written', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'a.xlsx');
    const cases: Array<[string[], string]> = [
      [
        ['consolidate', lone, '--out', out, '--peroid', '2023-06'],
        '--peroid: không có tùy chọn này; có phải --period?',
      ],
      [['consolidate', lone, '--out', out, '--period', '2023-13'], '--period 2023-13: không đọc được kỳ'],
      [['consolidate', lone, '--out', out, '--period', 'abc'], '--period abc: không đọc được kỳ'],
      [['consolidate', lone, '--out', out, '--period', 'Thường xuyên'], '--period Thường xuyên: không đọc được kỳ'],
      [['consolidate', lone, '--out', out, '--period', '15/06/2023'], 'là một ngày, không phải một kỳ'],
      [
        ['consolidate', lone, '--out', out, '--deadline-day', '32'],
        '--deadline-day 32: là một ngày trong tháng, từ 1 đến 31',
      ],
      [['consolidate', lone, '--out', out, '--deadline-day', 'abc'], '--deadline-day abc'],
      [['consolidate', lone, '--out'], 'Thiếu giá trị cho --out'],
      [['consolidate', lone, '--out', out, '--out', out], '--out chỉ được ghi một lần'],
      [['consolidate', lone, '--out', path.join(dir, 'a.txt')], 'tên tệp phải có đuôi .xlsx'],
      [['consolidate', lone], 'Cần --out PHU_LUC.xlsx'],
      [['validate', lone, '--html', 'r.html'], 'lệnh validate không có tùy chọn này (chỉ dùng với: consolidate)'],
      [['validate', lone, '--period', '2023-13'], '--period 2023-13'],
      [['template', '--unit', 'Phường Lộc Thọ', '--period', '2023-13', '--out', out], '--period 2023-13'],
      [['tables', lone, lone], `Thừa đối số “${lone}”`],
      [['map', lone, '--sheet', 'S', '--table', 'T9', '--header-row', '3', '--col', 'a=B'], 'không có bảng “T9”'],
      [['map', lone, '--sheet', 'S', '--table', 'T3b', '--header-row', '0', '--col', 'a=B'], '--header-row 0'],
      [['consolidat', lone], 'Lệnh không rõ: consolidat; có phải consolidate?'],
      [['fn', 'DX_RATE', '1', '2', '--decimals', '2'], '--decimals: không có tùy chọn này'],
    ];
    for (const [argv, message] of cases) {
      const r = await runMain(argv);
      expect({ argv, code: r.code, has: r.stdout.includes(message) }).toEqual({ argv, code: 2, has: true });
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 60000);

  test('folders are walked with their month subfolders, skipping Excel lock files and hidden files; the count is said', async () => {
    const out = path.join(tmpDir(), 'a.xlsx');
    const r = await runMain(['consolidate', units, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tìm thấy 3 tệp .xlsx trong 3 thư mục.');
    expect(r.stdout).toContain('Đã tổng hợp 3 đơn vị');
    expect(r.stdout).not.toContain('nộp hai lần');
    const v = await runMain(['validate', units, '--json']);
    expect(JSON.parse(v.stdout)).toMatchObject({ found: { files: 3, folders: 3 }, summary: { files: 3 } });
    // Annexes of former runs in the folder are the product's, not reports: skipped and said.
    const copy = tmpDir();
    fs.cpSync(units, copy, { recursive: true });
    expect((await runMain(['consolidate', copy, '--out', path.join(copy, 'annexes.xlsx')])).code).toBe(0);
    const again = await runMain(['consolidate', copy, '--out', path.join(copy, 'tong-hop.xlsx')]);
    expect(again.stdout).toContain('Tìm thấy 4 tệp .xlsx trong 3 thư mục.');
    // (A lower level's annex is a source; this city's own is not: issue 12.)
    expect(again.stdout).toContain('Phụ lục do dx-report tạo cho chính UBND thành phố Nha Trang (lần chạy trước)');
    expect(again.stdout).toContain('Đã tổng hợp 3 đơn vị');
    const checked = JSON.parse((await runMain(['validate', copy, '--json'])).stdout);
    expect(checked).toMatchObject({ summary: { files: 3 }, skipped: [expect.any(String), expect.any(String)] });
    // One file named twice is read once, and that is said.
    const twice = await runMain(['validate', lone, lone]);
    expect(twice.stdout).toContain(`${lone}: tệp này được nêu hai lần, chỉ đọc một lần.`);
    expect(twice.stdout).toContain('\n1 tệp,');
    // A folder with no workbook is not "0 lỗi".
    const none = await runMain(['validate', tmpDir()]);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('Không tìm thấy tệp .xlsx nào');
  }, 60000);

  test('a consolidation that includes no unit exits 1 and writes nothing, unless --allow-empty', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'a.xlsx');
    const html = path.join(dir, 'r.html');
    const r = await runMain(['consolidate', stranger, '--out', out, '--html', html]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Không có đơn vị nào được tổng hợp: không ghi');
    expect(r.stdout).toContain('Không tổng hợp');
    expect(fs.readdirSync(dir)).toEqual([]);
    const j = await runMain(['consolidate', stranger, '--out', out, '--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({ written: [], included: [] });
    const allowed = await runMain(['consolidate', stranger, '--out', out, '--allow-empty']);
    expect(allowed.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    // A missing input writes nothing either.
    const missing = await runMain(['consolidate', path.join(dir, 'khong-co.xlsx'), '--out', path.join(dir, 'b.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('Không tìm thấy “');
    expect(fs.existsSync(path.join(dir, 'b.xlsx'))).toBe(false);
  }, 60000);

  test('a missing or malformed --registry or --config, tables on a missing file: a Vietnamese line with the file', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'a.xlsx');
    const badJson = path.join(dir, 'danh-muc.json');
    fs.writeFileSync(badJson, '{"code": "X", units: [');
    const notXlsx = path.join(dir, 'cau-hinh.xlsx');
    fs.writeFileSync(notXlsx, 'đây không phải tệp Excel');
    const cases: Array<[string[], string]> = [
      [
        ['consolidate', lone, '--out', out, '--registry', path.join(dir, 'khong-co.json')],
        `không tìm thấy tệp “${path.join(dir, 'khong-co.json')}”`,
      ],
      [['consolidate', lone, '--out', out, '--registry', badJson], `Tệp “${badJson}” không phải JSON hợp lệ`],
      [['consolidate', lone, '--out', out, '--registry', notXlsx], `Không đọc được tệp danh mục “${notXlsx}”`],
      [
        [
          'template',
          '--unit',
          'Phường Lộc Thọ',
          '--period',
          '2023-06',
          '--out',
          out,
          '--config',
          path.join(dir, 'x.xlsx'),
        ],
        `không tìm thấy tệp “${path.join(dir, 'x.xlsx')}”`,
      ],
      [
        ['template', '--unit', 'Phường Lộc Thọ', '--period', '2023-06', '--out', out, '--config', notXlsx],
        `Không đọc được tệp cấu hình “${notXlsx}”`,
      ],
      [['tables', path.join(dir, 'khong-co.xlsx')], `Không tìm thấy tệp “${path.join(dir, 'khong-co.xlsx')}”`],
      [['tables', notXlsx], `Không đọc được tệp “${notXlsx}”`],
    ];
    for (const [argv, message] of cases) {
      const r = await runMain(argv, { DX_DEBUG: undefined });
      expect({ argv, code: r.code, has: r.stdout.includes(message), stack: STACK.test(r.stdout + r.stderr) }).toEqual({
        argv,
        code: 2,
        has: true,
        stack: false,
      });
    }
    expect(fs.existsSync(out)).toBe(false);
  }, 60000);

  test('a closed pipe (`dx-report help | head -1`) ends quietly with exit 0', async () => {
    const child = spawn(process.execPath, [BIN, 'help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.destroy(); // the reader is gone before the first write
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    await exited(child);
    expect({ code: child.exitCode, stderr: err }).toEqual({ code: 0, stderr: '' });
  }, 30000);

  test('help lists every command and every flag of the one table the parser reads; the commands read no other flag', () => {
    const help = helpText();
    for (const c of COMMANDS) {
      expect(help).toContain(`dx-report ${c.name}`);
      for (const f of c.flags) expect(help).toContain(`--${f.name}${f.value ? ` ${f.value}` : ''}`);
    }
    // Every flag a command reads is declared for it (flag/flags/has throw otherwise); none is read around them.
    const cli = path.join(ROOT, 'cli');
    const declared = new Set(COMMANDS.flatMap((c) => c.flags.map((f) => f.name)));
    for (const name of fs.readdirSync(cli).filter((n) => n.endsWith('.ts'))) {
      const text = fs.readFileSync(path.join(cli, name), 'utf8');
      if (name !== 'args.ts') expect({ name, direct: /args\.flags\b/.test(text) }).toEqual({ name, direct: false });
      for (const m of text.matchAll(/\b(?:flag|flags|has)\(args, '([a-z-]+)'\)/g)) expect(declared).toContain(m[1]);
    }
  });
});

const T3B_COLS = ['stt=A', 'unit=B', 'received=C', 'onTime=D', 'late=E', 'inProcess=F'].flatMap((c) => ['--col', c]);

test('every input is byte-for-byte the same after every command', async () => {
  const dir = tmpDir();
  const config = path.join(dir, 'master.xlsx');
  fs.copyFileSync(lone, config);
  const registry = path.join(dir, 'danh-muc.xlsx');
  await tsvWorkbook(registry, [
    { name: 'Danh mục', tsv: 'Mã đơn vị\tTên đơn vị\tNhóm\nLT\tPhường Lộc Thọ\tUBND các xã, phường' },
  ]);
  const own = path.join(dir, 'own.xlsx');
  const oneStop =
    'Số\tĐơn vị\tSố hồ sơ nhận\tGiải quyết kịp thời\tGiải quyết chậm\tCòn tồn\n1\tPhường Lộc Thọ\t10\t8\t1\t1';
  await tsvWorkbook(own, [{ name: 'Một cửa', tsv: oneStop }]);
  const inputs = [...unitFiles, lone, config, registry, own];
  const listing = (d: string): string[] =>
    fs
      .readdirSync(d, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? listing(path.join(d, e.name)) : [path.join(d, e.name)]));
  const filesBefore = listing(units).sort();
  const before = inputs.map(hash);
  const runs = [
    ['validate', units, lone],
    ['tables', lone],
    ['consolidate', units, '--out', path.join(dir, 'a.xlsx'), '--html', path.join(dir, 'r.html')],
    ['consolidate', lone, '--out', path.join(dir, 'b.xlsx'), '--registry', registry],
    ['map', own, '--sheet', 'Một cửa', '--table', 'T3b', '--header-row', '1', ...T3B_COLS],
    ['validate', own],
    [
      'template',
      '--unit',
      'Phường Lộc Thọ',
      '--period',
      '2023-06',
      '--config',
      config,
      '--out',
      path.join(dir, 'u.xlsx'),
    ],
  ];
  const codes: number[] = [];
  for (const argv of runs) {
    codes.push((await runMain(argv)).code);
    expect({ argv, hashes: inputs.map(hash) }).toEqual({ argv, hashes: before });
  }
  // None crashed or was refused as a wrong call; map wrote its mapping file.
  expect(codes.every((c) => c === 0 || c === 1)).toBe(true);
  expect(codes[4]).toBe(0);
  // The unit workbooks' folders hold no new file either (no mapping, lock or temporary file).
  expect(listing(units).sort()).toEqual(filesBefore);
}, 120000);
