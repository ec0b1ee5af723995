import * as fs from 'fs';
import * as path from 'path';
import { defaultCatalogue } from '../shared/catalogue/catalogue';
import { consolidate } from '../shared/consolidate/consolidate';
import { htmlReport } from '../shared/consolidate/html-report';
import { formatNumber, formatPercent } from '../shared/numbers/format';
import { annexBuffer, markedHtml } from './consolidate';
import { checkTargets, commitFiles, existingOwned, OutputTarget, withLocks } from './output';
import { DEADLINE_DAY, generateSampleCity, MONTHS } from '../samples/generate';
import { XlsxWorkbook } from '../xlsx/workbook';

/**
 * `npm run demo`: the sample city end to end — its unit workbooks written,
 * checked, consolidated into out/annexes.xlsx and out/report.html.
 */
export async function runDemo(root: string, out: (s: string) => void): Promise<number> {
  const samples = path.join(root, 'samples', 'nha-trang');
  const outDir = path.join(root, 'out');
  const annexes = path.join(outDir, 'annexes.xlsx');
  const report = path.join(outDir, 'report.html');
  const targets: OutputTarget[] = [
    { file: annexes, role: 'phụ lục', kind: 'xlsx' },
    { file: report, role: 'báo cáo', kind: 'html' },
  ];
  fs.mkdirSync(outDir, { recursive: true });
  checkTargets(targets, []);
  // out/ may hold files of the user's: only the product's own annexes and report are ever replaced.
  for (const t of targets) await existingOwned(t);
  fs.rmSync(samples, { recursive: true, force: true });
  out('Thành phố mẫu: Nha Trang (12 cơ quan chuyên môn, 9 đơn vị sự nghiệp, 27 xã phường), tháng 4–6/2023.\n');
  const files = await generateSampleCity(samples);
  out(`  Đã tạo ${files.length} phiếu báo cáo trong ${path.relative(root, samples)}/\n`);
  const sources = [];
  for (const f of files)
    sources.push({
      source: { file: path.relative(samples, f.file) },
      sheets: await (await XlsxWorkbook.open(f.file)).read(),
    });
  const period = MONTHS[MONTHS.length - 1];
  const result = consolidate(sources, { period, deadlineDay: DEADLINE_DAY });
  await withLocks(targets, async () => {
    for (const t of targets) await existingOwned(t);
    await commitFiles([
      { file: annexes, data: await annexBuffer(new XlsxWorkbook(), result) },
      {
        file: report,
        data: markedHtml(
          htmlReport(result, defaultCatalogue(), 'Báo cáo tổng hợp chuyển đổi số — Nha Trang, tháng 6/2023'),
        ),
      },
    ]);
  });
  const s = result.summary;
  const issues = [
    ...result.collected.included.flatMap((x) => x.issues),
    ...result.collected.excluded.flatMap((x) => x.issues ?? []),
  ];
  const errors = issues.filter((i) => i.severity === 'loi').length;
  out(
    `Kiểm tra tháng 6/2023: ${s.included.length + s.excluded.length} phiếu, ` +
      `${errors} lỗi, ${issues.length - errors} cảnh báo.\n`,
  );
  for (const e of s.excluded) out(`  Không tổng hợp ${e.unit}: ${e.reason}\n`);
  out(`Tổng hợp: ${s.included.length} đơn vị; chưa nộp ${s.missing.length}.\n`);
  for (const i of s.indicators)
    out(
      `  ${i.code.padEnd(10)} ${formatNumber(i.numerator)}/${formatNumber(i.denominator)} = ` +
        `${i.rate === null ? '—' : formatPercent(i.rate)}  ${i.name}\n`,
    );
  out(
    `Kết quả:\n  ${path.relative(root, annexes)}  (${result.sheets
      .filter((x) => !x.hidden)
      .map((x) => x.name)
      .join(', ')})\n  ${path.relative(root, report)}\n`,
  );
  return 0;
}
