import { parseStamp, stampIso } from '../messages/wording';
import { applicableTarget } from '../catalogue/catalogue';
import { Indicator, INDICATOR_GROUP_LABEL } from '../catalogue/schema';
import { targetMet } from '../formulas/target-met';
import { formatRateWithCounts } from '../numbers/format';
import { listedIn, positionIn, Registry, showsCounts, UNIT_GROUP_LABEL, UnitGroup } from '../registry/schema';
import { monthIndex, spanWords } from '../dates/period';
import { parseDay } from '../dates/date';
import { roman } from '../templates/version';
import {
  CellSpec,
  CellValue,
  columnLetter,
  fitRowHeights,
  OFFICIAL_FONT,
  PAGE_FOOTER,
  SheetSpec,
  SheetSpecInput,
  StyleName,
} from '../workbook/sheet-spec';
import { ChartSpec } from '../workbook/port';
import { Collected, describe, Submission } from './collect';
import { tableSpec } from '../templates/families';
import { TableSpec } from '../templates/schema';
import { maxOf, minOf } from '../numbers/bounds';
import { stripInvisible } from '../text/invisible';
import { looseKey } from '../text/fold';
import { addSums, figureOf, KpiTable, rateOf, Sums } from './kpi';
import { TIDY_SHEET } from './tidy';
import { NOT_APPLICABLE_WORDS } from '../registry/not-applicable';

export type Row = Array<CellSpec | null>;

/** A group's name inside a sentence: "Các đơn vị sự nghiệp" → "các đơn vị sự nghiệp"; "UBND …" stays. */
const inSentence = (label: string) => (/^\p{Lu}\p{Ll}/u.test(label) ? label[0].toLowerCase() + label.slice(1) : label);

/**
 * Every annex cell is made here: text loses its bidirectional controls and zero-width characters (a
 * unit's name cannot display as another's), and a number that is not finite is left blank — neither
 * reaches a sheet, whatever a unit wrote.
 */
export const c = (v: CellSpec['v'], s?: StyleName): CellSpec => {
  const value = typeof v === 'string' ? stripInvisible(v) : typeof v === 'number' && !Number.isFinite(v) ? null : v;
  return s ? { v: value, s } : { v: value };
};

/** "Hoàn thành lúc" as a date-time cell (the host shows it dd/mm/yyyy hh:mm); unreadable text stays text. */
function stampCell(label: string | null): CellSpec {
  const stamp = label ? parseStamp(label) : null;
  return stamp ? { d: stampIso(stamp), s: 'text' } : c(label, 'text');
}

export interface AnnexOptions {
  /**
   * The whole covering line, as written ("Kèm theo Báo cáo số 1372/BC-BCĐCĐS ngày 11/5/2023 của …"): it
   * overrides the three fields below (kept for callers that wrote the line themselves).
   */
  attachedTo?: string;
  /** The report the annexes go with: its number and symbol ("1372/BC-BCĐCĐS"), … */
  reportNo?: string;
  /** … its date ("11/5/2023" or "2023-05-11", written "11/5/2023" as the seeds do), … */
  reportDate?: string;
  /** … and who issued it ("Ban Chỉ đạo chuyển đổi số tỉnh Khánh Hòa"). Blanks to fill by hand when absent. */
  issuer?: string;
  /** The range in words ("tháng 4/2023", "6 tháng đầu năm 2023", "năm 2024"), as every title ends. */
  period?: string;
  /** The year of the range: project lists are annual ("… SỬ DỤNG VỐN ĐẦU TƯ NĂM 2023", seeds 000 and 004). */
  year?: number;
}

/** A report date as the seeds write it: "11/5/2023" (no leading zeros); text that is no date stays as typed. */
export function reportDateText(raw: string | undefined): string | null {
  const t = raw?.trim();
  if (!t) return null;
  const d = parseDay(t);
  return d ? `${d.d}/${d.m}/${d.y}` : t;
}

/**
 * "(Kèm theo Báo cáo số 1372/BC-BCĐCĐS ngày 11/5/2023 của Ban Chỉ đạo chuyển đổi số tỉnh Khánh Hòa)", from
 * the report's number, date and issuer; what is not given stays a blank to fill by hand, and with none of them
 * the line is the form's own ("(Kèm theo Báo cáo số        /BC-        ngày      /      /        )").
 */
