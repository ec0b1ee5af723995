import { DOCUMENTS } from './documents';
import { IndicatorGroup, IndicatorInput } from '../schema';

const SRC = `${DOCUMENTS.vungTau2023}, mục 6.2`;

/** One row of seed 003 §6.2 with its national / provincial / city targets, verbatim. */
function row(
  group: IndicatorGroup,
  number: string,
  name: string,
  num: [string, string],
  den: [string, string],
  [qg, tinh, tp]: [string, string, string],
  extra: Partial<IndicatorInput> = {},
): IndicatorInput {
  const prefix = { I: 'CQS', II: 'KTS', III: 'XHS', IV: 'ATTT', V: 'DTTM' }[group];
  const targets = [
    { level: 'quoc-gia' as const, year: 2023, text: qg, source: SRC },
    { level: 'tinh' as const, year: 2023, text: tinh, source: SRC },
    { level: 'thanh-pho' as const, year: 2023, text: tp, source: SRC },
  ].filter((t) => t.text.trim() !== '');
  return {
    code: `${prefix}.${number.padStart(2, '0')}`,
    group,
    number,
    name,
    numerator: { label: num[0], unit: num[1] },
    denominator: { label: den[0], unit: den[1] },
    targets,
    source: SRC,
    ...extra,
  };
}

const P = (x: string): [string, string, string] => [x, x, x];

