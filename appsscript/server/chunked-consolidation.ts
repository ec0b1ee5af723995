/*
 * Tổng hợp over many unit spreadsheets past Apps Script's 6 minutes (issue 15, item 6).
 *
 * The limits (https://developers.google.com/apps-script/guides/services/quotas#current_limitations):
 * "Script runtime: 6 min / execution" (custom functions 30 s — none here), "Properties value size: 9 KB / val",
 * "Properties total storage: 500 KB / property store"; a spreadsheet cell holds at most 50,000 characters and a
 * spreadsheet at most 10 million cells (https://support.google.com/drive/answer/37603).
 *
 * The design:
 * - A run is started (`startRun`): the sources are listed once (DX_NguonDuLieu and the unit tabs, as before) and
 *   the run's state — an id, when it started, the sidebar's options, the list of units, the index of the next
 *   unit, the units that could not be opened — goes into the document's properties
 *   (https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties()),
 *   as JSON cut into values of at most PROPERTY_PART characters (under 9 KB even at 3 UTF-8 bytes a character).
 *   A new start while a run is pending asks first (`pending: true`, nothing touched); a restart clears it.
 * - Each step (`continueRun`) reads units one by one from the next index: SpreadsheetApp.openById, the whole
 *   workbook's snapshots (what the sidebar's dxReadSource read; the core decides what it uses, so nothing is
 *   trimmed and a resumed run consolidates exactly what a one-shot run would). Each unit is saved as soon as it
 *   is read, JSON gzipped and base64-encoded (Utilities.gzip / base64Encode: a unit's snapshots shrink about
 *   tenfold), into the hidden sheet DX_TienDo, cut into cells of at most CELL_TEXT characters, one row each,
 *   the sheet kept to its 5 columns and the rows it holds. The state's next index is saved after the unit's
 *   rows: an execution killed in between reads that unit again, and the later rows of a unit win.
 *   A step stops starting new units once its budget is spent (STEP_BUDGET_MS, 4.5 of the 6 minutes, leaving
 *   1.5 for the unit under way and the saves; the clock and the budget are injectable for tests) or after
 *   `maxUnits`; it always reads at least one, so every step moves on. A unit that cannot be opened or read is
 *   recorded as unreadable with the host's message, counted as read, never retried, and does not stop the run.
 * - The sidebar calls one step after another while it is open, one unit a call (each call its own execution,
 *   far under 6 minutes, with the unit under way on screen: "Đang tổng hợp 3/12 đơn vị — …"); "Hủy", a closed
 *   sidebar, a lost connection or a killed execution leave the units read so far saved, and "Tiếp tục" goes on
 *   from the next one, in this session or a later one (`pendingRun`).
 * - When every unit is read, the sidebar takes the saved units (`savedSources`, in pages of at most PAGE_CHARS
 *   characters of JSON), consolidates them with the same core and the run's own options, and writes the annexes
 *   through the usual write (dxWriteConsolidation, under the document lock), which then deletes DX_TienDo and the
 *   state (`finishRun`). Until that one write no annex is written or replaced: a stopped run never leaves a half
 *   annex that looks complete, and a former run's annexes stay as they were.
 * - No time-driven trigger: ScriptApp.newTrigger(…).timeBased().after(ms) needs the script.scriptapp scope (a new
 *   consent for every user), an add-on's time-driven triggers run at most once an hour
 *   (https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers), a trigger runs
 *   with no one to show an error to, and the Word report is written in the sidebar from the consolidation it made;
 *   so the run goes on from the sidebar ("Tiếp tục") only.
 */
import type { ConsolidateOptionsInput } from '../../ui/consolidate-panel';
import { SourceRef } from '../../shared/consolidate/collect';
import { runSync } from '../../shared/operations/run';
import { listSourcesOp, SourceItem } from '../../shared/operations/sources-op';
import { SheetSnapshot } from '../../shared/workbook/port';
import { plainSnapshots, SheetsWorkbook } from './sheets-workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Properties = Pick<GoogleAppsScript.Properties.Properties, 'getProperties' | 'setProperties' | 'deleteProperty'>;

/** The hidden sheet the units read so far are saved in. */
export const PROGRESS_SHEET = 'DX_TienDo';
/** The document property holding the run's state (with ".1", ".2"… for its parts). */
export const STATE_KEY = 'DX_TongHop';
/** A step starts no new unit after 4.5 minutes: 1.5 of Apps Script's 6 are left for the unit under way. */
export const STEP_BUDGET_MS = 270000;
/** Characters of saved data per cell: under the 50,000 a cell holds. */
export const CELL_TEXT = 45000;
/** Characters per property value: at most 3 UTF-8 bytes each (JSON escapes nothing wider), under 9 KB. */
export const PROPERTY_PART = 2500;
/** Characters of JSON a page of saved units carries to the sidebar. */
export const PAGE_CHARS = 4000000;

