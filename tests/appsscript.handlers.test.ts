/*
 * The sidebar calls the server by name through google.script.run, which finds only top-level
 * functions of the pushed Code.js. gas-bridge.ts types each call against `handlers`, so a renamed
 * handler breaks tsc (and ts-jest, which type-checks the sidebar files imported here); this test
 * checks the other half: the built bundle declares every handler, with its JSDoc, as Apps Script needs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { handlers } from '../appsscript/server/handlers';
import { gasBridge, openGuide } from '../appsscript/sidebar/gas-bridge';
import { gasConsolidation } from '../appsscript/sidebar/gas-consolidation';
import { DIST, loadAppsScript } from './helpers/hosts';

const bundle = fs.readFileSync(path.join(DIST, 'appsscript', 'Code.js'), 'utf8');
const gas = loadAppsScript();

/** Answers other than an empty list: no master; a run read in steps, read whole by its first Tiếp tục. */
const RUN = { run: 'r', startedAt: '', options: { includeErrors: false, period: '2023-06' }, total: 1, unreadable: [] };
const STUB: Record<string, unknown> = {
  dxSettings: { master: null, registry: null },
  dxConsolidationPending: null,
  dxConsolidationStart: { ...RUN, pending: false, read: 0, done: false, next: 'U' },
  dxConsolidationContinue: { ...RUN, read: 1, done: true, next: null },
  dxSavedSources: { sources: [], next: null },
  dxTemplatesForAll: {
    name: 'F',
    url: 'https://drive.google.com/',
    made: 0,
    skipped: 0,
    total: 0,
    message: '',
    done: true,
  },
  dxSaveMissingCsv: { name: 'chua-nop.csv', url: 'https://drive.google.com/' },
};

/** A google.script.run stand-in that records the name of each call and answers it (STUB, else an empty list). */
function recordCalls(): string[] {
  const called: string[] = [];
  let answer: (v: unknown) => void = () => undefined;
  const run: object = new Proxy(
    {},
    {
      get: (_t, prop: string) => {
        if (prop === 'withSuccessHandler')
          return (f: (v: unknown) => void) => {
            answer = f;
            return run;
          };
        if (prop === 'withFailureHandler') return () => run;
        return () => {
          called.push(prop);
          answer(prop in STUB ? STUB[prop] : []);
        };
      },
    },
  );
  (globalThis as unknown as { google: unknown }).google = { script: { run } };
  return called;
}

/** Every method of the sidebar's two bridges, called once: the names they hand google.script.run. */
async function namesTheSidebarCalls(): Promise<string[]> {
  const called = recordCalls();
  await gasBridge.units();
  await gasBridge.createTemplate({ unit: 'Phường Vạn Thạnh', period: '2023-06' });
  await gasBridge.inspect();
  await gasBridge.saveMapping({ sheet: 'S', table: 'T', headerRow: 1, columns: {} });
  await gasBridge.mappingTargets();
  await gasBridge.manualMapping('S', 'T', 1);
  await gasBridge.check();
  await gasBridge.select('S', 'A1');
  await gasBridge.complete();
  await gasBridge.allTemplates!.registries();
  await gasBridge.allTemplates!.make({ registry: 'sheet', period: '2026-11' }, () => undefined);
  await openGuide();
  await gasConsolidation.listSources!();
  await gasConsolidation.readSource!('tab:S');
  await gasConsolidation.makeSourceList!();
  await gasConsolidation.write([], { includeErrors: false, period: '2023-06' }, () => false);
  await gasConsolidation.report!({});
  await gasConsolidation.missingCsv!({ period: null, deadline: null, deadlineDay: 20, registry: null, notSent: [] });
  await gasConsolidation.chunked!.pending();
  await gasConsolidation.chunked!.run(
    'start',
    { includeErrors: false },
    () => undefined,
    () => false,
  );
  return called;
}

/** The JSDoc block right above a top-level `function name(` in the bundle, or null. */
function stubDoc(name: string): string | null {
  const m = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*\\nfunction ${name}\\(`).exec(bundle);
  return m && new RegExp(`^function ${name}\\(`, 'm').test(bundle) ? m[1] : null;
}

describe('google.script.run targets (built dist/appsscript/Code.js)', () => {
  test('every handler is a top-level function of Code.js, with its JSDoc, bound to the handler', () => {
    for (const name of Object.keys(handlers)) {
      expect({ name, documented: Boolean(stubDoc(name)?.trim()) }).toEqual({ name, documented: true });
      expect({ name, type: typeof gas.global[name] }).toEqual({ name, type: 'function' });
    }
  });

  test('every name the sidebar calls is a handler, and every handler is called by the sidebar', async () => {
    const called = await namesTheSidebarCalls();
    expect([...new Set(called)].sort()).toEqual(Object.keys(handlers).sort());
    for (const name of called) expect({ name, declared: Boolean(stubDoc(name)) }).toEqual({ name, declared: true });
  });

  test('the menu items and triggers are top-level functions too', () => {
    for (const name of ['onOpen', 'onInstall', 'showSidebar', 'showCheck'])
      expect({ name, documented: Boolean(stubDoc(name)) }).toEqual({ name, documented: true });
  });

  test('the sidebar carries no server code (it imports the handlers as a type only)', () => {
    const html = fs.readFileSync(path.join(DIST, 'appsscript', 'Sidebar.html'), 'utf8');
    expect(html).not.toContain('SpreadsheetApp');
    expect(html).not.toContain('dxWriteConsolidation = ');
  });
});
