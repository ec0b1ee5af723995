/*
 * "Tạo phiếu cho tất cả đơn vị" in Google Sheets: one Drive folder for the period ("Phiếu báo cáo tháng 11-2026",
 * beside this spreadsheet, else in My Drive), one new spreadsheet per unit in it, each written through the Sheets
 * adapter by the shared operation, and shared with the unit's e-mail address where the registry gives one.
 *
 * - SpreadsheetApp.create makes the spreadsheet in the user's My Drive with one blank sheet
 *   (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#create(String)); the blank
 *   sheet is deleted once the template's sheets are in.
 * - File.moveTo puts it in the folder (https://developers.google.com/apps-script/reference/drive/file#moveTo(Folder))
 *   only when it is complete: the folder never holds a half-written unit, and a run cut short by Apps Script
 *   leaves at most one spreadsheet in My Drive, not in the folder.
 * - File.addEditor shares it (https://developers.google.com/apps-script/reference/drive/file#addEditor(String)).
 *   DriveApp has no switch for the e-mail Drive sends when it shares; the Drive API's permissions.create sends one
 *   by default (sendNotificationEmail, https://developers.google.com/drive/api/reference/rest/v3/permissions/create):
 *   the unit's address receives Drive's usual "shared with you" message.
 * - An execution stops at 6 minutes (https://developers.google.com/apps-script/guides/services/quotas): the run
 *   stops before a unit once 4.5 minutes are gone and says how many are made; the next press goes on. A unit whose
 *   spreadsheet is already in the folder (same name) is skipped: never made twice, never overwritten. A unit that
 *   fails half-made (a quota, a timeout) is trashed (File.setTrashed), so the next press makes it once.
 */
import { runSync } from '../../shared/operations/run';
import {
  ALL_TEMPLATES_TEXT,
  AllTemplatesInput,
  folderName,
  shareAddress,
  templatesForUnitsOp,
  TemplatesOutcome,
  templatesToMakeOp,
  unitJobs,
} from '../../shared/operations/templates-all';
import { formatNumber } from '../../shared/numbers/format';
import { DEFAULT_REGISTRIES } from '../../shared/registry/default';
import { provinceRegistry } from '../../shared/registry/dvhc';
import { UnitMatcher } from '../../shared/registry/match';
import { CONFIG_SHEET } from '../../shared/templates/version';
import { describeError } from '../../shared/errors/describe';
import { unitContact } from '../../shared/templates/build';
import { withDocumentLock } from './lock';
import { SheetsWorkbook } from './sheets-workbook';

type Folder = GoogleAppsScript.Drive.Folder;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const SHEETS_MIME = 'application/vnd.google-apps.spreadsheet';

/** How long one press may make spreadsheets: Apps Script stops an execution at 6 minutes. */
export const TIME_BUDGET_MS = 4.5 * 60 * 1000;

/** What the sidebar shows: the folder, how far the run got, who was shared with. */
export interface FolderRun {
  name: string;
  url: string;
  made: number;
  skipped: number;
  total: number;
  shared: number;
  /** Addresses Drive refused (not a Google account where the domain requires one, a typing error). */
  notShared: Array<{ unit: string; email: string }>;
  done: boolean;
  message: string;
}

export const RUN_TEXT = {
  done: (made: number, skipped: number, folder: string) =>
    `Đã tạo ${formatNumber(made)} bảng tính trong thư mục “${folder}”` +
    (skipped ? ` (${formatNumber(skipped)} đơn vị đã có bảng tính từ lần trước, giữ nguyên).` : '.'),
  stopped: (done: number, total: number) =>
    `Đã tạo ${formatNumber(done)}/${formatNumber(total)} phiếu; dừng trước giới hạn 6 phút của Apps Script. ` +
    'Bấm lại nút để tạo tiếp: đơn vị đã có bảng tính được bỏ qua.',
  shared: (n: number) => `Đã chia sẻ quyền chỉnh sửa ${formatNumber(n)} bảng tính với thư điện tử của đơn vị.`,
  notShared: (xs: Array<{ unit: string; email: string }>) =>
    `Không chia sẻ được với: ${xs.map((x) => `${x.unit} (${x.email})`).join(', ')}.`,
  /** A unit whose spreadsheet could not be made: the run stops there, what it made stays. */
  failed: (unit: string, reason: string, done: number, total: number, trashed: boolean) =>
    `Dừng ở “${unit}”: ${reason} Đã tạo ${formatNumber(done)}/${formatNumber(total)} phiếu` +
    (trashed ? '; bảng tính đang tạo dở của đơn vị này đã được chuyển vào thùng rác' : '') +
    '. Bấm lại nút để tạo tiếp.',
  // Apps Script's daily quota of spreadsheets made: https://developers.google.com/apps-script/guides/services/quotas
  quota:
    'Google đã hết hạn mức tạo bảng tính trong ngày của tài khoản này (250 bảng tính với tài khoản Gmail, ' +
    '3.200 với Google Workspace): bấm lại vào ngày mai.',
  /** The folder beside the spreadsheet takes no new folder: the period's is in My Drive. */
  inMyDrive: 'Thư mục chứa bảng tính này không cho tạo thư mục mới, nên các phiếu nằm trong Drive của tôi.',
  /** Another press on this spreadsheet is going on. */
  running: (minutes: number) =>
    `Đang có người tạo phiếu cho tất cả đơn vị từ bảng tính này (bắt đầu ${formatNumber(minutes)} phút trước): ` +
    'đợi lần đó xong (tối đa 6 phút) rồi bấm lại.',
} as const;

