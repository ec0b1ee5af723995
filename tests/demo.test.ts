import * as fs from 'fs';
import * as path from 'path';
import { runDemo } from '../cli/demo';
import JSZip from 'jszip';
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

  test('the 6-month annex reproduces seed 000: flows summed over the months, stocks as June stands', () => {
    const half = printed.slice(printed.indexOf('Tổng hợp 6 tháng đầu năm 2023'));
    expect(half).toContain('CQS.HSTT   9.513/17.337 = 54,87%');
    expect(half).toContain('XHS.DDDT   103.223/311.736 = 33,11%');
    // June alone: the stock is June's, the flows are June's share only.
    const june = printed.slice(printed.indexOf('Tổng hợp tháng 6/2023'), printed.indexOf('Tổng hợp quý II/2023'));
    expect(june).toContain('XHS.DDDT   103.223/311.736 = 33,11%');
    expect(june).not.toContain('9.513/17.337');
    // A unit short of a month is said, as the README shows it.
    expect(half).toContain(
      'Phường Phương Sơn: chưa có báo cáo được tổng hợp của tháng 5/2023; 55 số liệu cộng dồn chưa đủ các tháng ' +
        '(bảng T1, T2, T3a, T3b, T3c, T3e, T4).',
    );
  });

  test('feedback of the wards over 6 months: 65 = 55 + 10 (55 = 48 + 7, 10 = 1 + 9)', async () => {
    const [vii] = await (await XlsxWorkbook.open(path.join(root, 'out', '6-thang.xlsx'))).read(['Phụ lục VII']);
    const start = vii.values.findIndex((r) => String(r[0]).endsWith('Phản ánh, kiến nghị'));
    const wards = vii.values.slice(start).find((r) => r[1] === 'Cộng UBND các xã, phường:')!;
    expect(wards.slice(2, 9)).toEqual([65, 55, 48, 7, 10, 1, 9]);
  });

  test("the June quarter, the tidy data, and the province from the two cities' annexes", async () => {
    expect(fs.existsSync(path.join(root, 'out', 'quy-2.xlsx'))).toBe(true);
    const csv = fs.readFileSync(path.join(root, 'out', 'du-lieu-6-thang.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFunit_code,unit_name,level,unit_group,period_start,period_end,figure')).toBe(true);
    const [i] = await (await XlsxWorkbook.open(path.join(root, 'out', 'tinh-khanh-hoa.xlsx'))).read(['Phụ lục I']);
    const names = i.values.map((r) => r[1]);
    expect(names).toEqual(expect.arrayContaining(['UBND thành phố Nha Trang', 'UBND thành phố Cam Ranh']));
    expect(printed).toMatch(/Tổng hợp tỉnh Khánh Hòa .*: 2 đơn vị; chưa nộp 36\./);
    expect(printed).toContain('Tổng hợp Cam Ranh, tháng 6/2023: 14 đơn vị; chưa nộp 0.');
    expect(printed).toMatch(/không xếp được 6 \(đã sáp nhập trước đó\): Phường Xương Huân/);
  });

  test('mistakes are caught and their units left out; one unit missing for May; one report late', async () => {
    const html = fs.readFileSync(path.join(root, 'out', 'report.html'), 'utf8');
    for (const s of ['“24 loại”', '“100%” là tỷ lệ', '54,03% không khớp 118.103/142.378 = 82,95%'])
      expect(html).toContain(s);
    expect(html).toMatch(/Đang là [\d.]+ &lt; [\d.]+/);
    const [ii] = await (await XlsxWorkbook.open(path.join(root, 'out', 'annexes.xlsx'))).read(['Phụ lục II']);
    const row = (name: string) => ii.values.find((r) => r[1] === name)!.slice(2);
    expect(row('Phường Phương Sơn')).toEqual(['X', 'X', 'X', 'X', null, 'X']); // not sent: a blank cell
    expect(row('Phòng Kinh tế')).toEqual(['X', 'X', 'X', 'X', 'X', 'X (trễ hạn)']);
    // May's typo "Pường Vạn Thạnh" kept that report out: the matrix shows it was sent, not consolidated.
    expect(row('Phường Vạn Thạnh')).toEqual(['X', 'X', 'X', 'X', 'X (còn lỗi)', 'X']);
  });

  test("the Word reports: June and the 6 months, the sample city's figures in the seeds' sentences", async () => {
    const words = async (name: string) => {
      const zip = await JSZip.loadAsync(fs.readFileSync(path.join(root, 'out', name)));
      const xml = await zip.file('word/document.xml')!.async('string');
      // One paragraph a line, its runs joined, as Word shows it.
      return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
        [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
      );
    };
    const half = await words('bao-cao-6-thang.docx');
    expect(half).toContain('Tình hình chuyển đổi số thành phố Nha Trang 6 tháng đầu năm 2023');
    expect(half).toContain('Số: 5123/BC-UBND');
    expect(half).toContain(
      '- UBND các xã, phường đã tiếp nhận 65 phản ánh kiến nghị, đã giải quyết 55 (đúng hạn 48, trễ hạn 7), ' +
        'đang giải quyết 10 (đúng hạn 1, trễ hạn 9).',
    );
    expect(half).toContain(
      '- UBND các xã, phường đã tiếp nhận 9.513 hồ sơ trực tuyến, đạt tỷ lệ 54,87% (9.513/17.337) (chỉ tiêu: 45%).',
    );
    expect(half).toContain('- Gửi báo cáo trễ hạn (1): Phòng Kinh tế.');
    const june = await words('bao-cao.docx');
    expect(june).toContain('Tình hình chuyển đổi số thành phố Nha Trang tháng 6/2023');
    expect(june).toContain('(Kèm theo Báo cáo số 4890/BC-UBND ngày 5/7/2023 của UBND thành phố Nha Trang)');
    // What units wrote on "Kết quả, khó khăn" (and Phường Vạn Thạnh in a sheet of its own), by unit.
    const hard = june.slice(june.indexOf('II. KHÓ KHĂN, VƯỚNG MẮC'), june.indexOf('III. ĐỀ XUẤT, KIẾN NGHỊ'));
    expect(hard).toEqual(expect.arrayContaining(['- Phòng Văn hóa và Thông tin:', '- Phường Vĩnh Phước:']));
    expect(hard.filter((t) => t.startsWith('+ ')).length).toBeGreaterThanOrEqual(4);
    expect(printed).toContain('out/bao-cao-6-thang.docx');
  });
});