const HEADER = ['Lần tổng hợp', 'Đơn vị thứ', 'Phần', 'Số phần', 'Dữ liệu đã đọc (nén)'];
const GZIP = 'z';
const JSON_TEXT = 'j';

/** The sidebar's options, as plain data: `now` is the moment the run started (ISO), the core's clock for it. */
export type RunOptions = Omit<ConsolidateOptionsInput, 'now'> & { now?: string };

interface RunState {
  v: 1;
  run: string;
  startedAt: string;
  options: RunOptions;
  units: SourceItem[];
  next: number;
  unreadable: Array<{ index: number; reason: string }>;
}

/** What the sidebar is told of a run. */
export interface RunProgress {
  run: string;
  startedAt: string;
  options: RunOptions;
  total: number;
  /** Units read (unreadable ones included): the next one's index. */
  read: number;
  /** Every unit read: the annexes can be written. */
  done: boolean;
  /** The next unit's label, null when done. */
  next: string | null;
  unreadable: Array<{ unit: string; reason: string }>;
}

export interface StepLimits {
  /** Milliseconds (Date.now by default). */
  clock?: () => number;
  budgetMs?: number;
  maxUnits?: number;
}

export interface SavedUnit {
  source: SourceRef;
  sheets: SheetSnapshot[];
}

/** One source, read as the sidebar's dxReadSource reads it: "ss:ID" opened by id, "tab:NAME" of this spreadsheet. */
export function readSource(id: string): SavedUnit {
  if (id.startsWith('ss:')) {
    const ss = SpreadsheetApp.openById(id.slice(3));
    return { source: { spreadsheet: ss.getName() }, sheets: plainSnapshots(new SheetsWorkbook(ss).read()) };
  }
  const name = id.replace(/^tab:/, '');
  return { source: { sheets: [name] }, sheets: plainSnapshots(new SheetsWorkbook().read([name])) };
}

/*
 * A harness that loads Code.js without PropertiesService or Utilities (Apps Script always has both) keeps the
 * state in memory and the units as plain JSON.
 */
const memory: Record<string, string> = {};
const memoryStore: Properties = {
  getProperties: () => ({ ...memory }),
  setProperties: (p: Record<string, string>) => {
    Object.assign(memory, p);
    return memoryStore as GoogleAppsScript.Properties.Properties;
  },
  deleteProperty: (k: string) => {
    delete memory[k];
    return memoryStore as GoogleAppsScript.Properties.Properties;
  },
};

function store(): Properties {
  if (typeof PropertiesService === 'undefined') return memoryStore;
  const props = PropertiesService.getDocumentProperties();
  // Null outside a spreadsheet's context: the script's properties are shared by every document, so not those.
  if (!props) throw new Error('Chỉ tổng hợp được trong một bảng tính (không có thuộc tính của tài liệu).');
  return props;
}

const partKey = (i: number) => `${STATE_KEY}.${i}`;

function loadState(props = store()): RunState | null {
  const all = props.getProperties();
  const n = Number(all[STATE_KEY]);
  if (!n) return null;
  const parts = Array.from({ length: n }, (_, i) => all[partKey(i + 1)]);
  if (parts.some((p) => typeof p !== 'string')) return null;
  try {
    const state = JSON.parse(parts.join('')) as RunState;
    return state.v === 1 && Array.isArray(state.units) ? state : null;
  } catch {
    return null;
  }
}

/** The state in values of PROPERTY_PART characters, written in one setProperties; parts left over are deleted. */
function saveState(state: RunState, props = store()): void {
  const json = JSON.stringify(state);
  const parts: Record<string, string> = {};
  let n = 0;
  for (let i = 0; i < json.length; i += PROPERTY_PART) parts[partKey(++n)] = json.slice(i, i + PROPERTY_PART);
  const before = Number(props.getProperties()[STATE_KEY]) || 0;
  props.setProperties({ ...parts, [STATE_KEY]: String(n) });
  for (let i = n + 1; i <= before; i++) props.deleteProperty(partKey(i));
}

function deleteState(props = store()): void {
  for (const k of Object.keys(props.getProperties()))
    if (k === STATE_KEY || k.startsWith(`${STATE_KEY}.`)) props.deleteProperty(k);
}

