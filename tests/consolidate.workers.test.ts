/**
 * Issue 15, item 2: reading and validating units in worker threads gives the same result as one thread — the
 * same annexes cell for cell, the same summary and messages, in the same order — whatever order the workers
 * finish in. Run through the command line's own main (no process per case); the workers are the built ones.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateSecondCity } from '../samples/generate';
import { CAM_RANH } from '../shared/registry/data/cam-ranh';
import { XlsxWorkbook } from '../xlsx/workbook';
import { readUnits, workerCount } from '../cli/units';
import { runMain } from './helpers/cli';

jest.setTimeout(240_000);

let dir: string;
let out: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-workers-'));
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-workers-out-'));
  await generateSecondCity(path.join(dir, 'units'));
  // One file no reader can open, among the others: it is said, and takes nothing else down.
  fs.writeFileSync(path.join(dir, 'units', 'zz-hỏng.xlsx'), 'không phải tệp Excel');
  // The secretariat's registry crosses to the workers with the job: they match against it, not the built-in.
  fs.writeFileSync(path.join(dir, 'cam-ranh.json'), JSON.stringify(CAM_RANH));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
});

/** The annex workbook as any reader sees it: every sheet's values and formulas. */
async function annexes(file: string) {
  const sheets = await (await XlsxWorkbook.open(file)).read();
  return sheets.map((s) => ({ name: s.name, values: s.values, formulas: s.formulas, merges: s.merges }));
}

/** The JSON summary without what names the output file. */
function summary(stdout: string) {
  const { file: _file, written: _written, ...rest } = JSON.parse(stdout) as Record<string, unknown>;
  return rest;
}

test('consolidate with 1 and with 3 workers: the same annexes and the same summary', async () => {
  const units = path.join(dir, 'units');
  const one = path.join(out, 'one.xlsx');
  const three = path.join(out, 'three.xlsx');
  const registry = ['--registry', path.join(dir, 'cam-ranh.json'), '--period', '2023-06'];
  const a = await runMain(['consolidate', units, '--out', one, ...registry, '--json'], { DX_WORKERS: '1' });
  const b = await runMain(['consolidate', units, '--out', three, ...registry, '--json'], { DX_WORKERS: '3' });
  // The broken file makes the exit code 2 in both; everything else was consolidated.
  expect(a.code).toBe(2);
  expect(b.code).toBe(a.code);
  const sa = summary(a.stdout);
  expect(sa.unreadable).toEqual([expect.stringContaining('zz-hỏng.xlsx')]);
  expect((sa.included as unknown[]).length).toBeGreaterThan(10);
  expect(summary(b.stdout)).toEqual(sa);
  expect(await annexes(three)).toEqual(await annexes(one));
});

test('validate with 1 and with 2 workers: the same issues in the same order', async () => {
  const units = path.join(dir, 'units');
  const a = await runMain(['validate', units, '--json'], { DX_WORKERS: '1' });
  const b = await runMain(['validate', units, '--json'], { DX_WORKERS: '2' });
  expect(b.code).toBe(a.code);
  const ja = JSON.parse(a.stdout) as { issues: unknown[]; unreadable: unknown[]; summary: { files: number } };
  expect(ja.summary.files).toBeGreaterThan(10);
  expect(ja.unreadable).toHaveLength(1);
  expect(JSON.parse(b.stdout)).toEqual(ja);
});

test('outcomes come back in the order of the files, whichever worker finishes first', async () => {
  const units = path.join(dir, 'units');
  const files = fs
    .readdirSync(units)
    .map((f) => path.join(units, f))
    .reverse();
  const seen: number[] = [];
  const outcomes = await readUnits(files, { kind: 'validate', mappingFiles: [] }, (done) => seen.push(done), 2);
  expect(outcomes.map((o) => o.file)).toEqual(files);
  expect(seen).toEqual(files.map((_, i) => i + 1));
  expect(outcomes.find((o) => o.file.endsWith('zz-hỏng.xlsx'))).toMatchObject({ input: true });
});

test('the pool starts only where it pays: DX_WORKERS decides, else one thread per core past a few files', () => {
  const saved = process.env.DX_WORKERS;
  try {
    process.env.DX_WORKERS = '1';
    expect(workerCount(500)).toBe(1);
    process.env.DX_WORKERS = '4';
    expect(workerCount(3)).toBe(3);
    delete process.env.DX_WORKERS;
    expect(workerCount(2)).toBe(1);
    expect(workerCount(500)).toBe(os.availableParallelism());
  } finally {
    if (saved === undefined) delete process.env.DX_WORKERS;
    else process.env.DX_WORKERS = saved;
  }
});
