import { CreateTemplateInput, CreateTemplateResult } from '../shared/operations/create-template';
import { WorkbookTables } from '../shared/operations/mapping-ops';
import { CheckResult, CompleteResult } from '../shared/operations/check';
import { ColumnMapping } from '../shared/templates/mapping';
import type { AllTemplatesBridge } from './all-templates';

/** What a panel asks of its host; the task pane answers in-process, the sidebar through google.script.run. */
export interface HostBridge {
  units(): Promise<string[]>;
  createTemplate(input: Omit<CreateTemplateInput, 'matcher'>): Promise<CreateTemplateResult>;
  inspect(): Promise<WorkbookTables>;
  saveMapping(mapping: ColumnMapping): Promise<void>;
  mappingTargets(): Promise<{ tables: Array<{ id: string; title: string }>; sheets: string[] }>;
  manualMapping(sheet: string, table: string, headerRow: number): Promise<WorkbookTables['unmatched'][number]>;
  check(): Promise<CheckResult>;
  select(sheet: string, cell: string): Promise<void>;
  /** `replace`: the user confirmed a new completion time over an earlier one. */
  complete(replace?: boolean): Promise<CompleteResult>;
  /** "Tạo phiếu cho tất cả đơn vị": absent, the template panel shows no such part. */
  allTemplates?: AllTemplatesBridge;
}
