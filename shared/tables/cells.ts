import { parseNumber } from '../numbers/parse';
import { ParsedNumber } from '../numbers/schema';
import { CellValue } from '../workbook/sheet-spec';

const ERROR_VALUE = /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|ERROR!)$/;

export function isErrorValue(v: CellValue): boolean {
  return typeof v === 'string' && ERROR_VALUE.test(v.trim());
}

export function isBlankValue(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A number from a cell for arithmetic checks: null when blank or not a clean number. */
export function numberOf(v: CellValue): number | null {
  if (isBlankValue(v) || isErrorValue(v)) return null;
  const p: ParsedNumber = parseNumber(v);
  if ((p.kind === 'count' || p.kind === 'decimal') && !p.ambiguous) return p.value;
  return null;
}
