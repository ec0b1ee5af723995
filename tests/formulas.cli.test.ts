import { spawn } from 'child_process';
import { Readable } from 'stream';
import { FORMULA_CASES } from './cases/formulas';
import { checkCase } from './helpers/expect-case';
import { BIN, runCli, runMain } from './helpers/cli';
import { runFnBatch } from '../cli/fn';

/** A case's argument as a word on the command line: a blank cell is an empty word. */
const cliArg = (a: string | number | null) => (a === null ? '' : String(a));

/** `dx-report fn --batch` in one child process on the built bin/dx-report: its lines, parsed, and its exit code. */
function runBatch(lines: string[]): Promise<{ code: number | null; results: Array<Record<string, unknown>> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'fn', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        results: stdout
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Record<string, unknown>),
      }),
    );
    child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  });
}

describe('bin/dx-report fn, as a user types it', () => {
  test('DX_RATE 103.223 311.736 prints 33,11% (seed 000 e-ID rate)', async () => {
    const r = await runCli(['fn', 'DX_RATE', '103.223', '311.736']);
    expect(r).toMatchObject({ code: 0, stdout: '33,11%\n' });
  });

  test('an error prints its code and message and exits 1', async () => {
    const r = await runCli(['fn', 'DX_RATE', '5', '0']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^#DIV\/0! Mẫu số bằng 0/);
  });
});

describe('dx-report fn (in this process)', () => {
  test('--json prints a machine-readable value', async () => {
    const r = await runMain(['fn', 'DX_RATE', '103.223', '311.736', '--json']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.function).toBe('DX_RATE');
    expect(body.value).toBeCloseTo(103223 / 311736, 12);
    expect(body.text).toBe('33,11%');
  });

  test('an error with --json gives its code and message', async () => {
    const j = await runMain(['fn', 'DX_NUMBER', '24 loại', '--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toMatchObject({ error: '#VALUE!', message: expect.stringContaining('loại') });
  });

  test('an unknown function or a wrong argument count exits 2 with the list of functions', async () => {
    const r = await runMain(['fn', 'DX_NOPE', '1']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('DX_SUMRATE(vung_tu_so; vung_mau_so)');
    expect((await runMain(['fn', 'DX_RATE', '1'])).code).toBe(2);
  });

  test('Excel spelling DX.RATE is accepted too', async () => {
    expect((await runMain(['fn', 'DX.RATE', '10', '16', '1'])).stdout).toBe('62,5%\n');
  });

  test('--batch takes no function on the command line', async () => {
    const r = await runMain(['fn', '--batch', 'DX_RATE', '1', '2']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('--batch đọc các lời gọi từ đầu vào chuẩn');
  });

  test('--batch: an input that cannot be read is said, exit 2', async () => {
    const failing = new Readable({
      read() {
        this.destroy(Object.assign(new Error('đọc hỏng'), { code: 'EIO' }));
      },
    });
    let out = '';
    expect(await runFnBatch([], failing, (s) => (out += s))).toBe(2);
    expect(out).toBe('Không đọc được đầu vào chuẩn: Lỗi đọc ghi ổ đĩa ở “đầu vào chuẩn”.\n');
  });
});

describe('dx-report fn --batch: the whole case table in one process', () => {
  // Each case twice: as the words a shell passes (text, "" for a blank), then as JSON values (numbers, null).
  // Between them, lines a batch must answer without stopping: not JSON, unknown function, wrong count, blank.
  const asWords = FORMULA_CASES.map((c) => JSON.stringify([c.fn, ...c.args.map(cliArg)]));
  const asValues = FORMULA_CASES.map((c) => JSON.stringify({ fn: c.fn, args: c.args }));
  const bad = ['không phải JSON', '["DX_NOPE", 1]', '["DX_RATE", "1"]', '', '{"fn": "DX_RATE", "arg": [1, 2]}'];
  const lines = [...asWords, ...bad, ...asValues];
  let batch: Awaited<ReturnType<typeof runBatch>>;

  beforeAll(async () => {
    batch = await runBatch(lines);
  }, 60_000);

  test('exit 0, one result for every line but the blank one, each naming its line', () => {
    expect(batch.code).toBe(0);
    const numbered = lines.map((l, i) => [l, i + 1] as const).filter(([l]) => l.trim());
    expect(batch.results.map((r) => r.line)).toEqual(numbered.map(([, n]) => n));
  });

  test('every case, as words and as JSON values, gives what the case table says', () => {
    const byLine = new Map(batch.results.map((r) => [r.line, r]));
    const first = 1;
    const second = asWords.length + bad.length + 1;
    FORMULA_CASES.forEach((c, i) => {
      for (const body of [byLine.get(first + i)!, byLine.get(second + i)!]) {
        expect({ why: c.why, code: body.code }).toEqual({ why: c.why, code: 'error' in c.expect ? 1 : 0 });
        checkCase(c, 'error' in body ? { error: body.error as string } : { value: body.value });
      }
    });
  });

  test('a case as words gives exactly what `fn --json` prints for it, with its line and code', async () => {
    for (const [i, c] of FORMULA_CASES.entries()) {
      const single = await runMain(['fn', c.fn, ...c.args.map(cliArg), '--json']);
      const { line, code, ...body } = batch.results[i];
      expect({ why: c.why, line, code, body }).toEqual({
        why: c.why,
        line: i + 1,
        code: single.code,
        body: JSON.parse(single.stdout),
      });
    }
  });

  test('a bad line is answered with code 2 and a Vietnamese message, and the batch goes on', () => {
    const at = (n: number) => batch.results.find((r) => r.line === n);
    const start = asWords.length + 1;
    expect(at(start)).toEqual({ line: start, code: 2, message: expect.stringContaining('không phải JSON') });
    expect(at(start + 1)).toEqual({
      line: start + 1,
      code: 2,
      message: expect.stringContaining('không có hàm “DX_NOPE”'),
    });
    expect(at(start + 2)).toEqual({
      line: start + 2,
      code: 2,
      message: 'DX_RATE cần 2–3 đối số: tu_so; mau_so; so_chu_so_thap_phan',
    });
    expect(at(start + 3)).toBeUndefined();
    expect(at(start + 4)).toEqual({
      line: start + 4,
      code: 2,
      message: expect.stringContaining('không có trường “arg”'),
    });
  });
});
