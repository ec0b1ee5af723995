/**
 * Two wards' June 2023 reports for the panes' "Tạo báo cáo (Word)" tests: seed 000 §6's feedback, 65 = 55 + 10
 * with 48/7 and 1/9, in two reports (40 = 35 + 5 and 25 = 20 + 5), and the wards' e-ID figures; one report
 * on time (5 July), one late (25 July, after the 20th). The same files go to the Excel pane (picked), the
 * sidebar (as unit spreadsheets) and the Apps Script handler (consolidated here).
 */
import { ReportOptions } from '../../shared/report/schema';
import { doneInJuly, Edit, eidRow, feedbackRow, unitWorkbook } from './unit-fixture';

export const REPORT_FIELDS: Required<ReportOptions> = {
  issuer: 'UBND thành phố Nha Trang',
  parent: 'UBND tỉnh Khánh Hòa',
  reportNo: '123/BC-UBND',
  reportDate: '10/7/2023',
  place: 'Nha Trang',
  recipients: ['UBND tỉnh Khánh Hòa', 'Sở Thông tin và Truyền thông'],
  signerCapacity: 'TM. Ủy ban nhân dân',
  signerTitle: 'Chủ tịch',
  signerName: 'Nguyễn Văn A',
};

/** The heading block as the report prints it, top to bottom, left column then right. */
export const HEADING_LINES = [
  'UBND TỈNH KHÁNH HÒA',
  'UBND THÀNH PHỐ NHA TRANG',
  '———',
  'Số: 123/BC-UBND',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  '———————',
  'Nha Trang, ngày 10 tháng 7 năm 2023',
];

/** Seed 000 §6's sentence with the two wards' sums. */
export const FEEDBACK_SENTENCE =
  '- UBND các xã, phường đã tiếp nhận 65 phản ánh kiến nghị, đã giải quyết 55 (đúng hạn 48, trễ hạn 7), ' +
  'đang giải quyết 10 (đúng hạn 1, trễ hạn 9).';

/** The two wards' workbooks as files, named as a unit would send them. */
export async function reportUnits(): Promise<Array<{ unit: string; file: string }>> {
  const units: Array<[string, Edit[]]> = [
    ['Phường Vĩnh Hòa', [...doneInJuly(5), ...feedbackRow([40, 35, 30, 5, 5, 1, 4]), ...eidRow(60000, 200000)]],
    ['Phường Vĩnh Hải', [...doneInJuly(25), ...feedbackRow([25, 20, 18, 2, 5, 0, 5]), ...eidRow(43223, 111736)]],
  ];
  const out = [];
  for (const [unit, edits] of units) out.push({ unit, file: (await unitWorkbook(edits, unit, '2023-06')).file });
  return out;
}
