import { fail, FormulaOutput, Scalar } from './result';

export type Grid<T> = T[][];

/** A host hands either one value or a 2-D range; both become a grid. */
export function toGrid(x: Scalar | Scalar[] | Scalar[][]): Grid<Scalar> {
  if (Array.isArray(x)) {
    if (x.length === 0) return [[null]];
    return Array.isArray(x[0]) ? (x as Scalar[][]) : [x as Scalar[]];
  }
  return [[x]];
}

/**
 * Applies `fn` cell by cell, broadcasting single cells, single rows and single
 * columns the way Excel's array arithmetic does; a cell past a shorter range is #N/A.
 */
export function elementwise(
  fn: (...cells: Scalar[]) => FormulaOutput,
  ...args: Array<Scalar | Scalar[][]>
): Grid<FormulaOutput> {
  const grids = args.map((a) => toGrid(a));
  // Loops, not Math.max(...): a whole-column range is 1,048,576 rows, beyond any argument list.
  let rows = 0;
  let cols = 0;
  for (const g of grids) {
    rows = Math.max(rows, g.length);
    for (const r of g) cols = Math.max(cols, r.length);
  }
  const out: Grid<FormulaOutput> = [];
  for (let i = 0; i < rows; i++) {
    const row: FormulaOutput[] = [];
    for (let j = 0; j < cols; j++) {
      const cells: Scalar[] = [];
      let missing = false;
      for (const g of grids) {
        const r = g.length === 1 ? g[0] : g[i];
        if (!r) {
          missing = true;
          break;
        }
        const c = r.length === 1 ? r[0] : r[j];
        if (c === undefined && j >= r.length) {
          missing = true;
          break;
        }
        cells.push(c);
      }
      row.push(missing ? fail('#N/A', 'Các vùng ô không cùng kích thước.') : fn(...cells));
    }
    out.push(row);
  }
  return out;
}

export function flatten(x: Scalar | Scalar[][]): Scalar[] {
  return toGrid(x).flat();
}
