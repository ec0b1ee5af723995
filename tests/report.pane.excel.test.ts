/**
 * The Excel task pane's "Tạo báo cáo (Word)" (issue 14 item 1) in real Chromium: the built taskpane.html
 * served as it is, its office.js answered with a stand-in (Office.onReady says Excel; Excel.run over the Excel
 * stand-in running in the page: tests/helpers/office-stand-in.ts). Two wards' files are picked and
 * consolidated, then the report is packed in the pane and downloaded: its bytes unzip to a Word document with
 * the heading block and the seed's feedback sentence with the wards' figures.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { Page } from 'playwright-core';
import { SCREENSHOTS } from './helpers/browser';
import { excelPane } from './helpers/excel-pane';
import { FEEDBACK_SENTENCE, HEADING_LINES, REPORT_FIELDS } from './helpers/report-units';

const pane = excelPane();
/** The built pane, with the stand-in for office.js on the platform given (Office.PlatformType's name). */
const openPane = (platform = 'OfficeOnline') => pane.open({ platform });

/** Picks the two wards' files, consolidates June 2023, fills the report's fields. */
async function consolidateAndFill(page: Page): Promise<void> {
  await page.setInputFiles(
    '#con-files',
    pane.units.map((u) => ({
      name: `${u.unit}.xlsx`,
      mimeType: 'application/octet-stream',
      buffer: fs.readFileSync(u.file),
    })),
  );
  expect(await page.isDisabled('#rep-run')).toBe(true);
  await page.fill('#con-period', '2023-06');
  await page.fill('#con-issuer', REPORT_FIELDS.issuer);
  await page.fill('#con-report-no', REPORT_FIELDS.reportNo);
  await page.fill('#con-report-date', REPORT_FIELDS.reportDate);
  await page.click('#con-run');
  await page.waitForSelector('#con-status.ok', { timeout: 60000 });
  await page.click('#rep-section summary');
  await page.fill('#rep-parent', REPORT_FIELDS.parent);
  await page.fill('#rep-place', REPORT_FIELDS.place);
  await page.fill('#rep-recipients', REPORT_FIELDS.recipients.join('\n'));
  await page.fill('#rep-signer-capacity', REPORT_FIELDS.signerCapacity);
  await page.fill('#rep-signer-title', REPORT_FIELDS.signerTitle);
  await page.fill('#rep-signer-name', REPORT_FIELDS.signerName);
}

/** The text of each paragraph of word/document.xml, table cells included, in order. */
async function docxParagraphs(bytes: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    unescape([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  );
}

test('Excel pane: after Tổng hợp, "Tạo báo cáo (Word)" downloads the .docx of the report', async () => {
  const { page, requests } = await openPane();
  await consolidateAndFill(page);
  expect(await page.isDisabled('#rep-run')).toBe(false);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#rep-run')]);
  expect(download.suggestedFilename()).toBe('bao-cao-thang-6-2023.docx');
  await page.waitForSelector('#rep-status.ok');
  expect(await page.textContent('#rep-status')).toBe('Đã tạo báo cáo bao-cao-thang-6-2023.docx.');
  const bytes = fs.readFileSync((await download.path())!);
  const paragraphs = await docxParagraphs(bytes);
  // The heading block, line by line in its two cells, then the title; the figures in the seed's words.
  expect(paragraphs.slice(0, HEADING_LINES.length + 1)).toEqual([...HEADING_LINES, 'BÁO CÁO']);
  expect(paragraphs).toContain(FEEDBACK_SENTENCE);
  expect(paragraphs).toContain('- Gửi báo cáo trễ hạn (1): Phường Vĩnh Hải.');
  // The link stays for a second try; it names the same file and downloads the same bytes.
  const link = page.locator('#rep-download');
  expect(await link.getAttribute('download')).toBe('bao-cao-thang-6-2023.docx');
  expect(await link.getAttribute('href')).toMatch(/^blob:/);
  const [again] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(fs.readFileSync((await again.path())!).equals(bytes)).toBe(true);
  expect(await page.locator('#rep-note').count()).toBe(0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'taskpane-report.png'), fullPage: true });
  // The file was made in the pane: nothing left the machine.
  expect(requests.filter((u) => !u.startsWith(pane.url) && !u.startsWith('blob:'))).toEqual([]);
  await page.close();
}, 180000);

test('Excel for Mac: the pane says the webview saves no download, and where the report can be made', async () => {
  const { page } = await openPane('Mac');
  await consolidateAndFill(page);
  await page.click('#rep-run');
  await page.waitForSelector('#rep-status.ok');
  expect(await page.textContent('#rep-note')).toContain('Excel cho Mac không cho khung bổ trợ lưu tệp tải về');
  expect(await page.textContent('#rep-note')).toContain('--docx');
  await page.close();
}, 180000);

test('the report is of the last run: a new Tổng hợp clears it, a refused one keeps it', async () => {
  const { page } = await openPane();
  await consolidateAndFill(page);
  await page.click('#rep-run');
  await page.waitForSelector('#rep-download');
  // A run with nothing picked is refused before it starts: the report of the last run stays.
  await page.setInputFiles('#con-files', []);
  await page.click('#con-run');
  await page.waitForSelector('#con-status.error');
  expect(await page.isDisabled('#rep-run')).toBe(false);
  // A new run clears the last report until it ends.
  await page.setInputFiles(
    '#con-files',
    pane.units
      .slice(0, 1)
      .map((u) => ({ name: `${u.unit}.xlsx`, mimeType: 'application/octet-stream', buffer: fs.readFileSync(u.file) })),
  );
  await page.click('#con-run');
  await page.waitForSelector('#con-status.ok', { timeout: 60000 });
  expect(await page.locator('#rep-download').count()).toBe(0);
  expect(await page.isDisabled('#rep-run')).toBe(false);
  await page.close();
}, 180000);
