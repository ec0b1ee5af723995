/**
 * Loads the built artefacts the way their hosts do, with stand-ins only for
 * the host objects that cannot run offline (Excel's CustomFunctions runtime,
 * Apps Script's SpreadsheetApp / HtmlService). The stand-ins follow the
 * documented APIs: CustomFunctions.Error(code, message?) with ErrorCode
 * values "#DIV/0!", "#VALUE!", ...; Ui.createMenu().addItem().addToUi().
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { FakeSpreadsheet, fakeLockService, fakeScriptApp, fakeSpreadsheetApp } from './fake-sheets';

export const ROOT = path.join(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');

export class ExcelErrorStub {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const EXCEL_ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export interface ExcelRuntime {
  functions: Record<string, (...args: unknown[]) => unknown>;
  errors: ExcelErrorStub[];
}

/** Runs dist/addin/functions.js; its appended CustomFunctions.associate calls register the functions. */
export function loadExcelFunctions(): ExcelRuntime {
  const functions: ExcelRuntime['functions'] = {};
  const errors: ExcelErrorStub[] = [];
  const CustomFunctions = {
    associate(id: string | Record<string, (...a: unknown[]) => unknown>, fn?: (...a: unknown[]) => unknown) {
      if (typeof id === 'string') functions[id] = fn!;
      else Object.assign(functions, id);
    },
    Error: class extends ExcelErrorStub {
      constructor(code: string, message?: string) {
        super(code, message);
        errors.push(this);
      }
    },
    ErrorCode: EXCEL_ERROR_CODES,
  };
  const code = fs.readFileSync(path.join(DIST, 'addin', 'functions.js'), 'utf8');
  const context = vm.createContext({ CustomFunctions, console });
  vm.runInContext(code, context, { filename: 'functions.js' });
  return { functions, errors };
}

export interface GasCalls {
  menus: Array<{ title: string; items: Array<[string, string]> }>;
  sidebars: Array<{ file: string; title?: string }>;
  dialogs: Array<{ file: string; title: string; width?: number; height?: number }>;
}

/** The script's global scope: the top-level functions of Code.js, untyped as Apps Script sees them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests call the script's functions by name
type GasGlobal = Record<string, any>;

/** Runs dist/appsscript/Code.js as Apps Script would: one global scope, top-level functions. */
export function loadAppsScript(spreadsheet?: object): { global: GasGlobal; calls: GasCalls } {
  const calls: GasCalls = { menus: [], sidebars: [], dialogs: [] };
  const ui = {
    createMenu(title: string) {
      const menu = { title, items: [] as Array<[string, string]> };
      const builder = {
        addItem(caption: string, fn: string) {
          menu.items.push([caption, fn]);
          return builder;
        },
        addSeparator() {
          return builder;
        },
        addToUi() {
          calls.menus.push(menu);
        },
      };
      return builder;
    },
    showSidebar(output: { file: string; title?: string }) {
      calls.sidebars.push(output);
    },
    showModalDialog(output: { file: string; width?: number; height?: number }, title: string) {
      calls.dialogs.push({ file: output.file, title, width: output.width, height: output.height });
    },
  };
  const SpreadsheetApp = {
    ...(spreadsheet ? fakeSpreadsheetApp(spreadsheet as FakeSpreadsheet) : {}),
    getUi: () => ui,
  };
  const HtmlService = {
    createHtmlOutputFromFile(file: string) {
      const out = {
        file,
        title: undefined as string | undefined,
        appended: '' as string,
        setTitle(t: string) {
          out.title = t;
          return out;
        },
        append(html: string) {
          out.appended += html;
          return out;
        },
        width: undefined as number | undefined,
        height: undefined as number | undefined,
        setWidth(w: number) {
          out.width = w;
          return out;
        },
        setHeight(h: number) {
          out.height = h;
          return out;
        },
      };
      return out;
    },
  };
  const code = fs.readFileSync(path.join(DIST, 'appsscript', 'Code.js'), 'utf8');
  // A bound script (installation source NONE) with the document lock of its spreadsheet.
  const LockService = spreadsheet ? fakeLockService(spreadsheet as FakeSpreadsheet) : undefined;
  const ScriptApp = fakeScriptApp('NONE');
  const context = vm.createContext({ SpreadsheetApp, HtmlService, LockService, ScriptApp, console });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return { global: context as GasGlobal, calls };
}

/** A '[1,2]' argument of the case table is a range: a column of cells. */
export function asRange(a: unknown): unknown {
  if (typeof a === 'string' && a.startsWith('[')) {
    const parsed = JSON.parse(a) as unknown[];
    return parsed.map((x) => (Array.isArray(x) ? x : [x === null ? '' : x]));
  }
  return a;
}
