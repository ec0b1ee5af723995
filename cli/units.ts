/**
 * Reading the units' workbooks for `validate` and `consolidate`: each file read, reduced to what the core keeps
 * of it (its examined report, or its issues), and let go before the next, so memory stays flat however many
 * units there are. Past a few files the work is spread over worker threads, one per core (cli/unit-worker.ts);
 * results come back in the order of the files, whatever order the workers finish in, so a run gives the same
 * annexes with one worker or several.
 */
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import { Worker } from 'worker_threads';
import { describeError } from '../shared/errors/describe';
import { examine, Examined } from '../shared/consolidate/collect';
import { isCarried } from '../shared/consolidate/carried';
import { unitContext, UnitContext } from '../shared/consolidate/consolidate';
import { Registry } from '../shared/registry/schema';
import { MasterConfig } from '../shared/templates/config-sheet';
import { Issue } from '../shared/validation/issue';
import { validateSheets } from '../shared/validation/validate';
import { givenMappings, InputError, isProductAnnex, readInput } from './inputs';
import { MappingFile } from './mapping-file';

/** What is asked of every file: plain data, so that a worker thread can be given it. */
export interface UnitJob {
  kind: 'consolidate' | 'validate';
  /** The --mapping files, read again by each worker. */
  mappingFiles: string[];
  /** The --config master workbook, read again by each worker (the caller has already refused a bad one). */
  configFile?: string;
  /** consolidate: the secretariat's registry units are matched against. */
  registry?: Registry;
  /** consolidate: the registries chosen among when --registry lists several. */
  registries?: Registry[];
  /** validate: the period asked (--period). */
  period?: string;
}

/** One file's outcome, in the order of the files. */
export type UnitOutcome =
  | { file: string; examined: Examined }
  | { file: string; checked: { issues: Issue[]; tables: number } }
  /** One of the product's own annex workbooks, not a report. */
  | { file: string; skipped: true }
  /** Unreadable: `reason` says why (it may name the file), `input` when the reader refused it. */
  | { file: string; unreadable: string; input: boolean };

/** What a reader needs once, before its first file: the mappings, the master, the matcher. */
export interface Prepared {
  job: UnitJob;
  given: MappingFile[];
  master?: MasterConfig;
  ctx?: UnitContext;
}

/** `known`: what the caller has already read and checked (the main thread), so it is not read twice. */
export async function prepare(
  job: UnitJob,
  known: Partial<Pick<Prepared, 'given' | 'master'>> = {},
): Promise<Prepared> {
  const given = known.given ?? givenMappings(job.mappingFiles);
  // Loaded only for a master: it reads with ExcelJS, which a worker reading units (xlsx/snapshots.ts) need not hold.
  const master =
    known.master ??
    (job.configFile ? await (require('./master') as typeof import('./master')).loadMaster(job.configFile) : undefined);
  const ctx =
    job.kind === 'consolidate'
      ? unitContext({ registry: job.registry, registries: job.registries, master })
      : undefined;
  return { job, given, master, ctx };
}

/** One file, read only: its workbook is opened, reduced and let go; whatever fails is this file's outcome. */
export async function workOn(file: string, p: Prepared): Promise<UnitOutcome> {
  try {
    const sheets = await readInput(file, p.given);
    // Annexes of a run are skipped, except (when consolidating) a lower level's, carried as one unit.
    if (isProductAnnex(sheets) && !(p.job.kind === 'consolidate' && isCarried(sheets))) return { file, skipped: true };
    if (p.ctx) return { file, examined: examine({ source: { file: path.basename(file) }, sheets }, p.ctx) };
    const r = validateSheets(sheets, { file: path.basename(file), period: p.job.period, master: p.master });
    return { file, checked: { issues: r.issues, tables: r.summary.tables } };
  } catch (e) {
    return e instanceof InputError
      ? { file, unreadable: e.reason, input: true }
      : { file, unreadable: describeError(e), input: false };
  }
}

/**
 * The same texts once: an outcome's strings (labels, indicator names, sheet names, the same in every unit's
 * report) replaced, in place, by the first equal string seen. Thousands of units' reports are held until they
 * are consolidated; with their texts shared they take about half the memory (issue 15). Plain objects and
 * arrays only; a frozen object is left as it is.
 */
export class Texts {
  private seen = new Map<string, string>();

  of(s: string): string {
    const known = this.seen.get(s);
    if (known !== undefined) return known;
    this.seen.set(s, s);
    return s;
  }

