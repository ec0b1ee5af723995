/*
 * Host-call budgets as tests (issue 15, item 5). Each row of HOST_BUDGETS (tests/helpers/host-budgets.ts) is
 * measured at its two sizes on the instrumented stand-ins — Office.js syncs (fake-excel.ts), every Apps Script
 * method call on the SpreadsheetApp stand-in's objects (fake-sheets.ts, through the counting Proxy of
 * countedSheets) — and must be the stated count at both: a loop of per-cell host calls makes the count grow
 * with the rows and the row fail (the last describe proves it with two deliberately per-cell ports).
 *
 * What other tests already count is left to them (check.test.ts: Kiểm tra's 6 syncs on a hand-typed table;
 * hosts.workbook.test.ts: the read's 4 range calls; consolidate.hosts.test.ts: the annex write's syncs); here
 * every operation is measured per port call, on unit workbooks made from the template, at two sizes.
 *
 * Apps Script runs the server's sources (appsscript/server/handlers.ts — what Code.js bundles) with counting
 * SpreadsheetApp and LockService globals, and the sidebar's own gasConsolidation over a google.script.run that
 * answers with the handlers under the plain-data rules; Excel runs OfficeWorkbook and the pane's bridge on the
 * Office.js stand-in. Excel counts round trips only: the commands queued before one sync are one request.
 */
import { OfficeWorkbook } from '../addin/office-workbook';
import { officeConsolidation } from '../addin/taskpane/consolidate-bridge';
import { handlers } from '../appsscript/server/handlers';
import { SheetsWorkbook } from '../appsscript/server/sheets-workbook';
import { gasConsolidation } from '../appsscript/sidebar/gas-consolidation';
import { check, checkOp, complete } from '../shared/operations/check';
import { createTemplate } from '../shared/operations/create-template';
import { DEFAULT_REGISTRIES } from '../shared/registry/default';
import { runSync } from '../shared/operations/run';
import { CellMark, SheetSnapshot } from '../shared/workbook/port';
import { FakeExcel } from './helpers/fake-excel';
import { FakeSpreadsheet } from './helpers/fake-sheets';
import { gasCall } from './helpers/gas-run-rules';
import {
  budget,
  budgetAt,
  BudgetHost,
  byStep,
  countingMethods,
  HOST_BUDGETS,
  HostBudget,
  installCountedSheets,
  PER_UNIT_SPREADSHEET,
} from './helpers/host-budgets';
import { CONSISTENT, unitSheets } from './helpers/unit-fixture';

const NOW = new Date(2023, 6, 10, 9, 30);
const EXCEL: BudgetHost = 'Excel (Office.js)';
const GAS: BudgetHost = 'Apps Script';

// ---------------------------------------------------------------------------------------------------------
// Workbooks

const memo = <T>(f: () => Promise<T>) => {
  let p: Promise<T> | null = null;
  return () => (p ??= f());
};

/** A unit workbook from the template, filled consistently (seeds 000–003). */
const template = memo(() => unitSheets(CONSISTENT));

/** Registered wards: the sub-units T4 lists (their names are matched once each, so 5,000 rows stay quick). */
const WARDS = DEFAULT_REGISTRIES[0].units.map((u) => u.name).filter((u) => u.startsWith('Phường'));

/**
 * The unit's T4 (feedback) listing n sub-units: its own row and n − 1 more. Each added row breaks
 * "received = resolved + in process" when `broken`, so Kiểm tra highlights n − 1 cells more.
 */
async function unitWithRows(n: number, broken: boolean): Promise<SheetSnapshot[]> {
  return (await template()).map((s) => {
    if (s.name !== 'T4 Phản ánh') return s;
    const rows = Array.from({ length: n - 1 }, (_, i) => [
      i + 2,
      WARDS[i % WARDS.length],
      broken ? 17 : 16,
      10,
      6,
      4,
      6,
      2,
      4,
    ]);
    return { ...s, values: [...s.values.slice(0, 6), ...rows] };
  });
}

