/**
 * The Excel task pane in real Chromium (the built taskpane.html, office.js answered by the stand-in of
 * tests/helpers/office-stand-in.ts): "Tạo phiếu cho tất cả đơn vị" downloads one .zip holding one .xlsx per unit
 * of the open workbook's "Danh mục đơn vị", each read back by the xlsx adapter with the unit on its cover, the
 * open workbook untouched and the pane's chunk of ExcelJS work loaded only with the press; "Tải CSV" of the list
 * not sent downloads the command line's CSV.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { SCREENSHOTS } from './helpers/browser';
import { excelPane } from './helpers/excel-pane';
import { XlsxWorkbook } from '../xlsx/workbook';

const pane = excelPane();

const REGISTRY = [
  ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Hiệu lực từ', 'Liên hệ'],
  ['22366', 'Phường Nha Trang', 'Phường', '01/07/2025', 'nhatrang@khanhhoa.gov.vn'],
  ['22333', 'Phường Bắc Nha Trang', 'Phường', '01/07/2025', '0258 3822 111'],
  ['22390', 'Phường Tây Nha Trang', 'Phường', '01/07/2025', ''],
  // Markup in a registry cell is a name like any other: text in the pane, text on the cover.
  ['22402', 'Xã <b>Nam</b> Nha Trang', 'Xã', '01/07/2025', ''],
];

/** The pane over an open workbook holding `sheets`. */
const openPane = (sheets: Record<string, unknown[][]>, ready = '#tpl-all-registry option[value="sheet"]') =>
  pane.open({ sheets, ready });

test('Excel pane: "Tạo phiếu cho tất cả đơn vị" downloads a .zip of one workbook per unit', async () => {
  const { page, requests } = await openPane({ 'Danh mục đơn vị': REGISTRY });
  expect(await page.inputValue('#tpl-all-registry')).toBe('sheet');
  // The ExcelJS work and the communes' map are not loaded with the pane.
  // Chunks are named "all-templates.1a2b3c4d.js": the name, then the content's hash.
  const loaded = (chunk: string) => requests.some((u) => new RegExp(`/${chunk}\\.[0-9a-f]{8}\\.js$`).test(u));
  expect(loaded('all-templates') || loaded('exceljs')).toBe(false);
  await page.fill('#tpl-period', '2026-11');
  await page.fill('#tpl-preparer', 'Nguyễn Văn A');
  // Every status the run shows, as it shows them.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __said: string[] }).__said = seen;
    const box = document.getElementById('tpl-all-status')!;
    new MutationObserver(() => seen.push(box.textContent ?? '')).observe(box, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#tpl-all')]);
  expect(download.suggestedFilename()).toBe('Phieu bao cao - tháng 11-2026.zip');
  await page.waitForSelector('#tpl-all-status.ok');
  expect(await page.textContent('#tpl-all-status')).toContain('Đã tạo 4 phiếu');
  const said = await page.evaluate(() => (window as unknown as { __said: string[] }).__said);
  expect(said).toEqual(expect.arrayContaining(['Đã tạo 1/4 phiếu', 'Đã tạo 4/4 phiếu']));
  expect(loaded('all-templates') && loaded('exceljs')).toBe(true);

  const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
  const names = Object.keys(zip.files).sort();
  expect(names).toEqual([
    'Phường Bắc Nha Trang - tháng 11-2026.xlsx',
    'Phường Nha Trang - tháng 11-2026.xlsx',
    'Phường Tây Nha Trang - tháng 11-2026.xlsx',
    'Xã -b-Nam--b- Nha Trang - tháng 11-2026.xlsx',
  ]);
  for (const [, code, unit, , , contact] of REGISTRY.slice(1).map((r) => ['', ...r])) {
    const name = names.find((n) => n.startsWith(unit.replace(/[<>/]/g, '-')))!;
    const book = await XlsxWorkbook.fromBuffer(await zip.file(name)!.async('uint8array'));
    const [cover] = await book.read(['Thông tin chung']);
    const cells = cover.values.flat();
    expect(cells).toContain(unit);
    expect(cells).toContain(code);
    expect(cells).toContain('tháng 11/2026');
    expect(cells).toContain('Nguyễn Văn A');
    if (contact) expect(cells).toContain(contact);
    expect(book.book.getWorksheet('DX_CauHinh')!.state).toBe('hidden');
  }
  // The open workbook is as it was: only the registry sheet.
  expect(
    await page.evaluate(() =>
      (window as unknown as { __excel: { sheets: Array<{ name: string }> } }).__excel.sheets.map((s) => s.name),
    ),
  ).toEqual(['Danh mục đơn vị']);
  expect(await page.locator('#tpl-all-section b').count()).toBe(0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'taskpane-all-templates.png'), fullPage: true });
  // Nothing left the machine.
  expect(requests.filter((u) => !u.startsWith(pane.url) && !u.startsWith('blob:'))).toEqual([]);
  await page.close();
}, 180000);

