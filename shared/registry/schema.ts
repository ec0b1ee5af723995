import { z } from 'zod';
import { makeDay } from '../dates/date';
import { toneKey } from '../text/fold';
import { shortText, stripInvisible } from '../text/invisible';

/*
 * Today's two tiers (since 1 July 2025) need no new group: a province's communes, wards and special zones are
 * 'ubnd-xa-phuong' (their kind, Phường / Xã / Đặc khu, says which), its departments 'so-ban-nganh'. A new value
 * would be a new annex section: the annexes list their groups in a fixed order (consolidate/annex.ts), and a
 * province's communes are the same reporting level as a city's wards were — the same rows, subtotal and caption.
 */
export const UnitGroup = z.enum([
  'co-quan-chuyen-mon', // cơ quan chuyên môn thuộc UBND cấp huyện
  'don-vi-su-nghiep', // đơn vị sự nghiệp
  'ubnd-xa-phuong', // UBND xã, phường, thị trấn; since 1 July 2025 also đặc khu
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

/** A calendar day written "2025-07-01", a day that exists (no 2025-02-30). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày ghi dạng YYYY-MM-DD (ví dụ: 2025-07-01)')
  .refine((s) => makeDay(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))) !== null, {
    message: 'ngày không có thật',
  });

export const Unit = z.object({
  /** The official code where there is one: 5 digits for a commune, ward or special zone since 1 July 2025. */
  code: z.string().min(1).transform(stripInvisible),
  name,
  group: UnitGroup,
  parent: z.string().optional(),
  aliases: z.array(z.string().transform(stripInvisible)).default([]),
  /** Phường, Xã, Đặc khu, Thị trấn, Sở…: what the unit is, as its decision writes it. */
  kind: z.string().min(1).transform(stripInvisible).optional(),
  /** First day the unit exists (2025-07-01 for today's communes); absent: since before any report. */
  validFrom: IsoDate.optional(),
  /** Last day the unit exists, inclusive (2025-06-30 for a ward merged on 1 July 2025); absent: still exists. */
  validTo: IsoDate.optional(),
  /**
   * The former units it was formed from, as the merger map writes them: "Phường Lộc Thọ",
   * "Xã Cam Hải Tây (một phần)", "Phường Minh Khai (quận Bắc Từ Liêm)"; history.ts reads the notes.
   */
  formedFrom: z.array(z.string().min(1).transform(stripInvisible)).optional(),
  /** An e-mail address or a phone number of the unit's reporting officer (kept as written). */
  contact: z.string().transform(stripInvisible).optional(),
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
    r.units.forEach((u, i) => {
      if (u.validFrom && u.validTo && u.validTo < u.validFrom)
        ctx.addIssue({
          code: 'custom',
          path: ['units', i, 'validTo'],
          message: `Hiệu lực đến ${u.validTo} trước hiệu lực từ ${u.validFrom}.`,
        });
    });
    for (const d of registryDuplicates(r.units))
      ctx.addIssue({
        code: 'custom',
        path: ['units', d.index, d.field],
        message: `${d.message} (như units.${d.first})`,
      });
  });
export type Registry = z.infer<typeof Registry>;
