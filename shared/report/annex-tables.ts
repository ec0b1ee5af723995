import { parseDay } from '../dates/date';
import { formatNumber, formatPercent } from '../numbers/format';
import { CellSpec, parseA1, SheetSpec, StyleName } from '../workbook/sheet-spec';
import { Align, Block, Paragraph, Table, TableCell } from './schema';

/*
 * An annex sheet as the report's appendix: the same rows, written as the official documents write numbers
 * (2.742; 99,35%) whatever the machine's locale. The sheet keeps numbers for calculation; this copy is the
 * printed form (README "Báo cáo Word": why the print is locale-independent here and not in the workbook).
 */

const RATES: StyleName[] = ['rate', 'totalRate', 'computedRate'];
const BOLD: StyleName[] = ['title', 'caption', 'header', 'group', 'total', 'totalRate'];

/** What a cell shows, the vi-VN way: 2.742, 99,35%, 11/5/2023; a blank stays blank, never 0. */
export function cellText(cell: CellSpec | null | undefined): string {
  if (!cell) return '';
  if (cell.d) {
    const day = parseDay(cell.d.slice(0, 10));
    return day ? `${String(day.d).padStart(2, '0')}/${String(day.m).padStart(2, '0')}/${day.y}` : cell.d;
  }
  const v = cell.v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'number') return RATES.includes(cell.s ?? 'text') ? formatPercent(v) : formatNumber(v, decimals(v));
  return v;
}

/** Whole numbers as they are; a money or count figure with decimals keeps two at most. */
const decimals = (v: number) => (Number.isInteger(v) ? 0 : Math.min(2, String(v).split('.')[1]?.length ?? 0));

const alignOf = (cell: CellSpec | null | undefined): Align | undefined =>
  typeof cell?.v === 'number' ? 'right' : cell?.s === 'header' ? 'center' : undefined;

/**
 * The cells of one sheet row: a merge across columns is one cell with its span; under a merge running down
 * (the two-level headers) the row keeps a blank cell of the same span, so every row has the table's columns.
 */
function rowCells(sheet: SheetSpec, r: number, width: number): TableCell[] {
  const spans = new Map<number, number>();
  const covered = new Set<number>();
  const below = new Set<number>();
  for (const m of sheet.merges) {
    const [from, to = from] = m.split(':').map(parseA1);
    if (r < from.row || r > to.row) continue;
    spans.set(from.col, to.col - from.col + 1);
    for (let col = from.col + 1; col <= to.col; col++) covered.add(col);
    if (r > from.row) below.add(from.col);
  }
  const out: TableCell[] = [];
  for (let col = 0; col < width; col++) {
    if (covered.has(col)) continue;
    const cell = below.has(col) ? null : sheet.rows[r]?.[col];
    const s = cell?.s;
    out.push({
      text: cellText(cell),
      bold: s ? BOLD.includes(s) || undefined : undefined,
      align: alignOf(cell),
      span: (spans.get(col) ?? 1) > 1 ? spans.get(col) : undefined,
    });
  }
  return out;
}

const isBlank = (row: Array<CellSpec | null> | undefined) => !row || row.every((c) => c === null || cellText(c) === '');

/** A line of the sheet outside its table (title, caption, "(Kèm theo …)", notes) as a paragraph. */
function lineOf(row: Array<CellSpec | null>): Paragraph | null {
  const cell = row.find((c) => c !== null && cellText(c) !== '');
  if (!cell) return null;
  const s = cell.s;
  const centred = s === 'title' || s === 'caption' || s === 'subtitle';
  return {
    kind: 'paragraph',
    runs: [{ text: cellText(cell), bold: s === 'title' || s === 'caption', italic: s === 'subtitle' || s === 'note' }],
    align: centred ? 'center' : 'justify',
    role: s === 'note' ? 'note' : 'body',
    indent: false,
    size: centred ? 13 : 11,
  };
}

/**
 * The blocks of one annex sheet: the lines above the header, the table (its header rows repeated on every
 * page), the notes under it. A sheet without a header row (none marked for print) is lines only.
 */
export function annexBlocks(sheet: SheetSpec): Block[] {
  const width = Math.max(sheet.columnWidths.length, ...sheet.rows.map((r) => r.length));
  const [first, last] = sheet.print?.repeatRows ?? [0, 0];
  if (!first) return sheet.rows.flatMap((r) => lineOf(r) ?? []);
  const top = first - 1;
  const blocks: Block[] = sheet.rows.slice(0, top).flatMap((r) => lineOf(r) ?? []);
  const header = [];
  for (let r = top; r < last; r++) header.push(rowCells(sheet, r, width));
  // The table runs to the first blank row after it; what follows are notes.
  let end = last;
  while (end < sheet.rows.length && !isBlank(sheet.rows[end])) end++;
  const rows = [];
  for (let r = last; r < end; r++) rows.push(rowCells(sheet, r, width));
  // No column narrower than "STT" in 11 points: a sheet's 6 is a Word column too narrow for it.
  const widths = Array.from({ length: width }, (_, i) => Math.max(7, sheet.columnWidths[i] ?? 10));
  const table: Table = { kind: 'table', header, rows, widths, size: 11 };
  blocks.push(table);
  for (const r of sheet.rows.slice(end)) {
    const p = lineOf(r);
    if (p) blocks.push(p);
  }
  return blocks;
}

/** The annexes a report appends: the visible "Phụ lục …" sheets, in the workbook's order. */
export function appendedAnnexes(sheets: SheetSpec[]): SheetSpec[] {
  return sheets.filter((s) => !s.hidden && s.name.startsWith('Phụ lục'));
}
