import * as fs from 'fs';
import * as path from 'path';
import { Args, flag, UsageError } from './args';
import { expandInputs } from './validate';
import { defaultCatalogue } from '../shared/catalogue/catalogue';
import { consolidate, OWNED } from '../shared/consolidate/consolidate';
import { writeOwnedOp } from '../shared/operations/consolidate-op';
import { runAsync } from '../shared/operations/run';
import { htmlReport } from '../shared/consolidate/html-report';
import { formatNumber, formatPercent } from '../shared/numbers/format';
import { SheetSnapshot } from '../shared/workbook/port';
import { XlsxWorkbook } from '../xlsx/workbook';

/** `dx-report consolidate FILES_OR_DIRS... --out annexes.xlsx [--html report.html] [--period YYYY-MM] [--deadline-day N] [--include-errors] [--json]` */
export async function runConsolidate(args: Args, out: (s: string) => void): Promise<number> {
  const target = flag(args, 'out');
  if (!args.words.length || !target) throw new UsageError('Cần tệp/thư mục và --out: dx-report consolidate units/ --out annexes.xlsx');
  const files = expandInputs(args.words).filter((f) => path.resolve(f) !== path.resolve(target));
  const sources: Array<{ source: { file: string }; sheets: SheetSnapshot[] }> = [];
  const unreadable: string[] = [];
  for (const f of files) {
    try {
      // Read only: the unit's file is opened, read into memory and never written.
      sources.push({ source: { file: path.basename(f) }, sheets: await (await XlsxWorkbook.open(f)).read() });
    } catch (e) {
      unreadable.push(`${f}: ${(e as Error).message}`);
    }
  }
  const deadline = flag(args, 'deadline-day');
  if (deadline !== undefined && !/^(?:[1-9]|[12]\d|3[01])$/.test(deadline)) throw new UsageError('--deadline-day là một ngày từ 1 đến 31.');
  const result = consolidate(sources, { period: flag(args, 'period'), includeErrors: Boolean(args.flags['include-errors']), deadlineDay: deadline ? Number(deadline) : undefined });
  const book = fs.existsSync(target) ? await XlsxWorkbook.open(target) : new XlsxWorkbook();
  // A file is the product's output only if every sheet in it is one the product made.
  const owned = new Set(OWNED.read((await book.read([OWNED.sheet]))[0]?.values).map((r) => String(r.sheet)).concat(OWNED.sheet));
  const foreign = (await book.sheetNames()).filter((n) => !owned.has(n));
  if (foreign.length) {
    out(`Tệp ${target} có trang không do phần mềm tạo (${foreign.join(', ')}): không ghi đè.\n`);
    return 1;
  }
  await runAsync(writeOwnedOp(book, result.sheets));
  await book.save(target);
  const html = flag(args, 'html');
  if (html) fs.writeFileSync(html, htmlReport(result, defaultCatalogue()));
  if (args.flags.json) {
    out(`${JSON.stringify({ file: target, ...result.summary, unreadable })}\n`);
  } else {
    const s = result.summary;
    out(`Đã tổng hợp ${s.included.length} đơn vị vào ${target} (${result.sheets.filter((x) => !x.hidden).map((x) => x.name).join(', ')}).\n`);
    for (const e of s.excluded) out(`  Không tổng hợp ${e.unit ?? e.source}: ${e.reason}\n`);
    if (s.missing.length) out(`  Chưa nộp (${s.missing.length}): ${s.missing.join(', ')}\n`);
    for (const w of s.warnings) out(`  Cảnh báo: ${w}\n`);
    for (const i of s.indicators) out(`  ${i.code.padEnd(12)} ${formatNumber(i.numerator)}/${formatNumber(i.denominator)} = ${i.rate === null ? '—' : formatPercent(i.rate)}\n`);
    for (const u of unreadable) out(`  Không đọc được ${u}\n`);
  }
  return unreadable.length ? 2 : 0;
}
