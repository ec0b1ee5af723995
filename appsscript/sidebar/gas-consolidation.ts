import { consolidate } from '../../shared/consolidate/consolidate';
import { CancelledError } from '../../shared/operations/consolidate-op';
import { ConsolidationBridge } from '../../ui/consolidate-panel';
import { call } from './gas-bridge';

/**
 * Google Sheets: the sidebar reads the sources one call at a time (so it can
 * show progress and stop), consolidates in the browser with the same core,
 * then sends the finished annexes to be written in one call.
 */
export const gasConsolidation: ConsolidationBridge = {
  listSources: () => call('dxSources'),
  readSource: (id) => call('dxReadSource', id),
  makeSourceList: () => call('dxMakeSourceList'),
  write: async (sources, opts, cancelled) => {
    // The spreadsheet's own DX_CauHinh and unit list, if any: the master and the registry of the run.
    const settings = await call('dxSettings');
    const result = consolidate(sources, {
      ...opts,
      master: settings.master ?? undefined,
      registry: settings.registry ?? undefined,
    });
    if (cancelled()) throw new CancelledError();
    const sheets = await call('dxWriteConsolidation', result.sheets, result.chart);
    return { ...result.summary, sheets: sheets.filter((n) => !n.startsWith('DX_')) };
  },
};