test('Excel pane: a registry sheet added after the pane opened is offered; a province not found is said', async () => {
  const { page } = await openPane({}, '#tpl-all-registry option[value="province"]');
  expect(await page.locator('#tpl-all-registry option[value="sheet"]').count()).toBe(0);
  await page.evaluate((rows) => {
    (window as unknown as { __excel: { fill(n: string, r: unknown[][]): void } }).__excel.fill('Danh mục đơn vị', rows);
  }, REGISTRY);
  await page.focus('#tpl-all-registry');
  await page.waitForSelector('#tpl-all-registry option[value="sheet"]', { state: 'attached' });
  await page.selectOption('#tpl-all-registry', 'province');
  await page.fill('#tpl-all-province', 'Tỉnh Không Có');
  await page.click('#tpl-all');
  await page.waitForSelector('#tpl-all-status.error');
  expect(await page.textContent('#tpl-all-status')).toContain('Không có tỉnh, thành phố “Tỉnh Không Có”');
  await page.close();
}, 120000);

test('Excel pane: "Tải CSV" after Tổng hợp downloads the command line\'s CSV of the units not sent', async () => {
  const { page } = await openPane({
    'Danh mục đơn vị': [
      ['Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Liên hệ'],
      ['P01', 'Phường Vĩnh Hòa', 'UBND các xã, phường', ''],
      ['P02', 'Phường Vĩnh Hải', 'UBND các xã, phường', ''],
      ['P03', 'Phường Lộc Thọ', 'UBND các xã, phường', '=HYPERLINK("http://x")'],
    ],
  });
  await page.setInputFiles(
    '#con-files',
    pane.units.map((u) => ({
      name: `${u.unit}.xlsx`,
      mimeType: 'application/octet-stream',
      buffer: fs.readFileSync(u.file),
    })),
  );
  await page.fill('#con-period', '2023-06');
  await page.click('#con-run');
  await page.waitForSelector('#con-status.ok', { timeout: 60000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#con-missing-csv')]);
  expect(download.suggestedFilename()).toBe('chua-nop-thang-6-2023.csv');
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe(
    'STT,Mã đơn vị,Tên đơn vị,Người lập (báo cáo gần nhất),Điện thoại (báo cáo gần nhất),Báo cáo gần nhất,Liên hệ (danh mục đơn vị)',
  );
  expect(lines[1]).toBe(`1,P03,Phường Lộc Thọ,,,chưa có báo cáo nào,"'=HYPERLINK(""http://x"")"`);
  expect(lines[2]).toBe('');
  expect(await page.textContent('#con-missing-status')).toContain('Đã tạo tệp chua-nop-thang-6-2023.csv (1 đơn vị');
  // The open workbook gains the annexes only: no DX_ChuaNop unless asked for.
  const sheets = await page.evaluate(() =>
    (window as unknown as { __excel: { sheets: Array<{ name: string }> } }).__excel.sheets.map((s) => s.name),
  );
  expect(sheets).not.toContain('DX_ChuaNop');
  await page.close();
}, 180000);
