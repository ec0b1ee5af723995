import * as fs from 'fs';
import * as path from 'path';
import { FORMULA_CASES } from './cases/formulas';
import { checkCase, Observed } from './helpers/expect-case';
import { asRange, DIST, ExcelErrorStub, loadExcelFunctions } from './helpers/hosts';
import { FORMULAS } from '../shared/formulas/catalog';

interface Metadata {
  functions: Array<{
    id: string;
    name: string;
    description: string;
    parameters: Array<{ name: string; description: string; dimensionality?: string; optional?: boolean }>;
  }>;
}

const metadata: Metadata = JSON.parse(fs.readFileSync(path.join(DIST, 'addin', 'functions.json'), 'utf8'));
const excel = loadExcelFunctions();

/** Calls the built custom function with what Excel hands over: matrices for matrix parameters. */
function observe(fn: string, args: unknown[]): Observed {
  const spec = FORMULAS.find((f) => f.name === fn)!;
  const meta = metadata.functions.find((f) => f.id === spec.excelId)!;
  const excelArgs = args.map((a, i) => {
    const v = asRange(a);
    if (meta.parameters[i]?.dimensionality === 'matrix') return Array.isArray(v) ? v : [[v]];
    return v;
  });
  let out: unknown;
  try {
    out = excel.functions[spec.excelId](...excelArgs);
  } catch (e) {
    if (e instanceof ExcelErrorStub) return { error: e.code };
    throw e;
  }
  const v = Array.isArray(out) ? out[0][0] : out;
  return v instanceof ExcelErrorStub ? { error: v.code } : { value: v };
}

describe('Excel custom functions (built dist/addin)', () => {
  test('functions.json lists every DX_ function of the case table, with Vietnamese descriptions', () => {
    const ids = metadata.functions.map((f) => f.id).sort();
    expect(ids).toEqual([...new Set(FORMULA_CASES.map((c) => c.fn.replace(/^DX_/, '')))].sort());
    for (const spec of FORMULAS) {
      const meta = metadata.functions.find((f) => f.id === spec.excelId)!;
      expect(meta.description).toBe(spec.vi);
      expect(meta.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
      expect(meta.parameters.map((p) => p.description)).toEqual(spec.params.map((p) => p.vi));
      expect(meta.parameters.map((p) => Boolean(p.optional))).toEqual(spec.params.map((p) => p.optional));
    }
  });

  test('every function is associated with the runtime', () => {
    expect(Object.keys(excel.functions).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  test.each(FORMULA_CASES.map((c) => [`${c.fn} ${c.why}`, c] as const))('%s', (_, c) => {
    checkCase(c, observe(c.fn, c.args));
  });

  test('errors inside arrays stay in their cells; custom messages only where Excel shows them', () => {
    const out = excel.functions.RATE([[1], [2]], [[0], [4]]) as unknown[][];
    expect(out[0][0]).toBeInstanceOf(ExcelErrorStub);
    expect((out[0][0] as ExcelErrorStub).code).toBe('#DIV/0!');
    expect((out[0][0] as ExcelErrorStub).message).toBeUndefined();
    expect(out[1][0]).toBe(0.5);
    const bad = excel.functions.NUMBER([['24 loại']]) as ExcelErrorStub[][];
    expect(bad[0][0].code).toBe('#VALUE!');
    expect(bad[0][0].message).toContain('loại');
  });

  test('Excel hands dates over as serial numbers', () => {
    // 45068 = 22/05/2023, 45017 = 01/04/2023 (the month 4/2023 typed into a cell).
    expect(excel.functions.ONTIME([[45068]], [[45017]], 20)).toEqual([['Trễ hạn']]);
  });
});
