import { Registry } from '../schema';

// Seed 001 Annex III, the 38 reporting units in their order; Annex II lists the first 30 (see KHANH_HOA).
const departments = [
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
  'Sở Lao động – Thương binh và Xã hội',
  'Công an tỉnh',
];
const districts = [
  'UBND huyện Cam Lâm',
  'UBND huyện Diên Khánh',
  'UBND huyện Khánh Vĩnh',
  'UBND huyện Khánh Sơn',
  'UBND huyện Vạn Ninh',
  'UBND thị xã Ninh Hòa',
  'UBND thành phố Cam Ranh',
  'UBND thành phố Nha Trang',
];
const publicUnits = [
  'BQLDA đầu tư xây dựng các công trình Giao thông tỉnh Khánh Hòa',
  'BQLDA đầu tư xây dựng các công trình Nông nghiệp và Phát triển nông thôn tỉnh Khánh Hòa',
  'BQLDA Khu du lịch Bán đảo Cam Ranh',
  'BQLDA Phát triển tỉnh Khánh Hòa',
  'Trường Cao đẳng Kỹ thuật công nghệ Nha Trang',
  'Trường Cao đẳng Y tế Khánh Hòa',
  'Trường Đại học Khánh Hòa',
  'Đài Phát thanh và Truyền hình tỉnh Khánh Hòa',
];
const ALIASES: Record<string, string[]> = {
  'BQL Khu kinh tế Vân Phong': ['Ban Quản lý Khu kinh tế Vân Phong'],
  'VP Ủy ban nhân dân tỉnh': ['Văn phòng UBND tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh'],
};

/** Seed 001 Annex II swaps these two against Annex III's order: Công an tỉnh 21st, Sở LĐTBXH 22nd. */
const ANNEX_II_PLACE: Record<string, number> = {
  'Công an tỉnh': 21,
  'Sở Lao động – Thương binh và Xã hội': 22,
};

/**
 * Seed 001 as printed: Annex II lists 30 units in two groups (the public-service units send no monthly report
 * there), Annex III all 38 in three, the third captioned as the seed does; neither prints group counts.
 */
export const KHANH_HOA: Registry = {
  code: 'KH',
  name: 'Tỉnh Khánh Hòa',
  annexCounts: { II: false, III: false },
  units: [
    ...departments.map((name, i) => ({
      code: `KH-S${String(i + 1).padStart(2, '0')}`,
      name,
      group: 'so-ban-nganh' as const,
      parent: 'KH',
      aliases: ALIASES[name] ?? [],
      ...(ANNEX_II_PLACE[name] ? { position: { II: ANNEX_II_PLACE[name] } } : {}),
    })),
    ...districts.map((name, i) => ({
      code: `KH-H${String(i + 1).padStart(2, '0')}`,
      name,
      group: 'ubnd-huyen' as const,
      parent: 'KH',
      aliases: [],
    })),
    ...publicUnits.map((name, i) => ({
      code: `KH-SN${String(i + 1).padStart(2, '0')}`,
      name,
      group: 'don-vi-su-nghiep' as const,
      groupLabel: 'Các đơn vị sự nghiệp trực thuộc UBND tỉnh',
      annexes: ['I' as const, 'III' as const],
      parent: 'KH',
      aliases: [],
    })),
  ],
};
