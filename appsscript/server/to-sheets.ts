import { FormulaArg, IMPLEMENTATIONS } from '../../shared/formulas/catalog';
import { Grid } from '../../shared/formulas/grid';
import { FormulaOutput, isFormulaError } from '../../shared/formulas/result';

type SheetsValue = number | string | boolean;

/**
 * Google Sheets has no way to return an error value from a custom function:
 * a thrown Error shows as #ERROR! with its message, so a single result throws
 * "#DIV/0! …"; inside an array the cell gets that text instead.
 */
export function toSheets(result: FormulaOutput | Grid<FormulaOutput>): SheetsValue | SheetsValue[][] {
  if (!Array.isArray(result)) {
    if (isFormulaError(result)) throw new Error(`${result.error} ${result.message}`);
    return result;
  }
  if (result.length === 1 && result[0].length === 1) return toSheets(result[0][0]) as SheetsValue;
  return result.map((row) => row.map((v) => (isFormulaError(v) ? `${v.error} ${v.message}` : v)));
}

/** Calls a formula of the catalogue with what Sheets hands over: values, Date objects or 2-D arrays. */
export function sheetsFormula(name: string, ...args: unknown[]): SheetsValue | SheetsValue[][] {
  return toSheets(IMPLEMENTATIONS[name](...(args as FormulaArg[])));
}
