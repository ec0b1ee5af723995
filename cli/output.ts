/**
 * Every file the command line writes goes through here: checked before any work (its folder exists, it is
 * not an input, an existing file is one the product made), written under a lock to a temporary file in the
 * same folder, fsync'ed and renamed into place. A full disk or a kill leaves the previous file as it was.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { describeError } from '../shared/errors/describe';
import { OWNED } from '../shared/consolidate/consolidate';
import { BOM, TIDY_COLUMNS } from '../shared/consolidate/tidy';
import { READ_LIMITS } from '../xlsx/limits';
import { readSnapshotFile, ReadSnapshots } from '../xlsx/snapshots';
import { reportOwnership } from '../word/owned';
import { Refused, UsageError } from './args';

/** The marker the product writes into its HTML reports; an .html without it is not overwritten. */
export const HTML_MARKER = '<meta name="generator" content="dx-report">';

/** The marker of the product's own JSON files (column mappings). */
export const JSON_GENERATOR = 'dx-report';

/**
 * The file-system calls a write makes, as a seam: tests replace one to simulate a full disk (ENOSPC)
 * or an unexpected failure. Nothing else changes them.
 */
export const io = {
  openSync: fs.openSync,
  writeSync: fs.writeSync as (fd: number, data: Uint8Array, offset: number, length: number) => number,
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
};

export type OutputKind = 'xlsx' | 'html' | 'json' | 'csv' | 'docx' | 'other';

export interface OutputTarget {
  /** As the user wrote it (messages name it so). */
  file: string;
  /** The flag it came from, for messages ("--out"). */
  role: string;
  kind: OutputKind;
  /** An existing file the product did not make may be replaced (never an input). */
  force?: boolean;
}

const lstat = (p: string) => {
  try {
    return fs.lstatSync(p);
  } catch {
    return null;
  }
};

