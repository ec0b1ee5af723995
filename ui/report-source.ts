import { Consolidation } from '../shared/consolidate/consolidate';
import { reportDocument } from '../shared/report/report';
import { ReportDoc, ReportOptions } from '../shared/report/schema';
import { REPORT_TEXT } from './report-section';

/** The report of a pane's last Tổng hợp; said in words when there was none (the button is off until then). */
export function reportOfLast(last: Consolidation | null, options: ReportOptions): ReportDoc {
  if (!last) throw new Error(REPORT_TEXT.waiting);
  return reportDocument(last, options);
}
