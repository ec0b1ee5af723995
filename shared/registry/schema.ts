import { z } from 'zod';

export const UnitGroup = z.enum([
  'co-quan-chuyen-mon', // cơ quan chuyên môn thuộc UBND cấp huyện
  'don-vi-su-nghiep', // đơn vị sự nghiệp
  'ubnd-xa-phuong', // UBND xã, phường, thị trấn
  'so-ban-nganh', // sở, ban, ngành cấp tỉnh
  'ubnd-huyen', // UBND huyện, thị xã, thành phố thuộc tỉnh
  'cap-tinh', // the province or city itself
]);
export type UnitGroup = z.infer<typeof UnitGroup>;

/** Vietnamese caption of each group, as the annexes print it. */
export const UNIT_GROUP_LABEL: Record<UnitGroup, string> = {
  'co-quan-chuyen-mon': 'Cơ quan chuyên môn',
  'don-vi-su-nghiep': 'Đơn vị sự nghiệp',
  'ubnd-xa-phuong': 'UBND các xã, phường',
  'so-ban-nganh': 'Sở, ban, ngành',
  'ubnd-huyen': 'UBND huyện, thị xã, thành phố',
  'cap-tinh': 'Cấp tỉnh / thành phố',
};

export const Unit = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  group: UnitGroup,
  parent: z.string().optional(),
  aliases: z.array(z.string()).default([]),
});
export type Unit = z.infer<typeof Unit>;

export const Registry = z.object({
  code: z.string(),
  name: z.string(),
  units: z.array(Unit),
});
export type Registry = z.infer<typeof Registry>;