/** Where a path really is: symbolic links and `..` resolved, also for a file not made yet. */
export function realPath(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/**
 * Checks made before any work: the folder exists, no output is an input or another output.
 * (Whether an existing file may be replaced is checked under the lock, by `existingOwned`.)
 */
export function checkTargets(targets: OutputTarget[], inputs: string[]): void {
  const inputSet = new Map(inputs.map((f) => [realPath(f), f]));
  const seen = new Map<string, OutputTarget>();
  for (const t of targets) {
    const dir = path.dirname(path.resolve(t.file));
    const st = (() => {
      try {
        return fs.statSync(dir);
      } catch {
        return null;
      }
    })();
    if (!st)
      throw new UsageError(`Thư mục “${dir}” không tồn tại: không ghi được ${t.role} “${t.file}”. Tạo thư mục trước.`);
    if (!st.isDirectory())
      throw new UsageError(`“${dir}” không phải là thư mục: không ghi được ${t.role} “${t.file}”.`);
    const real = realPath(t.file);
    const input = inputSet.get(real);
    if (input !== undefined)
      throw new UsageError(`${t.role} “${t.file}” cũng là tệp đầu vào (“${input}”): không ghi đè tệp đầu vào.`);
    const other = seen.get(real);
    if (other)
      throw new UsageError(`${t.role} “${t.file}” trùng với ${other.role}: hai kết quả không thể ghi vào một tệp.`);
    seen.set(real, t);
  }
}

/**
 * An existing output may be replaced only if the product made it: an .xlsx whose every sheet is listed in
 * its hidden DX_SoHuu, an .html with the product's marker, a JSON the product wrote; anything else only with
 * --force. A re-run writes its outputs anew (an .xlsx of only the product's sheets loses nothing).
 */
export async function existingOwned(t: OutputTarget): Promise<void> {
  const st = lstat(t.file);
  if (!st) return;
  const refuse = (why: string) =>
    new Refused(`Tệp “${t.file}” ${why}: không ghi đè. Chọn tên khác, hoặc xóa tệp đó nếu không cần nữa.`);
  if (st.isDirectory()) throw refuse('là một thư mục');
  if (st.isSymbolicLink() && !fs.existsSync(t.file)) throw refuse('là một liên kết hỏng');
  if (!fs.statSync(t.file).isFile()) throw refuse('không phải là một tệp thông thường');
  if (t.force) return;
  const size = fs.statSync(t.file).size;
  if (size === 0) throw refuse('đã có nhưng rỗng (0 byte), không phải tệp do dx-report tạo');
  if (t.kind === 'xlsx') {
    let read: ReadSnapshots;
    try {
      // Only its DX_SoHuu is read: a former run's DX_DuLieu of thousands of units is never loaded again.
      read = await readSnapshotFile(t.file, READ_LIMITS, [OWNED.sheet]);
    } catch (e) {
      throw refuse(`đã có nhưng không đọc được như phụ lục của dx-report (${describeError(e)})`);
    }
    const names = read.names;
    const owned = new Set(
      OWNED.read(read.sheets[0]?.values)
        .map((r) => String(r.sheet))
        .concat(OWNED.sheet),
    );
    const foreign = names.filter((n) => !owned.has(n));
    if (!names.includes(OWNED.sheet) || foreign.length)
      throw new Refused(
        `Tệp ${t.file} có trang không do phần mềm tạo (${(foreign.length ? foreign : names).join(', ')}): ` +
          'không ghi đè. Chọn tên khác cho --out.',
      );
    return;
  }
  if (t.kind === 'html') {
    if (!readHead(t.file, 64 * 1024).includes(HTML_MARKER))
      throw refuse('đã có và không phải báo cáo do dx-report tạo');
    return;
  }
  if (t.kind === 'csv') {
    // The product's tidy export begins with its BOM and its header line.
    if (!readHead(t.file, 256).startsWith(`${BOM}${TIDY_COLUMNS.join(',')}`))
      throw refuse('đã có và không phải tệp dữ liệu do dx-report xuất');
    return;
  }
  if (t.kind === 'docx') {
    if (size > 64 * 1024 * 1024) throw refuse('đã có và không phải báo cáo do dx-report tạo');
    const own = await reportOwnership(fs.readFileSync(t.file));
    if (own === 'edited')
      throw refuse('là báo cáo dx-report đã tạo nhưng đã được sửa và lưu lại sau đó (nội dung sửa sẽ mất)');
    if (own === 'foreign') throw refuse('đã có và không phải báo cáo do dx-report tạo');
    return;
  }
  if (t.kind === 'json') {
    if (!isOwnJson(t.file)) throw refuse('đã có và không do dx-report tạo (thêm --force để ghi đè)');
    return;
  }
  throw refuse('đã có (thêm --force để ghi đè)');
}

function readHead(file: string, bytes: number): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** A JSON file the product wrote: `{"generator": "dx-report", ...}`, at most 1 MB. */
export function isOwnJson(file: string): boolean {
  try {
    if (fs.statSync(file).size > 1024 * 1024) return false;
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return (
      typeof parsed === 'object' && parsed !== null && (parsed as { generator?: unknown }).generator === JSON_GENERATOR
    );
  } catch {
    return false;
  }
}

// ---- locks ----

const LOCK_TAG = 'dx-report pid=';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How long a second run waits for the first to finish writing the same file. */
const lockWait = () => {
  const ms = Number(process.env.DX_LOCK_WAIT_MS);
  return Number.isFinite(ms) && ms >= 0 ? ms : 5000;
};

/**
 * `<file>.lock`, created exclusively and holding the pid: a second run onto the same output waits up to
 * ~5 s, then is refused. A lock whose process is gone (killed) is taken over.
 */
export async function acquireLock(t: OutputTarget): Promise<() => void> {
  const lock = `${realPath(t.file)}.lock`;
  const mine = `${LOCK_TAG}${process.pid} ${crypto.randomBytes(4).toString('hex')}\n`;
  const deadline = Date.now() + lockWait();
  let holder = '';
  for (;;) {
    try {
      const fd = fs.openSync(lock, 'wx');
      try {
        fs.writeSync(fd, mine);
      } finally {
        fs.closeSync(fd);
      }
      return () => {
        try {
          if (fs.readFileSync(lock, 'utf8') === mine) fs.unlinkSync(lock);
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
    }
    let text = '';
    let age = 0;
    try {
      text = fs.readFileSync(lock, 'utf8');
      age = Date.now() - fs.statSync(lock).mtimeMs;
    } catch {
      continue; // released meanwhile: try again at once
    }
    const m = /^dx-report pid=(\d+) /.exec(text);
    if (m ? !alive(Number(m[1])) : text === '' && age > 10000) {
      // The run that held it is gone (killed, power cut): its lock is stale.
      try {
        if (fs.readFileSync(lock, 'utf8') === text) fs.unlinkSync(lock);
      } catch {
        // taken over by another run meanwhile
      }
      continue;
    }
    if (!m && text !== '')
      throw new Refused(`Tệp khóa “${lock}” đã có và không do dx-report tạo: không ghi “${t.file}”.`);
    holder = m?.[1] ?? '';
    if (Date.now() >= deadline) break;
    await sleep(100);
  }
  throw new Refused(
    `Một lần chạy khác của dx-report${holder ? ` (tiến trình ${holder})` : ''} đang ghi “${t.file}”; ` +
      `đã chờ ${String(Math.round(lockWait() / 100) / 10).replace('.', ',')} giây. Thử lại khi lần chạy đó xong ` +
      `(không còn lần chạy nào khác thì xóa tệp khóa “${lock}”).`,
  );
}

/** Runs `work` holding the locks of every output (taken in one order, so two runs never wait on each other). */
export async function withLocks<T>(targets: OutputTarget[], work: () => Promise<T>): Promise<T> {
  const ordered = [...targets].sort((a, b) => realPath(a.file).localeCompare(realPath(b.file)));
  const releases: Array<() => void> = [];
  try {
    for (const t of ordered) releases.push(await acquireLock(t));
    return await work();
  } finally {
    for (const r of releases.reverse()) r();
  }
}

// ---- atomic writes ----

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Temporary files a killed run left beside `file` (`.<name>.<pid>.<random>.tmp` of a dead pid). */
function removeStaleTemps(file: string): void {
  const dir = path.dirname(path.resolve(file));
  const re = new RegExp(`^\\.${escapeRe(path.basename(file))}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`);
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = re.exec(n);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1])))
      try {
        fs.unlinkSync(path.join(dir, n));
      } catch {
        // not ours to insist on
      }
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // not every platform syncs a directory (Windows); the rename itself is atomic
  }
}

