import { rateOk } from '../../formulas/rate';
import { parseNumber } from '../../numbers/parse';
import { isBlankValue, isErrorValue, numberOf } from '../../tables/cells';
import { tableSpec } from '../../templates/families';
import { ColumnSpec } from '../../templates/schema';
import { CellValue } from '../../workbook/sheet-spec';
import { cellOf, CheckContext, isFormulaCell } from '../context';
import { KindValues } from '../rule-kinds';

export const KINDS = ['TY-LE'] as const;

/** The rate a table's computed column should hold: its formula's {n}/{d}. */
function rateOperands(col: ColumnSpec): [string, string] | null {
  const m = /\{(\w+)\}\/\{(\w+)\}/.exec(col.formula ?? '');
  return m ? [m[1], m[2]] : null;
}

/**
 * The figures of a TY-LE issue when a written rate disagrees with its numerator and denominator
 * (rounded or cut at its precision); null when it agrees or cannot be compared.
 */
export function rateMismatch(v: CellValue, n: CellValue, d: CellValue): KindValues<'TY-LE'> | null {
  if (isBlankValue(v) || isErrorValue(v)) return null;
  const a = numberOf(n);
  const b = numberOf(d);
  if (a === null || b === null || b === 0) return null;
  if (rateOk(v as never, a, b) !== false) return null;
  const p = parseNumber(v);
  const reported = p.kind === 'percent' ? p.value! : typeof v === 'number' ? v : p.value! / 100;
  const decimals = p.kind === 'percent' ? p.decimals : 2;
  return { reported, decimals, numerator: a, denominator: b };
}

/** The rate columns typed by hand (the indicator table's are the indicator check's). */
export function run(ctx: CheckContext<(typeof KINDS)[number]>): void {
  for (const t of ctx.read.tables) {
    if (t.table === 'T1') continue;
    for (const col of tableSpec(t.table).columns) {
      const ops = col.kind === 'rate' && col.key in t.columns ? rateOperands(col) : null;
      if (!ops) continue;
      for (const row of t.rows) {
        const cell = cellOf(t, row, col.key);
        if (isFormulaCell(ctx.formulas, t.sheet, cell)) continue;
        const wrong = rateMismatch(row.cells[col.key], row.cells[ops[0]], row.cells[ops[1]]);
        if (wrong) ctx.emit('TY-LE', { sheet: t.sheet, cell }, wrong);
      }
    }
  }
}