/** Whether an Apps Script error is its daily quota's ("Service invoked too many times for one day: …"). */
const isQuota = (message: string) => /too many times|quá nhiều lần/i.test(message);

/** The folder this spreadsheet is in (its first), else the root of My Drive (a file shared with the user). */
export function spreadsheetFolder(ss: Spreadsheet): Folder {
  const parents = DriveApp.getFileById(ss.getId()).getParents();
  return parents.hasNext() ? parents.next() : DriveApp.getRootFolder();
}

/** A folder's child of that name, made when there is none. */
function folderIn(parent: Folder, name: string): Folder {
  const found = parent.getFoldersByName(name);
  return found.hasNext() ? found.next() : parent.createFolder(name);
}

/** The period's folder beside this spreadsheet, made once; in My Drive when the spreadsheet's folder is closed. */
function periodFolder(ss: Spreadsheet, name: string): { folder: Folder; inMyDrive: boolean } {
  let inMyDrive = false;
  const folder = inWritableFolder(
    ss,
    (parent) => folderIn(parent, name),
    () => (inMyDrive = true),
  );
  return { folder, inMyDrive };
}

/**
 * `make` in the spreadsheet's folder, or in My Drive when that folder takes nothing new (view only; a shared drive
 * the user cannot add to: "Access denied: DriveApp."); `fellBack` is told when it went to My Drive.
 */
export function inWritableFolder<T>(ss: Spreadsheet, make: (folder: Folder) => T, fellBack?: () => void): T {
  const parent = spreadsheetFolder(ss);
  try {
    return make(parent);
  } catch (e) {
    const root = DriveApp.getRootFolder();
    if (parent.getId() === root.getId()) throw e;
    fellBack?.();
    return make(root);
  }
}

/** The spreadsheets already in the folder, by name (those in the trash left out): their units are done. */
function filesIn(folder: Folder): Map<string, GoogleAppsScript.Drive.File> {
  const out = new Map<string, GoogleAppsScript.Drive.File>();
  // MimeType.GOOGLE_SHEETS (https://developers.google.com/apps-script/reference/base/mime-type).
  const files = folder.getFilesByType(SHEETS_MIME);
  while (files.hasNext()) {
    const f = files.next();
    if (!f.isTrashed()) out.set(f.getName(), f);
  }
  return out;
}

