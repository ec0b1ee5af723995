/**
 * "Tạo phiếu cho tất cả đơn vị" (issue 16): one workbook per unit a registry lists in the period, each made as
 * "Tạo phiếu báo cáo" makes it, on a workbook of its own. What is the same on every host is here — which units,
 * their file names, the loop with its progress — and each host gives the workbooks: the command line and the
 * Excel pane .xlsx files (a folder, a .zip), Google Sheets one spreadsheet per unit in a Drive folder.
 */
import { isoDay } from '../dates/date';
import { parsePeriod, Period } from '../dates/period';
import { UnreadablePeriodError } from '../errors/errors';
import { formatNumber } from '../numbers/format';
import { existsDuring } from '../registry/history';
import { UnitMatcher } from '../registry/match';
import { Registry, Unit } from '../registry/schema';
import { unitContact } from '../templates/build';
import { CONFIG_SHEET } from '../templates/version';
import { MaybePromise, WorkbookPort } from '../workbook/port';
import { CellValue, SheetSpec } from '../workbook/sheet-spec';
import { ConsolidationSettings, settingsOp } from './consolidate-op';
import { createTemplateOp, CreateTemplateResult, periodLabel } from './create-template';
import { Op } from './run';

/** What the panes say of it, in one table. */
export const ALL_TEMPLATES_TEXT = {
  button: 'Tạo phiếu cho tất cả đơn vị',
  registry: 'Danh mục đơn vị',
  province: 'Mã hoặc tên tỉnh (khi chọn “Các xã, phường của một tỉnh”)',
  sheetRegistry: 'Trang “Danh mục đơn vị” của bảng tính này',
  provinceRegistry: 'Các xã, phường, đặc khu của một tỉnh (từ 01/07/2025)',
  noProvince: (text: string) => `Không có tỉnh, thành phố “${text}”: ghi mã (ví dụ 56) hoặc tên tỉnh.`,
  noRegistry: 'Chọn danh mục đơn vị.',
  none: (registry: string, period: string) =>
    `Danh mục ${registry} không có đơn vị nào trong ${period}: chưa tạo phiếu nào.`,
  making: (done: number, total: number) => `Đã tạo ${formatNumber(done)}/${formatNumber(total)} phiếu`,
  renamed: (unit: string, taken: string) => `Không tạo được phiếu cho “${unit}”: tên trùng với “${taken}”.`,
  zipped: (n: number, file: string) =>
    `Đã tạo ${formatNumber(n)} phiếu, mỗi đơn vị một tệp .xlsx, trong tệp nén ${file}. Bảng tính đang mở không bị sửa.`,
  notInPeriod: (names: string[]) =>
    `Không tạo cho ${formatNumber(names.length)} đơn vị không có trong kỳ (đã sáp nhập hoặc chưa thành lập): ` +
    `${names.join(', ')}.`,
} as const;

/** The units of a registry that exist in a period, those that do not, and the period as the cover writes it. */
export interface UnitsOfPeriod {
  period: Period;
  /** "tháng 11/2026". */
  label: string;
  units: Unit[];
  /** Names of the units that did not exist in the period (merged before it, formed after it). */
  notInPeriod: string[];
}

/** The registry's units existing in the period ("2026-11", "11/2026", "Quý IV/2026"…). */
export function unitsOfPeriod(registry: Registry, written: string): UnitsOfPeriod {
  const period = parsePeriod(written);
  if (!period?.end) throw new UnreadablePeriodError(written);
  const [start, end] = [isoDay(period.start), isoDay(period.end)];
  const units = registry.units.filter((u) => existsDuring(u, start, end, registry.units));
  return {
    period,
    label: periodLabel(period, written),
    units,
    notInPeriod: registry.units.filter((u) => !units.includes(u)).map((u) => u.name),
  };
}

/** Characters Windows refuses in a file name, and control characters (Naming Files, Paths, and Namespaces). */
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]/g;
/** Device names Windows reserves, with any extension ("CON.xlsx" is one too). */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
/** Bytes a file name's stem may take: file systems allow 255 bytes a name, a Vietnamese letter takes up to 3. */
const STEM_BYTES = 180;
/**
 * A character's UTF-8 bytes, counted by its code point: Apps Script's runtime has neither Buffer nor TextEncoder
 * (the server side of "Tạo phiếu cho tất cả đơn vị" names its spreadsheets with these stems).
 */
const utf8Bytes = (ch: string) => {
  const p = ch.codePointAt(0)!;
  return p < 0x80 ? 1 : p < 0x800 ? 2 : p < 0x10000 ? 3 : 4;
};

/**
 * A text made a file name every system accepts: NFC (one form for "ờ" whatever the registry was typed on), the
 * characters Windows refuses (/ \ : * ? " < > |) and control characters replaced by "-", no trailing dot or space
 * (Windows drops them), not a reserved device name, at most STEM_BYTES bytes (cut between characters).
 * Vietnamese letters are kept: every system of today stores them in names.
 * https://learn.microsoft.com/windows/win32/fileio/naming-a-file
 */
