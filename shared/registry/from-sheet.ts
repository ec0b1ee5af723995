import { isoDay, parseDay } from '../dates/date';
import { findTable, Grid, readRows } from '../tables/read';
import { labelKey } from '../tables/labels';
import { TableSpec } from '../tables/schema';
import { shortText, stripInvisible } from '../text/invisible';
import { columnLetter } from '../workbook/sheet-spec';
import { defaultCatalogue } from '../catalogue/catalogue';
import { splitFormedFrom } from './history';
import { isNotApplicableLine, notApplicableSetting } from './not-applicable-sheet';
import { NOT_APPLICABLE_WORDS, resolveCodes } from './not-applicable';
import { AnnexId, Registry, registryDuplicates, Unit, UnitGroup, UNIT_GROUP_LABEL, UnitPosition } from './schema';

/**
 * A registry as a secretariat keeps it in a sheet: code, name, group, other names; and, for today's map, the
 * level (Cấp: Phường / Xã / Đặc khu / Sở…), the valid dates, the former units and a contact; and, for the
 * annexes, which list the unit (Phụ lục), its group's caption (Tên nhóm) and its place (Thứ tự). A province's own
 * list of communes and wards may give Cấp instead of Nhóm: the group follows from it.
 */
export const REGISTRY_TABLE = TableSpec.parse({
  id: 'DanhMucDonVi',
  title: 'Danh mục đơn vị',
  rows: 'free',
  columns: [
    { key: 'code', label: 'Mã đơn vị', variants: ['Mã', 'Mã ĐVHC', 'Mã đơn vị hành chính'], kind: 'code' },
    {
      key: 'name',
      label: 'Tên đơn vị',
      variants: ['Tên cơ quan, đơn vị', 'Đơn vị', 'Tên đơn vị hành chính'],
      kind: 'text',
    },
    { key: 'group', label: 'Nhóm', variants: ['Khối', 'Loại đơn vị'], kind: 'text', optional: true },
    { key: 'aliases', label: 'Tên khác', variants: ['Cách viết khác'], kind: 'text', optional: true },
    { key: 'kind', label: 'Cấp', variants: ['Cấp hành chính', 'Loại hình'], kind: 'text', optional: true },
    { key: 'validFrom', label: 'Hiệu lực từ', variants: ['Có hiệu lực từ', 'Từ ngày'], kind: 'date', optional: true },
    { key: 'validTo', label: 'Hiệu lực đến', variants: ['Hết hiệu lực', 'Đến ngày'], kind: 'date', optional: true },
    {
      key: 'formedFrom',
      label: 'Hình thành từ',
      variants: ['Sáp nhập từ', 'Thành lập trên cơ sở'],
      kind: 'text',
      optional: true,
    },
    {
      key: 'contact',
      label: 'Liên hệ',
      variants: ['Thư điện tử', 'Email', 'Điện thoại'],
      kind: 'text',
      optional: true,
    },
    // Which annexes list the unit, its group's caption and its place: each annex its own list, as the seeds print.
    {
      key: 'annexes',
      label: 'Phụ lục',
      variants: ['Có trong phụ lục', 'Liệt kê ở phụ lục'],
      kind: 'text',
      optional: true,
    },
    { key: 'groupLabel', label: 'Tên nhóm', variants: ['Tên nhóm in', 'Tiêu đề nhóm'], kind: 'text', optional: true },
    {
      key: 'position',
      label: 'Thứ tự',
      variants: ['Thứ tự trong phụ lục', 'Vị trí'],
      kind: 'text',
      optional: true,
    },
    // The indicators that do not apply to the unit (issue 16): codes separated by "," ";" or spaces.
    {
      key: 'notApplicable',
      label: 'Không áp dụng',
      variants: [
        'Chỉ tiêu không áp dụng',
        'Các chỉ tiêu không áp dụng',
        'Mã chỉ tiêu không áp dụng',
        'Không áp dụng chỉ tiêu',
      ],
      kind: 'text',
      optional: true,
    },
  ],
});

/** The levels of today's communes, wards and special zones (and of the towns before 2025): their group. */
const LOCAL_KINDS = ['Phường', 'Xã', 'Đặc khu', 'Thị trấn'];
/** A level that says the group where the sheet has no Nhóm (or leaves it blank). */
const KIND_GROUP: Array<[string, UnitGroup]> = [
  ...LOCAL_KINDS.map((k): [string, UnitGroup] => [k, 'ubnd-xa-phuong']),
  ['Sở', 'so-ban-nganh'],
  ['Ban', 'so-ban-nganh'],
  ['Sở, ban, ngành', 'so-ban-nganh'],
  ['Huyện', 'ubnd-huyen'],
  ['Tỉnh', 'cap-tinh'],
  ['Thành phố', 'cap-tinh'],
];

