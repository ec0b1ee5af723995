/** The one place where what is thrown becomes Vietnamese: a code, its values, its sentence. */
import { unknownUnit } from '../messages/wording';

export interface ErrorValues {
  'sheet-exists': { sheets: string[]; where: 'tệp' | 'bảng tính' };
  'not-owned': { sheets: string[] };
  cancelled: Record<string, never>;
  'missing-sheet': { sheet: string };
  'host-mode': Record<string, never>;
  'no-period': Record<string, never>;
  'unknown-unit': { name: string; suggestion?: string };
  'unreadable-period': { text: string };
  config: { sheet: string; issues: Array<{ sheet: string; cell: string; message: string }> };
  busy: Record<string, never>;
}
export type ErrorCode = keyof ErrorValues;

const quoted = (names: string[]) => `“${names.join('”, “')}”`;

export const ERROR_MESSAGES: { [C in ErrorCode]: (v: ErrorValues[C]) => string } = {
  'sheet-exists': (v) =>
    `${v.where === 'tệp' ? 'Tệp' : 'Bảng tính'} đã có trang ${quoted(v.sheets)}: không ghi đè. ` +
    'Đổi tên hoặc xóa các trang đó rồi làm lại.',
  'not-owned': (v) =>
    `Bảng tính đã có trang ${quoted(v.sheets)} không do phần mềm tạo: không ghi đè. ` +
    'Đổi tên các trang đó rồi tổng hợp lại.',
  cancelled: () => 'Đã hủy: không ghi phụ lục nào.',
  'missing-sheet': (v) => `Không có trang “${v.sheet}”.`,
  config: (v) =>
    `${v.sheet} có ${v.issues.length} dòng sai: ${v.issues.map((i) => `${i.sheet}!${i.cell} ${i.message}`).join('; ')}`,
  'unknown-unit': (v) => unknownUnit(v.name, v.suggestion),
  'unreadable-period': (v) => `Không đọc được kỳ báo cáo “${v.text}” (ví dụ: 2023-06, 6/2023, Quý II/2023).`,
  'no-period': () => 'Chưa có báo cáo nào và chưa chọn kỳ tổng hợp: hãy chọn kỳ (ví dụ 2023-06).',
  'host-mode': () => 'Thao tác cần một máy chủ đồng bộ (Apps Script) nhưng nhận được Promise.',
  busy: () => 'Một người khác đang làm việc trên bảng tính này; thử lại sau ít giây.',
};
