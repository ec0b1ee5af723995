/**
 * Wordings said in more than one place, as named functions (bottom layer:
 * imports only shared/text, shared/numbers and shared/dates).
 */
import { Day, makeDay, parseDay } from '../dates/date';

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
 * Reads a completion stamp back: "10/07/2023 09:30", or a day alone
 * ("10/07/2023", "2023-07-10") as 00:00; null when it is neither.
 */
export function parseStamp(text: string): Stamp | null {
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