export function safeFileStem(text: string): string {
  let s = text.normalize('NFC').replace(UNSAFE, '-').replace(/\s+/g, ' ').trim();
  let bytes = 0;
  let cut = '';
  for (const ch of s) {
    bytes += utf8Bytes(ch);
    if (bytes > STEM_BYTES) break;
    cut += ch;
  }
  s = cut.replace(/[. ]+$/, '').replace(/^[. ]+/, '');
  if (RESERVED.test(s)) s = `${s}_`;
  return s || 'don-vi';
}

/**
 * One file name per unit, "Phường Lộc Thọ - tháng 11-2026.xlsx": the unit's name and the period. Two units whose
 * names come out the same (case and the replaced characters aside, as Windows and macOS compare names) each get
 * their code too: "Phường 1 (26734) - …"; a name still taken gets a number. `ext` is the file's extension (none
 * for a Google spreadsheet).
 */
export function unitFileNames(units: Array<Pick<Unit, 'name' | 'code'>>, period: string, ext = '.xlsx'): string[] {
  const tail = ` - ${safeFileStem(period)}${ext}`;
  const stems = units.map((u) => safeFileStem(u.name));
  const key = (x: string) => x.toLocaleLowerCase('vi');
  const count = new Map<string, number>();
  for (const x of stems) count.set(key(x), (count.get(key(x)) ?? 0) + 1);
  const named = stems.map((x, i) => (count.get(key(x))! > 1 ? `${x} (${safeFileStem(units[i].code)})` : x));
  // A name that still meets another ("Phường 1 (2)" typed as a name, two codes alike): a number after it.
  const taken = new Set<string>();
  return named.map((x) => {
    let n = x;
    for (let k = 2; taken.has(key(n)); k++) n = `${x} ${k}`;
    taken.add(key(n));
    return `${n}${tail}`;
  });
}

/** One unit's workbook to make: the unit, its file name, its place in the list. */
export interface UnitJob {
  unit: Unit;
  name: string;
  index: number;
}

/** What each unit's workbook says of its contact: the registry's phone or address, written on the cover. */
export interface MadeTemplate {
  unit: string;
  code: string;
  name: string;
  /** The registry's e-mail address of the unit, if it gives one (Google Sheets shares the spreadsheet with it). */
  email: string | null;
  contact: boolean;
}

/** How a host makes the workbooks: a fresh port for each unit, and what it does once the sheets are in it. */
export interface TemplatesPlan<B extends WorkbookPort> {
  jobs: UnitJob[];
  period: string;
  preparer?: string;
  matcher: UnitMatcher;
  /** A fresh workbook for the unit (the secretariat's DX_CauHinh already in it, where the host copies one). */
  open(job: UnitJob): MaybePromise<B>;
  /** The unit's sheets are written: the host hides DX_CauHinh, saves or zips the workbook. */
  close(book: B, job: UnitJob, made: MadeTemplate): MaybePromise<void>;
  /** A unit the host already has (Google Sheets: its spreadsheet is in the folder): left as it is. */
  skip?(job: UnitJob): boolean;
  /** Asked before each unit: true stops the run there (Apps Script's time limit), nothing half made. */
  stop?(): boolean;
  /** After each unit made or skipped: how many of all are done. */
  progress?(done: number, total: number): void;
}

export interface TemplatesOutcome {
  made: MadeTemplate[];
  skipped: string[];
  /** Units not reached: the run stopped before them. */
  left: number;
  /** The last template's catalogue and indicators (the same for every unit of a run). */
  last?: CreateTemplateResult;
}

/** A unit the matcher took for another of the registry: its workbook would carry the other's name. */
export class RenamedUnitError extends Error {
  constructor(unit: string, taken: string) {
    super(ALL_TEMPLATES_TEXT.renamed(unit, taken));
  }
}

/**
 * Makes each unit's template on its own workbook, one after the other. The matcher must know the units (the
 * registry they come from): a unit the matcher takes for another (two names alike) is refused, not written
 * under the other's name.
 */
export function* templatesForUnitsOp<B extends WorkbookPort>(plan: TemplatesPlan<B>): Op<TemplatesOutcome> {
  const out: TemplatesOutcome = { made: [], skipped: [], left: 0 };
  const total = plan.jobs.length;
  for (const job of plan.jobs) {
    if (plan.skip?.(job)) {
      out.skipped.push(job.unit.name);
      plan.progress?.(out.made.length + out.skipped.length, total);
      continue;
    }
    if (plan.stop?.()) {
      out.left = total - out.made.length - out.skipped.length;
      return out;
    }
    const book = (yield plan.open(job)) as B;
    const r = yield* createTemplateOp(book, {
      unit: job.unit.name,
      period: plan.period,
      preparer: plan.preparer,
      matcher: plan.matcher,
    });
    if (r.unit !== job.unit.name) throw new RenamedUnitError(job.unit.name, r.unit);
    const c = unitContact(job.unit);
    const made = {
      unit: job.unit.name,
      code: job.unit.code,
      name: job.name,
      email: c.email,
      contact: Boolean(c.phone || c.email),
    };
    yield plan.close(book, job, made);
    out.made.push(made);
    out.last = r;
    plan.progress?.(out.made.length + out.skipped.length, total);
  }
  return out;
}

