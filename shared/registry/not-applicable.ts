/**
 * "Không áp dụng" (issue 16): the indicators a secretariat marks as not applying to a unit, or to every unit of
 * a group (a ward without an industrial zone, a department for which a commune's indicator makes no sense). Such
 * an indicator is neither expected nor counted: its template row says so, Kiểm tra asks nothing of it, and a
 * consolidation leaves its figures out of every sum. This module is the one place that says which indicators
 * do not apply to a unit; the registry reader, the template, the validator and the consolidation call it.
 */
import { editDistance } from '../text/fold';
import { shortText, stripInvisible } from '../text/invisible';
import { Registry, Unit, UnitGroup, UNIT_GROUP_LABEL } from './schema';

/** Every sentence of the feature, in one table. */
export const NOT_APPLICABLE_WORDS = {
  /** What the template's row, the cover and the annexes print. */
  mark: 'Không áp dụng',
  coverNote: (codes: string[]) =>
    `Các chỉ tiêu ${codes.join('; ')} không áp dụng cho đơn vị (theo danh mục đơn vị): dòng của chúng ở trang ` +
    '“T1 Chỉ tiêu” tô xám, không cần nhập, số liệu có nhập cũng không được tổng hợp.',
  unknown: (what: string, code: string, nearest?: string) =>
    `${what}: không có chỉ tiêu mã “${shortText(code, 40)}”` +
    (nearest ? ` — có phải “${nearest}”?` : ' (ghi mã chỉ tiêu, ví dụ “XHS.03; CQS.HSTT”).'),
  /** The group setting's group that is none of the registry's groups. */
  unknownGroup: (text: string) =>
    `Không áp dụng cho nhóm: không rõ nhóm “${shortText(text, 60)}” ` +
    `(${Object.values(UNIT_GROUP_LABEL).join('; ')}).`,
  /** A group line whose group cell holds the codes (the group left out). */
  noGroup: 'Không áp dụng cho nhóm: thiếu tên nhóm trước các mã chỉ tiêu (ví dụ “UBND các xã, phường”).',
  /** A group line with a group and no codes: said, so a line typed half is not taken for "nothing". */
  noCodes: (group: string) =>
    `Không áp dụng cho nhóm ${shortText(group, 60)}: chưa ghi mã chỉ tiêu (ví dụ “XHS.03; CQS.HSTT”).`,
  /** Phụ lục I's note under the table. */
  annexNote:
    'Không áp dụng: chỉ tiêu không áp dụng cho đơn vị theo danh mục đơn vị; không tính vào tổng của nhóm và ' +
    'tổng cộng, không tính là thiếu số liệu.',
} as const;

/**
 * The codes a cell lists: separated by commas, semicolons, spaces or line breaks, in any case
 * ("XHS.03; cqs.hstt" → XHS.03, CQS.HSTT), each once, in the order written.
 */
export function parseCodeList(text: string): string[] {
  const out: string[] = [];
  for (const part of stripInvisible(text)
    .normalize('NFC')
    .split(/[,;\s]+/u)) {
    // A trailing dot ("KTS.GRDP.", a list ended as a sentence) is no part of the code.
    const code = part.trim().toUpperCase().replace(/\.+$/, '');
    if (code && !out.includes(code)) out.push(code);
  }
  return out;
}

/** How a list is written back: "XHS.03; CQS.HSTT" (what parseCodeList reads again as the same list). */
export const formatCodeList = (codes: readonly string[]) => codes.join('; ');

/** The known code nearest a mistyped one ("XHS.3" → "XHS.03"), when it is close enough to be a typo. */
export function nearestCode(code: string, known: readonly string[]): string | undefined {
  const probe = code.toUpperCase().slice(0, 40);
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const k of known) {
    const d = editDistance(probe, k);
    if (d < bestD || (d === bestD && best !== undefined && k < best)) [best, bestD] = [k, d];
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

/** A list read against the known codes: the codes found, and each unknown one with its nearest. */
export function resolveCodes(
  text: string,
  known: readonly string[],
): { codes: string[]; unknown: Array<{ code: string; nearest?: string }> } {
  const set = new Set(known);
  const codes: string[] = [];
  const unknown: Array<{ code: string; nearest?: string }> = [];
  for (const code of parseCodeList(text)) {
    if (set.has(code)) codes.push(code);
    else unknown.push({ code, nearest: nearestCode(code, known) });
  }
  return { codes, unknown };
}

/**
 * The codes a registry marks that the catalogue in force does not hold, each at its place as a JSON registry's
 * errors are said (`units.3.notApplicable`, `notApplicable.ubnd-xa-phuong`), with the nearest code: a JSON
 * registry is checked as a registry sheet is (its cells checked as they are read).
 */
export function unknownMarkedCodes(
  registry: Registry,
  known: readonly string[],
): Array<{ cell: string; message: string }> {
  const out: Array<{ cell: string; message: string }> = [];
  const check = (codes: readonly string[] | undefined, where: string) => {
    for (const u of resolveCodes(formatCodeList(codes ?? []), known).unknown)
      out.push({
        cell: 'JSON',
        message: `${where}: ${NOT_APPLICABLE_WORDS.unknown('Không áp dụng', u.code, u.nearest)}`,
      });
  };
  for (const [group, codes] of Object.entries(registry.notApplicable ?? {})) check(codes, `notApplicable.${group}`);
  registry.units.forEach((u, i) => check(u.notApplicable, `units.${i}.notApplicable`));
  return out;
}

/** The part of a registry that says what does not apply. */
export type NotApplicableSource = Pick<Registry, 'notApplicable'>;

/**
 * The indicators that do not apply to a unit: its group's (the registry's setting) and its own, each once, the
 * group's first. The one answer every caller takes.
 */
export function notApplicableFor(
  registry: NotApplicableSource | null | undefined,
  unit: Pick<Unit, 'group' | 'notApplicable'>,
): string[] {
  const out: string[] = [];
  for (const code of [...(registry?.notApplicable?.[unit.group] ?? []), ...(unit.notApplicable ?? [])])
    if (!out.includes(code)) out.push(code);
  return out;
}

/** The registry, among those given, that lists the unit (the matcher's registries hold the unit itself). */
export function registryOf(registries: readonly Registry[], unit: Unit): Registry | undefined {
  return registries.find((r) => r.units.includes(unit)) ?? registries.find((r) => r.code === unit.parent);
}

/** A group's caption or key as a secretariat may type it after the label ("UBND các xã, phường"). */
export type GroupOf = (text: string) => UnitGroup | null;
