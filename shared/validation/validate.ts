import { applicableTarget } from '../catalogue/catalogue';
import { Indicator } from '../catalogue/schema';
import { compareDays, formatDay, parseDay } from '../dates/date';
import { parsePeriod } from '../dates/period';
import { rateMismatchMessage, rateOk } from '../formulas/rate';
import { isFormulaError } from '../formulas/result';
import { taskStatus } from '../formulas/status';
import { targetMet } from '../formulas/target-met';
import { formatNumber, formatPercent } from '../numbers/format';
import { parseNumber } from '../numbers/parse';
import { readUnitWorkbook, UnitWorkbookRead } from '../reading/unit-workbook';
import { defaultMatcher } from '../registry/default';
import { UnitMatcher } from '../registry/match';
import { labelKey } from '../tables/labels';
import { TableRead, TableRow } from '../tables/read';
import { catalogueFrom, ConfigIssue } from '../templates/config-sheet';
import { FAMILIES, tableSpec } from '../templates/families';
import { ColumnSpec, RuleSpec, TableSpec } from '../templates/schema';
import { CONFIG_SHEET, COVER_LABELS, TEMPLATE_VERSION } from '../templates/version';
import { toneKey } from '../text/fold';
import { SheetSnapshot } from '../workbook/port';
import { a1, CellValue, columnLetter, parseA1 } from '../workbook/sheet-spec';
import { Issue, sortIssues, summarise, Summary } from './issue';
import { readPrevious } from './previous';
import { isBlankValue, isErrorValue, numberOf } from '../tables/cells';

export interface ValidateOptions {
  file?: string;
  /** The period being collected ("2023-06"): a workbook for another period is an error. */
  period?: string;
  matcher?: UnitMatcher;
  /** A count that grows or shrinks by more than this factor since the previous period is a warning. */
  outlierFactor?: number;
}

export interface ValidationReport {
  issues: Issue[];
  summary: Summary;
  read: UnitWorkbookRead;
}

type Emit = (i: Omit<Issue, 'file'>) => void;

const show = (v: CellValue) => (v instanceof Date ? formatDay(parseDay(v)!) : String(v));

function cellOf(t: TableRead, row: TableRow, key: string): string {
  return `${columnLetter(t.columns[key])}${row.row + 1}`;
}

function columnTitle(col: ColumnSpec): string {
  return col.group ? `${col.group} — ${col.label}` : col.label;
}

function isFormulaCell(formulas: Map<string, Array<Array<string | null>>>, sheet: string, cell: string): boolean {
  const f = formulas.get(sheet);
  if (!f) return false;
  const { row, col } = parseA1(cell);
  return Boolean(f[row]?.[col]);
}

