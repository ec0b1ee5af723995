import { HostBridge } from '../../ui/bridge';

interface ScriptRun {
  withSuccessHandler(f: (v: unknown) => void): ScriptRun;
  withFailureHandler(f: (e: Error) => void): ScriptRun;
  [name: string]: unknown;
}
declare const google: { script: { run: ScriptRun } };

/** google.script.run as a promise; arguments and results are plain data. */
export function call<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run.withSuccessHandler((v) => resolve(v as T)).withFailureHandler(reject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

export const gasBridge: HostBridge = {
  units: () => call('dxUnits'),
  createTemplate: (input) => call('dxCreateTemplate', input),
  inspect: () => call('dxInspect'),
  saveMapping: (m) => call('dxSaveMapping', m),
  mappingTargets: () => call('dxMappingTargets'),
  manualMapping: (sheet, table, row) => call('dxManualMapping', sheet, table, row),
  check: () => call('dxCheck'),
  select: (sheet, cell) => call('dxSelect', sheet, cell),
  complete: () => call('dxComplete'),
};
