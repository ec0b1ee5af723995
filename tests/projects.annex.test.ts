/**
 * Project annexes as seed 004 prints them (issue 13, item 4): Annex II (vốn đầu tư) and III (vốn sự nghiệp)
 * played by the units that lead the tasks, each with its own rows of the seed and the seed's numbering.
 * The mixed-source row "NS tỉnh, NS thành phố" (50.000 / 13.000) is counted under Cấp tỉnh, as the seed does.
 */
import { consolidate, Consolidation } from '../shared/consolidate/consolidate';
import { budgetLevel } from '../shared/consolidate/projects';
import { SheetSnapshot } from '../shared/workbook/port';
import { STYLES } from '../shared/workbook/styles';
import { XlsxWorkbook } from '../xlsx/workbook';
import { Edit, unitWorkbook } from './helpers/unit-fixture';

type Source = { source: { file: string }; sheets: SheetSnapshot[] };
type Task = {
  stt?: number | string;
  name?: string;
  source?: string;
  kind?: string;
  total?: number;
  year?: number;
  plan?: string;
  progress?: string;
  assessment?: string;
};

const REPORTED: Edit = { cover: 'reportDate', value: new Date(Date.UTC(2024, 0, 5)) };

/** A heading typed in the name column, with the unit's number in STT ("I") or none. */
type Heading = { heading: string; stt?: string };

/** T5 rows: a string is a heading written across the row (its text in the first cell, as a merged row keeps it). */
function rows(lines: Array<string | Task | Heading>): Edit[] {
  return lines.flatMap((line, i): Edit[] => {
    const r = `#${i + 1}`;
    if (typeof line === 'string') return [{ table: 'T5', row: r, field: 'stt', value: line }];
    if ('heading' in line)
      return [
        ...(line.stt ? [{ table: 'T5', row: r, field: 'stt', value: line.stt }] : []),
        { table: 'T5', row: r, field: 'name', value: line.heading },
      ];
    const cell = (field: string, value: string | number | undefined): Edit[] =>
      value === undefined ? [] : [{ table: 'T5', row: r, field, value }];
    return [
      ...cell('stt', line.stt),
      ...cell('name', line.name),
      ...cell('lead', 'Phòng Văn hóa và Thông tin'),
      ...cell('period', '2024 - 2025'),
      ...cell('fundSource', line.source ?? 'NS thành phố'),
      ...cell('fundKind', line.kind),
      ...cell('total', line.total),
      ...cell('yearBudget', line.year),
      ...cell('planContent', line.plan),
      ...cell('progress', line.progress),
      ...cell('assessment', line.assessment ?? 'Đang thực hiện theo tiến độ'),
    ];
  });
}

async function unit(name: string, edits: Edit[]): Promise<Source> {
  const { file } = await unitWorkbook([REPORTED, ...edits], name, '2024-01');
  return { source: { file: `${name}.xlsx` }, sheets: await (await XlsxWorkbook.open(file)).read() };
}

const SMART =
  'XÂY DỰNG ĐÔ THỊ THÔNG MINH (theo Đề án “Xây dựng thí điểm mô hình đô thị thông minh tại thành phố Nha Trang”)';
const INV = 'Vốn đầu tư';
const REC = 'Vốn sự nghiệp';

const sheetOf = (c: Consolidation, name: string) => c.sheets.find((s) => s.name === name)!;
const values = (c: Consolidation, name: string) => sheetOf(c, name).rows.map((r) => r.map((x) => x?.v ?? null));
const header = (c: Consolidation, name: string) => values(c, name).find((r) => r[0] === 'STT')!;
const line = (c: Consolidation, name: string, label: string) => {
  const h = header(c, name);
  const r = values(c, name).find((x) => x[1] === label)!;
  return [r[h.indexOf('Tổng mức đầu tư')], r[h.findIndex((x) => String(x).startsWith('Kế hoạch kinh phí'))]];
};

/** The annex's rows under its header, [STT, name], the totals lines and the count of tasks left out. */
const shown = (c: Consolidation, name = 'Phụ lục IV') => {
  const v = values(c, name);
  return v
    .slice(v.findIndex((r) => r[0] === 'STT') + 1)
    .filter((r) => r[1] && !String(r[1]).endsWith(':'))
    .map((r) => [r[0], r[1]]);
};
const countLine = (c: Consolidation, name = 'Phụ lục IV') =>
  values(c, name)
    .flat()
    .find((x) => String(x).startsWith('Tổng số nhiệm vụ'));

