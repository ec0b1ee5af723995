/**
 * "Danh sách chưa nộp": the units that sent nothing for the range, with whom to call — as a CSV (the command
 * line) and as the product's own sheet DX_ChuaNop (the command line's .xlsx and both panes), listed in
 * DX_SoHuu like the annexes, so a later export replaces it and never a sheet of the user's.
 */
import { plainSlug } from '../text/slug';
import { SheetSpec } from '../workbook/sheet-spec';
import { c } from './annex';
import { OWNED } from './consolidate';
import type { FollowUp } from './follow-up';
import { BOM, guardFormula } from './tidy';

export const MISSING_SHEET = 'DX_ChuaNop';

/** What the list is made from: a consolidation's summary (its period, registry and units not sent). */
export interface MissingListSource extends Pick<FollowUp, 'notSent' | 'deadline' | 'deadlineDay'> {
  period: string | null;
  registry: { name: string; code: string } | null;
}

/** The columns, in order: the CSV's header and the sheet's. */
export const MISSING_COLUMNS = [
  'STT',
  'Mã đơn vị',
  'Tên đơn vị',
  'Người lập (báo cáo gần nhất)',
  'Điện thoại (báo cáo gần nhất)',
  'Báo cáo gần nhất',
  'Liên hệ (danh mục đơn vị)',
] as const;

const MISSING_WORDS = {
  title: (period: string | null) => `DANH SÁCH ĐƠN VỊ CHƯA NỘP BÁO CÁO${period ? ` ${period.toUpperCase()}` : ''}`,
  subtitle: (s: MissingListSource) =>
    [
      s.deadline ? `Hạn nộp: ${s.deadline} (ngày ${s.deadlineDay} của tháng sau kỳ)` : null,
      s.registry ? `Danh mục đơn vị: ${s.registry.name} (${s.registry.code})` : null,
      `${s.notSent.length} đơn vị`,
    ]
      .filter(Boolean)
      .join('. ') + '.',
  none: 'Mọi đơn vị trong danh mục đã nộp.',
  noReport: 'chưa có báo cáo nào',
} as const;

function rowsOf(s: MissingListSource): Array<Array<string | null>> {
  return s.notSent.map((m, i) => [
    String(i + 1),
    m.code || null,
    m.unit,
    m.preparer,
    m.phone,
    m.lastReport ?? MISSING_WORDS.noReport,
    m.contact,
  ]);
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted; text a spreadsheet would run is guarded. */
function csvField(v: string | null): string {
  if (v === null) return '';
  const t = guardFormula(v);
  return /[",\r\n]|^\s|\s$/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** The list as CSV, UTF-8 with its byte order mark (Excel then shows Vietnamese), lines ending in CRLF. */
export function missingCsv(s: MissingListSource): string {
  const lines = [MISSING_COLUMNS.join(','), ...rowsOf(s).map((r) => r.map(csvField).join(','))];
  return `${BOM}${lines.map((l) => `${l}\r\n`).join('')}`;
}

/**
 * The CSV's file name in a pane, "chua-nop-thang-11-2026.csv": plain letters (as the report's), so any disk, mail
 * and Drive keep it.
 */
export function missingCsvName(period: string | null | undefined): string {
  const slug = plainSlug(period);
  return slug ? `chua-nop-${slug}.csv` : 'chua-nop.csv';
}

/** What a pane says once the CSV is made: a download (Excel), a file in Drive (Google Sheets). */
export const missingCsvMade = (n: number, file: string, where: 'download' | 'drive') =>
  where === 'download'
    ? `Đã tạo tệp ${file} (${n} đơn vị; UTF-8, mở được bằng Excel).`
    : `Đã lưu tệp ${file} (${n} đơn vị) vào Google Drive, cạnh bảng tính này.`;

/** Whether a CSV file's first characters are this list's: a re-run may replace it. */
export const isMissingCsv = (head: string) => head.startsWith(`${BOM}${MISSING_COLUMNS.join(',')}`);

/** The sheet DX_ChuaNop: a title with the period, the deadline and the registry, then one unit a row. */
export function missingSheet(s: MissingListSource): SheetSpec {
  const rows = [
    [c(MISSING_WORDS.title(s.period), 'title')],
    [c(MISSING_WORDS.subtitle(s), 'subtitle')],
    [],
    MISSING_COLUMNS.map((h) => c(h, 'header')),
    ...rowsOf(s).map((r) => r.map((v) => c(v, 'text'))),
    ...(s.notSent.length ? [] : [[c(null), c(null), c(MISSING_WORDS.none, 'note')]]),
  ];
  return SheetSpec.parse({
    name: MISSING_SHEET,
    rows,
    columnWidths: [6, 12, 34, 26, 18, 18, 30],
    freeze: { rows: 4, columns: 0 },
  });
}

/** What a pane says once the list is written. */
export const missingWritten = (n: number) =>
  `Đã ghi danh sách chưa nộp (${n} đơn vị) vào trang ${MISSING_SHEET}; trang này do phần mềm tạo, lần ghi sau thay nó.`;

/** The sheets an export writes: the list and the ownership listing that makes it the product's. */
export function missingSheets(s: MissingListSource): SheetSpec[] {
  return [missingSheet(s), OWNED.write([{ sheet: MISSING_SHEET, kind: 'Danh sách' }])];
}
