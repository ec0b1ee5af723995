/**
 * Each annex its own unit list (issue 13, item 1): which annexes list a unit, its group's caption and its place
 * come from the registry; seed 001's Annex II (30 units, two groups) and Annex III (38, three) as printed.
 */
import { kpiAnnex } from '../shared/consolidate/annex';
import { KpiTable } from '../shared/consolidate/kpi';
import { plansMatrix, submissionMatrix } from '../shared/consolidate/matrix';
import { KHANH_HOA } from '../shared/registry/data/khanh-hoa';
import { annexesOf, positionOf, registryFromSheet } from '../shared/registry/from-sheet';
import { Registry } from '../shared/registry/schema';
import { SheetSpec } from '../shared/workbook/sheet-spec';

const rowsOf = (s: SheetSpec) => s.rows.map((r) => r.map((x) => x?.v ?? null));
/** The listing of an annex: group rows "I Sở, ban, ngành" and unit rows "1. Sở Xây dựng", from the header on. */
function listing(s: SheetSpec): string[] {
  const rows = rowsOf(s);
  const top = rows.findIndex((r) => r[0] === 'STT');
  return rows
    .slice(top + 1)
    .filter((r) => /^([IVX]+|\d+\.)$/.test(String(r[0] ?? '')))
    .map((r) => `${r[0]} ${r[1]}`);
}

// Transcribed from seed 001 Annex II (rows 1–30 as printed; Công an tỉnh before Sở LĐTBXH).
const SEED_II = [
  'I Sở, ban, ngành',
  ...[
    'Sở Xây dựng',
    'Sở Ngoại vụ',
    'Sở Kế hoạch và Đầu tư',
    'Sở Khoa học và Công nghệ',
    'Sở Văn hóa và Thể thao',
    'Sở Nội vụ',
    'Sở Công Thương',
    'Sở Nông nghiệp và Phát triển nông thôn',
    'Sở Giao thông vận tải',
    'BQL Khu kinh tế Vân Phong',
    'Thanh tra tỉnh',
    'Sở Y tế',
    'Sở Giáo dục và Đào tạo',
    'Sở Thông tin và Truyền thông',
    'Sở Tài nguyên và Môi trường',
    'Sở Tài chính',
    'Ban Dân tộc',
    'Sở Tư pháp',
    'VP Ủy ban nhân dân tỉnh',
    'Sở Du lịch',
    'Công an tỉnh',
    'Sở Lao động – Thương binh và Xã hội',
  ].map((n, i) => `${i + 1}. ${n}`),
  'II UBND huyện, thị xã, thành phố',
  ...[
    'UBND huyện Cam Lâm',
    'UBND huyện Diên Khánh',
    'UBND huyện Khánh Vĩnh',
    'UBND huyện Khánh Sơn',
    'UBND huyện Vạn Ninh',
    'UBND thị xã Ninh Hòa',
    'UBND thành phố Cam Ranh',
    'UBND thành phố Nha Trang',
  ].map((n, i) => `${i + 23}. ${n}`),
];

// Transcribed from seed 001 Annex III: the same departments with Sở LĐTBXH 21st, then 8 public-service units.
const SEED_III = [
  ...SEED_II.slice(0, 21),
  '21. Sở Lao động – Thương binh và Xã hội',
  '22. Công an tỉnh',
  ...SEED_II.slice(23),
  'III Các đơn vị sự nghiệp trực thuộc UBND tỉnh',
  ...[
    'BQLDA đầu tư xây dựng các công trình Giao thông tỉnh Khánh Hòa',
    'BQLDA đầu tư xây dựng các công trình Nông nghiệp và Phát triển nông thôn tỉnh Khánh Hòa',
    'BQLDA Khu du lịch Bán đảo Cam Ranh',
    'BQLDA Phát triển tỉnh Khánh Hòa',
    'Trường Cao đẳng Kỹ thuật công nghệ Nha Trang',
    'Trường Cao đẳng Y tế Khánh Hòa',
    'Trường Đại học Khánh Hòa',
    'Đài Phát thanh và Truyền hình tỉnh Khánh Hòa',
  ].map((n, i) => `${i + 31}. ${n}`),
];

