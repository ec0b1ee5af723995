import { SheetExistsError } from '../../shared/errors/errors';
import { isDate } from '../../shared/dates/date';
import { hostGrids } from '../../shared/workbook/render';
import { CellMark, CellRef, CellWrite, ChartSpec, SheetSnapshot, WorkbookPort } from '../../shared/workbook/port';
import { CellValue, parseA1, SheetSpec, StyleName, unlockedAreas, writeOrder } from '../../shared/workbook/sheet-spec';
import { STYLES } from '../../shared/workbook/styles';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function cellValue(v: unknown): CellValue {
  return v === '' || v === undefined ? null : (v as CellValue);
}

/**
 * Google Sheets through Apps Script: whole ranges with getValues / setValues and the 2-D formatting
 * setters, never a loop over cells. What the host does with what is written (see README, "Google Sheets"):
 * - every cell's number format is set before its value, in one call each (`hostGrids` decides both):
 *   setValues parses strings like typing, so text goes into "@" cells, dates as serials into date cells;
 * - insertSheet makes the new sheet active: the sheet the user was on is made active again after a write;
 * - a new sheet is 1,000 × 26 cells and a range outside it throws: each sheet is sized before it is written;
 * - Sheets refuses a frozen edge through a merged range: a sheet is frozen only where no merge crosses the edge;
 * - the last visible sheet cannot be hidden: sheets are hidden once every sheet of the write is there;
 * - a protected template sheet (SheetSpec.protect) gets a warning-only protection with its input cells as
 *   unprotected ranges: Sheets has no sheet password, and a warning-only protection lets every user edit, asking
 *   to confirm an edit of a protected cell ("Warning-based protection means that every user can edit data in the
 *   area, except editing prompts a warning", Protection.setWarningOnly) — the nearest to Excel's protection
 *   without a password. The yellow cells take typing without a warning; the product's own later writes (the
 *   highlights, the completion stamp) are not refused, so nothing is lifted around them as in Excel.
 *   https://developers.google.com/apps-script/reference/spreadsheet/protection
 */
export class SheetsWorkbook implements WorkbookPort {
  constructor(private readonly ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()) {}

  sheetNames(): string[] {
    return this.ss.getSheets().map((s) => s.getName());
  }

  /**
   * Per sheet: one getValues, one getFormulas, one getNumberFormats and one getMergedRanges over the data
   * range. The formats say a "100%" typed into a count cell (stored 1, formatted "0%") is a rate.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#getNumberFormats()
   */
  read(names?: string[]): SheetSnapshot[] {
    return this.ss
      .getSheets()
      .filter((s) => !names || names.includes(s.getName()))
      .map((s) => {
        const range = s.getDataRange();
        const raw = range.getValues();
        const values = raw.map((row) => row.map(cellValue));
        const formulas = range.getFormulas().map((row) => row.map((f) => (f ? f : null)));
        const formats = numberFormats(raw, range.getNumberFormats());
        const merges = range.getMergedRanges().map((r) => r.getA1Notation());
        return {
          name: s.getName(),
          values,
          formulas,
          hidden: s.isSheetHidden(),
          merges,
          ...(formats ? { numberFormats: formats } : {}),
        };
      });
  }

  /** Cells grouped by sheet, with the bounding box that one getBackgrounds / setBackgrounds covers. */
  private boxes<T extends CellRef>(cells: T[]) {
    const bySheet = new Map<string, Array<T & { row: number; col: number }>>();
    for (const c of cells) {
      const { row, col } = parseA1(c.cell);
      const list = bySheet.get(c.sheet) ?? [];
      list.push({ ...c, row, col });
      bySheet.set(c.sheet, list);
    }
    return [...bySheet.entries()].map(([name, list]) => {
      const top = Math.min(...list.map((x) => x.row));
      const left = Math.min(...list.map((x) => x.col));
      const bottom = Math.max(...list.map((x) => x.row));
      const right = Math.max(...list.map((x) => x.col));
      const sheet = this.ss.getSheetByName(name);
      return {
        sheet,
        list,
        top,
        left,
        range: sheet ? sheet.getRange(top + 1, left + 1, bottom - top + 1, right - left + 1) : null,
      };
    });
  }