/** Type checks of one cell by its column's kind. */
function checkType(col: ColumnSpec, v: CellValue, at: { sheet: string; cell: string }, emit: Emit): void {
  if (isBlankValue(v) || isErrorValue(v)) return;
  if (col.kind === 'count' || col.kind === 'money') {
    const p = parseNumber(v);
    const title = columnTitle(col);
    if (p.kind === 'percent') {
      emit({
        ...at,
        rule: 'KIEU-PHAN-TRAM',
        severity: 'loi',
        importance: 'cao',
        message: `“${show(v)}” là tỷ lệ, cột “${title}” cần số lượng.`,
        fix: 'Ghi số lượng (số đếm), tỷ lệ tự tính.',
      });
    } else if (p.kind === 'nan' || p.kind === 'ratio') {
      emit({
        ...at,
        rule: 'KIEU-CHU',
        severity: 'loi',
        importance: 'cao',
        message: p.note ?? `“${show(v)}” không phải là số (cột “${title}”).`,
        fix: p.unit && /\d/.test(String(v)) ? `Chỉ ghi số: ${String(v).replace(p.unit, '').trim()}` : undefined,
      });
    } else if (p.ambiguous) {
      const thousands = /^\d{1,3}\.\d{1,2}$/.test(String(v).trim())
        ? `${String(v).trim().split('.')[0]}.${String(v).trim().split('.')[1].padEnd(3, '0')}`
        : undefined;
      emit({
        ...at,
        rule: 'KIEU-MO-HO',
        severity: 'loi',
        importance: 'trung-binh',
        message: `${p.note}`,
        fix: thousands ? `Nếu là số hàng nghìn: ${thousands}` : 'Ghi lại rõ ràng (dấu chấm phân cách hàng nghìn).',
      });
    } else if (col.kind === 'count' && (p.value! < 0 || !Number.isInteger(p.value))) {
      emit({
        ...at,
        rule: 'KIEU-SO-DEM',
        severity: 'loi',
        importance: 'cao',
        message: `Số lượng phải là số nguyên không âm: “${show(v)}” (cột “${title}”).`,
      });
    } else if (col.kind === 'money' && p.value! < 0) {
      emit({
        ...at,
        rule: 'KIEU-SO-DEM',
        severity: 'loi',
        importance: 'cao',
        message: `Số tiền không được âm: “${show(v)}”.`,
      });
    }
    return;
  }
  if (col.kind === 'date' && !parseDay(v) && !parsePeriod(v)) {
    emit({
      ...at,
      rule: 'KIEU-CHU',
      severity: 'loi',
      importance: 'trung-binh',
      message: `“${show(v)}” không phải là ngày (dd/mm/yyyy).`,
    });
    return;
  }
  if (col.list && col.input && !col.list.includes(String(v).trim())) {
    emit({
      ...at,
      rule: 'KIEU-CHU',
      severity: 'loi',
      importance: 'trung-binh',
      message: `“${show(v)}” không có trong danh sách của cột “${col.label}”.`,
      fix: `Chọn một trong: ${col.list.join('; ')}`,
    });
  }
}

function sum(t: TableRead, row: TableRow, keys: string[]): { values: Array<number | null>; total: number } {
  const values = keys.map((k) => (k in t.columns ? numberOf(row.cells[k]) : null));
  return { values, total: values.reduce<number>((s, v) => s + (v ?? 0), 0) };
}

/** DHIS2-style rule: left op right over one row, with its missing-value strategy. */
function checkRule(rule: RuleSpec, t: TableRead, row: TableRow, sheet: string, emit: Emit): void {
  const anchor = rule.left.find((k) => k in t.columns);
  if (!anchor) return;
  const cell = cellOf(t, row, anchor);
  const keys = [...rule.left, ...rule.right];
  const present = keys.filter((k) => k in t.columns && !isBlankValue(row.cells[k]));
  if (rule.op === 'compulsory-pair' || rule.op === 'exclusive-pair') {
    const left = rule.left.some((k) => k in t.columns && !isBlankValue(row.cells[k]));
    const right = rule.right.some((k) => k in t.columns && !isBlankValue(row.cells[k]));
    const bad = rule.op === 'compulsory-pair' ? left !== right : left && right;
    if (bad)
      emit({ sheet, cell, rule: 'CONG-THUC', severity: 'loi', importance: rule.importance, message: rule.instruction });
    return;
  }
  // Operands typed as text, percentages or ambiguous numbers were reported by the type checks.
  if (present.some((k) => numberOf(row.cells[k]) === null)) return;
  if (rule.missing === 'skip-if-any' && present.length < keys.filter((k) => k in t.columns).length) return;
  if (rule.missing === 'skip-if-all' && present.length === 0) return;
  const l = sum(t, row, rule.left);
  const r = sum(
    t,
    row,
    rule.right.filter((k) => k in t.columns),
  );
  const ok = {
    '=': l.total === r.total,
    '!=': l.total !== r.total,
    '<': l.total < r.total,
    '<=': l.total <= r.total,
    '>': l.total > r.total,
    '>=': l.total >= r.total,
  }[rule.op];
  if (ok) return;
  const shown = (s: { values: Array<number | null>; total: number }) =>
    s.values.length > 1
      ? `${s.values.map((v) => formatNumber(v ?? 0)).join(' + ')} = ${formatNumber(s.total)}`
      : formatNumber(s.total);
  const sign = { '=': '≠', '!=': '=', '<': '≥', '<=': '>', '>': '≤', '>=': '<' }[rule.op];
  const right = rule.right.filter((k) => k in t.columns);
  emit({
    sheet,
    cell,
    rule: 'CONG-THUC',
    severity: 'loi',
    importance: rule.importance,
    message: `${rule.instruction} Đang là ${shown(l)} ${sign} ${right.length ? shown(r) : '0'}.`,
  });
}

