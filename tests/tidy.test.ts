/*
 * The tidy export (issue 12, item 6) and reading it back (item 3): rows, CSV, the DX_DuLieu sheet through
 * the real .xlsx port, and the DuckDB query of the README checked against Phụ lục I's own totals.
 */
import fc from 'fast-check';
import { defaultCatalogue } from '../shared/catalogue/catalogue';
import { Submission } from '../shared/consolidate/collect';
import { Figure, figuresOf } from '../shared/consolidate/figures';
import { consolidateKpis, rateOf } from '../shared/consolidate/kpi';
import {
  BOM,
  MAX_SHEET_ROWS,
  MAX_TIDY_ROWS,
  plainNumber,
  readTidySheet,
  TIDY_COLUMNS,
  TIDY_SHEET,
  TidyRow,
  tidyCsv,
  tidyRows,
  tidySheet,
  UnitFigures,
  unguard,
} from '../shared/consolidate/tidy';
import { Aggregation, AGGREGATION_REASON } from '../shared/numbers/aggregation';
import { readUnitWorkbook } from '../shared/reading/unit-workbook';
import { NHA_TRANG } from '../shared/registry/data/nha-trang';
import { CellValue, SheetSpec } from '../shared/workbook/sheet-spec';
import { XlsxWorkbook } from '../xlsx/workbook';
import { CONSISTENT, Edit, unitWorkbook } from './helpers/unit-fixture';

const fig = (
  key: string,
  value: number | null,
  aggregation: Aggregation,
  cell: string,
  sheet = 'T1 Chỉ tiêu',
  label = key,
): Figure => ({
  key,
  table: key.startsWith('T') ? key.split('/')[0] : 'T1',
  label,
  measure: '',
  value,
  aggregation,
  reason: AGGREGATION_REASON[aggregation],
  sheet,
  cell,
});

/** Seed 003: 118.103 e-ID accounts of 142.378 adults (stocks), 24.020 = 23.987 + 33 dossiers (flows), 9 months. */
const VINH_HOA: UnitFigures = {
  unit: { code: 'NT-P01', name: 'Phường Vĩnh Hòa', group: 'ubnd-xa-phuong', level: 'xa' },
  period: { start: '2023-01-01', end: '2023-09-30' },
  source: 'vinh-hoa.xlsx',
  figures: [
    fig('XHS.03/tu-so', 118103, 'last', 'E40', 'T1 Chỉ tiêu', 'Người trưởng thành có tài khoản định danh điện tử'),
    fig('XHS.03/mau-so', 142378, 'last', 'F40', 'T1 Chỉ tiêu', 'Dân số trưởng thành'),
    fig('T3b/received', 24020, 'sum', 'C6', 'T3 TTHC', 'Hồ sơ tiếp nhận, giải quyết'),
    fig('T3b/onTime', 23987, 'sum', 'D6', 'T3 TTHC', 'Đúng hạn'),
    fig('T3b/late', 33, 'sum', 'E6', 'T3 TTHC', 'Trễ hạn'),
    fig('T4/received', null, 'sum', 'C6', 'T4 Phản ánh', 'Tiếp nhận'),
  ],
};

/** A unit name that is a formula: it must stay text in the CSV and in the sheet. */
const HOSTILE: UnitFigures = {
  unit: { code: 'NT-CQ01', name: '=HYPERLINK("http://x.vn","Bấm")', group: 'co-quan-chuyen-mon' },
  period: { start: '2023-01-01', end: '2023-09-30' },
  source: 'noi-vu, bản 2.xlsx',
  figures: [fig('XHS.03/tu-so', 1500.5, 'last', 'E40', 'T1 Chỉ tiêu', 'Dòng 1\nDòng 2')],
};

