/**
 * Any period from monthly reports (issue 12, items 1 and 2): each unit's reports in the range are combined
 * figure by figure by their aggregation type — flows summed, stocks the latest value — and rates recomputed
 * as Σnumerator / Σdenominator. Seed figures are the reference: seed 003's 9-month one-stop dossiers
 * (24.020 = 23.987 + 33) and its e-ID accounts (118.103 of 142.378 adults, a stock), seed 000's 6-month
 * feedback (65 received = 55 resolved (48 on time, 7 late) + 10 in process (1, 9)).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultCatalogue } from '../shared/catalogue/catalogue';
import { consolidate } from '../shared/consolidate/consolidate';
import { Submission } from '../shared/consolidate/collect';
import { monthSpan, parsePeriod, spanWords } from '../shared/dates/period';
import { columnAggregation } from '../shared/consolidate/figures';
import { figureOf } from '../shared/consolidate/kpi';
import { AGGREGATION_BY_MEASURE, AGGREGATION_LABEL, AGGREGATION_REASON } from '../shared/numbers/aggregation';
import { columnLabel, FIGURE_COLUMNS } from '../shared/templates/aggregations';
import { builtInConfig } from '../shared/templates/config-sheet';
import { tableSpec } from '../shared/templates/families';
import { SheetSnapshot } from '../shared/workbook/port';
import { XlsxWorkbook } from '../xlsx/workbook';
import { TIDY_COLUMNS } from '../shared/consolidate/tidy';
import { rangeOf } from '../ui/consolidate-panel';
import { runMain } from './helpers/cli';
import { Edit, unitWorkbook } from './helpers/unit-fixture';

type Source = { source: { file: string }; sheets: SheetSnapshot[] };

/** Splits a total into n whole parts (the last takes the rest), as months add up to a period's figure. */
const split = (total: number, n: number) =>
  Array.from({ length: n }, (_, k) => (k < n - 1 ? Math.floor(total / n) : total - Math.floor(total / n) * (n - 1)));

async function monthly(unit: string, month: number, edits: Edit[], year = 2023): Promise<Source> {
  const reported: Edit = { cover: 'reportDate', value: new Date(Date.UTC(year, month, 5)) };
  const period = `${year}-${String(month).padStart(2, '0')}`;
  const { file } = await unitWorkbook([reported, ...edits], unit, period);
  return { source: { file: `${unit} ${period}.xlsx` }, sheets: await (await XlsxWorkbook.open(file)).read() };
}

const cell = (sub: Submission, table: string, field: string, code?: string) => {
  const rows = sub.read.tables.find((t) => t.table === table)!.rows.filter((r) => r.kind === 'item');
  return figureOf((code ? rows.find((r) => r.cells.code === code)! : rows[0]).cells[field]);
};

/** Seed 003, 9 months: one-stop dossiers as monthly flows; e-ID accounts growing month by month to 118.103. */
async function nineMonths(unit: string, skip: number[] = []): Promise<Source[]> {
  const received = split(24020, 9);
  const onTime = split(23987, 9);
  const out: Source[] = [];
  for (let m = 1; m <= 9; m++) {
    if (skip.includes(m)) continue;
    out.push(
      await monthly(unit, m, [
        { table: 'T3b', row: '#1', field: 'received', value: received[m - 1] },
        { table: 'T3b', row: '#1', field: 'onTime', value: onTime[m - 1] },
        { table: 'T3b', row: '#1', field: 'late', value: received[m - 1] - onTime[m - 1] },
        { table: 'T3b', row: '#1', field: 'inProcess', value: 0 },
        { table: 'T1', row: 'XHS.DDDT', field: 'numerator', value: 118103 - (9 - m) * 1500 },
        { table: 'T1', row: 'XHS.DDDT', field: 'denominator', value: 142378 },
      ]),
    );
  }
  return out;
}

/** Seed 000 §6, 6 months: all feedback resolved until June, when 10 remain in process (1 on time, 9 late). */
async function sixMonths(unit: string): Promise<Source[]> {
  const resolved = [9, 9, 9, 9, 9, 10];
  const onTime = [8, 8, 8, 8, 8, 8];
  const out: Source[] = [];
  for (let m = 1; m <= 6; m++) {
    const pending = m === 6 ? [10, 1, 9] : [0, 0, 0];
    const values = [
      resolved[m - 1] + pending[0],
      resolved[m - 1],
      onTime[m - 1],
      resolved[m - 1] - onTime[m - 1],
      ...pending,
    ];
    const fields = ['received', 'resolved', 'resolvedOnTime', 'resolvedLate', 'inProcess', 'inProcessOnTime'];
    const edits: Edit[] = [...fields, 'inProcessLate'].map((field, i) => ({
      table: 'T4',
      row: '#1',
      field,
      value: values[i],
    }));
    out.push(await monthly(unit, m, edits));
  }
  return out;
}

