/**
 * A stand-in for Excel's JavaScript API (Office.js), for the one thing that
 * cannot run offline. It follows the documented behaviour that matters for
 * batching: properties must be load()ed and context.sync()ed before they are
 * read, writes are queued, and every sync is counted.
 */
import { a1, columnIndex, parseA1 } from '../../shared/workbook/sheet-spec';

type Cell = { value: unknown; formula?: string; format?: string };

class NotLoaded extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what}`);
  }
}

export class FakeExcel {
  syncs = 0;
  queued = 0;
  sheets: FakeSheet[] = [];

  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = {
      workbook: { worksheets: new FakeSheets(this) },
      sync: async () => {
        this.syncs++;
        this.flush();
      },
    };
    // The fake implements only the part of the request context the add-in uses.
    const out = await batch(context as unknown as Excel.RequestContext);
    return out;
  };

  private pending: Array<() => void> = [];
  enqueue(f: () => void) {
    this.queued++;
    this.pending.push(f);
  }
  flush() {
    const p = this.pending;
    this.pending = [];
    p.forEach((f) => f());
  }

  sheet(name: string) {
    return this.sheets.find((s) => s.name === name);
  }

  /** Puts values straight into a sheet, as a user typing them would. */
  fill(name: string, rows: unknown[][]) {
    const s = this.sheet(name) ?? (this.sheets.push(new FakeSheet(name)), this.sheets[this.sheets.length - 1]);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== '') s.cells.set(a1(r, c), { value: v });
      }),
    );
    return s;
  }
}

export class FakeSheet {
  charts: Array<{ type: string; range: string; title?: string; position?: string; legend?: boolean }> = [];
  cells = new Map<string, Cell>();
  fills = new Map<string, string>();
  selected: string | null = null;
  active = false;
  visibility = 'Visible';
  merges: string[] = [];
  frozenRows = 0;
  validations: Array<{ range: string; rule: unknown }> = [];
  formats: Array<{ address: string; prop: string; value: unknown }> = [];
  constructor(public name: string) {}
}

class Loadable {
  protected loaded = new Set<string>();
  protected requested = new Set<string>();
  constructor(protected excel: FakeExcel) {}
  load(props: string) {
    for (const p of props.split(',')) this.requested.add(p.trim().replace(/^items\//, ''));
    this.excel.enqueue(() => this.requested.forEach((p) => this.loaded.add(p)));
    return this;
  }
  protected need(p: string) {
    if (!this.loaded.has(p)) throw new NotLoaded(p);
  }
}

class FakeSheets extends Loadable {
  private snapshot: FakeWorksheet[] = [];
  load(props: string) {
    super.load(props);
    this.excel.enqueue(() => {
      this.snapshot = this.excel.sheets.map((s) => new FakeWorksheet(this.excel, s, this.requested));
    });
    return this;
  }
  get items() {
    this.need('name');
    return this.snapshot;
  }
  getItem(name: string) {
    const s = this.excel.sheet(name);
    if (!s) throw new Error(`ItemNotFound: ${name}`);
    return new FakeWorksheet(this.excel, s, new Set(['name']));
  }
  add(name: string) {
    const s = new FakeSheet(name);
    this.excel.enqueue(() => {
      if (this.excel.sheet(name)) throw new Error(`ItemAlreadyExists: ${name}`);
      this.excel.sheets.push(s);
    });
    return new FakeWorksheet(this.excel, s, new Set());
  }
}

class FakeWorksheet {
  constructor(
    private excel: FakeExcel,
    private sheet: FakeSheet,
    private props: Set<string>,
  ) {}
  get name() {
    if (!this.props.has('name')) throw new NotLoaded('name');
    return this.sheet.name;
  }
  get visibility() {
    if (!this.props.has('visibility')) throw new NotLoaded('visibility');
    return this.sheet.visibility;
  }
  set visibility(v: string) {
    this.excel.enqueue(() => {
      this.sheet.visibility = v;
    });
  }
  delete() {
    this.excel.enqueue(() => {
      this.excel.sheets = this.excel.sheets.filter((s) => s !== this.sheet);
    });
  }
  getUsedRangeOrNullObject() {
    return new FakeRange(this.excel, this.sheet, null);
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number) {
    return new FakeRange(this.excel, this.sheet, `${a1(r, c)}:${a1(r + rows - 1, c + cols - 1)}`);
  }
  getRange(address: string) {
    return new FakeRange(this.excel, this.sheet, address);
  }
  getRanges(address: string) {
    return new FakeRange(this.excel, this.sheet, address);
  }
  get charts() {
    const excel = this.excel;
    const sheet = this.sheet;
    return {
      add: (type: string, range: { address?: string } & object, _by: string) => {
        const rec: { type: string; range: string; title?: string; position?: string; legend?: boolean } = {
          type,
          range: (range as unknown as { addressFor: string }).addressFor,
        };
        excel.enqueue(() => sheet.charts.push(rec));
        return {
          title: {
            set text(t: string) {
              excel.enqueue(() => {
                rec.title = t;
              });
            },
          },
          legend: {
            set visible(v: boolean) {
              excel.enqueue(() => {
                rec.legend = v;
              });
            },
          },
          setPosition: (a: string) =>
            excel.enqueue(() => {
              rec.position = a;
            }),
        };
      },
    };
  }
  activate() {
    this.excel.enqueue(() => {
      this.excel.sheets.forEach((x) => {
        x.active = x === this.sheet;
      });
    });
  }
  get freezePanes() {
    return {
      freezeRows: (n: number) =>
        this.excel.enqueue(() => {
          this.sheet.frozenRows = n;
        }),
    };
  }
  get pageLayout() {
    const excel = this.excel;
    const sheet = this.sheet;
    return {
      set orientation(v: string) {
        excel.enqueue(() => sheet.formats.push({ address: '', prop: 'orientation', value: v }));
      },
      setPrintTitleRows(rows: string) {
        excel.enqueue(() => sheet.formats.push({ address: '', prop: 'printTitleRows', value: rows }));
      },
    };
  }
}

function bounds(sheet: FakeSheet) {
  let maxR = -1;
  let maxC = -1;
  let minR = Infinity;
  let minC = Infinity;
  for (const k of sheet.cells.keys()) {
    const { row, col } = parseA1(k);
    maxR = Math.max(maxR, row);
    maxC = Math.max(maxC, col);
    minR = Math.min(minR, row);
    minC = Math.min(minC, col);
  }
  return maxR < 0 ? null : { minR, minC, maxR, maxC };
}

class FakeRange extends Loadable {
  private data: {
    values: unknown[][];
    formulas: unknown[][];
    rowIndex: number;
    columnIndex: number;
    isNullObject: boolean;
  } | null = null;
  constructor(
    excel: FakeExcel,
    private sheet: FakeSheet,
    private address: string | null,
  ) {
    super(excel);
  }
  get addressFor() {
    return this.address;
  }
  load(props: string) {
    super.load(props);
    this.excel.enqueue(() => {
      const b = bounds(this.sheet);
      if (!b) {
        this.data = { values: [], formulas: [], rowIndex: 0, columnIndex: 0, isNullObject: true };
        return;
      }
      const values: unknown[][] = [];
      const formulas: unknown[][] = [];
      for (let r = b.minR; r <= b.maxR; r++) {
        values.push([]);
        formulas.push([]);
        for (let c = b.minC; c <= b.maxC; c++) {
          const cell = this.sheet.cells.get(a1(r, c));
          values[values.length - 1].push(cell ? (cell.formula ? '' : cell.value) : '');
          formulas[formulas.length - 1].push(cell ? (cell.formula ?? cell.value) : '');
        }
      }
      this.data = { values, formulas, rowIndex: b.minR, columnIndex: b.minC, isNullObject: false };
    });
    return this;
  }
  get isNullObject() {
    this.need('values');
    return this.data!.isNullObject;
  }
  get values() {
    this.need('values');
    return this.data!.values;
  }
  get formulas() {
    this.need('formulas');
    return this.data!.formulas;
  }
  get rowIndex() {
    this.need('rowIndex');
    return this.data!.rowIndex;
  }
  get columnIndex() {
    this.need('columnIndex');
    return this.data!.columnIndex;
  }
  private each(grid: unknown[][], f: (key: string, v: unknown) => void) {
    const start = parseA1(this.address!.split(':')[0]);
    grid.forEach((row, r) => row.forEach((v, c) => f(a1(start.row + r, start.col + c), v)));
  }
  set formulas(grid: unknown[][]) {
    this.excel.enqueue(() =>
      this.each(grid, (k, v) => {
        if (v === '' || v === null) {
          this.sheet.cells.delete(k);
          return;
        }
        if (typeof v === 'string' && v.startsWith('=')) this.sheet.cells.set(k, { value: null, formula: v });
        else this.sheet.cells.set(k, { value: typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v });
      }),
    );
  }
  set numberFormat(grid: unknown[][]) {
    this.excel.enqueue(() =>
      this.each(grid, (k, v) => {
        const c = this.sheet.cells.get(k);
        if (c) c.format = String(v);
      }),
    );
  }
  set values(grid: unknown[][]) {
    this.formulas = grid;
  }
  select() {
    this.excel.enqueue(() => {
      this.sheet.selected = this.address;
    });
  }
  get format(): object {
    const fill = {
      loadedColor: undefined as string | undefined,
      load: () => {
        this.excel.enqueue(() => {
          fill.loadedColor = this.sheet.fills.get(this.address!) ?? '#FFFFFF';
        });
        return fill;
      },
      get color(): string {
        if (fill.loadedColor === undefined) throw new NotLoaded('color');
        return fill.loadedColor;
      },
      set color(v: string) {
        /* replaced below */
      },
      clear: () =>
        this.excel.enqueue(() => {
          this.sheet.fills.delete(this.address!);
        }),
    };
    Object.defineProperty(fill, 'color', {
      get: () => {
        if (fill.loadedColor === undefined) throw new NotLoaded('color');
        return fill.loadedColor;
      },
      set: (v: string) =>
        this.excel.enqueue(() => {
          this.sheet.fills.set(this.address!, v);
        }),
    });
    const record = (prop: string) => (value: unknown) =>
      this.excel.enqueue(() => this.sheet.formats.push({ address: this.address!, prop, value }));
    const proxy = (prefix: string): object =>
      new Proxy(
        {},
        {
          set: (_t, p) => {
            record(`${prefix}${String(p)}`)(true);
            return true;
          },
          get: (_t, p) =>
            p === 'getItem'
              ? (edge: string) => proxy(`${prefix}borders.${edge}.`)
              : p === 'fill' && prefix === '' && !this.address!.includes(',') && !this.address!.includes(':')
                ? fill
                : proxy(`${prefix}${String(p)}.`),
        },
      );
    return proxy('');
  }
  merge() {
    this.excel.enqueue(() => this.sheet.merges.push(this.address!));
  }
  get dataValidation() {
    const sheet = this.sheet;
    const excel = this.excel;
    const address = this.address!;
    return {
      set rule(rule: unknown) {
        excel.enqueue(() => sheet.validations.push({ range: address, rule }));
      },
    };
  }
}

export { columnIndex };
