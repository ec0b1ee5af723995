/*
 * Fuzzing the parts that take what staff type (issue 11): the number parser, the table reader and the
 * validator over random grids built from the real labels, numbers written every way, blanks, error
 * values, hostile text. A short run is part of `npm test`; the long run is
 *   FUZZ_RUNS=100000 npx jest tests/fuzz.test.ts
 * (README "An toàn dữ liệu / Data safety" gives its last measured time).
 */
import fc from 'fast-check';
import { parseNumber } from '../shared/numbers/parse';
import { findTable, readTable } from '../shared/tables/read';
import { FAMILIES } from '../shared/templates/families';
import { validateSheets } from '../shared/validation/validate';
import { CellValue } from '../shared/workbook/sheet-spec';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const TABLES = FAMILIES.flatMap((f) => f.tables);
const LABELS = TABLES.flatMap((t) => t.columns.flatMap((c) => [c.label, ...c.variants, ...(c.group ? [c.group] : [])]));
const COVER = ['Đơn vị báo cáo', 'Kỳ báo cáo', 'Ngày báo cáo', 'Người lập', 'Hoàn thành lúc', 'Phiên bản mẫu'];

/** What staff put in a cell: numbers every way, labels, names, periods, dates, errors, hostile text. */
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.integer({ min: -10, max: 1_000_000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 2, arbitrary: fc.constantFrom(...LABELS, ...COVER) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '4.602',
      '68,67%',
      '48 682',
      '421.62',
      '24 loại',
      '100%',
      '4.837/4.886',
      '1e308',
      'NaN',
      '-',
      'x',
      'X',
      'Đạt',
      'Chưa đạt',
      'Phường 1',
      'Pường 1',
      'tháng 6/2023',
      '6/2023',
      'Quý II/2023',
      '2022-2024',
      'Thường xuyên',
      '#REF!',
      '#DIV/0!',
      '=1+1',
      '\u202eVạn Thạnh',
      'Kh\u0061\u0300nh Ho\u0300a',
      'I.',
      'CỘNG',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.date({ min: new Date(1990, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.boolean() },
);

const grid = fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 30 });
const sheetName = fc.constantFrom('Thông tin chung', 'T1 Chỉ tiêu', 'T4 Phản ánh', 'Báo cáo', 'Sheet1', 'DX_CauHinh');
const sheets = fc.uniqueArray(fc.record({ name: sheetName, values: grid }), {
  selector: (s) => s.name,
  minLength: 1,
  maxLength: 4,
});

describe(`fuzzing (${RUNS} runs each)`, () => {
  test('parseNumber never throws and never gives a non-finite value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), cell), (raw) => {
        const p = parseNumber(raw as never);
        return p.value === null || Number.isFinite(p.value);
      }),
      { numRuns: RUNS },
    );
  });

  test('the table reader never throws and finds rows only inside the grid', () => {
    fc.assert(
      fc.property(grid, fc.constantFrom(...TABLES), (g, spec) => {
        const layout = findTable(g, spec);
        if (!layout) return true;
        const t = readTable('S', g, spec, layout);
        return t.rows.every((r) => r.row >= 0 && r.row < g.length);
      }),
      { numRuns: RUNS },
    );
  });

  test('the validator never throws; every issue names an existing sheet, an A1 cell and a message', () => {
    fc.assert(
      fc.property(sheets, (book) => {
        const report = validateSheets(book, { now: new Date(2023, 6, 10) });
        const names = new Set<string>(book.map((s) => s.name));
        return report.issues.every(
          (i) =>
            names.has(i.sheet) &&
            /^[A-Z]{1,3}[1-9]\d*(:[A-Z]{1,3}[1-9]\d*)?$/.test(i.cell) &&
            i.message.length > 0 &&
            // What a unit wrote is quoted “…” and may say anything; the product's own words never these.
            !/undefined|NaN|\[object/.test(i.message.replace(/“[^”]*”/g, '')),
        );
      }),
      { numRuns: RUNS },
    );
  });
});
