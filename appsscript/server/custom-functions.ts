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
 * @param {number|string|Array<Array<*>>} tu_so Tử số (số lượng), một ô hoặc một vùng.
 * @param {number|string|Array<Array<*>>} mau_so Mẫu số (số lượng), một ô hoặc một vùng.
 * @param {number} [so_chu_so_thap_phan] Số chữ số thập phân của tỷ lệ phần trăm; bỏ trống để không làm tròn.
 * @return Tỷ lệ dạng phân số.
 * @customfunction
 */
global.DX_RATE = function (tu_so: unknown, mau_so: unknown, so_chu_so_thap_phan?: unknown) {
  return sheetsFormula('DX_RATE', tu_so, mau_so, so_chu_so_thap_phan ?? null);
};

/**
 * Tỷ lệ chung = tổng tử số / tổng mẫu số, bỏ qua các dòng trống (không lấy trung bình các tỷ lệ).
 * @param {Array<Array<*>>} vung_tu_so Vùng tử số.
 * @param {Array<Array<*>>} vung_mau_so Vùng mẫu số, cùng kích thước.
 * @return Tỷ lệ chung dạng phân số.
 * @customfunction
 */
global.DX_SUMRATE = function (vung_tu_so: unknown, vung_mau_so: unknown) {
  return sheetsFormula('DX_SUMRATE', vung_tu_so, vung_mau_so);
};

/**
 * Đọc số viết kiểu Việt Nam (“4.602”, “68,67%”, “48 682”) thành số; báo lỗi khi viết không rõ.
 * @param {string|Array<Array<string>>} van_ban Chữ cần đọc, một ô hoặc một vùng.
 * @return Số đã đọc.
 * @customfunction
 */
global.DX_NUMBER = function (van_ban: unknown) {
  return sheetsFormula('DX_NUMBER', van_ban);
};

/**
 * TRUE khi tỷ lệ báo cáo khớp tử số/mẫu số (làm tròn hoặc cắt bớt theo số chữ số thập phân đã ghi).
 * @param {number|string|Array<Array<*>>} ty_le_bao_cao Tỷ lệ đã báo cáo (ví dụ “98,9%”).
 * @param {number|string|Array<Array<*>>} tu_so Tử số.
 * @param {number|string|Array<Array<*>>} mau_so Mẫu số.
 * @return TRUE hoặc FALSE.
 * @customfunction
 */
global.DX_RATE_OK = function (ty_le_bao_cao: unknown, tu_so: unknown, mau_so: unknown) {
  return sheetsFormula('DX_RATE_OK', ty_le_bao_cao, tu_so, mau_so);
};

/**
 * “Đạt” hoặc “Chưa đạt” khi so giá trị với chỉ tiêu (“100%”, “Trên 8,5%”, “tối thiểu 70%”, “30% đến cuối năm là 50%”).
 * @param {number|string|Array<Array<*>>} gia_tri Giá trị đạt được (tỷ lệ).
 * @param {string|Array<Array<string>>} chi_tieu Chỉ tiêu giao, ghi như trong kế hoạch.
 * @param {Date|string} [ngay_bao_cao] Ngày báo cáo: từ tháng 12 áp dụng mức “đến cuối năm”.
 * @return Đạt hoặc Chưa đạt.
 * @customfunction
 */
global.DX_TARGET_MET = function (gia_tri: unknown, chi_tieu: unknown, ngay_bao_cao?: unknown) {
  return sheetsFormula('DX_TARGET_MET', gia_tri, chi_tieu, ngay_bao_cao ?? null);
};

/**
 * Tiến độ: “Hoàn thành, đúng hạn”, “Hoàn thành, trễ hạn”, “Đang thực hiện theo tiến độ” hay “Đang thực hiện, trễ hạn”.
 * @param {string|Array<Array<string>>} thoi_gian Thời gian (“2023”, “2022-2024”, “Quý II/2023”, “Thường xuyên”)
 * @param {Date|string|boolean|Array<Array<*>>} ngay_hoan_thanh Ngày hoàn thành, hoặc “x”, hoặc để trống khi chưa xong.
 * @param {Date|string|Array<Array<*>>} ngay_bao_cao Ngày báo cáo.
 * @return Một trong bốn mức đánh giá.
 * @customfunction
 */
global.DX_STATUS = function (thoi_gian: unknown, ngay_hoan_thanh: unknown, ngay_bao_cao: unknown) {
  return sheetsFormula('DX_STATUS', thoi_gian, ngay_hoan_thanh, ngay_bao_cao);
};

/**
 * “Đúng hạn” hoặc “Trễ hạn”: báo cáo kỳ nào nộp trước ngày hạn của tháng sau (mặc định ngày 20); “Chưa nộp” khi trống.
 * @param {Date|string|Array<Array<*>>} ngay_nop Ngày nộp báo cáo.
 * @param {string|Date|Array<Array<*>>} ky_bao_cao Kỳ báo cáo (“6/2023”, “tháng 6/2023”, “Quý II/2023”).
 * @param {number} [ngay_han] Ngày hạn nộp trong tháng sau kỳ (mặc định 20).
 * @return Đúng hạn, Trễ hạn hoặc Chưa nộp.
 * @customfunction
 */
global.DX_ONTIME = function (ngay_nop: unknown, ky_bao_cao: unknown, ngay_han?: unknown) {
  return sheetsFormula('DX_ONTIME', ngay_nop, ky_bao_cao, ngay_han ?? null);
};

/**
 * Tên đơn vị trong danh mục, dù viết có hay không “UBND”, dấu cũ/mới, NFC/NFD; gợi ý tên gần nhất khi gõ sai.
 * @param {string|Array<Array<string>>} ten_don_vi Tên đơn vị như đã ghi.
 * @return Tên đơn vị trong danh mục.
 * @customfunction
 */
global.DX_UNIT = function (ten_don_vi: unknown) {
  return sheetsFormula('DX_UNIT', ten_don_vi);
};
