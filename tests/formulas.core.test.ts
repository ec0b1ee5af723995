import { FORMULA_CASES } from './cases/formulas';
import { checkCase, Observed } from './helpers/expect-case';
import { asRange } from './helpers/hosts';
import { callFormula, FORMULAS } from '../shared/formulas/catalog';
import { isFormulaError } from '../shared/formulas/result';

function observe(fn: string, args: unknown[]): Observed {
  const raw = callFormula(fn, args.map(asRange) as never[]);
  const v = Array.isArray(raw) ? raw[0][0] : raw;
  return isFormulaError(v) ? { error: v.error } : { value: v };
}

describe('core formulas against the case table', () => {
  test.each(FORMULA_CASES.map((c) => [`${c.fn} ${c.why}`, c] as const))('%s', (_, c) => {
    checkCase(c, observe(c.fn, c.args));
  });

  test('every formula has cases, including an error case', () => {
    for (const f of FORMULAS) {
      const cases = FORMULA_CASES.filter((c) => c.fn === f.name);
      expect({ f: f.name, n: cases.length >= 3 }).toEqual({ f: f.name, n: true });
      expect({ f: f.name, err: cases.some((c) => 'error' in c.expect) }).toEqual({ f: f.name, err: true });
    }
  });

  test('error messages are Vietnamese and quote the input', () => {
    const v = callFormula('DX_NUMBER', ['24 loại']) as never as Array<Array<{ message: string }>>;
    expect(v[0][0].message).toContain('“24 loại”');
    expect(v[0][0].message).toContain('chữ “loại”');
    const unit = callFormula('DX_UNIT', ['Pường 1']) as never as Array<Array<{ message: string }>>;
    expect(unit[0][0].message).toContain('Có phải “Phường 1”?');
  });

  test('element-wise over ranges, broadcasting a single cell', () => {
    const out = callFormula('DX_RATE', [[[10], [6], [0]], [[16]], 0]);
    expect(out).toEqual([[0.63], [0.38], [0]]);
    const mixed = callFormula('DX_RATE', [
      [[1], [2]],
      [[0], [4]],
    ]) as unknown[][];
    expect(isFormulaError(mixed[0][0])).toBe(true);
    expect(mixed[1][0]).toBe(0.5);
  });

  test('ranges of unequal length give #N/A past the shorter one', () => {
    const out = callFormula('DX_RATE', [
      [[1], [2], [3]],
      [[4], [5]],
    ]) as unknown[][];
    expect(out[1][0]).toBe(0.4);
    expect(out[2][0]).toMatchObject({ error: '#N/A' });
  });

  test('a cell formatted as % holds the fraction; its precision is the digits it carries', () => {
    expect(callFormula('DX_RATE_OK', [0.989, 4837, 4886])).toEqual([[true]]);
    expect(callFormula('DX_RATE_OK', [0.5403, 118103, 142378])).toEqual([[false]]);
  });

  test('dates as the hosts hand them over: Excel serials and Date objects', () => {
    // 45200 = 30/09/2023 in Excel's 1900 system; 45275 = 14/12/2023.
    expect(callFormula('DX_TARGET_MET', ['42,5%', '30% đến cuối năm là 50%', 45199])).toEqual([['Đạt']]);
    expect(callFormula('DX_TARGET_MET', ['42,5%', '30% đến cuối năm là 50%', 45274])).toEqual([['Chưa đạt']]);
    expect(callFormula('DX_ONTIME', [new Date(2023, 4, 22), new Date(2023, 3, 1), 20])).toEqual([['Trễ hạn']]);
    expect(callFormula('DX_STATUS', ['2023', new Date(2023, 10, 15), new Date(2024, 5, 30)])).toEqual([
      ['Hoàn thành, đúng hạn'],
    ]);
    expect(callFormula('DX_STATUS', ['2023', true, 45107])).toEqual([['Hoàn thành, đúng hạn']]);
  });
});