export function coveringLine(opts: AnnexOptions): string {
  const whole = opts.attachedTo?.trim();
  if (whole) return whole.startsWith('(') ? whole : `(${whole})`;
  const no = opts.reportNo?.trim() || '       /BC-       ';
  const date = reportDateText(opts.reportDate) ?? '     /      /        ';
  const issuer = opts.issuer?.trim();
  return `(Kèm theo Báo cáo số ${no} ngày ${date}${issuer ? ` của ${issuer}` : ''})`;
}

/** A caption ending in the range in words, as the seeds' titles do: "… CHUYỂN ĐỔI SỐ THÁNG 4/2023". */
export function captionFor(caption: string, period: string | undefined): string {
  return (period?.trim() ? `${caption} ${period.trim()}` : caption).toUpperCase();
}

/** The lines every official annex opens with: "Phụ lục I", the caption, the "(Kèm theo …)" line. */
export function opening(
  title: string,
  caption: string,
  width: number,
  opts: AnnexOptions,
): { rows: Row[]; merges: string[] } {
  const last = columnLetter(width - 1);
  const rows: Row[] = [[c(title, 'title')], [c(caption.toUpperCase(), 'caption')], [c(coveringLine(opts), 'subtitle')]];
  const merges = [`A1:${last}1`, `A2:${last}2`, `A3:${last}3`];
  rows.push([]);
  return { rows, merges };
}

/**
 * Every annex as it is printed: a note or a section label alone in column A spreads over the table's width
 * (never a narrow bordered box made tall by its text), Times New Roman throughout, "Trang 1/3" in the footer.
 */
export function annexSheet(spec: SheetSpecInput & { columnWidths: number[]; merges: string[] }): SheetSpec {
  const last = columnLetter(spec.columnWidths.length - 1);
  spec.rows.forEach((r, i) => {
    const lone = r.length === 1 && r[0] && (r[0].s === 'note' || r[0].s === 'label');
    if (lone && !spec.merges.some((m) => m.startsWith(`A${i + 1}:`))) spec.merges.push(`A${i + 1}:${last}${i + 1}`);
  });
  const full = {
    ...spec,
    font: OFFICIAL_FONT,
    print: { landscape: true, ...spec.print, footer: PAGE_FOOTER },
  };
  return SheetSpec.parse({ ...full, rowHeights: fitRowHeights(full) });
}

export function sheet(
  name: string,
  rows: Row[],
  merges: string[],
  widths: number[],
  headerTop: number,
  headerRows: number,
): SheetSpec {
  return annexSheet({
    name,
    rows,
    merges,
    columnWidths: widths,
    freeze: { rows: headerTop + headerRows, columns: 2 },
    print: { landscape: true, repeatRows: [headerTop + 1, headerTop + headerRows] as [number, number] },
  });
}

const GROUP_ORDER: UnitGroup[] = [
  'co-quan-chuyen-mon',
  'don-vi-su-nghiep',
  'ubnd-xa-phuong',
  'so-ban-nganh',
  'ubnd-huyen',
  'cap-tinh',
];

/**
 * Phụ lục I: indicators by unit, group subtotals and the total, rates from summed counts. With the registry, the
 * annex lists only the units it lists for Phụ lục I (their figures leave the subtotals too), each group in the
 * registry's order (Unit.position, else registry order; units it does not know after, as received) and captioned as
 * it names the group; the groups keep their fixed order.
 */
