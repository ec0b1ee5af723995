import { OfficeWorkbook } from '../office-workbook';
import { SourceRef } from '../../shared/consolidate/collect';
import { consolidate } from '../../shared/consolidate/consolidate';
import { CancelledError, ConsolidateSummary, settingsOp, writeOwnedOp } from '../../shared/operations/consolidate-op';
import { Op, runAsync } from '../../shared/operations/run';
import { listSourcesOp } from '../../shared/operations/sources-op';
import { SheetSnapshot, WorkbookPort } from '../../shared/workbook/port';
import { ConsolidateOptionsInput, ConsolidationBridge } from '../../ui/consolidate-panel';
import { reportFileName } from '../../ui/report-section';
import { LastRun, masterOf, reportOfLast } from '../../ui/report-source';
import { reportBytes } from '../../word/report-docx';
import { XlsxWorkbook } from '../../xlsx/workbook';
import { downloadNote } from './report-download';

type Source = { source: SourceRef; sheets: SheetSnapshot[] };

/**
 * writeAnnexesOp's steps and calls (sheet names 1, DX_CauHinh and the registry, the one write, the chart),
 * keeping what consolidate() returned: the report is written from this very run, not from a second one.
 */
function* consolidateOp(
  port: WorkbookPort,
  sources: Source[],
  opts: ConsolidateOptionsInput,
  cancelled: () => boolean,
): Op<LastRun & { summary: ConsolidateSummary }> {
  const names = (yield port.sheetNames()) as string[];
  const found = yield* settingsOp(port, names);
  const { master, catalogue } = masterOf(found.master);
  const result = consolidate(sources, { ...opts, master, registry: found.registry });
  if (cancelled()) throw new CancelledError();
  yield* writeOwnedOp(port, result.sheets, undefined, names);
  if (result.chart) yield port.chart(result.chart);
  const sheets = result.sheets.filter((s) => !s.hidden).map((s) => s.name);
  return { result, catalogue, summary: { ...result.summary, sheets } };
}

/**
 * Excel: picked files are read in the pane with ExcelJS; the annexes go into the open workbook; the report is
 * packed in the pane (word/report-docx.ts) and offered as a download. `platform` is Office.onReady's
 * (Office.PlatformType): where the webview cannot save a download, the pane says so (report-download.ts).
 */
export function officeConsolidation(book = new OfficeWorkbook(), platform?: string): ConsolidationBridge {
  let last: LastRun | null = null;
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
      const run = await runAsync(consolidateOp(book, sources, opts, cancelled));
      last = { result: run.result, catalogue: run.catalogue };
      return run.summary;
    },
    report: async (options) => {
      const doc = reportOfLast(last, options);
      return {
        kind: 'file',
        name: reportFileName(last!.result.summary.period),
        bytes: await reportBytes(doc),
        note: downloadNote(platform),
      };
    },
  };
}
