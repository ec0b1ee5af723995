/*
 * The Apps Script side: menu, sidebar and the DX_ custom functions.
 * gas-webpack-plugin turns each `global.NAME = ...` below into a top-level
 * `function NAME(){}` stub carrying the JSDoc, which is what Sheets reads
 * for @customfunction and what menus and google.script.run call.
 */
import { IMPLEMENTATIONS } from '../../shared/formulas/catalog';
import { checkOp, completeOp } from '../../shared/operations/check';
import { writeOwnedOp } from '../../shared/operations/consolidate-op';
import { listSourcesOp, makeSourceListOp } from '../../shared/operations/sources-op';
import { ChartSpec } from '../../shared/workbook/port';
import { SheetSpec } from '../../shared/workbook/sheet-spec';
import { createTemplateOp, CreateTemplateInput } from '../../shared/operations/create-template';
import {
  inspectWorkbookOp,
  manualMappingOp,
  mappingTargetsOp,
  saveMappingOp,
} from '../../shared/operations/mapping-ops';
import { runSync } from '../../shared/operations/run';
import { DEFAULT_REGISTRIES } from '../../shared/registry/default';
import { ColumnMapping } from '../../shared/templates/mapping';
import { plainSnapshots, SheetsWorkbook } from './sheets-workbook';
import { toSheets } from './to-sheets';

declare const global: Record<string, unknown>;

const MENU = 'Báo cáo CĐS';

/**
 * Adds the "Báo cáo CĐS" menu when the spreadsheet opens.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e
 */
global.onOpen = (e?: unknown) => {
  void e;
  SpreadsheetApp.getUi()
    .createMenu(MENU)
    .addItem('Kiểm tra', 'showCheck')
    .addItem('Tạo phiếu báo cáo', 'showSidebar')
    .addItem('Tổng hợp phụ lục', 'showSidebar')
    .addItem('Mở bảng điều khiển (hàm DX)', 'showSidebar')
    .addToUi();
};

/**
 * Runs when the add-on is installed: same menu as onOpen.
 * @param {GoogleAppsScript.Events.AddonOnInstall} e
 */
global.onInstall = (e?: unknown) => {
  (global.onOpen as (e?: unknown) => void)(e);
};

/** Opens the sidebar. */
global.showSidebar = () => {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Báo cáo chuyển đổi số');
  SpreadsheetApp.getUi().showSidebar(html);
};

/** Menu "Kiểm tra": the sidebar, checking at once. */
global.showCheck = () => {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar')
    .append('<script>window.dxAutoCheck = true;</script>')
    .setTitle('Báo cáo chuyển đổi số');
  SpreadsheetApp.getUi().showSidebar(html);
};

/** "Kiểm tra" from the sidebar: issues as plain data; problem cells highlighted, with notes. */
global.dxCheck = () => runSync(checkOp(new SheetsWorkbook()));

/**
 * Selects an issue's cell.
 * @param {string} sheet
 * @param {string} cell
 */
global.dxSelect = (sheet: string, cell: string) => new SheetsWorkbook().select({ sheet, cell });

/** "Hoàn thành": stamps the completion time when no error is left. */
global.dxComplete = () => runSync(completeOp(new SheetsWorkbook()));

/** "Tổng hợp": the sources listed in DX_NguonDuLieu and the unit tabs of this spreadsheet. */
global.dxSources = () => runSync(listSourcesOp(new SheetsWorkbook()));

/**
 * Reads one source (only reads it), as plain data for the sidebar.
 * @param {string} id "ss:SPREADSHEET_ID" or "tab:SHEET_NAME"
 */
global.dxReadSource = (id: string) => {
  if (id.startsWith('ss:')) {
    const ss = SpreadsheetApp.openById(id.slice(3));
    return { source: { spreadsheet: ss.getName() }, sheets: plainSnapshots(new SheetsWorkbook(ss).read()) };
  }
  const name = id.replace(/^tab:/, '');
  return { source: { sheets: [name] }, sheets: plainSnapshots(new SheetsWorkbook().read([name])) };
};

