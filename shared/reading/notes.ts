import { dayFromExcelSerial, formatDay, isDate, parseDay } from '../dates/date';
import { formatNumber, formatPercent } from '../numbers/format';
import { isErrorValue } from '../tables/cells';
import { hasLetters, keysMatch, labelKey, labelSet, textKeys } from '../tables/labels';
import { NOTE_HINT, NOTE_SECTIONS, NoteSection, NOTES_INTRO, NOTES_SHEET } from '../templates/notes';
import { looseKey } from '../text/fold';
import { stripInvisible } from '../text/invisible';
import { SheetSnapshot } from '../workbook/port';
import { CellValue, columnLetter } from '../workbook/sheet-spec';

/** One line a unit wrote under a heading, and where it wrote it. */
export interface NoteItem {
  text: string;
  sheet: string;
  /** "A6"; several lines typed into one cell (Alt+Enter) share it. */
  cell: string;
  /** The line was longer than MAX_NOTE_TEXT and ends in "…". */
  cut?: true;
}

export interface UnitNotes {
  results: NoteItem[];
  difficulties: NoteItem[];
  proposals: NoteItem[];
  /** Lines past MAX_NOTES in a section: counted, not kept. */
  leftOff?: Partial<Record<NoteSection, number>>;
}

/** A report lists a few points per unit; a pasted document is not a list of points. */
export const MAX_NOTES = 50;
/** About a page of text: more than any seed's longest point (seed 000's Vĩnh Phước paragraph, ~1,100). */
export const MAX_NOTE_TEXT = 2000;
/** Rows of nothing after which a section is over: a section's lines stand together. */
const MAX_GAP = 10;
/** A heading is short; a longer cell is a sentence that happens to begin like one. */
const MAX_HEADING = 60;

/** A value as the cell shows it: numbers the vi-VN way, dates dd/mm/yyyy. */
function shown(v: CellValue, format: string | null | undefined): string {
  if (typeof v === 'string') return v;
  if (isDate(v)) {
    const day = parseDay(v);
    return day ? formatDay(day) : '';
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) return '';
  const code = (format ?? '').replace(/"[^"]*"|\\./g, '');
  const decimals = (/0[.,](0+)/.exec(code)?.[1] ?? '').length;
  if (/%/.test(code)) return formatPercent(v, decimals);
  if (/[dy]/i.test(code)) {
    const day = dayFromExcelSerial(v);
    if (day) return formatDay(day);
  }
  if (/#[.,]##0/.test(code)) return formatNumber(v, decimals);
  // General: no grouping, the decimal comma of a vi-VN workbook.
  return String(v).replace('.', ',');
}

/**
 * "IV. ", "2. ", "2.1. ", "a) ": the numbering of a line, and how high it ranks (I above 1 above 1.1 above a).
 * A number needs its dot or bracket: "30 hồ sơ …" is a sentence, "1.5 triệu" a number.
 */
function numbering(text: string): { length: number; rank: number } | null {
  const roman = /^\s*[IVXL]+\s*[.)\-–:](?=\s|\p{L})\s*/u.exec(text);
  if (roman) return { length: roman[0].length, rank: 1 };
  const arabic = /^\s*(\d{1,2}(?:\.\d{1,2})*)(?:\.|\)|\s*[-–:])(?=\s|\p{L})\s*/u.exec(text);
  if (arabic) return { length: arabic[0].length, rank: 1 + arabic[1].split('.').length };
  const letter = /^\s*[a-zđ]\s*[).](?=\s|\p{L})\s*/u.exec(text);
  if (letter) return { length: letter[0].length, rank: 9 };
  return null;
}

/** A cell that only numbers or marks a line beside it: "1", "II", "a)", "-". */
function isMarker(v: CellValue): boolean {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 && v < 1000;
  return typeof v === 'string' && /^\s*(?:[IVXL]+|\d{1,3}(?:\.\d{1,2})*|[a-zđ])?\s*[.)\-+•*–—]?\s*$/u.test(v);
}

const BULLET = /^[\s\-+•*–—·]+/u;
/** Each section's headings made ready for matching once. */
const SECTION_SETS = NOTE_SECTIONS.map((s) => ({ section: s, set: labelSet(s.labels) }));
const SKIPPED = new Set([labelKey(NOTE_HINT), labelKey(NOTES_INTRO)]);

interface Line {
  col: number;
  text: string;
  /** The numbering of the line, from a marker cell before it or its own beginning. */
  rank: number | null;
}

/** A row's one line of text, 'table' when it holds several (a table row ends a section), null when empty. */
function lineOf(row: CellValue[], formats: Array<string | null> | undefined): Line | 'table' | null {
  let marker: CellValue = null;
  let found: Line | null = null;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === null || v === undefined || v === '' || typeof v === 'boolean' || isErrorValue(v)) continue;
    if (!found && isMarker(v)) {
      marker ??= v;
      continue;
    }
    const text = stripInvisible(shown(v, formats?.[c])).normalize('NFC').trim();
    if (!text) continue;
    if (found) return 'table';
    const own = numbering(text);
    const mark =
      marker === null
        ? null
        : numbering(
            `${String(marker)
              .trim()
              .replace(/[.)\-+•*–—]+$/u, '')}. `,
          );
    found = { col: c, text, rank: own?.rank ?? mark?.rank ?? null };
  }
  return found;
}

