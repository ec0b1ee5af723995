/*
 * What the sidebar asks of the server through google.script.run; arguments and results are plain
 * data (no Date, no functions). The sidebar types its calls against `handlers` (gas-bridge.ts), so
 * a renamed or re-typed handler breaks the build. google.script.run calls only top-level functions:
 * each handler is attached to the global scope below, with the JSDoc of its stub (see main.ts).
 */
import { checkOp, completeOp } from '../../shared/operations/check';
import { settingsOp, writeOwnedOp } from '../../shared/operations/consolidate-op';
import { createTemplateOp, CreateTemplateInput } from '../../shared/operations/create-template';
import {
  inspectWorkbookOp,
  manualMappingOp,
  mappingTargetsOp,
  saveMappingOp,
} from '../../shared/operations/mapping-ops';
import { runSync } from '../../shared/operations/run';
import { listSourcesOp, makeSourceListOp } from '../../shared/operations/sources-op';
import { DEFAULT_REGISTRIES } from '../../shared/registry/default';
import { ReportDoc } from '../../shared/report/schema';
import { ColumnMapping } from '../../shared/templates/mapping';
import { ChartSpec } from '../../shared/workbook/port';
import { SheetSpec } from '../../shared/workbook/sheet-spec';
import {
  checkRun,
  continueRun,
  finishRun,
  pendingRun,
  readSource,
  RunOptions,
  savedSources,
  startRun,
} from './chunked-consolidation';
import { showGuideDialog } from './guide';
import { withDocumentLock } from './lock';
import { writeReportDoc } from './report-doc';
import { SheetsWorkbook } from './sheets-workbook';
import { oneAtATime, templatesIntoDrive } from './templates-all';
import { saveMissingCsv } from './missing-csv';
import { AllTemplatesInput, registryChoices } from '../../shared/operations/templates-all';
import { REGISTRY_SHEET } from '../../shared/operations/consolidate-op';

declare const global: Record<string, unknown>;

/**
 * The google.script.run targets, by the names the sidebar calls them. Those that write take the
 * spreadsheet's document lock (lock.ts): a second user waits, then reads BusyError's sentence.
 */
