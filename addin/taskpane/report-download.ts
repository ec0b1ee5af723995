/*
 * Where the task pane can save the report it packs (a Blob behind an <a download>), by Office.PlatformType
 * (https://learn.microsoft.com/javascript/api/office/office.platformtype):
 *
 * - OfficeOnline: the pane is an iframe of the browser Excel runs in ("Office Add-ins are web applications
 *   that are displayed using iframes when running in Office on the web",
 *   https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins); the browser
 *   saves the file. Office's iframe carries the sandbox flag `allow-downloads` since Chrome 83 asked for it
 *   (OfficeDev/office-js#1221, #1241: fixed by Microsoft in June 2020).
 * - PC: WebView2 (Edge, Chromium) saves a download ("works fine … in Office for Windows",
 *   OfficeDev/office-js#2700); the one kind the same Microsoft page says it does not is a PDF Blob, for which
 *   it sends add-ins to Office.context.ui.openBrowserWindow ("Get errors trying to download a PDF file"). A
 *   .docx is not that case. Old Office builds on EdgeHTML or Trident (IE 11) may not save it: the link stays
 *   on screen, and the command line writes the same file.
 * - Mac, iOS: WKWebView saves no download from a task pane (OfficeDev/office-js#2700, closed "by design";
 *   #3385). openBrowserWindow (OpenBrowserWindowApi 1.1, desktop only:
 *   https://learn.microsoft.com/javascript/api/requirement-sets/common/open-browser-window-api-requirement-sets)
 *   opens an address in the system browser, and a blob: address exists only inside the pane that made it;
 *   the add-in is static files with no server to put the report on. So the pane says where it can be made.
 */

/** What the pane adds under the download where the webview cannot save it; nothing where it can. */
export const DOWNLOAD_NOTES: Record<string, string> = {
  Mac:
    'Excel cho Mac không cho khung bổ trợ lưu tệp tải về. Hãy mở sổ này bằng Excel trên web hoặc Excel cho ' +
    'Windows rồi bấm lại “Tạo báo cáo (Word)”, hoặc dùng dòng lệnh: dx-report consolidate … --docx bao-cao.docx.',
  iOS:
    'Excel trên iPad/iPhone không cho khung bổ trợ lưu tệp tải về. Hãy tạo báo cáo trong Excel trên web hoặc ' +
    'Excel cho Windows, hoặc bằng dòng lệnh: dx-report consolidate … --docx bao-cao.docx.',
};

export function downloadNote(platform: string | undefined): string | undefined {
  return platform ? DOWNLOAD_NOTES[platform] : undefined;
}

/** The same for the other files the pane makes: every unit's workbook (.zip) and the list not sent (.csv). */
const OTHER_NOTES: Record<'zip' | 'csv', string> = {
  zip:
    'không cho khung bổ trợ lưu tệp tải về. Hãy bấm lại trong Excel trên web hoặc Excel cho Windows, hoặc dùng ' +
    'dòng lệnh: dx-report template --all --registry DANH_MUC.xlsx --period 2026-11 --out-dir phieu/.',
  csv:
    'không cho khung bổ trợ lưu tệp tải về. Hãy bấm lại trong Excel trên web hoặc Excel cho Windows, hoặc dùng ' +
    'dòng lệnh: dx-report missing THƯ_MỤC --registry DANH_MUC.xlsx --out chua-nop.csv, hoặc ghi danh sách vào ' +
    'trang DX_ChuaNop.',
};
const WHO: Record<string, string> = { Mac: 'Excel cho Mac', iOS: 'Excel trên iPad/iPhone' };

export function fileNote(platform: string | undefined, what: 'zip' | 'csv'): string | undefined {
  return platform && WHO[platform] ? `${WHO[platform]} ${OTHER_NOTES[what]}` : undefined;
}