export function kpiAnnex(
  kpi: KpiTable,
  catalogue: Indicator[],
  opts: AnnexOptions,
  registry?: Registry | null,
): SheetSpec {
  const known = new Map((registry?.units ?? []).map((u, i) => [u.name, { u, at: positionIn(u, 'I') ?? i + 1 }]));
  const listed = kpi.byUnit.filter((x) => {
    const r = known.get(x.unit);
    return !r || listedIn(r.u, 'I');
  });
  const placeOf = (name: string) => known.get(name)?.at ?? Number.POSITIVE_INFINITY;
  const ordered = listed
    .map((x, i) => ({ x, i }))
    .sort((a, b) => placeOf(a.x.unit) - placeOf(b.x.unit) || a.i - b.i)
    .map((e) => e.x);
  // A unit left out of the annex is left out of its sums: the subtotals add up to the rows printed.
  let byGroup = kpi.byGroup;
  let total = kpi.total;
  if (listed.length < kpi.byUnit.length) {
    byGroup = new Map();
    total = new Map();
    for (const u of listed) {
      const g = byGroup.get(u.group) ?? new Map<string, Sums>();
      for (const [code, s] of u.values) {
        g.set(code, g.has(code) ? addSums(g.get(code)!, s) : s);
        total.set(code, total.has(code) ? addSums(total.get(code)!, s) : s);
      }
      byGroup.set(u.group, g);
    }
  }
  const labelOf = (group: UnitGroup, members: typeof listed) =>
    members.map((m) => known.get(m.unit)?.u.groupLabel).find(Boolean) ?? UNIT_GROUP_LABEL[group];
  const counted = registry ? showsCounts(registry, 'I') : false;
  const width = 2 + kpi.codes.length * 3;
  const { rows, merges } = opening(
    'Phụ lục I',
    captionFor('Kết quả thực hiện chỉ tiêu chuyển đổi số của các cơ quan, đơn vị', opts.period),
    width,
    opts,
  );
  const top = rows.length;
  const upper: Row = [c('STT', 'header'), c('Tên cơ quan, đơn vị', 'header')];
  const lower: Row = [c(null, 'header'), c(null, 'header')];
  merges.push(`A${top + 1}:A${top + 2}`, `B${top + 1}:B${top + 2}`);
  kpi.codes.forEach((code, i) => {
    const ind = catalogue.find((x) => x.code === code)!;
    const col = 2 + i * 3;
    // The indicator's name, as the seeds head their columns: its code is the product's, not the reader's.
    upper.push(c(ind.name, 'header'), c(null, 'header'), c(null, 'header'));
    lower.push(
      c(`Tử số (${ind.numerator.unit})`, 'header'),
      c(`Mẫu số (${ind.denominator.unit})`, 'header'),
      c('Tỷ lệ (%)', 'header'),
    );
    merges.push(`${columnLetter(col)}${top + 1}:${columnLetter(col + 2)}${top + 1}`);
  });
  rows.push(upper, lower);
  const cells = (values: Map<string, Sums> | undefined, style: 'count' | 'total'): Row =>
    kpi.codes.flatMap((code) => {
      const s = values?.get(code);
      if (!s) return [c(null, 'text'), c(null, 'text'), c(null, 'text')];
      const r = rateOf(s);
      return [c(s.numerator, style), c(s.denominator, style), c(r, style === 'total' ? 'totalRate' : 'rate')];
    });
  let g = 0;
  let marked = false;
  for (const group of GROUP_ORDER) {
    const units = ordered.filter((u) => u.group === group);
    if (!units.length) continue;
    const label = labelOf(group, units);
    rows.push([
      c(roman(++g), 'group'),
      c(counted ? `${label} (${units.length})` : label, 'group'),
      ...kpi.codes.flatMap(() => [c(null, 'group'), c(null, 'group'), c(null, 'group')]),
    ]);
    units.forEach((u, i) => {
      rows.push([c(`${i + 1}.`, 'text'), c(u.unit, 'text'), ...cells(u.values, 'count')]);
      // An indicator that does not apply to the unit: its three cells one, "Không áp dụng", never a blank to chase.
      kpi.codes.forEach((code, k) => {
        if (!u.notApplicable?.includes(code)) return;
        const col = 2 + k * 3;
        const row = rows[rows.length - 1];
        row[col] = c(NOT_APPLICABLE_WORDS.mark, 'text');
        row[col + 1] = c(null, 'text');
        row[col + 2] = c(null, 'text');
        merges.push(`${columnLetter(col)}${rows.length}:${columnLetter(col + 2)}${rows.length}`);
        marked = true;
      });
    });
    rows.push([c(null, 'total'), c(`Cộng ${inSentence(label)}:`, 'total'), ...cells(byGroup.get(group), 'total')]);
  }
  rows.push([c(null, 'total'), c('Tổng cộng:', 'total'), ...cells(total, 'total')]);
  rows.push(
    [],
    [
      c(
        'Ghi chú: Tỷ lệ của nhóm và của tổng cộng = tổng tử số / tổng mẫu số của các đơn vị (không lấy trung bình ' +
          'các tỷ lệ).',
        'note',
      ),
    ],
    ...(marked ? [[c(NOT_APPLICABLE_WORDS.annexNote, 'note')]] : []),
  );
  return sheet('Phụ lục I', rows, merges, [6, 40, ...kpi.codes.flatMap(() => [13, 13, 10])], top, 2);
}

