import * as path from 'path';
import { Browser } from 'playwright-core';
import { launchChromium, SCREENSHOTS } from './helpers/browser';
import { FakeSpreadsheet } from './helpers/fake-sheets';
import { bridgeGoogleScriptRun } from './helpers/gas-bridge';
import { DIST, loadAppsScript } from './helpers/hosts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('sidebar: Tạo phiếu báo cáo and column mapping, clicked in Chromium', () => {
  test('a ward creates its report sheets; a second click is refused; a typo gets a suggestion', async () => {
    const ss = new FakeSpreadsheet();
    const gas = loadAppsScript(ss);
    const page = await browser.newPage();
    await bridgeGoogleScriptRun(page, gas.global);
    await page.goto(`file://${path.join(DIST, 'appsscript', 'Sidebar.html')}`);
    await page.waitForSelector('#tpl-units option', { state: 'attached' });
    await page.fill('#tpl-unit', 'Pường 1');
    await page.fill('#tpl-period', '2023-09');
    await page.click('#tpl-create');
    await page.waitForSelector('#tpl-result.error');
    expect(await page.textContent('#tpl-result')).toContain('Có phải “Phường 1”?');
    await page.fill('#tpl-unit', 'Phường Lộc Thọ');
    await page.fill('#tpl-preparer', 'Nguyễn Văn A');
    await page.click('#tpl-create');
    await page.waitForSelector('#tpl-result.ok');
    // The template's sheets, the notes sheet of issue 14 ("Kết quả, khó khăn") among them.
    expect(await page.textContent('#tpl-result')).toContain('Đã thêm 8 trang cho Phường Lộc Thọ, tháng 9/2023');
    expect(await page.textContent('#tpl-result')).toContain('Kết quả, khó khăn');
    expect(ss.getSheetByName('Thông tin chung')!.cells.get('B8')?.value).toBe('Nguyễn Văn A');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sidebar-template.png'), fullPage: true });
    await page.click('#tpl-create');
    await page.waitForSelector('#tpl-result.error');
    expect(await page.textContent('#tpl-result')).toContain('không ghi đè');
    await page.close();
  });

  test('a table with unfamiliar headers is mapped once from the sidebar, then read', async () => {
    const ss = new FakeSpreadsheet();
    ss.fill('Theo dõi hồ sơ', [
      ['T T', 'Tên cơ quan, đơn vị', 'Tổng số hồ sơ tiếp nhận', 'Hồ sơ kịp thời', 'Hồ sơ chậm'],
      [1, 'Phường 2', 50, 45, 5],
    ]);
    const gas = loadAppsScript(ss);
    const page = await browser.newPage();
    await bridgeGoogleScriptRun(page, gas.global);
    await page.goto(`file://${path.join(DIST, 'appsscript', 'Sidebar.html')}`);
    await page.click('#map-read');
    const form = page.locator('form.mapping[data-table="T3b"]');
    await form.waitFor();
    expect(await form.locator('h3').textContent()).toContain('HTTT Một cửa điện tử (Theo dõi hồ sơ, dòng 1)');
    // Recognised columns are preselected; the user picks the two it could not read.
    expect(await form.locator('select[data-field="received"]').inputValue()).toBe('C');
    await form.locator('select[data-field="onTime"]').selectOption('D');
    await form.locator('select[data-field="late"]').selectOption('E');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sidebar-mapping.png'), fullPage: true });
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('#map-found li:has-text("theo ánh xạ đã lưu")');
    expect(await page.textContent('#map-found')).toContain(
      'HTTT Một cửa điện tử — Theo dõi hồ sơ, tiêu đề dòng 1, 1 dòng (theo ánh xạ đã lưu)',
    );
    expect(ss.getSheetByName('DX_AnhXa')!.hidden).toBe(true);
    await page.close();
  });

  test('a table nothing was recognised in is mapped by naming the table, the sheet and the header row', async () => {
    const ss = new FakeSpreadsheet();
    ss.fill('Sổ theo dõi', [
      ['Bảng theo dõi của phường'],
      ['Số', 'Đơn vị', 'Nhận', 'Kịp thời', 'Chậm'],
      [1, 'Phường 2', 50, 45, 5],
    ]);
    const gas = loadAppsScript(ss);
    const page = await browser.newPage();
    await bridgeGoogleScriptRun(page, gas.global);
    await page.goto(`file://${path.join(DIST, 'appsscript', 'Sidebar.html')}`);
    await page.click('#map-read');
    await page.waitForSelector('#map-manual #map-sheet option', { state: 'attached' });
    expect(await page.locator('form.mapping[data-table]').count()).toBe(0);
    await page.selectOption('#map-table', 'T3b');
    await page.selectOption('#map-sheet', 'Sổ theo dõi');
    await page.fill('#map-row', '2');
    await page.click('#map-manual button[type="submit"]');
    const form = page.locator('form.mapping[data-table="T3b"]');
    await form.waitFor();
    for (const [field, col] of [
      ['stt', 'A'],
      ['unit', 'B'],
      ['received', 'C'],
      ['onTime', 'D'],
      ['late', 'E'],
    ]) {
      await form.locator(`select[data-field="${field}"]`).selectOption(col);
    }
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('#map-found li:has-text("theo ánh xạ đã lưu")');
    expect(await page.textContent('#map-found')).toContain(
      'HTTT Một cửa điện tử — Sổ theo dõi, tiêu đề dòng 2, 1 dòng (theo ánh xạ đã lưu)',
    );
    await page.close();
  });
});