describe('aggregation types are data', () => {
  test('each figure of the catalogue and of the unit tables has a type and a one-line reason', () => {
    for (const ind of defaultCatalogue())
      for (const q of [ind.numerator, ind.denominator]) {
        expect(['sum', 'last', 'none']).toContain(q.aggregation);
        expect(q.reason).toMatch(/\.$/);
      }
    const dddt = defaultCatalogue().find((i) => i.code === 'XHS.DDDT')!;
    expect([dddt.numerator.aggregation, dddt.denominator.aggregation]).toEqual(['last', 'last']);
    const online = defaultCatalogue().find((i) => i.code === 'CQS.TTTT')!;
    expect([online.numerator.aggregation, online.denominator.aggregation]).toEqual(['sum', 'sum']);
    const t4 = tableSpec('T4').columns;
    const of = (key: string) => columnAggregation(t4.find((c) => c.key === key)!).aggregation;
    expect([of('received'), of('resolved'), of('inProcess'), of('inProcessLate')]).toEqual([
      'sum',
      'sum',
      'last',
      'last',
    ]);
  });

  test('the ranges of the command line and their words', () => {
    const words = (p: string) => spanWords(monthSpan(parsePeriod(p))!);
    expect(words('2023-06')).toBe('tháng 6/2023');
    expect(words('2023-Q3')).toBe('quý III/2023');
    expect(words('2023-H1')).toBe('6 tháng đầu năm 2023');
    expect(words('2023-H2')).toBe('6 tháng cuối năm 2023');
    expect(words('2023-9M')).toBe('9 tháng năm 2023');
    expect(words('2023')).toBe('năm 2023');
    expect(words('9 tháng năm 2023')).toBe('9 tháng năm 2023');
    expect(parsePeriod('2023-13M')).toBeNull();
    // The pane's month and "Tổng hợp theo" choice, as the command line writes the range.
    expect(['month', 'quarter', 'H1', 'H2', '9M', 'year'].map((x) => rangeOf('2023-08', x))).toEqual([
      '2023-08',
      '2023-Q3',
      '2023-H1',
      '2023-H2',
      '2023-9M',
      '2023',
    ]);
    expect(rangeOf('', 'quarter')).toBeUndefined();
  });
});

