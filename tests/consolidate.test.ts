import * as crypto from 'crypto';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { consolidateKpis, addSums, rateOf, Sums } from '../shared/consolidate/kpi';
import { Submission } from '../shared/consolidate/collect';
import { defaultCatalogue } from '../shared/catalogue/catalogue';
import { NHA_TRANG } from '../shared/registry/data/nha-trang';
import { XlsxWorkbook } from '../xlsx/workbook';
import { runCli } from './helpers/cli';
import { Edit, unitWorkbook } from './helpers/unit-fixture';
import { tmpFile } from './helpers/xlsx';

const REPORTED = { cover: 'reportDate' as const, value: new Date(Date.UTC(2023, 6, 10)) };

/** T5 rows: [name, period, fund source, fund kind, total, year budget, completed, assessment]. */
function tasks(rows: Array<[string, string, string, string, number, number, string | null, string]>): Edit[] {
  return rows.flatMap(([name, period, source, kind, total, year, completed, assessment], i) => {
    const r = `#${i + 1}`;
    const e: Edit[] = [
      { table: 'T5', row: r, field: 'name', value: name },
      { table: 'T5', row: r, field: 'period', value: period },
      { table: 'T5', row: r, field: 'fundSource', value: source },
      { table: 'T5', row: r, field: 'fundKind', value: kind },
      { table: 'T5', row: r, field: 'total', value: total },
      { table: 'T5', row: r, field: 'yearBudget', value: year },
      { table: 'T5', row: r, field: 'assessment', value: assessment },
    ];
    if (completed) e.push({ table: 'T5', row: r, field: 'completed', value: completed });
    return e;
  });
}

const eid = (n: number, d: number): Edit[] => [
  { table: 'T1', row: 'XHS.DDDT', field: 'numerator', value: n },
  { table: 'T1', row: 'XHS.DDDT', field: 'denominator', value: d },
];

async function cityFolder(): Promise<string> {
  const dir = path.dirname(tmpFile('x'));
  const units: Array<[string, Edit[]]> = [
    // Seed 004 Annex II (vốn đầu tư): city 50.267 / 43.422, province 50.000 / 13.000.
    [
      'Văn phòng HĐND và UBND',
      tasks([
        [
          'Xây dựng Trung tâm Điều hành đô thị thông minh (giai đoạn 1)',
          '2024 - 2025',
          'NS thành phố',
          'Vốn đầu tư',
          27250,
          25000,
          null,
          'Đang thực hiện theo tiến độ',
        ],
        [
          'Đầu tư nền tảng hạ tầng phục vụ đô thị thông minh (giai đoạn 1)',
          '2024 - 2025',
          'NS tỉnh',
          'Vốn đầu tư',
          50000,
          13000,
          null,
          'Đang thực hiện theo tiến độ',
        ],
      ]),
    ],
    [
      'Trung tâm Văn hóa - Thông tin và Thể thao',
      tasks([
        [
          'Đài truyền thanh ứng dụng CNTT - viễn thông (16 xã, phường)',
          '2024',
          'NS thành phố',
          'Vốn đầu tư',
          23017,
          18422,
          null,
          'Đang thực hiện theo tiến độ',
        ],
      ]),
    ],
    // Seed 004 Annex III (vốn sự nghiệp): 7.710 / 5.260, all city budget.
    [
      'Phòng Quản lý đô thị',
      tasks([
        [
          'Phần mềm xử lý vi phạm hành chính trong lĩnh vực đất đai và trật tự xây dựng',
          '2022-2024',
          'NS thành phố',
          'Vốn sự nghiệp',
          2047,
          2047,
          null,
          'Đang thực hiện theo tiến độ',
        ],
        [
          'Phần mềm quản lý dự án đầu tư xây dựng',
          '2022 - 2025',
          'NS thành phố',
          'Vốn sự nghiệp',
          1700,
          0,
          null,
          'Đang thực hiện theo tiến độ',
        ],
      ]),
    ],
    [
      'Phòng Giáo dục và Đào tạo',
      tasks([
        [
          'Phần mềm quản lý văn bằng, chứng chỉ',
          '2022-2024',
          'NS thành phố',
          'Vốn sự nghiệp',
          500,
          500,
          null,
          'Đang thực hiện theo tiến độ',
        ],
      ]),
    ],
    [
      'Phòng Văn hóa và Thông tin',
      tasks([
        [
          'Tập huấn ứng dụng CNTT cho lãnh đạo, công chức, viên chức',
          '2023',
          'NS thành phố',
          'Vốn sự nghiệp',
          3463,
          2713,
          '15/03/2023',
          'Hoàn thành, đúng hạn',
        ],
      ]),
    ],
    // Seed 000 §8: adults with e-ID 103.223 / 311.736 = 33,11% over three wards.
    ['Phường Lộc Thọ', eid(40000, 120000)],
    ['Phường Vạn Thạnh', eid(33223, 101736)],
    ['Xã Vĩnh Ngọc', eid(30000, 90000)],
  ];
  for (const [unit, edits] of units) {
    const { file } = await unitWorkbook([REPORTED, ...edits], unit, '2023-06');
    fs.copyFileSync(file, path.join(dir, `${unit}.xlsx`));
  }
  // A ward with an error, and a ward nobody registered.
  const bad = await unitWorkbook(
    [REPORTED, { table: 'T4', row: '#1', field: 'received', value: '24 loại' }],
    'Phường Tân Lập',
    '2023-06',
  );
  fs.copyFileSync(bad.file, path.join(dir, 'tan-lap.xlsx'));
  return dir;
}

