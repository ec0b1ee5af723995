import { SourceRef } from '../../shared/consolidate/collect';
import { missingCsv, missingCsvMade, missingSheets, missingWritten } from '../../shared/consolidate/missing-list';
import { consolidate, Consolidation } from '../../shared/consolidate/consolidate';
import { CancelledError, ConsolidateSummary } from '../../shared/operations/consolidate-op';
import { SheetSnapshot } from '../../shared/workbook/port';
import { ConsolidateOptionsInput, ConsolidationBridge, SavedProgress } from '../../ui/consolidate-panel';
import { reportOfLast } from '../../ui/report-source';
// Types only: the sidebar bundle takes no server code.
import type { RunOptions, RunProgress, SavedUnit } from '../server/chunked-consolidation';
import { call } from './gas-bridge';

/** The last consolidation of this sidebar: the report is written from it. */
let last: Consolidation | null = null;

/**
 * Units a call of "Tổng hợp" read in steps asks the server to read: one, so the sidebar names the unit under
 * way and can stop between any two, each call an execution far under Apps Script's 6 minutes, each unit saved
 * as soon as it is read (appsscript/server/chunked-consolidation.ts).
 */
export const UNITS_PER_CALL = 1;

/** The panel's options as google.script.run carries them: no Date, no undefined. */
export function runOptions(opts: ConsolidateOptionsInput): RunOptions {
  const out: RunOptions = { includeErrors: opts.includeErrors === true };
  if (opts.period) out.period = opts.period;
  if (opts.deadlineDay !== undefined) out.deadlineDay = opts.deadlineDay;
  if (opts.attachedTo) out.attachedTo = opts.attachedTo;
  if (opts.reportNo) out.reportNo = opts.reportNo;
  if (opts.reportDate) out.reportDate = opts.reportDate;
  if (opts.issuer) out.issuer = opts.issuer;
  if (opts.now) out.now = opts.now.toISOString();
  return out;
}

/** A run's own options again for the core: the moment it started is its clock. */
function optionsOf(o: RunOptions): ConsolidateOptionsInput {
  const { now, ...rest } = o;
  return { ...rest, now: now ? new Date(now) : undefined };
}

const progressOf = (p: RunProgress): SavedProgress => ({
  read: p.read,
  total: p.total,
  next: p.next,
  startedAt: p.startedAt,
  unreadable: p.unreadable,
});

/** The one write: consolidated in the sidebar with the spreadsheet's master and registry, then sent. */
async function consolidateAndWrite(
  sources: Array<{ source: SourceRef; sheets: SheetSnapshot[] }>,
  opts: ConsolidateOptionsInput,
  cancelled: () => boolean,
  run?: string,
): Promise<ConsolidateSummary> {
  last = null;
  // The spreadsheet's own DX_CauHinh and unit list, if any: the master and the registry of the run.
  const settings = await call('dxSettings');
  const result = consolidate(sources, {
    ...opts,
    master: settings.master ?? undefined,
    registry: settings.registry ?? undefined,
  });
  if (cancelled()) throw new CancelledError();
  const sheets = run
    ? await call('dxWriteConsolidation', result.sheets, result.chart, run)
    : await call('dxWriteConsolidation', result.sheets, result.chart);
  last = result;
  return { ...result.summary, sheets: sheets.filter((n) => !n.startsWith('DX_')) };
}

/**
 * Google Sheets: the server reads the units in steps that save what they read (DX_TienDo), the sidebar
 * names each unit as it is read and can stop; once every unit is read it takes them back, consolidates in the
 * browser with the same core and sends the finished annexes to be written in one call. The report is written
 * in the browser from that consolidation and sent, as plain data, to the server, which makes it a Google Doc
 * (appsscript/server/report-doc.ts). `readSource` and `write` read and write as before, one source a call.
 */
export const gasConsolidation: ConsolidationBridge = {
  listSources: () => call('dxSources'),
  readSource: (id) => call('dxReadSource', id),
  makeSourceList: () => call('dxMakeSourceList'),
  write: (sources, opts, cancelled) => consolidateAndWrite(sources, opts, cancelled),
  // The server's one write of product sheets (under the document lock): DX_ChuaNop and DX_SoHuu, nothing else.
  writeMissing: async (list) => {
    await call('dxWriteConsolidation', missingSheets(list), null);
    return missingWritten(list.notSent.length);
  },
  // The sidebar makes the CSV as the command line does; the server saves it in Drive (missing-csv.ts says why).
  missingCsv: async (list) => {
    const file = await call('dxSaveMissingCsv', missingCsv(list), list.period);
    return {
      kind: 'link',
      name: file.name,
      url: file.url,
      message: missingCsvMade(list.notSent.length, file.name, 'drive'),
    };
  },
  report: async (options) => {
    const doc = await call('dxCreateReportDoc', reportOfLast(last, options));
    return { kind: 'link', name: doc.name, url: doc.url };
  },
  chunked: {
    pending: async () => {
      const p = await call('dxConsolidationPending');
      return p ? progressOf(p) : null;
    },
    run: async (how, opts, progress, cancelled) => {
      let p: RunProgress;
      if (how === 'resume') {
        const pending = await call('dxConsolidationPending');
        if (!pending) throw new Error('Không còn lần tổng hợp nào đang dở: bấm “Tổng hợp”.');
        p = pending;
      } else {
        const started = await call('dxConsolidationStart', runOptions(opts), how === 'restart');
        if (started.pending) return { kind: 'pending', progress: progressOf(started) };
        p = started;
      }
      while (!p.done) {
        progress(progressOf(p));
        if (cancelled()) return { kind: 'stopped', progress: progressOf(p) };
        p = await call('dxConsolidationContinue', UNITS_PER_CALL);
      }
      progress(progressOf(p));
      const sources: Array<{ source: SourceRef; sheets: SheetSnapshot[] }> = [];
      for (let from: number | null = 0; from !== null;) {
        const page: { sources: SavedUnit[]; next: number | null } = await call('dxSavedSources', p.run, from);
        sources.push(...page.sources);
        from = page.next;
      }
      // Stopped before the write: nothing written, every unit still saved for "Tiếp tục".
      if (cancelled()) return { kind: 'stopped', progress: progressOf(p) };
      // The run's own options: a run resumed in a later session consolidates as it was started.
      const summary = await consolidateAndWrite(sources, optionsOf(p.options), cancelled, p.run);
      // A spreadsheet that could not be opened is no source of the core: said with the others left out.
      const unreadable = p.unreadable.map((u) => ({ unit: u.unit, source: u.unit, reason: u.reason }));
      return { kind: 'done', summary: { ...summary, excluded: [...summary.excluded, ...unreadable] } };
    },
  },
};