/** The sheets in an Excel stand-in, as a user's workbook holds them (values, merged areas, hidden sheets). */
function inExcel(sheets: SheetSnapshot[], excel = new FakeExcel({ today: NOW })): FakeExcel {
  for (const s of sheets) {
    const x = excel.fill(s.name, s.values);
    x.merges = [...(s.merges ?? [])];
    if (s.hidden) x.visibility = 'Hidden';
  }
  return excel;
}

/** The same in a Google spreadsheet stand-in. */
function inSheets(sheets: SheetSnapshot[], ss = new FakeSpreadsheet()): FakeSpreadsheet {
  ss.today = NOW;
  for (const s of sheets) {
    const x = ss.fill(s.name, s.values);
    x.merges = [...(s.merges ?? [])];
    x.hidden = Boolean(s.hidden);
  }
  return ss;
}

// ---------------------------------------------------------------------------------------------------------
// Measuring

interface Measure {
  /** The whole operation's count. */
  total: number;
  /** By port call (or handler), summed. */
  steps: Record<string, number>;
  result: unknown;
}

/** An operation on an Excel stand-in: its syncs, in all and by port call. */
async function onExcel(excel: FakeExcel, run: (book: OfficeWorkbook) => Promise<unknown>): Promise<Measure> {
  const steps = countingMethods(OfficeWorkbook.prototype, () => excel.syncs);
  const before = excel.syncs;
  try {
    const result = await run(new OfficeWorkbook(excel.run));
    return { result, total: excel.syncs - before, steps: byStep(steps.steps) };
  } finally {
    steps.restore();
  }
}

/**
 * A handler of the Apps Script server on a spreadsheet stand-in, through the counting globals, at the time NOW
 * (the handlers read the clock): its calls, in all and by port call.
 */
function onSheets(ss: FakeSpreadsheet, run: () => unknown): Measure & { calls: Record<string, number> } {
  const counted = installCountedSheets(ss);
  const steps = countingMethods(SheetsWorkbook.prototype, counted.all);
  jest.useFakeTimers({ now: NOW });
  try {
    const result = run();
    return { result, total: counted.all(), steps: byStep(steps.steps), calls: counted.counter.calls };
  } finally {
    jest.useRealTimers();
    steps.restore();
  }
}

type Issues = { issues: Array<{ rule: string; sheet: string }> };

/** Kiểm tra on the unit workbook with n rows, each added one wrong. */
async function measureCheck(host: BudgetHost, n: number): Promise<Measure> {
  const sheets = await unitWithRows(n, true);
  const m =
    host === EXCEL
      ? await onExcel(inExcel(sheets), (book) => check(book, { now: NOW }))
      : onSheets(inSheets(sheets), () => handlers.dxCheck());
  // The size is real: one highlight more per row added.
  const issues = (m.result as Issues).issues;
  expect(issues.filter((i) => i.rule === 'CONG-THUC' && i.sheet === 'T4 Phản ánh')).toHaveLength(n - 1);
  return m;
}

/** Hoàn thành on the unit workbook with n consistent rows: Kiểm tra, then the stamp and the records. */
async function measureComplete(host: BudgetHost, n: number): Promise<Measure> {
  const sheets = await unitWithRows(n, false);
  const m =
    host === EXCEL
      ? await onExcel(inExcel(sheets), (book) => complete(book, NOW, { now: NOW }))
      : onSheets(inSheets(sheets), () => handlers.dxComplete());
  expect(m.result).toMatchObject({ ok: true });
  return m;
}

/** A user's own sheet of n rows, which "Tạo phiếu báo cáo" must neither read nor touch. */
const ownRows = (n: number) => [
  ['Ngày', 'Việc', 'Số'],
  ...Array.from({ length: n }, (_, i) => [`${(i % 28) + 1}/6/2023`, `Việc số ${i + 1}`, i]),
];

async function measureTemplate(host: BudgetHost, n: number): Promise<Measure> {
  const input = { unit: 'Phường Lộc Thọ', period: '2023-06', preparer: 'A' };
  const own = [{ name: 'Sổ theo dõi', values: ownRows(n) }] as SheetSnapshot[];
  return host === EXCEL
    ? onExcel(inExcel(own), (book) => createTemplate(book, input))
    : onSheets(inSheets(own), () => handlers.dxCreateTemplate(input));
}