const hash = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

/** The parts of `dx-report consolidate --json` these tests read. */
interface ConsolidateJson {
  projects: { byLevel: unknown[] };
  indicators: Array<{ code: string; rate: number | null }>;
  included: unknown[];
  excluded: unknown[];
  missing: string[];
}

describe('dx-report consolidate', () => {
  let dir: string;
  let out: string;
  let json: ConsolidateJson;
  beforeAll(async () => {
    dir = await cityFolder();
    out = path.join(path.dirname(dir), `annexes-${Date.now()}.xlsx`);
    const before = fs.readdirSync(dir).map((f) => [f, hash(path.join(dir, f))]);
    const r = await runCli(['consolidate', dir, '--out', out, '--period', '2023-06', '--json']);
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout);
    // Unit files are only read.
    expect(fs.readdirSync(dir).map((f) => [f, hash(path.join(dir, f))])).toEqual(before);
  }, 120000);

  test('seed 004 Annex II and III totals come out of the units', () => {
    expect(json.projects.byLevel).toEqual(
      expect.arrayContaining([
        { level: 'thanh-pho', total: 50267 + 7710, yearBudget: 43422 + 5260 },
        { level: 'tinh', total: 50000, yearBudget: 13000 },
      ]),
    );
  });

  test('Phụ lục IV / V print the subtotals by budget level and the grand total', async () => {
    const book = await XlsxWorkbook.open(out);
    const [iv, v] = await book.read(['Phụ lục IV', 'Phụ lục V']);
    const line = (s: typeof iv, label: string) => s.values.find((r) => r[1] === label)!.slice(6, 8);
    expect(line(iv, 'Cấp thành phố:')).toEqual([50267, 43422]);
    expect(line(iv, 'Cấp tỉnh:')).toEqual([50000, 13000]);
    expect(line(iv, 'Tổng cộng:')).toEqual([100267, 56422]);
    expect(line(v, 'Cấp thành phố:')).toEqual([7710, 5260]);
    expect(line(v, 'Cấp tỉnh:')).toEqual([0, 0]);
    expect(line(v, 'Tổng cộng:')).toEqual([7710, 5260]);
    expect(iv.values[0][0]).toBe('Phụ lục IV');
    expect(iv.values.some((r) => r.includes('Đơn vị tính: triệu đồng.'))).toBe(true);
  });

  test('the e-ID rate is Σnumerators / Σdenominators: 103.223 / 311.736 = 33,11%', () => {
    const ind = json.indicators.find((i: { code: string }) => i.code === 'XHS.DDDT');
    expect(ind).toMatchObject({ numerator: 103223, denominator: 311736, units: 3 });
    expect(ind!.rate).toBeCloseTo(103223 / 311736, 12);
  });

  test('units with errors are left out with the reason; units that sent nothing are listed', () => {
    expect(json.included).toHaveLength(8);
    expect(json.excluded).toEqual([
      expect.objectContaining({
        unit: 'Phường Tân Lập',
        source: 'tan-lap.xlsx',
        reason: expect.stringContaining('24 loại'),
      }),
    ]);
    expect(json.missing).toContain('Phường Vĩnh Hòa');
    expect(json.missing).not.toContain('Phường Lộc Thọ');
    // 8 consolidated, and Tân Lập sent a report (left out): neither is "missing".
    expect(json.missing).toHaveLength(NHA_TRANG.units.filter((u) => u.parent === 'NT').length - 9);
    expect(json.missing).not.toContain('Phường Tân Lập');
  });

  test('the annexes, named like the official ones; Phụ lục VI writes "r% (a/b)" with Đạt / Chưa đạt', async () => {
    const book = await XlsxWorkbook.open(out);
    const names = await book.sheetNames();
    expect(names).toEqual([
      'Phụ lục I',
      'Phụ lục II',
      'Phụ lục III',
      'Phụ lục IV',
      'Phụ lục V',
      'Phụ lục VI',
      'Phụ lục VII',
      'Phụ lục VIII',
      'Nguồn số liệu',
      'Biểu đồ',
      'DX_DuLieu',
      'DX_TongHop',
      'DX_SoHuu',
    ]);
    const [vi] = await book.read(['Phụ lục VI']);
    const row = vi.values.find((r) =>
      String(r[1]).startsWith('Dân số trưởng thành có tài khoản định danh điện tử (kích hoạt)'),
    )!;
    expect(row.slice(2)).toEqual(['30% đến cuối năm là 50%', null, null, '33,11% (103.223/311.736)', 'Đạt']);
    const [iii] = await book.read(['Phụ lục III']);
    expect(iii.values.find((r) => r[0] === 'I')!.slice(1)).toEqual(['Cơ quan chuyên môn', '0/12', '0/12']);
  });

  test('"Nguồn số liệu" traces every unit to its file, sheet and range', async () => {
    const [src] = await (await XlsxWorkbook.open(out)).read(['Nguồn số liệu']);
    const loc = src.values.find((r) => r[1] === 'Phường Vạn Thạnh')!;
    expect(loc[3]).toBe('Phường Vạn Thạnh.xlsx');
    expect(String(loc[4])).toMatch(/T1 Chỉ tiêu!A4:J\d+ \(T1\)/);
    expect(src.values.find((r) => String(r[8]).startsWith('Không tổng hợp'))![3]).toBe('tan-lap.xlsx');
  });

  test('running again replaces only its own sheets and gives identical values; a foreign file is refused', async () => {
    const first = await (await XlsxWorkbook.open(out)).read();
    const r = await runCli(['consolidate', dir, '--out', out, '--period', '2023-06']);
    expect(r.code).toBe(0);
    const second = await (await XlsxWorkbook.open(out)).read();
    expect(second.map((s) => [s.name, s.values])).toEqual(first.map((s) => [s.name, s.values]));
    const unitFile = path.join(dir, 'Phường Lộc Thọ.xlsx');
    const before = hash(unitFile);
    const refused = await runCli(['consolidate', dir, '--out', unitFile]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('không ghi đè');
    expect(hash(unitFile)).toBe(before);
  });

  test('two submissions from one unit: the latest completed one is kept, with a warning', async () => {
    const older = await unitWorkbook(
      [REPORTED, ...eid(100, 200), { cover: 'completedAt', value: '05/07/2023 08:00' }],
      'Phường Lộc Thọ',
    );
    const newer = await unitWorkbook(
      [REPORTED, ...eid(150, 200), { cover: 'completedAt', value: '09/07/2023 16:30' }],
      'Phường Lộc Thọ',
    );
    const r = JSON.parse(
      (await runCli(['consolidate', newer.file, older.file, '--out', tmpFile('a.xlsx'), '--json'])).stdout,
    );
    expect(r.included).toHaveLength(1);
    expect(r.indicators.find((i: { code: string }) => i.code === 'XHS.DDDT')).toMatchObject({ numerator: 150 });
    expect(r.warnings[0]).toContain('Phường Lộc Thọ nộp hai lần');
  });
});