export const SEED_003_INDICATORS: IndicatorInput[] = [
  row(
    'I',
    '01',
    'Thủ tục hành chính đủ điều kiện theo quy định của pháp luật được cung cấp dưới hình thức dịch vụ công trực ' +
      'tuyến toàn trình',
    ['TTHC cung cấp DVC trực tuyến toàn trình', 'TTHC'],
    ['TTHC đủ điều kiện', 'TTHC'],
    P('100%'),
  ),
  row(
    'I',
    '02',
    'Tổng số dịch vụ công trực tuyến toàn trình được tích hợp, cung cấp trên Cổng Dịch vụ công quốc gia',
    ['DVC toàn trình tích hợp trên Cổng DVCQG', 'DVC'],
    ['DVC trực tuyến toàn trình', 'DVC'],
    ['50%', '50%', '100%'],
  ),
  row(
    'I',
    '03',
    'Thanh toán trực tuyến trên Cổng Dịch vụ công tỉnh/Cổng Dịch vụ công quốc gia trên tổng số giao dịch thanh toán ' +
      'của dịch vụ công',
    ['Giao dịch thanh toán trực tuyến', 'giao dịch'],
    ['Giao dịch thanh toán của DVC', 'giao dịch'],
    ['30%', '30%', '50%'],
  ),
  row(
    'I',
    '04',
    'Thủ tục hành chính có yêu cầu nghĩa vụ tài chính được thanh toán trực tuyến trên Cổng Dịch vụ công tỉnh/Cổng ' +
      'Dịch vụ công quốc gia',
    ['TTHC có phát sinh thanh toán trực tuyến', 'TTHC'],
    ['TTHC có yêu cầu nghĩa vụ tài chính', 'TTHC'],
    ['60%', '60%', '100%'],
  ),
  row(
    'I',
    '05',
    'Người dân và doanh nghiệp sử dụng dịch vụ công trực tuyến được định danh và xác thực thông suốt, hợp nhất trên ' +
      'tất cả các hệ thống của các cấp chính quyền từ trung ương đến địa phương',
    ['Người dùng DVC được định danh, xác thực', 'người'],
    ['Người dùng DVC trực tuyến', 'người'],
    P('100%'),
  ),
  row(
    'I',
    '06',
    'Kết quả giải quyết thủ tục hành chính được số hóa',
    ['Kết quả giải quyết TTHC được số hóa', 'hồ sơ'],
    ['Kết quả giải quyết TTHC', 'hồ sơ'],
    P('100%'),
  ),
  row(
    'I',
    '07',
    'Hồ sơ thủ tục hành chính được người dân, doanh nghiệp thực hiện trực tuyến từ xa',
    ['Hồ sơ nộp trực tuyến từ xa', 'hồ sơ'],
    ['Hồ sơ tiếp nhận', 'hồ sơ'],
    ['50%', '50%', '100%'],
  ),
  row(
    'I',
    '08',
    'Hồ sơ thủ tục hành chính được người dân, doanh nghiệp thực hiện trực tuyến',
    ['Hồ sơ thực hiện trực tuyến', 'hồ sơ'],
    ['Hồ sơ tiếp nhận', 'hồ sơ'],
    P('100%'),
  ),
  row(
    'I',
    '09',
    'Hoạt động kiểm tra hành chính định kỳ của cơ quan quản lý nhà nước đối với đối tượng quản lý được thực hiện ' +
      'thông qua môi trường số và hệ thống thông tin của cơ quan quản lý',
    ['Cuộc kiểm tra qua môi trường số', 'cuộc'],
    ['Cuộc kiểm tra định kỳ', 'cuộc'],
    ['10%', '10%', '30%'],
  ),
  row(
    'I',
    '10',
    'Cán bộ, công chức, viên chức được tập huấn, bồi dưỡng, phổ cập kỹ năng số cơ bản',
    ['CBCCVC được tập huấn kỹ năng số', 'người'],
    ['CBCCVC', 'người'],
    P('50%'),
  ),
  row(
    'I',
    '11',
    'Xã, phường, thị trấn có trang thông tin điện tử (hoặc chuyên mục riêng)',
    ['Xã, phường có trang thông tin điện tử', 'xã, phường'],
    ['Xã, phường', 'xã, phường'],
    P('100%'),
  ),
  row(
    'I',
    '12',
    'Cán bộ, công chức lãnh đạo sử dụng trợ lý ảo, khai thác dữ liệu từ Trung tâm giám sát, điều hành đô thị thông ' +
      'minh của tỉnh (IOC) qua tài khoản được cấp',
    ['CBCC được cấp tài khoản IOC', 'người'],
    ['CBCC', 'người'],
    P('100%'),
  ),
  row(
    'I',
    '13',
    'Triển khai Hệ thống hội nghị truyền hình trực tuyến',
    ['Điểm cầu hội nghị trực tuyến', 'điểm cầu'],
    ['Điểm cầu cần triển khai', 'điểm cầu'],
    P('100%'),
  ),
  row(
    'I',
    '14',
    'Các phản ánh, kiến nghị của người dân tiếp nhận trên hệ thống phản ánh hiện trường được xử lý đúng tiến độ, ' +
      'kịp thời',
    ['Phản ánh xử lý đúng hạn', 'phản ánh'],
    ['Phản ánh tiếp nhận', 'phản ánh'],
    P('100%'),
  ),

  row(
    'II',
    '01',
    'Tỷ trọng thương mại điện tử trong tổng mức bán lẻ',
    ['Doanh thu thương mại điện tử', 'triệu đồng'],
    ['Tổng mức bán lẻ', 'triệu đồng'],
    P('Trên 8,5%.'),
  ),
  row(
    'II',
    '02',
    'Doanh nghiệp nhỏ và vừa được tiếp cận dùng thử các nền tảng chuyển đổi số',
    ['DNNVV được tiếp cận nền tảng số', 'doanh nghiệp'],
    ['DNNVV', 'doanh nghiệp'],
    P('trên 90%'),
  ),
  row(
    'II',
    '03',
    'Doanh nghiệp nhỏ và vừa thường xuyên sử dụng các nền tảng chuyển đổi số',
    ['DNNVV thường xuyên sử dụng nền tảng số', 'doanh nghiệp'],
    ['DNNVV', 'doanh nghiệp'],
    P('30%'),
  ),
  row(
    'II',
    '04',
    'Doanh nghiệp sử dụng hóa đơn điện tử',
    ['Doanh nghiệp sử dụng hóa đơn điện tử', 'doanh nghiệp'],
    ['Doanh nghiệp', 'doanh nghiệp'],
    P('100%'),
  ),
  row(
    'II',
    '05',
    'Doanh nghiệp nhỏ và vừa có website với tên miền .vn',
    ['DNNVV có website tên miền .vn', 'doanh nghiệp'],
    ['DNNVV', 'doanh nghiệp'],
    ['50%', '50%', '51.01%'],
  ),
  row(
    'II',
    '06',
    'Sản phẩm có giấy chứng nhận OCOP của tỉnh đủ điều kiện được đưa lên sàn thương mại điện tử; hộ sản xuất nông ' +
      'nghiệp có tài khoản trên sàn thương mại điện tử (có gian hàng)',
    ['Sản phẩm OCOP trên sàn TMĐT', 'sản phẩm'],
    ['Sản phẩm OCOP đủ điều kiện', 'sản phẩm'],
    ['50% sản phẩm; 85% hộ có tài khoản trên sàn TMĐT', '50%', '50%'],
  ),

  row(
    'III',
    '01',
    'Thuê bao điện thoại di động sử dụng điện thoại thông minh',
    ['Thuê bao sử dụng điện thoại thông minh', 'thuê bao'],
    ['Dân số', 'người'],
    P('100%'),
    { allowOver100: true },
  ),
  row(
    'III',
    '02',
    'Hộ gia đình có đường Internet cáp quang băng rộng',
    ['Hộ có Internet cáp quang', 'hộ'],
    ['Hộ gia đình', 'hộ'],
    P('100%'),
  ),
  row(
    'III',
    '03',
    'Dân số trưởng thành có tài khoản định danh điện tử',
    ['Người trưởng thành có tài khoản định danh điện tử', 'người'],
    ['Dân số trưởng thành', 'người'],
    P('30% đến cuối năm là 50%'),
  ),
  row(
    'III',
    '04',
    'Dân số trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân',
    ['Người trưởng thành có chữ ký số', 'người'],
    ['Dân số trưởng thành', 'người'],
    P('20%'),
  ),
  row(
    'III',
    '05',
    'Dân số từ 15 tuổi trở lên có tài khoản giao dịch thanh toán tại ngân hàng hoặc tổ chức được phép khác',
    ['Người từ 15 tuổi có tài khoản thanh toán', 'người'],
    ['Dân số từ 15 tuổi', 'người'],
    ['90%', '90%', '100%'],
  ),
  row(
    'III',
    '06',
    'Dân số trưởng thành có tài khoản dịch vụ công trực tuyến',
    ['Người trưởng thành có tài khoản DVC', 'người'],
    ['Dân số trưởng thành', 'người'],
    P('Trên 60%'),
  ),
  row(
    'III',
    '07',
    'Dân số trưởng thành sử dụng nền tảng hỗ trợ tư vấn khám chữa bệnh từ xa',
    ['Người dùng nền tảng khám chữa bệnh từ xa', 'người'],
    ['Dân số trưởng thành', 'người'],
    P('30%'),
  ),
  row(
    'III',
    '08',
    'Dân số có hồ sơ sức khỏe điện tử',
    ['Người có hồ sơ sức khỏe điện tử', 'người'],
    ['Dân số', 'người'],
    P('90%'),
  ),
  row(
    'III',
    '09',
    'Hộ gia đình trên toàn tỉnh được lắp đặt công tơ điện tử loại tự động gửi chỉ số điện',
    ['Hộ có công tơ điện tử', 'hộ'],
    ['Hộ gia đình', 'hộ'],
    P('100%'),
  ),
  // The seed numbers this group 01–09 then 11–15: row 10 is missing from the source.
  row(
    'III',
    '11',
    'Trường học các cấp triển khai ký số trên học bạ điện tử',
    ['Trường ký số học bạ điện tử', 'trường'],
    ['Trường học', 'trường'],
    P('100%'),
  ),
  row(
    'III',
    '12',
    'Thanh toán hóa đơn viễn thông, truyền hình không dùng tiền mặt',
    ['Hóa đơn viễn thông thanh toán không dùng tiền mặt', 'hóa đơn'],
    ['Hóa đơn viễn thông, truyền hình', 'hóa đơn'],
    P('100%'),
  ),
  row(
    'III',
    '13',
    'Thanh toán hóa đơn nước không dùng tiền mặt',
    ['Hóa đơn nước thanh toán không dùng tiền mặt', 'hóa đơn'],
    ['Hóa đơn nước', 'hóa đơn'],
    ['80%', '90%', '90%'],
  ),
  row(
    'III',
    '14',
    'Các siêu thị, nhà hàng, trung tâm mua sắm, tiểu thương, ... chấp nhận phương thức thanh toán không dùng tiền mặt',
    ['Cơ sở chấp nhận thanh toán không dùng tiền mặt', 'cơ sở'],
    ['Cơ sở kinh doanh', 'cơ sở'],
    ['70%', '80%', '80%'],
  ),
  row(
    'III',
    '15',
    'Số người hưởng lương hưu, trợ cấp sử dụng hình thức thanh toán không dùng tiền mặt',
    ['Người nhận trợ cấp qua tài khoản', 'người'],
    ['Người hưởng lương hưu, trợ cấp', 'người'],
    ['70%', '80%', '80%'],
  ),

  row(
    'IV',
    '01',
    'Hệ thống thông tin của cơ quan nhà nước hoàn thành phê duyệt cấp độ an toàn hệ thống thông tin',
    ['HTTT đã phê duyệt cấp độ', 'hệ thống'],
    ['HTTT của cơ quan nhà nước', 'hệ thống'],
    ['80%', '100%', '100%'],
  ),
  row(
    'IV',
    '02',
    'Hệ thống thông tin của cơ quan nhà nước đáp ứng yêu cầu bảo đảm an toàn thông tin theo cấp độ',
    ['HTTT đáp ứng yêu cầu ATTT theo cấp độ', 'hệ thống'],
    ['HTTT của cơ quan nhà nước', 'hệ thống'],
    ['30%', '100%', '100%'],
  ),
  row(
    'IV',
    '03',
    'Cổng/trang thông tin điện tử của cơ quan nhà nước được đánh giá an toàn thông tin và dán nhãn tín nhiệm mạng',
    ['Cổng/trang TTĐT được gắn nhãn tín nhiệm', 'trang'],
    ['Cổng/trang TTĐT', 'trang'],
    P('100%'),
  ),
  row(
    'IV',
    '04',
    'Máy tính được cài đặt các chương trình phòng, chống virus và sử dụng hệ điều hành có bản quyền; các thiết bị ' +
      'bảo mật, thiết bị mạng thường xuyên được nâng cấp, cập nhật các bản vá lỗi',
    ['Máy tính có phần mềm phòng chống virus', 'máy'],
    ['Máy tính', 'máy'],
    P('100%'),
  ),
  row(
    'IV',
    '05',
    'Cổng/trang thông tin điện tử của tỉnh và các cơ quan quản lý nhà nước có giải pháp hiệu quả chống lại các tấn ' +
      'công gây mất an toàn thông tin và có phương án dự phòng khắc phục sự cố, bảo đảm hoạt động liên tục ở mức tối ' +
      'đa',
    ['Cổng/trang TTĐT có phương án dự phòng', 'trang'],
    ['Cổng/trang TTĐT', 'trang'],
    P('100%'),
  ),
  row(
    'IV',
    '06',
    'Giao dịch trên hệ thống thông tin Giải quyết thủ tục hành chính của tỉnh được xác thực điện tử',
    ['Giao dịch được xác thực điện tử', 'giao dịch'],
    ['Giao dịch trên HTTT giải quyết TTHC', 'giao dịch'],
    P('100%'),
  ),
  row(
    'IV',
    '07',
    'Cán bộ, công chức, viên chức được tuyên truyền, phổ biến về trách nhiệm và kỹ năng cơ bản để bảo đảm an toàn ' +
      'thông tin khi tham gia ứng dụng công nghệ thông tin trong cơ quan quản lý nhà nước',
    ['CBCCVC được tuyên truyền về ATTT', 'người'],
    ['CBCCVC', 'người'],
    P('100%'),
  ),
  row(
    'IV',
    '08',
    'Các trường trung học cơ sở trở lên triển khai Chương trình tuyên truyền, phổ biến, nâng cao nhận thức và trách ' +
      'nhiệm an toàn, an ninh thông tin',
    ['Trường triển khai chương trình ATTT', 'trường'],
    ['Trường THCS trở lên', 'trường'],
    P('100%'),
  ),
  row(
    'IV',
    '09',
    'Bảo đảm tỷ lệ kinh phí chi cho an toàn thông tin hàng năm của tỉnh đạt tối thiểu 10% trong tổng kinh phí triển ' +
      'khai kế hoạch ứng dụng công nghệ thông tin',
    ['Kinh phí chi cho ATTT', 'triệu đồng'],
    ['Kinh phí kế hoạch ứng dụng CNTT', 'triệu đồng'],
    ['10%', '100%', '100%'],
  ),

  row(
    'V',
    '01',
    'Ủy ban nhân dân các huyện, thị xã, thành phố hoàn thiện hồ sơ, thủ tục đầu tư để triển khai các ứng dụng, tiện ' +
      'ích thông minh phục vụ người dân và nhu cầu quản lý đô thị, đảm bảo tiết kiệm, hiệu quả, tránh đầu tư trùng ' +
      'lặp với Trung tâm giám sát, điều hành đô thị thông minh (IOC) của tỉnh',
    ['Ứng dụng, tiện ích thông minh đã hoàn thiện hồ sơ', 'ứng dụng'],
    ['Ứng dụng, tiện ích thông minh theo kế hoạch', 'ứng dụng'],
    ['100%', '', '100%'],
  ),
];