/** Registered units, each with its filled workbook: the consolidation's sources. */
const UNITS = DEFAULT_REGISTRIES.flatMap((r) => r.units.map((u) => u.name))
  .filter((u, i, all) => all.indexOf(u) === i)
  .slice(0, 40);
const unitBooks = new Map<string, Promise<SheetSnapshot[]>>();
const unitBook = (unit: string) => {
  if (!unitBooks.has(unit)) unitBooks.set(unit, unitSheets(CONSISTENT, unit));
  return unitBooks.get(unit)!;
};

const TAB_SIZES = [2, 40] as const;
const CONSOLIDATE = { period: '2023-06', includeErrors: true, now: NOW };

/**
 * "Tổng hợp" in Excel over n unit tabs of the open workbook, as the pane runs it (ui/consolidate-panel.ts):
 * the sources listed, each read, then the annexes written.
 */
async function measureExcelTabs(n: number): Promise<Measure & { readSource: number[] }> {
  const excel = new FakeExcel({ today: NOW });
  for (const [i, unit] of UNITS.slice(0, n).entries()) {
    const sheets = await unitBook(unit);
    const grid = (name: string) => sheets.find((s) => s.name === name)!.values;
    excel.fill(`Đơn vị ${i + 1}`, [...grid('Thông tin chung'), [], ...grid('T1 Chỉ tiêu')]);
  }
  const phases: Record<string, number> = {};
  const readSource: number[] = [];
  const m = await onExcel(excel, async (book) => {
    const bridge = officeConsolidation(book);
    let at = excel.syncs;
    const phase = (name: string) => {
      phases[name] = (phases[name] ?? 0) + excel.syncs - at;
      at = excel.syncs;
    };
    const listed = await bridge.listSources!();
    phase('listSources');
    const sources = [];
    for (const x of listed) {
      sources.push(await bridge.readSource!(x.id));
      readSource.push(excel.syncs - at);
      phase('readSource (each tab)');
    }
    const summary = await bridge.write(sources, CONSOLIDATE, () => false);
    phase('write');
    return summary;
  });
  expect((m.result as { included: unknown[] }).included).toHaveLength(n);
  return { ...m, steps: phases, readSource };
}

/** google.script.run answered by the server's handlers, under its plain-data rules (gas-run-rules.ts). */
function scriptRun(record: (name: string, f: () => unknown) => unknown) {
  type Done = (v: unknown) => void;
  const make = (ok?: Done, fail?: Done): unknown =>
    new Proxy(
      {},
      {
        get: (_t, prop: string) => {
          if (prop === 'withSuccessHandler') return (f: Done) => make(f, fail);
          if (prop === 'withFailureHandler') return (f: Done) => make(ok, f);
          return (...args: unknown[]) => {
            try {
              ok?.(record(prop, () => gasCall(handlers as never, prop, args)));
            } catch (e) {
              fail?.(e);
            }
          };
        },
      },
    );
  (globalThis as unknown as { google: unknown }).google = {
    script: {
      get run() {
        return make();
      },
    },
  };
}

/** A unit's Google spreadsheet: its filled workbook's sheets. */
const spreadsheetId = (i: number) => `1UnitSpreadsheet${String(i).padStart(4, '0')}AbCdEfGhIjKlMnOpQr`;

/**
 * "Tổng hợp" in the sidebar over n unit spreadsheets listed in DX_NguonDuLieu, as the sidebar runs it
 * (gasConsolidation): dxSources, one dxReadSource per unit (openById), dxSettings, dxWriteConsolidation.
 */
