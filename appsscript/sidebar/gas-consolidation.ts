import { consolidate, Consolidation } from '../../shared/consolidate/consolidate';
import { CancelledError } from '../../shared/operations/consolidate-op';
import { ConsolidationBridge } from '../../ui/consolidate-panel';
import { reportOfLast } from '../../ui/report-source';
import { call } from './gas-bridge';

/** The last consolidation of this sidebar: the report is written from it. */
let last: Consolidation | null = null;

/**
 * Google Sheets: the sidebar reads the sources one call at a time (so it can
 * show progress and stop), consolidates in the browser with the same core,
 * then sends the finished annexes to be written in one call. The report is
 * written in the browser from that consolidation and sent, as plain data, to
 * the server, which makes it a Google Doc (appsscript/server/report-doc.ts).
 */
export const gasConsolidation: ConsolidationBridge = {
  listSources: () => call('dxSources'),
  readSource: (id) => call('dxReadSource', id),
  makeSourceList: () => call('dxMakeSourceList'),
  write: async (sources, opts, cancelled) => {
    last = null;
    // The spreadsheet's own DX_CauHinh and unit list, if any: the master and the registry of the run.
    const settings = await call('dxSettings');
    const result = consolidate(sources, {
      ...opts,
      master: settings.master ?? undefined,
      registry: settings.registry ?? undefined,
    });
    if (cancelled()) throw new CancelledError();
    const sheets = await call('dxWriteConsolidation', result.sheets, result.chart);
    last = result;
    return { ...result.summary, sheets: sheets.filter((n) => !n.startsWith('DX_')) };
  },
  report: async (options) => {
    const doc = await call('dxCreateReportDoc', reportOfLast(last, options));
    return { kind: 'link', name: doc.name, url: doc.url };
  },
};