describe('seed 004 Annex II and III from the units that lead the tasks', () => {
  let c: Consolidation;
  beforeAll(async () => {
    // Files arrive in any order: the tasks' numbering orders the annex.
    const library = await unit(
      'Trung tâm Văn hóa - Thông tin và Thể thao',
      rows([
        'DỰ ÁN CHUYỂN ĐỔI ĐÀI TRUYỀN THANH ỨNG DỤNG CÔNG NGHỆ THÔNG TIN - VIỄN THÔNG',
        {
          stt: 4,
          name: 'Dự án Đài truyền thanh ứng dụng CNTT – viễn thông 07 xã phường',
          kind: INV,
          total: 9300,
          year: 8455,
        },
        {
          stt: 5,
          name: 'Dự án “Đài truyền thanh ứng dụng CNTT – viễn thông” (16 xã, phường)',
          kind: INV,
          total: 13000,
          year: 13000,
        },
        'CHUYỂN ĐỔI SỞ THƯ VIỆN',
        { stt: 6, name: 'Đầu tư xây dựng thư viện thông minh thành phố Nha Trang', kind: INV, total: 1967, year: 1967 },
      ]),
    );
    const office = await unit(
      'Văn phòng HĐND và UBND',
      rows([
        SMART,
        {
          stt: 1,
          name: 'Xây dựng Trung tâm Điều hành đô thị thông minh thành phố Nha Trang (giai đoạn 1)',
          kind: INV,
          total: 17000,
          year: 17000,
          plan: 'Chuẩn bị đầu tư, tổ chức triển khai các gói thầu',
        },
        {
          stt: 2,
          name: 'Đầu tư nền tảng hạ tầng phục vụ đô thị thông minh thành phố Nha Trang (giai đoạn 1)',
          source: 'NS tỉnh, NS thành phố',
          kind: INV,
          total: 50000,
          year: 13000,
          plan: 'Chuẩn bị đầu tư, tổ chức triển khai các gói thầu',
        },
        {
          stt: 3,
          name: 'Phát triển các hệ thống thông tin chuyên ngành và tiện ích, dịch vụ đô thị thông minh (giai đoạn 1)',
          kind: INV,
          total: 9000,
          year: 3000,
          plan: 'Chuẩn bị đầu tư',
        },
      ]),
    );
    // Annex III rows 1–4 (row 3: 1.700 with no year budget), and a task with no fund kind the unit can fix.
    const planning = await unit(
      'Phòng Quản lý đô thị',
      rows([
        'Chuyển đổi số các ngành, lĩnh vực',
        { stt: 1, name: 'Xây dựng hệ thống thông tin quản lý các ngành', kind: REC, total: 2047, year: 2047 },
        { stt: 2, name: 'Phần mềm quản lý dự án đầu tư xây dựng', kind: REC, total: 1700 },
        { stt: 3, name: 'Phần mềm quản lý văn bằng, chứng chỉ', kind: REC, total: 500, year: 500 },
        { stt: 4, name: 'Số hóa dữ liệu hoạt động của các cơ quan, đơn vị', progress: 'Thực hiện thường xuyên' },
      ]),
    );
    c = consolidate([library, office, planning], { period: '2024-01' });
  }, 120000);

  test('the mixed-source row counts under Cấp tỉnh: 50.267 / 43.422 + 50.000 / 13.000 = 100.267 / 56.422', () => {
    expect(line(c, 'Phụ lục IV', 'Cấp thành phố:')).toEqual([50267, 43422]);
    expect(line(c, 'Phụ lục IV', 'Cấp tỉnh:')).toEqual([50000, 13000]);
    expect(line(c, 'Phụ lục IV', 'Tổng cộng:')).toEqual([100267, 56422]);
    const labels = values(c, 'Phụ lục IV').map((r) => r[1]);
    expect(labels).not.toContain('NS tỉnh và NS thành phố (chưa tách):');
    expect(labels).not.toContain('Nguồn khác:');
    expect(c.summary.projects.byLevel).toEqual([
      { level: 'thanh-pho', total: 50267 + 4247, yearBudget: 43422 + 2547 },
      { level: 'tinh', total: 50000, yearBudget: 13000 },
    ]);
  });

  test('sections as the units wrote them (mixed case kept), rows in the tasks’ numbering', () => {
    const body = values(c, 'Phụ lục IV').slice(values(c, 'Phụ lục IV').findIndex((r) => r[0] === 'STT') + 1);
    const shown = body.filter((r) => r[1] && !String(r[1]).endsWith(':')).map((r) => [r[0], String(r[1]).slice(0, 30)]);
    expect(shown).toEqual([
      [null, SMART.slice(0, 30)],
      ['1', 'Xây dựng Trung tâm Điều hành đ'],
      ['2', 'Đầu tư nền tảng hạ tầng phục v'],
      ['3', 'Phát triển các hệ thống thông '],
      [null, 'DỰ ÁN CHUYỂN ĐỔI ĐÀI TRUYỀN TH'],
      ['4', 'Dự án Đài truyền thanh ứng dụn'],
      ['5', 'Dự án “Đài truyền thanh ứng dụ'],
      [null, 'CHUYỂN ĐỔI SỞ THƯ VIỆN'],
      ['6', 'Đầu tư xây dựng thư viện thông'],
    ]);
    expect(shown.filter((r) => r[0] === null)).toHaveLength(3);
    // Phụ lục V keeps a heading written in sentence case.
    expect(values(c, 'Phụ lục V').some((r) => r[1] === 'Chuyển đổi số các ngành, lĩnh vực')).toBe(true);
  });

  test('the plan column is kept when units fill it; blanks stay blank, never 0', () => {
    const h = header(c, 'Phụ lục IV');
    expect(h).toEqual([
      'STT',
      'Tên dự án, nhiệm vụ',
      'Cơ quan chủ trì',
      'Mục tiêu, nội dung',
      'Thời gian triển khai',
      'Nguồn vốn',
      'Tổng mức đầu tư',
      'Dự kiến nội dung đầu tư năm 2024',
      'Kế hoạch kinh phí năm 2024',
      'Đánh giá tiến độ',
    ]);
    const second = values(c, 'Phụ lục IV').find((r) => r[0] === '2')!;
    expect(second[5]).toBe('NS tỉnh, NS thành phố');
    expect(second[7]).toBe('Chuẩn bị đầu tư, tổ chức triển khai các gói thầu');
    const v = values(c, 'Phụ lục V');
    const hv = header(c, 'Phụ lục V');
    const noBudget = v.find((r) => r[1] === 'Phần mềm quản lý dự án đầu tư xây dựng')!;
    expect(noBudget[hv.indexOf('Kế hoạch kinh phí năm 2024')]).toBeNull();
    expect(noBudget[hv.indexOf('Tổng mức đầu tư')]).toBe(1700);
    expect(line(c, 'Phụ lục V', 'Cấp tỉnh:')).toEqual([0, 0]);
  });

  test('with the assessment column, the count of tasks per status under the totals', () => {
    expect(header(c, 'Phụ lục IV')).toContain('Đánh giá tiến độ');
    expect(countLine(c, 'Phụ lục IV')).toBe(
      'Tổng số nhiệm vụ: 6, trong đó: Hoàn thành, đúng hạn: 0; Hoàn thành, trễ hạn: 0; Đang thực hiện theo tiến độ: ' +
        '6; Đang thực hiện, trễ hạn: 0.',
    );
  });

  test('a task with no fund kind is said at its cell, in no annex and not lost', () => {
    const said = c.collected.warnings.filter((w) => w.includes('chưa rõ loại vốn'));
    expect(said).toEqual([expect.stringMatching(/^Phòng Quản lý đô thị: T5 Dự án!G\d+ — .*Số hóa dữ liệu hoạt động/)]);
    const listed = [...values(c, 'Phụ lục IV'), ...values(c, 'Phụ lục V')].map((r) => r[1]);
    expect(listed).not.toContain('Số hóa dữ liệu hoạt động của các cơ quan, đơn vị');
  });
});

