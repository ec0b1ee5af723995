import { formatDay } from '../../dates/date';
import { parsePeriod } from '../../dates/period';
import { targetText } from '../../targets/target';
import { applicableTarget } from '../../catalogue/catalogue';
import { Indicator } from '../../catalogue/schema';
import { isFormulaError } from '../../formulas/result';
import { targetMet } from '../../formulas/target-met';
import { parseNumber } from '../../numbers/parse';
import { isBlankValue, numberOf } from '../../tables/cells';
import { labelKey } from '../../tables/labels';
import { TableRead, TableRow } from '../../tables/read';
import { cellOf, CheckContext, isFormulaCell } from '../context';
import { rateMismatch } from './rates';

export const KINDS = [
  'KIEU-MO-HO',
  'TY-LE',
  'TU-LON-HON-MAU',
  'THIEU-TU-MAU',
  'DAT-CHUA-DAT',
  'KHONG-AP-DUNG',
] as const;

type Context = CheckContext<(typeof KINDS)[number]>;

/** A written result: "33,11% (103.223/311.736)". */
const RESULT = /([\d.,]+)\s*%\s*\(([^)]*)\)/;

/** The catalogue's indicator a row is for: by its code, else by its name. */
function indicatorLookup(catalogue: Indicator[]): (row: TableRow) => Indicator | undefined {
  const byName = new Map(catalogue.map((i) => [labelKey(i.name), i]));
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  return (row) => (row.cells.code && byCode.get(String(row.cells.code).trim())) || byName.get(labelKey(row.cells.name));
}

/** T1b: the result column holds "rate% (numerator/denominator)". */
function checkWrittenResults(t: TableRead, ctx: Context): void {
  const { emit } = ctx;
  const indicatorOf = indicatorLookup(ctx.catalogue);
  for (const row of t.rows.filter((r) => r.kind === 'item')) {
    const code = indicatorOf(row)?.code;
    if (code && ctx.notApplicable.has(code)) {
      if (!isBlankValue(row.cells.result))
        emit('KHONG-AP-DUNG', { sheet: t.sheet, cell: cellOf(t, row, 'result') }, { code });
      continue;
    }
    const m = RESULT.exec(String(row.cells.result ?? ''));
    if (!m) continue;
    const ratio = parseNumber(m[2]);
    const at = { sheet: t.sheet, cell: cellOf(t, row, 'result') };
    if (ratio.kind !== 'ratio') continue;
    if (ratio.ambiguous) {
      emit('KIEU-MO-HO', at, { text: m[2], note: ratio.note ?? '', inResult: true });
      continue;
    }
    const wrong = rateMismatch(`${m[1]}%`, ratio.numerator!, ratio.denominator!);
    if (wrong) emit('TY-LE', at, wrong);
    const ind = indicatorOf(row);
    if (ratio.numerator! > ratio.denominator! && !ind?.allowOver100) {
      emit('TU-LON-HON-MAU', at, { numerator: ratio.numerator!, denominator: ratio.denominator! });
    }
  }
}

/** T1: numerator and denominator together, numerator ≤ denominator, the rate and the assessment. */
function checkIndicators(t: TableRead, ctx: Context): void {
  const { emit, formulas } = ctx;
  const reportDate = ctx.read.cover.reportDate?.value ?? null;
  const period = parsePeriod(ctx.read.cover.period?.value ?? null);
  const periodEnd = period?.end ? formatDay(period.end) : null;
  const indicatorOf = indicatorLookup(ctx.catalogue);
  for (const row of t.rows.filter((r) => r.kind === 'item')) {
    const ind = indicatorOf(row);
    if (ind && ctx.notApplicable.has(ind.code)) {
      notApplicableFilled(t, row, ind.code, ctx);
      continue;
    }
    const n = numberOf(row.cells.numerator);
    const d = numberOf(row.cells.denominator);
    const nBlank = isBlankValue(row.cells.numerator);
    const dBlank = isBlankValue(row.cells.denominator);
    if (nBlank !== dBlank) {
      const at = { sheet: t.sheet, cell: cellOf(t, row, nBlank ? 'numerator' : 'denominator') };
      emit('THIEU-TU-MAU', at, { missing: nBlank ? 'tử số' : 'mẫu số', code: ind?.code });
    }
    if (n !== null && d !== null && n > d && !ind?.allowOver100) {
      const at = { sheet: t.sheet, cell: cellOf(t, row, 'numerator') };
      emit('TU-LON-HON-MAU', at, { numerator: n, denominator: d, code: ind?.code });
    }
    const rateCell = 'rate' in t.columns ? cellOf(t, row, 'rate') : null;
    if (rateCell && !isFormulaCell(formulas, t.sheet, rateCell)) {
      const wrong = rateMismatch(row.cells.rate, row.cells.numerator, row.cells.denominator);
      if (wrong) emit('TY-LE', { sheet: t.sheet, cell: rateCell }, wrong);
    }
    const assessCell = 'assessment' in t.columns ? cellOf(t, row, 'assessment') : null;
    const assessed = row.cells.assessment;
    if (
      assessCell &&
      !isBlankValue(assessed) &&
      !isFormulaCell(formulas, t.sheet, assessCell) &&
      n !== null &&
      d !== null &&
      d > 0
    ) {
      const target = isBlankValue(row.cells.target)
        ? ind && ctx.year !== null && applicableTarget(ind, ctx.year)?.text
        : targetText(row.cells.target);
      if (!target) continue;
      // The stage of a two-stage target is the one of the period reported (its last day), as the
      // template's Đánh giá formula chooses it; the report date only when the period is unreadable.
      const asOf = periodEnd ?? (isBlankValue(reportDate) ? null : (reportDate as never));
      const expected = targetMet(n / d, target, asOf);
      const written = String(assessed).trim();
      if (!isFormulaError(expected) && expected !== written) {
        emit(
          'DAT-CHUA-DAT',
          { sheet: t.sheet, cell: assessCell },
          { written, rate: n / d, target, expected: String(expected) },
        );
      }
    }
  }
}

/**
 * A row that does not apply: blank, nothing is asked of it (no missing numerator, no assessment); filled anyway,
 * one low warning at its first filled cell, since the figures will not be consolidated.
 */
function notApplicableFilled(t: TableRead, row: TableRow, code: string, ctx: Context): void {
  for (const key of ['numerator', 'denominator', 'rate', 'assessment']) {
    if (!(key in t.columns) || isBlankValue(row.cells[key])) continue;
    const cell = cellOf(t, row, key);
    if (isFormulaCell(ctx.formulas, t.sheet, cell)) continue;
    ctx.emit('KHONG-AP-DUNG', { sheet: t.sheet, cell }, { code });
    return;
  }
}

export function run(ctx: Context): void {
  for (const t of ctx.read.tables) {
    if (t.table === 'T1b') checkWrittenResults(t, ctx);
    if (t.table === 'T1') checkIndicators(t, ctx);
  }
}
