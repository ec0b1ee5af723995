/*
 * Tổng hợp past Apps Script's 6 minutes (issue 15, item 6): the server reads the unit spreadsheets in steps that
 * save what they read (the hidden sheet DX_TienDo, the run's state in the document's properties), the sidebar
 * goes on with "Tiếp tục", and the annexes are written only once every unit is read. The server modules run
 * here on the SpreadsheetApp, LockService, PropertiesService and Utilities stand-ins (tests/helpers/fake-sheets.ts),
 * the sidebar's bridge (appsscript/sidebar/gas-consolidation.ts) on a google.script.run that calls them under
 * its documented rules (tests/helpers/gas-run-rules.ts).
 */
import {
  CELL_TEXT,
  continueRun,
  PROGRESS_SHEET,
  savedSources,
  STATE_KEY,
  STEP_BUDGET_MS,
} from '../appsscript/server/chunked-consolidation';
import { handlers } from '../appsscript/server/handlers';
import { gasConsolidation, runOptions } from '../appsscript/sidebar/gas-consolidation';
import { ConsolidateOptionsInput, SavedProgress } from '../ui/consolidate-panel';
import {
  CELL_TOO_LONG,
  documentProperties,
  FakeProperties,
  FakeSpreadsheet,
  fakeLockService,
  fakePropertiesService,
  fakeSpreadsheetApp,
  fakeUtilities,
  PROPERTY_TOO_LARGE,
} from './helpers/fake-sheets';
import { gasCall } from './helpers/gas-run-rules';
import { launchChromium } from './helpers/browser';
import { bridgeGoogleScriptRun } from './helpers/gas-bridge';
import { DIST, loadAppsScript } from './helpers/hosts';
import * as path from 'path';
import { CONSISTENT, unitSheets } from './helpers/unit-fixture';

const WARDS = [
  'Vĩnh Hòa',
  'Vĩnh Hải',
  'Vĩnh Phước',
  'Vĩnh Thọ',
  'Xương Huân',
  'Vạn Thắng',
  'Vạn Thạnh',
  'Phương Sài',
  'Phương Sơn',
  'Ngọc Hiệp',
  'Phước Hòa',
  'Lộc Thọ',
];
const NOW = new Date(2023, 6, 25, 9, 30);
const OPTIONS: ConsolidateOptionsInput = { includeErrors: false, period: '2023-06', deadlineDay: 20, now: NOW };
const idOf = (i: number) => `1Unit${String(i).padStart(2, '0')}${'x'.repeat(36)}`;

/** The twelve wards' spreadsheets, made once: each a unit workbook of the template, filled. */
let units: FakeSpreadsheet[] = [];
beforeAll(async () => {
  units = [];
  for (const [i, w] of WARDS.entries()) {
    const sheets = await unitSheets(
      [
        ...CONSISTENT,
        { table: 'T1', row: 'XHS.DDDT', field: 'numerator', value: 40000 + i * 1000 },
        { table: 'T1', row: 'XHS.DDDT', field: 'denominator', value: 120000 },
      ],
      `Phường ${w}`,
    );
    const ss = new FakeSpreadsheet(`Báo cáo CĐS — Phường ${w}`);
    for (const s of sheets) ss.fill(s.name, s.values);
    units.push(ss);
  }
}, 120000);

/** A secretariat spreadsheet listing units `list` (indexes into `units`; -1 for an ID nobody can open). */
function secretariat(list: number[]): FakeSpreadsheet {
  const ss = new FakeSpreadsheet('Tổng hợp CĐS tháng 6/2023');
  ss.fill('Ghi chép', [['Ghi chú của văn phòng']]);
  for (const u of list) if (u >= 0) ss.others[idOf(u)] = units[u];
  listUnits(ss, list);
  return ss;
}

