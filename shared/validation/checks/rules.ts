import { isPlausible } from '../../numbers/bounds';
import { isBlankValue, isForeignMark, isMark, numberOf } from '../../tables/cells';
import { TableRead, TableRow } from '../../tables/read';
import { tableSpec } from '../../templates/families';
import { RuleSpec } from '../../templates/schema';
import { cellOf, CheckContext, Emit } from '../context';

/** A column the table has, by its own key: "constructor" or "__proto__" in a rule is never a column. */
const has = (t: TableRead, key: string) => Object.prototype.hasOwnProperty.call(t.columns, key);

export const KINDS = ['CONG-THUC'] as const;

function sum(t: TableRead, row: TableRow, keys: string[]): { values: Array<number | null>; total: number } {
  const values = keys.map((k) => (has(t, k) ? numberOf(row.cells[k]) : null));
  return { values, total: values.reduce<number>((s, v) => s + (v ?? 0), 0) };
}

/** The columns of a table that hold a mark ("Đã ban hành"): filled means marked, read by isMark alone. */
function markColumns(t: TableRead): Set<string> {
  return new Set(
    tableSpec(t.table)
      .columns.filter((c) => c.kind === 'mark')
      .map((c) => c.key),
  );
}

/**
 * DHIS2-style rule: left op right over one row, with its missing-value strategy. A rule naming a column the
 * table does not have (an optional column left out of a staff's layout or of its DX_AnhXa mapping) is not
 * checked: a column that is not there is unknown, never 0, so "received = on time + late + in process"
 * without the in-process column would be a false sum error on every row.
 */
function checkRule(rule: RuleSpec, t: TableRead, row: TableRow, emit: Emit<'CONG-THUC'>, marks: Set<string>): void {
  const keys = [...rule.left, ...rule.right];
  if (!keys.every((k) => has(t, k))) return;
  const at = { sheet: t.sheet, cell: cellOf(t, row, rule.left[0]) };
  const said = { instruction: rule.instruction, importance: rule.importance };
  // A mark cell holding something else than the mark was refused by the type check: the rule does not read it
  // as marked too, which would contradict that message on the same row.
  if (keys.some((k) => marks.has(k) && isForeignMark(row.cells[k]))) return;
  const filled = (k: string) => (marks.has(k) ? isMark(row.cells[k]) : !isBlankValue(row.cells[k]));
  const present = keys.filter(filled);
  if (rule.op === 'compulsory-pair' || rule.op === 'exclusive-pair') {
    const left = rule.left.some(filled);
    const right = rule.right.some(filled);
    const bad = rule.op === 'compulsory-pair' ? left !== right : left && right;
    if (bad) emit('CONG-THUC', at, said);
    return;
  }
  // Operands typed as text, percentages, ambiguous or implausible numbers were reported by the type checks.
  if (present.some((k) => !isPlausible(numberOf(row.cells[k]) ?? NaN))) return;
  if (rule.missing === 'skip-if-any' && present.length < keys.length) return;
  if (rule.missing === 'skip-if-all' && present.length === 0) return;
  const l = sum(t, row, rule.left);
  const r = sum(t, row, rule.right);
  const ok = {
    '=': l.total === r.total,
    '!=': l.total !== r.total,
    '<': l.total < r.total,
    '<=': l.total <= r.total,
    '>': l.total > r.total,
    '>=': l.total >= r.total,
  }[rule.op];
  if (!ok) emit('CONG-THUC', at, { ...said, figures: { left: l, op: rule.op, right: r } });
}

/** The rules of DX_CauHinh (or the families' own) over every item row of their table. */
export function run(ctx: CheckContext<(typeof KINDS)[number]>): void {
  for (const t of ctx.read.tables) {
    const rules = ctx.rules.filter((r) => r.table === t.table);
    if (!rules.length) continue;
    const marks = markColumns(t);
    for (const row of t.rows.filter((r) => r.kind === 'item'))
      for (const rule of rules) checkRule(rule, t, row, ctx.emit, marks);
  }
}
