import { StyleName } from './sheet-spec';

export interface Style {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  /** Background, "#RRGGBB". */
  fill?: string;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle';
  wrap?: boolean;
  /** Locale-independent format code; Excel and Sheets show it the vi-VN way in a vi-VN workbook. */
  numFmt?: string;
  border?: boolean;
  /**
   * Left unlocked when the sheet is protected (`SheetSpec.protect`): the unit types here. Every other cell of a
   * protected sheet is locked, as every cell is by default in Excel and in an .xlsx file.
   */
  unlocked?: boolean;
}

const INPUT_FILL = '#FFF8DC'; // pale yellow: the unit types here
const COMPUTED_FILL = '#ECEFF1'; // grey: computed, do not type

/** One look for every product sheet, so Excel, Sheets and .xlsx files agree. */
export const STYLES: Record<StyleName, Style> = {
  title: { bold: true, size: 14, align: 'center', valign: 'middle' },
  // An annex's caption and its "(Kèm theo …)" line, merged across the table, wrap within it as the seeds print
  // them on two lines ("… THỰC HIỆN / BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ THÁNG 4/2023").
  caption: { bold: true, size: 14, align: 'center', valign: 'middle', wrap: true },
  subtitle: { italic: true, align: 'center', valign: 'middle', wrap: true },
  note: { italic: true, size: 9, color: '#57606A' },
  // "Đơn vị tính: triệu đồng." above a table ends at its right edge, as the seeds print it.
  unitNote: { italic: true, size: 9, color: '#57606A', align: 'right' },
  header: { bold: true, fill: '#D9EAD3', align: 'center', valign: 'middle', wrap: true, border: true },
  group: { bold: true, border: true, fill: '#F3F6F4', valign: 'top' },
  // A group row's count per column ("12/12" in Phụ lục II), centred as the marks under it are.
  groupCount: { bold: true, border: true, fill: '#F3F6F4', align: 'center', valign: 'top' },
  label: { bold: true, border: true },
  input: { fill: INPUT_FILL, border: true, unlocked: true },
  // Text the unit types stays text ("12/12", "01"): the cell carries the text format before anything is typed.
  inputText: { fill: INPUT_FILL, border: true, unlocked: true, wrap: true, valign: 'top', numFmt: '@' },
  inputCount: { fill: INPUT_FILL, border: true, unlocked: true, numFmt: '#,##0' },
  inputMoney: { fill: INPUT_FILL, border: true, unlocked: true, numFmt: '#,##0' },
  inputDate: { fill: INPUT_FILL, border: true, unlocked: true, numFmt: 'dd/mm/yyyy', align: 'center' },
  computedRate: { fill: COMPUTED_FILL, border: true, numFmt: '0.00%', align: 'right' },
  // Wrapped: a stage such as "Trễ hạn (hồ sơ trình thẩm định chưa đạt yêu cầu)" stays inside its column.
  computedText: { fill: COMPUTED_FILL, border: true, align: 'center', valign: 'top', wrap: true },
  // Every cell of a table row at the top, as the seeds print: a figure beside a name wrapped on three lines
  // stands on the name's first line, not at the bottom of the row.
  text: { border: true, wrap: true, valign: 'top' },
  count: { border: true, numFmt: '#,##0', valign: 'top' },
  money: { border: true, numFmt: '#,##0', valign: 'top' },
  rate: { border: true, numFmt: '0.00%', valign: 'top' },
  total: { bold: true, border: true, numFmt: '#,##0', valign: 'top' },
  totalRate: { bold: true, border: true, numFmt: '0.00%', valign: 'top' },
  stamp: { italic: true, size: 9, color: '#57606A' },
};