function listUnits(ss: FakeSpreadsheet, list: number[]): void {
  const old = ss.getSheetByName('DX_NguonDuLieu');
  if (old) old.cells.clear();
  ss.fill('DX_NguonDuLieu', [
    ['Đơn vị', 'Bảng tính (địa chỉ hoặc ID)'],
    ...list.map((u, i) =>
      u >= 0 ? [`Phường ${WARDS[u]}`, idOf(u)] : [`Đơn vị lạ ${i}`, `1Gone${i}${'y'.repeat(36)}`],
    ),
  ]);
}

/** The host's globals for scripts run on `ss`; `opened` counts the unit spreadsheets opened by ID. */
function host(ss: FakeSpreadsheet) {
  const app = fakeSpreadsheetApp(ss);
  const opened: string[] = [];
  const utilities = fakeUtilities();
  const g = globalThis as unknown as Record<string, unknown>;
  g.SpreadsheetApp = {
    ...app,
    openById: (id: string) => {
      opened.push(id);
      return app.openById(id);
    },
  };
  g.LockService = fakeLockService(ss);
  g.PropertiesService = fakePropertiesService(ss);
  g.Utilities = utilities;
  // google.script.run, answering from the server modules: arguments and results copied under its rules.
  const make = (ok?: (v: unknown) => void, fail?: (e: Error) => void): unknown =>
    new Proxy(
      {},
      {
        get: (_t, prop: string) => {
          if (prop === 'withSuccessHandler') return (f: (v: unknown) => void) => make(f, fail);
          if (prop === 'withFailureHandler') return (f: (e: Error) => void) => make(ok, f);
          return (...args: unknown[]) =>
            void Promise.resolve().then(() => {
              try {
                ok?.(gasCall(handlers as unknown as Record<string, (...a: unknown[]) => unknown>, prop, args));
              } catch (e) {
                fail?.(e as Error);
              }
            });
        },
      },
    );
  g.google = { script: { run: make() } };
  return { opened, utilities };
}

afterEach(() => {
  const g = globalThis as unknown as Record<string, unknown>;
  for (const k of ['SpreadsheetApp', 'LockService', 'PropertiesService', 'Utilities', 'google']) delete g[k];
});

/** The sidebar's old one-shot Tổng hợp: every source read, one call each, then the one write. */
async function oneShot(ss: FakeSpreadsheet, opts = OPTIONS) {
  host(ss);
  const sources = [];
  for (const s of await gasConsolidation.listSources!()) sources.push(await gasConsolidation.readSource!(s.id));
  return gasConsolidation.write(sources, opts, () => false);
}

/** Every sheet but the source list, by name: its cells (value, formula, format), merges, visibility, charts. */
function annexes(ss: FakeSpreadsheet) {
  return Object.fromEntries(
    ss.sheets
      .filter((s) => !['DX_NguonDuLieu', 'Ghi chép'].includes(s.name))
      .map((s) => [
        s.name,
        {
          hidden: s.hidden,
          merges: [...s.merges].sort(),
          charts: s.charts.length,
          cells: [...s.cells.entries()]
            .filter(([, c]) => c.value !== null || c.formula)
            .map(([k, c]) => [k, c.value, c.formula ?? null, c.format ?? null])
            .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
        },
      ]),
  );
}

const cellsOf = (ss: FakeSpreadsheet, name: string) => JSON.stringify([...ss.getSheetByName(name)!.cells.entries()]);

/** The saved rows of DX_TienDo below its header. */
function progressRows(ss: FakeSpreadsheet): unknown[][] {
  const sheet = ss.getSheetByName(PROGRESS_SHEET)!;
  if (sheet.getMaxRows() < 2) return [];
  return sheet.getRange(2, 1, sheet.getMaxRows() - 1, 5).getValues();
}

const sidebar = gasConsolidation.chunked!;

