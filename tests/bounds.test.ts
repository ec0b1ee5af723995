/**
 * Numbers with bounds (issue 11, item 6): no Infinity or NaN is ever read, computed, summed or printed;
 * a count above 10^12 is an error at its cell; formulas answer #NUM! beyond 2^53 − 1; every range
 * operation works on a host's largest range (1,048,576 rows).
 */
import fc from 'fast-check';
import { consolidate } from '../shared/consolidate/consolidate';
import { callFormula } from '../shared/formulas/catalog';
import { formatNumber, formatPercent, formatRateWithCounts, roundTo } from '../shared/numbers/format';
import { parseNumber } from '../shared/numbers/parse';
import { ParsedNumber } from '../shared/numbers/schema';
import { validateSheets } from '../shared/validation/validate';
import { SheetSnapshot } from '../shared/workbook/port';
import { hostGrids } from '../shared/workbook/render';
import { XlsxWorkbook } from '../xlsx/workbook';
import { CONSISTENT, Edit, unitWorkbook } from './helpers/unit-fixture';

const ROWS = 1048576; // Excel's and Sheets' largest column
const finiteOrAbsent = (x: number | null | undefined) => x === null || x === undefined || Number.isFinite(x);
const isError = (x: unknown) => typeof x === 'object' && x !== null && 'error' in x;

async function sheetsOf(edits: Edit[], unit = 'Phường Lộc Thọ'): Promise<SheetSnapshot[]> {
  const { file } = await unitWorkbook(edits, unit);
  return (await XlsxWorkbook.open(file)).read();
}

describe('the number reader never yields a non-finite value and never throws', () => {
  // Text that only looks like digits: long runs overflow a double ("1" and 400 zeros is 1e400).
  const digity = fc
    .array(fc.constantFrom('0', '1', '9', '.', ',', ' ', '/', '%', '-', 'e'), { maxLength: 420 })
    .map((cs) => cs.join(''));
  const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 }), digity);

  test('property: any string gives a finite value (or none), in the schema', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const p = parseNumber(s);
        return (
          finiteOrAbsent(p.value) &&
          finiteOrAbsent(p.numerator) &&
          finiteOrAbsent(p.denominator) &&
          ParsedNumber.safeParse(p).success
        );
      }),
      {
        numRuns: 2000,
        examples: [['1' + '0'.repeat(400)], ['9'.repeat(309)], [`1/0,${'0'.repeat(180)}1`], [`${'9'.repeat(200)}%`]],
      },
    );
  });

  test('the overflowing writings are "not a number", and say so', () => {
    for (const s of ['1' + '0'.repeat(400), '9'.repeat(309), `${'9'.repeat(309)}/1`]) {
      const p = parseNumber(s);
      expect(p).toMatchObject({ kind: 'nan', value: null });
      expect(p.note).toMatch(/quá (lớn|dài)/);
    }
  });

  test('a 1 MB cell is refused at once, its note quoting only its beginning', () => {
    const t = Date.now();
    const p = parseNumber(`${'1.1'.repeat(350000)}\n`);
    expect(Date.now() - t).toBeLessThan(200);
    expect(p.kind).toBe('nan');
    expect(p.note!.length).toBeLessThan(200);
  });
});

describe('formulas: finite or an error value, #NUM! beyond 2^53 − 1', () => {
  const scalar = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.constantFrom(1e308, -1e308, 5e-324, Number.MAX_VALUE, 0),
    fc.string({ maxLength: 40 }),
  );

  test('property: the rate of any two values is a finite number or a formula error', () => {
    fc.assert(
      fc.property(scalar, scalar, (a, b) => {
        const r = (callFormula('DX_RATE', [a, b]) as unknown[][])[0][0];
        const pooled = callFormula('DX_SUMRATE', [
          [[a], [a]],
          [[b], [b]],
        ]);
        const ok = (x: unknown) => isError(x) || (typeof x === 'number' && Number.isFinite(x));
        return ok(r) && ok(pooled);
      }),
      {
        numRuns: 3000,
        examples: [
          [1e308, 1e-308],
          [5, 5e-324],
          [1e308, 1],
          ['9'.repeat(30), 7],
        ],
      },
    );
  });

  test('`dx-report fn DX_NUMBER 1111111111111111111111` is #NUM!, not "NaN"', () => {
    const [[r]] = callFormula('DX_NUMBER', ['1111111111111111111111']) as unknown[][];
    expect(r).toMatchObject({ error: '#NUM!' });
    expect((r as { message: string }).message).toContain('9.007.199.254.740.991');
    expect(callFormula('DX_NUMBER', ['9007199254740991'])).toEqual([[9007199254740991]]);
    expect(callFormula('DX_NUMBER', [2 ** 53 + 2])).toEqual([[expect.objectContaining({ error: '#NUM!' })]]);
    expect(callFormula('DX_RATE', [1e20, 3])).toEqual([[expect.objectContaining({ error: '#NUM!' })]]);
  });

  test('two counts of 1e308 pooled: #NUM!, never Infinity', () => {
    expect(
      callFormula('DX_SUMRATE', [
        [[1e308], [1e308]],
        [[1], [1]],
      ]),
    ).toMatchObject({ error: '#NUM!' });
  });

  test('numbers are printed, never "NaN" or "Infinity"', () => {
    expect(formatNumber(Number('1111111111111111111111'))).toBe('1.111.111.111.111.111.081.984');
    expect(formatNumber(1e308)).toMatch(/^\d{1,3}(\.\d{3})+$/);
    expect(formatNumber(NaN)).toBe('—');
    expect(formatPercent(Infinity)).toBe('—');
    expect(formatRateWithCounts(5, 0)).toBe('— (5/0)');
    expect(roundTo(1e-7, 2)).toBe(0);
    expect(roundTo(1.005, 2)).toBe(1.01);
  });
});

