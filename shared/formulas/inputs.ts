import { EXACT_MAX, isExact } from '../numbers/bounds';
import { formatMagnitude, formatNumber } from '../numbers/format';
import { parseNumber } from '../numbers/parse';
import { ParsedNumber } from '../numbers/schema';
import { fail, FormulaError, Scalar } from './result';

/** The host's FALSE, "" and blank differ; only truly empty cells are blank. */
export function isBlank(x: Scalar): boolean {
  return x === null || x === undefined || (typeof x === 'string' && x.trim() === '');
}

/**
 * A count or measure for arithmetic: numbers and vi-VN text are accepted; a
 * percentage, a ratio, words or an ambiguous writing are refused with #VALUE!.
 */
export function quantity(x: Scalar, role: string): number | FormulaError {
  const p = parseNumber(x);
  if (p.kind === 'blank') return fail('#VALUE!', `${role} đang trống.`);
  return refuse(p, role, ['count', 'decimal']) ?? outOfRange(p, role) ?? (p.value as number);
}

/** #NUM! for a value beyond what a double counts exactly (2^53 − 1): its digits would be made up. */
export function outOfRange(p: ParsedNumber, role: string): FormulaError | null {
  const over = [p.value, p.numerator, p.denominator].find((v) => typeof v === 'number' && !isExact(v));
  if (over === undefined) return null;
  return fail(
    '#NUM!',
    `${role}: số ${formatMagnitude(over as number)} vượt quá ${formatNumber(EXACT_MAX)}, không tính chính xác được.`,
  );
}

/** A rate: a fraction (cell formatted as %), "54,03%" or "98.27%". */
export function rateValue(
  x: Scalar,
  role: string,
): { value: number; decimals: number; parsed: ParsedNumber } | FormulaError {
  const p = parseNumber(x);
  if (p.kind === 'blank') return fail('#VALUE!', `${role} đang trống.`);
  const bad = refuse(p, role, ['percent', 'count', 'decimal', 'ratio']) ?? outOfRange(p, role);
  if (bad) return bad;
  return { value: p.value as number, decimals: p.decimals, parsed: p };
}

function refuse(p: ParsedNumber, role: string, allowed: ParsedNumber['kind'][]): FormulaError | null {
  if (p.kind === 'ratio' && p.value === null) return fail('#DIV/0!', `${role}: ${p.note}`);
  if (p.kind === 'nan') return fail('#VALUE!', `${role}: ${p.note ?? `“${p.input}” không phải là số.`}`);
  if (p.ambiguous) return fail('#VALUE!', `${role}: ${p.note} Hãy ghi lại cho rõ.`);
  if (!allowed.includes(p.kind)) {
    const what = p.kind === 'percent' ? 'một tỷ lệ phần trăm' : 'một tỷ số a/b';
    return fail('#VALUE!', `${role}: “${p.input}” là ${what}, không phải số lượng.`);
  }
  return null;
}
