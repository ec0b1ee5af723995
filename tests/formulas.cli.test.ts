import { FORMULA_CASES } from './cases/formulas';
import { checkCase } from './helpers/expect-case';
import { runCli } from './helpers/cli';

const cliArg = (a: string | number | null) => (a === null ? '' : String(a));

describe('bin/dx-report fn', () => {
  test('DX_RATE 103.223 311.736 prints 33,11% (seed 000 e-ID rate)', async () => {
    const r = await runCli(['fn', 'DX_RATE', '103.223', '311.736']);
    expect(r).toMatchObject({ code: 0, stdout: '33,11%\n' });
  });

  test('--json prints a machine-readable value', async () => {
    const r = await runCli(['fn', 'DX_RATE', '103.223', '311.736', '--json']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.function).toBe('DX_RATE');
    expect(body.value).toBeCloseTo(103223 / 311736, 12);
    expect(body.text).toBe('33,11%');
  });

  test('an error prints its code and message and exits 1', async () => {
    const r = await runCli(['fn', 'DX_RATE', '5', '0']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^#DIV\/0! Mẫu số bằng 0/);
    const j = await runCli(['fn', 'DX_NUMBER', '24 loại', '--json']);
    expect(JSON.parse(j.stdout)).toMatchObject({ error: '#VALUE!', message: expect.stringContaining('loại') });
  });

  test('an unknown function or a wrong argument count exits 2 with the list of functions', async () => {
    const r = await runCli(['fn', 'DX_NOPE', '1']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('DX_SUMRATE(numerators; denominators)');
    expect((await runCli(['fn', 'DX_RATE', '1'])).code).toBe(2);
  });

  test('Excel spelling DX.RATE is accepted too', async () => {
    expect((await runCli(['fn', 'DX.RATE', '10', '16', '1'])).stdout).toBe('62,5%\n');
  });

  // A few processes at a time: ~90 at once starve a loaded 2-core machine (the timeout is not a speed test).
  test('the whole case table through the command line', async () => {
    const runs: Array<{ c: (typeof FORMULA_CASES)[number]; r: Awaited<ReturnType<typeof runCli>> }> = [];
    const queue = [...FORMULA_CASES];
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift())
        runs.push({ c, r: await runCli(['fn', c.fn, ...c.args.map(cliArg), '--json']) });
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    for (const { c, r } of runs) {
      const body = JSON.parse(r.stdout);
      expect({ why: c.why, code: r.code }).toEqual({ why: c.why, code: 'error' in c.expect ? 1 : 0 });
      checkCase(c, 'error' in body ? { error: body.error } : { value: body.value });
    }
  }, 300_000);
});