async function measureSheetsUnits(n: number) {
  const secretariat = new FakeSpreadsheet('Tổng hợp CĐS tháng 6/2023');
  secretariat.fill('DX_NguonDuLieu', [
    ['Đơn vị', 'Bảng tính (địa chỉ hoặc ID)'],
    ...UNITS.slice(0, n).map((u, i) => [u, spreadsheetId(i)]),
  ]);
  const units: FakeSpreadsheet[] = [];
  for (const [i, unit] of UNITS.slice(0, n).entries()) {
    const ss = inSheets(await unitBook(unit), new FakeSpreadsheet(`Báo cáo CĐS — ${unit}`));
    secretariat.others[spreadsheetId(i)] = ss;
    units.push(ss);
  }
  const counted = installCountedSheets(secretariat);
  const handlersCost: Record<string, number[]> = {};
  scriptRun((name, f) => {
    const before = counted.all();
    try {
      return f();
    } finally {
      (handlersCost[name] ??= []).push(counted.all() - before);
    }
  });
  const listed = await gasConsolidation.listSources!();
  const sources = [];
  for (const x of listed) sources.push(await gasConsolidation.readSource!(x.id));
  const summary = await gasConsolidation.write(sources, CONSOLIDATE, () => false);
  expect(summary.included).toHaveLength(n);
  return {
    total: counted.all(),
    handlers: handlersCost,
    perUnit: units.map((u) => counted.counterOf(u).total()),
    opens: units.map((u) => counted.counterOf(u).calls['SpreadsheetApp.openById'] ?? 0),
    unitCalls: counted.counterOf(units[0]).calls,
    secretariat: counted.counter.calls,
  };
}

afterAll(() => {
  const g = globalThis as unknown as Record<string, unknown>;
  delete g.SpreadsheetApp;
  delete g.LockService;
  delete g.google;
});

// ---------------------------------------------------------------------------------------------------------
// The budgets

const once = new Map<string, Promise<unknown>>();
const memoKey = <T>(key: string, f: () => Promise<T>): Promise<T> => {
  if (!once.has(key)) once.set(key, f());
  return once.get(key) as Promise<T>;
};

/** The one count every call of a step cost (each tab, each unit spreadsheet): they must all be the same. */
function each(counts: number[]): number {
  expect(new Set(counts).size).toBe(1);
  return counts[0];
}

/** What a budget's row counts, at size n. */
async function measured(b: HostBudget, n: number): Promise<number> {
  const pick = (m: Measure) => (b.step === null ? m.total : (m.steps[b.step] ?? 0));
  switch (b.operation) {
    case 'Kiểm tra':
      return pick(await memoKey(`check ${b.host} ${n}`, () => measureCheck(b.host, n)));
    case 'Hoàn thành':
      return pick(await memoKey(`complete ${b.host} ${n}`, () => measureComplete(b.host, n)));
    case 'Tạo phiếu báo cáo':
      return pick(await memoKey(`template ${b.host} ${n}`, () => measureTemplate(b.host, n)));
    case 'Tổng hợp':
      if (b.host === EXCEL) {
        const m = await memoKey(`tabs ${n}`, () => measureExcelTabs(n));
        return b.step === 'readSource (each tab)' ? each(m.readSource) : pick(m);
      } else {
        const m = await memoKey(`units ${n}`, () => measureSheetsUnits(n));
        if (b.step === null) return m.total;
        return each(m.handlers[b.step === 'dxReadSource (each unit spreadsheet)' ? 'dxReadSource' : b.step]);
      }
  }
}

const label = (b: HostBudget) =>
  `${b.operation}${b.step ? ` / ${b.step}` : ''} / ${b.host}: ${b.counts} for ${b.sizes.join(' and ')} ${b.size}`;

/** The counts at the budget's two sizes are what it states (a constant: the same at both, and that number). */
function expectBudget(b: HostBudget, counts: readonly [number, number]): void {
  expect({ budget: label(b), counts }).toEqual({ budget: label(b), counts: b.sizes.map((n) => budgetAt(b, n)) });
}

