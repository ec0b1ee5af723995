import { OfficeWorkbook } from '../office-workbook';
import { writeAnnexes } from '../../shared/operations/consolidate-op';
import { ConsolidationBridge } from '../../ui/consolidate-panel';
import { XlsxWorkbook } from '../../xlsx/workbook';

/** Excel: picked files are read in the pane with ExcelJS; the annexes go into the open workbook. */
export function officeConsolidation(book = new OfficeWorkbook()): ConsolidationBridge {
  return {
    readFile: async (file) => ({ source: { file: file.name }, sheets: await (await XlsxWorkbook.fromBuffer(await file.arrayBuffer())).read() }),
    write: (sources, opts, cancelled) => writeAnnexes(book, sources, opts, cancelled),
  };
}