/** The rate a table's computed column should hold: its formula's {n}/{d}. */
function rateOperands(col: ColumnSpec): [string, string] | null {
  const m = /\{(\w+)\}\/\{(\w+)\}/.exec(col.formula ?? '');
  return m ? [m[1], m[2]] : null;
}

function checkRateCell(
  v: CellValue,
  n: CellValue,
  d: CellValue,
  at: { sheet: string; cell: string },
  emit: Emit,
): void {
  if (isBlankValue(v) || isErrorValue(v)) return;
  const a = numberOf(n);
  const b = numberOf(d);
  if (a === null || b === null || b === 0) return;
  const ok = rateOk(v as never, a, b);
  if (ok === false) {
    const p = parseNumber(v);
    const fraction = p.kind === 'percent' ? p.value! : typeof v === 'number' ? v : p.value! / 100;
    const decimals = p.kind === 'percent' ? p.decimals : 2;
    emit({
      ...at,
      rule: 'TY-LE',
      severity: 'loi',
      importance: 'cao',
      message: rateMismatchMessage(fraction, decimals, a, b),
      fix: `Tỷ lệ đúng: ${formatPercent(a / b, Math.max(decimals, 2))}`,
    });
  }
}

const RESULT = /([\d.,]+)\s*%\s*\(([^)]*)\)/;

function checkIndicatorTable(
  t: TableRead,
  sheet: string,
  catalogue: Indicator[],
  reportDate: CellValue,
  formulas: Map<string, Array<Array<string | null>>>,
  emit: Emit,
): void {
  const byName = new Map(catalogue.map((i) => [labelKey(i.name), i]));
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  for (const row of t.rows.filter((r) => r.kind === 'item')) {
    const ind = (row.cells.code && byCode.get(String(row.cells.code).trim())) || byName.get(labelKey(row.cells.name));
    if (t.table === 'T1b') {
      const m = RESULT.exec(String(row.cells.result ?? ''));
      if (!m) continue;
      const ratio = parseNumber(m[2]);
      const at = { sheet, cell: cellOf(t, row, 'result') };
      if (ratio.kind !== 'ratio') continue;
      if (ratio.ambiguous) {
        emit({
          ...at,
          rule: 'KIEU-MO-HO',
          severity: 'loi',
          importance: 'trung-binh',
          message: `Trong “${m[2]}”: ${ratio.note}`,
        });
        continue;
      }
      checkRateCell(`${m[1]}%`, ratio.numerator!, ratio.denominator!, at, emit);
      if (ratio.numerator! > ratio.denominator! && !ind?.allowOver100) {
        emit({
          ...at,
          rule: 'TU-LON-HON-MAU',
          severity: 'loi',
          importance: 'cao',
          message: `Tử số ${formatNumber(ratio.numerator!)} lớn hơn mẫu số ${formatNumber(ratio.denominator!)}.`,
        });
      }
      continue;
    }
    const n = numberOf(row.cells.numerator);
    const d = numberOf(row.cells.denominator);
    const nBlank = isBlankValue(row.cells.numerator);
    const dBlank = isBlankValue(row.cells.denominator);
    if (nBlank !== dBlank) {
      const missing = nBlank ? 'numerator' : 'denominator';
      emit({
        sheet,
        cell: cellOf(t, row, missing),
        rule: 'BAT-BUOC',
        severity: 'loi',
        importance: 'cao',
        message: `Có ${nBlank ? 'mẫu số' : 'tử số'} mà thiếu ${nBlank ? 'tử số' : 'mẫu số'}${ind ? ` (${ind.code})` : ''}.`,
      });
    }
    if (n !== null && d !== null && n > d && !ind?.allowOver100) {
      emit({
        sheet,
        cell: cellOf(t, row, 'numerator'),
        rule: 'TU-LON-HON-MAU',
        severity: 'loi',
        importance: 'cao',
        message: `Tử số ${formatNumber(n)} lớn hơn mẫu số ${formatNumber(d)}${ind ? ` (${ind.code} không được vượt 100%)` : ''}.`,
      });
    }
    const rateCell = 'rate' in t.columns ? cellOf(t, row, 'rate') : null;
    if (rateCell && !isFormulaCell(formulas, sheet, rateCell))
      checkRateCell(row.cells.rate, row.cells.numerator, row.cells.denominator, { sheet, cell: rateCell }, emit);
    const assessCell = 'assessment' in t.columns ? cellOf(t, row, 'assessment') : null;
    const assessed = row.cells.assessment;
    if (
      assessCell &&
      !isBlankValue(assessed) &&
      !isFormulaCell(formulas, sheet, assessCell) &&
      n !== null &&
      d !== null &&
      d > 0
    ) {
      const target = isBlankValue(row.cells.target)
        ? ind && applicableTarget(ind, new Date().getFullYear())?.text
        : String(row.cells.target);
      if (!target) continue;
      const expected = targetMet(n / d, target, isBlankValue(reportDate) ? null : (reportDate as never));
      if (!isFormulaError(expected) && expected !== String(assessed).trim()) {
        emit({
          sheet,
          cell: assessCell,
          rule: 'DAT-CHUA-DAT',
          severity: 'loi',
          importance: 'trung-binh',
          message: `Ghi “${String(assessed).trim()}” nhưng ${formatPercent(n / d)} so với chỉ tiêu “${target}” là “${expected}”.`,
          fix: String(expected),
        });
      }
    }
  }
}

