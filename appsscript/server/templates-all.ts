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
 *   spreadsheet is already in the folder (same name) is skipped: never made twice, never overwritten.
 */
import { runSync } from '../../shared/operations/run';
import {
  ALL_TEMPLATES_TEXT,
  AllTemplatesInput,
  folderName,
  shareAddress,
  templatesForUnitsOp,
  templatesToMakeOp,
  unitJobs,
} from '../../shared/operations/templates-all';
import { formatNumber } from '../../shared/numbers/format';
import { DEFAULT_REGISTRIES } from '../../shared/registry/default';
import { provinceRegistry } from '../../shared/registry/dvhc';
import { UnitMatcher } from '../../shared/registry/match';
import { CONFIG_SHEET } from '../../shared/templates/version';
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

const RUN_TEXT = {
  done: (made: number, skipped: number, folder: string) =>
    `Đã tạo ${formatNumber(made)} bảng tính trong thư mục “${folder}”` +
    (skipped ? ` (${formatNumber(skipped)} đơn vị đã có bảng tính từ lần trước, giữ nguyên).` : '.'),
  stopped: (done: number, total: number) =>
    `Đã tạo ${formatNumber(done)}/${formatNumber(total)} phiếu; dừng trước giới hạn 6 phút của Apps Script. ` +
    'Bấm lại nút để tạo tiếp: đơn vị đã có bảng tính được bỏ qua.',
  shared: (n: number) => `Đã chia sẻ quyền chỉnh sửa ${formatNumber(n)} bảng tính với thư điện tử của đơn vị.`,
  notShared: (xs: Array<{ unit: string; email: string }>) =>
    `Không chia sẻ được với: ${xs.map((x) => `${x.unit} (${x.email})`).join(', ')}.`,
} as const;

/** The folder this spreadsheet is in (its first), else the root of My Drive (a file shared with the user). */
export function spreadsheetFolder(ss: Spreadsheet): Folder {
  const parents = DriveApp.getFileById(ss.getId()).getParents();
  return parents.hasNext() ? parents.next() : DriveApp.getRootFolder();
}

/** The period's folder beside this spreadsheet, made once. */
function periodFolder(ss: Spreadsheet, name: string): Folder {
  const parent = spreadsheetFolder(ss);
  const found = parent.getFoldersByName(name);
  return found.hasNext() ? found.next() : parent.createFolder(name);
}

/** The names of the spreadsheets already in the folder: their units are done. */
function namesIn(folder: Folder): Set<string> {
  const names = new Set<string>();
  // MimeType.GOOGLE_SHEETS (https://developers.google.com/apps-script/reference/base/mime-type).
  const files = folder.getFilesByType(SHEETS_MIME);
  while (files.hasNext()) names.add(files.next().getName());
  return names;
}

/** One press: as many units as fit in TIME_BUDGET_MS, those already in the folder skipped. */
export function templatesIntoDrive(input: AllTemplatesInput, clock: () => number = () => Date.now()): FolderRun {
  const started = clock();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { registry, label, units, notInPeriod, config } = runSync(
    templatesToMakeOp(new SheetsWorkbook(ss), input, { builtIn: DEFAULT_REGISTRIES, province: provinceRegistry }),
  );
  const folder = periodFolder(ss, folderName(label));
  const there = namesIn(folder);
  const notShared: FolderRun['notShared'] = [];
  let shared = 0;
  // Each unit's new spreadsheet and the name of the blank sheet it was made with, by the unit's place.
  const opened = new Map<number, { ss: Spreadsheet; blank: string }>();
  const run = runSync(
    templatesForUnitsOp<SheetsWorkbook>({
      jobs: unitJobs(units, label, ''),
      period: input.period,
      preparer: input.preparer,
      matcher: new UnitMatcher([registry]),
      skip: (job) => there.has(job.name),
      stop: () => clock() - started > TIME_BUDGET_MS,
      open: (job) => {
        const created = SpreadsheetApp.create(job.name);
        const book = new SheetsWorkbook(created);
        opened.set(job.index, { ss: created, blank: created.getSheets()[0].getName() });
        if (config) book.write([config]);
        return book;
      },
      close: (_book, job, made) => {
        const { ss: created, blank } = opened.get(job.index)!;
        opened.delete(job.index);
        // Hidden, not very hidden, as in a unit's .xlsx: the secretariat may unhide it to read it.
        created.getSheetByName(CONFIG_SHEET)?.hideSheet();
        const first = created.getSheetByName(blank);
        if (first) created.deleteSheet(first);
        const file = DriveApp.getFileById(created.getId());
        file.moveTo(folder);
        const email = shareAddress(made.email);
        if (!email) return;
        try {
          file.addEditor(email);
          shared++;
        } catch {
          notShared.push({ unit: job.unit.name, email });
        }
      },
    }),
  );
  const done = run.left === 0;
  const said = [
    done
      ? RUN_TEXT.done(run.made.length, run.skipped.length, folder.getName())
      : RUN_TEXT.stopped(run.made.length + run.skipped.length, units.length),
  ];
  if (shared) said.push(RUN_TEXT.shared(shared));
  if (notShared.length) said.push(RUN_TEXT.notShared(notShared));
  if (done && notInPeriod.length) said.push(ALL_TEMPLATES_TEXT.notInPeriod(notInPeriod));
  return {
    name: folder.getName(),
    url: folder.getUrl(),
    made: run.made.length,
    skipped: run.skipped.length,
    total: units.length,
    shared,
    notShared,
    done,
    message: said.join(' '),
  };
}
