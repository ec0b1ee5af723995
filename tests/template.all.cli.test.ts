/**
 * `dx-report template --all` through the command line's own parser (issue 16 item 5): the flags the table
 * declares, the ones refused out of place, one workbook per unit of a province, in one process.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runMain } from './helpers/cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-all-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('--all with --province: a workbook per commune and ward of Khánh Hòa, named for Windows', async () => {
  const outDir = path.join(dir, 'phieu');
  const r = await runMain(['template', '--all', '--province', '56', '--period', '2026-11', '--out-dir', outDir]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Đã tạo 65 phiếu báo cáo tháng 11/2026');
  const files = fs.readdirSync(outDir);
  expect(files).toHaveLength(65);
  expect(files).toContain('Phường Nha Trang - tháng 11-2026.xlsx');
  expect(files.every((f) => !/[\\/:*?"<>|]/.test(f) && f === f.normalize('NFC'))).toBe(true);
}, 180000);

test('flags out of place are refused with the usage, before anything is written', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['template', '--all', '--unit', 'Phường Lộc Thọ', '--period', '2026-11'], /--unit không dùng cùng --all/],
    [['template', '--period', '2026-11', '--out-dir', dir], /--out-dir chỉ dùng cùng --all/],
    [['template', '--period', '2026-11', '--out', path.join(dir, 'a.xlsx')], /Cần --unit TÊN/],
    [['template', '--all', '--period', '2026-11', '--out-dir', path.join(dir, 'x')], /cần danh mục đơn vị/],
  ];
  for (const [args, said] of cases) {
    const r = await runMain(args);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toMatch(said);
  }
  expect(fs.existsSync(path.join(dir, 'x'))).toBe(false);
  expect(fs.existsSync(path.join(dir, 'a.xlsx'))).toBe(false);
});

test('help says which flags go with --all', async () => {
  const r = await runMain(['help']);
  expect(r.stdout).toMatch(/--out-dir THƯ_MỤC\s+thư mục chứa các phiếu.*\(chỉ cùng --all\)/);
  expect(r.stdout).toMatch(/--unit TÊN\s+đơn vị báo cáo.*\(bắt buộc, trừ khi có --all\)/);
});