export const handlers = {
  dxCheck: () => withDocumentLock(() => runSync(checkOp(new SheetsWorkbook()))),

  dxSelect: (sheet: string, cell: string) => new SheetsWorkbook().select({ sheet, cell }),

  /** The server's clock is the completion time. */
  dxComplete: (replace?: boolean) =>
    withDocumentLock(() => runSync(completeOp(new SheetsWorkbook(), new Date(), {}, { replace: replace === true }))),

  dxSources: () => runSync(listSourcesOp(new SheetsWorkbook())),

  dxReadSource: (id: string) => readSource(id),

  /**
   * The sheets arrive as plain data: each is parsed again before it is written. With `run`, the annexes of a
   * run read in steps (chunked-consolidation.ts): refused if that run is no longer the pending one, and its
   * saved progress deleted once they are written.
   */
  dxWriteConsolidation: (sheets: SheetSpec[], chart: ChartSpec | null, run?: string | null) =>
    withDocumentLock(() => {
      if (run) checkRun(run);
      const book = new SheetsWorkbook();
      runSync(
        writeOwnedOp(
          book,
          sheets.map((s) => SheetSpec.parse(s)),
        ),
      );
      if (chart) book.chart(chart);
      if (run) finishRun(run);
      return sheets.map((s) => s.name);
    }),

  /** The run of Tổng hợp left unfinished in this spreadsheet (its units read so far), or null. */
  dxConsolidationPending: () => pendingRun(),

  /** Starts a run read in steps; a pending one is answered (pending: true) unless `restart` clears it. */
  dxConsolidationStart: (options: RunOptions, restart?: boolean) =>
    withDocumentLock(() => startRun(options, restart === true)),

  /** Reads the next units of the pending run (at most `maxUnits`, at most 4.5 minutes), each saved as read. */
  dxConsolidationContinue: (maxUnits?: number | null) =>
    withDocumentLock(() => continueRun({ maxUnits: maxUnits ?? undefined })),

  /** The units the run read, from the `from`-th, a page at a time. */
  dxSavedSources: (run: string, from: number) => savedSources(run, from),

  /** This spreadsheet's DX_CauHinh (the master) and "Danh mục đơn vị" (the registry), where it has them. */
  dxSettings: () => {
    const s = runSync(settingsOp(new SheetsWorkbook()));
    return { master: s.master ?? null, registry: s.registry ?? null };
  },

  dxMakeSourceList: () => withDocumentLock(() => runSync(makeSourceListOp(new SheetsWorkbook()))),

  /**
   * "Tạo báo cáo (Word)": the report the sidebar wrote from its consolidation, parsed again, as a new Google
   * Doc. No lock: it writes a new document, not the spreadsheet.
   */
  dxCreateReportDoc: (doc: ReportDoc) => writeReportDoc(ReportDoc.parse(doc)),

  dxUnits: () => [...new Set(DEFAULT_REGISTRIES.flatMap((r) => r.units.map((u) => u.name)))],

  dxCreateTemplate: (input: Omit<CreateTemplateInput, 'matcher'>) =>
    withDocumentLock(() => runSync(createTemplateOp(new SheetsWorkbook(), input))),

  dxInspect: () => runSync(inspectWorkbookOp(new SheetsWorkbook())),

  dxMappingTargets: () => runSync(mappingTargetsOp(new SheetsWorkbook())),

  dxManualMapping: (sheet: string, table: string, headerRow: number) =>
    runSync(manualMappingOp(new SheetsWorkbook(), sheet, table, headerRow)),

  dxSaveMapping: (mapping: ColumnMapping) =>
    withDocumentLock(() => runSync(saveMappingOp(new SheetsWorkbook(), mapping))),

  /** The sidebar's "Hướng dẫn sử dụng": the guide in a dialog (the menu item's). */
  dxShowGuide: () => showGuideDialog(),

  /** "Tạo phiếu cho tất cả đơn vị": the registries offered, this spreadsheet's "Danh mục đơn vị" first. */
  dxRegistryChoices: () =>
    registryChoices(new SheetsWorkbook().sheetNames().includes(REGISTRY_SHEET), DEFAULT_REGISTRIES),

  /**
   * One spreadsheet per unit in a Drive folder, as many as fit in one execution (templates-all.ts). One press at a
   * time (two at once would both find a unit missing and make it twice), without holding the document lock.
   */
  dxTemplatesForAll: (input: AllTemplatesInput) => oneAtATime(() => templatesIntoDrive(input)),

  /** "Tải CSV": the list not sent, as the sidebar made it, saved as a new Drive file beside the spreadsheet. */
  dxSaveMissingCsv: (csv: string, period: string | null) => saveMissingCsv(csv, period),
};

/** "Kiểm tra" from the sidebar: issues as plain data; problem cells highlighted, with notes. */
global.dxCheck = handlers.dxCheck;

/** The sidebar's "Hướng dẫn sử dụng": the user guide in a dialog. */
global.dxShowGuide = handlers.dxShowGuide;

/**
 * Selects an issue's cell.
 * @param {string} sheet
 * @param {string} cell
 */
global.dxSelect = handlers.dxSelect;

/**
 * "Hoàn thành": stamps the completion time when no error is left; an earlier time stays unless replaced.
 * @param {boolean} [replace] the user confirmed a new time over an earlier one
 */
global.dxComplete = handlers.dxComplete;

/** "Tổng hợp": the sources listed in DX_NguonDuLieu and the unit tabs of this spreadsheet. */
global.dxSources = handlers.dxSources;

/**
 * Reads one source (only reads it), as plain data for the sidebar.
 * @param {string} id "ss:SPREADSHEET_ID" or "tab:SHEET_NAME"
 */
global.dxReadSource = handlers.dxReadSource;

