import { periodText } from '../dates/period';
import { completionChanged, completionKept, stampLabel, stampText } from '../messages/wording';
import { fingerprint } from '../text/fingerprint';
import { completionsSheet, COMPLETIONS_SHEET, readCompletions } from '../validation/completions';
import { COVER_LABELS } from '../templates/version';
import { Issue, Summary } from '../validation/issue';
import { PreviousValue, previousSheet, PREVIOUS_SHEET } from '../validation/previous';
import { validateSheets, ValidateOptions } from '../validation/validate';
import { numberOf } from '../tables/cells';
import { tableSpec } from '../templates/families';
import { ownedTable } from '../tables/owned-table';
import { CellMark, CellRef, SheetSnapshot, WorkbookPort } from '../workbook/port';
import { encodeCell, localIso } from '../workbook/render';
import { Op, runAsync } from './run';

/** The cells the product highlighted, with what they looked like before: the next run restores them. */
export const MARKS_SHEET = 'DX_DanhDau';
export const ERROR_FILL = '#F4CCCC';
export const WARNING_FILL = '#FFE599';

const MARKS = ownedTable('DanhDau', MARKS_SHEET, [
  { key: 'sheet', label: 'Trang tính', width: 24 },
  { key: 'cell', label: 'Ô', width: 8 },
  { key: 'fill', label: 'Màu nền cũ', width: 12 },
]);

interface MarkRecord extends CellRef {
  fill: string | null;
}

function readMarks(sheets: SheetSnapshot[]): MarkRecord[] {
  return MARKS.read(sheets.find((x) => x.name === MARKS_SHEET)?.values)
    .filter((r) => r.sheet && r.cell)
    .map((r) => ({ sheet: String(r.sheet), cell: String(r.cell), fill: r.fill ? String(r.fill) : null }));
}

const marksSheet = (records: MarkRecord[]) => MARKS.write(records.map((r) => ({ ...r })));

/** Plain data for the panes and google.script.run. */
export interface CheckResult {
  issues: Issue[];
  summary: Summary;
  unit: string | null;
  period: string | null;
  completedAt: string | null;
}

const key = (r: CellRef) => `${r.sheet}\u0000${r.cell}`;

/**
 * "Kiểm tra": validates the open workbook, removes the previous highlights and
 * highlights the problem cells, with a note where the host has notes. One
 * read, one fill read, one paint, one write — whatever the sheet size.
 */
export function* checkOp(port: WorkbookPort, opts: ValidateOptions = {}): Op<CheckResult> {
  const sheets = (yield port.read()) as SheetSnapshot[];
  const report = validateSheets(sheets, opts);
  const previous = readMarks(sheets);
  const names = new Set(sheets.map((s) => s.name));
  const byCell = new Map<string, Issue[]>();
  for (const i of report.issues) {
    if (i.sheet.startsWith('DX_') || !names.has(i.sheet)) continue;
    const list = byCell.get(key(i)) ?? [];
    list.push(i);
    byCell.set(key(i), list);
  }
  const targets = [...byCell.values()].map((l) => ({ sheet: l[0].sheet, cell: l[0].cell }));
  const was = new Map(previous.map((p) => [key(p), p.fill]));
  const fresh = targets.filter((t) => !was.has(key(t)));
  const fills = fresh.length ? ((yield port.readFills(fresh)) as Array<string | null>) : [];
  const original = new Map(fresh.map((t, i) => [key(t), fills[i]]));
  const marks: CellMark[] = [];
  for (const p of previous)
    if (!byCell.has(key(p)) && names.has(p.sheet))
      marks.push({ sheet: p.sheet, cell: p.cell, fill: p.fill, note: null });
  for (const list of byCell.values()) {
    const error = list.some((i) => i.severity === 'loi');
    marks.push({
      sheet: list[0].sheet,
      cell: list[0].cell,
      fill: error ? ERROR_FILL : WARNING_FILL,
      note: list.map((i) => `[${i.rule}] ${i.message}`).join('\n'),
    });
  }
  if (marks.length) yield port.paint(marks);
  const records: MarkRecord[] = targets.map((t) => ({
    ...t,
    fill: was.has(key(t)) ? was.get(key(t))! : (original.get(key(t)) ?? null),
  }));
  if (records.length || previous.length) yield port.write([marksSheet(records)], [MARKS_SHEET]);
  const cover = report.read.cover;
  const text = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
  return {
    issues: report.issues,
    summary: report.summary,
    unit: text(cover.unit?.value),
    period: periodText(cover.period?.value),
    completedAt: stampLabel(cover.completedAt?.value),
  };
}

