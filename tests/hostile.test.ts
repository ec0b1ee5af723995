/*
 * The hostile corpus (tests/hostile/corpus.ts writes it into tests/fixtures/hostile/ each run): every
 * case ends with its exit code and a Vietnamese message, prints no stack trace, and leaves every input
 * byte-identical. Bombs run in a memory-bounded child process (--max-old-space-size=512), so they are
 * refused, not survived by luck. Cases run in-process otherwise (no process per case).
 */
import { execFile } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../cli/dx-report';
import { BIN } from './helpers/cli';
import { HostileCase, makeCorpus } from './hostile/corpus';

const DIR = path.join(__dirname, 'fixtures', 'hostile');
const hash = (f: string) => {
  const st = fs.lstatSync(f, { throwIfNoEntry: false });
  if (!st) return 'absent';
  if (!st.isFile()) return `${st.isDirectory() ? 'dir' : 'special'}`;
  return crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
};

function bounded(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--max-old-space-size=512', BIN, ...args],
      { maxBuffer: 16 * 1024 * 1024, timeout: 120_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 99) : 0, out: stdout + stderr }),
    );
  });
}

let cases: HostileCase[] = [];

beforeAll(async () => {
  cases = await makeCorpus(DIR);
}, 300_000);

afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }));

test('the corpus has at least 80 cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(80);
});

test('every case ends as it must, says so in Vietnamese, prints no stack trace, changes no input', async () => {
  const failures: string[] = [];
  for (const c of cases) {
    const before = c.inputs.map(hash);
    let text = '';
    let code: number;
    if (c.bounded) {
      const r = await bounded(c.args);
      code = r.code;
      text = r.out;
    } else {
      try {
        code = await main(c.args, (s) => {
          text += s;
        });
      } catch (e) {
        code = -1;
        text += `THREW ${(e as Error).stack}`;
      }
    }
    const exits = Array.isArray(c.exit) ? c.exit : [c.exit];
    const problems = [
      exits.includes(code) ? '' : `exit ${code}, want ${exits.join('/')}`,
      c.says.test(text) ? '' : `does not say ${c.says}`,
      /\n\s+at .+:\d+:\d+/.test(text) ? 'printed a stack trace' : '',
      c.inputs.map(hash).join() === before.join() ? '' : 'changed an input',
    ].filter(Boolean);
    if (problems.length) failures.push(`${c.name}: ${problems.join('; ')}\n    ${text.trim().slice(0, 300)}`);
  }
  expect(failures).toEqual([]);
}, 600_000);
