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

/** T5 rows: a string is a heading written across the row (its text in the first cell, as a merged row keeps it). */
function rows(lines: Array<string | Task>): Edit[] {
  return lines.flatMap((line, i): Edit[] => {
    const r = `#${i + 1}`;
    if (typeof line === 'string') return [{ table: 'T5', row: r, field: 'stt', value: line }];
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

  test('the sections are numbered I, II, III as printed, the unit’s own heading too', () => {
    const v = values(c, 'Phụ lục IV');
    const sections = v.filter((r) => r.slice(2).every((x) => x === null) && r[1] && !String(r[1]).endsWith(':'));
    expect(sections.map((r) => [r[0], r[1]])).toEqual([
      ['I', 'NHIỆM VỤ CHUYỂN ĐỔI SỐ'],
      ['II', 'PHÒNG QUẢN LÝ ĐÔ THỊ'],
      ['III', 'PHÒNG VĂN HÓA VÀ THÔNG TIN'],
    ]);
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
    expect(totals.flat().map((x) => STYLES[x!.s!].valign)).toEqual(totals.flat().map(() => 'top'));
  });
});

describe('budget levels', () => {
  test('a source naming several levels counts under the highest it names', () => {
    expect(
      ['NS thành phố', 'NS tỉnh', 'NS tỉnh, NS thành phố', 'NS trung ương, NS tỉnh', 'Khác', ''].map(budgetLevel),
    ).toEqual(['thanh-pho', 'tinh', 'tinh', 'trung-uong', 'khac', 'khac']);
  });
});
