import { formatMagnitude, formatNumber, roundTo, truncateTo } from '../numbers/format';
import { percentDecimalsOf } from '../numbers/parse';
import { flatten } from './grid';
import { isBlank, quantity, rateValue } from './inputs';
import { fail, FormulaOutput, isFormulaError, Scalar } from './result';

function decimalsArg(x: Scalar): number | null | ReturnType<typeof fail> {
  if (isBlank(x)) return null;
  const n = typeof x === 'number' ? x : Number(String(x).trim());
  if (!Number.isInteger(n) || n < 0 || n > 10)
    return fail('#NUM!', `Số chữ số thập phân phải là số nguyên từ 0 đến 10 (đang là “${String(x)}”).`);
  return n;
}

/** DX_RATE: numerator / denominator as a fraction, rounded at `decimals` places of the percentage. */
export function rate(numerator: Scalar, denominator: Scalar, decimals?: Scalar): FormulaOutput {
  const n = quantity(numerator, 'Tử số');
  if (isFormulaError(n)) return n;
  const d = quantity(denominator, 'Mẫu số');
  if (isFormulaError(d)) return d;
  const k = decimalsArg(decimals);
  if (isFormulaError(k)) return k;
  if (d === 0) return fail('#DIV/0!', `Mẫu số bằng 0: không tính được tỷ lệ ${formatNumber(n)}/0.`);
  const r = n / d;
  return finiteRate(k === null ? r : roundTo(r * 100, k) / 100, n, d);
}

/** A rate a double cannot hold (a count over a denominator of 1e-300) is #NUM!, never Infinity. */
function finiteRate(r: number, n: number, d: number): FormulaOutput {
  if (Number.isFinite(r)) return r;
  return fail('#NUM!', `Tỷ lệ ${formatMagnitude(n)}/${formatMagnitude(d)} vượt quá giới hạn tính toán.`);
}

/** DX_SUMRATE: Σnumerators / Σdenominators over the rows where both are filled. */
export function sumRate(numerators: Scalar | Scalar[][], denominators: Scalar | Scalar[][]): FormulaOutput {
  const ns = flatten(numerators);
  const ds = flatten(denominators);
  if (ns.length !== ds.length) {
    return fail('#N/A', `Vùng tử số có ${ns.length} ô, vùng mẫu số có ${ds.length} ô: hai vùng phải bằng nhau.`);
  }
  let sn = 0;
  let sd = 0;
  for (let i = 0; i < ns.length; i++) {
    if (isBlank(ns[i]) || isBlank(ds[i])) continue;
    const n = quantity(ns[i], `Tử số thứ ${i + 1}`);
    if (isFormulaError(n)) return n;
    const d = quantity(ds[i], `Mẫu số thứ ${i + 1}`);
    if (isFormulaError(d)) return d;
    sn += n;
    sd += d;
  }
  if (sd === 0) return fail('#DIV/0!', `Tổng mẫu số bằng 0: không tính được tỷ lệ chung.`);
  return finiteRate(sn / sd, sn, sd);
}

/**
 * DX_RATE_OK: a reported rate agrees with a/b when it equals a/b rounded or
 * truncated at the reported precision (98,9% for 4.837/4.886 = 98,997%).
 */
export function rateOk(reported: Scalar, numerator: Scalar, denominator: Scalar): FormulaOutput {
  const r = rateValue(reported, 'Tỷ lệ báo cáo');
  if (isFormulaError(r)) return r;
  const n = quantity(numerator, 'Tử số');
  if (isFormulaError(n)) return n;
  const d = quantity(denominator, 'Mẫu số');
  if (isFormulaError(d)) return d;
  if (d === 0) return fail('#DIV/0!', 'Mẫu số bằng 0: không kiểm tra được tỷ lệ.');
  let shownPercent: number;
  let k: number;
  if (r.parsed.kind === 'percent') {
    k = r.decimals;
    shownPercent = r.value * 100;
  } else if (r.parsed.kind === 'ratio') {
    k = 2;
    shownPercent = r.value * 100;
  } else if (typeof reported === 'number') {
    // A number cell formatted as %: its precision is the digits it carries.
    k = percentDecimalsOf(r.value);
    shownPercent = r.value * 100;
  } else {
    // "54,03" typed as text in a "Tỷ lệ (%)" column is in percentage points.
    k = r.decimals;
    shownPercent = r.value;
  }
  const exact = (n / d) * 100;
  const target = roundTo(shownPercent, k);
  return Math.abs(roundTo(exact, k) - target) < 1e-9 || Math.abs(truncateTo(exact, k) - target) < 1e-9;
}
