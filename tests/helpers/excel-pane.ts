/**
 * The built Excel task pane in real Chromium, for a test file: `excelPane()` registers the set-up (Chromium, the
 * office.js stand-in built once, dist/addin served, two wards' report files) and its tear-down, and opens the
 * pane with the stand-in answering office.js — on a platform (Office.PlatformType's name) and over an open
 * workbook holding `sheets`, put into the stand-in as it is made, before the pane reads.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Browser, Page } from 'playwright-core';
import { launchChromium, SCREENSHOTS, serveFolder } from './browser';
import { DIST } from './hosts';
import { buildOfficeStandIn } from './office-stand-in-build';
import { reportUnits } from './report-units';

export interface PaneOptions {
  platform?: string;
  sheets?: Record<string, unknown[][]>;
  /** A selector the pane shows when it is ready. */
  ready?: string;
}

export interface ExcelPane {
  /** Filled in beforeAll: the wards' files, the server's address. */
  units: Array<{ unit: string; file: string }>;
  url: string;
  open(o?: PaneOptions): Promise<{ page: Page; requests: string[] }>;
}

export function excelPane(): ExcelPane {
  let browser: Browser;
  let standIn: string;
  let server: { url: string; close: () => Promise<void> };
  const pane: ExcelPane = {
    units: [],
    url: '',
    async open({ platform = 'OfficeOnline', sheets = {}, ready = '#con-run' } = {}) {
      const page = await browser.newPage({ acceptDownloads: true });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.addInitScript(
        ({ p, fill }) => {
          (window as unknown as { __officePlatform: string }).__officePlatform = p;
          let excel: { fill(n: string, r: unknown[][]): void } | undefined;
          Object.defineProperty(window, '__excel', {
            configurable: true,
            get: () => excel,
            set: (v: { fill(n: string, r: unknown[][]): void }) => {
              for (const [name, rows] of Object.entries(fill)) v.fill(name, rows);
              excel = v;
            },
          });
        },
        { p: platform, fill: sheets },
      );
      await page.route('**/office-js/office.js', (route) =>
        route.fulfill({ path: standIn, contentType: 'text/javascript; charset=utf-8' }),
      );
      await page.goto(`${server.url}/taskpane.html`);
      await page.waitForSelector(ready, { state: 'attached' });
      return { page, requests };
    },
  };
  beforeAll(async () => {
    [browser, standIn, pane.units] = await Promise.all([launchChromium(), buildOfficeStandIn(), reportUnits()]);
    server = await serveFolder(path.join(DIST, 'addin'));
    pane.url = server.url;
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (standIn) fs.rmSync(path.dirname(standIn), { recursive: true, force: true });
  });
  return pane;
}
