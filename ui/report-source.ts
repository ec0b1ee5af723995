import { defaultCatalogue } from '../shared/catalogue/catalogue';
import { Indicator } from '../shared/catalogue/schema';
import { Consolidation } from '../shared/consolidate/consolidate';
import { reportDocument } from '../shared/report/report';
import { ReportDoc, ReportOptions } from '../shared/report/schema';
import { Grid } from '../shared/tables/read';
import { MasterConfig, readMaster } from '../shared/templates/config-sheet';
import { REPORT_TEXT } from './report-section';

/** What a pane keeps of its last Tổng hợp to write the report from: the consolidation and its catalogue. */
export interface LastRun {
  result: Consolidation;
  catalogue: Indicator[];
}

/**
 * The master of the workbook read once: consolidate() takes it as it is, and its catalogue (the targets the
 * report compares with) is the report's; without one, the built-in catalogue, as consolidate() uses.
 */
export function masterOf(grid: Grid | null | undefined): { master?: MasterConfig; catalogue: Indicator[] } {
  const master = grid ? readMaster(grid) : undefined;
  return { master, catalogue: master?.catalogue ?? defaultCatalogue() };
}

/** The report of the last run; said in words when there was none (the button is off until then). */
export function reportOfLast(last: LastRun | null, options: ReportOptions): ReportDoc {
  if (!last) throw new Error(REPORT_TEXT.waiting);
  return reportDocument(last.result, last.catalogue, options);
}
