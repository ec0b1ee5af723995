/**
 * The rules ExcelJS 4.4 applies when it loads a workbook, copied so that the snapshot reader (xlsx/snapshots.ts)
 * gives what `XlsxWorkbook.read()` gives: dates told by the number format, serial numbers made Dates, shared
 * formulas slid from their master, cell addresses decoded. Each names the ExcelJS source it follows.
 */

/** lib/xlsx/defaultnumformats.js: the built-in formats ExcelJS knows by id (only those with an `f`). */
export const DEFAULT_NUM_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** lib/utils/utils.js isDateFmt: a date or time format, once bracketed and quoted parts are removed. */
export function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return bare.match(/[ymdhMsb]+/) !== null;
}

/**
 * lib/utils/utils.js excelToDate: the UTC instant of a serial (JavaScript's arithmetic on whatever the value is,
 * as ExcelJS applies it to a formula's result of any type).
 */
export function excelToDate(v: unknown, date1904: boolean): Date {
  const ms = Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  return new Date(ms);
}

/** xlsx/workbook.ts wallClock: the UTC fields of ExcelJS's Date as a local Date (milliseconds dropped). */
export function wallClock(d: Date): Date {
  return new Date(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
}

/** lib/utils/utils.js xmlDecode: applied once more to text saxes already decoded (`t="str"`, sheet names). */
export function xmlDecode(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

/** lib/xlsx/xform/strings/text-xform.js: `_xHHHH_` escapes in shared and rich text. */
export function unescapeX(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** lib/utils/col-cache.js n2l. */
export function n2l(n: number): string {
  if (n < 1 || n > 16384) throw new Error(`${n} is out of bounds. Excel supports columns from 1 to 16384`);
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** lib/utils/col-cache.js l2n (upper-case letters only). */
export function l2n(l: string): number {
  let n = 0;
  for (let i = 0; i < l.length; i++) {
    const c = l.charCodeAt(i);
    if (c < 65 || c > 90) throw new Error(`Out of bounds. Invalid column letter: ${l}`);
    n = n * 26 + c - 64;
  }
  if (!l.length || l.length > 3 || n > 16384) throw new Error(`Out of bounds. Invalid column letter: ${l}`);
  return n;
}

export interface Address {
  address: string;
  col: number | undefined;
  row: number | undefined;
}

/** lib/utils/col-cache.js decodeAddress: letters A–Z then digits; "$" and anything after a complete one dropped. */
export function decodeAddress(value: string): Address {
  let hasCol = false;
  let col = '';
  let colNumber = 0;
  let hasRow = false;
  let row = '';
  let rowNumber = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value.charCodeAt(i);
    if (!hasRow && char >= 65 && char <= 90) {
      hasCol = true;
      col += value[i];
      colNumber = colNumber * 26 + char - 64;
    } else if (char >= 48 && char <= 57) {
      hasRow = true;
      row += value[i];
      rowNumber = rowNumber * 10 + char - 48;
    } else if (hasRow && hasCol && char !== 36) {
      break;
    }
  }
  if (hasCol && colNumber > 16384) throw new Error(`Out of bounds. Invalid column letter: ${col}`);
  return { address: col + row, col: hasCol ? colNumber : undefined, row: hasRow ? rowNumber : undefined };
}

const replacementCandidateRx = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CRrx = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** lib/utils/shared-formula.js slideFormula: a shared formula's master text, moved to a dependent cell. */
export function slideFormula(formula: string, fromCell: string, toCell: string): string {
  const offset = decodeAddress(fromCell);
  const to = decodeAddress(toCell);
  return formula.replace(
    replacementCandidateRx,
    (refMatch: string, sheet: string | undefined, _s: string, addrPart: string, trailingParen: string | undefined) => {
      if (trailingParen) return refMatch;
      const match = CRrx.exec(addrPart);
      if (match) {
        const colDollar = match[1];
        const colStr = match[2].toUpperCase();
        const rowDollar = match[3];
        const rowStr = match[4];
        if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return refMatch;
        let col = l2n(colStr);
        let row = parseInt(rowStr, 10);
        if (!colDollar) col += (to.col as number) - (offset.col as number);
        if (!rowDollar) row += (to.row as number) - (offset.row as number);
        return (sheet || '') + (colDollar || '') + n2l(col) + (rowDollar || '') + row;
      }
      return refMatch;
    },
  );
}

/** A merged area as lib/doc/range.js reads "A1:B2" (or one cell): its edges, 1 where a part is missing. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
export function decodeRange(ref: string): Area {
  const parts = ref.split(':');
  let a: Area;
  if (parts.length > 1) {
    const tl = decodeAddress(parts[0]);
    const br = decodeAddress(parts[1]);
    a = {
      top: Math.min(tl.row as number, br.row as number),
      left: Math.min(tl.col as number, br.col as number),
      bottom: Math.max(tl.row as number, br.row as number),
      right: Math.max(tl.col as number, br.col as number),
    };
    // decodeEx rebuilds its corners with n2l, which refuses a column out of bounds.
    n2l(a.left);
    n2l(a.right);
  } else {
    const x = decodeAddress(ref);
    a = { top: x.row as number, left: x.col as number, bottom: x.row as number, right: x.col as number };
  }
  return { top: a.top || 1, left: a.left || 1, bottom: a.bottom || 1, right: a.right || 1 };
}

export const rangeText = (a: Area) => `${n2l(a.left)}${a.top}:${n2l(a.right)}${a.bottom}`;

export const intersects = (a: Area, b: Area) =>
  !(b.bottom < a.top || b.top > a.bottom || b.right < a.left || b.left > a.right);
