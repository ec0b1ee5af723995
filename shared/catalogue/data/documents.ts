/**
 * The documents the catalogue's rows and targets come from, named as a reader knows them: a source in
 * DX_CauHinh reads "Báo cáo 9 tháng năm 2023, UBND TP Vũng Tàu, mục 6.2", not a file number. The seeds in
 * the repository's notes are these documents, in this order (seed 000 to seed 004).
 */
export const DOCUMENTS = {
  /** seed 000 */
  nhaTrang2023: 'Báo cáo 6 tháng đầu năm 2023, UBND TP Nha Trang',
  /** seed 001 */
  khanhHoa2023: 'Báo cáo tháng 1–5/2023, Ban Chỉ đạo chuyển đổi số tỉnh Khánh Hòa',
  /** seed 002 */
  quyNhon2023: 'Báo cáo thực hiện Kế hoạch 59/KH-UBND (2022–2023), UBND TP Quy Nhơn',
  /** seed 003 */
  vungTau2023: 'Báo cáo 9 tháng năm 2023, UBND TP Vũng Tàu',
  /** seed 004 */
  nhaTrang2024: 'Kế hoạch chuyển đổi số năm 2024, UBND TP Nha Trang',
} as const;