describe('KHANH_HOA is seed 001: each annex its units, groups and order, no counts', () => {
  const ii = submissionMatrix([], KHANH_HOA, { deadlineDay: 20, range: { first: 2023 * 12 + 3, last: 2023 * 12 + 3 } });
  const iii = plansMatrix([], KHANH_HOA, { year: 2023 });

  test('Phụ lục II: 30 units in two groups, row by row as the seed prints them', () => {
    expect(SEED_II).toHaveLength(32);
    expect(listing(ii)).toEqual(SEED_II);
  });

  test('Phụ lục III: 38 units in three groups, row by row as the seed prints them', () => {
    expect(SEED_III).toHaveLength(41);
    expect(listing(iii)).toEqual(SEED_III);
  });

  test('group rows carry no "(22)" and no "n/N", as the seed', () => {
    for (const s of [ii, iii])
      for (const r of rowsOf(s).filter((x) => /^[IVX]+$/.test(String(x[0] ?? '')))) {
        expect(r.slice(2).every((v) => v === null)).toBe(true);
        expect(String(r[1])).not.toMatch(/\(\d+\)/);
      }
  });
});

describe('a registry sheet carries, per unit, its annexes, group caption and place', () => {
  const HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Phụ lục', 'Tên nhóm', 'Thứ tự'];
  const sheet = [
    HEADER,
    ['S1', 'Sở Nội vụ', 'Sở, ban, ngành', 'II, III', 'Khối sở, ngành', 'II: 2; III: 1'],
    ['S2', 'Sở Tài chính', 'Sở, ban, ngành', '', '', 'II: 1; III: 2'],
    ['SN1', 'Trường Đại học Khánh Hòa', 'Đơn vị sự nghiệp', 'III', 'Đơn vị sự nghiệp trực thuộc', 3],
  ];

  test('read as typed', () => {
    const r = registryFromSheet(sheet, 'KH', 'Khánh Hòa');
    expect(r.errors).toEqual([]);
    expect(r.registry!.units.map((u) => [u.code, u.annexes, u.groupLabel, u.position])).toEqual([
      ['S1', ['II', 'III'], 'Khối sở, ngành', { II: 2, III: 1 }],
      ['S2', undefined, undefined, { II: 1, III: 2 }],
      ['SN1', ['III'], 'Đơn vị sự nghiệp trực thuộc', 3],
    ]);
  });

  test('bad values are refused at their cells, the row left out', () => {
    const r = registryFromSheet(
      [
        HEADER,
        ...sheet.slice(1),
        ['S3', 'Sở Y tế', 'Sở, ban, ngành', 'IV', '', ''],
        ['S4', 'Sở Tư pháp', 'Sở, ban, ngành', '', '', 'đầu'],
      ],
      'KH',
      'Khánh Hòa',
    );
    expect(r.errors).toEqual([
      { cell: 'D5', message: expect.stringMatching(/^Phụ lục “IV” không hợp lệ/) },
      { cell: 'F6', message: expect.stringMatching(/^Thứ tự “đầu” không hợp lệ/) },
    ]);
    expect(r.registry!.units).toHaveLength(3);
  });

  test('the ways staff write them', () => {
    expect(annexesOf('Phụ lục II; III')).toEqual(['II', 'III']);
    expect(annexesOf('2 và 3')).toEqual(['II', 'III']);
    expect(annexesOf('I, II, III')).toEqual(['I', 'II', 'III']);
    expect(annexesOf('V')).toBeNull();
    expect(positionOf(21, '21')).toBe(21);
    expect(positionOf('II: 22, III: 21', 'II: 22, III: 21')).toEqual({ II: 22, III: 21 });
    expect(positionOf(0, '0')).toBeNull();
    expect(positionOf(2.5, '2.5')).toBeNull();
  });

  test('counts per annex from the line "Số lượng theo nhóm" above the table; an unclear value at its cell', () => {
    const withLine = (value: string | null) => [['Số lượng theo nhóm:', value], [], ...sheet];
    expect(registryFromSheet(withLine('Phụ lục II'), 'KH', 'Khánh Hòa').registry!.annexCounts).toEqual({
      I: false,
      II: true,
      III: false,
    });
    expect(registryFromSheet(withLine('Không'), 'KH', 'Khánh Hòa').registry!.annexCounts).toEqual({
      I: false,
      II: false,
      III: false,
    });
    expect(registryFromSheet(sheet, 'KH', 'Khánh Hòa').registry!.annexCounts).toBeUndefined();
    const bad = registryFromSheet(withLine('đôi khi'), 'KH', 'Khánh Hòa');
    expect(bad.errors).toEqual([
      { cell: 'B1', message: expect.stringMatching(/^Số lượng theo nhóm “đôi khi” không rõ/) },
    ]);
    const ii = submissionMatrix([], registryFromSheet(withLine('không'), 'KH', 'Khánh Hòa').registry!, {
      deadlineDay: 20,
    });
    expect(listing(ii)[0]).toBe('I Khối sở, ngành');
  });

  describe('the annexes from it', () => {
    const registry = registryFromSheet(sheet, 'KH', 'Khánh Hòa').registry!;

    test('a unit listed in Phụ lục III only is absent from Phụ lục II; places per annex; captions as named', () => {
      const ii = submissionMatrix([], registry, { deadlineDay: 20 });
      expect(listing(ii)).toEqual(['I Khối sở, ngành (2)', '1. Sở Tài chính', '2. Sở Nội vụ']);
      const iii = plansMatrix([], registry, { year: 2023 });
      expect(listing(iii)).toEqual([
        'I Khối sở, ngành',
        '1. Sở Nội vụ',
        '2. Sở Tài chính',
        'II Đơn vị sự nghiệp trực thuộc',
        '3. Trường Đại học Khánh Hòa',
      ]);
    });

    test('without a caption, the group is named as the product names it', () => {
      const plain: Registry = { ...registry, units: registry.units.map((u) => ({ ...u, groupLabel: undefined })) };
      expect(listing(submissionMatrix([], plain, { deadlineDay: 20 }))[0]).toBe('I Sở, ban, ngành (2)');
    });

    test('counts on (the product default) or off, per annex', () => {
      const counted = rowsOf(plansMatrix([], registry, { year: 2023 })).find((r) => r[0] === 'I')!;
      expect(counted.slice(2)).toEqual(['0/2', '0/2']);
      const off = { ...registry, annexCounts: { III: false } };
      expect(
        rowsOf(plansMatrix([], off, { year: 2023 }))
          .find((r) => r[0] === 'I')!
          .slice(2),
      ).toEqual([null, null]);
      // Phụ lục II keeps its counts: the setting is per annex.
      const ii = rowsOf(submissionMatrix([], off, { deadlineDay: 20 }));
      expect(ii.find((r) => r[0] === 'I')![1]).toBe('Khối sở, ngành (2)');
    });
  });
});

