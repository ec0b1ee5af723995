import * as fs from 'fs';
import * as path from 'path';
import { Args, EXIT, flag, has, Refused, UsageError } from './args';
import { configSheet } from './master';
import { checkTargets, commitFiles, existingOwned, OutputTarget, withLocks } from './output';
import { progress } from './progress';
import { loadRegistryFile } from './registry-file';
import { parsePeriod } from '../shared/dates/period';
import { formatNumber } from '../shared/numbers/format';
import { createTemplate, CreateTemplateResult } from '../shared/operations/create-template';
import { runAsync } from '../shared/operations/run';
import {
  RenamedUnitError,
  safeFileStem,
  templatesForUnitsOp,
  unitFileNames,
  unitJobs,
  unitsOfPeriod,
} from '../shared/operations/templates-all';
import { provinceRegistry } from '../shared/registry/dvhc';
import { UnitMatcher } from '../shared/registry/match';
import { Registry } from '../shared/registry/schema';
import { CONFIG_SHEET } from '../shared/templates/version';
import { SheetSnapshot } from '../shared/workbook/port';
import { XlsxWorkbook } from '../xlsx/workbook';

/**
 * `dx-report template --unit NAME --period YYYY-MM --out FILE [--config FILE] [--registry FILE] [--preparer NAME]
 * [--force]`: an existing --out is refused unless --force (a unit's filled workbook is never replaced by accident);
 * --config and --registry are only read. With --registry the unit is the registry's (its contact on the cover, its
 * indicators "Không áp dụng" marked), as `template --all` makes it.
 */
export async function runTemplate(args: Args, out: (s: string) => void): Promise<number> {
  if (has(args, 'all')) return runTemplatesForAll(args, out);
  const unit = flag(args, 'unit')!;
  const period = flag(args, 'period')!;
  const target = flag(args, 'out')!;
  const config = flag(args, 'config');
  const registryFile = flag(args, 'registry');
  const t: OutputTarget = { file: target, role: '--out', kind: 'other', force: has(args, 'force') };
  checkTargets(
    [t],
    [config, registryFile].filter((x): x is string => Boolean(x)),
  );
  const matcher = registryFile ? new UnitMatcher([await registryOf(registryFile)]) : undefined;
  return withLocks([t], async () => {
    if (fs.existsSync(target) && !t.force) {
      out(`Tệp ${target} đã có; không ghi đè (thêm --force để ghi đè).\n`);
      return EXIT.failed;
    }
    await existingOwned(t);
    const book = new XlsxWorkbook();
    // The secretariat's edited DX_CauHinh travels into the new workbook.
    if (config) copyConfig(book, await configSheet(config));
    const r = await createTemplate(book, { unit, period, preparer: flag(args, 'preparer'), matcher });
    hideConfig(book);
    await commitFiles([{ file: target, data: await book.toBuffer() }]);
    if (has(args, 'json')) out(`${JSON.stringify({ file: target, ...r })}\n`);
    else
      out(
        `Đã tạo ${target}: ${r.unit}, ${r.period}; ${r.sheets.length} trang (${r.sheets.join(', ')}); ` +
          `${r.indicators} chỉ tiêu (${r.catalogue === 'workbook' ? 'theo DX_CauHinh' : 'danh mục mặc định'}).\n`,
      );
    return EXIT.ok;
  });
}

/**
 * DX_CauHinh in a unit's file is hidden (not very hidden: the secretariat may unhide it to read or edit it; a hidden
 * sheet is not printed), also when it is the secretariat's copy from --config, which is added as it was read.
 */
function hideConfig(book: XlsxWorkbook): void {
  const ws = book.book.getWorksheet(CONFIG_SHEET);
  if (ws) ws.state = 'hidden';
}

// ---- template --all ----

/** What `template --all` takes: the flags, as a test or another command hands them over. */
export interface AllTemplatesOptions {
  /** The secretariat's registry: .xlsx (first sheet: Mã đơn vị, Tên đơn vị, Nhóm) or .json. */
  registry?: string;
  /** Or a province's communes, wards and special zones (a code such as 56, or a name). */
  province?: string;
  period: string;
  /** The folder the workbooks go into: made if it does not exist (its parent must). */
  outDir: string;
  /** The secretariat's master workbook whose DX_CauHinh every workbook gets (read only). */
  config?: string;
  preparer?: string;
  /** Replace files already there (each still written to a temporary file and renamed). */
  force?: boolean;
  json?: boolean;
  /** Where progress goes (standard error), shown only on a terminal and without --json. */
  progressStream?: NodeJS.WriteStream;
}