function checkTasks(t: TableRead, sheet: string, reportDate: CellValue, emit: Emit): void {
  const report = parseDay(reportDate);
  for (const row of t.rows.filter((r) => r.kind === 'item')) {
    const period = row.cells.period;
    if (isBlankValue(row.cells.name) && isBlankValue(period)) continue;
    const p = parsePeriod(period);
    const completed = row.cells.completed;
    const done = parseDay(completed);
    // "12/2023" in a date column stands for the month: compare starts.
    const started = parsePeriod(row.cells.started ?? null);
    const finished = parsePeriod(completed);
    if (started && finished && compareDays(finished.start, started.start) < 0) {
      emit({
        sheet,
        cell: cellOf(t, row, 'completed'),
        rule: 'THU-TU-NGAY',
        severity: 'loi',
        importance: 'cao',
        message: `Hoàn thành / vận hành chính thức “${show(completed)}” trước khi bắt đầu / vận hành thử “${show(row.cells.started)}”.`,
      });
    }
    if (done && p && compareDays(done, p.start) < 0 && p.end !== null) {
      emit({
        sheet,
        cell: cellOf(t, row, 'completed'),
        rule: 'THU-TU-NGAY',
        severity: 'loi',
        importance: 'trung-binh',
        message: `Ngày hoàn thành ${formatDay(done)} trước thời gian triển khai “${p.label}”.`,
      });
    }
    if (done && report && compareDays(done, report) > 0) {
      emit({
        sheet,
        cell: cellOf(t, row, 'completed'),
        rule: 'THU-TU-NGAY',
        severity: 'loi',
        importance: 'cao',
        message: `Ngày hoàn thành ${formatDay(done)} sau ngày báo cáo ${formatDay(report)}.`,
      });
      continue;
    }
    const assessed = row.cells.assessment;
    if (!report || !p || isBlankValue(assessed) || !('assessment' in t.columns)) continue;
    const statusIsDone = /^(đã\s+)?hoàn thành/iu.test(String(assessed).trim());
    const expected = taskStatus(
      period as never,
      done ? (completed as never) : statusIsDone ? true : null,
      reportDate as never,
    );
    if (isFormulaError(expected)) continue;
    const written = String(assessed)
      .trim()
      .replace(/^Đã hoàn thành/u, 'Hoàn thành');
    if (written !== expected) {
      emit({
        sheet,
        cell: cellOf(t, row, 'assessment'),
        rule: 'TIEN-DO',
        severity: 'loi',
        importance: 'cao',
        message: `Nhiệm vụ “${p.label}”${done ? `, hoàn thành ${formatDay(done)}` : statusIsDone ? '' : ' chưa hoàn thành'}, báo cáo ${formatDay(report)}: phải là “${expected}”, không phải “${String(assessed).trim()}”.`,
        fix: String(expected),
      });
    }
  }
}

