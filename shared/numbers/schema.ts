import { z } from 'zod';

/** What a written quantity turned out to be. */
export const NumberKind = z.enum(['blank', 'count', 'decimal', 'percent', 'ratio', 'nan']);
export type NumberKind = z.infer<typeof NumberKind>;

/**
 * Which writing convention the parser assumed:
 * number = already a number in the cell; plain = digits only;
 * vi = "." thousands and "," decimals; en = "," thousands and "." decimals;
 * space = thousands separated by spaces; none = nothing recognisable.
 */
export const NumberConvention = z.enum(['number', 'plain', 'vi', 'en', 'space', 'none']);
export type NumberConvention = z.infer<typeof NumberConvention>;

export const ParsedNumber = z.object({
  input: z.string(),
  kind: NumberKind,
  /** The value; a percentage as a fraction (68,67% → 0.6867), a ratio as a/b. */
  value: z.number().nullable(),
  /** Digits written after the decimal separator (the reported precision). */
  decimals: z.number().int().nonnegative(),
  convention: NumberConvention,
  /** True when the text reads two ways ("421.62", "1,234"): callers must not use it silently. */
  ambiguous: z.boolean(),
  /** A word written beside the number ("24 loại", "4.837 hộ"). */
  unit: z.string().optional(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  /** Vietnamese explanation of the assumption or of the refusal. */
  note: z.string().optional(),
});
export type ParsedNumber = z.infer<typeof ParsedNumber>;
