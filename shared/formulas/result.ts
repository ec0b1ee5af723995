/** What a cell may hand a formula, in any host. */
export type Scalar = number | string | boolean | Date | null | undefined;

export type ErrorCode = '#DIV/0!' | '#VALUE!' | '#N/A' | '#NUM!';

/** An error value with the Vietnamese explanation the host shows beside it. */
export interface FormulaError {
  error: ErrorCode;
  message: string;
}

export type FormulaValue = number | string | boolean;
export type FormulaOutput = FormulaValue | FormulaError;

export function fail(error: ErrorCode, message: string): FormulaError {
  return { error, message };
}

export function isFormulaError(x: unknown): x is FormulaError {
  return typeof x === 'object' && x !== null && 'error' in x && 'message' in x;
}
