import { describeError } from '../shared/errors/describe';
import * as fs from 'fs';
import * as path from 'path';
import { Args, flag, UsageError } from './args';
import { expandInputs } from './validate';
import { defaultCatalogue } from '../shared/catalogue/catalogue';
import { consolidate, OWNED } from '../shared/consolidate/consolidate';
import { DEFAULT_REGISTRIES } from '../shared/registry/default';
import { registryFromSheet, RegistryRead } from '../shared/registry/from-sheet';
import { UnitMatcher } from '../shared/registry/match';
import { Registry } from '../shared/registry/schema';
import { writeOwnedOp } from '../shared/operations/consolidate-op';
import { runAsync } from '../shared/operations/run';
import { htmlReport } from '../shared/consolidate/html-report';
import { formatNumber, formatPercent } from '../shared/numbers/format';
import { SheetSnapshot } from '../shared/workbook/port';
import { XlsxWorkbook } from '../xlsx/workbook';

/** A registry file: JSON in the Registry shape, or an .xlsx whose first sheet lists Mã đơn vị, Tên đơn vị, Nhóm. */
async function loadRegistry(file: string): Promise<RegistryRead> {
  const code = path
    .basename(file)
    .replace(/\.[^.]+$/, '')
    .toUpperCase();
  if (/\.json$/i.test(file)) {
    const parsed = Registry.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success
      ? { registry: parsed.data, errors: [] }
      : {
          registry: null,
          errors: [
            { cell: 'JSON', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') },
          ],
        };
  }
  const [first] = await (await XlsxWorkbook.open(file)).read();
  return registryFromSheet(first?.values ?? [], code, path.basename(file));
}

/**
 * `dx-report consolidate FILES_OR_DIRS... --out annexes.xlsx [--html report.html] [--registry FILE]
 * [--period YYYY-MM] [--deadline-day N] [--include-errors] [--json]`
 */
export async function runConsolidate(args: Args, out: (s: string) => void): Promise<number> {
  const target = flag(args, 'out');
  if (!args.words.length || !target)
    throw new UsageError('Cần tệp/thư mục và --out: dx-report consolidate units/ --out annexes.xlsx');
  const files = expandInputs(args.words).filter((f) => path.resolve(f) !== path.resolve(target));
  const sources: Array<{ source: { file: string }; sheets: SheetSnapshot[] }> = [];
  const unreadable: string[] = [];
  for (const f of files) {
    try {
      // Read only: the unit's file is opened, read into memory and never written.
      sources.push({ source: { file: path.basename(f) }, sheets: await (await XlsxWorkbook.open(f)).read() });
    } catch (e) {
      unreadable.push(`${f}: ${describeError(e)}`);
    }
  }
  const deadline = flag(args, 'deadline-day');
  if (deadline !== undefined && !/^(?:[1-9]|[12]\d|3[01])$/.test(deadline))
    throw new UsageError('--deadline-day là một ngày từ 1 đến 31.');
  const registryFile = flag(args, 'registry');
  let registry: Registry | undefined;
  if (registryFile) {
    const r = await loadRegistry(registryFile);
    if (!r.registry || r.errors.length) {
      out(`${r.errors.map((e) => `${registryFile}!${e.cell}: ${e.message}`).join('\n')}\n`);
      return 2;
    }
    registry = r.registry;
  }
  // Units are matched against the given registry as well as the built-in ones.
  const matcher = registry ? new UnitMatcher([registry, ...DEFAULT_REGISTRIES]) : undefined;
  const result = consolidate(sources, {
    period: flag(args, 'period'),
    includeErrors: Boolean(args.flags['include-errors']),
    deadlineDay: deadline ? Number(deadline) : undefined,
    registry,
    matcher,
    now: new Date(),
  });
  const book = fs.existsSync(target) ? await XlsxWorkbook.open(target) : new XlsxWorkbook();
  // A file is the product's output only if every sheet in it is one the product made.
  const owned = new Set(
    OWNED.read((await book.read([OWNED.sheet]))[0]?.values)
      .map((r) => String(r.sheet))
      .concat(OWNED.sheet),
  );
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
    out(
      `Đã tổng hợp ${s.included.length} đơn vị vào ${target} (${result.sheets
        .filter((x) => !x.hidden)
        .map((x) => x.name)
        .join(', ')}).\n`,
    );
    for (const e of s.excluded) out(`  Không tổng hợp ${e.unit ?? e.source}: ${e.reason}\n`);
    if (s.missing.length) out(`  Chưa nộp (${s.missing.length}): ${s.missing.join(', ')}\n`);
    for (const w of s.warnings) out(`  Cảnh báo: ${w}\n`);
    for (const i of s.indicators)
      out(
        `  ${i.code.padEnd(12)} ${formatNumber(i.numerator)}/${formatNumber(i.denominator)} = ` +
          `${i.rate === null ? '—' : formatPercent(i.rate)}\n`,
      );
    for (const u of unreadable) out(`  Không đọc được ${u}\n`);
  }
  return unreadable.length ? 2 : 0;
}
