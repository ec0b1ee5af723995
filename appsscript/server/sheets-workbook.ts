import { SheetExistsError } from '../../shared/errors/errors';
import { formatDay, isDate, parseDay } from '../../shared/dates/date';
import { hostGrids } from '../../shared/workbook/render';
import { CellMark, CellRef, CellWrite, ChartSpec, SheetSnapshot, WorkbookPort } from '../../shared/workbook/port';
import { CellValue, parseA1, SheetSpec, StyleName } from '../../shared/workbook/sheet-spec';
import { STYLES } from '../../shared/workbook/styles';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function cellValue(v: unknown): CellValue {
  return v === '' || v === undefined ? null : (v as CellValue);
}

/**
 * Google Sheets through Apps Script: whole ranges with getValues / setValues
 * and the 2-D formatting setters, never a loop over cells.
 */
export class SheetsWorkbook implements WorkbookPort {
  constructor(private readonly ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()) {}

  sheetNames(): string[] {
    return this.ss.getSheets().map((s) => s.getName());
  }

  read(names?: string[]): SheetSnapshot[] {
    return this.ss
      .getSheets()
      .filter((s) => !names || names.includes(s.getName()))
      .map((s) => {
        const range = s.getDataRange();
        const values = range.getValues().map((row) => row.map(cellValue));
        const formulas = range.getFormulas().map((row) => row.map((f) => (f ? f : null)));
        return { name: s.getName(), values, formulas, hidden: s.isSheetHidden() };
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

  write(specs: SheetSpec[], replace: string[] = []): void {
    for (const spec of specs) {
      const old = this.ss.getSheetByName(spec.name);
      if (old && !replace.includes(spec.name)) throw new SheetExistsError([spec.name], 'bảng tính');
    }
    // Hidden helper sheets first: the dropdowns of the others point into them.
    for (const spec of [...specs].sort((a, b) => Number(b.hidden) - Number(a.hidden))) {
      const old = this.ss.getSheetByName(spec.name);
      if (old) this.ss.deleteSheet(old);
      writeSheet(this.ss.insertSheet(spec.name, this.ss.getSheets().length), spec, this.ss);
    }
  }
}

function writeSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, spec: SheetSpec, ss: Spreadsheet): void {
  const g = hostGrids(spec);
  const range = sheet.getRange(1, 1, g.rows, g.columns);
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
  const bordered = Object.entries(g.byStyle)
    .filter(([name]) => STYLES[name as StyleName].border)
    .flatMap(([, a]) => a);
  if (bordered.length)
    sheet
      .getRangeList(bordered)
      .setBorder(true, true, true, true, null, null, '#9AA0A6', SpreadsheetApp.BorderStyle.SOLID);
  spec.columnWidths.forEach((w, i) => sheet.setColumnWidth(i + 1, Math.round(w * 7)));
  // Runs of equal heights in one call each.
  for (let i = 0; i < spec.rowHeights.length;) {
    const h = spec.rowHeights[i];
    let j = i;
    while (j + 1 < spec.rowHeights.length && spec.rowHeights[j + 1] === h) j++;
    if (h) sheet.setRowHeights(i + 1, j - i + 1, Math.round(h * 1.33));
    i = j + 1;
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
    sheet.setFrozenRows(spec.freeze.rows);
    sheet.setFrozenColumns(spec.freeze.columns);
  }
  if (spec.hidden) sheet.hideSheet();
}

/** google.script.run carries no Date: dates travel as dd/mm/yyyy text, which the core reads back. */
export function plainSnapshots(sheets: SheetSnapshot[]): SheetSnapshot[] {
  return sheets.map((s) => ({
    ...s,
    values: s.values.map((row) => row.map((v) => (isDate(v) ? formatDay(parseDay(v)!) : v))),
  }));
}
