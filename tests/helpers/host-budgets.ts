/**
 * Host-call budgets (issue 15, item 5): what each operation may cost its host, as a function of the size of
 * what it works on, and the counting that measures it. tests/host-budgets.test.ts checks every row at two
 * sizes; a benchmark can import the table and the counters to print the same numbers.
 *
 * - Excel (Office.js): round trips, the `sync` calls the stand-in counts (FakeExcel.syncs). Commands queued
 *   between two syncs travel in one request: they are not round trips.
 * - Apps Script: every method call on the SpreadsheetApp stand-in's objects — SpreadsheetApp itself, the
 *   Spreadsheet, its Sheets, Ranges, RangeLists and builders — counted by the Proxy of `countedSheets`,
 *   coordinates (getA1Notation, getName…) included: each is a call into the service.
 */
import { FakeGasRange, FakeGasSheet, FakeSpreadsheet, fakeLockService, fakeSpreadsheetApp } from './fake-sheets';

export type BudgetHost = 'Excel (Office.js)' | 'Apps Script';

export interface HostBudget {
  /** The product's operation, as the panes name it. */
  operation: 'Kiểm tra' | 'Hoàn thành' | 'Tạo phiếu báo cáo' | 'Tổng hợp';
  /** The port call or server handler inside it ("(each …)": one call of it), or null for the whole operation. */
  step: string | null;
  host: BudgetHost;
  /** What is counted: Office.js syncs, or Apps Script method calls. */
  counts: 'syncs' | 'calls';
  /** What grows between the two sizes. */
  size: 'rows' | 'unit tabs' | 'unit spreadsheets';
  sizes: readonly [number, number];
  /** The count at any size… */
  constant: number;
  /** …plus this much per unit of size (0: constant). */
  perSize: number;
  /** A budget the product breaks today: where, and the counts measured at the two sizes. Its test is `test.failing`. */
  defect?: { where: string; measured: readonly [number, number] };
}

const ROWS = [50, 5000] as const;
const TABS = [2, 40] as const;
const X: BudgetHost = 'Excel (Office.js)';
const G: BudgetHost = 'Apps Script';

const row = (
  operation: HostBudget['operation'],
  step: string | null,
  host: BudgetHost,
  constant: number,
  more: Partial<HostBudget> = {},
): HostBudget => ({
  operation,
  step,
  host,
  counts: host === X ? 'syncs' : 'calls',
  size: 'rows',
  sizes: ROWS,
  constant,
  perSize: 0,
  ...more,
});

const tabs = { size: 'unit tabs', sizes: TABS } as const;
const units = { size: 'unit spreadsheets', sizes: TABS } as const;

/** Calls one unit spreadsheet costs the sidebar's Tổng hợp: its openById and its read (dxReadSource). */
export const PER_UNIT_SPREADSHEET = 119;

/**
 * The budgets, as measured on the stand-ins (tests/host-budgets.test.ts fails when one moves).
 * Rows: Kiểm tra on a unit workbook from the template whose T4 lists 50 or 5,000 sub-units, each added row
 * wrong (one highlight more per row); Hoàn thành on the same with consistent rows; Tạo phiếu báo cáo into a
 * workbook holding a user's own sheet of 50 or 5,000 rows. Tabs and spreadsheets: Tổng hợp over 2 or 40 units.
 */