export interface CompleteResult {
  ok: boolean;
  message: string;
  completedAt?: string;
  /** The report was completed before and its figures changed since: the user must confirm a new time. */
  confirm?: boolean;
  check: CheckResult;
}

export interface CompleteOptions {
  /** The user confirmed: replace an earlier completion time (the earlier one stays in the history). */
  replace?: boolean;
}

/** The figures a completion vouches for: every table the reader found, cell by cell. */
const figuresOf = (report: ReturnType<typeof validateSheets>) =>
  fingerprint(report.read.tables.map((t) => [t.sheet, t.table, t.rows.map((r) => r.cells)]));

/**
 * "Hoàn thành": refused while errors remain; otherwise stamps the completion
 * time on the cover (it feeds on-time reporting) as a date-time value and keeps
 * this period's counts for next period's outlier check. The first completion
 * time stays: pressing again with the same figures writes nothing; after the
 * figures changed, only a confirmed press (`replace`) writes a new time. Every
 * completion is kept in the hidden DX_LichSu. `now` is the host's clock: the
 * core never reads it; the checks use it too (its year chooses the targets).
 */
export function* completeOp(
  port: WorkbookPort,
  now: Date,
  options: ValidateOptions = {},
  choice: CompleteOptions = {},
): Op<CompleteResult> {
  const opts: ValidateOptions = { ...options, now: options.now ?? now };
  const check = (yield* checkOp(port, opts)) as CheckResult;
  if (check.summary.errors > 0) {
    return {
      ok: false,
      check,
      message: `Chưa thể hoàn thành: còn ${check.summary.errors} lỗi. Sửa các ô tô đỏ rồi bấm Kiểm tra lại.`,
    };
  }
  const sheets = (yield port.read()) as SheetSnapshot[];
  const report = validateSheets(sheets, opts);
  const field = report.read.cover.completedAt;
  if (!field)
    return { ok: false, check, message: `Không tìm thấy ô “${COVER_LABELS.completedAt}” trong thông tin chung.` };
  const history = readCompletions(sheets);
  const figures = figuresOf(report);
  const before = stampLabel(field.value);
  if (before && !choice.replace) {
    const last = history[history.length - 1];
    if (last && last.figures === figures)
      return { ok: true, completedAt: before, check, message: completionKept(before) };
    return { ok: false, confirm: true, completedAt: before, check, message: completionChanged(before) };
  }
  const when = stampText(now);
  yield port.setCells([{ sheet: field.sheet, cell: field.cell, ...encodeCell({ d: localIso(now) }) }]);
  const values: PreviousValue[] = [];
  for (const t of report.read.tables) {
    for (const row of t.rows.filter((r) => r.kind === 'item')) {
      const k = String(row.cells.code ?? row.cells.unit ?? row.cells.name ?? '').trim();
      for (const col of tableSpec(t.table).columns.filter((c) => c.kind === 'count' && c.key in t.columns)) {
        const v = numberOf(row.cells[col.key]);
        if (v !== null) values.push({ table: t.table, key: k, field: col.key, value: v, period: check.period ?? '' });
      }
    }
  }
  const entry = {
    at: when,
    period: check.period ?? '',
    warnings: check.summary.warnings,
    figures,
    note: before ? `Ghi lại (trước đó: ${before})` : 'Hoàn thành lần đầu',
  };
  yield port.write([previousSheet(values), completionsSheet([...history, entry])], [PREVIOUS_SHEET, COMPLETIONS_SHEET]);
  return { ok: true, completedAt: when, check: { ...check, completedAt: when }, message: `Đã hoàn thành lúc ${when}.` };
}

export const check = (port: WorkbookPort, opts?: ValidateOptions) => runAsync(checkOp(port, opts));
export const complete = (port: WorkbookPort, now: Date, opts?: ValidateOptions, choice?: CompleteOptions) =>
  runAsync(completeOp(port, now, opts, choice));