describe('the HTML report, opened in Chromium', () => {
  test('summary, indicator table and one SVG bar chart per main indicator; text from units stays text', async () => {
    const dir = path.dirname(tmpFile('x'));
    for (const [unit, n, d] of [
      ['Phường Lộc Thọ', 40000, 120000],
      ['Phường Vạn Thạnh', 33223, 101736],
      ['Xã Vĩnh Ngọc', 30000, 90000],
    ] as const) {
      fs.copyFileSync((await unitWorkbook([REPORTED, ...eid(n, d)], unit)).file, path.join(dir, `${unit}.xlsx`));
    }
    // A unit nobody registered, named with markup: its name must show as text.
    const odd = await unitWorkbook([REPORTED], 'Phường Lộc Thọ');
    const book = await XlsxWorkbook.open(odd.file);
    book.book.getWorksheet('Thông tin chung')!.getCell('B4').value = '<img src=x onerror="document.title=1">Phường Mới';
    await book.save(path.join(dir, 'odd.xlsx'));
    const html = tmpFile('report.html');
    const r = await runCli(['consolidate', dir, '--out', tmpFile('a.xlsx'), '--html', html]);
    expect(r.code).toBe(0);
    const { launchChromium, SCREENSHOTS } = await import('./helpers/browser');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (q) => requests.push(q.url()));
      await page.goto(`file://${html}`);
      expect(await page.textContent('h1')).toBe('Báo cáo tổng hợp chuyển đổi số');
      expect(await page.locator('tr:has-text("XHS.DDDT")').textContent()).toContain('33,11%');
      const chart = page.locator('svg[aria-label^="Dân số trưởng thành có tài khoản định danh"]');
      expect(await chart.locator('rect').count()).toBe(3);
      expect(await chart.textContent()).toContain('Chung: 33,11%');
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.textContent('body')).toContain('<img src=x onerror="document.title=1">Phường Mới');
      expect(await page.title()).toBe('Báo cáo tổng hợp chuyển đổi số');
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 60000);
});

