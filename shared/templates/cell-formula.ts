import { columnLetter } from '../workbook/sheet-spec';

/** Fills a column formula's {key} placeholders with that row's cell addresses. */
export function rowFormula(template: string, row: number, columnOf: (key: string) => number): string {
  return template.replace(/\{([a-zA-Z0-9]+)\}/g, (_, key: string) => `${columnLetter(columnOf(key))}${row + 1}`);
}
