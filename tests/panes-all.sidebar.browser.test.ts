/**
 * The built sidebar in real Chromium, its google.script.run answered by the built Code.js (the Sheets stand-in,
 * with the Drive stand-in of fake-drive.ts added to the script's global scope): "Tạo phiếu cho tất cả đơn vị"
 * makes the period's folder beside the spreadsheet, one spreadsheet per unit, and shows the folder's link; "Tải
 * CSV" after Tổng hợp saves the list not sent in Drive and shows its link (a sidebar's download is not relied on:
 * appsscript/server/missing-csv.ts).
 */
import * as path from 'path';
import { Browser } from 'playwright-core';
import { launchChromium, SCREENSHOTS } from './helpers/browser';
import { FakeDrive, FakeDriveFile, FakeDriveFolder } from './helpers/fake-drive';
import { FakeSpreadsheet } from './helpers/fake-sheets';
import { bridgeGoogleScriptRun } from './helpers/gas-bridge';
import { DIST, loadAppsScript } from './helpers/hosts';
import { CONSISTENT, doneInJuly, unitWorkbook } from './helpers/unit-fixture';
import { XlsxWorkbook } from '../xlsx/workbook';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

const EVIL = '<img src=x onerror="document.title=\'pwned\'">';

/** The secretariat's spreadsheet in a Drive folder, the built Code.js over it with DriveApp. */
function secretariat(rows: unknown[][]) {
  const ss = new FakeSpreadsheet('Tổng hợp CĐS');
  ss.fill('Danh mục đơn vị', rows);
  const drive = new FakeDrive();
  const office = drive.root.createFolder('Văn phòng CĐS');
  drive.attach(ss, office);
  const gas = loadAppsScript(ss);
  // Code.js runs in a context whose global object is this one: DriveApp becomes a global of the script.
  gas.global.DriveApp = drive.app();
  return { ss, drive, office, gas };
}

test('sidebar: "Tạo phiếu cho tất cả đơn vị" fills a Drive folder and links it; a unit\'s name stays text', async () => {
  const { ss, drive, office, gas } = secretariat([
    ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Hiệu lực từ', 'Liên hệ'],
    ['22366', 'Phường Nha Trang', 'Phường', '01/07/2025', 'nhatrang@khanhhoa.gov.vn'],
    ['22402', `Xã ${EVIL}`, 'Xã', '01/07/2025', ''],
  ]);
  const page = await browser.newPage({ viewport: { width: 320, height: 900 }, locale: 'vi-VN' });
  await bridgeGoogleScriptRun(page, gas.global);
  await page.goto(`file://${path.join(DIST, 'appsscript', 'Sidebar.html')}`);
  await page.waitForSelector('#tpl-all-registry option[value="sheet"]', { state: 'attached' });
  await page.fill('#tpl-period', '2026-11');
  await page.click('#tpl-all');
  await page.waitForSelector('#tpl-all-status.ok');
  expect(await page.textContent('#tpl-all-status')).toContain(
    'Đã tạo 2 bảng tính trong thư mục “Phiếu báo cáo tháng 11-2026”',
  );
  const folder = office.children().find((x): x is FakeDriveFolder => x instanceof FakeDriveFolder)!;
  expect(await page.getAttribute('#tpl-all-folder', 'href')).toBe(folder.getUrl());
  expect(await page.getAttribute('#tpl-all-folder', 'target')).toBe('_blank');
  expect(folder.spreadsheets().map((s) => s.getName())).toEqual([
    'Phường Nha Trang - tháng 11-2026',
    `Xã -img src=x onerror=-document.title='pwned'-- - tháng 11-2026`,
  ]);
  expect(drive.notified).toEqual(['nhatrang@khanhhoa.gov.vn']);
  // Pressed again: nothing made twice.
  await page.click('#tpl-all');
  await page.waitForSelector('#tpl-all-status.ok');
  expect(await page.textContent('#tpl-all-status')).toContain('2 đơn vị đã có bảng tính từ lần trước, giữ nguyên');
  expect(folder.spreadsheets()).toHaveLength(2);
  expect(ss.getSheets().map((s) => s.getName())).toEqual(['Danh mục đơn vị']);
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.title()).not.toBe('pwned');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'sidebar-all-templates.png'), fullPage: true });
  await page.close();
}, 120000);

test('sidebar: "Tải CSV" saves the list not sent in Drive beside the spreadsheet and links it', async () => {
  const { ss, office, gas } = secretariat([
    ['Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Liên hệ'],
    ['P01', 'Phường Lộc Thọ', 'UBND các xã, phường', 'locthodx@khanhhoa.gov.vn'],
    ['P02', 'Phường Vạn Thạnh', 'UBND các xã, phường', ''],
  ]);
  const page = await browser.newPage({ viewport: { width: 320, height: 900 }, locale: 'vi-VN' });
  await bridgeGoogleScriptRun(page, gas.global);
  await page.goto(`file://${path.join(DIST, 'appsscript', 'Sidebar.html')}`);
  // Phường Vạn Thạnh sent its June report; Phường Lộc Thọ did not.
  const { file: sent } = await unitWorkbook([...CONSISTENT, ...doneInJuly(10)], 'Phường Vạn Thạnh');
  const unit = new FakeSpreadsheet('Báo cáo CĐS — Phường Vạn Thạnh');
  for (const s of await (await XlsxWorkbook.open(sent)).read()) unit.fill(s.name, s.values);
  const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd';
  ss.others[id] = unit;
  await page.click('#con-make-list');
  await page.waitForSelector('#con-status.ok');
  const list = ss.getSheetByName('DX_NguonDuLieu')!;
  list.cells.set('A2', { value: 'Phường Vạn Thạnh' });
  list.cells.set('B2', { value: id });
  await page.fill('#con-period', '2023-06');
  await page.click('#con-run');
  await page.waitForSelector('#con-missing-csv');
  await page.click('#con-missing-csv');
  await page.waitForSelector('#con-missing-status.ok');
  expect(await page.textContent('#con-missing-status')).toContain(
    'Đã lưu tệp chua-nop-thang-6-2023.csv (1 đơn vị) vào Google Drive',
  );
  const file = office
    .children()
    .find((x): x is FakeDriveFile => x instanceof FakeDriveFile && x.mimeType === 'text/csv')!;
  expect(file.getName()).toBe('chua-nop-thang-6-2023.csv');
  expect(await page.getAttribute('#con-missing-link', 'href')).toBe(file.getUrl());
  const lines = file.content!.split('\r\n');
  expect(lines[0]).toBe(
    '\uFEFFSTT,Mã đơn vị,Tên đơn vị,Người lập (báo cáo gần nhất),Điện thoại (báo cáo gần nhất),Báo cáo gần nhất,Liên hệ (danh mục đơn vị)',
  );
  expect(lines[1]).toBe('1,P01,Phường Lộc Thọ,,,chưa có báo cáo nào,locthodx@khanhhoa.gov.vn');
  await page.close();
}, 120000);
