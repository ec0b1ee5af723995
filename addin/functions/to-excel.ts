import { FormulaArg, IMPLEMENTATIONS } from '../../shared/formulas/catalog';
import { Grid } from '../../shared/formulas/grid';
import { FormulaOutput, FormulaValue, isFormulaError } from '../../shared/formulas/result';

const CODES = {
  '#DIV/0!': 'divisionByZero',
  '#VALUE!': 'invalidValue',
  '#N/A': 'notAvailable',
  '#NUM!': 'invalidNumber',
} as const;

/** Excel shows a custom message only for #VALUE! and #N/A (CustomFunctions.ErrorCode docs). */
const WITH_MESSAGE = new Set(['#VALUE!', '#N/A']);

/** What a range result holds: values, and Excel's own error values in the cells that failed. */
export type ExcelCell = FormulaValue | CustomFunctions.Error;

/** A core error becomes Excel's own error value, with the Vietnamese message as its tooltip where Excel allows one. */
export function excelError(v: { error: keyof typeof CODES; message: string }): CustomFunctions.Error {
  const code = CustomFunctions.ErrorCode[CODES[v.error]];
  return WITH_MESSAGE.has(v.error) ? new CustomFunctions.Error(code, v.message) : new CustomFunctions.Error(code);
}

/** Element-wise results: errors stay in their cells (Excel allows error values inside arrays). */
export function toExcelGrid(grid: Grid<FormulaOutput>): ExcelCell[][] {
  return grid.map((row) => row.map((v) => (isFormulaError(v) ? excelError(v) : v)));
}

/** Single results: Excel shows a thrown CustomFunctions.Error as the error value. */
export function toExcelScalar(v: FormulaOutput): FormulaValue {
  if (isFormulaError(v)) throw excelError(v);
  return v;
}

/** Calls a formula of the catalogue with the cells Excel hands over; the result as a range. */
export function excelRange(name: string, ...args: unknown[]): ExcelCell[][] {
  const out = IMPLEMENTATIONS[name](...(args as FormulaArg[]));
  return toExcelGrid(Array.isArray(out) ? out : [[out]]);
}

/** Calls a formula of the catalogue with the cells Excel hands over; the result as one value. */
export function excelValue(name: string, ...args: unknown[]): FormulaValue {
  return toExcelScalar(IMPLEMENTATIONS[name](...(args as FormulaArg[])) as FormulaOutput);
}
