import { z } from 'zod';

/**
 * What a host hands a parameter, or gets back: `cell` one value; `cellOrRange` one value or a range,
 * taken element-wise (a result is then a range of the same size); `range` a range only.
 * Excel declares a `cell` as a scalar and the others as a matrix; Apps Script documents a range as
 * `Array<Array<type>>`.
 */
export const FormulaShape = z.enum(['cell', 'cellOrRange', 'range']);
export type FormulaShape = z.infer<typeof FormulaShape>;

/** What a cell may hold, spelled as the Apps Script JSDoc `{type}` spells it. */
export const FormulaType = z.enum(['number', 'string', 'Date', 'boolean']);
export type FormulaType = z.infer<typeof FormulaType>;

export const FormulaParam = z.object({
  /**
   * The parameter as Excel's and Sheets' tooltips name it: an identifier, so Vietnamese without tone marks in
   * snake_case (`tu_so`, `ngay_bao_cao`), which a user reads where an English name would not be understood.
   */
  name: z.string().regex(/^[a-z]+(_[a-z]+)*$/),
  vi: z.string(),
  optional: z.boolean().default(false),
  shape: FormulaShape,
  types: z.array(FormulaType).min(1),
});
export type FormulaParam = z.infer<typeof FormulaParam>;

export const FormulaSpec = z.object({
  /** Name in Google Sheets and on the command line; Excel shows it as DX.<excelId>. */
  name: z.string().regex(/^DX_[A-Z_]+$/),
  excelId: z.string().regex(/^[A-Z_]+$/),
  vi: z.string(),
  en: z.string(),
  params: z.array(FormulaParam),
  /** The result: its description (JSDoc `@return`), its shape and what it holds. */
  returns: z.object({ vi: z.string(), shape: FormulaShape.exclude(['range']), types: z.array(FormulaType).min(1) }),
  /** How the command line shows a number result. */
  display: z.enum(['percent', 'number', 'text', 'boolean']),
  example: z.string(),
});
export type FormulaSpec = z.infer<typeof FormulaSpec>;

export type FormulaSpecInput = z.input<typeof FormulaSpec>;