/**
 * Writes the annexes the sidebar computed: the product's own sheets replaced, no other sheet touched.
 * @param {Object[]} sheets
 * @param {Object} chart
 * @param {string} [run] the run read in steps these annexes finish: its saved progress is deleted after the write
 */
global.dxWriteConsolidation = handlers.dxWriteConsolidation;

/**
 * "Tổng hợp" read in steps: the run left unfinished in this spreadsheet, or null.
 * @return {Object} the run's progress (units read, total, next unit, unreadable units, options)
 */
global.dxConsolidationPending = handlers.dxConsolidationPending;

/**
 * Starts a run of Tổng hợp read in steps: lists the sources and saves the run's state; reads no unit yet.
 * @param {Object} options the sidebar's options (period, deadlineDay, includeErrors, reportNo, reportDate, issuer)
 * @param {boolean} [restart] clear a pending run first ("Làm lại từ đầu"); otherwise a pending run is answered
 */
global.dxConsolidationStart = handlers.dxConsolidationStart;

/**
 * "Tiếp tục": reads the next units of the pending run, each saved in DX_TienDo as soon as it is read.
 * @param {number} [maxUnits] at most this many units in this call
 */
global.dxConsolidationContinue = handlers.dxConsolidationContinue;

/**
 * The units a finished reading saved, a page at a time.
 * @param {string} run
 * @param {number} from
 */
global.dxSavedSources = handlers.dxSavedSources;

/** This spreadsheet's DX_CauHinh (the master the units are validated by) and its unit list, where it has them. */
global.dxSettings = handlers.dxSettings;

/** Adds the registry sheet DX_NguonDuLieu to fill in. */
global.dxMakeSourceList = handlers.dxMakeSourceList;

/**
 * "Tạo báo cáo (Word)": writes the report the sidebar made as a new Google Doc in the user's Drive.
 * @param {Object} doc the report (sections of paragraphs and tables), as plain data
 * @return {{id: string, url: string, name: string}} where the document is
 */
global.dxCreateReportDoc = handlers.dxCreateReportDoc;

/** Registered unit names, for the sidebar's list. */
global.dxUnits = handlers.dxUnits;

/**
 * "Tạo phiếu báo cáo" from the sidebar: adds the unit workbook's sheets to this spreadsheet.
 * @param {{unit: string, period: string, preparer?: string}} input
 */
global.dxCreateTemplate = handlers.dxCreateTemplate;

/** "Tạo phiếu cho tất cả đơn vị": the registries the sidebar offers. */
global.dxRegistryChoices = handlers.dxRegistryChoices;

/**
 * "Tạo phiếu cho tất cả đơn vị": one spreadsheet per unit in the period's Drive folder, shared with the unit's
 * e-mail address; stops before Apps Script's 6 minutes, and the next call goes on (units already made are skipped).
 * @param {{registry: string, province?: string, period: string, preparer?: string}} input
 */
global.dxTemplatesForAll = handlers.dxTemplatesForAll;

/**
 * "Tải CSV": saves the list not sent as a CSV file in Drive, beside this spreadsheet.
 * @param {string} csv the list as the sidebar made it
 * @param {string} period the period it is for
 * @return {{name: string, url: string}} the file
 */
global.dxSaveMissingCsv = handlers.dxSaveMissingCsv;

/** Tables recognised in this spreadsheet, and those waiting for a column mapping. */
global.dxInspect = handlers.dxInspect;

/** Tables and sheets for a mapping made by hand. */
global.dxMappingTargets = handlers.dxMappingTargets;

/**
 * The fields of a table and the header cells of a row, for a mapping made by hand.
 * @param {string} sheet
 * @param {string} table
 * @param {number} headerRow
 */
global.dxManualMapping = handlers.dxManualMapping;

/**
 * Saves a column mapping in the hidden sheet DX_AnhXa.
 * @param {{sheet: string, table: string, headerRow: number, columns: Object}} mapping
 */
global.dxSaveMapping = handlers.dxSaveMapping;
