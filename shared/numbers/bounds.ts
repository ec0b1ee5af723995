/**
 * The bounds numbers are held to. A double counts exactly up to 2^53 − 1; no office counts a
 * trillion of anything (dossiers, people, households, triệu đồng): a figure above 10^12 is a typing
 * or a pasting accident, reported at its cell and never added to a total.
 */

/** The plausibility bound of a count or an amount: 10^12. */
export const PLAUSIBLE_MAX = 1e12;

/** The largest count a formula computes exactly: Number.MAX_SAFE_INTEGER (9.007.199.254.740.991). */
export const EXACT_MAX = Number.MAX_SAFE_INTEGER;

/** A finite number not above the plausibility bound, either sign. */
export function isPlausible(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n) <= PLAUSIBLE_MAX;
}

/** A finite number a formula can count with exactly. */
export function isExact(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n) <= EXACT_MAX;
}

/** The largest of many numbers without spreading them into arguments (a host range holds a million). */
export function maxOf(xs: Iterable<number>, start = -Infinity): number {
  let m = start;
  for (const x of xs) if (x > m) m = x;
  return m;
}

/** The smallest of many numbers, the same way. */
export function minOf(xs: Iterable<number>, start = Infinity): number {
  let m = start;
  for (const x of xs) if (x < m) m = x;
  return m;
}