describe('tidy rows', () => {
  test('one row per unit × period × figure, by unit code, blanks empty and never 0', () => {
    const rows = tidyRows([VINH_HOA, HOSTILE]);
    expect(TidyRow.array().parse(rows)).toEqual(rows);
    expect(rows.map((r) => [r.unit_code, r.figure, r.value])).toEqual([
      ['NT-CQ01', 'XHS.03/tu-so', 1500.5],
      ['NT-P01', 'XHS.03/tu-so', 118103],
      ['NT-P01', 'XHS.03/mau-so', 142378],
      ['NT-P01', 'T3b/received', 24020],
      ['NT-P01', 'T3b/onTime', 23987],
      ['NT-P01', 'T3b/late', 33],
      ['NT-P01', 'T4/received', null],
    ]);
    expect(rows[1]).toEqual({
      unit_code: 'NT-P01',
      unit_name: 'Phường Vĩnh Hòa',
      level: 'xa',
      unit_group: 'ubnd-xa-phuong',
      period_start: '2023-01-01',
      period_end: '2023-09-30',
      figure: 'XHS.03/tu-so',
      label: 'Người trưởng thành có tài khoản định danh điện tử',
      value: 118103,
      aggregation: 'last',
      source_file: 'vinh-hoa.xlsx',
      source_cell: "'T1 Chỉ tiêu'!E40",
    });
    // The flows add up as the seed publishes them.
    const v = (k: string) => rows.find((r) => r.unit_code === 'NT-P01' && r.figure === k)!.value!;
    expect(v('T3b/onTime') + v('T3b/late')).toBe(v('T3b/received'));
  });

  test('a period that is not an ISO day is a programming slip, said in Vietnamese', () => {
    expect(() => tidyRows([{ ...VINH_HOA, period: { start: '1/1/2023', end: '2023-09-30' } }])).toThrow(
      /Kỳ của đơn vị/,
    );
  });

  test('a sheet holds what Excel holds; beyond, the CSV is the way', () => {
    const rows = new Array<TidyRow>(MAX_SHEET_ROWS);
    expect(() => tidySheet(rows)).toThrow(
      'Dữ liệu có 1.048.576 dòng, quá số dòng một trang tính chứa được (1.048.575): hãy xuất ra tệp CSV.',
    );
    // Streamed rows are counted to the end, past the bound, so the message says how many there were.
    const streamed = function* (n: number) {
      for (let i = 0; i < n; i++) yield tidyRows([VINH_HOA])[0];
    };
    expect(tidySheet(streamed(4), 5).rows).toHaveLength(5);
    expect(() => tidySheet(streamed(7), 5)).toThrow('Dữ liệu có 7 dòng, quá số dòng một trang tính chứa được (4)');
  });

  test('numbers are written with a dot, no separators and no exponent', () => {
    expect(plainNumber(118103)).toBe('118103');
    expect(plainNumber(42.5)).toBe('42.5');
    expect(plainNumber(1.5e-7)).toBe('0.00000015');
    expect(plainNumber(-2e-9)).toBe('-0.000000002');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(-0)).toBe('0');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = plainNumber(x);
        expect(s).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(s)).toBe(x === 0 ? 0 : x);
      }),
    );
  });
});

