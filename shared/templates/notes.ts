import { CellSpec, quoteSheet, SheetSpecInput } from '../workbook/sheet-spec';
import { COVER_SHEET } from './version';

/**
 * The unit's own words for the report's qualitative sections (issue 14): what went well, what held it back,
 * what it asks for. The seeds write them as lines "- …" under "Khó khăn", "Đề xuất, kiến nghị"; the Word
 * report lists them by unit under the same headings.
 */
export const NOTES_SHEET = 'Kết quả, khó khăn';

export type NoteSection = 'results' | 'difficulties' | 'proposals';

export interface NoteSectionSpec {
  key: NoteSection;
  /** The heading the template writes, numbered: "1. Kết quả nổi bật". */
  heading: string;
  /**
   * Headings a unit's own report uses for the same section (seed 000 "2. Khó khăn", "V. ĐỀ XUẤT, KIẾN
   * NGHỊ"). Narrow on purpose: "Kết quả thực hiện" heads the figures too, and a heading read too widely
   * would carry a whole report into the notes.
   */
  labels: string[];
}

export const NOTE_SECTIONS: NoteSectionSpec[] = [
  {
    key: 'results',
    heading: '1. Kết quả nổi bật',
    labels: [
      'Kết quả nổi bật',
      'Những kết quả nổi bật',
      'Kết quả nổi bật đạt được',
      'Một số kết quả nổi bật',
      'Kết quả đạt được',
      'Những kết quả đạt được',
    ],
  },
  {
    key: 'difficulties',
    heading: '2. Khó khăn, vướng mắc',
    labels: [
      'Khó khăn, vướng mắc',
      'Khó khăn',
      'Vướng mắc',
      'Khó khăn, hạn chế',
      'Hạn chế, khó khăn',
      'Tồn tại, hạn chế',
      'Hạn chế, tồn tại',
      'Khó khăn, vướng mắc, hạn chế',
      'Tồn tại, khó khăn, vướng mắc',
      'Tồn tại, hạn chế, khó khăn, vướng mắc',
      'Những khó khăn, vướng mắc',
    ],
  },
  {
    key: 'proposals',
    heading: '3. Đề xuất, kiến nghị',
    labels: ['Đề xuất, kiến nghị', 'Kiến nghị, đề xuất', 'Đề xuất', 'Kiến nghị', 'Những đề xuất, kiến nghị'],
  },
];

/** The line under each heading; the reader skips it, so a unit may leave it where it is. */
export const NOTE_HINT = 'Mỗi ý một dòng, viết như trong báo cáo; bỏ trống nếu không có.';
export const NOTES_INTRO = 'Các ý dưới đây được đưa vào báo cáo tổng hợp (bản Word), theo từng đơn vị, dưới từng mục.';

/** Lines per section: a short list, as the seeds' sections are; more lines are added by inserting rows. */
export const NOTE_ROWS = 8;

/** About 170 mm together: the width of an A4 portrait page inside Excel's default margins, in column units. */
const WIDTHS = [6, 84];

/**
 * A narrow column numbering the lines and a wide one for the text, so each line prints as a paragraph on A4
 * portrait; titles, headings and hints span both, as the family sheets' titles span their tables (LibreOffice
 * prints a sheet of one unmerged column at about 120 %, cut at the page's right edge). The rows keep no height
 * of their own: Excel and Sheets grow a wrapped row as text is typed, and an empty section stays thin lines.
 */
export function notesSheet(): SheetSpecInput {
  const c = (v: string | number | null, s: CellSpec['s']): CellSpec => ({ v, s });
  const cover = quoteSheet(COVER_SHEET);
  const rows: Array<Array<CellSpec | null>> = [
    [c('KẾT QUẢ NỔI BẬT, KHÓ KHĂN VÀ ĐỀ XUẤT', 'title')],
    [{ f: `="Đơn vị: "&${cover}!B4&"   —   Kỳ báo cáo: "&${cover}!B6`, s: 'subtitle' }],
    [c(NOTES_INTRO, 'note')],
  ];
  const merges = ['A1:B1', 'A2:B2', 'A3:B3'];
  for (const section of NOTE_SECTIONS) {
    rows.push([]);
    rows.push([c(section.heading, 'label'), c(null, 'label')]);
    merges.push(`A${rows.length}:B${rows.length}`);
    rows.push([c(NOTE_HINT, 'note')]);
    merges.push(`A${rows.length}:B${rows.length}`);
    for (let k = 1; k <= NOTE_ROWS; k++) rows.push([c(k, 'computedText'), c(null, 'inputText')]);
  }
  return {
    name: NOTES_SHEET,
    rows,
    merges,
    columnWidths: WIDTHS,
    print: { landscape: false },
  };
}
