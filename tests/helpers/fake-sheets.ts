/**
 * A stand-in for Apps Script's SpreadsheetApp, for what cannot run offline
 * (a live Google spreadsheet). It keeps cells in memory, follows the
 * documented calls the adapter uses, and counts every call made on ranges.
 */
import { a1, parseA1 } from '../../shared/workbook/sheet-spec';

export class FakeSpreadsheet {
  constructor(public name = 'Bảng tính') {}
  getName() {
    return this.name;
  }
  /** Spreadsheets openById can reach, by ID. */
  others: Record<string, FakeSpreadsheet> = {};
  calls: Record<string, number> = {};
  sheets: FakeGasSheet[] = [];
  count(name: string) {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }
  rangeCalls() {
    return Object.entries(this.calls)
      .filter(([k]) => k.startsWith('Range.') || k.startsWith('RangeList.'))
      .reduce((n, [, v]) => n + v, 0);
  }

  getSheets() {
    return [...this.sheets];
  }
  getSheetByName(name: string) {
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(name: string, index?: number) {
    if (this.getSheetByName(name)) throw new Error(`A sheet with the name "${name}" already exists.`);
    const s = new FakeGasSheet(this, name);
    this.sheets.splice(index ?? this.sheets.length, 0, s);
    return s;
  }
  deleteSheet(s: FakeGasSheet) {
    this.sheets = this.sheets.filter((x) => x !== s);
  }
  active: FakeGasSheet | null = null;
  setActiveSheet(s: FakeGasSheet) {
    this.count('Spreadsheet.setActiveSheet');
    this.active = s;
    return s;
  }
  getRange(ref: string) {
    const [sheetName, area] = ref.includes('!') ? ref.split('!') : [this.sheets[0].name, ref];
    const s = this.getSheetByName(sheetName.replace(/^'|'$/g, ''))!;
    const [from, to] = area.split(':');
    const a = parseA1(from);
    const b = parseA1(to ?? from);
    return s.getRange(a.row + 1, a.col + 1, b.row - a.row + 1, b.col - a.col + 1);
  }
  /** Puts values straight into a sheet, as a user typing them would. */
  fill(name: string, rows: unknown[][]) {
    const s = this.getSheetByName(name) ?? this.insertSheet(name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== '') s.cells.set(a1(r, c), { value: v });
      }),
    );
    return s;
  }
}

export class FakeGasSheet {
  charts: Array<Record<string, unknown>> = [];
  newChart() {
    const spec: Record<string, unknown> = { options: {} as Record<string, unknown> };
    const b = {
      asBarChart: () => {
        spec.type = 'BAR';
        return b;
      },
      addRange: (r: { a1(): string; rangeA1?: string }) => {
        spec.range = (r as unknown as { span(): string }).span();
        return b;
      },
      setOption: (k: string, v: unknown) => {
        (spec.options as Record<string, unknown>)[k] = v;
        return b;
      },
      setPosition: (row: number, col: number) => {
        spec.position = [row, col];
        return b;
      },
      build: () => spec,
    };
    return b;
  }
  insertChart(chart: Record<string, unknown>) {
    this.charts.push(chart);
  }
  cells = new Map<
    string,
    { value: unknown; formula?: string; format?: string; background?: string | null; weight?: string; note?: string }
  >();
  activeRange: string | null = null;
  setActiveRange(r: { a1(): string }) {
    this.activeRange = r.a1();
    return r;
  }
  hidden = false;
  frozenRows = 0;
  merges: string[] = [];
  validations: Array<{ range: string; rule: unknown }> = [];
  constructor(
    private ss: FakeSpreadsheet,
    public name: string,
  ) {}
  getName() {
    return this.name;
  }
  isSheetHidden() {
    return this.hidden;
  }
  hideSheet() {
    this.ss.count('Sheet.hideSheet');
    this.hidden = true;
    return this;
  }
  setFrozenRows(n: number) {
    this.ss.count('Sheet.setFrozenRows');
    this.frozenRows = n;
  }
  setFrozenColumns() {
    this.ss.count('Sheet.setFrozenColumns');
  }
  setColumnWidth() {
    this.ss.count('Sheet.setColumnWidth');
    return this;
  }
  setRowHeights() {
    this.ss.count('Sheet.setRowHeights');
    return this;
  }
  getDataRange() {
    let maxR = 0;
    let maxC = 0;
    for (const k of this.cells.keys()) {
      const p = parseA1(k);
      maxR = Math.max(maxR, p.row + 1);
      maxC = Math.max(maxC, p.col + 1);
    }
    return new FakeGasRange(this.ss, this, 1, 1, Math.max(1, maxR), Math.max(1, maxC));
  }
  getRange(row: number | string, col = 1, rows = 1, cols = 1) {
    if (typeof row === 'string') {
      const [f, t] = row.split(':');
      const a = parseA1(f);
      const b = parseA1(t ?? f);
      return new FakeGasRange(this.ss, this, a.row + 1, a.col + 1, b.row - a.row + 1, b.col - a.col + 1);
    }
    return new FakeGasRange(this.ss, this, row, col, rows, cols);
  }
  getRangeList(refs: string[]) {
    this.ss.count('Sheet.getRangeList');
    const ranges = refs.map((ref) => {
      const [f, t] = ref.split(':');
      const a = parseA1(f);
      const b = parseA1(t ?? f);
      return this.getRange(a.row + 1, a.col + 1, b.row - a.row + 1, b.col - a.col + 1);
    });
    return {
      setBorder: () => {
        this.ss.count('RangeList.setBorder');
      },
      getRanges: () => ranges,
    };
  }
}