interface Heading {
  section: NoteSection;
  rank: number | null;
  /** Text after "Khó khăn:" on the heading's own line. */
  rest: string;
}

function headingOf(line: Line): Heading | null {
  const { text } = line;
  if (!hasLetters(text) || BULLET.test(text)) return null;
  const n = numbering(text);
  const body = text.slice(n?.length ?? 0);
  const colon = body.indexOf(':');
  const head = colon >= 0 ? body.slice(0, colon) : body;
  if (head.length > MAX_HEADING) return null;
  if (!hasLetters(head)) return null;
  const keys = textKeys(head);
  const section = SECTION_SETS.find((s) => keysMatch(keys, s.set))?.section;
  return section ? { section: section.key, rank: line.rank, rest: colon >= 0 ? body.slice(colon + 1) : '' } : null;
}

/** How a report closes: "Trên đây là báo cáo …", "Nơi nhận:" (seed 001, seed 002). */
const CLOSING = /^(tren day la|noi nhan)\b/;

/**
 * Outside the product's sheet, a unit's report goes on after the section: "IV. PHƯƠNG HƯỚNG…" after "2. Khó
 * khăn", "3. Thuận lợi" after "2. Khó khăn". A numbered line as high as the heading's, or a roman one after an
 * unnumbered heading, short and not a sentence, is the next heading; so is a short line in capitals, and the
 * report's closing lines.
 */
function endsSection(line: Line, heading: Heading): boolean {
  const { text } = line;
  if (BULLET.test(text)) return false;
  if (CLOSING.test(looseKey(text.slice(0, 40)))) return true;
  if (text.length > 100 || /[.;,]$/.test(text)) return false;
  if (line.rank !== null && line.rank <= (heading.rank ?? 1)) return true;
  return hasLetters(text) && text === text.toUpperCase() && /\p{L}{2,}\s+\p{L}{2,}/u.test(text);
}

/** "…" at MAX_NOTE_TEXT, never inside a surrogate pair. */
function bounded(text: string): { text: string; cut?: true } {
  if (text.length <= MAX_NOTE_TEXT) return { text };
  let end = MAX_NOTE_TEXT - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return { text: `${text.slice(0, end)}…`, cut: true };
}

/**
 * The unit's results, difficulties and proposals: the lines under each heading, in the product's sheet
 * first, then wherever a unit wrote the same headings in its own workbook (a sheet "Báo cáo" with "2. Khó
 * khăn" and lines "- …"). Bullets, blank lines and the template's hints are left out; the same line written
 * in two places is kept once.
 */
export function readNotes(sheets: SheetSnapshot[]): UnitNotes {
  const out: UnitNotes = { results: [], difficulties: [], proposals: [] };
  const keys = new Map<NoteSection, Set<string>>(NOTE_SECTIONS.map((s) => [s.key, new Set()]));
  const leftOff: Partial<Record<NoteSection, number>> = {};
  const add = (section: NoteSection, raw: string, sheet: string, cell: string) => {
    for (const part of raw.split(/\r?\n/)) {
      const text = part.replace(BULLET, '').replace(/\s+/g, ' ').trim();
      const key = labelKey(text);
      if (!key || SKIPPED.has(key) || keys.get(section)!.has(key)) continue;
      keys.get(section)!.add(key);
      if (out[section].length >= MAX_NOTES) {
        leftOff[section] = (leftOff[section] ?? 0) + 1;
        continue;
      }
      out[section].push({ ...bounded(text), sheet, cell });
    }
  };
  const ordered = [...sheets].sort((a, b) => (a.name === NOTES_SHEET ? -1 : b.name === NOTES_SHEET ? 1 : 0));
  for (const s of ordered) {
    const formats = s.numberFormats;
    let current: { heading: Heading; gap: number } | null = null;
    for (let r = 0; r < s.values.length; r++) {
      const line = lineOf(s.values[r] ?? [], formats?.[r]);
      if (line === 'table') {
        current = null;
        continue;
      }
      if (line === null) {
        if (current && ++current.gap > MAX_GAP) current = null;
        continue;
      }
      const at = `${columnLetter(line.col)}${r + 1}`;
      const heading = headingOf(line);
      if (heading) {
        current = { heading, gap: 0 };
        if (heading.rest.trim()) add(heading.section, heading.rest, s.name, at);
        continue;
      }
      if (!current) continue;
      // In the product's sheet only its own headings divide the sections: a unit numbers its points freely.
      if (s.name !== NOTES_SHEET && endsSection(line, current.heading)) {
        current = null;
        continue;
      }
      current.gap = 0;
      add(current.heading.section, line.text, s.name, at);
    }
  }
  if (Object.keys(leftOff).length) out.leftOff = leftOff;
  return out;
}
