import { OfficeWorkbook } from '../office-workbook';
import { check, complete } from '../../shared/operations/check';
import { createTemplate } from '../../shared/operations/create-template';
import { inspectWorkbook, manualMapping, mappingTargets, saveMapping } from '../../shared/operations/mapping-ops';
import { DEFAULT_REGISTRIES } from '../../shared/registry/default';
import { REGISTRY_SHEET } from '../../shared/operations/consolidate-op';
import { registryChoices } from '../../shared/operations/templates-all';
import { HostBridge } from '../../ui/bridge';

/** The task pane runs the core in the add-in's own runtime, on the open workbook. */
export function officeBridge(book = new OfficeWorkbook(), platform?: string): HostBridge {
  return {
    units: async () => [...new Set(DEFAULT_REGISTRIES.flatMap((r) => r.units.map((u) => u.name)))],
    createTemplate: (input) => createTemplate(book, input),
    inspect: () => inspectWorkbook(book),
    saveMapping: (m) => saveMapping(book, m),
    mappingTargets: () => mappingTargets(book),
    manualMapping: (sheet, table, row) => manualMapping(book, sheet, table, row),
    check: () => check(book),
    select: (sheet, cell) => Promise.resolve(book.select({ sheet, cell })),
    complete: () => complete(book, new Date()),
    allTemplates: {
      registries: async () => registryChoices((await book.sheetNames()).includes(REGISTRY_SHEET), DEFAULT_REGISTRIES),
      // ExcelJS, JSZip and the communes' map load with the first press, not with the pane.
      make: async (input, progress) => {
        const { allTemplatesZip } = await import(/* webpackChunkName: "all-templates" */ './all-templates');
        return allTemplatesZip(book, input, progress, platform);
      },
    },
  };
}
