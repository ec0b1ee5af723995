/**
 * Every kind of check the validator makes, as data: the id an issue carries,
 * what it checks, and an example message (the README's table is this list).
 */
export const RULE_KINDS = [
  {
    id: 'BAT-BUOC',
    title: 'Bắt buộc',
    checks: 'Ô phải có số liệu: thông tin chung (đơn vị, kỳ, ngày báo cáo, người lập); tử số đi cùng mẫu số.',
    example: 'Thiếu “Ngày báo cáo”.',
  },
  {
    id: 'KIEU-SO-DEM',
    title: 'Số đếm',
    checks: 'Cột số lượng chỉ nhận số nguyên không âm.',
    example: 'Số lượng phải là số nguyên không âm: “-3”.',
  },
  {
    id: 'KIEU-PHAN-TRAM',
    title: 'Tỷ lệ trong cột số lượng',
    checks: 'Một tỷ lệ phần trăm gõ vào cột số lượng.',
    example: '“100%” là tỷ lệ, cột “Số TTHC có phát sinh giao dịch thanh toán trực tuyến (5)” cần số lượng.',
  },
  {
    id: 'KIEU-CHU',
    title: 'Chữ trong cột số',
    checks: 'Chữ (hoặc số kèm chữ) trong cột số.',
    example: '“24 loại” có chữ “loại” bên cạnh số 24; hãy chỉ ghi số.',
  },
  {
    id: 'KIEU-MO-HO',
    title: 'Số viết không rõ',
    checks: 'Cách viết đọc được hai nghĩa (dấu chấm/phẩy).',
    example: '“421.62”: dấu chấm không tách đúng nhóm 3 chữ số.',
  },
  {
    id: 'TY-LE',
    title: 'Tỷ lệ báo cáo',
    checks: 'Tỷ lệ ghi khớp tử số/mẫu số (làm tròn hoặc cắt bớt theo số chữ số đã ghi).',
    example: 'Tỷ lệ báo cáo 54,03% không khớp 118.103/142.378 = 82,95%',
  },
  {
    id: 'TU-LON-HON-MAU',
    title: 'Tử số ≤ mẫu số',
    checks: 'Tử số không vượt mẫu số, trừ chỉ tiêu được phép vượt 100%.',
    example: 'Tử số 23.802 lớn hơn mẫu số 23.391.',
  },
  {
    id: 'CONG-THUC',
    title: 'Quy tắc của bảng',
    checks: 'Các quy tắc khai báo trong DX_CauHinh: phần cộng bằng tổng, chuỗi ≥, cột (2) ≤ (1)…',
    example: 'Tiếp nhận = đã giải quyết + đang giải quyết: 16 ≠ 10 + 5 = 15.',
  },
  {
    id: 'TIEN-DO',
    title: 'Đánh giá tiến độ',
    checks: 'Đánh giá nhiệm vụ khớp thời gian triển khai, ngày hoàn thành và ngày báo cáo.',
    example:
      'Nhiệm vụ “2022-2024” chưa hoàn thành, báo cáo 15/01/2025: phải là “Đang thực hiện, trễ hạn”, không phải “Đang thực hiện theo tiến độ”.',
  },
  {
    id: 'THU-TU-NGAY',
    title: 'Thứ tự ngày',
    checks:
      'Ngày hoàn thành không trước thời gian triển khai, không sau ngày báo cáo; ngày báo cáo không trước khi kỳ kết thúc.',
    example: 'Ngày hoàn thành 15/07/2023 sau ngày báo cáo 30/06/2023.',
  },
  {
    id: 'DAT-CHUA-DAT',
    title: 'Đạt / Chưa đạt',
    checks: 'Đánh giá khớp tỷ lệ và chỉ tiêu giao.',
    example: 'Ghi “Đạt” nhưng 22,41% chưa đạt chỉ tiêu “100%”.',
  },
  {
    id: 'TEN-DON-VI',
    title: 'Tên đơn vị',
    checks: 'Tên đơn vị có trong danh mục; gợi ý tên gần nhất khi gõ sai.',
    example: '“Pường 1” không có trong danh mục. Có phải “Phường 1”?',
  },
  {
    id: 'KY-BAO-CAO',
    title: 'Kỳ báo cáo, phiên bản mẫu',
    checks: 'Kỳ báo cáo đọc được và đúng kỳ được hỏi; phiên bản mẫu đúng.',
    example: 'Kỳ báo cáo “tháng 5/2023” khác kỳ đang tổng hợp “tháng 6/2023”.',
  },
  {
    id: 'TRUNG-DONG',
    title: 'Dòng trùng',
    checks: 'Một đơn vị, một chỉ tiêu hay một nhiệm vụ xuất hiện hai lần trong một bảng.',
    example: 'Dòng 14 trùng dòng 9 (“Phường 1”).',
  },
  {
    id: 'LOI-CONG-THUC',
    title: 'Giá trị lỗi',
    checks: 'Ô có giá trị lỗi của bảng tính (#REF!, #DIV/0!, #VALUE!, #N/A…).',
    example: 'Ô có giá trị lỗi #REF!.',
  },
  {
    id: 'GOP-O',
    title: 'Ô gộp trong vùng nhập',
    checks: 'Ô gộp (merge) nằm trong vùng số liệu của một bảng.',
    example: 'Các ô E6:F6 bị gộp trong vùng nhập số liệu.',
  },
  {
    id: 'CAU-HINH',
    title: 'Cấu hình',
    checks: 'Dòng sai trong DX_CauHinh (báo kèm ô, không bỏ qua).',
    example: 'Nhóm “VI” không hợp lệ (I, II, III, IV hoặc V).',
  },
  {
    id: 'BIEN-DONG',
    title: 'Biến động bất thường',
    checks: 'Số đếm tăng hoặc giảm quá hệ số cho phép so với kỳ trước (cảnh báo).',
    example: '“Tử số” tăng từ 120 lên 1.200 (gấp 10 lần) so với kỳ trước.',
  },
] as const;

export type RuleKindId = (typeof RULE_KINDS)[number]['id'];
