import { OfficeWorkbook } from '../office-workbook';
import { Consolidation } from '../../shared/consolidate/consolidate';
import {
  missingCsv,
  missingCsvMade,
  missingCsvName,
  missingSheets,
  missingWritten,
} from '../../shared/consolidate/missing-list';
import { consolidateIntoOp, writeOwnedOp } from '../../shared/operations/consolidate-op';
import { runAsync } from '../../shared/operations/run';
import { sourcesIn } from '../../shared/operations/sources-op';
import { SheetSnapshot } from '../../shared/workbook/port';
import { ConsolidationBridge } from '../../ui/consolidate-panel';
import { reportFileName } from '../../ui/report-section';
import { reportOfLast } from '../../ui/report-source';
import { reportBytes } from '../../word/report-docx';
import { downloadNote, fileNote } from './report-download';

/**
 * Excel: picked files are read in the pane with ExcelJS (loaded with the first file); the annexes go into the open
 * workbook; the report is packed in the pane (word/report-docx.ts) and offered as a download. `platform` is
 * Office.onReady's (Office.PlatformType): where the webview cannot save a download, the pane says so
 * (report-download.ts).
 */
export function officeConsolidation(book = new OfficeWorkbook(), platform?: string): ConsolidationBridge {
  let last: Consolidation | null = null;
  // The tabs as listing them read them, all in one read: each is handed over once and let go, so N unit tabs
  // cost the syncs of one read, not of N (a tab not listed this run is read on its own).
  let tabs = new Map<string, SheetSnapshot>();
  return {
    // Unit tabs of the open workbook (a tab holding a unit's cover and tables) are sources too.
    listSources: async () => {
      const sheets = await book.read();
      tabs = new Map(sheets.map((s) => [s.name, s]));
      return sourcesIn(sheets).filter((x) => x.id.startsWith('tab:'));
    },
    readSource: async (id) => {
      const name = id.replace(/^tab:/, '');
      const kept = tabs.get(name);
      tabs.delete(name);
      return { source: { sheets: [name] }, sheets: kept ? [kept] : await book.read([name]) };
    },
    // ExcelJS loads with the first file picked (a chunk of its own), not with the pane.
    readFile: async (file) => {
      const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx" */ '../../xlsx/workbook');
      return {
        source: { file: file.name },
        sheets: await (await XlsxWorkbook.fromBuffer(await file.arrayBuffer())).read(),
      };
    },
    write: async (sources, opts, cancelled) => {
      last = null;
      // The report is written from this very run, not from a second one.
      const run = await runAsync(consolidateIntoOp(book, sources, opts, cancelled));
      last = run.result;
      return run.summary;
    },
    // Only DX_ChuaNop and DX_SoHuu are written: the annexes stay listed as the product's, untouched.
    writeMissing: async (list) => {
      await runAsync(writeOwnedOp(book, missingSheets(list)));
      return missingWritten(list.notSent.length);
    },
    // The command line's CSV, made in the pane and downloaded; nothing of the workbook is written.
    missingCsv: async (list) => {
      const name = missingCsvName(list.period);
      return {
        kind: 'file',
        name,
        bytes: new TextEncoder().encode(missingCsv(list)),
        message: missingCsvMade(list.notSent.length, name, 'download'),
        note: fileNote(platform, 'csv'),
      };
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
