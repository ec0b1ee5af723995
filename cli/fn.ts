import { formatNumber, formatPercent } from '../shared/numbers/format';
import { callFormula, FormulaSpec, formulaSpec, FORMULAS } from '../shared/formulas/catalog';
import { Grid } from '../shared/formulas/grid';
import { FormulaOutput, isFormulaError, Scalar } from '../shared/formulas/result';

/** A JSON array on the command line ('[10,6]' or '[[1,2],[3,4]]') stands for a range; anything else is one cell. */
export function cliArg(text: string): Scalar | Scalar[][] {
  if (text.trim().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) {
        const rows = parsed.map((r) => (Array.isArray(r) ? r : [r]));
        if (rows.every((r) => r.every((c) => c === null || ['string', 'number', 'boolean'].includes(typeof c))))
          return rows as Scalar[][];
      }
    } catch {
      // not JSON: an ordinary text cell
    }
  }
  return text === '' ? null : text;
}

export function displayValue(spec: FormulaSpec, v: FormulaOutput, decimals?: number): string {
  if (isFormulaError(v)) return `${v.error} ${v.message}`;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    if (spec.display === 'percent') return formatPercent(v, decimals ?? 2);
    const places = Math.min(10, (String(Number(v.toPrecision(12))).split('.')[1] ?? '').length);
    return formatNumber(v, places);
  }
  return v;
}

function jsonValue(v: FormulaOutput): unknown {
  return isFormulaError(v) ? { error: v.error, message: v.message } : v;
}

export interface FnResult {
  code: number;
  stdout: string;
}

/** `dx-report fn NAME ARGS... [--json]`: the same core call the spreadsheet hosts make. */
export function runFn(argv: string[], json: boolean): FnResult {
  const [name, ...rest] = argv;
  const spec = name ? formulaSpec(name) : undefined;
  if (!spec) {
    const list = FORMULAS.map(
      (f) => `  ${f.name}(${f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join('; ')})`,
    ).join('\n');
    return { code: 2, stdout: `${name ? `Không có hàm “${name}”.\n` : ''}Các hàm:\n${list}\n` };
  }
  const required = spec.params.filter((p) => !p.optional).length;
  if (rest.length < required || rest.length > spec.params.length) {
    return {
      code: 2,
      stdout:
        `${spec.name} cần ${required}–${spec.params.length} đối số: ` +
        `${spec.params.map((p) => p.name).join('; ')}\n`,
    };
  }
  const args = rest.map(cliArg);
  const raw = callFormula(spec.name, args);
  const grid: Grid<FormulaOutput> = Array.isArray(raw) ? raw : [[raw]];
  const decimals = spec.name === 'DX_RATE' && rest[2] !== undefined ? Number(rest[2]) : undefined;
  const failed = grid.some((r) => r.some(isFormulaError));
  const single = grid.length === 1 && grid[0].length === 1;
  if (json) {
    const body = single
      ? {
          function: spec.name,
          args: rest,
          ...(isFormulaError(grid[0][0])
            ? (jsonValue(grid[0][0]) as object)
            : { value: grid[0][0], text: displayValue(spec, grid[0][0], decimals) }),
        }
      : {
          function: spec.name,
          args: rest,
          values: grid.map((r) => r.map(jsonValue)),
          text: grid.map((r) => r.map((v) => displayValue(spec, v, decimals))),
        };
    return { code: failed ? 1 : 0, stdout: `${JSON.stringify(body)}\n` };
  }
  const text = grid.map((r) => r.map((v) => displayValue(spec, v, decimals)).join('\t')).join('\n');
  return { code: failed ? 1 : 0, stdout: `${text}\n` };
}
