import { Registry } from '../schema';

// The second sample city of Khánh Hòa (issue 12): Cam Ranh's wards and communes as they stood in 2023,
// its own offices left out. A province consolidates it beside Nha Trang from the two cities' annexes.
const wards = ['Cam Nghĩa', 'Cam Phúc Bắc', 'Cam Phúc Nam', 'Cam Lợi', 'Cam Linh', 'Cam Lộc', 'Cam Phú', 'Ba Ngòi'];
const communes = ['Cam Thịnh Đông', 'Cam Thịnh Tây', 'Cam Lập', 'Cam Phước Đông', 'Cam Thành Nam', 'Cam Bình'];

export const CAM_RANH: Registry = {
  code: 'CR',
  name: 'Thành phố Cam Ranh',
  units: [
    {
      code: 'CR',
      name: 'UBND thành phố Cam Ranh',
      group: 'cap-tinh',
      aliases: ['UBND TP Cam Ranh', 'Thành phố Cam Ranh'],
    },
    ...wards.map((w, i) => ({
      code: `CR-P${String(i + 1).padStart(2, '0')}`,
      name: `Phường ${w}`,
      group: 'ubnd-xa-phuong' as const,
      parent: 'CR',
      aliases: [],
    })),
    ...communes.map((w, i) => ({
      code: `CR-X${String(i + 1).padStart(2, '0')}`,
      name: `Xã ${w}`,
      group: 'ubnd-xa-phuong' as const,
      parent: 'CR',
      aliases: [],
    })),
  ],
};
