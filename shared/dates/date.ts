/** A calendar day without a time zone: cells hold days, not instants. */
export interface Day {
  y: number;
  m: number; // 1–12
  d: number;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function makeDay(y: number, m: number, d: number): Day | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

export function dayOrdinal(day: Day): number {
  return day.y * 10000 + day.m * 100 + day.d;
}

export function compareDays(a: Day, b: Day): number {
  return dayOrdinal(a) - dayOrdinal(b);
}

/** "2025-07-01": the ISO form registries, the tidy export and valid dates use. */
export function isoDay(day: Day): string {
  return `${day.y}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
}

export function formatDay(day: Day): string {
  return `${String(day.d).padStart(2, '0')}/${String(day.m).padStart(2, '0')}/${day.y}`;
}

export function endOfMonth(y: number, m: number): Day {
  return { y, m, d: daysInMonth(y, m) };
}

/** Excel's 1900 date system: serial 1 = 1900-01-01, with its phantom 29/02/1900 (serial 60). */
export function dayFromExcelSerial(serial: number): Day | null {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2958466) return null;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000;
  const dt = new Date(ms);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** Works across realms too (a Date made in another frame or vm context). */
export function isDate(x: unknown): x is Date {
  return Object.prototype.toString.call(x) === '[object Date]';
}

/**
 * Reads a day from a cell: a Date (Apps Script), an Excel serial number
 * (Office.js hands dates over as serials), or text "30/6/2023",
 * "ngày 30/6/2023", "2023-06-30".
 */
export function parseDay(raw: unknown): Day | null {
  if (isDate(raw)) {
    if (Number.isNaN(raw.getTime())) return null;
    return { y: raw.getFullYear(), m: raw.getMonth() + 1, d: raw.getDate() };
  }
  if (typeof raw === 'number') return dayFromExcelSerial(raw);
  if (typeof raw !== 'string') return null;
  const t = raw
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/^ngày\s+/u, '');
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return makeDay(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$/.exec(t);
  if (m) return makeDay(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}
