import { z } from 'zod';
import { STYLES } from './styles';

/** What a cell holds as a host hands it over. */
export type CellValue = string | number | boolean | Date | null;

/** The styles a product sheet uses; hosts map each to their own formatting calls. */
export const StyleName = z.enum([
  'title',
  'caption',
  'subtitle',
  'note',
  'unitNote',
  'header',
  'group',
  'groupCount',
  'label',
  'input',
  'inputText',
  'inputCount',
  'inputMoney',
  'inputDate',
  'computedRate',
  'computedText',
  'text',
  'count',
  'money',
  'rate',
  'total',
  'totalRate',
  'stamp',
]);
export type StyleName = z.infer<typeof StyleName>;

export const CellSpec = z.object({
  /** A constant; text is always written as text, never read as a formula. */
  v: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
  /** A formula in the file syntax (English names, "," separators): "=IF(F5>0,E5/F5,\"\")". */
  f: z.string().startsWith('=').optional(),
  /**
   * A date, or a date and time, in wall-clock terms ("2023-07-10" or "2023-07-10T09:30"): written as
   * a real date value with a date format, never as text. Plain data, so a spec crosses google.script.run.
   */
  d: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/)
    .optional(),
  s: StyleName.optional(),
});
export type CellSpec = z.infer<typeof CellSpec>;

export const SheetSpec = z.object({
  name: z.string().min(1).max(31),
  /** Row-major cells from A1; null for an empty, unstyled cell. */
  rows: z.array(z.array(CellSpec.nullable())),
  columnWidths: z.array(z.number().positive()).default([]),
  /** Row heights in points where text wraps; hosts do not all grow rows by themselves. */
  rowHeights: z.array(z.number().positive().nullable()).default([]),
  merges: z.array(z.string()).default([]),
  freeze: z.object({ rows: z.number().int().min(0), columns: z.number().int().min(0) }).optional(),
  /** Dropdown lists on ranges ("K6:K20"). */
  validations: z
    .array(
      z.object({
        range: z.string(),
        list: z.array(z.string()).min(1),
        /** The same list as cells of the lists sheet ("DX_DanhSach!$A$1:$A$4"): items may contain commas. */
        source: z.string().optional(),
      }),
    )
    .default([]),
  hidden: z.boolean().default(false),
  /**
   * The sheet protected with no password (a unit's template, issue 16): every cell is locked but those whose
   * style is `unlocked` (the yellow input cells), so a formula, a label or a stamp cannot be typed over while
   * the figures are typed as before. No password: whoever must change a locked cell unprotects the sheet
   * (Excel: Xem lại → Bỏ bảo vệ trang tính) without being asked for one. Each host applies it its own way (the
   * adapters say how); a host writing into a protected sheet afterwards lifts and restores it (port.ts).
   */
  protect: z.boolean().optional(),
  /**
   * The font of every cell of the sheet ("Times New Roman": official documents are printed in it, Decree
   * 30/2020/NĐ-CP); styles change weight, size and colour, never the family. Absent: the host's default.
   */
  font: z.string().min(1).optional(),
  /** Page setup for printing: A4 landscape, header rows repeated. */
  print: z
    .object({
      landscape: z.boolean(),
      repeatRows: z.tuple([z.number().int(), z.number().int()]).optional(),
      /**
       * The centre of the page footer, in the header/footer codes Excel and the .xlsx format share ("&P" the
       * page, "&N" the pages): "Trang &P/&N". Hosts without print footers (Google Sheets) leave it out.
       */
      footer: z.string().min(1).optional(),
    })
    .optional(),
});
export type SheetSpec = z.infer<typeof SheetSpec>;
export type SheetSpecInput = z.input<typeof SheetSpec>;

/**
 * What a user may still do in a protected sheet, every host alike: select any cell (the default), change how
 * cells, columns and rows look, and insert rows (a list of sub-units or notes longer than the template's rows).
 * Nothing else: deleting rows, columns, sorting would move the formulas' references.
 */
export const PROTECTION_ALLOWS = {
  formatCells: true,
  formatColumns: true,
  formatRows: true,
  insertRows: true,
} as const;

/**
 * The order hosts add a write's sheets in: first the sheets a dropdown of another sheet takes its list from (the
 * lists sheet: Excel and Sheets resolve a validation's source when it is set), then the other hidden ones, then the
 * rest, each group in the order given.
 */
export function writeOrder<T extends Pick<SheetSpec, 'name' | 'hidden' | 'validations'>>(specs: T[]): T[] {
  const sources = new Set(
    specs.flatMap((s) => s.validations.map((v) => v.source?.split('!')[0].replace(/^'|'$/g, '').replace(/''/g, "'"))),
  );
  const rank = (s: T) => (sources.has(s.name) ? 0 : s.hidden ? 1 : 2);
  return specs
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map((x) => x.s);
}

/** Whether a cell of this style is left unlocked in a protected sheet: the cells the unit types into. */
export const isUnlocked = (style: StyleName | null | undefined): boolean => Boolean(style && STYLES[style].unlocked);

