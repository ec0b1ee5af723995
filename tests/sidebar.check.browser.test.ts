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

test('sidebar Kiểm tra: issues grouped by severity and importance, in the workbook’s order; a click selects the cell; Hoàn thành waits for no error', async () => {
  const ss = new FakeSpreadsheet();
  const gas = loadAppsScript(ss);
  gas.global.dxCreateTemplate({ unit: 'Phường Lộc Thọ', period: '2023-06', preparer: 'A' });
  const t4 = ss.getSheetByName('T4 Phản ánh')!;
  [
    ['C6', 16],
    ['D6', 10],
    ['E6', 6],
    ['F6', 4],
    ['G6', 5],
    ['H6', 2],
    ['I6', 4],
  ].forEach(([c, v]) => t4.cells.set(c as string, { value: v }));
  ss.getSheetByName('T3 TTHC')!.cells.set('D6', { value: '24 loại' });
  const page = await browser.newPage();
  await bridgeGoogleScriptRun(page, gas.global);
  await page.addInitScript(() => {
    (window as unknown as { dxAutoCheck: boolean }).dxAutoCheck = true;
  });
  await page.goto(`file://${path.join(DIST, 'appsscript', 'Sidebar.html')}`);
  await page.waitForSelector('#chk-list ul.issues');
  expect(await page.textContent('#chk-status')).toContain('4 lỗi');
  const high = page.locator('ul.issues[data-group="loi/cao"] button.issue');
  const texts = await high.allTextContents();
  const found = [
    'Thông tin chung!B7 Thiếu “Ngày báo cáo”.',
    'T3 TTHC!D6 “24 loại” có chữ “loại” bên cạnh số 24',
    'T4 Phản ánh!C6 Tiếp nhận = đã giải quyết + đang giải quyết. Đang là 16 ≠ 10 + 5 = 15.',
  ].map((said) => texts.findIndex((t) => t.includes(said)));
  // Listed in the workbook's order: the cover, then T3, then T4 (issue 16), not by the sheets' names.
  expect(found.every((i) => i >= 0)).toBe(true);
  expect([...found].sort((x, y) => x - y)).toEqual(found);
  // Each heading names the severity its issues are coloured by, and the importance once ("Lỗi, mức độ cao: 3").
  const headings = await page.locator('#chk-list h3').allTextContents();
  expect(headings[0]).toBe(`Lỗi, mức độ cao: ${texts.length}`);
  for (const h of headings) expect(h).toMatch(/^(Lỗi|Cảnh báo), mức độ (cao|trung bình|thấp): \d+$/);
  const colours = await page.$$eval('#chk-list ul.issues', (uls) =>
    uls.map((ul) => [
      (ul.previousElementSibling?.textContent ?? '').startsWith('Lỗi') ? 'loi' : 'canh-bao',
      [...ul.querySelectorAll('button.issue')].every((b) => b.classList.contains(ul.getAttribute('data-severity')!)),
      ul.getAttribute('data-severity'),
    ]),
  );
  for (const [said, same, severity] of colours) expect([said, same]).toEqual([severity, true]);
  expect(await page.getAttribute('#chk-complete', 'disabled')).not.toBeNull();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'sidebar-check.png'), fullPage: true });
  await page.locator('button.issue[data-cell="C6"][data-sheet="T4 Phản ánh"]').click();
  for (let i = 0; i < 50 && ss.active?.activeRange !== 'C6'; i++) await page.waitForTimeout(20);
  expect(ss.active?.activeRange).toBe('C6');
  expect(ss.active!.name).toBe('T4 Phản ánh');
  expect(t4.cells.get('C6')!.background).toBe('#F4CCCC');
  // The unit fixes its figures and checks again: no error, the highlights are gone, it can complete.
  t4.cells.set('G6', { value: 6 });
  ss.getSheetByName('T3 TTHC')!.cells.set('D6', { value: 24 });
  ss.getSheetByName('Thông tin chung')!.cells.set('B7', { value: '10/07/2023' });
  await page.click('#chk-run');
  await page.waitForSelector('#chk-status.ok');
  expect(t4.cells.get('C6')!.background).toBe('#ffffff');
  await page.click('#chk-complete');
  await page.waitForFunction(() => document.querySelector('#chk-status')?.textContent?.startsWith('Đã hoàn thành lúc'));
  await page.close();
});
