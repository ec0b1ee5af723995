import { z } from 'zod';
import { toneKey } from '../text/fold';
import { shortText, stripInvisible } from '../text/invisible';

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

/** Names lose their invisible characters (bidirectional controls, zero-width) when a registry is read. */
const name = z.string().min(1).transform(stripInvisible);

export const Unit = z.object({
  code: z.string().min(1).transform(stripInvisible),
  name,
  group: UnitGroup,
  parent: z.string().optional(),
  aliases: z.array(z.string().transform(stripInvisible)).default([]),
});
export type Unit = z.infer<typeof Unit>;

/** Two units of one registry under one code, or one name (or other name) for two units, each with where. */
export interface RegistryDuplicate {
  /** Index of the later unit, and of the one it repeats. */
  index: number;
  first: number;
  field: 'code' | 'name' | 'aliases';
  message: string;
}

/**
 * The codes and names a registry repeats. A code names one unit; a name, folded as matching folds it
 * ("Phường 1" = "phường  1" = "Phuờng 1" in NFD), names one unit, so a repeated one would make a
 * report go to the wrong unit or be dropped as another's "older submission".
 */
export function registryDuplicates(
  units: Array<{ code: string; name: string; aliases?: string[] }>,
): RegistryDuplicate[] {
  const out: RegistryDuplicate[] = [];
  const codes = new Map<string, number>();
  const names = new Map<string, number>();
  units.forEach((u, index) => {
    const code = u.code.trim();
    const firstCode = codes.get(code);
    if (firstCode !== undefined)
      out.push({ index, first: firstCode, field: 'code', message: `Mã đơn vị “${shortText(code)}” trùng.` });
    else codes.set(code, index);
    const own = new Set<string>();
    for (const [field, name] of [['name', u.name] as const, ...(u.aliases ?? []).map((a) => ['aliases', a] as const)]) {
      const key = toneKey(name);
      if (!key || own.has(key)) continue;
      own.add(key);
      const first = names.get(key);
      if (first !== undefined && first !== index)
        out.push({
          index,
          first,
          field,
          message: `Tên “${shortText(name.normalize('NFC'))}” trùng với tên của đơn vị khác.`,
        });
      else names.set(key, index);
    }
  });
  return out;
}

export const Registry = z
  .object({
    code: z.string(),
    name: z.string(),
    units: z.array(Unit),
  })
  .superRefine((r, ctx) => {
    for (const d of registryDuplicates(r.units))
      ctx.addIssue({
        code: 'custom',
        path: ['units', d.index, d.field],
        message: `${d.message} (như units.${d.first})`,
      });
  });
export type Registry = z.infer<typeof Registry>;