describe('9 months of seed 003 from monthly reports', () => {
  test('flows are summed (24.020 = 23.987 + 33), the stock is the latest (118.103 / 142.378, not ×9)', async () => {
    const c = consolidate(await nineMonths('Phường Lộc Thọ'), { period: '2023-9M' });
    expect(c.summary.included).toHaveLength(1);
    const sub = c.collected.included[0];
    expect(sub.period).toBe('9 tháng năm 2023');
    expect([cell(sub, 'T3b', 'received'), cell(sub, 'T3b', 'onTime'), cell(sub, 'T3b', 'late')]).toEqual([
      24020, 23987, 33,
    ]);
    expect(c.summary.indicators.find((i) => i.code === 'XHS.DDDT')).toMatchObject({
      numerator: 118103,
      denominator: 142378,
    });
    expect(c.summary.warnings.filter((w) => w.includes('thiếu'))).toEqual([]);
    // Phụ lục II lists the nine months, each reported.
    const ii = c.sheets.find((s) => s.name === 'Phụ lục II')!;
    const header = ii.rows.find((r) => r[0]?.v === 'STT')!.slice(2);
    expect(header.map((h) => h?.v)).toEqual(
      Array.from({ length: 9 }, (_, k) => `Thực hiện báo cáo chuyển đổi số tháng ${k + 1}/2023`),
    );
    const row = ii.rows.find((r) => r[1]?.v === 'Phường Lộc Thọ')!.slice(2);
    expect(row.every((x) => String(x?.v).startsWith('X'))).toBe(true);
    expect(c.sheets.find((s) => s.name === 'Phụ lục I')!.rows[1][0]?.v).toContain('9 THÁNG NĂM 2023');
  }, 60000);

  test("the secretariat's DX_CauHinh decides a figure's type: T3b received as the latest month", async () => {
    const master = { ...builtInConfig(), aggregations: { 'T3b/received': 'last' as const } };
    const c = consolidate(await nineMonths('Phường Lộc Thọ'), { period: '2023-9M', master, includeErrors: true });
    const sub = c.collected.included[0];
    expect([cell(sub, 'T3b', 'received'), cell(sub, 'T3b', 'onTime')]).toEqual([split(24020, 9)[8], 23987]);
    expect(c.tidy.find((r) => r.figure === 'T3b/received')!.aggregation).toBe('last');
  }, 60000);

  test('a unit missing May: its flows are marked short, never silently; the stock still the latest', async () => {
    const c = consolidate(await nineMonths('Phường Lộc Thọ', [5]), { period: '2023-9M' });
    const sub = c.collected.included[0];
    expect(cell(sub, 'T3b', 'received')).toBe(24020 - split(24020, 9)[4]);
    expect(c.summary.indicators.find((i) => i.code === 'XHS.DDDT')!.numerator).toBe(118103);
    expect(c.summary.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Phường Lộc Thọ: chưa có báo cáo được tổng hợp của tháng 5\/2023; \d+ số liệu cộng dồn/),
      ]),
    );
  }, 60000);

  test('one report for the whole 9 months is taken as such, never as January, beside the monthly ones', async () => {
    const reported: Edit = { cover: 'reportDate', value: new Date(Date.UTC(2023, 9, 5)) };
    const whole = await unitWorkbook(
      [
        reported,
        { table: 'T3b', row: '#1', field: 'received', value: '24.020' },
        { table: 'T3b', row: '#1', field: 'onTime', value: '23.987' },
        { table: 'T3b', row: '#1', field: 'late', value: 33 },
        { table: 'T3b', row: '#1', field: 'inProcess', value: 0 },
      ],
      'Phường Vạn Thạnh',
      '9 tháng năm 2023',
    );
    const january = await monthly('Phường Vạn Thạnh', 1, [
      { table: 'T3b', row: '#1', field: 'received', value: 100 },
      { table: 'T3b', row: '#1', field: 'onTime', value: 100 },
      { table: 'T3b', row: '#1', field: 'late', value: 0 },
      { table: 'T3b', row: '#1', field: 'inProcess', value: 0 },
    ]);
    const sources = [
      { source: { file: '9-thang.xlsx' }, sheets: await (await XlsxWorkbook.open(whole.file)).read() },
      january,
    ];
    const nine = consolidate(sources, { period: '2023-9M' });
    expect(nine.summary.warnings.filter((w) => w.includes('nộp hai lần'))).toEqual([]);
    expect(cell(nine.collected.included[0], 'T3b', 'received')).toBe(24020);
    expect(nine.collected.included[0].source.file).toBe('9-thang.xlsx');
    const jan = consolidate(sources, { period: '2023-01' });
    expect(cell(jan.collected.included[0], 'T3b', 'received')).toBe(100);
  }, 60000);
});

describe('6 months of seed 000 §6 from monthly reports', () => {
  test('65 received = 55 resolved (48 on time, 7 late) + 10 in process (1 on time, 9 late)', async () => {
    const c = consolidate(await sixMonths('Phường Lộc Thọ'), { period: '2023-H1' });
    const sub = c.collected.included[0];
    const t4 = ['received', 'resolved', 'resolvedOnTime', 'resolvedLate', 'inProcess', 'inProcessOnTime'];
    expect([...t4, 'inProcessLate'].map((f) => cell(sub, 'T4', f))).toEqual([65, 55, 48, 7, 10, 1, 9]);
    // Phụ lục VII's total line carries the same figures.
    const vii = c.sheets.find((s) => s.name === 'Phụ lục VII')!;
    const section = vii.rows.findIndex((r) => String(r[0]?.v ?? '').includes('Phản ánh, kiến nghị'));
    const total = vii.rows.slice(section).find((r) => r[1]?.v === 'Tổng cộng:')!;
    expect(total.slice(2, 9).map((x) => x?.v)).toEqual([65, 55, 48, 7, 10, 1, 9]);
  }, 60000);

  test('a unit reporting "lũy kế từ đầu năm": the quarter is September less June', async () => {
    const cumulative: Edit = { cover: 'mode', value: 'Lũy kế từ đầu năm' };
    const byMonth: Source[] = [];
    for (const [m, n] of [
      [6, 1000],
      [7, 1300],
      [8, 1700],
      [9, 2200],
    ])
      byMonth.push(
        await monthly('Phường Lộc Thọ', m, [
          cumulative,
          { table: 'T3b', row: '#1', field: 'received', value: n },
          { table: 'T3b', row: '#1', field: 'onTime', value: n },
          { table: 'T3b', row: '#1', field: 'late', value: 0 },
          { table: 'T3b', row: '#1', field: 'inProcess', value: 0 },
        ]),
      );
    const q3 = consolidate(byMonth, { period: '2023-Q3' });
    expect(cell(q3.collected.included[0], 'T3b', 'received')).toBe(1200);
    const nine = consolidate(byMonth, { period: '2023-9M' });
    expect(cell(nine.collected.included[0], 'T3b', 'received')).toBe(2200);
    // Without June's report the quarter cannot be told: left blank and said.
    const short = consolidate(byMonth.slice(1), { period: '2023-Q3' });
    expect(cell(short.collected.included[0], 'T3b', 'received')).toBeNull();
    expect(short.summary.warnings.join('\n')).toContain('số liệu cộng dồn chưa đủ');
  }, 60000);
});