describe('host-call budgets (HOST_BUDGETS, tests/helpers/host-budgets.ts)', () => {
  for (const b of HOST_BUDGETS) {
    const stated = b.perSize ? `${b.constant} + ${b.perSize} per ${b.size.replace(/s$/, '')}` : `${b.constant}`;
    // A budget the product breaks stays visible: its test is expected to fail, and starts failing (so the
    // table gets updated) the day the defect is fixed.
    const run = b.defect ? test.failing : test;
    run(
      `${label(b)} = ${stated}${b.defect ? ` — DEFECT: ${b.defect.where}` : ''}`,
      async () => expectBudget(b, [await measured(b, b.sizes[0]), await measured(b, b.sizes[1])]),
      120000,
    );
    // What a broken budget costs instead, as the table says (for the benchmark, and so the defect is the one named).
    if (b.defect)
      test(`${label(b)}: measured ${b.defect.measured.join(' and ')}`, async () => {
        expect([await measured(b, b.sizes[0]), await measured(b, b.sizes[1])]).toEqual(b.defect!.measured);
      }, 120000);
  }

  test('Tổng hợp in Apps Script opens each unit spreadsheet once, and reads it in one call of its own', async () => {
    for (const n of TAB_SIZES) {
      const m = await memoKey(`units ${n}`, () => measureSheetsUnits(n));
      expect(m.opens).toEqual(Array(n).fill(1));
      // Each unit spreadsheet costs its dxReadSource call alone, the same for each, whatever the number of units.
      expect(m.perUnit).toEqual(Array(n).fill(PER_UNIT_SPREADSHEET));
      expect(m.handlers.dxReadSource).toEqual(m.perUnit);
    }
  }, 120000);

  test('every row of the table is measured at two different sizes, and named once', () => {
    for (const b of HOST_BUDGETS) expect(b.sizes[0]).toBeLessThan(b.sizes[1]);
    expect(new Set(HOST_BUDGETS.map(label)).size).toBe(HOST_BUDGETS.length);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The budgets catch a per-cell loop

/** Apps Script highlights painted one cell at a time: getRange, setBackground and setNote for each cell. */
class PerCellSheets extends SheetsWorkbook {
  constructor(private readonly book: GoogleAppsScript.Spreadsheet.Spreadsheet) {
    super(book);
  }
  paint(marks: CellMark[]): void {
    for (const m of marks) {
      const cell = this.book.getSheetByName(m.sheet)!.getRange(m.cell);
      cell.setBackground(m.fill);
      if (m.note !== undefined) cell.setNote(m.note ?? '');
    }
  }
}

/** Excel highlights painted with one sync per cell. */
class PerCellExcel extends OfficeWorkbook {
  constructor(private readonly runner: FakeExcel['run']) {
    super(runner);
  }
  async paint(marks: CellMark[]): Promise<void> {
    for (const m of marks)
      await this.runner(async (context) => {
        const fill = context.workbook.worksheets.getItem(m.sheet).getRange(m.cell).format.fill;
        if (m.fill) fill.color = m.fill;
        else fill.clear();
        await context.sync();
      });
  }
}

describe('a per-cell port breaks the budgets', () => {
  test('Apps Script: Kiểm tra painting cell by cell fails its budget, by the calls of its loop', async () => {
    const b = budget('Kiểm tra', null, GAS);
    const counts: number[] = [];
    const cells: number[] = [];
    for (const n of b.sizes) {
      const m = onSheets(inSheets(await unitWithRows(n, true)), () =>
        runSync(checkOp(new PerCellSheets(SpreadsheetApp.getActiveSpreadsheet()), { now: NOW })),
      );
      counts.push(m.total);
      cells.push(m.calls['Range.setBackground']);
    }
    expect(() => expectBudget(b, counts as [number, number])).toThrow();
    // The growth is the loop's: a getSheetByName, a getRange, a setBackground and a setNote per cell.
    expect(counts[1] - counts[0]).toBe(4 * (cells[1] - cells[0]));
    expect(cells[1] - cells[0]).toBeGreaterThanOrEqual(b.sizes[1] - b.sizes[0]);
  }, 120000);

  test('Excel: Kiểm tra painting with one sync per cell fails its budget', async () => {
    const b = budget('Kiểm tra', null, EXCEL);
    const counts: number[] = [];
    for (const n of b.sizes) {
      const excel = inExcel(await unitWithRows(n, true));
      const before = excel.syncs;
      await check(new PerCellExcel(excel.run), { now: NOW });
      counts.push(excel.syncs - before);
    }
    expect(() => expectBudget(b, counts as [number, number])).toThrow();
    expect(counts[1] - counts[0]).toBeGreaterThanOrEqual(b.sizes[1] - b.sizes[0]);
  }, 120000);
});