export interface RegistryOptions {
  /**
   * The registry is one of today's map (official 5-digit codes): a code typed as a number ("00004" read back
   * as 4) or as fewer than 5 digits gets its leading zeros. Default: when the registry's code is a 2-digit
   * province code ('56'). A row whose Cấp is Phường, Xã or Đặc khu is padded in any registry: such a unit's
   * code is its 5-digit one. Other codes (a 2023 "NT-P01", a department's) are never touched.
   */
  dvhc?: boolean;
  /** Whether each annex prints its group counts ("9/22"): a setting of the whole registry, not of a row. */
  annexCounts?: Registry['annexCounts'];
  /** The indicator codes "Không áp dụng" may name (a master's catalogue); default: the built-in catalogue's. */
  codes?: readonly string[];
}

/** "2025-07-01" from a day. */

export interface RegistryRead {
  registry: Registry | null;
  errors: Array<{ cell: string; message: string }>;
}

function groupOf(text: string): UnitGroup | null {
  const k = labelKey(text);
  for (const [g, label] of Object.entries(UNIT_GROUP_LABEL) as Array<[UnitGroup, string]>) {
    if (labelKey(label) === k || labelKey(g) === k) return g;
  }
  return null;
}

function groupOfKind(kind: string): UnitGroup | null {
  const k = labelKey(kind);
  return KIND_GROUP.find(([label]) => labelKey(label) === k)?.[1] ?? null;
}

const ANNEX_WORDS: Record<string, AnnexId> = { i: 'I', ii: 'II', iii: 'III', '1': 'I', '2': 'II', '3': 'III' };

/** "II, III", "Phụ lục II; III", "2 và 3": the annexes named, or null when a part names none. */
export function annexesOf(text: string): AnnexId[] | null {
  const parts = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/phụ lục|pl\b/g, ' ')
    .split(/[,;/+]|\svà\s|\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: AnnexId[] = [];
  for (const p of parts) {
    const a = ANNEX_WORDS[p];
    if (!a) return null;
    if (!out.includes(a)) out.push(a);
  }
  return out.length ? out : null;
}

/** The setting's label above the table: "Số lượng theo nhóm" (or "In số lượng theo nhóm", "Đếm theo nhóm"). */
// labelKey folds case, accents, spaces and punctuation away.
const COUNTS_LABEL = /^(in)?(soluong|dem)theonhom$/;
const NONE_WORDS = /^(khong|khongin|khongco|none)$/;

/** Whether a row is a "Số lượng theo nhóm" line (the label in one of its cells). */
const isCountsLine = (row: readonly unknown[]): boolean =>
  row.some((v) => typeof v === 'string' && COUNTS_LABEL.test(labelKey(v)));

/**
 * A sheet's counts setting, written above the table as "Số lượng theo nhóm" and, in the next cell, the annexes
 * whose group rows print their counts ("II, III"; "không" for none): every annex named is on, the others off.
 * Absent: null (the defaults of showsCounts). An unreadable value is an error at its cell.
 */
export function countsSetting(
  grid: Grid,
  above: number,
): { counts: Registry['annexCounts'] | null; error?: { cell: string; message: string } } {
  for (let r = 0; r < Math.min(above, grid.length); r++) {
    const row = grid[r] ?? [];
    const at = row.findIndex((v) => typeof v === 'string' && COUNTS_LABEL.test(labelKey(v)));
    if (at < 0) continue;
    const col = row.findIndex((v, i) => i > at && v !== null && v !== undefined && String(v).trim() !== '');
    const text = col < 0 ? '' : stripInvisible(String(row[col])).trim();
    if (!text || NONE_WORDS.test(labelKey(text))) return { counts: { I: false, II: false, III: false } };
    const on = annexesOf(text);
    if (!on)
      return {
        counts: null,
        error: {
          cell: `${columnLetter(col)}${r + 1}`,
          message:
            `Số lượng theo nhóm “${shortText(text)}” không rõ: ghi các phụ lục in số lượng ` +
            '(ví dụ “II, III”) hoặc “không”.',
        },
      };
    return { counts: { I: on.includes('I'), II: on.includes('II'), III: on.includes('III') } };
  }
  return { counts: null };
}