class FakeGasRange {
  constructor(
    private ss: FakeSpreadsheet,
    private sheet: FakeGasSheet,
    private row: number,
    private col: number,
    private rows: number,
    private cols: number,
  ) {}
  private grid<T>(f: (key: string) => T): T[][] {
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.cols }, (_, c) => f(a1(this.row - 1 + r, this.col - 1 + c))),
    );
  }
  private put(name: string, grid: unknown[][], f: (key: string, v: unknown) => void) {
    this.ss.count(`Range.${name}`);
    if (grid.length !== this.rows || grid.some((r) => r.length !== this.cols))
      throw new Error(`The number of rows or columns in the data does not match the range (${name}).`);
    grid.forEach((row, r) => row.forEach((v, c) => f(a1(this.row - 1 + r, this.col - 1 + c), v)));
    return this;
  }
  a1() {
    return a1(this.row - 1, this.col - 1);
  }
  span() {
    return `${a1(this.row - 1, this.col - 1)}:${a1(this.row + this.rows - 2, this.col + this.cols - 2)}`;
  }
  private entry(k: string) {
    let c = this.sheet.cells.get(k);
    if (!c) {
      c = { value: null };
      this.sheet.cells.set(k, c);
    }
    return c;
  }
  getBackgrounds() {
    this.ss.count('Range.getBackgrounds');
    return this.grid((k) => this.sheet.cells.get(k)?.background ?? '#ffffff');
  }
  getNotes() {
    this.ss.count('Range.getNotes');
    return this.grid((k) => this.sheet.cells.get(k)?.note ?? '');
  }
  setNotes(grid: unknown[][]) {
    return this.put('setNotes', grid, (k, v) => {
      const c = this.sheet.cells.get(k);
      if (c || v) this.entry(k).note = v as string;
    });
  }
  setValue(v: unknown) {
    this.ss.count('Range.setValue');
    this.entry(this.a1()).value = typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
    return this;
  }
  getValues() {
    this.ss.count('Range.getValues');
    return this.grid((k) => {
      const c = this.sheet.cells.get(k);
      return c && !c.formula ? (c.value ?? '') : '';
    });
  }
  getFormulas() {
    this.ss.count('Range.getFormulas');
    return this.grid((k) => this.sheet.cells.get(k)?.formula ?? '');
  }
  setValues(grid: unknown[][]) {
    return this.put('setValues', grid, (k, v) => {
      if (v === '' || v === null) {
        this.sheet.cells.delete(k);
        return;
      }
      if (typeof v === 'string' && v.startsWith('=')) this.sheet.cells.set(k, { value: null, formula: v });
      else this.sheet.cells.set(k, { value: typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v });
    });
  }
  setNumberFormats(grid: unknown[][]) {
    return this.put('setNumberFormats', grid, () => undefined);
  }
  setBackgrounds(grid: unknown[][]) {
    return this.put('setBackgrounds', grid, (k, v) => {
      const c = this.sheet.cells.get(k);
      if (c || (v && v !== '#ffffff')) this.entry(k).background = v as string;
    });
  }
  setFontWeights(grid: unknown[][]) {
    return this.put('setFontWeights', grid, (k, v) => {
      const c = this.sheet.cells.get(k);
      if (c) c.weight = v as string;
    });
  }
  setFontStyles(grid: unknown[][]) {
    return this.put('setFontStyles', grid, () => undefined);
  }
  setFontColors(grid: unknown[][]) {
    return this.put('setFontColors', grid, () => undefined);
  }
  setFontSizes(grid: unknown[][]) {
    return this.put('setFontSizes', grid, () => undefined);
  }
  setHorizontalAlignments(grid: unknown[][]) {
    return this.put('setHorizontalAlignments', grid, () => undefined);
  }
  setVerticalAlignments(grid: unknown[][]) {
    return this.put('setVerticalAlignments', grid, () => undefined);
  }
  setWraps(grid: unknown[][]) {
    return this.put('setWraps', grid, () => undefined);
  }
  merge() {
    this.ss.count('Range.merge');
    this.sheet.merges.push(
      `${a1(this.row - 1, this.col - 1)}:${a1(this.row + this.rows - 2, this.col + this.cols - 2)}`,
    );
    return this;
  }
  setDataValidation(rule: unknown) {
    this.ss.count('Range.setDataValidation');
    this.sheet.validations.push({ range: a1(this.row - 1, this.col - 1), rule });
    return this;
  }
}

/** The SpreadsheetApp global as the bundle sees it. */
export function fakeSpreadsheetApp(ss: FakeSpreadsheet) {
  const builder = () => {
    const rule: Record<string, unknown> = {};
    const b = {
      setAllowInvalid: (x: boolean) => {
        rule.allowInvalid = x;
        return b;
      },
      requireValueInRange: (r: unknown) => {
        rule.range = r;
        return b;
      },
      requireValueInList: (l: string[]) => {
        rule.list = l;
        return b;
      },
      build: () => rule,
    };
    return b;
  };
  return {
    getActiveSpreadsheet: () => ss,
    openById: (id: string) => {
      const other = ss.others[id];
      if (!other) throw new Error(`Không mở được bảng tính ${id}`);
      return other;
    },
    newDataValidation: builder,
    BorderStyle: { SOLID: 'SOLID' },
  };
}
