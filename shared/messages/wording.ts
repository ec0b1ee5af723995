/**
 * Wordings said in more than one place, as named functions (bottom layer:
 * imports only shared/text, shared/numbers and shared/dates).
 */
import { Day, dayFromExcelSerial, isDate, makeDay, parseDay } from '../dates/date';
import { vi } from '../numbers/format';

/** A unit name not in the registry, with the nearest registered name when there is one. */
export function unknownUnit(name: string, suggestion?: string): string {
  return `“${name}” không có trong danh mục đơn vị.` + (suggestion ? ` Có phải “${suggestion}”?` : '');
}

/** A workbook written for another period than the one asked for. */
export function periodMismatch(written: string, wanted: string): string {
  return `Kỳ báo cáo “${written}” khác kỳ đang tổng hợp “${wanted}”.`;
}

/** When a unit pressed "Hoàn thành", as written into the cover's "Hoàn thành lúc": "10/07/2023 09:30". */
export interface Stamp {
  day: Day;
  hour: number;
  minute: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The completion stamp for a moment, in the local time of the host that stamps it. */
export function stampText(date: Date): string {
  return (
    `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/**
 * Reads a completion stamp back as a host stores it: the text "10/07/2023 09:30" (or a day alone,
 * "10/07/2023", "2023-07-10", as 00:00); a date-time serial (Excel: 45117.395833…); a `Date`
 * (Sheets), read on the host's clock. Null when it is none of these.
 */
export function parseStamp(raw: unknown): Stamp | null {
  if (typeof raw === 'number') return stampOfSerial(raw);
  if (isDate(raw)) {
    if (Number.isNaN(raw.getTime())) return null;
    const day = { y: raw.getFullYear(), m: raw.getMonth() + 1, d: raw.getDate() };
    return { day, hour: raw.getHours(), minute: raw.getMinutes() };
  }
  if (typeof raw !== 'string') return null;
  const text = raw;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?/.exec(text.trim());
  if (m) {
    const day = makeDay(Number(m[3]), Number(m[2]), Number(m[1]));
    const hour = Number(m[4] ?? 0);
    const minute = Number(m[5] ?? 0);
    if (day && hour < 24 && minute < 60) return { day, hour, minute };
  }
  const day = parseDay(text);
  return day ? { day, hour: 0, minute: 0 } : null;
}

function stampOfSerial(serial: number): Stamp | null {
  const day = dayFromExcelSerial(serial);
  if (!day) return null;
  // To the nearest minute: a serial holds the time as a fraction of a day, rounded by the host.
  const minutes = Math.round((serial - Math.floor(serial)) * 1440);
  if (minutes >= 1440) return stampOfSerial(Math.floor(serial) + 1);
  return { day, hour: Math.floor(minutes / 60), minute: minutes % 60 };
}

/** A stamp as the product writes it in text: "10/07/2023 09:30". */
export function formatStamp(s: Stamp): string {
  return `${pad(s.day.d)}/${pad(s.day.m)}/${s.day.y} ${pad(s.hour)}:${pad(s.minute)}`;
}

/** A stamp as a wall-clock date-time for a date cell (`CellSpec.d`): "2023-07-10T09:30". */
export function stampIso(s: Stamp): string {
  return `${s.day.y}-${pad(s.day.m)}-${pad(s.day.d)}T${pad(s.hour)}:${pad(s.minute)}`;
}

/**
 * The cover's "Hoàn thành lúc" in words, whatever the host stored: "10/07/2023 09:30"; text the
 * product cannot read as a stamp is returned as written; null when the cell is blank.
 */
export function stampLabel(raw: unknown): string | null {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return null;
  const s = parseStamp(raw);
  return s ? formatStamp(s) : String(raw).trim();
}

/** "Hoàn thành" pressed again with the figures unchanged: the first time stays. */
export function completionKept(at: string): string {
  return `Đã hoàn thành lúc ${at}; số liệu không đổi từ lần đó nên giữ nguyên giờ hoàn thành.`;
}

/** "Hoàn thành" pressed again after the figures changed: a new time only when the user confirms. */
export function completionChanged(at: string): string {
  return (
    `Báo cáo đã hoàn thành lúc ${at}, sau đó số liệu đã thay đổi. ` +
    'Ghi giờ hoàn thành mới? Giờ mới có thể làm báo cáo thành nộp trễ hạn; giờ cũ vẫn được lưu trong lịch sử.'
  );
}

/** A unit name too long to compare for typos (the comparison costs the product of the lengths). */
export function nameTooLong(length: number, max: number): string {
  return vi`Tên dài ${length} ký tự (quá ${max} ký tự) nên không được so gần đúng với danh mục.`;
}
