/**
 * The user guide (docs/huong-dan.md, built into HuongDan.html by webpack.config.js) in a dialog over the sheet,
 * which the user closes to go on
 * (https://developers.google.com/apps-script/reference/base/ui#showModalDialog(Object,String)).
 * The menu's "Hướng dẫn sử dụng" and the sidebar's link both open it.
 */
export function showGuideDialog(): void {
  SpreadsheetApp.getUi().showModalDialog(
    HtmlService.createHtmlOutputFromFile('HuongDan').setWidth(760).setHeight(620),
    'Hướng dẫn sử dụng',
  );
}
