/*
 * "Tạo phiếu cho tất cả đơn vị" in the Excel task pane: every unit's workbook made as .xlsx bytes in the pane
 * (ExcelJS, as the playground and the command line make them), put in one .zip and offered as a download as
 * the report is (report-download.ts). Loaded only when the button is pressed (a webpack chunk of its own), with
 * the map of today's communes: the pane's first load takes neither. Only read from the open workbook: its
 * "Danh mục đơn vị" and DX_CauHinh.
 */
import JSZip from 'jszip';
import { runAsync } from '../../shared/operations/run';
import {
  ALL_TEMPLATES_TEXT,
  AllTemplatesInput,
  templatesForUnitsOp,
  templatesToMakeOp,
  unitJobs,
  zipName,
} from '../../shared/operations/templates-all';
import { DEFAULT_REGISTRIES } from '../../shared/registry/default';
import { provinceRegistry } from '../../shared/registry/dvhc';
import { UnitMatcher } from '../../shared/registry/match';
import { CONFIG_SHEET } from '../../shared/templates/version';
import { WorkbookPort } from '../../shared/workbook/port';
import type { AllTemplatesOutput } from '../../ui/all-templates';
import { XlsxWorkbook } from '../../xlsx/workbook';
import { fileNote } from './report-download';

/** The .zip of every unit's workbook; `book` (the open workbook: Excel's, or the playground's) is only read. */
export async function allTemplatesZip(
  book: WorkbookPort,
  input: AllTemplatesInput,
  progress: (done: number, total: number) => void,
  platform?: string,
): Promise<AllTemplatesOutput> {
  const { registry, label, units, notInPeriod, config } = await runAsync(
    templatesToMakeOp(book, input, { builtIn: DEFAULT_REGISTRIES, province: provinceRegistry }),
  );
  const zip = new JSZip();
  const run = await runAsync(
    templatesForUnitsOp<XlsxWorkbook>({
      jobs: unitJobs(units, label),
      period: input.period,
      preparer: input.preparer,
      matcher: new UnitMatcher([registry]),
      open: async () => {
        const unit = new XlsxWorkbook();
        // The secretariat's DX_CauHinh travels into every unit's workbook, as `template --config` has it.
        if (config) await unit.write([config]);
        return unit;
      },
      close: async (unit, job) => {
        // Hidden, not very hidden: the secretariat may unhide it to read it (as the command line leaves it).
        const ws = unit.book.getWorksheet(CONFIG_SHEET);
        if (ws) ws.state = 'hidden';
        zip.file(job.name, await unit.toBuffer());
      },
      progress,
    }),
  );
  const name = zipName(label);
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
  const said = [ALL_TEMPLATES_TEXT.zipped(run.made.length, name)];
  if (notInPeriod.length) said.push(ALL_TEMPLATES_TEXT.notInPeriod(notInPeriod));
  return { kind: 'file', name, bytes, message: said.join(' '), note: fileNote(platform, 'zip') };
}