/** "21" (every annex) or "II: 22; III: 21" (one per annex): a whole number from 1, or null. */
export function positionOf(raw: unknown, text: string): UnitPosition | null {
  const whole = (t: string) => (/^\d+$/.test(t) && Number(t) > 0 ? Number(t) : null);
  if (typeof raw === 'number') return Number.isInteger(raw) && raw > 0 ? raw : null;
  if (whole(text) !== null) return whole(text);
  const out: Partial<Record<AnnexId, number>> = {};
  for (const part of text.split(/[;,]/).map((p) => p.trim())) {
    const m = /^(?:phụ lục\s*)?([ivx\d]+)\s*[:=]\s*(\d+)$/i.exec(part);
    const annex = m ? ANNEX_WORDS[m[1].toLowerCase()] : undefined;
    const at = m ? whole(m[2]) : null;
    if (!annex || at === null) return null;
    out[annex] = at;
  }
  return Object.keys(out).length ? out : null;
}

/** A code cell: a whole number of at most 5 digits, or digits text shorter than 5, padded to 5 digits. */
function padded(raw: unknown, text: string): string {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 && raw < 100000 ? text.padStart(5, '0') : text;
  return /^\d{1,4}$/.test(text) ? text.padStart(5, '0') : text;
}

/**
 * Reads a registry sheet; a row whose group is unknown is reported with its cell, not guessed, and so
 * is a row repeating the code or the name (or other name) of a row above it, a date that is not one
 * (Hiệu lực từ / đến: dd/mm/yyyy, ISO, a serial or a Date) and a range that ends before it begins:
 * a registry with an error is refused by its callers, so one unit's report can never be taken for another's.
 */