function checkUnitsAndDuplicates(t: TableRead, sheet: string, matcher: UnitMatcher, emit: Emit): void {
  const seen = new Map<string, number>();
  const keyCol = ['code', 'unit', 'name', 'system', 'plan'].find((k) => k in t.columns) ?? null;
  for (const row of t.rows.filter((r) => r.kind === 'item')) {
    if ('unit' in t.columns && !isBlankValue(row.cells.unit)) {
      const name = String(row.cells.unit);
      const m = matcher.match(name);
      if (!m.unit && m.status !== 'ambiguous') {
        emit({
          sheet,
          cell: cellOf(t, row, 'unit'),
          rule: 'TEN-DON-VI',
          severity: m.suggestions.length ? 'loi' : 'canh-bao',
          importance: 'trung-binh',
          message: `“${name}” không có trong danh mục đơn vị.${m.suggestions.length ? ` Có phải “${m.suggestions[0]}”?` : ''}`,
          fix: m.suggestions[0],
        });
      }
    }
    if (!keyCol || isBlankValue(row.cells[keyCol])) continue;
    const key =
      keyCol === 'unit'
        ? (matcher.match(String(row.cells.unit)).unit?.code ?? toneKey(String(row.cells.unit)))
        : toneKey(String(row.cells[keyCol]));
    const first = seen.get(key);
    if (first !== undefined) {
      emit({
        sheet,
        cell: cellOf(t, row, keyCol),
        rule: 'TRUNG-DONG',
        severity: 'canh-bao',
        importance: 'trung-binh',
        message: `Dòng ${row.row + 1} trùng dòng ${first + 1} (“${String(row.cells[keyCol])}”).`,
      });
    } else seen.set(key, row.row);
  }
}

function checkMerges(t: TableRead, spec: TableSpec, sheet: SheetSnapshot, emit: Emit): void {
  const items = t.rows.filter((r) => r.kind === 'item');
  if (!items.length || !sheet.merges?.length) return;
  const top = items[0].row;
  const bottom = items[items.length - 1].row;
  const inputCols = spec.columns
    .filter((c) => c.input && c.key in t.columns && c.kind !== 'text')
    .map((c) => t.columns[c.key]);
  for (const m of sheet.merges) {
    const [from, to] = m.split(':');
    const a = parseA1(from);
    const b = parseA1(to ?? from);
    if (b.row < top || a.row > bottom) continue;
    if (inputCols.some((c) => c >= a.col && c <= b.col)) {
      emit({
        sheet: sheet.name,
        cell: from,
        rule: 'GOP-O',
        severity: 'loi',
        importance: 'trung-binh',
        message: `Các ô ${m} bị gộp trong vùng nhập số liệu của bảng “${spec.title}”.`,
        fix: 'Bỏ gộp ô, mỗi ô một số.',
      });
    }
  }
}

