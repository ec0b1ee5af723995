import * as path from 'path';
import { Browser } from 'playwright-core';
import { XlsxWorkbook } from '../xlsx/workbook';
import { launchChromium, SCREENSHOTS } from './helpers/browser';
import { FakeSpreadsheet } from './helpers/fake-sheets';
import { bridgeGoogleScriptRun } from './helpers/gas-bridge';
import { DIST, loadAppsScript } from './helpers/hosts';
import { CONSISTENT, doneInJuly, Edit, unitWorkbook } from './helpers/unit-fixture';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

async function unitSpreadsheet(unit: string, edits: Edit[]): Promise<FakeSpreadsheet> {
  const { file } = await unitWorkbook([...CONSISTENT, ...edits], unit);
  const ss = new FakeSpreadsheet(`Báo cáo CĐS — ${unit}`);
  for (const s of await (await XlsxWorkbook.open(file)).read()) ss.fill(s.name, s.values);
  return ss;
}

/** Twelve units that send nothing: more than the ten names the pane used to show. */
const SILENT = Array.from({ length: 12 }, (_, i) => `Xã Im Lặng ${i + 1}`);
// Markup in a registry cell is shown as text.
const EVIL = '<img src=x onerror="document.title=\'pwned\'">@a.vn';

test('sidebar: the period in words, the late unit, every unit not sent in a scrolling list, and DX_ChuaNop', async () => {
  const secretariat = new FakeSpreadsheet('Tổng hợp CĐS tháng 6/2023');
  secretariat.fill('Danh mục đơn vị', [
    ['Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Thư điện tử'],
    ['P01', 'Phường Lộc Thọ', 'UBND các xã, phường', ''],
    ['P02', 'Phường Vạn Thạnh', 'UBND các xã, phường', ''],
    ...SILENT.map((name, i) => [`X${i + 1}`, name, 'UBND các xã, phường', i === 0 ? EVIL : '']),
  ]);
  const ids = ['1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd', '1ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210zyxw'];
  secretariat.others[ids[0]] = await unitSpreadsheet('Phường Lộc Thọ', doneInJuly(10));
  secretariat.others[ids[1]] = await unitSpreadsheet('Phường Vạn Thạnh', doneInJuly(24));
  const gas = loadAppsScript(secretariat);
  const page = await browser.newPage();
  await bridgeGoogleScriptRun(page, gas.global);
  await page.goto(`file://${path.join(DIST, 'appsscript', 'Sidebar.html')}`);
  await page.click('#con-make-list');
  await page.waitForSelector('#con-status.ok');
  const list = secretariat.getSheetByName('DX_NguonDuLieu')!;
  list.cells.set('A2', { value: 'Phường Lộc Thọ' });
  list.cells.set('B2', { value: ids[0] });
  list.cells.set('A3', { value: 'Phường Vạn Thạnh' });
  list.cells.set('B3', { value: ids[1] });
  await page.fill('#con-period', '2023-06');
  await page.click('#con-run');
  await page.waitForSelector('#con-status.ok');
  expect(await page.textContent('#con-summary-period')).toBe('Kỳ tổng hợp: tháng 6/2023.');
  expect(await page.textContent('#con-included h3')).toBe('Đã tổng hợp (2)');
  expect(await page.locator('#con-late li').allTextContents()).toEqual([
    'Phường Vạn Thạnh — tháng 6/2023: hoàn thành 24/07/2023, hạn 20/07/2023',
  ]);
  expect(await page.textContent('#con-withErrors')).toContain('Không có.');
  // Every unit not sent, none cut at ten, in a box that scrolls.
  expect(await page.textContent('#con-notSent h3')).toBe(
    'Danh sách chưa nộp (12; theo danh mục đơn vị; hạn nộp 20/07/2023)',
  );
  const names = (await page.locator('#con-notSent li').allTextContents()).map((t) => t.split(' — ')[0]);
  expect(names).toEqual(SILENT);
  const box = await page.$eval('#con-notSent ul', (ul) => ({
    overflow: getComputedStyle(ul).overflowY,
    scrolls: ul.scrollHeight > ul.clientHeight,
    last: ul.lastElementChild!.textContent,
  }));
  expect(box).toEqual({ overflow: 'auto', scrolls: true, last: expect.stringContaining(SILENT[11]) });
  expect(await page.locator('#con-notSent li').first().textContent()).toBe(
    `${SILENT[0]} — liên hệ theo danh mục ${EVIL}`,
  );
  expect(await page.locator('#con-result img').count()).toBe(0);
  expect(await page.textContent('#con-registry')).toBe(
    'Danh mục đơn vị của văn phòng (trang “Danh mục đơn vị”): Danh mục đơn vị của văn phòng (DM), 14 đơn vị.',
  );
  await page.screenshot({ path: path.join(SCREENSHOTS, 'sidebar-summary.png'), fullPage: true });
  // The export: the product's sheet DX_ChuaNop, listed as its own; the annexes untouched and still its own.
  const annexBefore = [...secretariat.getSheetByName('Phụ lục I')!.cells.entries()];
  await page.click('#con-missing-export');
  await page.waitForSelector('#con-missing-status.ok');
  expect(await page.textContent('#con-missing-status')).toContain('Đã ghi danh sách chưa nộp (12 đơn vị)');
  const sheet = secretariat.getSheetByName('DX_ChuaNop')!;
  expect(sheet.hidden).toBe(false);
  const values = [...sheet.cells.values()].map((c) => c.value);
  expect(values).toEqual(expect.arrayContaining(['DANH SÁCH ĐƠN VỊ CHƯA NỘP BÁO CÁO THÁNG 6/2023', ...SILENT]));
  expect([...secretariat.getSheetByName('Phụ lục I')!.cells.entries()]).toEqual(annexBefore);
  const owned = [...secretariat.getSheetByName('DX_SoHuu')!.cells.values()].map((c) => c.value);
  expect(owned).toEqual(expect.arrayContaining(['DX_ChuaNop', 'Phụ lục I', 'Phụ lục II']));
  // A second run and a second export replace the product's sheets and nothing else.
  await page.click('#con-run');
  await page.waitForSelector('#con-missing-export');
  await page.click('#con-missing-export');
  await page.waitForSelector('#con-missing-status.ok');
  expect(secretariat.sheets.filter((s) => s.name === 'DX_ChuaNop')).toHaveLength(1);
  expect(await page.title()).not.toBe('pwned');
  await page.close();
}, 120000);
