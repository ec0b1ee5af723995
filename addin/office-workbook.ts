import { SheetExistsError } from '../shared/errors/errors';
import { hostGrids } from '../shared/workbook/render';
import { CellMark, CellRef, CellWrite, ChartSpec, SheetSnapshot, WorkbookPort } from '../shared/workbook/port';
import { CellValue, columnLetter, SheetSpec, StyleName } from '../shared/workbook/sheet-spec';
import { STYLES } from '../shared/workbook/styles';

type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Office.js needs RangeAreas addresses in modest chunks. */
function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

function pad(values: unknown[][], rowIndex: number, columnIndex: number): CellValue[][] {
  const width = columnIndex + Math.max(0, ...values.map((r) => r.length));
  const out: CellValue[][] = Array.from({ length: rowIndex }, () => Array(width).fill(null));
  for (const row of values)
    out.push([...Array(columnIndex).fill(null), ...row.map((v) => (v === '' ? null : (v as CellValue)))]);
  return out;
}

/**
 * Excel through Office.js. Every operation queues all its work and syncs a
 * fixed number of times (read: 2, write: 2), whatever the sheet size.
 */
export class OfficeWorkbook implements WorkbookPort {
  constructor(private readonly run: Runner = (batch) => Excel.run(batch)) {}

  async sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  async read(names?: string[]): Promise<SheetSnapshot[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      await context.sync();
      const wanted = sheets.items.filter((s) => !names || names.includes(s.name));
      const used = wanted.map((s) => {
        const r = s.getUsedRangeOrNullObject(true);
        r.load('values,formulas,rowIndex,columnIndex');
        return r;
      });
      await context.sync();
      return wanted.map((s, i) => {
        const r = used[i];
        if (r.isNullObject) return { name: s.name, values: [], formulas: [], hidden: s.visibility !== 'Visible' };
        const formulas = r.formulas.map((row) =>
          row.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : null)),
        );
        return {
          name: s.name,
          values: pad(r.values, r.rowIndex, r.columnIndex),
          formulas: pad(formulas, r.rowIndex, r.columnIndex) as Array<Array<string | null>>,
          hidden: s.visibility !== 'Visible',
        };
      });
    });
  }

  async readFills(cells: CellRef[]): Promise<Array<string | null>> {
    return this.run(async (context) => {
      const fills = cells.map((c) => {
        const fill = context.workbook.worksheets.getItem(c.sheet).getRange(c.cell).format.fill;
        fill.load('color');
        return fill;
      });
      await context.sync();
      // Excel reports "no fill" as white.
      return fills.map((f) => (f.color && f.color.toUpperCase() !== '#FFFFFF' ? f.color.toUpperCase() : null));
    });
  }

  /** Excel gets the colour; the messages are in the task pane (cell notes need a newer API set). */
  async paint(marks: CellMark[]): Promise<void> {
    await this.run(async (context) => {
      for (const m of marks) {
        const fill = context.workbook.worksheets.getItem(m.sheet).getRange(m.cell).format.fill;
        if (m.fill) fill.color = m.fill;
        else fill.clear();
      }
      await context.sync();
    });
  }

  async setCells(updates: CellWrite[]): Promise<void> {
    await this.run(async (context) => {
      for (const u of updates) {
        const range = context.workbook.worksheets.getItem(u.sheet).getRange(u.cell);
        // The format first, in the same batch: text stays text, a date lands as a date.
        range.numberFormat = [[u.numberFormat]];
        range.values = [[u.value]];
      }
      await context.sync();
    });
  }

  async select(ref: CellRef): Promise<void> {
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(ref.sheet);
      sheet.activate();
      sheet.getRange(ref.cell).select();
      await context.sync();
    });
  }

  async chart(spec: ChartSpec): Promise<void> {
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(spec.sheet);
      const chart = sheet.charts.add('BarClustered', sheet.getRange(spec.range), 'Columns');
      chart.title.text = spec.title;
      chart.legend.visible = false;
      chart.setPosition(spec.anchor);
      await context.sync();
    });
  }

  async write(specs: SheetSpec[], replace: string[] = []): Promise<void> {
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const existing = new Map(sheets.items.map((s) => [s.name, s]));
      for (const spec of specs) {
        const old = existing.get(spec.name);
        if (old && !replace.includes(spec.name)) throw new SheetExistsError([spec.name], 'bảng tính');
        if (old) old.delete();
      }
      // Hidden helper sheets first: the dropdowns of the others point into them.
      for (const spec of [...specs].sort((a, b) => Number(b.hidden) - Number(a.hidden)))
        writeSheet(sheets.add(spec.name), spec);
      await context.sync();
    });
  }
}

function writeSheet(sheet: Excel.Worksheet, spec: SheetSpec): void {
  const g = hostGrids(spec);
  const range = sheet.getRangeByIndexes(0, 0, g.rows, g.columns);
  range.numberFormat = g.numberFormats;
  range.formulas = g.cells as never;
  for (const [name, addresses] of Object.entries(g.byStyle) as Array<[StyleName, string[]]>) {
    const st = STYLES[name];
    for (const part of chunks(addresses, 400)) {
      const areas = sheet.getRanges(part.join(','));
      const fmt = areas.format;
      if (st.fill) fmt.fill.color = st.fill;
      if (st.bold !== undefined) fmt.font.bold = st.bold;
      if (st.italic !== undefined) fmt.font.italic = st.italic;
      if (st.size) fmt.font.size = st.size;
      if (st.color) fmt.font.color = st.color;
      if (st.wrap) fmt.wrapText = true;
      if (st.align) fmt.horizontalAlignment = ({ left: 'Left', center: 'Center', right: 'Right' } as const)[st.align];
      if (st.valign) fmt.verticalAlignment = st.valign === 'top' ? 'Top' : 'Center';
      if (st.border) {
        for (const edge of [
          'EdgeTop',
          'EdgeBottom',
          'EdgeLeft',
          'EdgeRight',
          'InsideVertical',
          'InsideHorizontal',
        ] as const) {
          const b = fmt.borders.getItem(edge);
          b.style = 'Continuous';
          b.color = '#9AA0A6';
        }
      }
    }
  }
  spec.columnWidths.forEach((w, i) => {
    sheet.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = w * 5.6;
  });
  spec.rowHeights.forEach((h, i) => {
    if (h) sheet.getRange(`${i + 1}:${i + 1}`).format.rowHeight = h;
  });
  for (const m of spec.merges) sheet.getRange(m).merge(false);
  for (const v of spec.validations) {
    sheet.getRange(v.range).dataValidation.rule = {
      list: { inCellDropDown: true, source: v.source ? `=${v.source}` : v.list.join(',') },
    };
  }
  if (spec.freeze?.rows) sheet.freezePanes.freezeRows(spec.freeze.rows);
  if (spec.print) {
    sheet.pageLayout.orientation = spec.print.landscape ? 'Landscape' : 'Portrait';
    if (spec.print.repeatRows)
      sheet.pageLayout.setPrintTitleRows(`$${spec.print.repeatRows[0]}:$${spec.print.repeatRows[1]}`);
  }
  if (spec.hidden) sheet.visibility = 'Hidden';
}