function checkCover(
  read: UnitWorkbookRead,
  sheets: SheetSnapshot[],
  opts: ValidateOptions,
  matcher: UnitMatcher,
  emit: Emit,
): void {
  const c = read.cover;
  if (!c.unit && !c.period) {
    if (sheets.length)
      emit({
        sheet: sheets[0].name,
        cell: 'A1',
        rule: 'BAT-BUOC',
        severity: 'canh-bao',
        importance: 'trung-binh',
        message: 'Không tìm thấy thông tin chung (Đơn vị báo cáo, Kỳ báo cáo, Ngày báo cáo, Người lập).',
        fix: 'Dùng “Tạo phiếu báo cáo” hoặc thêm các dòng đó.',
      });
    return;
  }
  for (const key of ['unit', 'period', 'reportDate', 'preparer'] as const) {
    const f = c[key];
    if (f && isBlankValue(f.value))
      emit({
        sheet: f.sheet,
        cell: f.cell,
        rule: 'BAT-BUOC',
        severity: 'loi',
        importance: key === 'preparer' ? 'thap' : 'cao',
        message: `Thiếu “${COVER_LABELS[key]}”.`,
      });
  }
  if (c.unit && !isBlankValue(c.unit.value)) {
    const m = matcher.match(String(c.unit.value));
    if (!m.unit && m.status !== 'ambiguous')
      emit({
        sheet: c.unit.sheet,
        cell: c.unit.cell,
        rule: 'TEN-DON-VI',
        severity: 'loi',
        importance: 'cao',
        message: `“${c.unit.value}” không có trong danh mục đơn vị.${m.suggestions.length ? ` Có phải “${m.suggestions[0]}”?` : ''}`,
        fix: m.suggestions[0],
      });
  }
  const period = c.period && !isBlankValue(c.period.value) ? parsePeriod(c.period.value) : null;
  if (c.period && !isBlankValue(c.period.value) && !period) {
    emit({
      sheet: c.period.sheet,
      cell: c.period.cell,
      rule: 'KY-BAO-CAO',
      severity: 'loi',
      importance: 'cao',
      message: `Không đọc được kỳ báo cáo “${show(c.period.value)}”.`,
    });
  }
  if (period && opts.period) {
    const want = parsePeriod(opts.period);
    if (
      want &&
      (compareDays(want.start, period.start) !== 0 ||
        (want.end && period.end && compareDays(want.end, period.end) !== 0))
    ) {
      emit({
        sheet: c.period!.sheet,
        cell: c.period!.cell,
        rule: 'KY-BAO-CAO',
        severity: 'loi',
        importance: 'cao',
        message: `Kỳ báo cáo “${show(c.period!.value)}” khác kỳ đang tổng hợp “${want.label}”.`,
      });
    }
  }
  const report = c.reportDate ? parseDay(c.reportDate.value) : null;
  if (c.reportDate && !isBlankValue(c.reportDate.value) && !report) {
    emit({
      sheet: c.reportDate.sheet,
      cell: c.reportDate.cell,
      rule: 'KIEU-CHU',
      severity: 'loi',
      importance: 'cao',
      message: `Ngày báo cáo “${show(c.reportDate.value)}” không phải là ngày.`,
    });
  }
  if (report && period?.end && compareDays(report, period.end) < 0) {
    emit({
      sheet: c.reportDate!.sheet,
      cell: c.reportDate!.cell,
      rule: 'THU-TU-NGAY',
      severity: 'canh-bao',
      importance: 'trung-binh',
      message: `Ngày báo cáo ${formatDay(report)} trước khi kỳ “${period.label}” kết thúc.`,
    });
  }
  if (c.version && !isBlankValue(c.version.value) && String(c.version.value).trim() !== TEMPLATE_VERSION) {
    emit({
      sheet: c.version.sheet,
      cell: c.version.cell,
      rule: 'KY-BAO-CAO',
      severity: 'canh-bao',
      importance: 'thap',
      message: `Phiên bản mẫu “${show(c.version.value)}” khác phiên bản hiện hành ${TEMPLATE_VERSION}.`,
      fix: 'Tạo lại phiếu theo mẫu mới.',
    });
  }
}

/**
 * Checks a unit workbook (ours or a staff's own) and returns every problem
 * with its sheet and cell. Reads only: nothing is written.
 */