test('stopped after the first chunk: nothing written, the units saved; resumed, the annexes a one-shot run makes', async () => {
  const all = WARDS.map((_, i) => i);
  // What the sidebar's one-shot run writes for the twelve wards.
  const reference = secretariat(all);
  const expected = await oneShot(reference);
  expect(expected.included).toHaveLength(12);

  // A former run's annexes (three wards) in the spreadsheet the new run is made in.
  const ss = secretariat([0, 1, 2]);
  all.forEach((u) => (ss.others[idOf(u)] = units[u]));
  await oneShot(ss);
  const former = cellsOf(ss, 'Phụ lục I');
  const names = ss.sheets.map((s) => s.name);
  listUnits(ss, all);
  const { opened, utilities } = host(ss);

  // Started: the units listed, the state saved, no unit read yet.
  const started = handlers.dxConsolidationStart(runOptions(OPTIONS), false);
  expect(started).toMatchObject({ pending: false, read: 0, total: 12, done: false, next: 'Phường Vĩnh Hòa' });
  expect(opened).toEqual([]);
  // A unit takes 55 s to read: the budget (4.5 minutes) runs out after five.
  const first = continueRun({ clock: () => opened.length * 55000 });
  expect(STEP_BUDGET_MS).toBe(270000);
  expect(first).toMatchObject({ done: false, read: 5, total: 12, next: 'Phường Vạn Thắng' });
  expect(opened).toEqual([0, 1, 2, 3, 4].map(idOf));

  // No annex written or replaced: the former run's Phụ lục I as it was, no sheet but DX_TienDo added.
  expect(cellsOf(ss, 'Phụ lục I')).toBe(former);
  expect(ss.sheets.map((s) => s.name)).toEqual([...names, PROGRESS_SHEET]);
  // DX_TienDo: hidden, cut to its five columns and the rows it holds, one gzipped unit a row.
  const tiendo = ss.getSheetByName(PROGRESS_SHEET)!;
  expect(tiendo.hidden).toBe(true);
  expect([tiendo.getMaxColumns(), tiendo.getMaxRows()]).toEqual([5, 6]);
  const rows = progressRows(ss);
  expect(rows.map((r) => [r[0], r[1], r[2], r[3]])).toEqual([0, 1, 2, 3, 4].map((i) => [started.run, i, 0, 1]));
  for (const r of rows) expect(String(r[4]).length).toBeLessThan(CELL_TEXT);
  expect(utilities.calls.gzip).toBe(5);
  // The state in the document's properties: the pending run, as a new sidebar finds it.
  expect(documentProperties(ss).map.get(STATE_KEY)).toBeDefined();
  expect(await sidebar.pending()).toMatchObject({ read: 5, total: 12, next: 'Phường Vạn Thắng', unreadable: [] });
  expect(() => savedSources(started.run, 0)).toThrow(/Chưa đọc xong/);

  // "Tiếp tục" (the form left empty: the run's own options count), one unit a call, then the one write.
  const seen: SavedProgress[] = [];
  const outcome = await sidebar.run(
    'resume',
    { includeErrors: true },
    (p) => seen.push(p),
    () => false,
  );
  expect(seen.map((p) => p.read)).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
  expect(opened).toEqual(WARDS.map((_, i) => idOf(i)));
  expect(outcome.kind).toBe('done');
  if (outcome.kind !== 'done') return;
  expect(outcome.summary).toEqual(expected);
  expect(annexes(ss)).toEqual(annexes(reference));
  expect(cellsOf(ss, 'Phụ lục I')).not.toBe(former);
  // Done: DX_TienDo and the state gone.
  expect(ss.getSheetByName(PROGRESS_SHEET)).toBeNull();
  expect(documentProperties(ss).map.size).toBe(0);
  expect(await sidebar.pending()).toBeNull();
}, 120000);

