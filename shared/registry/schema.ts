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
const GROUPS = [
  'co-quan-chuyen-mon', // cơ quan chuyên môn thuộc UBND cấp huyện
  'don-vi-su-nghiep', // đơn vị sự nghiệp
  'ubnd-xa-phuong', // UBND xã, phường, thị trấn; since 1 July 2025 also đặc khu
  'so-ban-nganh', // sở, ban, ngành cấp tỉnh
  'ubnd-huyen', // UBND huyện, thị xã, thành phố thuộc tỉnh
  'cap-tinh', // the province or city itself
] as const;
export const UnitGroup = z.enum(GROUPS, {
  error: (i) => `${i.input === undefined ? 'thiếu nhóm' : `nhóm “${String(i.input)}” không có`} (${GROUPS.join(', ')})`,
});
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

/**
 * A text field, refused in Vietnamese with what it is: a registry file typed or edited by hand is told which field
 * is missing or not text (`units.2.code: thiếu mã đơn vị`), never zod's English.
 */
const text = (what: string) =>
  z.string({
    error: (i) => (i.input === undefined ? `thiếu ${what}` : `${what} phải là chữ, không phải ${typeOf(i.input)}`),
  });

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'danh sách';
  if (typeof v === 'number') return `số ${String(v)}`;
  if (typeof v === 'boolean') return String(v);
  return typeof v === 'object' ? 'một đối tượng' : typeof v;
}

/** Names lose their invisible characters (bidirectional controls, zero-width) when a registry is read. */
const name = text('tên đơn vị').min(1, 'tên đơn vị trống').transform(stripInvisible);

/** A calendar day written "2025-07-01", a day that exists (no 2025-02-30). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày ghi dạng YYYY-MM-DD (ví dụ: 2025-07-01)')
  .refine((s) => makeDay(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))) !== null, {
    message: 'ngày không có thật',
  });

/** The annexes that list units: Phụ lục I (indicators), II (reports sent), III (plans issued). */
export const AnnexId = z.enum(['I', 'II', 'III']);
export type AnnexId = z.infer<typeof AnnexId>;

const place = z.number().int().positive();

/** An indicator's code, as the catalogue writes it ("XHS.03", "CQS.HSTT"); typed in any case. */
const IndicatorCode = z
  .string({ error: 'mã chỉ tiêu phải là chữ (ví dụ "XHS.03")' })
  .transform((s) => stripInvisible(s).trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]+\.[0-9A-Z]+$/, 'mã chỉ tiêu ghi dạng NHÓM.SỐ (ví dụ XHS.03, CQS.HSTT)'));
/** The keys of a by-group object that are no group, quoted ("“UBND các xã, phường”": a caption, not the key). */
function unknownGroups(input: unknown): string[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [];
  return Object.keys(input)
    .filter((k) => !(GROUPS as readonly string[]).includes(k))
    .map((k) => `“${shortText(k, 60)}”`);
}

/** A list of indicator codes, said in Vietnamese when it is not one ("XHS.03" written without its brackets). */
const CodeList = z.array(IndicatorCode, {
  error: (i) => `phải là danh sách mã chỉ tiêu, ví dụ ["XHS.03", "CQS.HSTT"], không phải ${typeOf(i.input)}`,
});

/**
 * A unit's place in an annex: one number for every annex, or one per annex where the secretariat orders them
 * differently (seed 001 lists Công an tỉnh before Sở LĐTBXH in Annex II, after it in Annex III).
 */
export const UnitPosition = z.union([
  place,
  z.object({ I: place.optional(), II: place.optional(), III: place.optional() }).strict(),
]);
export type UnitPosition = z.infer<typeof UnitPosition>;