export function registryFromSheet(grid: Grid, code: string, name: string, opts: RegistryOptions = {}): RegistryRead {
  const dvhc = opts.dvhc ?? /^\d{2}$/.test(code.trim());
  // The setting lines (Số lượng theo nhóm, Không áp dụng cho nhóm) are no part of the table: a line typed right
  // above the header would be read as the header's first row, and lost with it.
  const settingRows = grid.map((row) => isCountsLine(row ?? []) || isNotApplicableLine(row ?? []));
  const table = grid.map((row, r) => (settingRows[r] ? [] : row));
  const layout = findTable(table, REGISTRY_TABLE);
  // Nhóm may be left out only where Cấp says the group.
  if (!layout || layout.missing.length || !('group' in layout.columns || 'kind' in layout.columns))
    return {
      registry: null,
      errors: [
        { cell: 'A1', message: 'Không tìm thấy bảng danh mục (cần các cột Mã đơn vị, Tên đơn vị và Nhóm hoặc Cấp).' },
      ],
    };
  const errors: RegistryRead['errors'] = [];
  const known = opts.codes ?? defaultCatalogue().map((i) => i.code);
  const units: Unit[] = [];
  const rows: number[] = [];
  const cell = (key: string, row: number) => `${columnLetter(layout.columns[key] ?? 0)}${row + 1}`;
  const clean = (v: unknown) => (v === null || v === undefined ? '' : stripInvisible(String(v)).trim());
  for (const row of readRows(table, REGISTRY_TABLE, layout)) {
    const c = row.cells;
    if (!clean(c.code) || !clean(c.name)) continue;
    const kind = clean(c.kind);
    const groupText = clean(c.group);
    const group = groupText || !kind ? groupOf(groupText) : groupOfKind(kind);
    if (!group) {
      const byKind = !groupText && kind;
      errors.push({
        cell: cell(byKind ? 'kind' : 'group', row.row),
        message: byKind
          ? `Cấp “${kind}” không cho biết nhóm (${KIND_GROUP.map(([k]) => k).join('; ')}): ghi cột Nhóm.`
          : `Nhóm “${groupText}” không hợp lệ (${Object.values(UNIT_GROUP_LABEL).join('; ')}).`,
      });
      continue;
    }
    const dates: { validFrom?: string; validTo?: string } = {};
    let bad = false;
    for (const key of ['validFrom', 'validTo'] as const) {
      const raw = c[key];
      if (raw === null || raw === undefined || clean(raw) === '') continue;
      const day = parseDay(typeof raw === 'string' ? clean(raw) : raw);
      if (day) dates[key] = isoDay(day);
      else {
        bad = true;
        const label = key === 'validFrom' ? 'Hiệu lực từ' : 'Hiệu lực đến';
        errors.push({
          cell: cell(key, row.row),
          message: `${label} “${shortText(clean(raw))}” không phải một ngày (ghi dd/mm/yyyy, ví dụ 01/07/2025).`,
        });
      }
    }
    if (bad) continue;
    if (dates.validFrom && dates.validTo && dates.validTo < dates.validFrom) {
      errors.push({
        cell: cell('validTo', row.row),
        message: `Hiệu lực đến ${dates.validTo} trước hiệu lực từ ${dates.validFrom}.`,
      });
      continue;
    }
    const annexText = clean(c.annexes);
    const annexes = annexText ? annexesOf(annexText) : undefined;
    if (annexes === null) {
      errors.push({
        cell: cell('annexes', row.row),
        message: `Phụ lục “${shortText(annexText)}” không hợp lệ (ghi I, II, III cách nhau dấu phẩy, ví dụ “II, III”).`,
      });
      continue;
    }
    const positionText = clean(c.position);
    const position = positionText ? positionOf(c.position, positionText) : undefined;
    if (position === null) {
      errors.push({
        cell: cell('position', row.row),
        message:
          `Thứ tự “${shortText(positionText)}” không hợp lệ (ghi số nguyên từ 1, ví dụ “21”, ` +
          'hoặc theo từng phụ lục, ví dụ “II: 22; III: 21”).',
      });
      continue;
    }
    const naText = clean(c.notApplicable);
    const na = naText ? resolveCodes(naText, known) : { codes: [], unknown: [] };
    if (na.unknown.length) {
      for (const u of na.unknown)
        errors.push({
          cell: cell('notApplicable', row.row),
          message: NOT_APPLICABLE_WORDS.unknown('Không áp dụng', u.code, u.nearest),
        });
      continue;
    }
    const groupLabel = clean(c.groupLabel);
    const local = LOCAL_KINDS.slice(0, 3).some((k) => labelKey(k) === labelKey(kind));
    const formedFrom = splitFormedFrom(clean(c.formedFrom));
    const contact = clean(c.contact);
    const unitCode = dvhc || local ? padded(c.code, clean(c.code)) : clean(c.code);
    units.push({
      code: unitCode,
      name: clean(c.name),
      group,
      // The registry's own body (its code is the registry's: "UBND thành phố Vũng Tàu") consolidates; it is not
      // one of its units, never listed as missing.
      ...(unitCode === code ? {} : { parent: code }),
      aliases: String(c.aliases ?? '')
        .split(';')
        .map(clean)
        .filter(Boolean),
      ...(kind ? { kind } : {}),
      ...dates,
      ...(formedFrom.length ? { formedFrom } : {}),
      ...(contact ? { contact } : {}),
      ...(annexes ? { annexes } : {}),
      ...(groupLabel ? { groupLabel } : {}),
      ...(position !== undefined ? { position } : {}),
      ...(na.codes.length ? { notApplicable: na.codes } : {}),
    });
    rows.push(row.row);
  }
  const repeated = registryDuplicates(units);
  for (const d of repeated)
    errors.push({ cell: cell(d.field, rows[d.index]), message: `${d.message} (như dòng ${rows[d.first] + 1})` });
  const dropped = new Set(repeated.map((d) => d.index));
  const kept = units.filter((_, i) => !dropped.has(i));
  // The option (a caller's setting) wins over the sheet's own line above the table.
  // Setting lines are read wherever they are, above the table or under it.
  const setting = countsSetting(grid, grid.length);
  if (setting.error) errors.push(setting.error);
  const annexCounts = opts.annexCounts ?? setting.counts;
  const counts = annexCounts ? { annexCounts } : {};
  // "Không áp dụng cho nhóm" lines above the table: a group's caption may be the registry's own (Tên nhóm).
  const groups = notApplicableSetting(grid, grid.length, known, (t) => groupOf(t) ?? groupNamedIn(t, kept));
  errors.push(...groups.errors);
  const na = groups.byGroup ? { notApplicable: groups.byGroup } : {};
  return { registry: Registry.parse({ code, name, units: kept, ...counts, ...na }), errors };
}

/** A group by the caption the registry's own rows give it (Tên nhóm: "Các đơn vị sự nghiệp trực thuộc …"). */
function groupNamedIn(text: string, units: Unit[]): UnitGroup | null {
  const k = labelKey(text);
  return units.find((u) => u.groupLabel && labelKey(u.groupLabel) === k)?.group ?? null;
}