/** The jobs of a registry's units in a period, each with its file name (`ext`: ".xlsx", or "" for Sheets). */
export function unitJobs(units: Unit[], label: string, ext = '.xlsx'): UnitJob[] {
  const names = unitFileNames(units, label, ext);
  return units.map((unit, index) => ({ unit, name: names[index], index }));
}

/** "Phieu bao cao - tháng 11-2026.zip": the pane's download of every unit's workbook. */
export const zipName = (label: string) => `Phieu bao cao - ${safeFileStem(label)}.zip`;

/** "Phiếu báo cáo tháng 11-2026": the Drive folder of the units' spreadsheets. */
export const folderName = (label: string) => `Phiếu báo cáo ${safeFileStem(label)}`;

/** A registry's unit contact that is an e-mail address Drive can share with (one address, nothing else). */
export function shareAddress(email: string | null): string | null {
  const t = email?.trim() ?? '';
  return /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>()]+$/.test(t) ? t : null;
}

/** Where the units come from, as a pane offers it. */
export interface RegistryChoice {
  /** "sheet": the open workbook's "Danh mục đơn vị"; "province": a province's communes; else a built-in's code. */
  id: string;
  label: string;
}

/** What the pane sends: the registry chosen, the province typed (for "province"), the period, the preparer. */
export interface AllTemplatesInput {
  registry: string;
  province?: string;
  period: string;
  preparer?: string;
}

/** The pane's choices: the workbook's own registry first (as Tổng hợp uses it), the built-ins, a province. */
export function registryChoices(hasSheet: boolean, builtIn: Array<Pick<Registry, 'code' | 'name'>>): RegistryChoice[] {
  return [
    ...(hasSheet ? [{ id: 'sheet', label: ALL_TEMPLATES_TEXT.sheetRegistry }] : []),
    ...builtIn.map((r) => ({ id: r.code, label: r.name })),
    { id: 'province', label: ALL_TEMPLATES_TEXT.provinceRegistry },
  ];
}

/**
 * The registry a choice names. The province's registry is the host's to give (the map of 3,321 communes is
 * loaded only where it is asked for); so is the sheet's.
 */
export function pickRegistry(
  input: Pick<AllTemplatesInput, 'registry' | 'province'>,
  from: { sheet?: Registry; builtIn: Registry[]; province: (text: string) => Registry | undefined },
): Registry {
  if (input.registry === 'province') {
    const text = input.province?.trim() ?? '';
    const r = text ? from.province(text) : undefined;
    if (!r) throw new Error(ALL_TEMPLATES_TEXT.noProvince(text));
    return r;
  }
  const r = input.registry === 'sheet' ? from.sheet : from.builtIn.find((x) => x.code === input.registry);
  if (!r) throw new Error(ALL_TEMPLATES_TEXT.noRegistry);
  return r;
}

/** What a pane makes templates of: the registry chosen, its units of the period, the master's DX_CauHinh. */
export interface TemplatesToMake extends UnitsOfPeriod {
  registry: Registry;
  /** The open workbook's DX_CauHinh, to copy into each unit's workbook (hidden). */
  config?: SheetSpec;
}

/**
 * The open workbook read once (its registry sheet and DX_CauHinh), the registry chosen, its units in the period;
 * refused in Vietnamese when it has none. The same on every host; `from` as `pickRegistry` takes it.
 */
export function* templatesToMakeOp(
  book: WorkbookPort,
  input: AllTemplatesInput,
  from: { builtIn: Registry[]; province: (text: string) => Registry | undefined },
): Op<TemplatesToMake> {
  // The workbook's own registry sheet is read only when chosen: a half-filled one bars no other registry.
  const settings = (yield* settingsOp(book, undefined, input.registry === 'sheet')) as ConsolidationSettings;
  const registry = pickRegistry(input, { ...from, sheet: settings.registry });
  const period = unitsOfPeriod(registry, input.period);
  if (!period.units.length) throw new Error(ALL_TEMPLATES_TEXT.none(registry.name, period.label));
  return { ...period, registry, ...(settings.master ? { config: configCopy(settings.master) } : {}) };
}

/**
 * The secretariat's DX_CauHinh as a hidden sheet to put into each unit's new workbook before its template (as
 * `template --config` does): its values only, text as text. A date (Sheets gives Date objects) goes as its day.
 */
export function configCopy(grid: CellValue[][]): SheetSpec {
  const cell = (v: CellValue) =>
    v === null || v === ''
      ? null
      : v instanceof Date
        ? { v: isoDay({ y: v.getFullYear(), m: v.getMonth() + 1, d: v.getDate() }) }
        : { v: v as string | number | boolean };
  return SheetSpec.parse({ name: CONFIG_SHEET, rows: grid.map((r) => r.map(cell)), hidden: true });
}
