/**
 * What one unit's file may cost to read: every .xlsx passes these checks before the workbook library sees it,
 * so a bomb, a huge sheet or a lone cell far away is refused (or read) in bounded memory and one bad file
 * never takes a run of many down. Stated in the README ("An toàn dữ liệu / Data safety").
 */
export interface ReadLimits {
  /** Bytes of the file itself. */
  fileBytes: number;
  /** Bytes of all the zip's parts once unpacked, as its central directory declares them. */
  unzippedBytes: number;
  /** Bytes of one part once unpacked. */
  partBytes: number;
  /** Unpacked size over packed size of one part, checked on parts over `ratioFromBytes`. */
  ratio: number;
  ratioFromBytes: number;
  /**
   * Cells and rows the sheets hold (`<c>` and `<row>` elements, cells with only a format included, and the cells
   * a merged area covers), counted in the sheets' XML before they are loaded. ExcelJS needs about 330 bytes a cell.
   */
  cells: number;
  /** Merged areas in one sheet (ExcelJS checks each against all others when it loads them). */
  merges: number;
  /**
   * Cells covered by data validation lists in the whole workbook: ExcelJS keeps one entry per covered cell, so a
   * list over whole columns is dropped before loading (the product reads no validation; it is named in `skipped`).
   */
  validationCells: number;
}

const MB = 1024 * 1024;

export const READ_LIMITS: ReadLimits = {
  fileBytes: 50 * MB,
  unzippedBytes: 200 * MB,
  partBytes: 100 * MB,
  ratio: 100,
  ratioFromBytes: 10 * MB,
  cells: 2_000_000,
  merges: 10_000,
  validationCells: 100_000,
};
