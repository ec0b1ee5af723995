/**
 * The sidebar's "Tạo báo cáo (Word)" (issue 14 item 1) in real Chromium on the built Sidebar.html, its
 * google.script.run answered by the built Code.js with a DocumentApp stand-in: after a Tổng hợp, the report
 * is computed in the sidebar, made a Google Doc on the server, and the sidebar links to it — escaped, and only
 * when the address is a Google Doc's.
 */
import * as path from 'path';
import { Browser, Page } from 'playwright-core';
import { XlsxWorkbook } from '../xlsx/workbook';
import { launchChromium, SCREENSHOTS } from './helpers/browser';
import { fakeDocumentApp, FakeTable, outline } from './helpers/fake-document-app';
import { FakeSpreadsheet } from './helpers/fake-sheets';
import { bridgeGoogleScriptRun } from './helpers/gas-bridge';
import { DIST, loadAppsScript } from './helpers/hosts';
import { FEEDBACK_SENTENCE, HEADING_LINES, REPORT_FIELDS, reportUnits } from './helpers/report-units';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

/** A secretariat spreadsheet listing the two wards' spreadsheets in DX_NguonDuLieu. */
async function secretariat(): Promise<FakeSpreadsheet> {
  const ss = new FakeSpreadsheet('Tổng hợp CĐS tháng 6/2023');
  const units = await reportUnits();
  for (const [i, u] of units.entries()) {
    const id = `1Unit${i}${'x'.repeat(38)}`;
    const unit = new FakeSpreadsheet(`Báo cáo CĐS — ${u.unit}`);
    for (const s of await (await XlsxWorkbook.open(u.file)).read()) unit.fill(s.name, s.values);
    ss.others[id] = unit;
  }
  return ss;
}

/** Makes the source list, fills it, consolidates June 2023 in the sidebar. */
async function consolidateJune(page: Page, ss: FakeSpreadsheet): Promise<void> {
  await page.click('#con-make-list');
  await page.waitForSelector('#con-status.ok');
  const list = ss.getSheetByName('DX_NguonDuLieu')!;
  Object.keys(ss.others).forEach((id, i) => {
    list.cells.set(`A${i + 2}`, { value: `Đơn vị ${i + 1}` });
    list.cells.set(`B${i + 2}`, { value: id });
  });
  expect(await page.isDisabled('#rep-run')).toBe(true);
  await page.fill('#con-period', '2023-06');
  await page.fill('#con-issuer', REPORT_FIELDS.issuer);
  await page.fill('#con-report-no', REPORT_FIELDS.reportNo);
  await page.fill('#con-report-date', REPORT_FIELDS.reportDate);
  await page.click('#con-run');
  await page.waitForSelector('#con-status.ok');
}

async function fillReport(page: Page): Promise<void> {
  await page.click('#rep-section summary');
  await page.fill('#rep-parent', REPORT_FIELDS.parent);
  await page.fill('#rep-place', REPORT_FIELDS.place);
  await page.fill('#rep-recipients', REPORT_FIELDS.recipients.join('\n'));
  await page.fill('#rep-signer-capacity', REPORT_FIELDS.signerCapacity);
  await page.fill('#rep-signer-title', REPORT_FIELDS.signerTitle);
  await page.fill('#rep-signer-name', REPORT_FIELDS.signerName);
}

test('sidebar: after Tổng hợp, "Tạo báo cáo (Word)" makes a Google Doc of the report and links to it', async () => {
  const ss = await secretariat();
  const gas = loadAppsScript(ss);
  const docs = fakeDocumentApp();
  gas.global.DocumentApp = docs.app;
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await bridgeGoogleScriptRun(page, gas.global);
  await page.goto(`file://${path.join(DIST, 'appsscript', 'Sidebar.html')}`);
  await consolidateJune(page, ss);
  expect(await page.isDisabled('#rep-run')).toBe(false);
  await fillReport(page);
  await page.click('#rep-run');
  await page.waitForSelector('#rep-status.ok');
  expect(docs.docs).toHaveLength(1);
  const d = docs.docs[0];
  expect(await page.textContent('#rep-status')).toBe(`Đã tạo tài liệu “${d.name}” trong Google Drive của bạn.`);
  const link = page.locator('#rep-open');
  expect(await link.getAttribute('href')).toBe(`https://docs.google.com/document/d/${d.id}/edit`);
  expect(await link.getAttribute('target')).toBe('_blank');
  // What the sidebar sent: the heading block from the fields, the wards' figures in the seed's sentence.
  const head = d.body.children[1] as FakeTable;
  expect(head.grid.flatMap((r) => r.flatMap((c) => c.split('\n')))).toEqual(HEADING_LINES);
  expect(outline(d)).toContain(FEEDBACK_SENTENCE);
  expect(outline(d)).toContain('- Gửi báo cáo trễ hạn (1): Phường Vĩnh Hải.');
  await page.locator('#rep-section').screenshot({ path: path.join(SCREENSHOTS, 'sidebar-report.png') });
  expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  await page.close();
}, 120000);

test('sidebar: the server’s answer is shown as text; an address that is not a Google Doc is no link', async () => {
  const ss = await secretariat();
  const gas = loadAppsScript(ss);
  const evil = '<img src=x onerror="document.title=\'pwned\'">';
  // The built server, but for a handler answering what no Google Doc would.
  const answer = () => ({ id: '1', name: evil, url: 'javascript:document.title="pwned"' });
  const server = new Proxy(gas.global, {
    get: (target, name: string) => (name === 'dxCreateReportDoc' ? answer : target[name]),
  });
  const page = await browser.newPage();
  await bridgeGoogleScriptRun(page, server);
  await page.goto(`file://${path.join(DIST, 'appsscript', 'Sidebar.html')}`);
  await consolidateJune(page, ss);
  await page.click('#rep-section summary');
  await page.click('#rep-run');
  await page.waitForSelector('#rep-status.ok');
  expect(await page.textContent('#rep-status')).toContain(evil);
  expect(await page.locator('#rep-section img').count()).toBe(0);
  expect(await page.locator('#rep-open').count()).toBe(0);
  expect(await page.textContent('#rep-result')).toContain('không phải tài liệu Google');
  expect(await page.title()).not.toBe('pwned');
  await page.close();
}, 120000);
