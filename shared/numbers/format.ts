/**
 * Rounds half away from zero at `decimals` places without binary drift (1.005 → 1.01). Works on the
 * decimal exponent, so very large (1e308) and very small (1e-7) numbers round too; a number at or
 * above 2^53 has no digits after the point and comes back as it is, and so does a non-finite one.
 */
export function roundTo(x: number, decimals: number): number {
  if (!Number.isFinite(x) || x === 0 || Math.abs(x) >= 2 ** 53) return x;
  const sign = x < 0 ? -1 : 1;
  const a = String(Math.abs(x));
  // 1e-7 is written with an exponent: shift the exponent itself rather than append one.
  const [m, e] = a.split('e');
  const rounded = Math.round(Number(`${m}e${Number(e ?? 0) + decimals}`));
  const r = String(rounded);
  if (!r.includes('e')) return sign * Number(`${r}e-${decimals}`);
  const [m2, e2] = rounded.toExponential().split('e');
  return sign * Number(`${m2}e${Number(e2) - decimals}`);
}

/** Cuts at `decimals` places (98,997 → 98,9), tolerant of binary noise just below a boundary. */
export function truncateTo(x: number, decimals: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 2 ** 53) return x;
  const sign = x < 0 ? -1 : 1;
  const scaled = Number((Math.abs(x) * 10 ** decimals).toPrecision(12));
  return (sign * Math.floor(scaled)) / 10 ** decimals;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** What is shown for a value that is not a finite number: never "NaN" or "Infinity". */
export const NOT_A_NUMBER = '—';

/** 103223 → "103.223"; 1234.5 with 1 decimal → "1.234,5"; 1e21 → "1.000.000.000.000.000.000.000". */
export function formatNumber(x: number, decimals = 0): string {
  if (!Number.isFinite(x)) return NOT_A_NUMBER;
  const r = roundTo(x, decimals);
  // toFixed writes 1e21 and above with an exponent; such a number is an integer, BigInt spells it out.
  const fixed =
    Math.abs(r) >= 1e21
      ? `${BigInt(Math.abs(r)).toString()}${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`
      : Math.abs(r).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const sign = r < 0 ? '-' : '';
  return sign + groupThousands(int) + (frac ? `,${frac}` : '');
}

/** 0.33112 → "33,11%" (the fraction is what a cell formatted as % holds). */
export function formatPercent(fraction: number, decimals = 2): string {
  const points = fraction * 100;
  return Number.isFinite(points) ? `${formatNumber(points, decimals)}%` : NOT_A_NUMBER;
}

/** "33,11% (103.223/311.736)": how the official tables write a result; "— (5/0)" when there is no rate. */
export function formatRateWithCounts(numerator: number, denominator: number, decimals = 2): string {
  const counts = `(${formatNumber(numerator)}/${formatNumber(denominator)})`;
  const rate = denominator === 0 ? NaN : numerator / denominator;
  return `${formatPercent(rate, decimals)} ${counts}`;
}

/**
 * A number for a message, whatever its size: 103223 → "103.223", 1111111111111111111111 →
 * "1,11 × 10^21", 5e-324 → "4,94 × 10^-324"; never hundreds of digits.
 */
export function formatMagnitude(x: number): string {
  if (!Number.isFinite(x)) return NOT_A_NUMBER;
  const a = Math.abs(x);
  if (Number.isInteger(x) && a < 1e15) return formatNumber(x);
  if (a !== 0 && (a >= 1e15 || a < 1e-4)) {
    const [m, e] = x.toExponential(2).split('e');
    return `${m.replace('.', ',')} × 10^${Number(e)}`;
  }
  return String(Number(x.toPrecision(6))).replace('.', ',');
}
