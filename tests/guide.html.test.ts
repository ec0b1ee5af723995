/**
 * The user guide as the panes open it (issue 16 item 6): docs/huong-dan.md turned into a page by the build
 * (scripts/guide-html.js), beside the task pane with its pictures, in the Apps Script project with captions, and
 * the menu item that shows it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DIST, loadAppsScript } from './helpers/hosts';

const { guideHtml, readGuide } = require('../scripts/guide-html') as {
  guideHtml: (md: string, o?: { pictures?: boolean }) => string;
  readGuide: () => string;
};

const body = (html: string) => html.slice(html.indexOf('<body>'));

test('the guide’s Markdown: headings, lists with their continued lines, code, marks, pictures', () => {
  const html = body(
    guideHtml(
      [
        '# Tiêu đề',
        '',
        '## Phần 1',
        'Một đoạn **đậm** và *nghiêng*,',
        'hai dòng.',
        '',
        '- ý một',
        '  tiếp theo',
        '- `a*b*c`',
        '',
        '```bash',
        'npx dx-report fn DX_RATE 103.223 311.736',
        '```',
        '![Kiểm tra](huong-dan/kiem-tra.png)',
      ].join('\n'),
    ),
  );
  expect(html).toContain('<h1>Tiêu đề</h1>');
  expect(html).toContain('<h2>Phần 1</h2>');
  expect(html).toContain('<p>Một đoạn <b>đậm</b> và <i>nghiêng</i>, hai dòng.</p>');
  expect(html).toContain('<ul><li>ý một tiếp theo</li><li><code>a*b*c</code></li></ul>');
  expect(html).toContain('<pre><code>npx dx-report fn DX_RATE 103.223 311.736</code></pre>');
  expect(html).toContain('<img src="huong-dan/kiem-tra.png" alt="Kiểm tra" />');
  const plain = body(guideHtml('![Kiểm tra](huong-dan/kiem-tra.png)', { pictures: false }));
  expect(plain).not.toContain('<img');
  expect(plain).toContain('Hình: Kiểm tra');
});

test('whatever the guide holds is text on the page, never markup', () => {
  const html = body(guideHtml('<script>alert(1)</script> & `<b>`\n\n![x" onerror="y](a.png)'));
  expect(html).not.toMatch(/<script>|<b>&|onerror="y/);
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; <code>&lt;b&gt;</code>');
});

test('the real guide: both parts, every picture as a figure', () => {
  const md = readGuide();
  const html = guideHtml(md);
  expect(html).toContain('<h2>Phần 1. Cán bộ đơn vị</h2>');
  expect(html).toContain('<h2>Phần 2. Văn phòng tổng hợp</h2>');
  const pictures = [...md.matchAll(/^!\[/gm)].length;
  expect(pictures).toBeGreaterThan(4);
  expect([...html.matchAll(/<figure><img /g)]).toHaveLength(pictures);
});

test('the build puts the guide beside the task pane with its pictures, and in the Apps Script project', () => {
  const addin = fs.readFileSync(path.join(DIST, 'addin', 'huong-dan.html'), 'utf8');
  for (const m of addin.matchAll(/<img src="([^"]+)"/g))
    expect(fs.existsSync(path.join(DIST, 'addin', m[1]))).toBe(true);
  const gas = fs.readFileSync(path.join(DIST, 'appsscript', 'HuongDan.html'), 'utf8');
  expect(gas).toContain('<h1>Hướng dẫn sử dụng');
  expect(gas).not.toContain('<img');
  expect(fs.readFileSync(path.join(DIST, 'addin', 'help.html'), 'utf8')).toMatch(/href="?huong-dan\.html"?/);
});

test('Sheets: the menu’s “Hướng dẫn sử dụng” shows the guide in a dialog', () => {
  const gas = loadAppsScript();
  gas.global.onOpen();
  expect(gas.calls.menus[0].items).toContainEqual(['Hướng dẫn sử dụng', 'showGuide']);
  gas.global.showGuide();
  expect(gas.calls.dialogs).toEqual([{ file: 'HuongDan', title: 'Hướng dẫn sử dụng', width: 760, height: 620 }]);
});

test('the panes’ headers link to the guide: the task pane to the page beside it, the sidebar to the dialog', () => {
  const pane = fs.readFileSync(path.join(DIST, 'addin', 'taskpane.html'), 'utf8');
  // The build minifies the page: attribute quotes may go.
  expect(pane).toMatch(/<a id="?open-guide"? href="?huong-dan\.html"?[^>]*>Hướng dẫn sử dụng<\/a>/);
  const gas = loadAppsScript();
  gas.global.dxShowGuide();
  expect(gas.calls.dialogs.map((d) => d.file)).toEqual(['HuongDan']);
  const sidebar = fs.readFileSync(path.join(DIST, 'appsscript', 'Sidebar.html'), 'utf8');
  expect(sidebar).toMatch(/id="?open-guide"?/);
});