/**
 * The unlocked cells of a sheet as rectangles ("B4", "E6:H40"): a few areas per table, for hosts that unlock
 * (Excel, .xlsx) or list (Sheets' unprotected ranges) them in one call per area rather than per cell. Runs of
 * unlocked cells in a row are joined, then equal runs of consecutive rows.
 */
export function unlockedAreas(spec: Pick<SheetSpec, 'rows'>): string[] {
  const done: string[] = [];
  let open = new Map<string, { c0: number; c1: number; r0: number; r1: number }>();
  const close = (x: { c0: number; c1: number; r0: number; r1: number }) => {
    const from = a1(x.r0, x.c0);
    const to = a1(x.r1, x.c1);
    done.push(from === to ? from : `${from}:${to}`);
  };
  spec.rows.forEach((row, r) => {
    const next = new Map<string, { c0: number; c1: number; r0: number; r1: number }>();
    let c = 0;
    while (c < row.length) {
      if (!isUnlocked(row[c]?.s)) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < row.length && isUnlocked(row[end + 1]?.s)) end++;
      const key = `${c}:${end}`;
      const prev = open.get(key);
      if (prev) {
        prev.r1 = r;
        next.set(key, prev);
        open.delete(key);
      } else next.set(key, { c0: c, c1: end, r0: r, r1: r });
      c = end + 1;
    }
    open.forEach(close);
    open = next;
  });
  open.forEach(close);
  return done;
}

/** "A", "B", … "AA" for a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address of a 0-based row and column. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref.trim());
  if (!m) throw new Error(`Not an A1 address: ${ref}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** A sheet name as formulas must quote it ('Thông tin chung'!B3). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The font and the official look of every annex: Times New Roman, the page numbers in the footer. */
export const OFFICIAL_FONT = 'Times New Roman';
export const PAGE_FOOTER = 'Trang &P/&N';

/**
 * A character's advance in thousandths of an em, Times New Roman's on average (measured on the annexes' own
 * captions and names): capitals are nearly half as wide again as small letters, a space about half a small letter.
 * Captions in capitals wrap sooner than their length says.
 */
function glyphWidth(ch: string): number {
  if (ch === ' ') return 250;
  if (/\p{Lu}/u.test(ch)) return 650;
  if (/\p{Ll}/u.test(ch)) return 450;
  if (/\d/.test(ch)) return 500;
  return 330;
}

const textWidth = (t: string) => [...t].reduce((n, ch) => n + glyphWidth(ch), 0);

/** Lines a text takes wrapped word by word, as a host wraps it, in a line `room` thousandths of an em wide. */
function wrappedLines(text: string, room: number): number {
  let lines = 0;
  for (const para of text.split('\n')) {
    let used = 0;
    let count = 1;
    for (const word of para.split(' ').filter(Boolean)) {
      const w = textWidth(word);
      const gap = used ? glyphWidth(' ') : 0;
      if (used + gap + w <= room) used += gap + w;
      else if (w <= room) {
        count++;
        used = w;
      } else {
        // A word longer than the line starts a line of its own and is broken where each line ends.
        const parts = Math.ceil(w / room);
        count += (used ? 1 : 0) + parts - 1;
        used = w - (parts - 1) * room;
      }
    }
    lines += count;
  }
  return lines;
}

/**
 * Heights for rows whose text wraps: each cell's text wrapped word by word in its column's width (a width unit is
 * 7 px, 5,25 pt: Times New Roman 12 pt fits about one small letter a unit, fewer capitals), 15 pt a line at
 * 12 pt; larger text takes more. Only a cell whose style wraps grows its row: other text runs on into the
 * empty cells beside it, and a row made tall for it would show an empty, tall bordered box. A cell merged across
 * one row wraps in the merged width (Phụ lục I's indicator names over their three columns, an annex's title); a
 * merge over several rows is left to the rows' own heights.
 */
export function fitRowHeights(spec: SheetSpecInput): Array<number | null> {
  const widths = spec.columnWidths ?? [];
  const merged = new Map<string, number | null>();
  for (const m of spec.merges ?? []) {
    const [from, to = from] = m.replace(/\$/g, '').split(':');
    const a = parseA1(from);
    const b = parseA1(to);
    let w = 0;
    for (let c = a.col; c <= b.col; c++) w += widths[c] ?? 10;
    merged.set(a1(a.row, a.col), a.row === b.row ? w : null);
  }
  return spec.rows.map((row, r) => {
    let height = 0;
    row.forEach((cell, c) => {
      if (!cell || typeof cell.v !== 'string' || !cell.s || !STYLES[cell.s].wrap) return;
      const key = a1(r, c);
      const w = merged.has(key) ? merged.get(key) : (widths[c] ?? 10);
      if (!w) return;
      const st = STYLES[cell.s];
      const size = st.size ?? 12;
      // The line's room: w units of 5,25 pt (Excel's; LibreOffice's columns are some 6% wider, so a row it prints
      // may show a line to spare where Excel's would be cut), in thousandths of an em of this size; bold is 7% wider.
      const room = ((w * 5.25) / size) * 1000 * (st.bold ? 1 / 1.07 : 1);
      const lines = wrappedLines(cell.v, room);
      if (lines > 1) height = Math.max(height, lines * 15 * (size / 12) + 2);
    });
    return height ? Math.min(409, Math.round(height)) : null;
  });
}