export function validateSheets(sheets: SheetSnapshot[], opts: ValidateOptions = {}): ValidationReport {
  const issues: Issue[] = [];
  const emit: Emit = (i) => issues.push({ ...i, ...(opts.file ? { file: opts.file } : {}) });
  const matcher = opts.matcher ?? defaultMatcher();
  const config = sheets.find((s) => s.name === CONFIG_SHEET);
  let catalogue: Indicator[];
  let rules: RuleSpec[];
  try {
    const c = catalogueFrom(config?.values);
    catalogue = c.catalogue;
    rules = c.rules ?? FAMILIES.flatMap((f) => f.rules);
  } catch (e) {
    for (const ci of (e as { issues?: ConfigIssue[] }).issues ?? [])
      emit({
        sheet: ci.sheet,
        cell: ci.cell,
        rule: 'CAU-HINH',
        severity: 'loi',
        importance: 'cao',
        message: ci.message,
      });
    const c = catalogueFrom(undefined);
    catalogue = c.catalogue;
    rules = FAMILIES.flatMap((f) => f.rules);
  }
  const read = readUnitWorkbook(sheets);
  const formulas = new Map(sheets.map((s) => [s.name, s.formulas ?? []]));
  const reportDate = read.cover.reportDate?.value ?? null;
  checkCover(
    read,
    sheets.filter((s) => !s.name.startsWith('DX_')),
    opts,
    matcher,
    emit,
  );
  for (const t of read.tables) {
    const spec = tableSpec(t.table);
    for (const row of t.rows) {
      for (const col of spec.columns) {
        if (!(col.key in t.columns)) continue;
        const cell = cellOf(t, row, col.key);
        if (isFormulaCell(formulas, t.sheet, cell)) continue;
        if (col.kind === 'rate') {
          const ops = rateOperands(col);
          if (ops && t.table !== 'T1')
            checkRateCell(row.cells[col.key], row.cells[ops[0]], row.cells[ops[1]], { sheet: t.sheet, cell }, emit);
          continue;
        }
        checkType(col, row.cells[col.key], { sheet: t.sheet, cell }, emit);
      }
      if (row.kind !== 'item') continue;
      for (const rule of rules.filter((r) => r.table === t.table)) checkRule(rule, t, row, t.sheet, emit);
    }
    if (t.table === 'T1' || t.table === 'T1b') checkIndicatorTable(t, t.sheet, catalogue, reportDate, formulas, emit);
    if (t.table === 'T5') checkTasks(t, t.sheet, reportDate, emit);
    checkUnitsAndDuplicates(t, t.sheet, matcher, emit);
    const snap = sheets.find((s) => s.name === t.sheet);
    if (snap) checkMerges(t, spec, snap, emit);
  }
  for (const s of sheets.filter((x) => !x.name.startsWith('DX_'))) {
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (isErrorValue(v))
          emit({
            sheet: s.name,
            cell: a1(r, c),
            rule: 'LOI-CONG-THUC',
            severity: 'loi',
            importance: 'cao',
            message: `Ô có giá trị lỗi ${String(v).trim()}.`,
            fix: 'Sửa công thức hoặc số liệu mà công thức dùng.',
          });
      }),
    );
  }
  const previous = readPrevious(sheets);
  if (previous.length) {
    const factor = opts.outlierFactor ?? 3;
    for (const t of read.tables) {
      const spec = tableSpec(t.table);
      for (const row of t.rows.filter((r) => r.kind === 'item')) {
        const key = String(row.cells.code ?? row.cells.unit ?? row.cells.name ?? '').trim();
        for (const col of spec.columns.filter((c) => c.kind === 'count' && c.key in t.columns)) {
          const now = numberOf(row.cells[col.key]);
          const before = previous.find((p) => p.table === t.table && p.key === key && p.field === col.key);
          if (now === null || !before || before.value <= 0) continue;
          const ratio = now / before.value;
          if (Math.max(now, before.value) >= 10 && (ratio > factor || ratio < 1 / factor)) {
            const change =
              ratio > 1
                ? `tăng từ ${formatNumber(before.value)} (${before.period}) lên ${formatNumber(now)}, gấp ${formatNumber(ratio, 1)} lần`
                : `giảm từ ${formatNumber(before.value)} (${before.period}) xuống ${formatNumber(now)}, còn 1/${formatNumber(1 / ratio, 1)}`;
            emit({
              sheet: t.sheet,
              cell: cellOf(t, row, col.key),
              rule: 'BIEN-DONG',
              severity: 'canh-bao',
              importance: 'thap',
              message: `“${columnTitle(col)}” ${change} so với kỳ trước.`,
              fix: 'Kiểm tra lại số liệu; nếu đúng, ghi lý do ở cột ghi chú.',
            });
          }
        }
      }
    }
  }
  const sorted = sortIssues(issues);
  return { issues: sorted, summary: summarise(sorted, read.tables.length), read };
}