function progressOf(s: RunState): RunProgress {
  const done = s.next >= s.units.length;
  return {
    run: s.run,
    startedAt: s.startedAt,
    options: s.options,
    total: s.units.length,
    read: s.next,
    done,
    next: done ? null : s.units[s.next].label,
    unreadable: s.unreadable.map((u) => ({ unit: s.units[u.index]?.label ?? '', reason: u.reason })),
  };
}

const active = (): Spreadsheet => SpreadsheetApp.getActiveSpreadsheet();

/** A fresh DX_TienDo: its header row only, 5 columns, hidden; the user stays on the sheet they were on. */
function newProgressSheet(ss: Spreadsheet): Sheet {
  const old = ss.getSheetByName(PROGRESS_SHEET);
  if (old) ss.deleteSheet(old);
  const was = ss.getActiveSheet()?.getName();
  const sheet = ss.insertSheet(PROGRESS_SHEET, ss.getSheets().length);
  sheet.getRange(1, 1, 1, HEADER.length).setValues([HEADER]);
  // A new sheet is 1,000 × 26 cells, all counted against the spreadsheet's 10 million: cut to what it holds.
  if (sheet.getMaxRows() > 1) sheet.deleteRows(2, sheet.getMaxRows() - 1);
  if (sheet.getMaxColumns() > HEADER.length)
    sheet.deleteColumns(HEADER.length + 1, sheet.getMaxColumns() - HEADER.length);
  // Sheets keeps one sheet visible: DX_TienDo stays visible only if it is the only one.
  if (ss.getSheets().some((s) => s.getName() !== PROGRESS_SHEET && !s.isSheetHidden())) sheet.hideSheet();
  const back = was ? ss.getSheetByName(was) : null;
  if (back && !back.isSheetHidden()) ss.setActiveSheet(back);
  return sheet;
}

/** A unit as text: gzipped JSON in base64 (Utilities), or the JSON itself where there is no Utilities. */
function encode(unit: SavedUnit): string {
  const json = JSON.stringify(unit);
  if (typeof Utilities === 'undefined') return JSON_TEXT + json;
  // https://developers.google.com/apps-script/reference/utilities/utilities#gzip(BlobSource)
  const zipped = Utilities.gzip(Utilities.newBlob(json, 'application/json'));
  return GZIP + Utilities.base64Encode(zipped.getBytes());
}

/** The JSON of a saved unit. */
function decode(text: string): string {
  if (text.startsWith(JSON_TEXT)) return text.slice(1);
  // https://developers.google.com/apps-script/reference/utilities/utilities#ungzip(BlobSource)
  const bytes = Utilities.base64Decode(text.slice(1));
  return Utilities.ungzip(Utilities.newBlob(bytes, 'application/x-gzip')).getDataAsString('UTF-8');
}

/**
 * Each cell's text starts with a letter ("p"), so setValues never takes a piece for a number, a date or a
 * formula: it parses strings as typed
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)).
 */
function appendUnit(sheet: Sheet, run: string, index: number, text: string): void {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += CELL_TEXT) pieces.push(text.slice(i, i + CELL_TEXT));
  const rows = pieces.map((p, i) => [run, index, i, pieces.length, `p${p}`]);
  const last = sheet.getMaxRows();
  sheet.insertRowsAfter(last, rows.length);
  sheet.getRange(last + 1, 1, rows.length, HEADER.length).setValues(rows);
}

/** The text of each unit saved whole for `run`, by index (a unit written again: its later rows). */
function savedTexts(sheet: Sheet | null, run: string): Map<number, string> {
  const out = new Map<number, string>();
  if (!sheet || sheet.getMaxRows() < 2) return out;
  const rows = sheet.getRange(2, 1, sheet.getMaxRows() - 1, HEADER.length).getValues();
  const open = new Map<number, string[]>();
  for (const [r, index, piece, count, data] of rows) {
    if (String(r) !== run) continue;
    const i = Number(index);
    if (Number(piece) === 0) open.set(i, []);
    const list = open.get(i);
    if (!list || list.length !== Number(piece)) continue;
    list.push(String(data).slice(1));
    if (list.length === Number(count)) out.set(i, list.join(''));
  }
  return out;
}

/** The run left unfinished in this spreadsheet, if any. */
export function pendingRun(): RunProgress | null {
  const s = loadState();
  return s ? progressOf(s) : null;
}

