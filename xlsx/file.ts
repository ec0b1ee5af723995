/**
 * Reading a workbook from a path, bounded: only a regular file is read (a directory, a FIFO, /dev/zero, a socket
 * are refused before any read), and never more than the size limit, even from a file that grows meanwhile.
 */
import type * as FS from 'fs';
import { FileTooLargeError, NotAFileError } from '../shared/errors/errors';
import { NotAFileKind } from '../shared/errors/messages';
import { READ_LIMITS, ReadLimits } from './limits';

/**
 * Node's fs, fetched when a path is opened: this module is also bundled for the browser (the playground and the
 * pane read uploads with `fromBuffer`), where no path is ever opened and no `fs` may be imported.
 */
function nodeFs(): typeof FS {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.('fs') as typeof FS | undefined;
  if (fs) return fs;
  // Node before 20.16 has no getBuiltinModule: this file runs there as CommonJS, with its module's require.
  return (eval('require') as (id: string) => typeof FS)('fs');
}

/** "units/2023-06/a.xlsx" → "a.xlsx": the name a message gives. */
export const baseName = (path: string) => path.split(/[\\/]/).filter(Boolean).pop() ?? path;

function notAFileKind(st: FS.Stats): NotAFileKind {
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'fifo';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isSocket()) return 'socket';
  return 'other';
}

function check(st: FS.Stats, path: string, limits: ReadLimits): void {
  if (!st.isFile()) throw new NotAFileError(baseName(path), notAFileKind(st));
  if (st.size > limits.fileBytes) throw new FileTooLargeError(baseName(path), st.size, limits.fileBytes);
}

/**
 * The bytes of a workbook file. Stat first (what the path names), then open without blocking (a FIFO put in its
 * place meanwhile would wait for a writer) and check again what was opened; read at most the limit.
 */
export async function readWorkbookFile(path: string, limits: ReadLimits = READ_LIMITS): Promise<Uint8Array> {
  const fs = nodeFs();
  check(await fs.promises.stat(path), path, limits);
  const handle = await fs.promises.open(path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const st = await handle.stat();
    check(st, path, limits);
    const chunks: Uint8Array[] = [];
    let total = 0;
    let chunk = new Uint8Array(Math.max(1, Math.min(st.size + 1, limits.fileBytes + 1)));
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limits.fileBytes) throw new FileTooLargeError(baseName(path), total, limits.fileBytes);
      chunk = new Uint8Array(Math.min(1024 * 1024, limits.fileBytes + 1 - total));
    }
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  } finally {
    await handle.close();
  }
}