describe('the command line: --period ranges and the tidy export', () => {
  test('consolidate --period 2023-H1 --tidy: one row per unit × figure, re-aggregating to the annex totals', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-period-'));
    for (const [i, s] of (await sixMonths('Phường Lộc Thọ')).entries()) {
      const book = new XlsxWorkbook();
      await book.write(
        s.sheets.map((sh) => ({
          name: sh.name,
          rows: sh.values.map((r) => r.map((v) => (v === null ? null : { v: v as string | number }))),
          columnWidths: [],
          rowHeights: [],
          merges: [],
          validations: [],
          hidden: Boolean(sh.hidden),
        })),
      );
      fs.writeFileSync(path.join(dir, `thang-${i + 1}.xlsx`), await book.toBuffer());
    }
    const out = path.join(dir, 'phu-luc.xlsx');
    const csv = path.join(dir, 'du-lieu.csv');
    const r = await runMain(['consolidate', dir, '--period', '2023-H1', '--out', out, '--tidy', csv, '--json']);
    expect(r.code).toBe(0);
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.startsWith(`\uFEFF${TIDY_COLUMNS.join(',')}\r\n`)).toBe(true);
    const rows = text
      .slice(1)
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));
    const at = (figure: string) => rows.find((x) => x[6] === figure)!;
    expect(at('T4/received').slice(4, 6)).toEqual(['2023-01-01', '2023-06-30']);
    expect([at('T4/received')[8], at('T4/inProcess')[8], at('T4/inProcess')[9]]).toEqual(['65', '10', 'last']);
    // The same rows are in the annex workbook, hidden, for a province to read back.
    const [sheet] = await (await XlsxWorkbook.open(out)).read(['DX_DuLieu']);
    expect(sheet.hidden).toBe(true);
    expect(sheet.values.length).toBe(rows.length + 1);
    // A re-run replaces its own export; a CSV someone else made is never overwritten.
    expect((await runMain(['consolidate', dir, '--period', '2023-H1', '--out', out, '--tidy', csv])).code).toBe(0);
    const foreign = path.join(dir, 'khac.csv');
    fs.writeFileSync(foreign, 'a,b\n1,2\n');
    const refused = await runMain(['consolidate', dir, '--out', out, '--tidy', foreign]);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('không phải tệp dữ liệu do dx-report xuất');
    expect(fs.readFileSync(foreign, 'utf8')).toBe('a,b\n1,2\n');
  }, 120000);
});

/**
 * The README's table of aggregation types is rendered from the data (measures and stock columns).
 * `UPDATE_README=1 npx jest tests/periods.test.ts -t README` rewrites the block between the markers.
 */
test('the README aggregation table is the one the data renders', () => {
  const START = '<!-- aggregation-table:start -->';
  const END = '<!-- aggregation-table:end -->';
  const file = path.join(__dirname, '..', 'README.md');
  const readme = fs.readFileSync(file, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  expect({ markers: start >= 0 && end > start }).toEqual({ markers: true });
  const rows = [
    '| Số liệu | Cách cộng theo thời gian | Lý do |',
    '|---|---|---|',
    ...Object.entries(AGGREGATION_BY_MEASURE).map(
      ([measure, a]) => `| chỉ tiêu đếm bằng *${measure}* | ${AGGREGATION_LABEL[a.aggregation]} | ${a.reason} |`,
    ),
    ...[...FIGURE_COLUMNS]
      .flatMap(([table, cols]) => cols.map((col) => ({ table, col, a: columnAggregation(col) })))
      .filter((x) => x.a.aggregation !== 'sum')
      .map((x) => `| ${x.table}: ${columnLabel(x.col)} | ${AGGREGATION_LABEL[x.a.aggregation]} | ${x.a.reason} |`),
    `| các cột số khác của bảng T2–T4 | ${AGGREGATION_LABEL.sum} | ${AGGREGATION_REASON.sum} |`,
  ];
  const block = `${START}\n${rows.join('\n')}\n${END}`;
  if (process.env.UPDATE_README === '1') {
    fs.writeFileSync(file, readme.slice(0, start) + block + readme.slice(end + END.length));
    return;
  }
  expect(readme.slice(start, end + END.length)).toBe(block);
});
