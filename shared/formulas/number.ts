import { parseNumber } from '../numbers/parse';
import { outOfRange } from './inputs';
import { fail, FormulaOutput, Scalar } from './result';

/** DX_NUMBER: vi-VN text to a number; percentages become fractions, ratios a/b; #NUM! beyond 2^53 − 1. */
export function toNumber(text: Scalar): FormulaOutput {
  const p = parseNumber(text);
  if (p.kind === 'blank') return fail('#VALUE!', 'Ô trống: không có số để đọc.');
  if (p.kind === 'ratio' && p.value === null) return fail('#DIV/0!', p.note ?? 'Mẫu số bằng 0.');
  if (p.kind === 'nan') return fail('#VALUE!', p.note ?? `“${p.input}” không phải là số.`);
  if (p.ambiguous) return fail('#VALUE!', `${p.note} Hãy ghi lại cho rõ.`);
  return outOfRange(p, 'Số') ?? (p.value as number);
}