test('a new run while one is pending asks; starting over clears what was read; the old run cannot write', async () => {
  const ss = secretariat([0, 1, 2, 3]);
  host(ss);
  const first = handlers.dxConsolidationStart(runOptions(OPTIONS), false);
  handlers.dxConsolidationContinue(2);
  // Hủy after the first unit the sidebar reads: stopped between two calls, the units saved.
  let calls = 0;
  const stopped = await sidebar.run(
    'resume',
    OPTIONS,
    () => calls++,
    () => calls > 1,
  );
  expect(stopped).toEqual({ kind: 'stopped', progress: expect.objectContaining({ read: 3, total: 4 }) });
  expect(progressRows(ss)).toHaveLength(3);
  // "Tổng hợp" again: nothing done, the pending run answered.
  const asked = await sidebar.run(
    'start',
    OPTIONS,
    () => undefined,
    () => false,
  );
  expect(asked).toEqual({ kind: 'pending', progress: expect.objectContaining({ read: 3, total: 4 }) });
  expect(progressRows(ss)).toHaveLength(3);
  expect(ss.getSheetByName('Phụ lục I')).toBeNull();
  // "Làm lại từ đầu": a new run, DX_TienDo emptied; the old run's annexes are refused.
  const again = handlers.dxConsolidationStart(runOptions(OPTIONS), true);
  expect(again).toMatchObject({ pending: false, read: 0, total: 4 });
  expect(again.run).not.toBe(first.run);
  expect(progressRows(ss)).toEqual([]);
  expect(() => handlers.dxWriteConsolidation([], null, first.run)).toThrow(/đã được làm lại/);
  const done = await sidebar.run(
    'resume',
    OPTIONS,
    () => undefined,
    () => false,
  );
  expect(done.kind === 'done' && done.summary.included.map((u) => u.unit)).toEqual(
    [0, 1, 2, 3].map((i) => `Phường ${WARDS[i]}`),
  );
  expect(ss.getSheetByName(PROGRESS_SHEET)).toBeNull();
}, 60000);

test('a unit spreadsheet that cannot be opened is recorded once, not retried, and does not stop the run', async () => {
  const ss = secretariat([0, -1, 2]);
  const { opened } = host(ss);
  const seen: SavedProgress[] = [];
  const outcome = await sidebar.run(
    'start',
    OPTIONS,
    (p) => seen.push(p),
    () => false,
  );
  expect(opened.filter((id) => id.startsWith('1Gone'))).toHaveLength(1);
  expect(seen[seen.length - 1].unreadable).toEqual([
    { unit: 'Đơn vị lạ 1', reason: expect.stringMatching(/^Không đọc được: Không mở được bảng tính 1Gone1/) },
  ]);
  expect(outcome.kind).toBe('done');
  if (outcome.kind !== 'done') return;
  expect(outcome.summary.included.map((u) => u.unit)).toEqual(['Phường Vĩnh Hòa', 'Phường Vĩnh Phước']);
  expect(outcome.summary.excluded).toContainEqual({
    unit: 'Đơn vị lạ 1',
    source: 'Đơn vị lạ 1',
    reason: expect.stringMatching(/Không mở được bảng tính/),
  });
  expect(ss.getSheetByName('Phụ lục I')).not.toBeNull();
}, 60000);

test('a unit larger than a cell is split over cells under 50,000 characters and read back whole', () => {
  const big = new FakeSpreadsheet('Báo cáo lớn');
  // Random text gzip cannot shrink: about 120,000 characters once encoded.
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648).toString(36).slice(2, 12);
  big.fill(
    'Dữ liệu',
    Array.from({ length: 900 }, () => Array.from({ length: 10 }, rnd)),
  );
  const ss = new FakeSpreadsheet('Tổng hợp');
  ss.fill('Ghi chép', [['x']]);
  ss.others[idOf(0)] = big;
  ss.fill('DX_NguonDuLieu', [
    ['Đơn vị', 'Bảng tính (địa chỉ hoặc ID)'],
    ['Đơn vị lớn', idOf(0)],
  ]);
  host(ss);
  const started = handlers.dxConsolidationStart(runOptions(OPTIONS), false);
  expect(continueRun()).toMatchObject({ done: true, read: 1 });
  const rows = progressRows(ss);
  expect(rows.length).toBeGreaterThan(1);
  for (const r of rows) expect(String(r[4]).length).toBeLessThanOrEqual(CELL_TEXT + 1);
  const back = savedSources(started.run, 0);
  expect(back.next).toBeNull();
  expect(back.sources).toEqual([handlers.dxReadSource(`ss:${idOf(0)}`)]);
});