/** Forgets a run: its state and DX_TienDo. */
export function clearRun(): void {
  deleteState();
  const ss = active();
  const sheet = ss.getSheetByName(PROGRESS_SHEET);
  if (sheet) ss.deleteSheet(sheet);
}

/**
 * Starts a run: the sources listed, the state saved, an empty DX_TienDo; no unit read yet. While another run is
 * pending nothing is touched and that run is answered with `pending: true`, unless `restart` clears it first.
 */
export function startRun(
  options: RunOptions,
  restart: boolean,
  now: Date = new Date(),
): RunProgress & { pending: boolean } {
  const existing = loadState();
  if (existing && !restart) return { ...progressOf(existing), pending: true };
  if (existing) clearRun();
  const units = runSync(listSourcesOp(new SheetsWorkbook()));
  if (!units.length)
    throw new Error(
      'Chưa có nguồn: ghi địa chỉ bảng tính của các đơn vị vào trang DX_NguonDuLieu (nút “Tạo danh sách nguồn”).',
    );
  const state: RunState = {
    v: 1,
    run: `r${now.getTime().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`,
    startedAt: now.toISOString(),
    options: { ...options, now: options.now ?? now.toISOString() },
    units,
    next: 0,
    unreadable: [],
  };
  newProgressSheet(active());
  saveState(state);
  return { ...progressOf(state), pending: false };
}

/** Reads units from the next one while the step's budget lasts; each is saved as soon as it is read. */
export function continueRun(limits: StepLimits = {}): RunProgress {
  const props = store();
  const state = loadState(props);
  if (!state) throw new Error('Không có lần tổng hợp nào đang dở: bấm “Tổng hợp”.');
  const ss = active();
  let sheet = ss.getSheetByName(PROGRESS_SHEET);
  if (!sheet) {
    if (state.next > state.unreadable.length) lost();
    sheet = newProgressSheet(ss);
  }
  const clock = limits.clock ?? (() => Date.now());
  const budget = limits.budgetMs ?? STEP_BUDGET_MS;
  const max = limits.maxUnits ?? Infinity;
  const started = clock();
  for (let n = 0; state.next < state.units.length && n < max; n++) {
    if (n > 0 && clock() - started >= budget) break;
    const index = state.next;
    let text: string | null = null;
    try {
      text = encode(readSource(state.units[index].id));
    } catch (e) {
      state.unreadable.push({ index, reason: `Không đọc được: ${(e as Error)?.message ?? String(e)}` });
    }
    if (text !== null) appendUnit(sheet, state.run, index, text);
    state.next = index + 1;
    saveState(state, props);
  }
  return progressOf(state);
}

/** DX_TienDo no longer holds what the state says was read (deleted by hand): the run cannot go on. */
function lost(): never {
  clearRun();
  throw new Error(`Trang ${PROGRESS_SHEET} (các đơn vị đã đọc) không còn đủ: bấm “Tổng hợp” để làm lại từ đầu.`);
}

/** The units read by `run`, from its `from`-th readable one, as many as PAGE_CHARS of JSON carry. */
export function savedSources(run: string, from: number): { sources: SavedUnit[]; next: number | null } {
  const state = loadState();
  if (!state || state.run !== run) throw new Error('Lần tổng hợp này không còn (đã làm lại hoặc đã ghi xong).');
  if (state.next < state.units.length) throw new Error('Chưa đọc xong các đơn vị: bấm “Tiếp tục”.');
  const texts = savedTexts(active().getSheetByName(PROGRESS_SHEET), run);
  const bad = new Set(state.unreadable.map((u) => u.index));
  const readable = state.units.map((_, i) => i).filter((i) => !bad.has(i));
  if (readable.some((i) => !texts.has(i))) lost();
  const sources: SavedUnit[] = [];
  let size = 0;
  let k = Math.max(0, from);
  for (; k < readable.length && (sources.length === 0 || size < PAGE_CHARS); k++) {
    const json = decode(texts.get(readable[k])!);
    sources.push(JSON.parse(json) as SavedUnit);
    size += json.length;
  }
  return { sources, next: k < readable.length ? k : null };
}

/** Refuses to write for a run that is no longer the pending one (another sidebar started over). */
export function checkRun(run: string): void {
  const state = loadState();
  if (!state || state.run !== run)
    throw new Error('Lần tổng hợp này đã được làm lại hoặc ghi xong ở nơi khác: không ghi phụ lục nào.');
}

/** After the annexes are written: DX_TienDo and the state deleted. */
export function finishRun(run: string): void {
  const state = loadState();
  if (state && state.run === run) clearRun();
}