describe('tidy CSV', () => {
  test('a small case, exactly: BOM, header, CRLF, quoting, the formula guard, empty blanks', () => {
    const csv = tidyCsv(tidyRows([VINH_HOA, HOSTILE]));
    const common = 'ubnd-xa-phuong,2023-01-01,2023-09-30';
    expect(csv).toBe(
      '\uFEFFunit_code,unit_name,level,unit_group,period_start,period_end,figure,label,value,aggregation,source_file,' +
        'source_cell\r\n' +
        'NT-CQ01,"\'=HYPERLINK(""http://x.vn"",""Bấm"")",,co-quan-chuyen-mon,2023-01-01,2023-09-30,XHS.03/tu-so,' +
        '"Dòng 1\nDòng 2",1500.5,last,"noi-vu, bản 2.xlsx",\'T1 Chỉ tiêu\'!E40\r\n' +
        `NT-P01,Phường Vĩnh Hòa,xa,${common},XHS.03/tu-so,Người trưởng thành có tài khoản định danh điện tử,` +
        "118103,last,vinh-hoa.xlsx,'T1 Chỉ tiêu'!E40\r\n" +
        `NT-P01,Phường Vĩnh Hòa,xa,${common},XHS.03/mau-so,Dân số trưởng thành,142378,last,vinh-hoa.xlsx,` +
        "'T1 Chỉ tiêu'!F40\r\n" +
        `NT-P01,Phường Vĩnh Hòa,xa,${common},T3b/received,"Hồ sơ tiếp nhận, giải quyết",24020,sum,vinh-hoa.xlsx,` +
        "'T3 TTHC'!C6\r\n" +
        `NT-P01,Phường Vĩnh Hòa,xa,${common},T3b/onTime,Đúng hạn,23987,sum,vinh-hoa.xlsx,'T3 TTHC'!D6\r\n` +
        `NT-P01,Phường Vĩnh Hòa,xa,${common},T3b/late,Trễ hạn,33,sum,vinh-hoa.xlsx,'T3 TTHC'!E6\r\n` +
        `NT-P01,Phường Vĩnh Hòa,xa,${common},T4/received,Tiếp nhận,,sum,vinh-hoa.xlsx,'T4 Phản ánh'!C6\r\n`,
    );
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  test('every field a spreadsheet would run is guarded, and the guard can be undone', () => {
    const row = (name: string) => tidyRows([{ ...HOSTILE, unit: { ...HOSTILE.unit, name } }])[0];
    for (const name of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', "'=x"]) {
      const field = parseCsv(tidyCsv([row(name)]))[1][1];
      expect(field.startsWith("'")).toBe(true);
      expect(unguard(field)).toBe(name);
    }
    // Numbers are data, not text: a negative count stays a number.
    expect(parseCsv(tidyCsv([{ ...row('x'), value: -5 }]))[1][8]).toBe('-5');
  });
});

/** RFC 4180 as the test reads it: quoted fields with doubled quotes and line breaks, CRLF between records. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith(BOM)).toBe(true);
  const s = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (s[i + 1] === '"') field += s[++i];
      else quoted = false;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

/** The parsed CSV as rows again: empty value is blank, other values numbers, text unguarded. */
function rowsOfCsv(text: string): TidyRow[] {
  const [header, ...lines] = parseCsv(text);
  expect(header).toEqual(TIDY_COLUMNS);
  return lines.map((fields) => {
    const rec: Record<string, unknown> = {};
    TIDY_COLUMNS.forEach((k, i) => {
      rec[k] = k === 'value' ? (fields[i] === '' ? null : Number(fields[i])) : unguard(fields[i]);
    });
    return rec as TidyRow;
  });
}

/** Phụ lục I's totals from a CSV, as the README's DuckDB query computes them (its two GROUP BYs, in order). */
function duckdbTotals(rows: TidyRow[]): Map<string, { n: number; d: number; rate: number | null }> {
  const inner = new Map<string, { code: string; n: number | null; d: number | null }>();
  for (const r of rows) {
    const part = r.figure.endsWith('/tu-so') ? 'n' : r.figure.endsWith('/mau-so') ? 'd' : null;
    if (!part) continue;
    const code = r.figure.split('/')[0];
    const id = [r.unit_code, r.period_start, r.period_end, code].join('|');
    const g = inner.get(id) ?? { code, n: null, d: null };
    if (r.value !== null) g[part] = (g[part] ?? 0) + r.value;
    inner.set(id, g);
  }
  const out = new Map<string, { n: number; d: number; rate: number | null }>();
  for (const g of inner.values()) {
    if (g.n === null || g.d === null) continue;
    const t = out.get(g.code) ?? { n: 0, d: 0, rate: null };
    t.n += g.n;
    t.d += g.d;
    t.rate = t.d === 0 ? null : t.n / t.d;
    out.set(g.code, t);
  }
  return out;
}

const code = fc.stringMatching(/^[A-Z]{2}-[A-Z0-9]{1,4}$/);
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tx', '\rx', "'=x", 'a,b', 'a"b', 'a\r\nb', ' x '),
  fc.constantFrom('Phường Vĩnh Hòa', 'UBND xã Vĩnh Lương', 'Sở Khoa học và Công nghệ'),
);
const day = fc
  .date({ min: new Date(Date.UTC(2023, 0, 1)), max: new Date(Date.UTC(2026, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const KEYS = ['XHS.03/tu-so', 'XHS.03/mau-so', 'T3b/received', 'T3b/onTime', 'T3b/late', 'T3a/dossiers#2'];
const randomUnits = (value: fc.Arbitrary<number | null>) =>
  fc.array(
    fc.record({
      unit: fc.record({ code, name: text, group: text, level: fc.option(text, { nil: undefined }) }),
      period: fc.tuple(day, day).map(([a, b]) => (a <= b ? { start: a, end: b } : { start: b, end: a })),
      source: text,
      figures: fc
        .uniqueArray(fc.constantFrom(...KEYS), { minLength: 1 })
        .chain((keys) =>
          fc.tuple(
            ...keys.map((k) =>
              fc
                .tuple(value, fc.constantFrom(...Aggregation.options), text)
                .map(([v, a, label]) => fig(k, v, a, 'C6', 'T3 TTHC', label)),
            ),
          ),
        ),
    }),
    { maxLength: 8 },
  );

describe('tidy properties', () => {
  test('re-aggregating the rows by figure (Σ over units) gives the sums of the inputs', () => {
    const count = fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null });
    fc.assert(
      fc.property(randomUnits(count), (units) => {
        const rows = tidyRows(units);
        expect(rows).toHaveLength(units.reduce((n, u) => n + u.figures.length, 0));
        const sum = (pairs: Array<[string, number | null]>) => {
          const m = new Map<string, number>();
          for (const [k, v] of pairs) if (v !== null) m.set(k, (m.get(k) ?? 0) + v);
          return m;
        };
        const fromRows = sum(rows.map((r) => [r.figure, r.value]));
        const fromInputs = sum(units.flatMap((u) => u.figures.map((f) => [f.key, f.value] as [string, number | null])));
        expect(fromRows).toEqual(fromInputs);
      }),
      { numRuns: 200 },
    );
  });

  test('CSV → parse gives the rows back, whatever the text', () => {
    const value = fc.option(
      fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.double({ min: -1e12, max: 1e12, noNaN: true })),
      { nil: null },
    );
    fc.assert(
      fc.property(randomUnits(value.map((v) => (v === 0 ? 0 : v))), (units) => {
        const rows = tidyRows(units);
        expect(rowsOfCsv(tidyCsv(rows))).toEqual(rows);
      }),
      { numRuns: 200 },
    );
  });
});

/** What the pane or the command line does with a unit's file: read it as a submission. */
async function submission(edits: Edit[], unitName: string): Promise<{ sub: Submission; port: XlsxWorkbook }> {
  const { file } = await unitWorkbook(edits, unitName);
  const port = await XlsxWorkbook.open(file);
  const unit = NHA_TRANG.units.find((u) => u.name === unitName)!;
  const sub: Submission = {
    source: { file: 'unit.xlsx' },
    unit,
    period: '2023-06',
    completedAt: null,
    version: null,
    read: readUnitWorkbook(await port.read()),
    issues: [],
  };
  return { sub, port };
}

const unitFiguresOf = (sub: Submission): UnitFigures => ({
  unit: { code: sub.unit.code, name: sub.unit.name, group: sub.unit.group, level: 'xa' },
  period: { start: '2023-06-01', end: '2023-06-30' },
  source: sub.source.file!,
  figures: figuresOf(sub, defaultCatalogue()),
});

describe('tidy export of real unit workbooks', () => {
  let a: { sub: Submission; port: XlsxWorkbook };
  let b: { sub: Submission; port: XlsxWorkbook };
  beforeAll(async () => {
    a = await submission(CONSISTENT, 'Phường Vĩnh Hòa');
    b = await submission(
      [
        { table: 'T1', row: 'XHS.03', field: 'numerator', value: '118.103' },
        { table: 'T1', row: 'XHS.03', field: 'denominator', value: 142378 },
        // A numerator without its denominator: Phụ lục I leaves the pair out, so must the query.
        { table: 'T1', row: 'XHS.DDDT', field: 'numerator', value: 3000 },
        { table: 'T1', row: 'CQS.TTTT', field: 'numerator', value: 100 },
        { table: 'T1', row: 'CQS.TTTT', field: 'denominator', value: 200 },
        { table: 'T3b', row: '#1', field: 'received', value: '24.020' },
        { table: 'T3b', row: '#1', field: 'onTime', value: '23.987' },
        { table: 'T3b', row: '#1', field: 'late', value: 33 },
      ],
      'Phường Vĩnh Hải',
    );
  });

  test('each row names the cell its value was read from', async () => {
    const rows = tidyRows([unitFiguresOf(a.sub)]);
    const dddt = rows.find((r) => r.figure === 'XHS.DDDT/tu-so')!;
    expect(dddt).toMatchObject({ value: 100985, aggregation: 'last', unit_code: 'NT-P01' });
    const [, sheet, cell] = /^'(.+)'!([A-Z]+\d+)$/.exec(dddt.source_cell)!;
    expect(a.port.book.getWorksheet(sheet)!.getCell(cell).value).toBe(100985);
    expect(rows.find((r) => r.figure === 'T3b/received')).toMatchObject({ value: 24020, aggregation: 'sum' });
    // A figure the unit left blank is a row with an empty value, not a 0.
    const blanks = rows.filter((r) => r.value === null);
    expect(blanks.length).toBeGreaterThan(0);
    expect(tidyCsv(blanks).split('\r\n')[1]).toMatch(/,,(sum|last|none),/);
  });

  test("the README's DuckDB query rebuilds Phụ lục I's totals from the CSV", () => {
    const subs = [a.sub, b.sub];
    const kpi = consolidateKpis(subs, defaultCatalogue());
    const got = duckdbTotals(rowsOfCsv(tidyCsv(tidyRows(subs.map(unitFiguresOf)))));
    expect([...got.keys()].sort()).toEqual([...kpi.total.keys()].sort());
    for (const [c, s] of kpi.total) expect(got.get(c)).toEqual({ n: s.numerator, d: s.denominator, rate: rateOf(s) });
    expect(got.get('XHS.03')).toEqual({ n: 118103, d: 142378, rate: 118103 / 142378 });
    // The pair a unit half filled is left out, as Phụ lục I leaves it out: 100.985 / 237.649, not 103.985.
    expect(got.get('XHS.DDDT')).toMatchObject({ n: 100985, d: 237649 });
    expect(got.get('CQS.TTTT')).toMatchObject({ n: 5909 + 100, d: 10123 + 200 });
  });

  test('DX_DuLieu through the .xlsx port reads back to the same figures', async () => {
    const units = [unitFiguresOf(a.sub), unitFiguresOf(b.sub), VINH_HOA, HOSTILE].map((u, i) =>
      i === 1 ? { ...u, unit: { ...u.unit, level: undefined } } : u,
    );
    const port = new XlsxWorkbook();
    const spec = tidySheet(tidyRows(units));
    // Built without SheetSpec.parse (a province's export is large): it is a valid spec all the same.
    expect(SheetSpec.parse(spec)).toEqual(spec);
    await port.write([spec]);
    const back = await XlsxWorkbook.fromBuffer(await port.toBuffer(), 'annexes.xlsx');
    const [snap] = await back.read([TIDY_SHEET]);
    expect(snap.hidden).toBe(true);
    expect(snap.values[0]).toEqual(TIDY_COLUMNS);
    expect(snap.formulas!.flat().every((f) => f === null)).toBe(true);
    const hostile = snap.values.find((r) => r[0] === 'NT-CQ01')!;
    expect(hostile[1]).toBe('=HYPERLINK("http://x.vn","Bấm")');
    expect(hostile[4]).toBeInstanceOf(Date);
    expect(hostile[8]).toBe(1500.5);
    const { units: read, errors } = readTidySheet(snap.values);
    expect(errors).toEqual([]);
    expect(read).toEqual(expected(units));
  });
});

/** Unit code, then period (ASCII codes and ISO days sort alike in any collation). */
const order = (u: UnitFigures) => `${u.unit.code} ${u.period.start} ${u.period.end} ${u.source}`;

/** What a read-back holds: the columns' content; the measure and a figure's own reason come from the catalogue. */
function expected(units: UnitFigures[]): UnitFigures[] {
  return [...units]
    .sort((x, y) => order(x).localeCompare(order(y), 'en'))
    .map((u) => ({
      unit: {
        code: u.unit.code,
        name: u.unit.name,
        group: u.unit.group,
        ...(u.unit.level ? { level: u.unit.level } : {}),
      },
      period: u.period,
      source: u.source,
      figures: u.figures.map((f) => ({
        ...f,
        measure: '',
        reason: AGGREGATION_REASON[f.aggregation],
      })),
    }));
}

describe('reading DX_DuLieu', () => {
  const H = [...TIDY_COLUMNS] as CellValue[];
  const good = (over: Partial<Record<(typeof TIDY_COLUMNS)[number], CellValue>>): CellValue[] => {
    const base: Record<string, CellValue> = {
      unit_code: 'NT-P01',
      unit_name: 'Phường Vĩnh Hòa',
      level: '',
      group: 'ubnd-xa-phuong',
      period_start: '2023-01-01',
      period_end: '2023-09-30',
      figure: 'XHS.03/tu-so',
      label: 'Người trưởng thành có tài khoản định danh điện tử',
      value: 118103,
      aggregation: 'last',
      source_file: 'vinh-hoa.xlsx',
      source_cell: "'T1 Chỉ tiêu'!E40",
      ...over,
    };
    return TIDY_COLUMNS.map((k) => base[k]);
  };

  test('what hosts store: numbers as text, periods as serials, Dates or text, labels of the aggregation', () => {
    const grid: CellValue[][] = [
      H,
      good({ value: '118103', period_start: 44927, period_end: new Date(2023, 8, 30) }),
      good({ figure: 'XHS.03/mau-so', value: ' 142378 ', aggregation: 'Lấy số mới nhất' }),
      good({ figure: 'T3b/received', value: 24020, aggregation: 'sum', source_cell: "'T3 TTHC'!C6" }),
      [],
      good({ figure: 'T4/received', value: '', aggregation: 'sum', source_cell: null }),
    ];
    const { units, errors } = readTidySheet(grid);
    expect(errors).toEqual([]);
    expect(units).toHaveLength(1);
    expect(units[0].period).toEqual({ start: '2023-01-01', end: '2023-09-30' });
    expect(units[0].figures.map((f) => [f.key, f.value, f.aggregation, f.table, f.sheet, f.cell])).toEqual([
      ['XHS.03/tu-so', 118103, 'last', 'T1', 'T1 Chỉ tiêu', 'E40'],
      ['XHS.03/mau-so', 142378, 'last', 'T1', 'T1 Chỉ tiêu', 'E40'],
      ['T3b/received', 24020, 'sum', 'T3b', 'T3 TTHC', 'C6'],
      ['T4/received', null, 'sum', 'T4', '', ''],
    ]);
  });

  test('columns in any order, found by their names', () => {
    const order = [...TIDY_COLUMNS].reverse();
    const row = good({});
    const grid = [order as CellValue[], order.map((k) => row[TIDY_COLUMNS.indexOf(k)])];
    expect(readTidySheet(grid).units[0].figures[0].value).toBe(118103);
  });

  test('bad rows are reported at their cells, in Vietnamese, and left out', () => {
    const grid: CellValue[][] = [
      H,
      good({}),
      good({ figure: 'XHS.03/mau-so', aggregation: 'avg' }),
      good({ figure: 'T3b/received', value: 'khoảng 24 nghìn' }),
      good({ figure: 'T3b/late', unit_code: '' }),
      good({ figure: 'T3b/onTime', period_start: null }),
      good({ figure: 'T3b/onTime', period_end: '31/13/2023' }),
      good({ figure: 'T3b/onTime', period_end: '2022-12-31' }),
      good({ figure: 'T3b/onTime', value: 1e15 }),
      good({ figure: 'T3b/onTime', value: true }),
      good({}),
    ];
    const { units, errors } = readTidySheet(grid);
    expect(errors).toEqual([
      { cell: 'DX_DuLieu!J3', message: 'Cách cộng (aggregation) “avg” không hợp lệ: dùng sum, last hoặc none.' },
      {
        cell: 'DX_DuLieu!I4',
        message: 'Giá trị (value) “khoảng 24 nghìn” không phải là số (viết chữ số, dấu chấm trước phần thập phân).',
      },
      { cell: 'DX_DuLieu!A5', message: 'Thiếu mã đơn vị (unit_code).' },
      { cell: 'DX_DuLieu!E6', message: 'Thiếu ngày đầu kỳ (period_start).' },
      {
        cell: 'DX_DuLieu!F7',
        message: 'Ngày cuối kỳ (period_end) “31/13/2023” không đọc được: cần một ngày, dạng 2023-06-30.',
      },
      { cell: 'DX_DuLieu!F8', message: 'Ngày cuối kỳ (period_end) 2022-12-31 trước ngày đầu kỳ 2023-01-01.' },
      {
        cell: 'DX_DuLieu!I9',
        message: 'Giá trị (value) “1000000000000000” vượt quá 1.000.000.000.000: không phải một số đếm được.',
      },
      {
        cell: 'DX_DuLieu!I10',
        message: 'Giá trị (value) “true” không phải là số (viết chữ số, dấu chấm trước phần thập phân).',
      },
      {
        cell: 'DX_DuLieu!G11',
        message:
          'Số liệu “XHS.03/tu-so” của đơn vị “NT-P01”, kỳ 2023-01-01 – 2023-09-30 đã có ở dòng 2: dòng này bị bỏ ' +
          'qua để không cộng hai lần.',
      },
    ]);
    expect(units).toHaveLength(1);
    expect(units[0].figures.map((f) => f.key)).toEqual(['XHS.03/tu-so']);
  });

  test('a sheet without its columns, and one beyond the bound, are refused with one message', () => {
    expect(readTidySheet([['unit_code', 'value']], 'Dữ liệu')).toEqual({
      units: [],
      errors: [
        {
          cell: "'Dữ liệu'!A1",
          message: 'Dòng 1 của trang Dữ liệu thiếu cột period_start, period_end, figure, aggregation.',
        },
      ],
    });
    const huge: CellValue[][] = new Array(MAX_TIDY_ROWS + 2);
    huge[0] = H;
    const r = readTidySheet(huge);
    expect(r.units).toEqual([]);
    expect(r.errors).toEqual([
      {
        cell: 'DX_DuLieu!A1',
        message: 'Trang DX_DuLieu có 2.000.001 dòng, quá 2.000.000 dòng đọc được: không đọc trang này.',
      },
    ]);
  });
});
