import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from './helpers/cli';
import { CONSISTENT, unitWorkbook } from './helpers/unit-fixture';
import { tmpFile } from './helpers/xlsx';

/** LibreOffice (Debian's libreoffice-calc-nogui, installed by .ci/run) opens the output and prints it to PDF. */
test('the annexes open in LibreOffice headless and convert to PDF', async () => {
  const unit = await unitWorkbook(CONSISTENT);
  const out = tmpFile('annexes.xlsx');
  expect((await runCli(['consolidate', unit.file, '--out', out])).code).toBe(0);
  const dir = path.dirname(out);
  const profile = `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`;
  execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, out], {
    timeout: 120000,
    stdio: 'pipe',
  });
  const pdf = path.join(dir, 'annexes.pdf');
  expect(fs.statSync(pdf).size).toBeGreaterThan(5000);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const s of ['Phụ lục I', 'Phụ lục IV', 'Đơn vị tính: triệu đồng.', 'NGUỒN SỐ LIỆU', 'Tổng cộng:'])
    expect(text).toContain(s);
}, 180000);
