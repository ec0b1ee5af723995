/*
 * Generated from shared/formulas/catalog.ts by scripts/gen-formulas.js — do not edit: change the catalogue,
 * then run `npm run gen:formulas` (tests/formulas.generated.test.ts fails while this file differs).
 *
 * The DX_ custom functions of Google Sheets. gas-webpack-plugin writes a top-level `function DX_…(){}` stub
 * with the JSDoc of each `global.DX_… = …` below into Code.js; Sheets reads @customfunction, the parameters
 * and their descriptions from it. main.ts requires this file so that it stays a module of its own: the
 * plugin writes the stubs of such a module, not those of a module webpack concatenates into another.
 */

import { sheetsFormula } from './to-sheets';

declare const global: Record<string, unknown>;

/**
 * Tỷ lệ = tử số / mẫu số (dạng phân số, định dạng ô là %). Nhận số hoặc chữ số kiểu Việt Nam, tính từng ô trên vùng.
 * @param {number|string|Array<Array<*>>} numerator Tử số (số lượng), một ô hoặc một vùng.
 * @param {number|string|Array<Array<*>>} denominator Mẫu số (số lượng), một ô hoặc một vùng.
 * @param {number} [decimals] Số chữ số thập phân của tỷ lệ phần trăm; bỏ trống để không làm tròn.
 * @return Tỷ lệ dạng phân số.
 * @customfunction
 */
global.DX_RATE = function (numerator: unknown, denominator: unknown, decimals?: unknown) {
  return sheetsFormula('DX_RATE', numerator, denominator, decimals ?? null);
};

/**
 * Tỷ lệ chung = tổng tử số / tổng mẫu số, bỏ qua các dòng trống (không lấy trung bình các tỷ lệ).
 * @param {Array<Array<*>>} numerators Vùng tử số.
 * @param {Array<Array<*>>} denominators Vùng mẫu số, cùng kích thước.
 * @return Tỷ lệ chung dạng phân số.
 * @customfunction
 */
global.DX_SUMRATE = function (numerators: unknown, denominators: unknown) {
  return sheetsFormula('DX_SUMRATE', numerators, denominators);
};

/**
 * Đọc số viết kiểu Việt Nam (“4.602”, “68,67%”, “48 682”) thành số; báo lỗi khi viết không rõ.
 * @param {string|Array<Array<string>>} text Chữ cần đọc, một ô hoặc một vùng.
 * @return Số đã đọc.
 * @customfunction
 */
global.DX_NUMBER = function (text: unknown) {
  return sheetsFormula('DX_NUMBER', text);
};

/**
 * TRUE khi tỷ lệ báo cáo khớp tử số/mẫu số (làm tròn hoặc cắt bớt theo số chữ số thập phân đã ghi).
 * @param {number|string|Array<Array<*>>} reported Tỷ lệ đã báo cáo (ví dụ “98,9%”).
 * @param {number|string|Array<Array<*>>} numerator Tử số.
 * @param {number|string|Array<Array<*>>} denominator Mẫu số.
 * @return TRUE hoặc FALSE.
 * @customfunction
 */
global.DX_RATE_OK = function (reported: unknown, numerator: unknown, denominator: unknown) {
  return sheetsFormula('DX_RATE_OK', reported, numerator, denominator);
};

/**
 * “Đạt” hoặc “Chưa đạt” khi so giá trị với chỉ tiêu (“100%”, “Trên 8,5%”, “tối thiểu 70%”, “30% đến cuối năm là 50%”).
 * @param {number|string|Array<Array<*>>} value Giá trị đạt được (tỷ lệ).
 * @param {string|Array<Array<string>>} target Chỉ tiêu giao, ghi như trong kế hoạch.
 * @param {Date|string} [report_date] Ngày báo cáo: từ tháng 12 áp dụng mức “đến cuối năm”.
 * @return Đạt hoặc Chưa đạt.
 * @customfunction
 */
global.DX_TARGET_MET = function (value: unknown, target: unknown, report_date?: unknown) {
  return sheetsFormula('DX_TARGET_MET', value, target, report_date ?? null);
};

/**
 * Tiến độ: “Hoàn thành, đúng hạn”, “Hoàn thành, trễ hạn”, “Đang thực hiện theo tiến độ” hay “Đang thực hiện, trễ hạn”.
 * @param {string|Array<Array<string>>} period Thời gian triển khai (“2023”, “2022-2024”, “Quý II/2023”, “Thường xuyên”)
 * @param {Date|string|boolean|Array<Array<*>>} completed Ngày hoàn thành, hoặc “x”, hoặc để trống khi chưa xong.
 * @param {Date|string|Array<Array<*>>} report_date Ngày báo cáo.
 * @return Một trong bốn mức đánh giá.
 * @customfunction
 */
global.DX_STATUS = function (period: unknown, completed: unknown, report_date: unknown) {
  return sheetsFormula('DX_STATUS', period, completed, report_date);
};

/**
 * “Đúng hạn” hoặc “Trễ hạn”: báo cáo kỳ nào nộp trước ngày hạn của tháng sau (mặc định ngày 20); “Chưa nộp” khi trống.
 * @param {Date|string|Array<Array<*>>} submitted_date Ngày nộp báo cáo.
 * @param {string|Date|Array<Array<*>>} period Kỳ báo cáo (“6/2023”, “tháng 6/2023”, “Quý II/2023”).
 * @param {number} [deadline_day] Ngày hạn nộp trong tháng sau kỳ (mặc định 20).
 * @return Đúng hạn, Trễ hạn hoặc Chưa nộp.
 * @customfunction
 */
global.DX_ONTIME = function (submitted_date: unknown, period: unknown, deadline_day?: unknown) {
  return sheetsFormula('DX_ONTIME', submitted_date, period, deadline_day ?? null);
};

/**
 * Tên đơn vị trong danh mục, dù viết có hay không “UBND”, dấu cũ/mới, NFC/NFD; gợi ý tên gần nhất khi gõ sai.
 * @param {string|Array<Array<string>>} name Tên đơn vị như đã ghi.
 * @return Tên đơn vị trong danh mục.
 * @customfunction
 */
global.DX_UNIT = function (name: unknown) {
  return sheetsFormula('DX_UNIT', name);
};
