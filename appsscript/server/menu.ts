/* The menu, the triggers that add it, and the sidebar its items open (see main.ts for the stubs). */
import { showGuideDialog } from './guide';
declare const global: Record<string, unknown>;

const MENU = 'Báo cáo CĐS';
const TITLE = 'Báo cáo chuyển đổi số';

/**
 * True when the script runs as an Editor add-on, not bound to the spreadsheet (the `clasp push` use):
 * an add-on's onOpen runs in AuthMode.NONE until the user enables it in the document
 * (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle), and
 * ScriptApp.getInstallationSource() is NONE only for a script that is not an add-on
 * (https://developers.google.com/apps-script/reference/script/installation-source).
 */
function runsAsAddOn(e?: { authMode?: unknown }): boolean {
  const known = typeof ScriptApp !== 'undefined';
  if (e?.authMode !== undefined && (known ? e.authMode === ScriptApp.AuthMode.NONE : String(e.authMode) === 'NONE'))
    return true;
  if (!known) return false;
  try {
    return ScriptApp.getInstallationSource() !== ScriptApp.InstallationSource.NONE;
  } catch {
    // Not every service answers in every authorization mode: then it is the bound script.
    return false;
  }
}

/**
 * An add-on puts its items under Extensions → (the add-on's name) with createAddonMenu, the only menu an
 * Editor add-on may add (https://developers.google.com/apps-script/reference/base/ui#createAddonMenu());
 * the bound script keeps its own "Báo cáo CĐS" menu in the menu bar (createMenu).
 */
function addMenu(e?: { authMode?: unknown }): void {
  const ui = SpreadsheetApp.getUi();
  (runsAsAddOn(e) ? ui.createAddonMenu() : ui.createMenu(MENU))
    .addItem('Kiểm tra', 'showCheck')
    .addItem('Tạo phiếu báo cáo', 'showSidebar')
    .addItem('Tổng hợp phụ lục', 'showSidebar')
    .addItem('Mở bảng điều khiển (hàm DX)', 'showSidebar')
    .addSeparator()
    .addItem('Hướng dẫn sử dụng', 'showGuide')
    .addToUi();
}

function openSidebar(html: GoogleAppsScript.HTML.HtmlOutput): void {
  SpreadsheetApp.getUi().showSidebar(html.setTitle(TITLE));
}

/**
 * Adds the "Báo cáo CĐS" menu when the spreadsheet opens.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e
 */
global.onOpen = (e?: GoogleAppsScript.Events.SheetsOnOpen) => addMenu(e);

/**
 * Runs when the add-on is installed: the menu of onOpen, at once (the documented onInstall pattern).
 * @param {GoogleAppsScript.Events.AddonOnInstall} e
 */
global.onInstall = (e?: GoogleAppsScript.Events.AddonOnInstall) => addMenu(e);

/** Opens the sidebar. */
global.showSidebar = () => openSidebar(HtmlService.createHtmlOutputFromFile('Sidebar'));

/** Menu "Hướng dẫn sử dụng": the user guide in a dialog. */
global.showGuide = () => showGuideDialog();

/** Menu "Kiểm tra": the sidebar, checking at once. */
global.showCheck = () =>
  openSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').append('<script>window.dxAutoCheck = true;</script>'));

// A module, so that `global` above is this file's own declaration.
export {};
