import { OfficeWorkbook } from '../office-workbook';
import { Consolidation } from '../../shared/consolidate/consolidate';
import { consolidateIntoOp } from '../../shared/operations/consolidate-op';
import { runAsync } from '../../shared/operations/run';
import { listSourcesOp } from '../../shared/operations/sources-op';
import { ConsolidationBridge } from '../../ui/consolidate-panel';
import { reportFileName } from '../../ui/report-section';
import { reportOfLast } from '../../ui/report-source';
import { reportBytes } from '../../word/report-docx';
import { XlsxWorkbook } from '../../xlsx/workbook';
import { downloadNote } from './report-download';

/**
 * Excel: picked files are read in the pane with ExcelJS; the annexes go into the open workbook; the report is
 * packed in the pane (word/report-docx.ts) and offered as a download. `platform` is Office.onReady's
 * (Office.PlatformType): where the webview cannot save a download, the pane says so (report-download.ts).
 */
export function officeConsolidation(book = new OfficeWorkbook(), platform?: string): ConsolidationBridge {
  let last: Consolidation | null = null;
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
    write: async (sources, opts, cancelled) => {
      last = null;
      // The report is written from this very run, not from a second one.
      const run = await runAsync(consolidateIntoOp(book, sources, opts, cancelled));
      last = run.result;
      return run.summary;
    },
    report: async (options) => {
      const doc = reportOfLast(last, options);
      return {
        kind: 'file',
        name: reportFileName(last!.summary.period),
        bytes: await reportBytes(doc),
        note: downloadNote(platform),
      };
    },
  };
}
