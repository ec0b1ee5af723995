import * as fs from 'fs';
import * as path from 'path';
import { runDemo } from '../cli/demo';
import { XlsxWorkbook } from '../xlsx/workbook';
import { tmpFile } from './helpers/xlsx';

describe('npm run demo: the sample city end to end', () => {
  let root: string;
  let printed = '';
  beforeAll(async () => {
    root = path.dirname(tmpFile('x'));
    expect(
      await runDemo(root, (s) => {
        printed += s;
      }),
    ).toBe(0);
  }, 240000);

  test('writes out/annexes.xlsx and out/report.html and says where', () => {
    expect(fs.existsSync(path.join(root, 'out', 'annexes.xlsx'))).toBe(true);
    expect(fs.readFileSync(path.join(root, 'out', 'report.html'), 'utf8')).toContain(
      'Báo cáo tổng hợp chuyển đổi số — Nha Trang, tháng 6/2023',
    );
    expect(printed).toContain('out/annexes.xlsx');
    expect(printed).toMatch(/Kiểm tra tháng 6\/2023: 48 phiếu, 4 lỗi/);
  });

  test("ward figures add up to seed 000's city totals", () => {
    expect(printed).toContain('CQS.HSTT   9.513/17.337 = 54,87%');
    expect(printed).toContain('XHS.DDDT   103.223/311.736 = 33,11%');
  });

  test('feedback of the wards: 65 = 55 + 10 (55 = 48 + 7, 10 = 1 + 9)', async () => {
    const [vii] = await (await XlsxWorkbook.open(path.join(root, 'out', 'annexes.xlsx'))).read(['Phụ lục VII']);
    const start = vii.values.findIndex((r) => String(r[0]).endsWith('Phản ánh, kiến nghị'));
    const wards = vii.values.slice(start).find((r) => r[1] === 'Cộng UBND các xã, phường:')!;
    expect(wards.slice(2, 9)).toEqual([65, 55, 48, 7, 10, 1, 9]);
  });

  test('mistakes are caught and their units left out; one unit missing for May; one report late', async () => {
    const html = fs.readFileSync(path.join(root, 'out', 'report.html'), 'utf8');
    for (const s of [
      '“24 loại”',
      '“100%” là tỷ lệ',
      '54,03% không khớp 118.103/142.378 = 82,95%',
      'Đang là 1.103 &lt; 1.160',
    ])
      expect(html).toContain(s);
    const [ii] = await (await XlsxWorkbook.open(path.join(root, 'out', 'annexes.xlsx'))).read(['Phụ lục II']);
    expect(ii.values.find((r) => r[1] === 'Phường Phương Sơn')!.slice(2)).toEqual(['X', null, 'X']); // not sent: a blank cell
    expect(ii.values.find((r) => r[1] === 'Phòng Kinh tế')!.slice(2)).toEqual(['X', 'X', 'X (trễ hạn)']);
    // May's typo "Pường Vạn Thạnh" kept that report out: the matrix shows it was sent, not consolidated.
    expect(ii.values.find((r) => r[1] === 'Phường Vạn Thạnh')!.slice(2)).toEqual(['X', 'X (còn lỗi)', 'X']);
  });
});