  readFills(cells: CellRef[]): Array<string | null> {
    const found = new Map<string, string | null>();
    for (const box of this.boxes(cells)) {
      const bg = box.range ? box.range.getBackgrounds() : [];
      for (const c of box.list) {
        const v = bg[c.row - box.top]?.[c.col - box.left];
        found.set(`${c.sheet}\u0000${c.cell}`, v && v.toLowerCase() !== '#ffffff' ? v.toUpperCase() : null);
      }
    }
    return cells.map((c) => found.get(`${c.sheet}\u0000${c.cell}`) ?? null);
  }

  /** One getBackgrounds/getNotes and one setBackgrounds/setNotes per sheet, whatever the number of cells. */
  paint(marks: CellMark[]): void {
    for (const box of this.boxes(marks)) {
      if (!box.range) continue;
      const bg = box.range.getBackgrounds();
      const notes = box.range.getNotes();
      for (const m of box.list) {
        bg[m.row - box.top][m.col - box.left] = m.fill ?? '#ffffff';
        if (m.note !== undefined) notes[m.row - box.top][m.col - box.left] = m.note ?? '';
      }
      box.range.setBackgrounds(bg);
      box.range.setNotes(notes);
    }
  }

  /** A few product-owned cells (the completion stamp): each one's format, then its value. */
  setCells(updates: CellWrite[]): void {
    for (const u of updates) {
      const range = this.ss.getSheetByName(u.sheet)?.getRange(u.cell);
      range?.setNumberFormat(u.numberFormat).setValue(u.value);
    }
  }

  select(ref: CellRef): void {
    const sheet = this.ss.getSheetByName(ref.sheet);
    if (!sheet) return;
    this.ss.setActiveSheet(sheet);
    sheet.setActiveRange(sheet.getRange(ref.cell));
  }

  chart(spec: ChartSpec): void {
    const sheet = this.ss.getSheetByName(spec.sheet);
    if (!sheet) return;
    const anchor = parseA1(spec.anchor);
    const chart = sheet
      .newChart()
      .asBarChart()
      .addRange(sheet.getRange(spec.range))
      .setOption('title', spec.title)
      .setOption('legend', { position: 'none' })
      .setPosition(anchor.row + 1, anchor.col + 1, 0, 0)
      .build();
    sheet.insertChart(chart);
  }

  /**
   * Adds (or replaces) the sheets without moving the user: insertSheet activates each new sheet
   * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer)),
   * so the sheet that was active is made active again at the end — by name, as a replaced sheet is a new one.
   */
  write(specs: SheetSpec[], replace: string[] = []): void {
    for (const spec of specs) {
      const old = this.ss.getSheetByName(spec.name);
      if (old && !replace.includes(spec.name)) throw new SheetExistsError([spec.name], 'bảng tính');
    }
    const activeName = this.ss.getActiveSheet()?.getName();
    const toHide: Sheet[] = [];
    try {
      // The lists sheet first (the dropdowns of the others point into it), then the hidden helper sheets.
      for (const spec of writeOrder(specs)) {
        const old = this.ss.getSheetByName(spec.name);
        if (old) this.ss.deleteSheet(old);
        const sheet = this.ss.insertSheet(spec.name, this.ss.getSheets().length);
        writeSheet(sheet, spec, this.ss);
        if (spec.hidden) toHide.push(sheet);
      }
      // Hidden last, when the visible sheets of this write are there: Sheets keeps one sheet visible.
      for (const sheet of toHide) sheet.hideSheet();
    } finally {
      const back = activeName ? this.ss.getSheetByName(activeName) : null;
      if (back && !back.isSheetHidden()) this.ss.setActiveSheet(back);
    }
  }
}

