import { z } from 'zod';

/**
 * How a figure adds up over time (issue 12), after DHIS2's aggregation type per data element:
 * - `sum`: a flow — what happened in the period (dossiers, documents, transactions, feedback): the figure
 *   of several months is the sum of the months;
 * - `last`: a stock or a state — what stands at the end of the period (accounts, population, households,
 *   certificates, procedures offered, budgets): the figure of several months is the latest month's;
 * - `none`: a figure that must not be combined over time: it is shown for one report only.
 * Over units every figure is summed; rates are always Σnumerator / Σdenominator.
 */
export const Aggregation = z.enum(['sum', 'last', 'none']);
export type Aggregation = z.infer<typeof Aggregation>;

/** As DX_CauHinh shows and reads it (the key is also accepted). */
export const AGGREGATION_LABEL: Record<Aggregation, string> = {
  sum: 'Cộng các tháng',
  last: 'Lấy số mới nhất',
  none: 'Không cộng theo thời gian',
};

/** The one-line reason given when a figure carries no reason of its own. */
export const AGGREGATION_REASON: Record<Aggregation, string> = {
  sum: 'Phát sinh trong kỳ: số của nhiều tháng là tổng các tháng.',
  last: 'Số có tại thời điểm báo cáo: số của nhiều tháng là số của tháng mới nhất.',
  none: 'Không cộng theo thời gian: chỉ dùng số của một kỳ báo cáo.',
};

/** "Cộng các tháng", "sum", "lấy số mới nhất" → the type; anything else → null. */
export function parseAggregation(raw: unknown): Aggregation | null {
  if (typeof raw !== 'string') return null;
  const t = raw.normalize('NFC').trim().toLowerCase();
  for (const a of Aggregation.options) if (t === a || t === AGGREGATION_LABEL[a].toLowerCase()) return a;
  return null;
}

/**
 * The measure units the catalogue counts in, each with its type and reason: the catalogue's default for a
 * quantity that does not name its own (seed indicators count people, households, dossiers…).
 */
export const AGGREGATION_BY_MEASURE: Record<string, { aggregation: Aggregation; reason: string }> = {
  'hồ sơ': { aggregation: 'sum', reason: 'Hồ sơ tiếp nhận, xử lý trong kỳ: cộng các tháng.' },
  'văn bản': { aggregation: 'sum', reason: 'Văn bản gửi, nhận trong kỳ: cộng các tháng.' },
  'giao dịch': { aggregation: 'sum', reason: 'Giao dịch phát sinh trong kỳ: cộng các tháng.' },
  'phản ánh': { aggregation: 'sum', reason: 'Phản ánh, kiến nghị nhận trong kỳ: cộng các tháng.' },
  'hóa đơn': { aggregation: 'sum', reason: 'Hóa đơn xuất trong kỳ: cộng các tháng.' },
  cuộc: { aggregation: 'sum', reason: 'Cuộc họp, kiểm tra diễn ra trong kỳ: cộng các tháng.' },
  người: { aggregation: 'last', reason: 'Số người (tài khoản, dân số) có tại thời điểm báo cáo: lấy số mới nhất.' },
  hộ: { aggregation: 'last', reason: 'Số hộ có tại thời điểm báo cáo: lấy số mới nhất.' },
  'doanh nghiệp': { aggregation: 'last', reason: 'Số doanh nghiệp có tại thời điểm báo cáo: lấy số mới nhất.' },
  'cơ sở': { aggregation: 'last', reason: 'Số cơ sở có tại thời điểm báo cáo: lấy số mới nhất.' },
  trường: { aggregation: 'last', reason: 'Số trường có tại thời điểm báo cáo: lấy số mới nhất.' },
  'thuê bao': { aggregation: 'last', reason: 'Số thuê bao có tại thời điểm báo cáo: lấy số mới nhất.' },
  TTHC: { aggregation: 'last', reason: 'Số thủ tục đang cung cấp: lấy số mới nhất.' },
  DVC: { aggregation: 'last', reason: 'Số dịch vụ công đang cung cấp: lấy số mới nhất.' },
  'hệ thống': { aggregation: 'last', reason: 'Số hệ thống đang vận hành: lấy số mới nhất.' },
  'ứng dụng': { aggregation: 'last', reason: 'Số ứng dụng đang dùng: lấy số mới nhất.' },
  'sản phẩm': { aggregation: 'last', reason: 'Số sản phẩm đang có: lấy số mới nhất.' },
  'xã, phường': { aggregation: 'last', reason: 'Số xã, phường: lấy số mới nhất.' },
  máy: { aggregation: 'last', reason: 'Số máy đang dùng: lấy số mới nhất.' },
  trang: { aggregation: 'last', reason: 'Số trang thông tin đang vận hành: lấy số mới nhất.' },
  'điểm cầu': { aggregation: 'last', reason: 'Số điểm cầu đang có: lấy số mới nhất.' },
  'triệu đồng': {
    aggregation: 'last',
    reason: 'Giá trị ước tính lũy kế do cơ quan thống kê công bố: lấy số mới nhất.',
  },
};

/** Figures of a unit measure the table does not list: a flow unless said otherwise. */
export function aggregationOfMeasure(measure: string): { aggregation: Aggregation; reason: string } {
  return AGGREGATION_BY_MEASURE[measure.trim()] ?? { aggregation: 'sum', reason: AGGREGATION_REASON.sum };
}
