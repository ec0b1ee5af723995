/**
 * `dx-report missing TỆP_HOẶC_THƯ_MỤC... [--registry DANH_MUC] [--period KỲ] [--deadline-day N]
 * [--out CHUA_NOP.csv|.xlsx] [--config CẤU_HÌNH.xlsx] [--mapping ÁNH_XẠ.json] [--json]`: the units of the registry
 * that sent nothing for the period, each with whom to call (Người lập and Điện thoại of its latest report read,
 * the registry's contact). The folders are read as `consolidate` reads them, earlier months included: a unit's
 * last report is where its contact comes from. Nothing is written but --out.
 */
import * as fs from 'fs';
import { Args, EXIT, flag, has, UsageError } from './args';
import { ANNEX_SKIPPED, expandInputs, foundLine } from './inputs';
import { commitFiles, existingOwned, OutputTarget, withLocks } from './output';
import { readExamined, unitInputs } from './unit-inputs';
import { consolidateExamined } from '../shared/consolidate/consolidate';
import { contactWords, digestOf } from '../shared/consolidate/digest';
import { isMissingCsv, missingCsv, missingSheets, MissingListSource } from '../shared/consolidate/missing-list';
import { streamedWorkbook } from '../xlsx/stream-writer';

/** What the command says, in one table. */
export const MISSING_TEXT = {
  heading: (period: string | null, deadline: string | null, n: number) =>
    `Danh sách chưa nộp${period ? ` ${period}` : ''}${deadline ? ` (hạn nộp ${deadline})` : ''}: ` +
    (n ? `${n} đơn vị.` : 'không có đơn vị nào, mọi đơn vị trong danh mục đã nộp.'),
  noRegistry: 'Không xác định được danh mục đơn vị: thêm --registry DANH_MUC.xlsx để biết đơn vị nào chưa nộp.',
  written: (file: string) => `Đã ghi danh sách vào ${file}.`,
  unreadable: (u: string) => `  Không đọc được ${u} (đơn vị của tệp này có thể bị tính là chưa nộp)`,
  wrongOut: (file: string) => `--out ${file}: tên tệp phải có đuôi .csv hoặc .xlsx.`,
} as const;

export async function runMissing(args: Args, out: (s: string) => void): Promise<number> {
  const json = has(args, 'json');
  const target = flag(args, 'out');
  if (target && !/\.(csv|xlsx)$/i.test(target)) throw new UsageError(MISSING_TEXT.wrongOut(target));
  const inputs = expandInputs(args.words);
  if (inputs.missing.length)
    throw new UsageError(`Không tìm thấy ${inputs.missing.map((m) => `“${m}”`).join(', ')}: không ghi tệp nào.`);
  const targets: OutputTarget[] = target
    ? [{ file: target, role: '--out', kind: /\.csv$/i.test(target) ? 'csv' : 'xlsx' }]
    : [];
  // The list written last time, found in a walked folder, is no unit's report.
  const units = await unitInputs(args, inputs, targets, out);
  if (units === 'refused') return EXIT.usage;
  const { registry, registries, master } = units;
  if (!json) out(foundLine(inputs));
  return withLocks(targets, async () => {
    for (const t of targets) {
      // A list this command wrote before may be replaced; any other CSV is refused by existingOwned.
      if (t.kind === 'csv' && fs.existsSync(t.file) && isMissingCsv(head(t.file))) t.force = true;
      await existingOwned(t);
    }
    const { examined, unreadable, skipped } = await readExamined(args, units, json);
    const deadline = flag(args, 'deadline-day');
    const s = consolidateExamined(examined, {
      period: flag(args, 'period'),
      deadlineDay: deadline ? Number(deadline) : undefined,
      registry,
      registries,
      master,
      now: new Date(),
    }).summary;
    const list: MissingListSource = s;
    if (target)
      await commitFiles([
        { file: target, data: /\.csv$/i.test(target) ? missingCsv(list) : await streamedWorkbook(missingSheets(list)) },
      ]);
    if (json) {
      out(
        `${JSON.stringify({
          period: s.period,
          deadline: s.deadline,
          deadlineDay: s.deadlineDay,
          registry: s.registry,
          notSent: s.notSent,
          written: target ? [target] : [],
          unreadable,
          skipped,
        })}\n`,
      );
    } else {
      const d = digestOf(s, '(--registry)');
      if (!s.registry) out(`${MISSING_TEXT.noRegistry}\n`);
      else out(`${MISSING_TEXT.heading(s.period, s.deadline, s.notSent.length)}\n`);
      s.notSent.forEach((m, i) => {
        const who = contactWords(m);
        out(`  ${i + 1}. ${m.unit}${who ? ` — ${who}` : ''}\n`);
      });
      out(`  ${d.registryLine}\n`);
      for (const u of unreadable) out(`${MISSING_TEXT.unreadable(u)}\n`);
      for (const f of skipped) out(`  ${f}: ${ANNEX_SKIPPED}.\n`);
      if (target) out(`${MISSING_TEXT.written(target)}\n`);
    }
    return unreadable.length ? EXIT.usage : EXIT.ok;
  });
}

function head(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(512);
    return buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}
