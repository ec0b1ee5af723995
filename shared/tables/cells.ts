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

/** The mark a "mark" column asks for ("Đã ban hành": X), as the template's list offers it. */
export const MARK = 'X';

/**
 * The one reader of marks: is the cell the mark? "X", "x", " x ", a full-width "Ｘ" all are (a list
 * typed over, or a phone's keyboard, gives the lower case); blank is not marked. Every check and the
 * consolidation ask this, so no message refuses an "x" another one counted as issued.
 */
export function isMark(v: CellValue): boolean {
  return typeof v === 'string' && v.normalize('NFKC').trim().toUpperCase() === MARK;
}

/** A cell of a mark column holding something else than the mark or blank ("có", "1"): refused as such. */
export function isForeignMark(v: CellValue): boolean {
  return !isBlankValue(v) && !isMark(v);
}
