import * as fs from 'fs';
import * as path from 'path';
import { Args, EXIT, flag, has, Refused, UsageError } from './args';
import { configSheet } from './master';
import { checkTargets, commitFiles, existingOwned, OutputTarget, withLocks } from './output';
import { progress } from './progress';
import { loadRegistryFile } from './registry-file';
import { isoDay } from '../shared/dates/date';
import { parsePeriod } from '../shared/dates/period';
import { formatNumber } from '../shared/numbers/format';
import { createTemplate, CreateTemplateResult, periodLabel } from '../shared/operations/create-template';
import { provinceRegistry } from '../shared/registry/dvhc';
import { existsDuring } from '../shared/registry/history';
import { UnitMatcher } from '../shared/registry/match';
import { Registry, Unit } from '../shared/registry/schema';
import { unitContact } from '../shared/templates/build';
import { CONFIG_SHEET } from '../shared/templates/version';
import { SheetSnapshot } from '../shared/workbook/port';
import { XlsxWorkbook } from '../xlsx/workbook';

/**
 * `dx-report template --unit NAME --period YYYY-MM --out FILE [--config FILE] [--preparer NAME] [--force]`:
 * an existing --out is refused unless --force (a unit's filled workbook is never replaced by accident);
 * --config is only read.
 */
export async function runTemplate(args: Args, out: (s: string) => void): Promise<number> {
  if (has(args, 'all')) return runTemplatesForAll(args, out);
  const unit = flag(args, 'unit')!;
  const period = flag(args, 'period')!;
  const target = flag(args, 'out')!;
  const config = flag(args, 'config');
  const t: OutputTarget = { file: target, role: '--out', kind: 'other', force: has(args, 'force') };
  checkTargets([t], config ? [config] : []);
  return withLocks([t], async () => {
    if (fs.existsSync(target) && !t.force) {
      out(`Tệp ${target} đã có; không ghi đè (thêm --force để ghi đè).\n`);
      return EXIT.failed;
    }
    await existingOwned(t);
    const book = new XlsxWorkbook();
    if (config) {
      // The secretariat's edited DX_CauHinh travels into the new workbook.
      const cfg = await configSheet(config);
      const copy = book.book.addWorksheet('DX_CauHinh');
      cfg.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null) copy.getCell(r + 1, c + 1).value = v as never;
        }),
      );
    }
    const r = await createTemplate(book, { unit, period, preparer: flag(args, 'preparer') });
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

/** Characters Windows refuses in a file name, and control characters (Naming Files, Paths, and Namespaces). */
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]/g;
/** Device names Windows reserves, with any extension ("CON.xlsx" is one too). */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
/** Bytes a file name's stem may take: file systems allow 255 bytes a name, a Vietnamese letter takes up to 3. */
const STEM_BYTES = 180;

/**
 * A text made a file name every system accepts: NFC (one form for "ờ" whatever the registry was typed on), the
 * characters Windows refuses (/ \ : * ? " < > |) and control characters replaced by "-", no trailing dot or space
 * (Windows drops them), not a reserved device name, at most STEM_BYTES bytes (cut between characters).
 * Vietnamese letters are kept: every system of today stores them in names.
 * https://learn.microsoft.com/windows/win32/fileio/naming-a-file
 */
export function safeFileStem(text: string): string {
  let s = text.normalize('NFC').replace(UNSAFE, '-').replace(/\s+/g, ' ').trim();
  let bytes = 0;
  let cut = '';
  for (const ch of s) {
    bytes += Buffer.byteLength(ch, 'utf8');
    if (bytes > STEM_BYTES) break;
    cut += ch;
  }
  s = cut.replace(/[. ]+$/, '').replace(/^[. ]+/, '');
  if (RESERVED.test(s)) s = `${s}_`;
  return s || 'don-vi';
}

/**
 * One file name per unit, "Phường Lộc Thọ - tháng 11-2026.xlsx": the unit's name and the period. Two units whose
 * names come out the same (case and the replaced characters aside, as Windows and macOS compare names) each get
 * their code too: "Phường 1 (26734) - …".
 */
export function unitFileNames(units: Array<Pick<Unit, 'name' | 'code'>>, period: string): string[] {
  const tail = ` - ${safeFileStem(period)}.xlsx`;
  const stems = units.map((u) => safeFileStem(u.name));
  const key = (x: string) => x.toLocaleLowerCase('vi');
  const count = new Map<string, number>();
  for (const x of stems) count.set(key(x), (count.get(key(x)) ?? 0) + 1);
  return stems.map((x, i) => `${count.get(key(x))! > 1 ? `${x} (${safeFileStem(units[i].code)})` : x}${tail}`);
}

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
  const r = await loadRegistryFile(o.registry);
  if (!r.registry || r.errors.length)
    throw new UsageError(
      `Danh mục “${o.registry}” có lỗi, chưa tạo phiếu nào:\n${r.errors
        .map((e) => `  ${o.registry}!${e.cell}: ${e.message}`)
        .join('\n')}`,
    );
  return { registry: r.registry, source: o.registry };
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
  const label = periodLabel(period, o.period);
  const [start, end] = [isoDay(period.start), isoDay(period.end)];
  const units = registry.units.filter((u) => existsDuring(u, start, end, registry.units));
  const notInPeriod = registry.units.filter((u) => !units.includes(u)).map((u) => u.name);
  if (!units.length) {
    out(`Danh mục ${registry.name} không có đơn vị nào trong ${label}: chưa tạo phiếu nào.\n`);
    return EXIT.failed;
  }
  prepareDir(o.outDir);
  const names = unitFileNames(units, label);
  const targets: OutputTarget[] = names.map((n) => ({
    file: path.join(o.outDir, n),
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
  const matcher = new UnitMatcher([registry]);
  return withLocks(targets, async () => {
    for (const t of targets) await existingOwned(t);
    const tick = progress(Boolean(o.json), o.progressStream, { verb: 'Đã tạo', what: 'phiếu' });
    const files: Array<{ file: string; data: Uint8Array }> = [];
    const done: AllTemplatesResult['files'] = [];
    let last: CreateTemplateResult | undefined;
    for (let i = 0; i < units.length; i++) {
      const u = units[i];
      const book = new XlsxWorkbook();
      if (cfg) copyConfig(book, cfg);
      last = await createTemplate(book, { unit: u.name, period: o.period, preparer: o.preparer, matcher });
      if (last.unit !== u.name)
        throw new Refused(`Không tạo được phiếu cho “${u.name}”: tên trùng với “${last.unit}”.`);
      hideConfig(book);
      files.push({ file: targets[i].file, data: await book.toBuffer() });
      const c = unitContact(u);
      done.push({ unit: u.name, code: u.code, file: targets[i].file, contact: Boolean(c.phone || c.email) });
      tick(i + 1, units.length);
    }
    await commitFiles(files);
    const result: AllTemplatesResult = {
      dir: o.outDir,
      period: label,
      registry: { code: registry.code, name: registry.name, source },
      files: done,
      notInPeriod,
      catalogue: last!.catalogue,
      indicators: last!.indicators,
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
