import { OfficeWorkbook } from '../office-workbook';
import { writeAnnexes } from '../../shared/operations/consolidate-op';
import { runAsync } from '../../shared/operations/run';
import { listSourcesOp } from '../../shared/operations/sources-op';
import { ConsolidationBridge } from '../../ui/consolidate-panel';
import { XlsxWorkbook } from '../../xlsx/workbook';

/** Excel: picked files are read in the pane with ExcelJS; the annexes go into the open workbook. */
export function officeConsolidation(book = new OfficeWorkbook()): ConsolidationBridge {
  return {
    // Unit tabs of the open workbook (a tab holding a unit's cover and tables) are sources too.
    listSources: async () => (await runAsync(listSourcesOp(book))).filter((x) => x.id.startsWith('tab:')),
    readSource: async (id) => {
      const name = id.replace(/^tab:/, '');
      return { source: { sheets: [name] }, sheets: await book.read([name]) };
    },
    readFile: async (file) => ({
      source: { file: file.name },
      sheets: await (await XlsxWorkbook.fromBuffer(await file.arrayBuffer())).read(),
    }),
    write: (sources, opts, cancelled) => writeAnnexes(book, sources, opts, cancelled),
  };
}
