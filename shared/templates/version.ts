/** Stamped on every generated workbook; the validator compares it with the one it expects. */
export const TEMPLATE_VERSION = 'DX-2026.1';
export const COVER_SHEET = 'Thông tin chung';
export const CONFIG_SHEET = 'DX_CauHinh';
export const MAPPING_SHEET = 'DX_AnhXa';

export const COVER_LABELS = {
  unit: 'Đơn vị báo cáo',
  unitCode: 'Mã đơn vị',
  period: 'Kỳ báo cáo',
  reportDate: 'Ngày báo cáo',
  preparer: 'Người lập',
  phone: 'Điện thoại',
  version: 'Phiên bản mẫu',
  completedAt: 'Hoàn thành lúc',
  /** "Trong kỳ" (figures of the period) or "Lũy kế từ đầu năm" (flows counted from January). */
  mode: 'Cách tính số liệu',
  /**
   * The indicators that do not apply to the unit (issue 16), as the registry said when the template was made;
   * a row of the cover only when there are some.
   */
  notApplicable: 'Chỉ tiêu không áp dụng',
} as const;

/** The ways a unit can report its flows (issue 12): in the period, or cumulative since January. */
export const REPORT_MODES = ['Trong kỳ', 'Lũy kế từ đầu năm'];

const ROMAN: Array<[number, string]> = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
export function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}