export const HOST_BUDGETS: readonly HostBudget[] = [
  // paint: 2, the sheets' protection read, then the highlights between lifting and restoring it (a template's
  // sheets are protected, issue 16).
  row('Kiểm tra', null, X, 7),
  row('Kiểm tra', 'read', X, 2),
  row('Kiểm tra', 'readFills', X, 1),
  row('Kiểm tra', 'paint', X, 2),
  row('Kiểm tra', 'write', X, 2),
  // dxCheck: the read, 7 calls per sheet (getDataRange, getValues, getFormulas, getNumberFormats, getMergedRanges,
  // getName, isSheetHidden) for 10 sheets, getSheets, and the A1 of the template's 46 merged areas; the fills 3 and
  // the highlights 6 for the one sheet with problems (getSheetByName, getRange, getBackgrounds — getNotes,
  // setBackgrounds, setNotes); DX_DanhDau written whole (29); getActiveSpreadsheet and the lock's flush.
  row('Kiểm tra', null, G, 157),
  row('Kiểm tra', 'read', G, 117),
  row('Kiểm tra', 'readFills', G, 3),
  row('Kiểm tra', 'paint', G, 6),
  row('Kiểm tra', 'write', G, 29),
  row('Hoàn thành', null, X, 13),
  row('Hoàn thành', 'setCells', X, 2),
  row('Hoàn thành', 'paint', X, 2),
  row('Hoàn thành', null, G, 344),
  row('Hoàn thành', 'setCells', G, 4),
  row('Hoàn thành', 'paint', G, 6),
  row('Tạo phiếu báo cáo', null, X, 3),
  // 441 before issue 16, and 51 for the warning-only protections of its 8 protected sheets (protect,
  // setDescription, setWarningOnly, getRangeList, getRanges, setUnprotectedRanges) and the hidden DX_CauHinh.
  row('Tạo phiếu báo cáo', null, G, 492),
  // Tổng hợp in Excel over unit tabs of the open workbook, as the pane runs it: listSources, readSource per
  // tab (the tabs listSources read), write (names 1 + write 2 + chart 1).
  row('Tổng hợp', null, X, 6, {
    ...tabs,
  }),
  row('Tổng hợp', 'listSources', X, 2, tabs),
  // Each tab was read by listSources' one read: handing it over costs no sync.
  row('Tổng hợp', 'readSource (each tab)', X, 0, tabs),
  row('Tổng hợp', 'write', X, 4, tabs),
  // Tổng hợp in the sidebar: dxSources, dxReadSource per unit spreadsheet (openById + its read), dxSettings,
  // dxWriteConsolidation.
  row('Tổng hợp', null, G, 491, {
    ...units,
    perSize: PER_UNIT_SPREADSHEET,
  }),
  row('Tổng hợp', 'dxSources', G, 9, units),
  row('Tổng hợp', 'dxReadSource (each unit spreadsheet)', G, PER_UNIT_SPREADSHEET, units),
  row('Tổng hợp', 'dxSettings', G, 3, units),
  row('Tổng hợp', 'dxWriteConsolidation', G, 479, {
    ...units,
  }),
];

/** The count a budget allows at size n. */
export const budgetAt = (b: HostBudget, n: number): number => b.constant + b.perSize * n;

/** A budget's row by operation, step and host (throws when the table has none: a typo in a test). */
export function budget(operation: string, step: string | null, host: BudgetHost): HostBudget {
  const b = HOST_BUDGETS.find((x) => x.operation === operation && x.step === step && x.host === host);
  if (!b) throw new Error(`No budget for ${operation} / ${step ?? '(whole)'} / ${host}`);
  return b;
}

// ---------------------------------------------------------------------------------------------------------
// Counting Apps Script calls

/** Method calls by name ("Range.getValues"), for one spreadsheet and everything reached through it. */
export class CallCounter {
  calls: Record<string, number> = {};
  add(name: string) {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }
  total(): number {
    return Object.values(this.calls).reduce((a, b) => a + b, 0);
  }
  reset() {
    this.calls = {};
  }
}

/** Helpers of the stand-in that tests call, no product: not counted. */
const NOT_HOST = new Set(['count', 'rangeCalls', 'fill', 'constructor']);

/** What a method hands back that is a host object of its own kind (a builder, a list of ranges). */
const RESULT_KIND: Record<string, string> = {
  getRangeList: 'RangeList',
  protect: 'Protection',
  newChart: 'EmbeddedChartBuilder',
  newDataValidation: 'DataValidationBuilder',
};

function kindOf(x: unknown): string | null {
  if (x instanceof FakeSpreadsheet) return 'Spreadsheet';
  if (x instanceof FakeGasSheet) return 'Sheet';
  if (x instanceof FakeGasRange) return 'Range';
  return null;
}

/**
 * SpreadsheetApp and LockService globals over `active` whose objects count every method call, into one
 * CallCounter per spreadsheet (`counterOf`): the active one, and each one openById reaches (the unit's,
 * which also counts its openById). The stand-in's objects run as they are — the counting wraps them only,
 * and the product's own objects passed back in (a sheet to delete, a range to chart) are unwrapped first.
 */
