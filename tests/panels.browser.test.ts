import * as fs from 'fs';
import * as path from 'path';
import { Browser, Page } from 'playwright-core';
import { DIST } from './helpers/hosts';
import { launchChromium, SCREENSHOTS, serveFolder } from './helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => browser?.close());

async function tryFormula(page: Page, label: string, args: string[]): Promise<string> {
  await page.selectOption('#fx-name', { label });
  const inputs = page.locator('#fx-args input');
  for (let i = 0; i < args.length; i++) await inputs.nth(i).fill(args[i]);
  await page.click('#fx-run');
  return (await page.textContent('#fx-result')) ?? '';
}

describe('the panels in real Chromium', () => {
  test('Google Sheets sidebar (built Sidebar.html): try DX_RATE on the seed e-ID figures', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${path.join(DIST, 'appsscript', 'Sidebar.html')}`);
    expect(await page.textContent('h1')).toBe('Báo cáo chuyển đổi số');
    expect(await tryFormula(page, 'DX_RATE', ['103.223', '311.736'])).toBe('=DX_RATE(…) → 33,11%');
    expect(await page.getAttribute('#fx-result', 'class')).toBe('ok');
    expect(await tryFormula(page, 'DX_RATE_OK', ['54.03%', '118.103', '142.378'])).toBe('=DX_RATE_OK(…) → FALSE');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sidebar-formulas.png'), fullPage: true });
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    await page.close();
  });

  test('text a user types is shown as text, never as markup', async () => {
    const page = await browser.newPage();
    await page.goto(`file://${path.join(DIST, 'appsscript', 'Sidebar.html')}`);
    const evil = '<img src=x onerror="document.title=\'pwned\'">';
    const out = await tryFormula(page, 'DX_UNIT', [evil]);
    expect(out).toContain(evil);
    expect(await page.locator('#fx-result img').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    expect(await page.getAttribute('#fx-result', 'class')).toBe('error');
    await page.close();
  });

  test('Excel task pane (built taskpane.html) outside Excel: Excel spelling, same answers', async () => {
    const server = await serveFolder(path.join(DIST, 'addin'));
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/taskpane.html`);
      await page.waitForSelector('#fx-name option', { state: 'attached' });
      const first = await page.locator('#fx-name option').first().textContent();
      expect(first).toBe('DX.RATE');
      expect(await tryFormula(page, 'DX.RATE', ['103.223', '311.736'])).toBe('=DX.RATE(…) → 33,11%');
      expect(await tryFormula(page, 'DX.NUMBER', ['24 loại'])).toMatch(
        /^=DX.NUMBER\(…\) → #VALUE! — “24 loại” có chữ “loại”/,
      );
      expect(await page.textContent('#host-status')).toContain('Chưa mở trong Excel');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'taskpane-formulas.png'), fullPage: true });
    } finally {
      await page.close();
      await server.close();
    }
  });
});
