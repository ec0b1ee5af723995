import { Submission } from '../shared/consolidate/collect';
import { plansMatrix, submissionMatrix } from '../shared/consolidate/matrix';
import { KHANH_HOA } from '../shared/registry/data/khanh-hoa';
import { defaultMatcher } from '../shared/registry/default';
import { STYLES } from '../shared/workbook/styles';

const unit = (name: string) => defaultMatcher().match(name).unit!;

function sub(
  name: string,
  period: string,
  completedAt: string | null,
  plans: Record<string, boolean> = {},
): Submission {
  return {
    source: { file: `${name}.xlsx` },
    unit: unit(name),
    period,
    completedAt,
    version: null,
    issues: [],
    read: {
      cover: {},
      unmatched: [],
      mappings: [],
      tables: [
        {
          table: 'T6a',
          sheet: 'T6 Tuân thủ',
          headerRow: 3,
          headerRows: 1,
          columns: {},
          missing: [],
          score: 0,
          mapped: false,
          rows: Object.entries(plans).map(([plan, issued], i) => ({
            row: 4 + i,
            kind: 'item' as const,
            cells: { plan, issued: issued ? 'X' : null },
          })),
        },
      ],
    },
  };
}

// KHANH_HOA prints no group counts, as seed 001 does; these tests check the counts the product can print.
const COUNTED = { ...KHANH_HOA, annexCounts: {} };

const rowsOf = (values: Array<Array<{ v?: unknown } | null>>) => values.map((r) => r.map((x) => x?.v ?? null));

describe('Phụ lục II: seed 001 Annex II, reports of months 2, 3 and 4/2023', () => {
  // Seed 001 Annex II, unit by unit: [Feb, Mar, Apr].
  const MARKS: Array<[string, string]> = [
    ['Sở Xây dựng', '..X'],
    ['Sở Ngoại vụ', '...'],
    ['Sở Kế hoạch và Đầu tư', 'XXX'],
    ['Sở Khoa học và Công nghệ', '...'],
    ['Sở Văn hóa và Thể thao', '.XX'],
    ['Sở Nội vụ', '..X'],
    ['Sở Công Thương', '...'],
    ['Sở Nông nghiệp và Phát triển nông thôn', '.XX'],
    ['Sở Giao thông vận tải', '..X'],
    ['BQL Khu kinh tế Vân Phong', '.XX'],
    ['Thanh tra tỉnh', 'X.X'],
    ['Sở Y tế', 'XXX'],
    ['Sở Giáo dục và Đào tạo', 'XXX'],
    ['Sở Thông tin và Truyền thông', 'XXX'],
    ['Sở Tài nguyên và Môi trường', 'X.X'],
    ['Sở Tài chính', '.XX'],
    ['Ban Dân tộc', '..X'],
    ['Sở Tư pháp', 'X.X'],
    ['VP Ủy ban nhân dân tỉnh', 'XXX'],
    ['Sở Du lịch', '...'],
    ['Công an tỉnh', 'X.X'],
    ['Sở Lao động – Thương binh và Xã hội', '...'],
    ['UBND huyện Cam Lâm', 'X..'],
    ['UBND huyện Diên Khánh', 'XXX'],
    ['UBND huyện Khánh Vĩnh', '..X'],
    ['UBND huyện Khánh Sơn', '..X'],
    ['UBND huyện Vạn Ninh', 'XXX'],
    ['UBND thị xã Ninh Hòa', 'XXX'],
    ['UBND thành phố Cam Ranh', '..X'],
    ['UBND thành phố Nha Trang', 'XXX'],
  ];
  const months = ['2/2023', '3/2023', '4/2023'];
  const subs: Submission[] = [];
  for (const [name, marks] of MARKS) {
    [...marks].forEach((m, i) => {
      // Sở Tài chính sent its April report on 25/05, after the 20th.
      const done = name === 'Sở Tài chính' && i === 2 ? '25/05/2023 08:00' : `1${i}/0${i + 3}/2023 09:00`;
      if (m === 'X') subs.push(sub(name, `tháng ${months[i]}`, done));
    });
  }
  const sheet = submissionMatrix(subs, COUNTED, { deadlineDay: 20 });
  const rows = rowsOf(sheet.rows);

  test('one column per month, "X" where the report arrived', () => {
    const header = rows.find((r) => r[0] === 'STT')!;
    expect(header.slice(2)).toEqual(months.map((m) => `Thực hiện báo cáo chuyển đổi số tháng ${m}`));
    expect(rows.find((r) => r[1] === 'Sở Kế hoạch và Đầu tư')!.slice(2)).toEqual(['X', 'X', 'X']);
    expect(rows.find((r) => r[1] === 'Sở Ngoại vụ')!.slice(2)).toEqual(['', '', '']);
    expect(rows.find((r) => r[1] === 'Thanh tra tỉnh')!.slice(2)).toEqual(['X', '', 'X']);
  });

  test('counts per group and month', () => {
    expect(rows.find((r) => r[0] === 'I')!.slice(1)).toEqual(['Sở, ban, ngành (22)', '9/22', '9/22', '17/22']);
    expect(rows.find((r) => r[0] === 'II')!.slice(1)).toEqual([
      'UBND huyện, thị xã, thành phố (8)',
      '5/8',
      '4/8',
      '7/8',
    ]);
  });

  test('a group row’s counts are centred over the marks, which are centred too; all at the top of the row', () => {
    const group = sheet.rows.find((r) => r[0]?.v === 'I')!;
    const unitRow = sheet.rows.find((r) => r[1]?.v === 'Sở Kế hoạch và Đầu tư')!;
    expect(group.slice(2).map((x) => STYLES[x!.s!].align)).toEqual(['center', 'center', 'center']);
    expect(unitRow.slice(2).map((x) => STYLES[x!.s!].align)).toEqual(['center', 'center', 'center']);
    expect([...group, ...unitRow].map((x) => STYLES[x!.s!].valign)).toEqual(Array(10).fill('top'));
    // The group's name stays where it is read, on the left.
    expect(STYLES[group[1]!.s!].align).toBeUndefined();
  });

  test('late by the deadline day of the following month', () => {
    expect(rows.find((r) => r[1] === 'Sở Tài chính')!.slice(2)).toEqual(['', 'X', 'X (trễ hạn)']);
    const early = submissionMatrix(subs, KHANH_HOA, { deadlineDay: 28 });
    expect(
      rowsOf(early.rows)
        .find((r) => r[1] === 'Sở Tài chính')!
        .slice(2),
    ).toEqual(['', 'X', 'X']);
    expect(rows.some((r) => String(r[0]).startsWith('Ghi chú: Dấu “X”: Đã thực hiện'))).toBe(true);
  });
});