export function countedSheets(active: FakeSpreadsheet) {
  const counters = new Map<FakeSpreadsheet, CallCounter>();
  const counterOf = (ss: FakeSpreadsheet) => {
    let c = counters.get(ss);
    if (!c) counters.set(ss, (c = new CallCounter()));
    return c;
  };
  const proxies = new WeakMap<object, object>();
  const targets = new WeakMap<object, object>();
  const unwrap = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(unwrap) // a list of ranges handed back (Protection.setUnprotectedRanges)
      : typeof x === 'object' && x !== null && targets.has(x)
        ? targets.get(x)
        : x;

  const wrap = <T>(target: T, counter: CallCounter, kind: string): T => {
    const t = target as unknown as object;
    const known = proxies.get(t);
    if (known) return known as T;
    const proxy = new Proxy(t, {
      get(obj, prop) {
        const v = Reflect.get(obj, prop, obj) as unknown;
        if (typeof v !== 'function' || typeof prop !== 'string' || NOT_HOST.has(prop)) return v;
        return (...args: unknown[]) => {
          counter.add(`${kind}.${prop}`);
          return result((v as (...a: unknown[]) => unknown).apply(obj, args.map(unwrap)), counter, prop);
        };
      },
    });
    proxies.set(t, proxy);
    targets.set(proxy, t);
    return proxy as T;
  };

  const result = (r: unknown, counter: CallCounter, method: string): unknown => {
    if (typeof r !== 'object' || r === null) return r;
    if (proxies.has(r)) return proxies.get(r);
    const kind = kindOf(r);
    if (kind) return wrap(r, kind === 'Spreadsheet' ? counterOf(r as FakeSpreadsheet) : counter, kind);
    if (RESULT_KIND[method]) return wrap(r, counter, RESULT_KIND[method]);
    if (Array.isArray(r) && r.length && kindOf(r[0])) return r.map((x) => result(x, counter, method));
    return r;
  };

  const base = fakeSpreadsheetApp(active);
  const app = (name: string, f: () => unknown, counter = counterOf(active)) => {
    counter.add(`SpreadsheetApp.${name}`);
    return f();
  };
  const SpreadsheetApp = {
    ...base,
    getActiveSpreadsheet: () => app('getActiveSpreadsheet', () => wrap(active, counterOf(active), 'Spreadsheet')),
    openById: (id: string) => {
      const ss = base.openById(id);
      return app('openById', () => wrap(ss, counterOf(ss), 'Spreadsheet'), counterOf(ss));
    },
    flush: () => app('flush', () => undefined),
    newDataValidation: () =>
      app('newDataValidation', () => wrap(base.newDataValidation(), counterOf(active), 'DataValidationBuilder')),
  };
  return {
    SpreadsheetApp,
    LockService: fakeLockService(active),
    /** The active spreadsheet, counting: for a port made in a test (new SheetsWorkbook(spreadsheet)). */
    spreadsheet: wrap(active, counterOf(active), 'Spreadsheet'),
    counter: counterOf(active),
    counterOf,
    /** Every spreadsheet's calls together. */
    all: () => [...counters.values()].reduce((n, c) => n + c.total(), 0),
  };
}

/** Installs the counting globals the server code reads (SpreadsheetApp, LockService); returns them. */
export function installCountedSheets(active: FakeSpreadsheet) {
  const counted = countedSheets(active);
  const g = globalThis as unknown as Record<string, unknown>;
  g.SpreadsheetApp = counted.SpreadsheetApp;
  g.LockService = counted.LockService;
  return counted;
}

// ---------------------------------------------------------------------------------------------------------
// Counting by port call

/** The WorkbookPort's calls (shared/workbook/port.ts); the adapters' private helpers run inside them. */
export const PORT_METHODS = [
  'sheetNames',
  'read',
  'write',
  'readFills',
  'paint',
  'setCells',
  'select',
  'chart',
] as const;

export interface StepCount {
  step: string;
  calls: number;
}

/**
 * Patches a port class's methods (OfficeWorkbook.prototype, SheetsWorkbook.prototype) to record what each call
 * cost the host (`count` read before and after; an async call is awaited first), also when the port is made
 * inside a handler. Operations make one port call at a time, so the steps add up to the whole. `restore` puts
 * the methods back.
 */
export function countingMethods(
  proto: object,
  count: () => number,
  names: readonly string[] = PORT_METHODS,
): { steps: StepCount[]; restore: () => void } {
  const steps: StepCount[] = [];
  const saved: Array<[string, PropertyDescriptor]> = [];
  for (const name of names) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (!d || typeof d.value !== 'function') continue;
    const f = d.value as (...a: unknown[]) => unknown;
    saved.push([name, d]);
    Object.defineProperty(proto, name, {
      ...d,
      value(this: unknown, ...args: unknown[]) {
        const before = count();
        const done = <T>(x: T) => {
          steps.push({ step: name, calls: count() - before });
          return x;
        };
        const r = f.apply(this, args);
        return r instanceof Promise ? r.then(done) : done(r);
      },
    });
  }
  return { steps, restore: () => saved.forEach(([name, d]) => Object.defineProperty(proto, name, d)) };
}

/** The calls of each step, summed by step name ({ read: 2, paint: 1 }). */
export function byStep(steps: StepCount[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of steps) out[s.step] = (out[s.step] ?? 0) + s.calls;
  return out;
}