describe('a unit that wrote its own heading beside one that wrote none (docs/img/annex-iv.png, annex-v.png)', () => {
  let c: Consolidation;
  beforeAll(async () => {
    const office = await unit(
      'Văn phòng HĐND và UBND',
      rows([
        'NHIỆM VỤ CHUYỂN ĐỔI SỐ',
        { name: 'Mua sắm thiết bị phòng họp trực tuyến', kind: INV, total: 800, year: 800 },
      ]),
    );
    const planning = await unit(
      'Phòng Quản lý đô thị',
      rows([
        {
          name: 'Phần mềm quản lý dự án đầu tư xây dựng trên địa bàn thành phố, kết nối với hệ thống của tỉnh',
          kind: INV,
          total: 1700,
          year: 1700,
        },
      ]),
    );
    const culture = await unit(
      'Phòng Văn hóa và Thông tin',
      rows([{ name: 'Nâng cấp Cổng thông tin điện tử', kind: INV, total: 500, year: 500 }]),
    );
    c = consolidate([office, planning, culture], { period: '2024-01' });
  }, 120000);

  test('the sections are numbered I, II, III as printed, the unit’s own heading too; units in the registry’s order', () => {
    const v = values(c, 'Phụ lục IV');
    const sections = v.filter((r) => r.slice(2).every((x) => x === null) && r[1] && !String(r[1]).endsWith(':'));
    // The files came as Văn phòng, Quản lý đô thị, Văn hóa và Thông tin; the registry lists Văn hóa và Thông tin
    // (7th office) before Quản lý đô thị (12th).
    expect(sections.map((r) => [r[0], r[1]])).toEqual([
      ['I', 'NHIỆM VỤ CHUYỂN ĐỔI SỐ'],
      ['II', 'PHÒNG VĂN HÓA VÀ THÔNG TIN'],
      ['III', 'PHÒNG QUẢN LÝ ĐÔ THỊ'],
    ]);
    // No unit numbered its tasks: the annex numbers them on across the sections.
    expect(
      shown(c)
        .filter((r) => r[0] !== null && !/^I/.test(String(r[0])))
        .map((r) => r[0]),
    ).toEqual(['1', '2', '3']);
  });

  test('each heading spans its row from the name column to the last, as the seeds merge it', () => {
    const s = sheetOf(c, 'Phụ lục IV');
    const last = String.fromCharCode(64 + s.columnWidths.length);
    const headings = s.rows.flatMap((r, i) => (['I', 'II', 'III'].includes(String(r[0]?.v)) ? [i + 1] : []));
    expect(headings).toHaveLength(3);
    for (const r of headings) expect(s.merges).toContain(`B${r}:${last}${r}`);
  });

  test('every cell of a task’s row at the top; the unit of amounts right-aligned in the last column', () => {
    const s = sheetOf(c, 'Phụ lục IV');
    const task = s.rows.find((r) => String(r[1]?.v ?? '').startsWith('Phần mềm quản lý dự án'))!;
    expect(task.filter(Boolean).map((x) => STYLES[x!.s!].valign)).toEqual(Array(task.length).fill('top'));
    const header = s.rows.findIndex((r) => r[0]?.v === 'STT');
    const note = s.rows[header - 1];
    expect(note).toHaveLength(s.columnWidths.length);
    expect(note[note.length - 1]).toMatchObject({ v: 'Đơn vị tính: triệu đồng.' });
    expect(STYLES[note[note.length - 1]!.s!].align).toBe('right');
    const totals = s.rows.filter((r) => String(r[1]?.v ?? '').endsWith(':'));
    expect(totals.map((r) => r[1]?.v)).toEqual(['Cấp thành phố:', 'Cấp tỉnh:', 'Tổng cộng:']);
    expect(totals).toHaveLength(3);
    expect(totals.flat().map((x) => STYLES[x!.s!].valign)).toEqual(totals.flat().map(() => 'top'));
  });
});