describe("--registry: a secretariat's own list of units", () => {
  test('units are matched against it and the missing ones listed; a bad group is refused with its cell', async () => {
    const reg = tmpFile('camlam.xlsx');
    const { tsvWorkbook } = await import('./helpers/xlsx');
    await tsvWorkbook(reg, [
      {
        name: 'Danh mục',
        tsv: [
          'Mã đơn vị\tTên đơn vị\tNhóm\tTên khác',
          'CL-X01\tXã Cam Hải Tây\tUBND các xã, phường\tCam Hải Tây',
          'CL-X02\tXã Cam Đức\tUBND các xã, phường\t',
          'CL-X03\tXã Suối Cát\tUBND các xã, phường\t',
        ].join('\n'),
      },
    ]);
    const { file } = await unitWorkbook([REPORTED, ...eid(10, 20)], 'Phường Lộc Thọ');
    const book = await XlsxWorkbook.open(file);
    book.book.getWorksheet('Thông tin chung')!.getCell('B4').value = 'UBND xã Cam Hải Tây';
    await book.save(file);
    const without = JSON.parse((await runCli(['consolidate', file, '--out', tmpFile('a.xlsx'), '--json'])).stdout);
    expect(without.excluded[0].reason).toContain('không có trong danh mục');
    const withReg = JSON.parse(
      (await runCli(['consolidate', file, '--out', tmpFile('b.xlsx'), '--registry', reg, '--json'])).stdout,
    );
    expect(withReg.included.map((u: { unit: string }) => u.unit)).toEqual(['Xã Cam Hải Tây']);
    expect(withReg.missing).toEqual(['Xã Cam Đức', 'Xã Suối Cát']);
    const bad = tmpFile('bad.xlsx');
    await tsvWorkbook(bad, [
      { name: 'Danh mục', tsv: ['Mã đơn vị\tTên đơn vị\tNhóm', 'CL-X01\tXã Cam Hải Tây\tPhường xã'].join('\n') },
    ]);
    const refused = await runCli(['consolidate', file, '--out', tmpFile('c.xlsx'), '--registry', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('bad.xlsx!C2: Nhóm “Phường xã” không hợp lệ');
  }, 60000);
});

describe('project lists keep the sections the units wrote (seed 004 Annex III)', () => {
  test('capital-letter headings become the sections of the annex, unnumbered as the unit wrote them', async () => {
    const row = (n: number, name: string, total?: number): Edit[] =>
      total === undefined
        ? [{ table: 'T5', row: `#${n}`, field: 'name', value: name }]
        : [
            { table: 'T5', row: `#${n}`, field: 'name', value: name },
            { table: 'T5', row: `#${n}`, field: 'stt', value: 1 },
            { table: 'T5', row: `#${n}`, field: 'period', value: '2024' },
            { table: 'T5', row: `#${n}`, field: 'fundSource', value: 'NS thành phố' },
            { table: 'T5', row: `#${n}`, field: 'fundKind', value: 'Vốn sự nghiệp' },
            { table: 'T5', row: `#${n}`, field: 'total', value: total },
            { table: 'T5', row: `#${n}`, field: 'assessment', value: 'Đang thực hiện theo tiến độ' },
          ];
    const { file } = await unitWorkbook(
      [
        REPORTED,
        ...row(1, 'XÂY DỰNG ĐÔ THỊ THÔNG MINH'),
        ...row(2, 'Đào tạo, tuyên truyền về đô thị thông minh', 1200),
        ...row(3, 'CHUYỂN ĐỔI SỐ CÁC NGÀNH, LĨNH VỰC'),
        ...row(4, 'Phần mềm quản lý văn bằng, chứng chỉ', 500),
        ...row(5, 'Quản lý thu phí nhà trường', 300),
      ],
      'Phòng Văn hóa và Thông tin',
      '2024-01',
    );
    const out = tmpFile('sec.xlsx');
    expect((await runCli(['consolidate', file, '--out', out])).code).toBe(0);
    const [v] = await (await XlsxWorkbook.open(out)).read(['Phụ lục V']);
    // Seed 004 prints its headings without a number: the unit wrote none.
    const heading = (x: unknown) => typeof x === 'string' && /\p{Lu}{4}/u.test(x) && x === x.toUpperCase();
    const groups = v.values.filter((r) => r[0] === null && heading(r[1])).map((r) => r[1]);
    expect(groups).toEqual(['XÂY DỰNG ĐÔ THỊ THÔNG MINH', 'CHUYỂN ĐỔI SỐ CÁC NGÀNH, LĨNH VỰC']);
    expect(v.values.find((r) => r[1] === 'Tổng cộng:')![6]).toBe(2000);
  }, 60000);
});

describe('Phụ lục VII: seed 000 §6 feedback stacked by group', () => {
  test('city 16 = 10 + 6, offices 10 = 7 + 3, wards 65 = 55 + 10; total 91', async () => {
    const fb = (vals: number[]): Edit[] =>
      ['received', 'resolved', 'resolvedOnTime', 'resolvedLate', 'inProcess', 'inProcessOnTime', 'inProcessLate'].map(
        (field, i) => ({ table: 'T4', row: '#1', field, value: vals[i] }),
      );
    const files = [
      (await unitWorkbook([REPORTED, ...fb([16, 10, 6, 4, 6, 2, 4])], 'UBND thành phố Nha Trang')).file,
      (await unitWorkbook([REPORTED, ...fb([10, 7, 5, 2, 3, 1, 2])], 'Phòng Văn hóa và Thông tin')).file,
      (await unitWorkbook([REPORTED, ...fb([40, 35, 30, 5, 5, 0, 5])], 'Phường Lộc Thọ')).file,
      (await unitWorkbook([REPORTED, ...fb([25, 20, 18, 2, 5, 1, 4])], 'Xã Vĩnh Ngọc')).file,
    ];
    const out = tmpFile('vii.xlsx');
    expect((await runCli(['consolidate', ...files, '--out', out])).code).toBe(0);
    const [vii] = await (await XlsxWorkbook.open(out)).read(['Phụ lục VII']);
    const start = vii.values.findIndex((r) => String(r[0]).endsWith('Phản ánh, kiến nghị'));
    const section = vii.values.slice(start);
    const line = (label: string) => section.find((r) => r[1] === label)!.slice(2, 9);
    expect(line('Cộng UBND các xã, phường:')).toEqual([65, 55, 48, 7, 10, 1, 9]);
    expect(line('Cộng cơ quan chuyên môn:')).toEqual([10, 7, 5, 2, 3, 1, 2]);
    expect(line('Cộng cấp tỉnh / thành phố:')).toEqual([16, 10, 6, 4, 6, 2, 4]);
    expect(line('Tổng cộng:')).toEqual([91, 72, 59, 13, 19, 4, 15]);
  }, 60000);
});

describe('task counts per assessment status (seed 000 §10: 25 = 4 + 1 + 19 + 1)', () => {
  test("counted from the units' project sheets", async () => {
    const statuses: Array<[string, string | null, string]> = [
      ...Array.from({ length: 4 }, () => ['2023', '15/03/2023', 'Hoàn thành, đúng hạn'] as [string, string, string]),
      ['2022', '10/02/2023', 'Hoàn thành, trễ hạn'],
      ...Array.from({ length: 19 }, () => ['2023', null, 'Đang thực hiện theo tiến độ'] as [string, null, string]),
      ['2022', null, 'Đang thực hiện, trễ hạn'],
    ];
    const files: string[] = [];
    for (let u = 0; u < 3; u++) {
      const mine = statuses.filter((_, i) => i % 3 === u).slice(0, 12);
      const rows = mine.map(
        ([period, completed, status], i) =>
          [`Nhiệm vụ ${u + 1}.${i + 1}`, period, 'NS thành phố', 'Vốn sự nghiệp', 100, 50, completed, status] as [
            string,
            string,
            string,
            string,
            number,
            number,
            string | null,
            string,
          ],
      );
      files.push(
        (await unitWorkbook([REPORTED, ...tasks(rows)], ['Phòng Nội vụ', 'Phòng Tư pháp', 'Phòng Y tế'][u])).file,
      );
    }
    const r = JSON.parse((await runCli(['consolidate', ...files, '--out', tmpFile('t.xlsx'), '--json'])).stdout);
    expect(r.excluded).toEqual([]);
    expect(r.projects.statuses).toEqual({
      total: 25,
      other: 0,
      byStatus: [
        { status: 'Hoàn thành, đúng hạn', count: 4 },
        { status: 'Hoàn thành, trễ hạn', count: 1 },
        { status: 'Đang thực hiện theo tiến độ', count: 19 },
        { status: 'Đang thực hiện, trễ hạn', count: 1 },
      ],
    });
  }, 60000);
});

describe('properties of consolidation', () => {
  const catalogue = defaultCatalogue();
  const fakeUnit = (i: number, n: number, d: number): Submission => ({
    source: { file: `u${i}.xlsx` },
    period: null,
    completedAt: null,
    version: null,
    issues: [],
    unit: { code: `U${i}`, name: `Đơn vị ${i}`, group: i % 2 ? 'ubnd-xa-phuong' : 'co-quan-chuyen-mon', aliases: [] },
    read: {
      cover: {},
      unmatched: [],
      mappings: [],
      tables: [
        {
          table: 'T1',
          sheet: 'T1',
          headerRow: 3,
          headerRows: 1,
          columns: {},
          missing: [],
          score: 0,
          mapped: false,
          rows: [{ row: 4, kind: 'item', cells: { code: 'XHS.DDDT', numerator: n, denominator: d } }],
        },
      ],
    },
  });
  const units = fc.array(
    fc
      .tuple(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }))
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
    { minLength: 1, maxLength: 40 },
  );

  test('the consolidated rate is Σnumerator / Σdenominator', () => {
    fc.assert(
      fc.property(units, (us) => {
        const k = consolidateKpis(
          us.map(([n, d], i) => fakeUnit(i, n, d)),
          catalogue,
        );
        const s = k.total.get('XHS.DDDT')!;
        const n = us.reduce((x, [a]) => x + a, 0);
        const d = us.reduce((x, [, b]) => x + b, 0);
        return s.numerator === n && s.denominator === d && (d === 0 ? rateOf(s) === null : rateOf(s) === n / d);
      }),
    );
  });

  test('any order, or two batches merged, gives the same result', () => {
    fc.assert(
      fc.property(units, fc.integer({ min: 0, max: 40 }), (us, cut) => {
        const subs = us.map(([n, d], i) => fakeUnit(i, n, d));
        const whole = consolidateKpis(subs, catalogue).total.get('XHS.DDDT')!;
        const reversed = consolidateKpis([...subs].reverse(), catalogue).total.get('XHS.DDDT')!;
        const a = consolidateKpis(subs.slice(0, cut), catalogue).total.get('XHS.DDDT') ?? {
          numerator: 0,
          denominator: 0,
          units: 0,
        };
        const b = consolidateKpis(subs.slice(cut), catalogue).total.get('XHS.DDDT') ?? {
          numerator: 0,
          denominator: 0,
          units: 0,
        };
        const merged: Sums = addSums(a, b);
        return JSON.stringify(whole) === JSON.stringify(reversed) && JSON.stringify(whole) === JSON.stringify(merged);
      }),
    );
  });
});
