import * as fs from 'fs';
import { formatNumber, formatPercent } from '../shared/numbers/format';
import { callFormula, FormulaSpec, formulaSpec, FORMULAS } from '../shared/formulas/catalog';
import type { Grid } from '../shared/formulas/grid';
import { FormulaOutput, isFormulaError, Scalar } from '../shared/formulas/result';
import { describeError } from '../shared/errors/describe';
import { UsageError } from './args';

/** A JSON array on the command line ('[10,6]' or '[[1,2],[3,4]]') stands for a range; anything else is one cell. */
export function cliArg(text: string): Scalar | Scalar[][] {
  if (text.trim().startsWith('[')) {
    try {
      const range = asRange(JSON.parse(text));
      if (range) return range;
    } catch {
      // not JSON: an ordinary text cell
    }
  }
  return text === '' ? null : text;
}

const isCell = (c: unknown) => c === null || ['string', 'number', 'boolean'].includes(typeof c);

/** A JSON array as a range: rows of cells, or cells that are each a row of one ([10,6] is a column). */
function asRange(parsed: unknown): Scalar[][] | undefined {
  if (!Array.isArray(parsed)) return undefined;
  const rows = parsed.map((r: unknown) => (Array.isArray(r) ? (r as unknown[]) : [r]));
  return rows.every((r) => r.every(isCell)) ? (rows as Scalar[][]) : undefined;
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

const paramList = (spec: FormulaSpec) => spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join('; ');

/** Why `count` arguments are wrong for the formula, or undefined when they are right. */
function countError(spec: FormulaSpec, count: number): string | undefined {
  const required = spec.params.filter((p) => !p.optional).length;
  if (count >= required && count <= spec.params.length) return undefined;
  return `${spec.name} cần ${required}–${spec.params.length} đối số: ${spec.params.map((p) => p.name).join('; ')}`;
}

/** One right call: its exit code, the object `fn --json` prints and the text `fn` prints. */
function evaluate(
  spec: FormulaSpec,
  args: Array<Scalar | Scalar[][]>,
  given: unknown[],
  decimals: number | undefined,
): { code: number; body: object; text: string } {
  const raw = callFormula(spec.name, args);
  const grid: Grid<FormulaOutput> = Array.isArray(raw) ? raw : [[raw]];
  const failed = grid.some((r) => r.some(isFormulaError));
  const single = grid.length === 1 && grid[0].length === 1;
  const body = single
    ? {
        function: spec.name,
        args: given,
        ...(isFormulaError(grid[0][0])
          ? (jsonValue(grid[0][0]) as object)
          : { value: grid[0][0], text: displayValue(spec, grid[0][0], decimals) }),
      }
    : {
        function: spec.name,
        args: given,
        values: grid.map((r) => r.map(jsonValue)),
        text: grid.map((r) => r.map((v) => displayValue(spec, v, decimals))),
      };
  const text = grid.map((r) => r.map((v) => displayValue(spec, v, decimals)).join('\t')).join('\n');
  return { code: failed ? 1 : 0, body, text };
}

/** DX_RATE's third argument also sets how many decimals the percentage is shown with. */
function decimalsOf(spec: FormulaSpec, third: unknown): number | undefined {
  if (spec.name !== 'DX_RATE') return undefined;
  if (typeof third === 'string') return Number(third);
  return typeof third === 'number' ? third : undefined;
}

/** `dx-report fn NAME ARGS... [--json]`: the same core call the spreadsheet hosts make. */
export function runFn(argv: string[], json: boolean): FnResult {
  const [name, ...rest] = argv;
  const spec = name ? formulaSpec(name) : undefined;
  if (!spec) {
    const list = FORMULAS.map((f) => `  ${f.name}(${paramList(f)})`).join('\n');
    return { code: 2, stdout: `${name ? `Không có hàm “${name}”.\n` : ''}Các hàm:\n${list}\n` };
  }
  const wrong = countError(spec, rest.length);
  if (wrong) return { code: 2, stdout: `${wrong}\n` };
  const r = evaluate(spec, rest.map(cliArg), rest, decimalsOf(spec, rest[2]));
  return { code: r.code, stdout: `${json ? JSON.stringify(r.body) : r.text}\n` };
}

// ---- batch ----

/** Whether standard input is a directory (`< folder`), which Node reads as an empty stream. */
function stdinIsDirectory(): boolean {
  try {
    return fs.fstatSync(0).isDirectory();
  } catch {
    return false;
  }
}

/** A line of a batch that is not a right call: said in one Vietnamese sentence. */
class BadLine extends Error {}

/**
 * A batch argument as a cell or a range: a string exactly as the word on the command line (so "103.223" is
 * read the Vietnamese way, "[10,6]" is a range, "" a blank cell); a number, true/false or null the cell holding
 * it; an array a range, as on the command line.
 */
function batchArg(a: unknown, i: number): Scalar | Scalar[][] {
  if (typeof a === 'string') return cliArg(a);
  if (isCell(a)) return a as Scalar;
  const range = asRange(a);
  if (range) return range;
  throw new BadLine(`đối số thứ ${i + 1} phải là chữ, số, true/false, null hoặc một mảng (vùng ô)`);
}

/** The formula's name and arguments of one batch line: ["DX_RATE", 1, 2] or {"fn": "DX_RATE", "args": [1, 2]}. */
function batchCall(line: string): { name: string; given: unknown[] } {
  let call: unknown;
  try {
    call = JSON.parse(line);
  } catch {
    throw new BadLine('không phải JSON (viết ["DX_RATE", "103.223", "311.736"] hoặc {"fn": "DX_RATE", "args": [...]})');
  }
  let name: unknown;
  let given: unknown;
  if (Array.isArray(call)) [name, ...given] = call as unknown[];
  else if (call !== null && typeof call === 'object') {
    const extra = Object.keys(call).filter((k) => k !== 'fn' && k !== 'args');
    if (extra.length) throw new BadLine(`không có trường “${extra[0]}” (một lời gọi có "fn" và "args")`);
    ({ fn: name, args: given = [] } = call as { fn?: unknown; args?: unknown });
    if (!Array.isArray(given)) throw new BadLine('"args" phải là một mảng');
  } else throw new BadLine('phải là một mảng ["TÊN_HÀM", đối số...] hoặc một đối tượng {"fn": ..., "args": [...]}');
  if (typeof name !== 'string' || !name) throw new BadLine('thiếu tên hàm');
  return { name, given: given as unknown[] };
}

/** One batch line's result: what `fn --json` prints for the call, with its line number and exit code. */
export function batchLine(line: string, n: number): object {
  try {
    const { name, given } = batchCall(line);
    const spec = formulaSpec(name);
    if (!spec) throw new BadLine(`không có hàm “${name}” (các hàm: ${FORMULAS.map((f) => f.name).join(', ')})`);
    const wrong = countError(spec, given.length);
    if (wrong) throw new BadLine(wrong);
    const r = evaluate(spec, given.map(batchArg), given, decimalsOf(spec, given[2]));
    return { line: n, code: r.code, ...r.body };
  } catch (e) {
    // A bad line, or a formula that threw (it should not): said on that line, and the batch goes on.
    return { line: n, code: 2, message: e instanceof BadLine ? e.message : `Lỗi không mong đợi: ${describeError(e)}` };
  }
}

/**
 * `dx-report fn --batch`: one call a line on standard input, one JSON result a line on standard output, in
 * order, each written as soon as its line is read (a caller may keep the process and send a line at a time).
 * Blank lines are skipped. A bad line is answered with code 2 and the batch goes on; the exit code is 0
 * unless the input cannot be read (2).
 */
export function runFnBatch(words: string[], input: NodeJS.ReadableStream, out: (s: string) => void): Promise<number> {
  if (words.length)
    throw new UsageError(`--batch đọc các lời gọi từ đầu vào chuẩn, không nhận “${words[0]}” trên dòng lệnh.`);
  const { createInterface } = require('readline') as typeof import('readline');
  if (input === process.stdin && stdinIsDirectory()) {
    out('Không đọc được đầu vào chuẩn (EISDIR: là một thư mục).\n');
    return Promise.resolve(2);
  }
  return new Promise((resolve) => {
    let n = 0;
    let failed = false;
    const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
    lines.on('line', (line) => {
      n++;
      if (failed || !line.trim()) return;
      out(`${JSON.stringify(batchLine(line.replace(/^\uFEFF/, ''), n))}\n`);
    });
    const unreadable = (e: NodeJS.ErrnoException) => {
      if (failed) return;
      failed = true;
      out(`Không đọc được đầu vào chuẩn: ${describeError(e, 'đầu vào chuẩn')}\n`);
      lines.close();
    };
    // readline passes the input's error on to the interface: both are heard, the first one said.
    input.on('error', unreadable);
    lines.on('error', unreadable);
    lines.on('close', () => resolve(failed ? 2 : 0));
  });
}
