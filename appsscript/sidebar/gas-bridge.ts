import type { AllTemplatesInput } from '../../shared/operations/templates-all';
import { HostBridge } from '../../ui/bridge';
// The type only: the sidebar bundle takes no server code, and a renamed or re-typed handler breaks tsc.
import type { handlers } from '../server/handlers';

/** What the server answers by name through google.script.run (appsscript/server/handlers.ts). */
export type Handlers = typeof handlers;
export type HandlerName = keyof Handlers;

interface ScriptRun {
  withSuccessHandler(f: (v: unknown) => void): ScriptRun;
  withFailureHandler(f: (e: Error) => void): ScriptRun;
  [name: string]: unknown;
}
declare const google: { script: { run: ScriptRun } };

/** google.script.run as a promise, typed by the handler called; arguments and results are plain data. */
export function call<K extends HandlerName>(
  name: K,
  ...args: Parameters<Handlers[K]>
): Promise<ReturnType<Handlers[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((v) => resolve(v as ReturnType<Handlers[K]>))
      .withFailureHandler(reject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

/** The header's "Hướng dẫn sử dụng": the guide in a dialog over the sheet (a sidebar has no second page). */
export const openGuide = (): Promise<void> => call('dxShowGuide');

export const gasBridge: HostBridge = {
  units: () => call('dxUnits'),
  createTemplate: (input) => call('dxCreateTemplate', input),
  inspect: () => call('dxInspect'),
  saveMapping: (m) => call('dxSaveMapping', m),
  mappingTargets: () => call('dxMappingTargets'),
  manualMapping: (sheet, table, row) => call('dxManualMapping', sheet, table, row),
  check: () => call('dxCheck'),
  select: (sheet, cell) => call('dxSelect', sheet, cell),
  complete: (replace) => call('dxComplete', replace === true),
  allTemplates: {
    registries: () => call('dxRegistryChoices'),
    // One execution a press (under Apps Script's 6 minutes); the same press again goes on where it stopped.
    make: async (input, progress) => {
      const r = await call('dxTemplatesForAll', plainInput(input));
      progress(r.made + r.skipped, r.total);
      return { kind: 'folder', name: r.name, url: r.url, message: r.message, done: r.done };
    },
  },
};

/** google.script.run carries no undefined: only the fields given. */
function plainInput(i: AllTemplatesInput): AllTemplatesInput {
  const out: AllTemplatesInput = { registry: i.registry, period: i.period };
  if (i.province) out.province = i.province;
  if (i.preparer) out.preparer = i.preparer;
  return out;
}