test('a state over 9 KB is kept in several properties; the stand-ins refuse what the host refuses', () => {
  // 150 listed spreadsheets nobody can open: the state's list alone is over 9 KB.
  const ss = new FakeSpreadsheet('Tổng hợp');
  ss.fill('Ghi chép', [['x']]);
  listUnits(
    ss,
    Array.from({ length: 150 }, () => -1),
  );
  host(ss);
  handlers.dxConsolidationStart(runOptions(OPTIONS), false);
  const props = documentProperties(ss);
  expect(Number(props.map.get(STATE_KEY))).toBeGreaterThan(3);
  const p = continueRun({ maxUnits: 40 });
  expect(p).toMatchObject({ read: 40, total: 150, done: false });
  expect(p.unreadable).toHaveLength(40);
  expect(handlers.dxConsolidationPending()).toMatchObject({ read: 40, total: 150 });
  // The stand-ins: a property value over 9 KB, a cell over 50,000 characters.
  expect(() => new FakeProperties().setProperty('k', 'x'.repeat(9 * 1024 + 1))).toThrow(PROPERTY_TOO_LARGE);
  expect(() => ss.getSheetByName('Ghi chép')!.getRange('A1').setValue('x'.repeat(50001))).toThrow(CELL_TOO_LONG);
});

test('the sidebar (built, in Chromium): a pending run is offered on opening; “Tiếp tục” and “Làm lại từ đầu” finish it', async () => {
  const browser = await launchChromium();
  try {
    const ss = secretariat([0, 1, 2]);
    const gas = loadAppsScript(ss);
    gas.global.PropertiesService = fakePropertiesService(ss);
    gas.global.Utilities = fakeUtilities();
    // A run stopped after its first unit, in an earlier session.
    gas.global.dxConsolidationStart(runOptions(OPTIONS), false);
    gas.global.dxConsolidationContinue(1);
    const page = await browser.newPage();
    await bridgeGoogleScriptRun(page, gas.global);
    await page.goto(`file://${path.join(DIST, 'appsscript', 'Sidebar.html')}`);
    await page.waitForSelector('#con-resume:not([hidden])');
    expect(await page.textContent('#con-status')).toMatch(/^Có một lần tổng hợp chưa xong .*đã đọc 1\/3 đơn vị\./);
    expect(await page.isVisible('#con-restart')).toBe(true);
    await page.click('#con-resume');
    await page.waitForSelector('#con-status.ok');
    expect(await page.textContent('#con-status')).toContain('Đã tổng hợp tháng 6/2023: 3 đơn vị vào Phụ lục I');
    expect(await page.isVisible('#con-resume')).toBe(false);
    expect(ss.getSheetByName(PROGRESS_SHEET)).toBeNull();
    expect(documentProperties(ss).map.size).toBe(0);
    // Pending again; “Tổng hợp” asks, “Làm lại từ đầu” reads every unit again and writes.
    gas.global.dxConsolidationStart(runOptions(OPTIONS), false);
    gas.global.dxConsolidationContinue(2);
    await page.click('#con-run');
    await page.waitForFunction(() =>
      document.querySelector('#con-status')!.textContent!.startsWith('Có một lần tổng hợp chưa xong'),
    );
    await page.fill('#con-period', '2023-06');
    await page.click('#con-restart');
    await page.waitForSelector('#con-status.ok');
    expect(await page.textContent('#con-status')).toContain('3 đơn vị vào Phụ lục I');
    expect(documentProperties(ss).map.size).toBe(0);
    await page.close();
  } finally {
    await browser.close();
  }
}, 120000);
