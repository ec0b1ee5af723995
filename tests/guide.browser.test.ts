/**
 * The pictures of the user guide (docs/huong-dan.md, issue 16 item 6) are taken here, in real Chromium on the
 * built sidebar (google.script.run answered by the built Code.js over the Sheets stand-in), so they show the
 * panes as they are: a ward creates its sheets, checks them, fixes its figures and completes; a secretariat
 * consolidates two wards and makes the Word report. Every picture the guide names is written by this file, and
 * every picture written here is in the guide.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Browser, Page } from 'playwright-core';
import { XlsxWorkbook } from '../xlsx/workbook';
import { launchChromium } from './helpers/browser';
import { fakeDocumentApp } from './helpers/fake-document-app';
import { FakeSpreadsheet } from './helpers/fake-sheets';
import { bridgeGoogleScriptRun } from './helpers/gas-bridge';
import { DIST, loadAppsScript, ROOT } from './helpers/hosts';
import { REPORT_FIELDS, reportUnits } from './helpers/report-units';

const GUIDE = path.join(ROOT, 'docs', 'huong-dan.md');
const PICTURES = path.join(ROOT, 'docs', 'huong-dan');
const SIDEBAR = `file://${path.join(DIST, 'appsscript', 'Sidebar.html')}`;
const taken = new Set<string>();

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  fs.mkdirSync(PICTURES, { recursive: true });
});
afterAll(async () => browser?.close());

/** A sidebar as wide as Google Sheets shows it (300 px), over `ss`. */
async function sidebar(ss: FakeSpreadsheet, server?: Record<string, unknown>): Promise<Page> {
  const gas = server ?? loadAppsScript(ss).global;
  const page = await browser.newPage({ viewport: { width: 320, height: 900 }, locale: 'vi-VN' });
  await bridgeGoogleScriptRun(page, gas);
  await page.goto(SIDEBAR);
  return page;
}

/** One picture of the guide: the element's box (or the page), named as the guide links it. */
async function picture(page: Page, name: string, selector: string, cut?: { height: number }): Promise<void> {
  const file = path.join(PICTURES, name);
  const box = cut ? await page.locator(selector).boundingBox() : null;
  if (box) await page.screenshot({ path: file, clip: { ...box, height: Math.min(box.height, cut!.height) } });
  else await page.locator(selector).screenshot({ path: file });
  taken.add(name);
}

test('the ward: Tạo phiếu báo cáo, Kiểm tra with its errors, then fixed and Hoàn thành', async () => {
  const ss = new FakeSpreadsheet('Báo cáo CĐS — Phường Lộc Thọ');
  const page = await sidebar(ss);
  await picture(page, 'thanh-ben.png', 'body', { height: 560 });
  await page.waitForSelector('#tpl-units option', { state: 'attached' });
  await page.fill('#tpl-unit', 'Phường Lộc Thọ');
  await page.fill('#tpl-period', '2023-06');
  await page.fill('#tpl-preparer', 'Nguyễn Văn A');
  await page.click('#tpl-create');
  await page.waitForSelector('#tpl-result.ok');
  expect(await page.textContent('#tpl-result')).toContain('Phường Lộc Thọ, tháng 6/2023');
  await picture(page, 'tao-phieu.png', '#template');
  // The ward types its feedback figures with a slip (16 received, 10 resolved, 5 in process) and a unit word.
  const t4 = ss.getSheetByName('T4 Phản ánh')!;
  for (const [cell, value] of Object.entries({ C6: 16, D6: 10, E6: 6, F6: 4, G6: 5, H6: 2, I6: 4 }))
    t4.cells.set(cell, { value });
  ss.getSheetByName('T3 TTHC')!.cells.set('D6', { value: '24 loại' });
  await page.click('#chk-run');
  await page.waitForSelector('#chk-list ul.issues');
  expect(await page.textContent('#chk-list')).toContain('T4 Phản ánh!C6');
  await picture(page, 'kiem-tra-loi.png', '#check');
  t4.cells.set('G6', { value: 6 });
  ss.getSheetByName('T3 TTHC')!.cells.set('D6', { value: 24 });
  ss.getSheetByName('Thông tin chung')!.cells.set('B7', { value: '10/07/2023' });
  await page.click('#chk-run');
  await page.waitForSelector('#chk-status.ok');
  await page.click('#chk-complete');
  await page.waitForFunction(() => document.querySelector('#chk-status')?.textContent?.startsWith('Đã hoàn thành'));
  await picture(page, 'hoan-thanh.png', '#check');
  await page.close();
}, 120000);

test('the secretariat: the list of sources, Tổng hợp, the summary and the Word report', async () => {
  const ss = new FakeSpreadsheet('Tổng hợp CĐS tháng 6/2023');
  for (const [i, u] of (await reportUnits()).entries()) {
    const unit = new FakeSpreadsheet(`Báo cáo CĐS — ${u.unit}`);
    for (const s of await (await XlsxWorkbook.open(u.file)).read()) unit.fill(s.name, s.values);
    ss.others[`1Unit${i}${'x'.repeat(38)}`] = unit;
  }
  const gas = loadAppsScript(ss);
  gas.global.DocumentApp = fakeDocumentApp().app;
  const page = await sidebar(ss, gas.global);
  await page.click('#con-make-list');
  await page.waitForSelector('#con-status.ok');
  const list = ss.getSheetByName('DX_NguonDuLieu')!;
  Object.keys(ss.others).forEach((id, i) => {
    list.cells.set(`A${i + 2}`, { value: `Đơn vị ${i + 1}` });
    list.cells.set(`B${i + 2}`, { value: `https://docs.google.com/spreadsheets/d/${id}/edit` });
  });
  await page.fill('#con-period', '2023-06');
  await page.fill('#con-issuer', REPORT_FIELDS.issuer);
  await page.fill('#con-report-no', REPORT_FIELDS.reportNo);
  await page.fill('#con-report-date', REPORT_FIELDS.reportDate);
  await page.click('#con-run');
  await page.waitForSelector('#con-status.ok');
  expect(await page.textContent('#con-status')).toContain('Đã tổng hợp');
  expect(ss.getSheetByName('Phụ lục I')).toBeDefined();
  await picture(page, 'tong-hop.png', '#consolidate');
  await page.click('#rep-section summary');
  await page.click('#rep-run');
  await page.waitForSelector('#rep-status.ok');
  await picture(page, 'bao-cao.png', '#rep-section');
  await page.close();
}, 120000);

test('the guide shows exactly the pictures taken here, and links nothing that is missing', () => {
  const text = fs.readFileSync(GUIDE, 'utf8');
  const linked = [...text.matchAll(/!\[[^\]]*\]\(huong-dan\/([^)]+)\)/g)].map((m) => m[1]);
  expect(new Set(linked)).toEqual(taken);
  for (const name of linked) expect(fs.statSync(path.join(PICTURES, name)).size).toBeGreaterThan(1000);
});
