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
 * @param numerator Tử số (số lượng), một ô hoặc một vùng.
 * @param denominator Mẫu số (số lượng), một ô hoặc một vùng.
 * @param [decimals] Số chữ số thập phân của tỷ lệ phần trăm; bỏ trống để không làm tròn.
 * @returns Tỷ lệ dạng phân số.
 */
export function rate(numerator: unknown[][], denominator: unknown[][], decimals?: number): unknown[][] {
  return excelRange('DX_RATE', numerator, denominator, decimals ?? null);
}

/**
 * Tỷ lệ chung = tổng tử số / tổng mẫu số, bỏ qua các dòng trống (không lấy trung bình các tỷ lệ).
 * @customfunction SUMRATE
 * @param numerators Vùng tử số.
 * @param denominators Vùng mẫu số, cùng kích thước.
 * @returns Tỷ lệ chung dạng phân số.
 */
export function sumrate(numerators: unknown[][], denominators: unknown[][]): number {
  return excelValue('DX_SUMRATE', numerators, denominators) as number;
}

/**
 * Đọc số viết kiểu Việt Nam (“4.602”, “68,67%”, “48 682”) thành số; báo lỗi khi viết không rõ.
 * @customfunction NUMBER
 * @param text Chữ cần đọc, một ô hoặc một vùng.
 * @returns Số đã đọc.
 */
export function number(text: unknown[][]): unknown[][] {
  return excelRange('DX_NUMBER', text);
}

/**
 * TRUE khi tỷ lệ báo cáo khớp tử số/mẫu số (làm tròn hoặc cắt bớt theo số chữ số thập phân đã ghi).
 * @customfunction RATE_OK
 * @param reported Tỷ lệ đã báo cáo (ví dụ “98,9%”).
 * @param numerator Tử số.
 * @param denominator Mẫu số.
 * @returns TRUE hoặc FALSE.
 */
export function rateOk(reported: unknown[][], numerator: unknown[][], denominator: unknown[][]): unknown[][] {
  return excelRange('DX_RATE_OK', reported, numerator, denominator);
}

/**
 * “Đạt” hoặc “Chưa đạt” khi so giá trị với chỉ tiêu (“100%”, “Trên 8,5%”, “tối thiểu 70%”, “30% đến cuối năm là 50%”).
 * @customfunction TARGET_MET
 * @param value Giá trị đạt được (tỷ lệ).
 * @param target Chỉ tiêu giao, ghi như trong kế hoạch.
 * @param [report_date] Ngày báo cáo: từ tháng 12 áp dụng mức “đến cuối năm”.
 * @returns Đạt hoặc Chưa đạt.
 */
export function targetMet(value: unknown[][], target: unknown[][], report_date?: unknown): unknown[][] {
  return excelRange('DX_TARGET_MET', value, target, report_date ?? null);
}

/**
 * Tiến độ: “Hoàn thành, đúng hạn”, “Hoàn thành, trễ hạn”, “Đang thực hiện theo tiến độ” hay “Đang thực hiện, trễ hạn”.
 * @customfunction STATUS
 * @param period Thời gian triển khai (“2023”, “2022-2024”, “Quý II/2023”, “Thường xuyên”)
 * @param completed Ngày hoàn thành, hoặc “x”, hoặc để trống khi chưa xong.
 * @param report_date Ngày báo cáo.
 * @returns Một trong bốn mức đánh giá.
 */
export function status(period: unknown[][], completed: unknown[][], report_date: unknown[][]): unknown[][] {
  return excelRange('DX_STATUS', period, completed, report_date);
}

/**
 * “Đúng hạn” hoặc “Trễ hạn”: báo cáo kỳ nào nộp trước ngày hạn của tháng sau (mặc định ngày 20); “Chưa nộp” khi trống.
 * @customfunction ONTIME
 * @param submitted_date Ngày nộp báo cáo.
 * @param period Kỳ báo cáo (“6/2023”, “tháng 6/2023”, “Quý II/2023”).
 * @param [deadline_day] Ngày hạn nộp trong tháng sau kỳ (mặc định 20).
 * @returns Đúng hạn, Trễ hạn hoặc Chưa nộp.
 */
export function ontime(submitted_date: unknown[][], period: unknown[][], deadline_day?: number): unknown[][] {
  return excelRange('DX_ONTIME', submitted_date, period, deadline_day ?? null);
}

/**
 * Tên đơn vị trong danh mục, dù viết có hay không “UBND”, dấu cũ/mới, NFC/NFD; gợi ý tên gần nhất khi gõ sai.
 * @customfunction UNIT
 * @param name Tên đơn vị như đã ghi.
 * @returns Tên đơn vị trong danh mục.
 */
export function unit(name: unknown[][]): unknown[][] {
  return excelRange('DX_UNIT', name);
}
