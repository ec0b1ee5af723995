import { isPlausible } from '../../numbers/bounds';
import { isBlankValue, numberOf } from '../../tables/cells';
import { TableRead, TableRow } from '../../tables/read';
import { RuleSpec } from '../../templates/schema';
import { cellOf, CheckContext, Emit } from '../context';

/** A column the table has, by its own key: "constructor" or "__proto__" in a rule is never a column. */
const has = (t: TableRead, key: string) => Object.prototype.hasOwnProperty.call(t.columns, key);

export const KINDS = ['CONG-THUC'] as const;

function sum(t: TableRead, row: TableRow, keys: string[]): { values: Array<number | null>; total: number } {
  const values = keys.map((k) => (has(t, k) ? numberOf(row.cells[k]) : null));
  return { values, total: values.reduce<number>((s, v) => s + (v ?? 0), 0) };
}

/** DHIS2-style rule: left op right over one row, with its missing-value strategy. */
function checkRule(rule: RuleSpec, t: TableRead, row: TableRow, emit: Emit<'CONG-THUC'>): void {
  const anchor = rule.left.find((k) => has(t, k));
  if (!anchor) return;
  const at = { sheet: t.sheet, cell: cellOf(t, row, anchor) };
  const said = { instruction: rule.instruction, importance: rule.importance };
  const keys = [...rule.left, ...rule.right];
  const present = keys.filter((k) => has(t, k) && !isBlankValue(row.cells[k]));
  if (rule.op === 'compulsory-pair' || rule.op === 'exclusive-pair') {
    const left = rule.left.some((k) => has(t, k) && !isBlankValue(row.cells[k]));
    const right = rule.right.some((k) => has(t, k) && !isBlankValue(row.cells[k]));
    const bad = rule.op === 'compulsory-pair' ? left !== right : left && right;
    if (bad) emit('CONG-THUC', at, said);
    return;
  }
  // Operands typed as text, percentages, ambiguous or implausible numbers were reported by the type checks.
  if (present.some((k) => !isPlausible(numberOf(row.cells[k]) ?? NaN))) return;
  if (rule.missing === 'skip-if-any' && present.length < keys.filter((k) => has(t, k)).length) return;
  if (rule.missing === 'skip-if-all' && present.length === 0) return;
  const l = sum(t, row, rule.left);
  const r = sum(
    t,
    row,
    rule.right.filter((k) => has(t, k)),
  );
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
    for (const row of t.rows.filter((r) => r.kind === 'item'))
      for (const rule of rules) checkRule(rule, t, row, ctx.emit);
  }
}