  share<T>(value: T): T {
    const stack: unknown[] = [value];
    while (stack.length) {
      const x = stack.pop();
      if (x === null || typeof x !== 'object' || x instanceof Date || Object.isFrozen(x)) continue;
      if (Array.isArray(x)) {
        for (let i = 0; i < x.length; i++) {
          const v: unknown = x[i];
          // Always written back: an equal string is === in JavaScript whichever copy it is.
          if (typeof v === 'string') x[i] = this.of(v);
          else if (v !== null && typeof v === 'object') stack.push(v);
        }
        continue;
      }
      const o = x as Record<string, unknown>;
      for (const k in o) {
        if (!Object.prototype.hasOwnProperty.call(o, k)) continue;
        const v = o[k];
        if (typeof v === 'string') o[k] = this.of(v);
        else if (v !== null && typeof v === 'object') stack.push(v);
      }
    }
    return value;
  }
}

/** How much a reading thread's heap grows over what lives in it before a collection, in percent (V8's flag). */
const READING_GROWTH = Number(process.env.DX_GROWTH ?? 50);

/** Below this many files a pool costs more to start than it saves. */
const POOL_FROM = 8;

/** Threads to use: DX_WORKERS when set (1 = none), else one per core the machine offers. */
export function workerCount(files: number): number {
  const asked = Number(process.env.DX_WORKERS);
  const cores = Number.isInteger(asked) && asked > 0 ? asked : os.availableParallelism();
  const forced = Number.isInteger(asked) && asked > 1;
  return forced || files >= POOL_FROM ? Math.max(1, Math.min(cores, files)) : 1;
}

/**
 * The compiled worker: beside this module in the build; under the test runner, which runs the sources, the
 * build's copy (`npm test` builds first).
 */
function workerScript(): string {
  return __filename.endsWith('.js')
    ? path.join(__dirname, 'unit-worker.js')
    : path.join(__dirname, '..', 'dist', 'cli', 'cli', 'unit-worker.js');
}

/**
 * Every file's outcome, in the files' order. `onProgress` is told after each file (done, total). With more
 * than one worker each thread takes the next file when it is free; a thread that dies takes only its file.
 */
export async function readUnits(
  files: string[],
  job: UnitJob,
  onProgress: (done: number, total: number) => void = () => {},
  workers = workerCount(files.length),
  known: Partial<Pick<Prepared, 'given' | 'master'>> = {},
): Promise<UnitOutcome[]> {
  const out: UnitOutcome[] = new Array(files.length);
  const texts = new Texts();
  let done = 0;
  /** The files not read yet, read here, one after the other. */
  const here = async () => {
    const left = files.flatMap((_, i) => (out[i] ? [] : [i]));
    if (!left.length) return;
    const p = await prepare(job, known);
    for (const i of left) {
      out[i] = texts.share(await workOn(files[i], p));
      onProgress(++done, files.length);
    }
  };
  if (workers <= 1) {
    await here();
    return out;
  }
  let next = 0;
  // The threads' heaps grow by half of what lives in them before V8 collects, not by its default of up to four
  // times: a reader's garbage is one file's, and two or more heaps of some 150 MB each over thousands of files
  // would be most of the run's memory (issue 15: at most 400 MB). Process-wide, so for the reading only.
  v8.setFlagsFromString(`--heap-growing-percent=${READING_GROWTH}`);
  const run = () =>
    new Promise<void>((resolve) => {
      const w = new Worker(workerScript(), { workerData: job });
      // Two files in flight a thread: the next is being read while the last one's outcome crosses back.
      const flying = new Set<number>();
      let started = false;
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        // A thread that dies on a file (out of memory on a hostile one) takes only its files in flight down; one
        // that cannot start at all is not started again: what is left is read here, below.
        for (const i of flying)
          if (!out[i]) {
            out[i] = { file: files[i], unreadable: 'lỗi khi đọc tệp (luồng đọc dừng đột ngột)', input: false };
            onProgress(++done, files.length);
          }
        resolve(started ? run() : undefined);
      };
      const give = () => {
        if (next >= files.length) {
          if (!flying.size) {
            ended = true;
            void w.terminate();
            resolve();
          }
          return;
        }
        const i = next++;
        flying.add(i);
        w.postMessage({ index: i, file: files[i] });
      };
      w.on('message', (m: { index: number; outcome: UnitOutcome }) => {
        started = true;
        flying.delete(m.index);
        out[m.index] = texts.share(m.outcome);
        onProgress(++done, files.length);
        give();
      });
      w.on('error', end);
      w.on('exit', end);
      w.once('online', () => {
        started = true;
        give();
        give();
      });
    });
  try {
    await Promise.all(Array.from({ length: workers }, run));
  } finally {
    v8.setFlagsFromString('--heap-growing-percent=0');
  }
  await here();
  return out;
}