/**
 * Writes the annexes the sidebar computed: the product's own sheets replaced, no other sheet touched.
 * @param {Object[]} sheets
 * @param {Object} chart
 */
global.dxWriteConsolidation = (sheets: SheetSpec[], chart: ChartSpec | null) => {
  const book = new SheetsWorkbook();
  runSync(
    writeOwnedOp(
      book,
      sheets.map((s) => SheetSpec.parse(s)),
    ),
  );
  if (chart) book.chart(chart);
  return sheets.map((s) => s.name);
};

/** Adds the registry sheet DX_NguonDuLieu to fill in. */
global.dxMakeSourceList = () => runSync(makeSourceListOp(new SheetsWorkbook()));

/** Registered unit names, for the sidebar's list. */
global.dxUnits = () => [...new Set(DEFAULT_REGISTRIES.flatMap((r) => r.units.map((u) => u.name)))];

/**
 * "Tạo phiếu báo cáo" from the sidebar: adds the unit workbook's sheets to this spreadsheet.
 * @param {{unit: string, period: string, preparer?: string}} input
 */
global.dxCreateTemplate = (input: Omit<CreateTemplateInput, 'matcher'>) =>
  runSync(createTemplateOp(new SheetsWorkbook(), input));

/** Tables recognised in this spreadsheet, and those waiting for a column mapping. */
global.dxInspect = () => runSync(inspectWorkbookOp(new SheetsWorkbook()));

/** Tables and sheets for a mapping made by hand. */
global.dxMappingTargets = () => runSync(mappingTargetsOp(new SheetsWorkbook()));

/**
 * The fields of a table and the header cells of a row, for a mapping made by hand.
 * @param {string} sheet
 * @param {string} table
 * @param {number} headerRow
 */
global.dxManualMapping = (sheet: string, table: string, headerRow: number) =>
  runSync(manualMappingOp(new SheetsWorkbook(), sheet, table, headerRow));

/**
 * Saves a column mapping in the hidden sheet DX_AnhXa.
 * @param {{sheet: string, table: string, headerRow: number, columns: Object}} mapping
 */
global.dxSaveMapping = (mapping: ColumnMapping) => runSync(saveMappingOp(new SheetsWorkbook(), mapping));

/**
 * Tỷ lệ = tử số / mẫu số (dạng phân số, định dạng ô là %). Nhận số hoặc chữ số kiểu Việt Nam, tính từng ô trên vùng.
 * @param {number|string|Array<Array<number|string>>} numerator Tử số (số lượng), một ô hoặc một vùng.
 * @param {number|string|Array<Array<number|string>>} denominator Mẫu số (số lượng), một ô hoặc một vùng.
 * @param {number} [decimals] Số chữ số thập phân của tỷ lệ phần trăm; bỏ trống để không làm tròn.
 * @return Tỷ lệ dạng phân số.
 * @customfunction
 */
global.DX_RATE = (numerator: any, denominator: any, decimals?: any) =>
  toSheets(IMPLEMENTATIONS.DX_RATE(numerator, denominator, decimals ?? null));

/**
 * Tỷ lệ chung = tổng tử số / tổng mẫu số, bỏ qua các dòng trống (không lấy trung bình các tỷ lệ).
 * @param {Array<Array<number|string>>} numerators Vùng tử số.
 * @param {Array<Array<number|string>>} denominators Vùng mẫu số, cùng kích thước.
 * @return Tỷ lệ chung dạng phân số.
 * @customfunction
 */
global.DX_SUMRATE = (numerators: any, denominators: any) =>
  toSheets(IMPLEMENTATIONS.DX_SUMRATE(numerators, denominators));