/** "Nguồn số liệu": where every unit's figures came from, and who was left out and why. */
/** "2023-01-01", "2023-06-30" → "6 tháng đầu năm 2023". */
function isoSpanWords(start: string, end: string): string {
  const [y1, m1] = start.split('-').map(Number);
  const [y2, m2] = end.split('-').map(Number);
  return spanWords({ first: monthIndex(y1, m1), last: monthIndex(y2, m2) });
}

export function sourcesSheet(collected: Collected, missing: string[], opts: AnnexOptions = {}): SheetSpec {
  const headers = [
    'STT',
    'Đơn vị',
    'Nhóm',
    'Nguồn (tệp, bảng tính)',
    'Trang tính, bảng',
    'Kỳ báo cáo',
    'Hoàn thành lúc',
    'Phiên bản mẫu',
    'Tình trạng',
  ];
  const rows: Row[] = [
    [c(captionFor('Nguồn số liệu', opts.period), 'caption')],
    [c('Mỗi số tổng hợp truy được về đơn vị, tệp, trang và vùng đã đọc.', 'subtitle')],
    [],
    headers.map((h) => c(h, 'header')),
  ];
  let n = 0;
  for (const s of collected.included) {
    const where = s.read.tables
      .map(
        (t) =>
          `${t.sheet}!${columnLetter(minOf(Object.values(t.columns)))}${t.headerRow + 1}:` +
          `${columnLetter(maxOf(Object.values(t.columns)))}` +
          `${(t.rows[t.rows.length - 1]?.row ?? t.headerRow) + 1} (${t.table})`,
      )
      .join('; ');
    rows.push([
      c(++n, 'text'),
      c(s.unit.name, 'text'),
      c(UNIT_GROUP_LABEL[s.unit.group], 'text'),
      c(describe(s.source), 'text'),
      c(where, 'text'),
      c(s.period, 'text'),
      stampCell(s.completedAt),
      c(s.version, 'text'),
      c(s.carried ? `Đã tổng hợp (phụ lục của ${s.carried.units.length} đơn vị)` : 'Đã tổng hợp', 'text'),
    ]);
    // A city's consolidation: each of its units, traceable to the city's own sources.
    for (const u of s.carried?.units ?? [])
      rows.push([
        c(null, 'text'),
        c(`↳ ${u.unit.name}`, 'text'),
        c(UNIT_GROUP_LABEL[u.unit.group as UnitGroup] ?? u.unit.group, 'text'),
        c(u.source, 'text'),
        c(TIDY_SHEET, 'text'),
        c(isoSpanWords(u.period.start, u.period.end), 'text'),
        c(null, 'text'),
        c(null, 'text'),
        c(`Trong phụ lục của ${s.unit.name}`, 'text'),
      ]);
  }
  for (const e of collected.excluded)
    rows.push([
      c(++n, 'text'),
      c(e.unit, 'text'),
      c(null, 'text'),
      c(describe(e.source), 'text'),
      c(null, 'text'),
      c(null, 'text'),
      c(null, 'text'),
      c(null, 'text'),
      c(`Không tổng hợp: ${e.reason}`, 'text'),
    ]);
  for (const m of missing)
    rows.push([
      c(++n, 'text'),
      c(m, 'text'),
      c(null, 'text'),
      c(null, 'text'),
      c(null, 'text'),
      c(null, 'text'),
      c(null, 'text'),
      c(null, 'text'),
      c('Chưa nộp báo cáo', 'text'),
    ]);
  return annexSheet({
    name: 'Nguồn số liệu',
    rows,
    merges: ['A1:I1', 'A2:I2'],
    columnWidths: [6, 30, 20, 30, 50, 14, 16, 12, 40],
    freeze: { rows: 4, columns: 2 },
    print: { landscape: true, repeatRows: [4, 4] as [number, number] },
  });
}

/** Phụ lục VI: each indicator with its targets, the consolidated result "r% (a/b)" and Đạt / Chưa đạt. */
/**
 * Phụ lục VI. `asOf` is the last day of the period consolidated ("31/12/2023"): a target
 * "30% đến cuối năm là 50%" is judged at its year-end stage for a period ending in December,
 * as the unit template's own Đánh giá formula judges it.
 */
