/** The command line's help names the annexes a consolidation writes (issue 16: it said I–VI, then I–VII). */
import { consolidate } from '../shared/consolidate/consolidate';
import { CAM_RANH } from '../shared/registry/data/cam-ranh';
import { runMain } from './helpers/cli';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

test('`dx-report help consolidate` says Phụ lục I to the last one consolidate writes', async () => {
  const sheets = consolidate([], { period: '2023-06', registry: CAM_RANH, now: new Date(2023, 6, 10) }).sheets;
  const numbers = sheets.flatMap((s) => /^Phụ lục ([IVX]+)$/.exec(s.name)?.slice(1) ?? []);
  const last = ROMAN[Math.max(...numbers.map((n) => ROMAN.indexOf(n)))];
  expect(last).toBe('VIII');
  const help = await runMain(['help', 'consolidate']);
  expect(help.stdout).toContain(`Phụ lục I–${last},`);
});
