import fc from 'fast-check';
import { formatNumber, formatPercent, formatRateWithCounts, roundTo, truncateTo } from '../shared/numbers/format';
import { parseNumber } from '../shared/numbers/parse';
import { ParsedNumber } from '../shared/numbers/schema';

describe('parseNumber on the writings found in the seeds', () => {
  test.each([
    ['4.602', 'count', 4602, 'vi', false],
    ['4311', 'count', 4311, 'plain', false],
    ['48 682', 'count', 48682, 'space', false],
    ['48\u00A0682', 'count', 48682, 'space', false],
    ['68,67%', 'percent', 0.6867, 'vi', false],
    ['98.27%', 'percent', 0.9827, 'en', false],
    ['0,76%', 'percent', 0.0076, 'vi', false],
    ['00', 'count', 0, 'plain', false],
    ['09', 'count', 9, 'plain', false],
    ['100%', 'percent', 1, 'plain', false],
    ['421.62', 'decimal', 421.62, 'en', true],
    ['1,234', 'decimal', 1.234, 'vi', true],
    ['1.234.567', 'count', 1234567, 'vi', false],
    ['1,234,567', 'count', 1234567, 'en', false],
    ['1.234,5', 'decimal', 1234.5, 'vi', false],
    ['42,5', 'decimal', 42.5, 'vi', false],
    ['-7', 'count', -7, 'plain', false],
    ['1.000%', 'percent', 0.01, 'en', true],
  ] as const)('%s', (input, kind, value, convention, ambiguous) => {
    const p = parseNumber(input);
    expect(p.kind).toBe(kind);
    expect(p.value).toBeCloseTo(value, 12);
    expect(p.convention).toBe(convention);
    expect(p.ambiguous).toBe(ambiguous);
    expect(() => ParsedNumber.parse(p)).not.toThrow();
  });

  test('a ratio keeps both sides and the unit: "4.837 hộ/4886 hộ"', () => {
    expect(parseNumber('4.837 hộ/4886 hộ')).toMatchObject({
      kind: 'ratio',
      numerator: 4837,
      denominator: 4886,
      unit: 'hộ',
    });
    expect(parseNumber('103.223/311.736')).toMatchObject({ kind: 'ratio', numerator: 103223, denominator: 311736 });
  });

  test('a count with a word is not a number, and says why: "24 loại"', () => {
    const p = parseNumber('24 loại');
    expect(p).toMatchObject({ kind: 'nan', value: null, unit: 'loại' });
    expect(p.note).toContain('24');
  });

  test('blank and zero are different', () => {
    expect(parseNumber('').kind).toBe('blank');
    expect(parseNumber(null).kind).toBe('blank');
    expect(parseNumber('   ').kind).toBe('blank');
    expect(parseNumber(0)).toMatchObject({ kind: 'count', value: 0 });
    expect(parseNumber('0')).toMatchObject({ kind: 'count', value: 0 });
  });

  test('leading zeros are read but noted', () => {
    expect(parseNumber('09').note).toContain('số 0 đứng đầu');
  });
});

describe('formatting the vi-VN way', () => {
  test('seed figures', () => {
    expect(formatNumber(103223)).toBe('103.223');
    expect(formatNumber(129165000)).toBe('129.165.000');
    expect(formatPercent(103223 / 311736)).toBe('33,11%');
    expect(formatPercent(0.0076)).toBe('0,76%');
    expect(formatPercent(1, 0)).toBe('100%');
    expect(formatRateWithCounts(118103, 142378)).toBe('82,95% (118.103/142.378)');
    expect(formatNumber(-1234.5, 1)).toBe('-1.234,5');
  });

  test('rounding is decimal, not binary: 1,005 → 1,01; truncation keeps 98,9', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(truncateTo((4837 / 4886) * 100, 1)).toBe(98.9);
    expect(truncateTo(0.29 * 100, 0)).toBe(29);
  });
});

describe('properties', () => {
  test('parse(format(n)) = n for counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const p = parseNumber(formatNumber(n));
        return p.kind === 'count' && p.value === n && !p.ambiguous;
      }),
      { numRuns: 2000 },
    );
  });

  // Up to 999,99%: "1.000%" is flagged ambiguous on purpose (thousands group or decimal point).
  test('parse(format(r)) = r for rates at 0, 1 and 2 decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_949 }), fc.integer({ min: 0, max: 2 }), (hundredths, k) => {
        const shown = roundTo(hundredths / 100, k); // percentage points, as reported
        const p = parseNumber(formatPercent(shown / 100, k));
        return (
          p.kind === 'percent' && !p.ambiguous && Math.abs((p.value as number) * 100 - shown) < 1e-9 && p.decimals === k
        );
      }),
      { numRuns: 2000 },
    );
  });

  test('the parser never throws, and its result always fits the schema', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.constantFrom('%', '/', '.', ',', ' ', '1.2.3', '1//2', '%%', '-', '+'),
          fc.double(),
          fc.boolean(),
          fc.constant(null),
          fc.date(),
        ),
        (x) => {
          const p = parseNumber(x);
          ParsedNumber.parse(p);
          return p.value === null || Number.isFinite(p.value);
        },
      ),
      { numRuns: 5000 },
    );
  });

  test('a number with separators never parses to a different count silently', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 1e9 }), fc.constantFrom('.', ' ', '\u00A0'), (n, sep) => {
        const text = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        const p = parseNumber(text);
        return p.value === n && !p.ambiguous;
      }),
    );
  });
});
