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
  header: { bold: true, fill: '#D9EAD3', align: 'center', valign: 'middle', wrap: true, border: true },
  group: { bold: true, border: true, fill: '#F3F6F4' },
  label: { bold: true, border: true },
  input: { fill: INPUT_FILL, border: true },
  // Text the unit types stays text ("12/12", "01"): the cell carries the text format before anything is typed.
  inputText: { fill: INPUT_FILL, border: true, wrap: true, valign: 'top', numFmt: '@' },
  inputCount: { fill: INPUT_FILL, border: true, numFmt: '#,##0' },
  inputMoney: { fill: INPUT_FILL, border: true, numFmt: '#,##0' },
  inputDate: { fill: INPUT_FILL, border: true, numFmt: 'dd/mm/yyyy', align: 'center' },
  computedRate: { fill: COMPUTED_FILL, border: true, numFmt: '0.00%', align: 'right' },
  computedText: { fill: COMPUTED_FILL, border: true, align: 'center' },
  text: { border: true, wrap: true, valign: 'top' },
  count: { border: true, numFmt: '#,##0' },
  money: { border: true, numFmt: '#,##0' },
  rate: { border: true, numFmt: '0.00%' },
  total: { bold: true, border: true, numFmt: '#,##0' },
  totalRate: { bold: true, border: true, numFmt: '0.00%' },
  stamp: { italic: true, size: 9, color: '#57606A' },
};