export function achievementAnnex(
  kpi: KpiTable,
  catalogue: Indicator[],
  year: number,
  opts: AnnexOptions,
  asOf: string | null = null,
): SheetSpec {
  const headers = [
    'STT',
    'Chỉ tiêu',
    'Chỉ tiêu quốc gia',
    'Chỉ tiêu của tỉnh',
    'Chỉ tiêu của thành phố',
    'Kết quả thực hiện',
    'Đánh giá',
  ];
  // The results are the range's ("9 THÁNG NĂM 2023"); the targets beside them are the year's.
  const { rows, merges } = opening(
    'Phụ lục VI',
    captionFor('Kết quả thực hiện các chỉ tiêu chuyển đổi số', opts.period ?? `năm ${year}`),
    headers.length,
    opts,
  );
  const top = rows.length;
  rows.push(headers.map((h) => c(h, 'header')));
  const groups = [...new Set(kpi.codes.map((code) => catalogue.find((i) => i.code === code)!.group))];
  groups.forEach((g, gi) => {
    rows.push([
      c(roman(gi + 1), 'group'),
      c(INDICATOR_GROUP_LABEL[g], 'group'),
      ...Array(headers.length - 2).fill(c(null, 'group')),
    ]);
    kpi.codes
      .filter((code) => catalogue.find((i) => i.code === code)!.group === g)
      .forEach((code, i) => {
        const ind = catalogue.find((x) => x.code === code)!;
        const s = kpi.total.get(code)!;
        const level = (l: 'quoc-gia' | 'tinh' | 'thanh-pho') =>
          ind.targets
            .filter((t) => t.level === l && (t.year === undefined || t.year <= year))
            .sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0]?.text ?? null;
        const r = rateOf(s);
        const target = applicableTarget(ind, year);
        const met = r === null || !target ? null : targetMet(r, target.text, asOf);
        rows.push([
          c(`${i + 1}`, 'text'),
          c(ind.name, 'text'),
          c(level('quoc-gia'), 'text'),
          c(level('tinh'), 'text'),
          c(level('thanh-pho'), 'text'),
          c(r === null ? null : formatRateWithCounts(s.numerator, s.denominator, ind.precision), 'text'),
          c(typeof met === 'string' ? met : null, 'computedText'),
        ]);
      });
  });
  rows.push(
    [],
    [
      c(
        'Ghi chú: Kết quả = tổng tử số / tổng mẫu số của các đơn vị đã tổng hợp; đánh giá theo chỉ tiêu của cấp gần ' +
          'nhất (thành phố, rồi tỉnh, rồi quốc gia).',
        'note',
      ),
    ],
  );
  return sheet('Phụ lục VI', rows, merges, [6, 50, 14, 14, 14, 26, 12], top, 1);
}

/**
 * The count and simple-rate columns of a unit table, for stacking: a rate that is one count over another
 * ("Tỷ lệ (%) (3)=(2)/(1)", whatever guard its formula has) is recomputed from the summed counts, as seed 003 §5
 * prints it; a rate of another shape (T2's sent over sent and not sent) is left to the unit's own table.
 */
function stackColumns(spec: TableSpec) {
  return spec.columns.filter(
    (col) => col.kind === 'count' || (col.kind === 'rate' && /^=IF\(.*,\{\w+\}\/\{\w+\},""\)$/.test(col.formula ?? '')),
  );
}

/** Phụ lục VII lists the city's (or province's) own row first, then its offices, units, communes (seeds 000, 003). */
const STACK_ORDER: UnitGroup[] = ['cap-tinh', ...GROUP_ORDER.filter((g) => g !== 'cap-tinh')];

/**
 * The group a row written as a group's figures names ("UBND cấp xã", "UBND các phường, xã"): the communes are
 * the one group such a row is written for (seed 003 §5); null when its words name none.
 */
function groupNamed(text: string): UnitGroup | null {
  const t = looseKey(text);
  if (/\b(xa|phuong|thi tran)\b/.test(t)) return 'ubnd-xa-phuong';
  if (/don vi su nghiep/.test(t)) return 'don-vi-su-nghiep';
  if (/co quan chuyen mon|phong, ban/.test(t)) return 'co-quan-chuyen-mon';
  return null;
}