describe("every range operation at a host's largest range: 1,048,576 × 1", () => {
  const numerators = Array.from({ length: ROWS }, (_, i) => [i % 100]);
  const denominators = Array.from({ length: ROWS }, () => [100]);

  test('DX_RATE element-wise and DX_SUMRATE pooled over the whole column', () => {
    const r = callFormula('DX_RATE', [numerators, denominators]) as unknown[][];
    expect(r).toHaveLength(ROWS);
    expect(r[ROWS - 1]).toEqual([((ROWS - 1) % 100) / 100]);
    const sum = numerators.reduce((s, [n]) => s + n, 0);
    expect(callFormula('DX_SUMRATE', [numerators, denominators])).toBeCloseTo(sum / (100 * ROWS), 12);
  });

  test('a sheet of 1,048,576 rows is laid out for a host in one pass', () => {
    const g = hostGrids({
      name: 'Lớn',
      rows: Array.from({ length: ROWS }, () => [null]),
      columnWidths: [],
      rowHeights: [],
      merges: [],
      validations: [],
      hidden: false,
    });
    expect([g.rows, g.columns]).toEqual([ROWS, 1]);
  });
});

describe('a count above 10^12 is an error at its cell, and never reaches a total', () => {
  const eid = (n: number, d: number): Edit[] => [
    { cover: 'reportDate', value: new Date(Date.UTC(2023, 6, 10)) },
    { table: 'T1', row: 'XHS.DDDT', field: 'numerator', value: n },
    { table: 'T1', row: 'XHS.DDDT', field: 'denominator', value: d },
  ];

  test('validation: SO-QUA-LON at the cell, 10^12 itself allowed', async () => {
    const { file, at } = await unitWorkbook([
      ...CONSISTENT,
      { table: 'T3a', row: '#1', field: 'dossiers', value: 1e13 },
    ]);
    const r = validateSheets(await (await XlsxWorkbook.open(file)).read(), { period: '2023-06' });
    const big = r.issues.filter((i) => i.rule === 'SO-QUA-LON');
    expect(big.map((i) => `${i.sheet}!${i.cell}`)).toEqual([at[at.length - 1]]);
    expect(big[0]).toMatchObject({ severity: 'loi', importance: 'cao' });
    expect(big[0].message).toContain('1.000.000.000.000');
    const edge = await sheetsOf([...CONSISTENT, { table: 'T3a', row: '#1', field: 'archived', value: 1e12 }]);
    expect(validateSheets(edge).issues.filter((i) => i.rule === 'SO-QUA-LON')).toEqual([]);
  });

  test('two units reporting 1e308: consolidation does not crash; the figures are left out and said', async () => {
    const sources = [
      { source: { file: 'a.xlsx' }, sheets: await sheetsOf(eid(1e308, 1e308), 'Phường Lộc Thọ') },
      { source: { file: 'b.xlsx' }, sheets: await sheetsOf(eid(1e308, 1e308), 'Phường Vạn Thạnh') },
      { source: { file: 'c.xlsx' }, sheets: await sheetsOf(eid(30, 90), 'Xã Vĩnh Ngọc') },
    ];
    const strict = consolidate(sources, { period: '2023-06' });
    expect(strict.summary.included.map((u) => u.unit)).toEqual(['Xã Vĩnh Ngọc']);
    expect(strict.summary.excluded.map((e) => e.reason)).toEqual([
      expect.stringContaining('vượt giới hạn 1.000.000.000.000'),
      expect.stringContaining('vượt giới hạn 1.000.000.000.000'),
    ]);
    const loose = consolidate(sources, { period: '2023-06', includeErrors: true });
    const eidTotal = loose.summary.indicators.find((i) => i.code === 'XHS.DDDT')!;
    expect(eidTotal).toMatchObject({ numerator: 30, denominator: 90, units: 1 });
    expect(loose.summary.warnings.filter((w) => w.includes('không được cộng'))).toHaveLength(4);
    // Nothing non-finite anywhere in what is written or shown.
    for (const i of loose.summary.indicators)
      expect([i.numerator, i.denominator, i.rate ?? 0].every(Number.isFinite)).toBe(true);
    for (const s of loose.sheets)
      for (const row of s.rows)
        for (const cell of row) if (typeof cell?.v === 'number') expect(Number.isFinite(cell.v)).toBe(true);
  });
});