/** A system error named after the output it concerns (a write to a descriptor names no file). */
function named(e: unknown, file: string): unknown {
  if (typeof e === 'object' && e !== null && 'code' in e && !(e as { path?: unknown }).path)
    (e as { path?: string }).path = file;
  return e;
}

/**
 * Writes every file to a temporary file beside it, fsync'ed, then renames each into place. If any write
 * fails (a full disk), every temporary file is removed and no output is touched.
 */
export async function commitFiles(files: Array<{ file: string; data: Uint8Array | string }>): Promise<void> {
  const temps: Array<{ file: string; shown: string; tmp: string }> = [];
  try {
    for (const f of files) {
      // Through a symbolic link, the file it points to is the one replaced, not the link.
      const abs = realPath(f.file);
      removeStaleTemps(abs);
      const tmp = path.join(
        path.dirname(abs),
        `.${path.basename(abs)}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`,
      );
      const data = typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data;
      const fd = io.openSync(tmp, 'wx', 0o644);
      temps.push({ file: abs, shown: f.file, tmp });
      try {
        let off = 0;
        while (off < data.length) off += io.writeSync(fd, data, off, data.length - off);
        io.fsyncSync(fd);
      } catch (e) {
        throw named(e, f.file);
      } finally {
        io.closeSync(fd);
      }
    }
    if (process.env.DX_TEST_PAUSE_BEFORE_RENAME === '1') {
      // Tests only: stop here so a test can kill the process between the write and the rename.
      process.stderr.write(`DX_TEST_PAUSED ${temps.map((t) => t.tmp).join(' ')}\n`);
      await sleep(60000);
    }
    for (const t of [...temps]) {
      try {
        io.renameSync(t.tmp, t.file);
      } catch (e) {
        throw named(e, t.shown);
      }
      temps.splice(temps.indexOf(t), 1);
      fsyncDir(path.dirname(path.resolve(t.file)));
    }
  } finally {
    for (const t of temps)
      try {
        fs.unlinkSync(t.tmp);
      } catch {
        // never made
      }
  }
}