/** One printed row of a stacked table: whose, under which group, its cells, its place. */
interface StackLine {
  name: string;
  group: UnitGroup;
  label: string | null;
  cells: Record<string, CellValue>;
  place: [number, number];
}

/**
 * The rows a table gives the annex: each unit's own row (its first item), and a row it wrote for a whole group
 * ("II. UBND cấp xã" with figures and no items under it, README "Rows that are not units") under the group it
 * names, named as written. A row with no figure is no report: the unit is not listed, never a row of blanks.
 */
function stackLines(subs: Submission[], id: string, counted: string[], registry?: Registry | null): StackLine[] {
  const index = new Map((registry?.units ?? []).map((u, i) => [u.code, i + 1]));
  const out: StackLine[] = [];
  subs.forEach((s, k) => {
    const items = (s.read.tables.find((t) => t.table === id)?.rows ?? []).filter((r) => r.kind === 'item');
    const at = positionIn(s.unit, 'I') ?? index.get(s.unit.code) ?? Number.POSITIVE_INFINITY;
    items.forEach((row, i) => {
      if (i > 0 && !row.fromGroup) return;
      if (!counted.some((key) => figureOf(row.cells[key]) !== null)) return;
      const own = i === 0;
      const written = String(row.cells.unit ?? '').trim();
      out.push({
        name: own || !written ? s.unit.name : written,
        group: own ? s.unit.group : (groupNamed(written) ?? s.unit.group),
        label: own ? (s.unit.groupLabel ?? null) : null,
        cells: row.cells,
        place: [own ? at : Number.POSITIVE_INFINITY, k * 1000 + i],
      });
    });
  });
  return out.sort((a, b) => a.place[0] - b.place[0] || a.place[1] - b.place[1]);
}

/**
 * Phụ lục VII: the unit tables (documents, dossiers, online services, payments, feedback) stacked, one row per
 * unit, subtotals per group and a total; rates recomputed from the summed counts. A table no unit filled is not
 * printed; a column no unit filled stays blank in the subtotals, never 0. Groups are captioned as the registry
 * names them (Tên nhóm: seed 003 §1's "UBND TP. Vũng Tàu" over the city's offices) and units ordered as it lists
 * them (Thứ tự, else its order when given, else as received).
 */
export function unitTablesAnnex(subs: Submission[], opts: AnnexOptions, registry?: Registry | null): SheetSpec {
  const ids = ['T2', 'T3a', 'T3b', 'T3c', 'T3d', 'T3e', 'T4'];
  const width = 2 + maxOf(ids.map((id) => stackColumns(tableSpec(id)).length));
  const { rows, merges } = opening('Phụ lục VII', captionFor('Số liệu chi tiết theo đơn vị', opts.period), width, opts);
  let shown = 0;
  ids.forEach((id, k) => {
    const spec = tableSpec(id);
    const cols = stackColumns(spec);
    const counts = cols.filter((col) => col.kind === 'count').map((col) => col.key);
    const lines = stackLines(subs, id, counts, registry);
    if (!lines.length) return;
    // One empty row between two tables, none under the opening (which ends in one).
    if (shown++) rows.push([]);
    rows.push([c(`${k + 1}. ${spec.title}`, 'label')]);
    // The label spans its own table, not the widest one of the sheet.
    merges.push(`A${rows.length}:${columnLetter(cols.length + 1)}${rows.length}`);
    const head = stackHeader(cols, rows.length);
    rows.push(...head.rows);
    merges.push(...head.merges);
    // Blank is "not reported": a column sums to blank when no row of it carries a figure.
    const sums = (picked: StackLine[]) => {
      const total: Record<string, number | null> = {};
      for (const key of counts) {
        const figures = picked.map((l) => figureOf(l.cells[key])).filter((v): v is number => v !== null);
        total[key] = figures.length ? figures.reduce((a, b) => a + b, 0) : null;
      }
      return total;
    };
    const valuesOf = (v: Record<string, number | null>, style: 'count' | 'total') =>
      cols.map((col) => {
        if (col.kind !== 'rate') return c(v[col.key] ?? null, style);
        const [n, d] = /\{(\w+)\}\/\{(\w+)\}/.exec(col.formula!)!.slice(1);
        const nd = v[n] === null || v[d] === null ? null : { numerator: v[n] ?? 0, denominator: v[d] ?? 0, units: 1 };
        return c(nd && rateOf(nd), style === 'total' ? 'totalRate' : 'rate');
      });
    let g = 0;
    for (const group of STACK_ORDER) {
      const members = lines.filter((l) => l.group === group);
      if (!members.length) continue;
      const label = members.map((m) => m.label).find(Boolean) ?? UNIT_GROUP_LABEL[group];
      rows.push([c(roman(++g), 'group'), c(label, 'group'), ...cols.map(() => c(null, 'group'))]);
      members.forEach((l, i) =>
        rows.push([
          c(`${i + 1}.`, 'text'),
          c(l.name, 'text'),
          ...valuesOf(Object.fromEntries(counts.map((key) => [key, figureOf(l.cells[key])])), 'count'),
        ]),
      );
      rows.push([c(null, 'total'), c(`Cộng ${inSentence(label)}:`, 'total'), ...valuesOf(sums(members), 'total')]);
    }
    rows.push([c(null, 'total'), c('Tổng cộng:', 'total'), ...valuesOf(sums(lines), 'total')]);
  });
  return annexSheet({
    name: 'Phụ lục VII',
    rows,
    merges,
    columnWidths: [6, 40, ...Array(width - 2).fill(15)],
    freeze: { rows: 4, columns: 2 },
    print: { landscape: true },
  });
}

