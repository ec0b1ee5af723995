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

/** The places after the point a plain number carries as JavaScript writes it: 4.813 → 3, 12 → 0. */
function placesOf(x: number): number {
  const s = String(x);
  return s.includes('e') ? 0 : (s.split('.')[1] ?? '').length;
}

/** Scientific form for the sizes no reader counts digits of: "1,11 × 10^21", "4,94 × 10^-324". */
function scientific(x: number): string {
  const [m, e] = x.toExponential(2).split('e');
  return `${m.replace('.', ',')} × 10^${Number(e)}`;
}

/**
 * A number for a message, whatever its size: 103223 → "103.223", 1234.56789 → "1.234,57" (six
 * significant digits), 1111111111111111111111 → "1,11 × 10^21", 5e-324 → "4,94 × 10^-324"; never
 * hundreds of digits.
 */
export function formatMagnitude(x: number): string {
  if (!Number.isFinite(x)) return NOT_A_NUMBER;
  const a = Math.abs(x);
  if (Number.isInteger(x) && a < 1e15) return formatNumber(x);
  if (a !== 0 && (a >= 1e15 || a < 1e-4)) return scientific(x);
  const r = Number(x.toPrecision(6));
  return formatNumber(r, placesOf(r));
}

/** The most places a figure is quoted with: amounts in millions carry three (4,813), more is binary noise. */
export const FIGURE_PLACES = 4;

/**
 * Any figure a message quotes, the way a Vietnamese reader reads it (thousands ".", decimals ","):
 * 4813 → "4.813", 4.813 → "4,813", 1234.5 → "1.234,5", 0.1 + 0.2 → "0,3". The places are the
 * number's own, at most FIGURE_PLACES; at 10^15 and above, or below 10^-4, the scientific form.
 * Every number a message interpolates goes through here (or the `vi` tag below), never `${x}`:
 * JavaScript's "4.813" reads as four thousand in a Vietnamese sentence.
 */
export function formatFigure(x: number): string {
  if (!Number.isFinite(x)) return NOT_A_NUMBER;
  const a = Math.abs(x);
  if (a >= 1e15 || (a !== 0 && a < 10 ** -FIGURE_PLACES)) return scientific(x);
  // JavaScript's own shortest writing is exact: rounding again near 2^53 (900719925474,4031) would move a digit.
  const r = placesOf(x) <= FIGURE_PLACES ? x : roundTo(x, FIGURE_PLACES);
  const [int, frac] = String(Math.abs(r)).split('.');
  // -0,00001 rounded away to 0 is written "0", never "-0".
  return (r < 0 ? '-' : '') + groupThousands(int) + (frac ? `,${frac}` : '');
}

/**
 * The tag messages are written with: each number interpolated is written by formatFigure, anything
 * else as it is. vi`Tử số ${n} lớn hơn ${d}.` with 1234.5 gives "Tử số 1.234,5 lớn hơn …". A number
 * that must stay as typed (a row number, a year) is passed as text.
 */
export function vi(strings: TemplateStringsArray, ...values: unknown[]): string {
  const shown = values.map((v) => (typeof v === 'number' ? formatFigure(v) : String(v)));
  return strings.reduce((out, s, i) => out + shown[i - 1] + s);
}