/** The command line's `template --all` as options (the flags as cli/args.ts declares them). */
function runTemplatesForAll(args: Args, out: (s: string) => void): Promise<number> {
  return templatesForAll(
    {
      registry: flag(args, 'registry'),
      province: flag(args, 'province'),
      period: flag(args, 'period')!,
      outDir: flag(args, 'out-dir') ?? '',
      config: flag(args, 'config'),
      preparer: flag(args, 'preparer'),
      force: has(args, 'force'),
      json: has(args, 'json'),
    },
    out,
  );
}

// The file names are the shared operation's: the panes name their workbooks alike.
export { safeFileStem, unitFileNames };

async function registryFor(o: AllTemplatesOptions): Promise<{ registry: Registry; source: string }> {
  if (o.registry && o.province) throw new UsageError('Chỉ dùng một trong --registry và --province.');
  if (o.province) {
    const registry = provinceRegistry(o.province);
    if (!registry) throw new UsageError(`--province ${o.province}: không có tỉnh, thành phố này.`);
    return { registry, source: `--province ${o.province}` };
  }
  if (!o.registry)
    throw new UsageError(
      'template --all cần danh mục đơn vị: --registry DANH_MUC.xlsx|.json (danh mục của văn phòng) hoặc ' +
        '--province MÃ|TÊN (các xã, phường, đặc khu của một tỉnh từ 01/07/2025).',
    );
  return { registry: await registryOf(o.registry), source: o.registry };
}

/** A --registry file's one registry, or a refusal naming each of its errors at its cell: nothing is made. */
async function registryOf(file: string): Promise<Registry> {
  const r = await loadRegistryFile(file);
  if (!r.registry || r.errors.length)
    throw new UsageError(
      `Danh mục “${file}” có lỗi, chưa tạo phiếu nào:\n${r.errors
        .map((e) => `  ${file}!${e.cell}: ${e.message}`)
        .join('\n')}`,
    );
  return r.registry;
}

/** The out-dir, made when missing (its parent must exist: a mistyped path is not built up silently). */
function prepareDir(dir: string): void {
  if (!dir) throw new UsageError('template --all cần --out-dir THƯ_MỤC: thư mục sẽ chứa các phiếu.');
  let st: fs.Stats | null = null;
  try {
    st = fs.statSync(dir);
  } catch {
    st = null;
  }
  if (st && !st.isDirectory()) throw new UsageError(`--out-dir “${dir}” đã có và không phải là thư mục.`);
  if (st) return;
  const parent = path.dirname(path.resolve(dir));
  if (!fs.existsSync(parent))
    throw new UsageError(`Thư mục “${parent}” không tồn tại: không tạo được --out-dir “${dir}”. Tạo thư mục trước.`);
  fs.mkdirSync(dir);
}

/** The secretariat's DX_CauHinh, as --config gives it, copied cell by cell into a new workbook. */
function copyConfig(book: XlsxWorkbook, cfg: SheetSnapshot): void {
  const copy = book.book.addWorksheet(CONFIG_SHEET);
  cfg.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) copy.getCell(r + 1, c + 1).value = v as never;
    }),
  );
}

export interface AllTemplatesResult {
  dir: string;
  period: string;
  registry: { code: string; name: string; source: string };
  files: Array<{ unit: string; code: string; file: string; contact: boolean }>;
  /** Units of the registry that did not exist in the period (merged before it, formed after it). */
  notInPeriod: string[];
  catalogue: CreateTemplateResult['catalogue'];
  indicators: number;
}

/**
 * `dx-report template --all --registry units.xlsx --period 2026-11 --out-dir phieu/`: one workbook per unit the
 * registry lists in the period, each as `template --unit` makes it (the unit's contact from the registry on its
 * cover), into --out-dir. All or nothing: every file is checked first (the folder, a name taken twice, an input),
 * and if any is already there nothing is written unless --force; then all are made in memory and written each to a
 * temporary file, and renamed into place only when every one is written (a full disk leaves no half set).
 */
