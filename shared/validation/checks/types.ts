import { parseDay } from '../../dates/date';
import { parsePeriod } from '../../dates/period';
import { isPlausible } from '../../numbers/bounds';
import { parseNumber } from '../../numbers/parse';
import { isBlankValue, isErrorValue, isForeignMark } from '../../tables/cells';
import { tableSpec } from '../../templates/families';
import { ColumnSpec } from '../../templates/schema';
import { CellValue } from '../../workbook/sheet-spec';
import { At, cellOf, CheckContext, columnTitle, Emit, isFormulaCell, show } from '../context';
import { isNotApplicableRow } from '../not-applicable';

export const KINDS = [
  'KIEU-PHAN-TRAM',
  'KIEU-CHU',
  'KIEU-MO-HO',
  'KIEU-SO-DEM',
  'KIEU-SO-TIEN',
  'SO-QUA-LON',
  'KIEU-NGAY',
  'KIEU-DANH-SACH',
] as const;

/** Type checks of one cell by its column's kind. */
function checkCell(col: ColumnSpec, v: CellValue, at: At, emit: Emit<(typeof KINDS)[number]>): void {
  if (isBlankValue(v) || isErrorValue(v)) return;
  if (col.kind === 'count' || col.kind === 'money') {
    const p = parseNumber(v);
    const column = columnTitle(col);
    if (p.kind === 'percent') {
      emit('KIEU-PHAN-TRAM', at, { text: show(v), column });
    } else if (p.kind === 'nan' || p.kind === 'ratio') {
      const digits = p.unit && /\d/.test(String(v)) ? String(v).replace(p.unit, '').trim() : undefined;
      emit('KIEU-CHU', at, { text: show(v), column, note: p.note, digits });
    } else if (p.ambiguous) {
      emit('KIEU-MO-HO', at, { text: String(v), note: p.note ?? '' });
    } else if (!isPlausible(p.value!)) {
      // Above 10^12: a pasting accident, never a count; consolidation leaves it out of every sum.
      emit('SO-QUA-LON', at, { text: show(v), column });
    } else if (col.kind === 'count' && (p.value! < 0 || !Number.isInteger(p.value))) {
      emit('KIEU-SO-DEM', at, { text: show(v), column });
    } else if (col.kind === 'money' && p.value! < 0) {
      emit('KIEU-SO-TIEN', at, { text: show(v) });
    }
    return;
  }
  if (col.kind === 'date' && !parseDay(v) && !parsePeriod(v)) {
    emit('KIEU-NGAY', at, { text: show(v) });
    return;
  }
  // A mark column asks for the mark: "x" is "X" (isMark), anything else is outside its list.
  const outside = col.kind === 'mark' ? isForeignMark(v) : !col.list?.includes(String(v).trim());
  if (col.list && col.input && outside) {
    emit('KIEU-DANH-SACH', at, { text: show(v), column: col.label, list: col.list });
  }
}

/** Every typed cell of every table (rates are the rate check's), formulas left alone. */
export function run(ctx: CheckContext<(typeof KINDS)[number]>): void {
  for (const t of ctx.read.tables) {
    const spec = tableSpec(t.table);
    for (const row of t.rows) {
      // A row that does not apply is not read: a figure typed into it is said once (KHONG-AP-DUNG), not checked.
      if (isNotApplicableRow(t, row, ctx.notApplicable)) continue;
      for (const col of spec.columns) {
        if (!(col.key in t.columns) || col.kind === 'rate') continue;
        const cell = cellOf(t, row, col.key);
        if (isFormulaCell(ctx.formulas, t.sheet, cell)) continue;
        checkCell(col, row.cells[col.key], { sheet: t.sheet, cell }, ctx.emit);
      }
    }
  }
}