export const Unit = z.object({
  /** The official code where there is one: 5 digits for a commune, ward or special zone since 1 July 2025. */
  code: text('mã đơn vị').min(1, 'mã đơn vị trống').transform(stripInvisible),
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
  /** The annexes that list the unit (seed 001's public-service units are in Annex III, not II); absent: all. */
  annexes: z.array(AnnexId).optional(),
  /** The registry's own caption of the unit's group, printed as is ("Các đơn vị sự nghiệp trực thuộc UBND tỉnh"). */
  groupLabel: z.string().min(1).transform(stripInvisible).optional(),
  /** Its place in the annexes; absent: its place in the registry. */
  position: UnitPosition.optional(),
  /**
   * Indicator codes that do not apply to this unit ("Không áp dụng", issue 16): neither expected nor counted;
   * its group's (Registry.notApplicable) apply too (registry/not-applicable.ts).
   */
  notApplicable: CodeList.optional(),
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

/**
 * What `dx-report registry --json` prints without --code or --province: `{"registries": [...]}`. Holding one
 * registry, it is that registry (a list saved and trimmed by hand is handed back as it is); holding several, it is
 * refused with their codes and the command that saves one, since a consolidation matches against one registry.
 */
type AddIssue = { addIssue: (issue: { code: 'custom'; message: string; path?: string[] }) => void };
function oneRegistry(value: unknown, ctx: AddIssue) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: 'không phải một danh mục ({"code", "name", "units": [...]})' });
    return z.NEVER;
  }
  const list = (value as { registries?: unknown }).registries;
  if (!('registries' in value) || 'units' in value) return value;
  if (Array.isArray(list) && list.length === 1) return list[0];
  const codes = Array.isArray(list) ? list.map((r) => String((r as { code?: unknown } | null)?.code ?? '?')) : [];
  ctx.addIssue({
    code: 'custom',
    path: ['registries'],
    message:
      `tệp có ${codes.length} danh mục (${codes.join(', ')}), --registry nhận một danh mục: ` +
      `lưu một danh mục bằng npx dx-report registry --code ${codes[0] ?? 'NT'} --json > ${codes[0] ?? 'NT'}.json`,
  });
  return z.NEVER;
}

const RegistryObject = z
  .object({
    code: text('mã danh mục (“code”)'),
    name: text('tên danh mục (“name”)'),
    units: z.array(Unit, {
      error: (i) => (i.input === undefined ? 'thiếu danh sách đơn vị (“units”)' : '“units” phải là một danh sách'),
    }),
    /** Whether an annex's group rows print their counts ("Sở, ban, ngành (22)", "9/22"); see showsCounts. */
    annexCounts: z
      .object({ I: z.boolean().optional(), II: z.boolean().optional(), III: z.boolean().optional() })
      .optional(),
    /** Per group, the indicators that apply to none of its units ("Không áp dụng cho nhóm"). */
    notApplicable: z
      .partialRecord(UnitGroup, CodeList, {
        error: (i) =>
          unknownGroups(i.input).length
            ? `nhóm ${unknownGroups(i.input).join(', ')} không có (${GROUPS.join(', ')})`
            : `phải là các nhóm với mã chỉ tiêu, ví dụ {"ubnd-xa-phuong": ["KTS.GRDP"]}`,
      })
      .optional(),
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
export const Registry = z.preprocess(oneRegistry, RegistryObject);
export type Registry = z.infer<typeof RegistryObject>;

/** A group of an annex: its caption and its units, in the annex's order. */
export interface AnnexGroup {
  group: UnitGroup;
  label: string;
  units: Unit[];
}

/** Does the annex list the unit? */
export const listedIn = (u: Pick<Unit, 'annexes'>, annex: AnnexId) => !u.annexes || u.annexes.includes(annex);

/** The unit's place in one annex, if the registry gives one. */
export function positionIn(u: Pick<Unit, 'position'>, annex: AnnexId): number | undefined {
  return typeof u.position === 'number' ? u.position : u.position?.[annex];
}

/**
 * The units an annex lists, in its order: by position where given, a unit without one keeping its place in the
 * registry (its index + 1), so a registry may position only the units it moves; ties keep registry order.
 */
export function annexOrder<U extends Pick<Unit, 'annexes' | 'position'>>(units: U[], annex: AnnexId): U[] {
  return units
    .map((u, i) => ({ u, i, at: positionIn(u, annex) ?? i + 1 }))
    .filter((x) => listedIn(x.u, annex))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map((x) => x.u);
}

/** The annex's groups in the order their first unit comes, captioned as the registry names them. */
export function annexGroups(units: Unit[], annex: AnnexId): AnnexGroup[] {
  const out = new Map<UnitGroup, AnnexGroup>();
  for (const u of annexOrder(units, annex)) {
    const g = out.get(u.group) ?? { group: u.group, label: '', units: [] };
    g.units.push(u);
    if (!g.label && u.groupLabel) g.label = u.groupLabel;
    out.set(u.group, g);
  }
  return [...out.values()].map((g) => ({ ...g, label: g.label || UNIT_GROUP_LABEL[g.group] }));
}

/**
 * Whether the annex's group rows print their counts: the registry says so; else Phụ lục II and III do ("9/22") and
 * Phụ lục I, whose group rows head subtotals, does not.
 */
export const showsCounts = (r: Pick<Registry, 'annexCounts'>, annex: AnnexId) =>
  r.annexCounts?.[annex] ?? annex !== 'I';