/** The rows and columns a sheet needs: its cells, merges, dropdowns, and one row/column past a frozen edge. */
function extent(spec: SheetSpec, rows: number, columns: number): { rows: number; columns: number } {
  let r = rows;
  let c = columns;
  for (const ref of [...spec.merges, ...spec.validations.map((v) => v.range)]) {
    for (const p of ref.replace(/\$/g, '').split(':')) {
      const { row, col } = parseA1(p);
      r = Math.max(r, row + 1);
      c = Math.max(c, col + 1);
    }
  }
  if (spec.freeze) {
    r = Math.max(r, spec.freeze.rows + 1);
    c = Math.max(c, spec.freeze.columns + 1);
  }
  return { rows: r, columns: c };
}

/**
 * Grows a new sheet (1,000 × 26) to what it must hold; a hidden record sheet is also cut down to it, so
 * the product's own sheets do not take the spreadsheet's cells (Sheets counts every cell of every grid).
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)
 */
function size(sheet: Sheet, need: { rows: number; columns: number }, exact: boolean): void {
  const rows = sheet.getMaxRows();
  const columns = sheet.getMaxColumns();
  if (need.rows > rows) sheet.insertRowsAfter(rows, need.rows - rows);
  else if (exact && need.rows < rows) sheet.deleteRows(need.rows + 1, rows - need.rows);
  if (need.columns > columns) sheet.insertColumnsAfter(columns, need.columns - columns);
  else if (exact && need.columns < columns) sheet.deleteColumns(need.columns + 1, columns - need.columns);
}

/**
 * How many rows and columns can be frozen: none through a merged range, which Sheets refuses ("You can't
 * freeze columns which contain only part of a merged cell"). An annex's title merged across the sheet
 * keeps its columns unfrozen; its header rows stay frozen.
 */
export function safeFreeze(spec: SheetSpec): { rows: number; columns: number } {
  const crosses = (n: number, dim: 'row' | 'col') =>
    spec.merges.some((m) => {
      const [from, to] = m.replace(/\$/g, '').split(':');
      const lo = parseA1(from)[dim];
      const hi = parseA1(to ?? from)[dim];
      return lo < n && hi >= n;
    });
  const rows = spec.freeze?.rows ?? 0;
  const columns = spec.freeze?.columns ?? 0;
  return { rows: crosses(rows, 'row') ? 0 : rows, columns: crosses(columns, 'col') ? 0 : columns };
}