/**
 * A stacked table's header: one row, or two where columns share a group, the group over its columns as the
 * seeds print it ("Số lượng VB được thực hiện trên phần mềm" over "VB đi", "VB đến"), never glued with a dash.
 */
function stackHeader(cols: ReturnType<typeof stackColumns>, top: number): { rows: Row[]; merges: string[] } {
  const lead = [c('STT', 'header'), c('Tên cơ quan, đơn vị', 'header')];
  // A numbered column says its number, as seed 003 §5 heads "… (phí, lệ phí) (1)": "(3)=(2)/(1)" refers to them.
  const label = (col: (typeof cols)[number]) =>
    col.number && !col.label.includes(col.number) ? `${col.label} ${col.number}` : col.label;
  if (!cols.some((col) => col.group))
    return { rows: [[...lead, ...cols.map((col) => c(label(col), 'header'))]], merges: [] };
  const upper: Row = [...lead];
  const lower: Row = [c(null, 'header'), c(null, 'header')];
  const merges = [`A${top + 1}:A${top + 2}`, `B${top + 1}:B${top + 2}`];
  cols.forEach((col, i) => {
    const x = columnLetter(i + 2);
    if (!col.group) {
      upper.push(c(col.label, 'header'));
      lower.push(c(null, 'header'));
      merges.push(`${x}${top + 1}:${x}${top + 2}`);
      return;
    }
    const start = i === 0 || cols[i - 1].group !== col.group;
    upper.push(c(start ? col.group : null, 'header'));
    lower.push(c(col.label, 'header'));
    let end = i;
    while (start && end + 1 < cols.length && cols[end + 1].group === col.group) end++;
    if (start && end > i) merges.push(`${x}${top + 1}:${columnLetter(end + 2)}${top + 1}`);
  });
  return { rows: [upper, lower], merges };
}

/** "Biểu đồ": the rate of the main indicator per unit, the data a host's own bar chart is drawn from. */
export function chartSheet(kpi: KpiTable, catalogue: Indicator[]): { sheet: SheetSpec; chart: ChartSpec } | null {
  const code = [...kpi.codes].sort(
    (a, b) => kpi.total.get(b)!.units - kpi.total.get(a)!.units || a.localeCompare(b),
  )[0];
  if (!code) return null;
  const ind = catalogue.find((i) => i.code === code)!;
  const units = kpi.byUnit.filter((u) => u.values.has(code));
  const title = `${code}. ${ind.name}`;
  const rows: Row[] = [[c(title, 'label')], [c('Đơn vị', 'header'), c('Tỷ lệ', 'header')]];
  for (const u of units) rows.push([c(u.unit, 'text'), c(rateOf(u.values.get(code)!), 'rate')]);
  rows.push([c('Chung (tổng tử số / tổng mẫu số)', 'total'), c(rateOf(kpi.total.get(code)!), 'totalRate')]);
  const sheet = SheetSpec.parse({ name: 'Biểu đồ', rows, columnWidths: [34, 12] });
  return { sheet, chart: { sheet: 'Biểu đồ', range: `A2:B${rows.length}`, title, anchor: 'D2' } };
}
