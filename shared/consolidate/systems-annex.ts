import { parseDay } from '../dates/date';
import { MonthSpan, monthIndex, monthSpan, parsePeriod } from '../dates/period';
import { TableRow } from '../tables/read';
import { APPROVAL_STATES } from '../templates/families';
import { looseKey } from '../text/fold';
import { SheetSpec } from '../workbook/sheet-spec';
import { AnnexOptions, c, opening, sheet } from './annex';
import { Submission, unitKeyOf } from './collect';
import { isEarlier, latestFirst, reportWords } from './latest';

/** The sheet's name: Phụ lục I–VII were numbered before it, so the systems come after them. */
export const SYSTEMS_SHEET = 'Phụ lục VIII';

export interface SystemRow {
  unit: string;
  system: string;
  operator: string;
  level: string;
  deadline: string;
  approved: boolean;
  /** What the "Ghi chú" column says: "Trễ hạn (hồ sơ đang được thẩm định)". */
  state: string;
  /** The report it is read from, when an earlier one than the range's ("tháng 4/2023"). */
  from: string | null;
}

const str = (v: unknown) => (v === null || v === undefined ? '' : v instanceof Date ? '' : String(v).trim());
const APPROVED = looseKey(APPROVAL_STATES[0]);

/** The last month a deadline allows: "Quý II/2021" → June 2021, "30/6/2021" → June 2021. */
function deadlineMonth(v: unknown): number | null {
  const span = monthSpan(parsePeriod(v));
  if (span) return span.last;
  const day = parseDay(v);
  return day ? monthIndex(day.y, day.m) : null;
}

const deadlineText = (v: unknown) => {
  if (v instanceof Date) {
    const d = parseDay(v)!;
    return `${d.d}/${d.m}/${d.y}`;
  }
  return str(v);
};

/** Approved when the list says so, or (a staff's own "Ghi chú") its words do; an approval date says it too. */
function isApproved(r: TableRow): boolean {
  const chosen = looseKey(str(r.cells.approval));
  if (chosen) return chosen === APPROVED;
  if (parseDay(r.cells.approvedOn)) return true;
  const note = looseKey(str(r.cells.state));
  return /da (duoc )?phe duyet/.test(note) && !/chua/.test(note);
}

/**
 * "Trễ hạn (hồ sơ đang được thẩm định)" as seed 001 writes it: the stage chosen, late when the range ends after
 * the deadline's month; a unit's own note stands when it chose no stage.
 */
function stateOf(r: TableRow, range: MonthSpan | null): string {
  const stage = str(r.cells.approval);
  const note = str(r.cells.state);
  if (!stage) return note || 'Chưa cập nhật tình trạng phê duyệt';
  const due = deadlineMonth(r.cells.deadline);
  const words = stage.charAt(0).toLowerCase() + stage.slice(1);
  if (due !== null && range && range.last > due) return `Trễ hạn (${words})`;
  return due !== null && range ? `Trong hạn (${words})` : stage;
}

/**
 * Every unit's information systems from its latest report of the year up to the range that lists any (a unit
 * that skipped a month keeps what it last said), in the units' order and each unit's own order.
 */
export function systemRows(subs: Submission[], range: MonthSpan | null): SystemRow[] {
  const latest = latestFirst(subs, range);
  const units: string[] = [];
  for (const s of subs) if (!units.includes(unitKeyOf(s.unit))) units.push(unitKeyOf(s.unit));
  const out: SystemRow[] = [];
  for (const key of units) {
    const listed = (s: Submission) =>
      s.read.tables
        .filter((t) => t.table === 'T6b')
        .flatMap((t) => t.rows)
        .filter((r) => r.kind === 'item' && str(r.cells.system));
    const from = latest.find((s) => unitKeyOf(s.unit) === key && listed(s).length);
    if (!from) continue;
    for (const r of listed(from))
      out.push({
        unit: from.unit.name,
        system: str(r.cells.system),
        operator: str(r.cells.operator) || from.unit.name,
        level: str(r.cells.level),
        deadline: deadlineText(r.cells.deadline),
        approved: isApproved(r),
        state: stateOf(r, range),
        from: isEarlier(from, range) ? reportWords(from) : null,
      });
  }
  return out;
}

/** "25/30 hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ" (seed 001). */
export function systemsCountLine(rows: SystemRow[]): string {
  const done = rows.filter((r) => r.approved).length;
  return `${done}/${rows.length} hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ`;
}

/**
 * Phụ lục VIII (seed 001's Annex I): the systems whose proposed security level is not approved yet, with their
 * operator, proposed level, approval deadline and state, and the count line over every system reported. The
 * seed's six columns as it prints them; a "Nguồn" column only when a system is read from an earlier report
 * than the range's ("Theo báo cáo quý I/2023"), so the state in "Ghi chú" stays the seed's words.
 */
export function systemsAnnex(subs: Submission[], opts: AnnexOptions & { range?: MonthSpan | null }): SheetSpec {
  const range = opts.range ?? null;
  const rows_ = systemRows(subs, range);
  const open = rows_.filter((r) => !r.approved);
  const sourced = open.some((r) => r.from);
  const headers = [
    'TT',
    'Tên hệ thống thông tin',
    'Đơn vị vận hành',
    'Cấp độ đề xuất',
    'Thời gian phê duyệt HSĐXCĐ',
    'Ghi chú',
    ...(sourced ? ['Nguồn'] : []),
  ];
  const { rows, merges } = opening(
    SYSTEMS_SHEET,
    'Danh sách cơ quan, địa phương chưa xây dựng, trình thẩm định và phê duyệt hồ sơ đề xuất cấp độ an toàn thông tin',
    headers.length,
    opts,
  );
  const top = rows.length;
  rows.push(headers.map((h) => c(h, 'header')));
  open.forEach((r, i) =>
    rows.push([
      c(`${i + 1}.`, 'text'),
      c(r.system, 'text'),
      c(r.operator, 'text'),
      c(r.level || null, 'text'),
      c(r.deadline || null, 'text'),
      c(r.state, 'computedText'),
      ...(sourced ? [c(r.from ? `Theo báo cáo ${r.from}` : null, 'text')] : []),
    ]),
  );
  // No system reported at all: said so, not "0/0 hệ thống … đã được phê duyệt".
  const said = rows_.length
    ? `Toàn bộ: ${systemsCountLine(rows_)}; còn ${open.length}/${rows_.length} hệ thống chưa được phê duyệt ` +
      '(liệt kê ở trên).'
    : 'Chưa đơn vị nào kê khai hệ thống thông tin (bảng “Hệ thống thông tin và cấp độ an toàn” của phiếu báo cáo).';
  rows.push([], [c(said, 'note')]);
  return sheet(SYSTEMS_SHEET, rows, merges, [6, 40, 30, 12, 18, 40, ...(sourced ? [24] : [])], top, 1);
}
