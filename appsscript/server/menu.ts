/* The menu, the triggers that add it, and the sidebar its items open (see main.ts for the stubs). */
declare const global: Record<string, unknown>;

const MENU = 'Báo cáo CĐS';
const TITLE = 'Báo cáo chuyển đổi số';

function addMenu(): void {
  SpreadsheetApp.getUi()
    .createMenu(MENU)
    .addItem('Kiểm tra', 'showCheck')
    .addItem('Tạo phiếu báo cáo', 'showSidebar')
    .addItem('Tổng hợp phụ lục', 'showSidebar')
    .addItem('Mở bảng điều khiển (hàm DX)', 'showSidebar')
    .addToUi();
}

function openSidebar(html: GoogleAppsScript.HTML.HtmlOutput): void {
  SpreadsheetApp.getUi().showSidebar(html.setTitle(TITLE));
}

/**
 * Adds the "Báo cáo CĐS" menu when the spreadsheet opens.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e
 */
global.onOpen = (e?: GoogleAppsScript.Events.SheetsOnOpen) => {
  void e;
  addMenu();
};

/**
 * Runs when the add-on is installed: same menu as onOpen.
 * @param {GoogleAppsScript.Events.AddonOnInstall} e
 */
global.onInstall = (e?: GoogleAppsScript.Events.AddonOnInstall) => {
  void e;
  addMenu();
};

/** Opens the sidebar. */
global.showSidebar = () => openSidebar(HtmlService.createHtmlOutputFromFile('Sidebar'));

/** Menu "Kiểm tra": the sidebar, checking at once. */
global.showCheck = () =>
  openSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').append('<script>window.dxAutoCheck = true;</script>'));

// A module, so that `global` above is this file's own declaration.
export {};