/**
 * Đọc số viết kiểu Việt Nam (“4.602”, “68,67%”, “48 682”) thành số; báo lỗi khi viết không rõ.
 * @param {string|Array<Array<string>>} text Chữ cần đọc, một ô hoặc một vùng.
 * @return Số đã đọc.
 * @customfunction
 */
global.DX_NUMBER = (text: any) => toSheets(IMPLEMENTATIONS.DX_NUMBER(text));

/**
 * TRUE khi tỷ lệ báo cáo khớp tử số/mẫu số (làm tròn hoặc cắt bớt theo số chữ số thập phân đã ghi).
 * @param {number|string} reported Tỷ lệ đã báo cáo (ví dụ “98,9%”).
 * @param {number|string} numerator Tử số.
 * @param {number|string} denominator Mẫu số.
 * @return TRUE hoặc FALSE.
 * @customfunction
 */
global.DX_RATE_OK = (reported: any, numerator: any, denominator: any) =>
  toSheets(IMPLEMENTATIONS.DX_RATE_OK(reported, numerator, denominator));

/**
 * “Đạt” hoặc “Chưa đạt” khi so giá trị với chỉ tiêu (“100%”, “Trên 8,5%”, “tối thiểu 70%”, “30% đến cuối năm là 50%”).
 * @param {number|string} value Giá trị đạt được (tỷ lệ).
 * @param {string} target Chỉ tiêu giao, ghi như trong kế hoạch.
 * @param {Date|string} [report_date] Ngày báo cáo: từ tháng 12 áp dụng mức “đến cuối năm”.
 * @return Đạt hoặc Chưa đạt.
 * @customfunction
 */
global.DX_TARGET_MET = (value: any, target: any, report_date?: any) =>
  toSheets(IMPLEMENTATIONS.DX_TARGET_MET(value, target, report_date ?? null));

/**
 * Đánh giá tiến độ nhiệm vụ: “Hoàn thành, đúng hạn”, “Hoàn thành, trễ hạn”, “Đang thực hiện theo tiến độ” hoặc “Đang thực hiện, trễ hạn”.
 * @param {string} period Thời gian triển khai (“2023”, “2022-2024”, “Quý II/2023”, “Thường xuyên”).
 * @param {Date|string|boolean} completed Ngày hoàn thành, hoặc “x”, hoặc để trống khi chưa xong.
 * @param {Date|string} report_date Ngày báo cáo.
 * @return Một trong bốn mức đánh giá.
 * @customfunction
 */
global.DX_STATUS = (period: any, completed: any, report_date: any) =>
  toSheets(IMPLEMENTATIONS.DX_STATUS(period, completed, report_date));

/**
 * “Đúng hạn” hoặc “Trễ hạn”: báo cáo kỳ nào nộp trước ngày hạn của tháng sau (mặc định ngày 20); “Chưa nộp” khi trống.
 * @param {Date|string} submitted_date Ngày nộp báo cáo.
 * @param {string|Date} period Kỳ báo cáo (“6/2023”, “tháng 6/2023”, “Quý II/2023”).
 * @param {number} [deadline_day] Ngày hạn nộp trong tháng sau kỳ (mặc định 20).
 * @return Đúng hạn, Trễ hạn hoặc Chưa nộp.
 * @customfunction
 */
global.DX_ONTIME = (submitted_date: any, period: any, deadline_day?: any) =>
  toSheets(IMPLEMENTATIONS.DX_ONTIME(submitted_date, period, deadline_day ?? null));

/**
 * Tên chuẩn của đơn vị trong danh mục, dù viết có hay không có “UBND”, dấu cũ/mới, NFC/NFD; gợi ý tên gần nhất khi gõ sai.
 * @param {string|Array<Array<string>>} name Tên đơn vị như đã ghi.
 * @return Tên đơn vị trong danh mục.
 * @customfunction
 */
global.DX_UNIT = (name: any) => toSheets(IMPLEMENTATIONS.DX_UNIT(name));
