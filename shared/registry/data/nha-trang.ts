import { Registry } from '../schema';

const offices = [
  'Văn phòng HĐND và UBND',
  'Phòng Nội vụ',
  'Phòng Tư pháp',
  'Phòng Tài chính - Kế hoạch',
  'Phòng Tài nguyên và Môi trường',
  'Phòng Lao động - Thương binh và Xã hội',
  'Phòng Văn hóa và Thông tin',
  'Phòng Giáo dục và Đào tạo',
  'Phòng Y tế',
  'Thanh tra thành phố',
  'Phòng Kinh tế',
  'Phòng Quản lý đô thị',
];
// Seed 000 names five of the nine; the rest are Nha Trang's other public units.
const publicUnits = [
  'Trung tâm Văn hóa - Thông tin và Thể thao',
  'Ban quản lý Vịnh Nha Trang',
  'Ban quản lý chợ Xóm Mới',
  'Đội Thanh niên xung kích',
  'Trung tâm Y tế thành phố',
  'Ban Quản lý dự án các công trình xây dựng',
  'Ban Quản lý Dịch vụ công ích',
  'Trung tâm Phát triển quỹ đất',
  'Ban quản lý chợ Đầm',
];
const wards = [
  'Vĩnh Hòa',
  'Vĩnh Hải',
  'Vĩnh Phước',
  'Vĩnh Thọ',
  'Xương Huân',
  'Vạn Thắng',
  'Vạn Thạnh',
  'Phương Sài',
  'Phương Sơn',
  'Ngọc Hiệp',
  'Phước Hòa',
  'Phước Tân',
  'Phước Tiến',
  'Phước Hải',
  'Lộc Thọ',
  'Tân Lập',
  'Vĩnh Nguyên',
  'Phước Long',
  'Vĩnh Trường',
];
const communes = [
  'Vĩnh Lương',
  'Vĩnh Phương',
  'Vĩnh Ngọc',
  'Vĩnh Thạnh',
  'Vĩnh Trung',
  'Vĩnh Hiệp',
  'Vĩnh Thái',
  'Phước Đồng',
];

export const NHA_TRANG: Registry = {
  code: 'NT',
  name: 'Thành phố Nha Trang',
  units: [
    {
      code: 'NT',
      name: 'UBND thành phố Nha Trang',
      group: 'cap-tinh',
      aliases: ['UBND TP Nha Trang', 'Thành phố Nha Trang'],
    },
    ...offices.map((name, i) => ({
      code: `NT-CQ${String(i + 1).padStart(2, '0')}`,
      name,
      group: 'co-quan-chuyen-mon' as const,
      parent: 'NT',
      aliases: [],
    })),
    ...publicUnits.map((name, i) => ({
      code: `NT-SN${String(i + 1).padStart(2, '0')}`,
      name,
      group: 'don-vi-su-nghiep' as const,
      parent: 'NT',
      aliases: [],
    })),
    ...wards.map((w, i) => ({
      code: `NT-P${String(i + 1).padStart(2, '0')}`,
      name: `Phường ${w}`,
      group: 'ubnd-xa-phuong' as const,
      parent: 'NT',
      aliases: [],
    })),
    ...communes.map((w, i) => ({
      code: `NT-X${String(i + 1).padStart(2, '0')}`,
      name: `Xã ${w}`,
      group: 'ubnd-xa-phuong' as const,
      parent: 'NT',
      aliases: [],
    })),
  ],
};