describe('Phụ lục III: seed 001 Annex III, plans issued, with counts per group', () => {
  const NO_PLAN = new Set([
    'Sở Tài nguyên và Môi trường',
    'Sở Du lịch',
    'BQLDA đầu tư xây dựng các công trình Nông nghiệp và Phát triển nông thôn tỉnh Khánh Hòa',
    'Trường Cao đẳng Y tế Khánh Hòa',
  ]);
  const NO_INCIDENT = new Set([
    'Thanh tra tỉnh',
    'Sở Tư pháp',
    'Sở Du lịch',
    'BQLDA đầu tư xây dựng các công trình Nông nghiệp và Phát triển nông thôn tỉnh Khánh Hòa',
    'Trường Đại học Khánh Hòa',
    'Đài Phát thanh và Truyền hình tỉnh Khánh Hòa',
  ]);
  const subs = KHANH_HOA.units.map((u) =>
    sub(u.name, 'tháng 4/2023', '10/05/2023 08:00', {
      'Kế hoạch chuyển đổi số năm': !NO_PLAN.has(u.name),
      'Kế hoạch ứng phó sự cố': !NO_INCIDENT.has(u.name),
    }),
  );
  const rows = rowsOf(plansMatrix(subs, COUNTED, { year: 2023 }).rows);

  test('"X" marks per unit and "20/22"-style counts per group', () => {
    expect(rows.find((r) => r[0] === 'I')!.slice(2)).toEqual(['20/22', '19/22']);
    expect(rows.find((r) => r[0] === 'II')!.slice(2)).toEqual(['8/8', '8/8']);
    expect(rows.find((r) => r[0] === 'III')!.slice(2)).toEqual(['6/8', '5/8']);
    const group = plansMatrix(subs, COUNTED, { year: 2023 }).rows.find((r) => r[0]?.v === 'I')!;
    expect(group.slice(2).map((x) => STYLES[x!.s!].align)).toEqual(['center', 'center']);
    expect(rows.find((r) => r[1] === 'Sở Du lịch')!.slice(2)).toEqual(['', '']);
    expect(rows.find((r) => r[1] === 'Thanh tra tỉnh')!.slice(2)).toEqual(['X', '']);
    expect(rows.find((r) => r[0] === 'STT')!.slice(2)).toEqual([
      'Kế hoạch chuyển đổi số năm 2023',
      'Kế hoạch ứng phó sự cố năm 2023',
    ]);
  });
});