function writeSheet(sheet: Sheet, spec: SheetSpec, ss: Spreadsheet): void {
  const g = hostGrids(spec);
  size(sheet, extent(spec, g.rows, g.columns), spec.hidden);
  const range = sheet.getRange(1, 1, g.rows, g.columns);
  // Formats first, in the same whole-range way: "@" keeps text as text, date formats make the serials dates.
  // Strings starting with "=" are formulas for setValues; text that only looks like one was given a "'" prefix.
  range.setNumberFormats(g.numberFormats).setValues(g.cells);
  const pick = <T>(f: (s: (typeof STYLES)[StyleName]) => T, none: T) =>
    g.styleGrid.map((row) => row.map((s) => (s ? (f(STYLES[s]) ?? none) : none)));
  range.setBackgrounds(pick((s) => s.fill ?? null, null) as string[][]);
  range.setFontWeights(pick((s) => (s.bold ? 'bold' : 'normal'), 'normal'));
  range.setFontStyles(pick((s) => (s.italic ? 'italic' : 'normal'), 'normal'));
  range.setFontColors(pick((s) => s.color ?? '#000000', '#000000'));
  range.setFontSizes(pick((s) => (s.size ? s.size - 2 : 10), 10));
  range.setHorizontalAlignments(pick((s) => s.align ?? 'left', 'left'));
  range.setVerticalAlignments(pick((s) => (s.valign === 'top' ? 'top' : 'middle'), 'middle'));
  range.setWraps(pick((s) => Boolean(s.wrap), false));
  // The sheet's font over the whole written range in one call (Range.setFontFamily). Print footers cannot be
  // set: Apps Script has no page-setup API (margins, headers and footers are chosen in File → Print, or as
  // parameters of the PDF export URL), so `print.footer` is left out here and the page numbers are the print
  // dialog's "Page numbers" option.
  // https://developers.google.com/apps-script/reference/spreadsheet/range#setFontFamily(String)
  if (spec.font) range.setFontFamily(spec.font);
  const bordered = Object.entries(g.byStyle)
    .filter(([name]) => STYLES[name as StyleName].border)
    .flatMap(([, a]) => a);
  if (bordered.length)
    sheet
      .getRangeList(bordered)
      .setBorder(true, true, true, true, null, null, '#9AA0A6', SpreadsheetApp.BorderStyle.SOLID);
  spec.columnWidths.forEach((w, i) => sheet.setColumnWidth(i + 1, Math.round(w * 7)));
  // Heights fitted to wrapped text are our estimate of its lines; Sheets measures them itself, in one call for
  // the sheet (a call per run of equal heights grows with the rows). Sheets does not measure a merged cell's
  // text, so a row holding the top of a merge keeps the fitted height, one call each: merges are the titles and
  // group headings, as many for 2 units as for 3,000.
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#autoResizeRows(Integer,Integer)
  if (spec.rowHeights.some(Boolean)) sheet.autoResizeRows(1, Math.max(1, spec.rows.length));
  const mergeTops = new Set(spec.merges.map((m) => parseA1(m.split(':')[0].replace(/\$/g, '')).row));
  for (const r of mergeTops) {
    const h = spec.rowHeights[r];
    if (h) sheet.setRowHeights(r + 1, 1, Math.round(h * 1.33));
  }
  if (spec.merges.length)
    sheet
      .getRangeList(spec.merges)
      .getRanges()
      .forEach((r) => r.merge());
  for (const v of spec.validations) {
    const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(false);
    const rule = v.source
      ? builder.requireValueInRange(ss.getRange(v.source.replace(/\$/g, '')), true).build()
      : builder.requireValueInList(v.list, true).build();
    sheet.getRange(v.range).setDataValidation(rule);
  }
  if (spec.freeze) {
    const freeze = safeFreeze(spec);
    if (freeze.rows) sheet.setFrozenRows(freeze.rows);
    if (freeze.columns) sheet.setFrozenColumns(freeze.columns);
  }
  if (spec.protect) protectSheet(sheet, spec);
}

/** What the warning of a protected template sheet says, in Sheets' list of protected sheets and ranges. */
export const PROTECTION_DESCRIPTION = 'dx-report: ô công thức và tiêu đề; ô nền vàng nhập được';

/**
 * The sheet protected with a warning only, its input cells left out (Sheet.protect, Protection.setWarningOnly,
 * setUnprotectedRanges): a few calls a sheet, whatever its rows — the unlocked cells go as a few rectangles.
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#protect()
 */
function protectSheet(sheet: Sheet, spec: SheetSpec): void {
  const protection = sheet.protect().setDescription(PROTECTION_DESCRIPTION).setWarningOnly(true);
  const open = unlockedAreas(spec);
  if (open.length) protection.setUnprotectedRanges(sheet.getRangeList(open).getRanges());
}

/**
 * google.script.run carries no Date (https://developers.google.com/apps-script/guides/html/reference/run):
 * a date cell crosses as its serial number, as Office.js hands dates over, which every reader of the core
 * takes (a day, a completion time with its minutes, "6/2023" typed as the 1st of the month).
 */
export function plainSnapshots(sheets: SheetSnapshot[]): SheetSnapshot[] {
  return sheets.map((s) => ({
    ...s,
    values: s.values.map((row) => row.map((v) => (isDate(v) ? serialOfDate(v) : v))),
  }));
}

/** The 1900-system serial of a Date on the script's clock (the spreadsheet's wall-clock time). */
function serialOfDate(d: Date): number {
  const days = (Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) - Date.UTC(1899, 11, 30)) / 86400000;
  return days + (d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds()) / 86400;
}

/** The formats of number cells other than General (or Sheets' automatic ""); null when no cell has one. */
function numberFormats(values: unknown[][], formats: string[][]): Array<Array<string | null>> | null {
  let any = false;
  const grid = formats.map((row, y) =>
    row.map((f, x) => {
      const kept = typeof values[y]?.[x] === 'number' && f && f !== 'General' ? f : null;
      any ||= kept !== null;
      return kept;
    }),
  );
  return any ? grid : null;
}
