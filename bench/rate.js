'use strict';
/**
 * DX_RATE over a column of N text cells (numerators "1000"…, denominators written the Vietnamese way "2.000"…,
 * 2 decimals), through the compiled core's callFormula, as every host calls it. A warm-up call at the first
 * size, then the median of a few calls at each (9 under 1,000,000 cells; 3 at a million, 1 with --quick).
 * Prints {cells, medianMs, cellsPerSecond, runsMs} per size on stdout.
 *
 *   node bench/rate.js ROOT N... [--quick]
 */
const path = require('path');
const [root, ...rest] = process.argv.slice(2);
const quick = rest.includes('--quick');
const sizes = rest.filter((a) => !a.startsWith('--'));
const { callFormula } = require(path.join(root, 'dist', 'cli', 'shared', 'formulas', 'catalog.js'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const n of sizes.map(Number)) {
  const nums = Array.from({ length: n }, (_, i) => [String(1000 + (i % 90000))]);
  const dens = Array.from({ length: n }, (_, i) => [(2000 + (i % 90000)).toLocaleString('vi-VN')]);
  const reps = n >= 1e6 ? (quick ? 1 : 3) : quick ? 5 : 9;
  if (n === Number(sizes[0])) callFormula('DX_RATE', [nums, dens, 2]);
  const runs = [];
  let out;
  for (let k = 0; k < reps; k++) {
    const t0 = process.hrtime.bigint();
    out = callFormula('DX_RATE', [nums, dens, 2]);
    runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  if (!Array.isArray(out) || out.length !== n)
    throw new Error(`DX_RATE gave ${Array.isArray(out) ? out.length : typeof out} rows`);
  const ms = median(runs);
  process.stdout.write(
    `${JSON.stringify({ cells: n, medianMs: +ms.toFixed(2), cellsPerSecond: Math.round((n / ms) * 1000), runsMs: runs.map((x) => +x.toFixed(2)), sample: out[0] })}\n`,
  );
}
