import { Registry } from '../schema';

// Seed 003 §1, in its order.
const offices = [
  'Văn phòng HĐND và UBND',
  'Phòng Tài nguyên và Môi trường',
  'Phòng Quản lý đô thị',
  'Phòng Tài chính - Kế hoạch',
  'Phòng Văn hóa và Thông tin',
  'Phòng Giáo dục và Đào tạo',
  'Phòng Lao động - Thương binh và Xã hội',
  'Phòng Nội vụ',
  'Phòng Kinh tế',
  'Phòng Tư pháp',
  'Phòng Y tế',
  'Thanh tra thành phố',
];
const wards = [
  'Phường 1',
  'Phường 2',
  'Phường 3',
  'Phường 4',
  'Phường 5',
  'Phường Thắng Nhì',
  'Phường 7',
  'Phường 8',
  'Phường 9',
  'Phường 10',
  'Phường 11',
  'Phường 12',
  'Phường Thắng Tam',
  'Phường Rạch Dừa',
  'Phường Thắng Nhất',
  'Phường Nguyễn An Ninh',
  'Xã Long Sơn',
];

export const VUNG_TAU: Registry = {
  code: 'VT',
  name: 'Thành phố Vũng Tàu',
  units: [
    {
      code: 'VT',
      name: 'UBND thành phố Vũng Tàu',
      group: 'cap-tinh',
      aliases: ['UBND TP.VT', 'UBND TPVT', 'TPVT', 'UBND TP. Vũng Tàu', 'UBND cấp huyện'],
    },
    ...offices.map((name, i) => ({
      code: `VT-CQ${String(i + 1).padStart(2, '0')}`,
      name,
      group: 'co-quan-chuyen-mon' as const,
      parent: 'VT',
      aliases: name === 'Phòng Lao động - Thương binh và Xã hội' ? ['Phòng LĐTB và XH'] : [],
    })),
    ...wards.map((name, i) => ({
      code: `VT-P${String(i + 1).padStart(2, '0')}`,
      name,
      group: 'ubnd-xa-phuong' as const,
      parent: 'VT',
      aliases: [],
    })),
  ],
};
