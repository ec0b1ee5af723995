/**
 * The playground (the pane's panels over an .xlsx in the page) offers "Tạo phiếu cho tất cả đơn vị" as the Excel
 * pane does: a built-in registry, the period, one .zip of one workbook per unit; nothing leaves the page.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { Browser } from 'playwright-core';
import { launchChromium, serveFolder } from './helpers/browser';
import { DIST } from './helpers/hosts';
import { VUNG_TAU } from '../shared/registry/data/vung-tau';
import { unitsOfPeriod } from '../shared/operations/templates-all';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  browser = await launchChromium();
  server = await serveFolder(path.join(DIST, 'playground'));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('playground: a built-in registry gives a .zip of one workbook per unit of the period', async () => {
  const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('blob:')) outside.push(r.url());
  });
  await page.goto(`${server.url}/index.html`);
  await page.waitForSelector('#tpl-all-registry option[value="VT"]', { state: 'attached' });
  await page.selectOption('#tpl-all-registry', 'VT');
  await page.fill('#tpl-period', '2023-06');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#tpl-all')]);
  expect(download.suggestedFilename()).toBe('Phieu bao cao - tháng 6-2023.zip');
  const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
  const expected = unitsOfPeriod(VUNG_TAU, '2023-06').units.length;
  expect(Object.keys(zip.files)).toHaveLength(expected);
  expect(await page.textContent('#tpl-all-status')).toContain(`Đã tạo ${expected} phiếu`);
  expect(outside).toEqual([]);
  await page.close();
}, 180000);
