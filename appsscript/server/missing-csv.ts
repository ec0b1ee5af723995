/*
 * "Tải CSV" of the list not sent, from the sidebar. A download from the sidebar is not relied on: the sidebar
 * runs in HtmlService's sandboxed iframe, and Chrome (83 and later) blocks a download started in a sandboxed
 * frame unless its sandbox carries "allow-downloads" (https://www.chromestatus.com/feature/5706745674465280;
 * HTML's sandboxing flags, https://html.spec.whatwg.org/multipage/iframe-embed-object.html#attr-iframe-sandbox).
 * HtmlService's documentation does not say that flag is set
 * (https://developers.google.com/apps-script/guides/html/restrictions): the CSV is saved as a new Drive file
 * beside the spreadsheet (Folder.createFile(name, content, mimeType),
 * https://developers.google.com/apps-script/reference/drive/folder#createFile(String,String,String)) and the
 * sidebar shows its link. A new file each time: Drive keeps files of the same name apart, none is replaced.
 */
import { isMissingCsv, missingCsvName } from '../../shared/consolidate/missing-list';
import { inWritableFolder } from './templates-all';

/** MimeType.CSV (https://developers.google.com/apps-script/reference/base/mime-type). */
const CSV_MIME = 'text/csv';

/** Refused when what the sidebar sends is not the list (the server writes this list, nothing else). */
export const NOT_THE_LIST = 'Nội dung gửi lên không phải danh sách chưa nộp: không lưu tệp nào.';

/** Saves the sidebar's CSV (made by the shared missingCsv) in Drive; its name and address. */
export function saveMissingCsv(csv: string, period: string | null): { name: string; url: string } {
  if (typeof csv !== 'string' || !isMissingCsv(csv)) throw new Error(NOT_THE_LIST);
  const name = missingCsvName(period);
  const file = inWritableFolder(SpreadsheetApp.getActiveSpreadsheet(), (f) => f.createFile(name, csv, CSV_MIME));
  return { name: file.getName(), url: file.getUrl() };
}