describe('Phụ lục I follows the registry too', () => {
  const sums = (n: number, d: number) => new Map([['K1', { numerator: n, denominator: d, units: 1 }]]);
  const kpi: KpiTable = {
    codes: ['K1'],
    byUnit: [
      { unit: 'Sở Tài chính', group: 'so-ban-nganh', values: sums(1, 2) },
      { unit: 'Sở Nội vụ', group: 'so-ban-nganh', values: sums(3, 4) },
      { unit: 'Trường Đại học Khánh Hòa', group: 'don-vi-su-nghiep', values: sums(5, 6) },
    ],
    byGroup: new Map([
      ['so-ban-nganh', sums(4, 6)],
      ['don-vi-su-nghiep', sums(5, 6)],
    ]),
    total: sums(9, 12),
  };
  const catalogue = [
    { code: 'K1', name: 'Chỉ tiêu một', numerator: { unit: 'hồ sơ' }, denominator: { unit: 'hồ sơ' } },
  ] as unknown as Parameters<typeof kpiAnnex>[1];

  test('without a registry: as before', () => {
    expect(listing(kpiAnnex(kpi, catalogue, {}))).toEqual([
      'I Đơn vị sự nghiệp',
      '1. Trường Đại học Khánh Hòa',
      'II Sở, ban, ngành',
      '1. Sở Tài chính',
      '2. Sở Nội vụ',
    ]);
  });

  test('a unit the registry keeps out of Phụ lục I is left out, and out of the sums; order and captions its', () => {
    const registry: Registry = {
      code: 'KH',
      name: 'Khánh Hòa',
      units: [
        { code: 'S1', name: 'Sở Nội vụ', group: 'so-ban-nganh', parent: 'KH', aliases: [], groupLabel: 'Khối sở' },
        { code: 'S2', name: 'Sở Tài chính', group: 'so-ban-nganh', parent: 'KH', aliases: [] },
        {
          code: 'SN',
          name: 'Trường Đại học Khánh Hòa',
          group: 'don-vi-su-nghiep',
          parent: 'KH',
          aliases: [],
          annexes: ['III'],
        },
      ],
    };
    const rows = rowsOf(kpiAnnex(kpi, catalogue, {}, registry));
    expect(listing(kpiAnnex(kpi, catalogue, {}, registry))).toEqual(['I Khối sở', '1. Sở Nội vụ', '2. Sở Tài chính']);
    expect(rows.find((r) => r[1] === 'Cộng khối sở:')!.slice(2, 4)).toEqual([4, 6]);
    expect(rows.find((r) => r[1] === 'Tổng cộng:')!.slice(2, 4)).toEqual([4, 6]);
  });
});