/*
 * "Rows in the units' own order and numbering" (issue 13, item 4), as a reviewer played it: T5 rows of Vốn đầu tư
 * for 2024-01, Phụ lục IV's STT and name columns. Phòng Văn hóa và Thông tin is the registry's 7th office, Phòng
 * Quản lý đô thị its 12th, Văn phòng HĐND và UBND its 1st.
 */
describe('rows in the units’ own order and numbering', () => {
  const VP = 'Văn phòng HĐND và UBND';
  const VHTT = 'Phòng Văn hóa và Thông tin';
  const QLDT = 'Phòng Quản lý đô thị';
  const t = (stt: string | number, name: string, more: Partial<Task> = {}): Task => ({
    stt,
    name,
    kind: INV,
    total: 100,
    year: 100,
    ...more,
  });
  const run = async (...units: Array<[string, Array<string | Task | Heading>]>) =>
    consolidate(await Promise.all(units.map(([u, lines]) => unit(u, rows(lines)))), { period: '2024-01' });

  test('a task’s parts keep their numbers under it and are not tasks: 1, 1.1, 1.2, 2', async () => {
    const c = await run([
      QLDT,
      [
        'NHIỆM VỤ CHUYỂN ĐỔI SỐ',
        t(1, 'A', { total: 100, year: 100 }),
        t('1.1', 'A1', { total: 60, year: 60 }),
        t('1.2', 'A2', { total: 40, year: 40 }),
        t(2, 'B', { total: 50, year: 50 }),
      ],
    ]);
    expect(shown(c)).toEqual([
      [null, 'NHIỆM VỤ CHUYỂN ĐỔI SỐ'],
      ['1', 'A'],
      ['1.1', 'A1'],
      ['1.2', 'A2'],
      ['2', 'B'],
    ]);
    expect(countLine(c)).toMatch(/^Tổng số nhiệm vụ: 2, trong đó: .*Đang thực hiện theo tiến độ: 2;/);
    expect(c.summary.projects.statuses.total).toBe(2);
    // The parts break their task's amount down: counted once, not twice.
    expect(line(c, 'Phụ lục IV', 'Tổng cộng:')).toEqual([150, 150]);
  });

  test('a task written without an amount: its parts’ amounts count', async () => {
    const c = await run([
      QLDT,
      [
        'NHIỆM VỤ CHUYỂN ĐỔI SỐ',
        { stt: 1, name: 'A', kind: INV },
        t('1.1', 'A1', { total: 60, year: 60 }),
        t('1.2', 'A2', { total: 40, year: 40 }),
      ],
    ]);
    expect(line(c, 'Phụ lục IV', 'Tổng cộng:')).toEqual([100, 100]);
  });

  test('letters a), b) stay under their task; with no task above them they are the tasks, as written', async () => {
    const under = await run([QLDT, ['NHIỆM VỤ CHUYỂN ĐỔI SỐ', t(1, 'A'), t('a)', 'Aa'), t('b)', 'Ab'), t(2, 'B')]]);
    expect(shown(under)).toEqual([
      [null, 'NHIỆM VỤ CHUYỂN ĐỔI SỐ'],
      ['1', 'A'],
      ['a)', 'Aa'],
      ['b)', 'Ab'],
      ['2', 'B'],
    ]);
    expect(countLine(under)).toMatch(/^Tổng số nhiệm vụ: 2,/);
    const alone = await run([QLDT, ['NHIỆM VỤ CHUYỂN ĐỔI SỐ', t('a)', 'A'), t('b)', 'B')]]);
    expect(shown(alone)).toEqual([
      [null, 'NHIỆM VỤ CHUYỂN ĐỔI SỐ'],
      ['a)', 'A'],
      ['b)', 'B'],
    ]);
    expect(countLine(alone)).toMatch(/^Tổng số nhiệm vụ: 2,/);
  });

  test('two units each numbering their section "I" and their task 1: sections I, II and tasks 1, 2', async () => {
    const c = await run(
      [QLDT, [{ stt: 'I', heading: 'DỰ ÁN CÔNG NGHỆ THÔNG TIN' }, t(1, 'A')]],
      [VHTT, [{ stt: 'I', heading: 'NHIỆM VỤ CHUYỂN ĐỔI SỐ' }, t(1, 'B')]],
    );
    expect(shown(c)).toEqual([
      ['I', 'NHIỆM VỤ CHUYỂN ĐỔI SỐ'],
      ['1', 'B'],
      ['II', 'DỰ ÁN CÔNG NGHỆ THÔNG TIN'],
      ['2', 'A'],
    ]);
  });

  test('a heading numbered "I" beside one written bare in the STT cell: I and II, never "I" and nothing', async () => {
    const c = await run(
      [QLDT, [{ stt: 'I', heading: 'DỰ ÁN CÔNG NGHỆ THÔNG TIN' }, t(1, 'A')]],
      [VHTT, ['NHIỆM VỤ CHUYỂN ĐỔI SỐ', t(1, 'B')]],
    );
    expect(shown(c).filter((r) => !/^\d/.test(String(r[0])))).toEqual([
      ['I', 'NHIỆM VỤ CHUYỂN ĐỔI SỐ'],
      ['II', 'DỰ ÁN CÔNG NGHỆ THÔNG TIN'],
    ]);
  });

  test('one list between the units: a section keeps its tasks together, in their numbers (X: 1, 3; Y: 2)', async () => {
    const c = await run(
      [QLDT, ['DỰ ÁN CÔNG NGHỆ THÔNG TIN', t(1, 'A'), t(3, 'C')]],
      [VHTT, ['NHIỆM VỤ CHUYỂN ĐỔI SỐ', t(2, 'B')]],
    );
    expect(shown(c)).toEqual([
      [null, 'DỰ ÁN CÔNG NGHỆ THÔNG TIN'],
      ['1', 'A'],
      ['3', 'C'],
      [null, 'NHIỆM VỤ CHUYỂN ĐỔI SỐ'],
      ['2', 'B'],
    ]);
  });

  test('units each numbering from 1: the registry’s order, whatever order the files come in', async () => {
    const a = await unit(QLDT, rows([t(1, 'A1'), t(2, 'A2')]));
    const b = await unit(VHTT, rows([t(1, 'B1')]));
    const ab = shown(consolidate([a, b], { period: '2024-01' }));
    expect(ab).toEqual([
      ['I', 'PHÒNG VĂN HÓA VÀ THÔNG TIN'],
      ['1', 'B1'],
      ['II', 'PHÒNG QUẢN LÝ ĐÔ THỊ'],
      ['2', 'A1'],
      ['3', 'A2'],
    ]);
    expect(shown(consolidate([b, a], { period: '2024-01' }))).toEqual(ab);
  });

  test('one unit off the shared list moves alone: the others keep their places and numbers', async () => {
    const c = await run(
      // Văn phòng and Văn hóa và Thông tin number one list (1 to 4); Quản lý đô thị numbers from 1 again.
      [QLDT, ['NHIỆM VỤ CHUYỂN ĐỔI SỐ', t(1, 'Q1'), t(2, 'Q2')]],
      [VP, ['DỰ ÁN CÔNG NGHỆ THÔNG TIN', t(1, 'V1'), t(3, 'V3'), t('3.1', 'V3a')]],
      [VHTT, ['NHIỆM VỤ CHUYỂN ĐỔI SỐ', t(2, 'H2'), t(4, 'H4')]],
    );
    expect(shown(c)).toEqual([
      [null, 'DỰ ÁN CÔNG NGHỆ THÔNG TIN'],
      ['1', 'V1'],
      ['3', 'V3'],
      ['3.1', 'V3a'],
      [null, 'NHIỆM VỤ CHUYỂN ĐỔI SỐ'],
      ['2', 'H2'],
      ['4', 'H4'],
      ['5', 'Q1'],
      ['6', 'Q2'],
    ]);
  });

  test('the list’s numbers with a gap (a task in the other annex): the annex numbers its tasks 1, 2, 3…', async () => {
    const c = await run([VHTT, [t(1, 'A'), t(2, 'B', { kind: REC }), t(3, 'C')]], [QLDT, [t(1, 'D')]]);
    expect(shown(c).filter((r) => /^\d/.test(String(r[0])))).toEqual([
      ['1', 'A'],
      ['2', 'C'],
      ['3', 'D'],
    ]);
  });

  test('a heading with nothing under it is left out of the annex and said at its cell', async () => {
    const c = await run([QLDT, ['DỰ ÁN CÔNG NGHỆ THÔNG TIN', 'NHIỆM VỤ CHUYỂN ĐỔI SỐ', t(1, 'A')]]);
    expect(shown(c)).toEqual([
      [null, 'NHIỆM VỤ CHUYỂN ĐỔI SỐ'],
      ['1', 'A'],
    ]);
    expect(c.collected.warnings.filter((w) => w.includes('đề mục'))).toEqual([
      expect.stringMatching(
        /^Phòng Quản lý đô thị: T5 Dự án!A\d+ — đề mục “DỰ ÁN CÔNG NGHỆ THÔNG TIN” không có dự án, nhiệm vụ nào/,
      ),
    ]);
  });

  test('the count of tasks per status, with the tasks not assessed yet', async () => {
    const c = await run([
      QLDT,
      [
        t(1, 'A', { assessment: 'Hoàn thành, đúng hạn' }),
        t(2, 'B', { assessment: 'Hoàn thành, đúng hạn' }),
        t(3, 'C'),
        t(4, 'D', { assessment: '' }),
      ],
    ]);
    expect(c.collected.excluded.map((e) => e.reason)).toEqual([]);
    expect(countLine(c)).toBe(
      'Tổng số nhiệm vụ: 4, trong đó: Hoàn thành, đúng hạn: 2; Hoàn thành, trễ hạn: 0; Đang thực hiện theo tiến độ: ' +
        '1; Đang thực hiện, trễ hạn: 0; chưa đánh giá: 1.',
    );
  });
});

describe('budget levels', () => {
  test('a source naming several levels counts under the highest it names', () => {
    expect(
      ['NS thành phố', 'NS tỉnh', 'NS tỉnh, NS thành phố', 'NS trung ương, NS tỉnh', 'Khác', ''].map(budgetLevel),
    ).toEqual(['thanh-pho', 'tinh', 'tinh', 'trung-uong', 'khac', 'khac']);
  });
});
