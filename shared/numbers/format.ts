/** Rounds half away from zero at `decimals` places without binary drift (1.005 → 1.01). */
export function roundTo(x: number, decimals: number): number {
  const sign = x < 0 ? -1 : 1;
  return sign * Number(`${Math.round(Number(`${Math.abs(x)}e${decimals}`))}e-${decimals}`);
}

/** Cuts at `decimals` places (98,997 → 98,9), tolerant of binary noise just below a boundary. */
export function truncateTo(x: number, decimals: number): number {
  const sign = x < 0 ? -1 : 1;
  const scaled = Number((Math.abs(x) * 10 ** decimals).toPrecision(12));
  return (sign * Math.floor(scaled)) / 10 ** decimals;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 103223 → "103.223"; 1234.5 with 1 decimal → "1.234,5". */
export function formatNumber(x: number, decimals = 0): string {
  const r = roundTo(x, decimals);
  const [int, frac] = Math.abs(r).toFixed(decimals).split('.');
  const sign = r < 0 ? '-' : '';
  return sign + groupThousands(int) + (frac ? `,${frac}` : '');
}

/** 0.33112 → "33,11%" (the fraction is what a cell formatted as % holds). */
export function formatPercent(fraction: number, decimals = 2): string {
  return `${formatNumber(fraction * 100, decimals)}%`;
}

/** "33,11% (103.223/311.736)": how the official tables write a result. */
export function formatRateWithCounts(numerator: number, denominator: number, decimals = 2): string {
  const counts = `(${formatNumber(numerator)}/${formatNumber(denominator)})`;
  return `${formatPercent(numerator / denominator, decimals)} ${counts}`;
}