/** One press: as many units as fit in TIME_BUDGET_MS, those already in the folder skipped. */
export function templatesIntoDrive(input: AllTemplatesInput, clock: () => number = () => Date.now()): FolderRun {
  const started = clock();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { registry, label, units, notInPeriod, config } = runSync(
    templatesToMakeOp(new SheetsWorkbook(ss), input, { builtIn: DEFAULT_REGISTRIES, province: provinceRegistry }),
  );
  const { folder, inMyDrive } = periodFolder(ss, folderName(label));
  const there = filesIn(folder);
  const notShared: FolderRun['notShared'] = [];
  let shared = 0;
  let made = 0;
  let skipped = 0;
  /** Shares a unit's spreadsheet with its address, once: an editor already is not asked again. */
  const share = (file: GoogleAppsScript.Drive.File, unit: string, email: string | null, fresh = false) => {
    if (!email) return;
    // A spreadsheet made in this press has no editor yet: only a former press's are asked.
    if (!fresh && file.getEditors().some((u) => u.getEmail().toLowerCase() === email.toLowerCase())) return;
    try {
      file.addEditor(email);
      shared++;
    } catch {
      notShared.push({ unit, email });
    }
  };
  /** The unit being made (the one a failure stops at). */
  let current = '';
  // Each unit's new spreadsheet and the name of the blank sheet it was made with, by the unit's place.
  const opened = new Map<number, { ss: Spreadsheet; blank: string; unit: string }>();
  const finish = (run: { done: boolean; message: string }): FolderRun => ({
    name: folder.getName(),
    url: folder.getUrl(),
    made,
    skipped,
    total: units.length,
    shared,
    notShared,
    done: run.done,
    message: [run.message, ...(inMyDrive ? [RUN_TEXT.inMyDrive] : [])].join(' '),
  });
  let run: TemplatesOutcome;
  try {
    run = runSync(
      templatesForUnitsOp<SheetsWorkbook>({
        jobs: unitJobs(units, label, ''),
        period: input.period,
        preparer: input.preparer,
        matcher: new UnitMatcher([registry]),
        // A unit already made is left as it is; a sharing a former press could not do is tried again.
        skip: (job) => {
          const file = there.get(job.name);
          if (!file) return false;
          share(file, job.unit.name, shareAddress(unitContact(job.unit).email));
          skipped++;
          return true;
        },
        stop: () => clock() - started > TIME_BUDGET_MS,
        open: (job) => {
          current = job.unit.name;
          const created = SpreadsheetApp.create(job.name);
          opened.set(job.index, { ss: created, blank: created.getSheets()[0].getName(), unit: job.unit.name });
          const book = new SheetsWorkbook(created);
          if (config) book.write([config]);
          return book;
        },
        close: (_book, job, result) => {
          const { ss: created, blank } = opened.get(job.index)!;
          // Hidden, not very hidden, as in a unit's .xlsx: the secretariat may unhide it to read it.
          created.getSheetByName(CONFIG_SHEET)?.hideSheet();
          const first = created.getSheetByName(blank);
          if (first) created.deleteSheet(first);
          // Every write lands before the spreadsheet is in the folder and its unit is told of it.
          SpreadsheetApp.flush();
          const file = DriveApp.getFileById(created.getId());
          file.moveTo(folder);
          opened.delete(job.index);
          made++;
          share(file, job.unit.name, shareAddress(result.email), true);
        },
      }),
    );
  } catch (e) {
    // The unit being made when it failed: its half-made spreadsheet goes to the trash, so the next press makes
    // it once; what was made stays, and the sidebar says where the run stopped and why.
    const [half] = [...opened.values()];
    let trashed = false;
    try {
      if (half) trashed = Boolean(DriveApp.getFileById(half.ss.getId()).setTrashed(true));
    } catch {
      // Drive refusing too (the same outage): the sidebar still says where the run stopped.
    }
    const reason = describeError(e);
    const message = RUN_TEXT.failed(
      current,
      isQuota(String((e as Error)?.message ?? e)) ? RUN_TEXT.quota : reason,
      made + skipped,
      units.length,
      trashed,
    );
    return finish({ done: false, message: [message, ...sharing()].join(' ') });
  }
  const done = run.left === 0;
  const said = [
    done ? RUN_TEXT.done(made, skipped, folder.getName()) : RUN_TEXT.stopped(made + skipped, units.length),
    ...sharing(),
  ];
  if (done && notInPeriod.length) said.push(ALL_TEMPLATES_TEXT.notInPeriod(notInPeriod));
  return finish({ done, message: said.join(' ') });

  function sharing(): string[] {
    return [...(shared ? [RUN_TEXT.shared(shared)] : []), ...(notShared.length ? [RUN_TEXT.notShared(notShared)] : [])];
  }
}

/** The document's record of a press going on: when it began (ms), in the document properties. */
const PRESS_KEY = 'dx.taoPhieuTatCa';
/** A record older than an execution can last is a press Apps Script stopped: it is not waited for. */
const PRESS_STALE_MS = 6.5 * 60 * 1000;

/**
 * One press at a time on a spreadsheet, without holding its document lock for minutes: the lock is taken only to
 * read and write a record in the document properties (Kiểm tra, Tổng hợp of colleagues go on meanwhile; a second
 * press is told who is at it). The press writes nothing into this spreadsheet.
 * https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties()
 */
export function oneAtATime<T>(work: () => T, now: () => number = () => Date.now()): T {
  const props = typeof PropertiesService === 'undefined' ? null : PropertiesService.getDocumentProperties();
  withDocumentLock(() => {
    const since = Number(props?.getProperty(PRESS_KEY) ?? 0);
    if (since && now() - since < PRESS_STALE_MS) throw new Error(RUN_TEXT.running(Math.round((now() - since) / 60000)));
    props?.setProperty(PRESS_KEY, String(now()));
  });
  try {
    return work();
  } finally {
    withDocumentLock(() => props?.deleteProperty(PRESS_KEY));
  }
}