export async function templatesForAll(o: AllTemplatesOptions, out: (s: string) => void): Promise<number> {
  const period = parsePeriod(o.period);
  if (!period?.end) throw new UsageError(`--period ${o.period}: không đọc được kỳ (ví dụ: 2026-11, 11/2026).`);
  const { registry, source } = await registryFor(o);
  const { label, units, notInPeriod } = unitsOfPeriod(registry, o.period);
  if (!units.length) {
    out(`Danh mục ${registry.name} không có đơn vị nào trong ${label}: chưa tạo phiếu nào.\n`);
    return EXIT.failed;
  }
  prepareDir(o.outDir);
  const jobs = unitJobs(units, label);
  const targets: OutputTarget[] = jobs.map((j) => ({
    file: path.join(o.outDir, j.name),
    role: '--out-dir',
    kind: 'other',
    force: o.force,
  }));
  checkTargets(
    targets,
    [o.registry, o.config].filter((x): x is string => Boolean(x)),
  );
  const there = targets.filter((t) => fs.existsSync(t.file));
  if (there.length && !o.force) {
    const shown = there.slice(0, 10).map((t) => path.basename(t.file));
    out(
      `Trong “${o.outDir}” đã có ${formatNumber(there.length)} phiếu của kỳ này (${shown.join(', ')}` +
        `${there.length > shown.length ? ', …' : ''}): không ghi đè, chưa tạo phiếu nào. ` +
        'Chọn thư mục khác, hoặc thêm --force để tạo lại tất cả.\n',
    );
    return EXIT.failed;
  }
  const cfg = o.config ? await configSheet(o.config) : undefined;
  return withLocks(targets, async () => {
    for (const t of targets) await existingOwned(t);
    const tick = progress(Boolean(o.json), o.progressStream, { verb: 'Đã tạo', what: 'phiếu' });
    const files: Array<{ file: string; data: Uint8Array }> = [];
    const run = await runAsync(
      templatesForUnitsOp<XlsxWorkbook>({
        jobs,
        period: o.period,
        preparer: o.preparer,
        matcher: new UnitMatcher([registry]),
        open: () => {
          const book = new XlsxWorkbook();
          if (cfg) copyConfig(book, cfg);
          return book;
        },
        close: async (book, job) => {
          hideConfig(book);
          files.push({ file: targets[job.index].file, data: await book.toBuffer() });
        },
        progress: tick,
      }),
    ).catch((e: unknown) => {
      throw e instanceof RenamedUnitError ? new Refused(e.message) : e;
    });
    await commitFiles(files);
    const result: AllTemplatesResult = {
      dir: o.outDir,
      period: label,
      registry: { code: registry.code, name: registry.name, source },
      files: run.made.map((m, i) => ({ unit: m.unit, code: m.code, file: files[i].file, contact: m.contact })),
      notInPeriod,
      catalogue: run.last!.catalogue,
      indicators: run.last!.indicators,
    };
    if (o.json) out(`${JSON.stringify(result)}\n`);
    else out(summaryLines(result).join('\n') + '\n');
    return EXIT.ok;
  });
}

function summaryLines(r: AllTemplatesResult): string[] {
  const contacts = r.files.filter((f) => f.contact).length;
  const lines = [
    `Đã tạo ${formatNumber(r.files.length)} phiếu báo cáo ${r.period} trong “${r.dir}”, mỗi đơn vị một tệp ` +
      `(danh mục ${r.registry.name}, ${r.registry.source}); ${formatNumber(r.indicators)} chỉ tiêu ` +
      `(${r.catalogue === 'workbook' ? 'theo DX_CauHinh' : 'danh mục mặc định'}).`,
  ];
  if (contacts) lines.push(`  ${formatNumber(contacts)} phiếu ghi sẵn điện thoại hoặc thư điện tử của đơn vị.`);
  if (r.notInPeriod.length)
    lines.push(
      `  Không tạo cho ${formatNumber(r.notInPeriod.length)} đơn vị không có trong kỳ (đã sáp nhập hoặc chưa thành ` +
        `lập): ${r.notInPeriod.join(', ')}.`,
    );
  return lines;
}
