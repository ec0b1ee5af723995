/*
 * Generated from shared/formulas/catalog.ts by scripts/gen-formulas.js — do not edit: change the catalogue,
 * then run `npm run gen:formulas` (tests/formulas.generated.test.ts fails while this file differs).
 *
 * Excel custom functions (namespace DX, so cells read =DX.RATE(...)).
 * custom-functions-metadata-plugin reads these JSDoc blocks and the TypeScript types to write
 * functions.json (unknown[][]: a matrix of any values; unknown: one value of any type) and appends
 * the CustomFunctions.associate calls; each wrapper only hands cells to the shared core and turns
 * its errors into Excel's.
 */

import { excelRange, excelValue } from './to-excel';

/**
 * Tỷ lệ = tử số / mẫu số (dạng phân số, định dạng ô là %). Nhận số hoặc chữ số kiểu Việt Nam, tính từng ô trên vùng.
 * @customfunction RATE
 * @param tu_so Tử số (số lượng), một ô hoặc một vùng.
 * @param mau_so Mẫu số (số lượng), một ô hoặc một vùng.
 * @param [so_chu_so_thap_phan] Số chữ số thập phân của tỷ lệ phần trăm; bỏ trống để không làm tròn.
 * @returns Tỷ lệ dạng phân số.
 */
export function rate(tu_so: unknown[][], mau_so: unknown[][], so_chu_so_thap_phan?: number): unknown[][] {
  return excelRange('DX_RATE', tu_so, mau_so, so_chu_so_thap_phan ?? null);
}

/**
 * Tỷ lệ chung = tổng tử số / tổng mẫu số, bỏ qua các dòng trống (không lấy trung bình các tỷ lệ).
 * @customfunction SUMRATE
 * @param vung_tu_so Vùng tử số.
 * @param vung_mau_so Vùng mẫu số, cùng kích thước.
 * @returns Tỷ lệ chung dạng phân số.
 */
export function sumrate(vung_tu_so: unknown[][], vung_mau_so: unknown[][]): number {
  return excelValue('DX_SUMRATE', vung_tu_so, vung_mau_so) as number;
}

/**
 * Đọc số viết kiểu Việt Nam (“4.602”, “68,67%”, “48 682”) thành số; báo lỗi khi viết không rõ.
 * @customfunction NUMBER
 * @param van_ban Chữ cần đọc, một ô hoặc một vùng.
 * @returns Số đã đọc.
 */
export function number(van_ban: unknown[][]): unknown[][] {
  return excelRange('DX_NUMBER', van_ban);
}

/**
 * TRUE khi tỷ lệ báo cáo khớp tử số/mẫu số (làm tròn hoặc cắt bớt theo số chữ số thập phân đã ghi).
 * @customfunction RATE_OK
 * @param ty_le_bao_cao Tỷ lệ đã báo cáo (ví dụ “98,9%”).
 * @param tu_so Tử số.
 * @param mau_so Mẫu số.
 * @returns TRUE hoặc FALSE.
 */
export function rateOk(ty_le_bao_cao: unknown[][], tu_so: unknown[][], mau_so: unknown[][]): unknown[][] {
  return excelRange('DX_RATE_OK', ty_le_bao_cao, tu_so, mau_so);
}

/**
 * “Đạt” hoặc “Chưa đạt” khi so giá trị với chỉ tiêu (“100%”, “Trên 8,5%”, “tối thiểu 70%”, “30% đến cuối năm là 50%”).
 * @customfunction TARGET_MET
 * @param gia_tri Giá trị đạt được (tỷ lệ).
 * @param chi_tieu Chỉ tiêu giao, ghi như trong kế hoạch.
 * @param [ngay_bao_cao] Ngày báo cáo: từ tháng 12 áp dụng mức “đến cuối năm”.
 * @returns Đạt hoặc Chưa đạt.
 */
export function targetMet(gia_tri: unknown[][], chi_tieu: unknown[][], ngay_bao_cao?: unknown): unknown[][] {
  return excelRange('DX_TARGET_MET', gia_tri, chi_tieu, ngay_bao_cao ?? null);
}

/**
 * Tiến độ: “Hoàn thành, đúng hạn”, “Hoàn thành, trễ hạn”, “Đang thực hiện theo tiến độ” hay “Đang thực hiện, trễ hạn”.
 * @customfunction STATUS
 * @param thoi_gian Thời gian (“2023”, “2022-2024”, “Quý II/2023”, “Thường xuyên”)
 * @param ngay_hoan_thanh Ngày hoàn thành, hoặc “x”, hoặc để trống khi chưa xong.
 * @param ngay_bao_cao Ngày báo cáo.
 * @returns Một trong bốn mức đánh giá.
 */
export function status(thoi_gian: unknown[][], ngay_hoan_thanh: unknown[][], ngay_bao_cao: unknown[][]): unknown[][] {
  return excelRange('DX_STATUS', thoi_gian, ngay_hoan_thanh, ngay_bao_cao);
}

/**
 * “Đúng hạn” hoặc “Trễ hạn”: báo cáo kỳ nào nộp trước ngày hạn của tháng sau (mặc định ngày 20); “Chưa nộp” khi trống.
 * @customfunction ONTIME
 * @param ngay_nop Ngày nộp báo cáo.
 * @param ky_bao_cao Kỳ báo cáo (“6/2023”, “tháng 6/2023”, “Quý II/2023”).
 * @param [ngay_han] Ngày hạn nộp trong tháng sau kỳ (mặc định 20).
 * @returns Đúng hạn, Trễ hạn hoặc Chưa nộp.
 */
export function ontime(ngay_nop: unknown[][], ky_bao_cao: unknown[][], ngay_han?: number): unknown[][] {
  return excelRange('DX_ONTIME', ngay_nop, ky_bao_cao, ngay_han ?? null);
}

/**
 * Tên đơn vị trong danh mục, dù viết có hay không “UBND”, dấu cũ/mới, NFC/NFD; gợi ý tên gần nhất khi gõ sai.
 * @customfunction UNIT
 * @param ten_don_vi Tên đơn vị như đã ghi.
 * @returns Tên đơn vị trong danh mục.
 */
export function unit(ten_don_vi: unknown[][]): unknown[][] {
  return excelRange('DX_UNIT', ten_don_vi);
}
