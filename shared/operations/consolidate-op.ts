import { consolidate, Consolidation, ConsolidateOptions, OWNED } from '../consolidate/consolidate';
import { SourceRef } from '../consolidate/collect';
import { MaybePromise, SheetSnapshot, WorkbookPort } from '../workbook/port';
import { SheetSpec } from '../workbook/sheet-spec';
import { Grid } from '../tables/read';
import { CONFIG_SHEET } from '../templates/version';
import { Op, runAsync } from './run';
import { CancelledError, ConfigError, NotOwnedError } from '../errors/errors';
import { registryFromSheet } from '../registry/from-sheet';
import { Registry } from '../registry/schema';

export type ConsolidateSummary = ReturnType<typeof consolidate>['summary'] & { sheets: string[] };

export { CancelledError };

/**
 * Writes the annexes into a workbook: sheets the product made (listed in
 * DX_SoHuu) are replaced, any other sheet with an annex's name is left alone
 * and the run refused. Everything is computed before the one write, so a
 * cancelled run leaves nothing half-written.
 */
export function* writeAnnexesOp(
  port: WorkbookPort,
  sources: Array<{ source: SourceRef; sheets: SheetSnapshot[] }>,
  opts: ConsolidateOptions,
  cancelled: () => boolean = () => false,
): Op<ConsolidateSummary> {
  return (yield* consolidateIntoOp(port, sources, opts, cancelled)).summary;
}

/** writeAnnexesOp, keeping the consolidation too: a pane writes its report from this very run. */
export function* consolidateIntoOp(
  port: WorkbookPort,
  sources: Array<{ source: SourceRef; sheets: SheetSnapshot[] }>,
  opts: ConsolidateOptions,
  cancelled: () => boolean = () => false,
): Op<{ result: Consolidation; summary: ConsolidateSummary }> {
  const names = (yield port.sheetNames()) as string[];
  const found = opts.master && opts.registry ? {} : yield* settingsOp(port, names);
  const result = consolidate(sources, {
    ...opts,
    master: opts.master ?? found.master,
    registry: opts.registry ?? found.registry,
  });
  if (cancelled()) throw new CancelledError();
  yield* writeOwnedOp(port, result.sheets, undefined, names);
  if (result.chart) yield port.chart(result.chart);
  return { result, summary: { ...result.summary, sheets: result.sheets.filter((s) => !s.hidden).map((s) => s.name) } };
}

/** The sheet of the consolidation workbook that lists the secretariat's units (its registry). */
export const REGISTRY_SHEET = 'Danh mục đơn vị';

export interface ConsolidationSettings {
  /** Its DX_CauHinh: the rules and targets every unit is validated by. */
  master?: Grid;
  /** Its "Danh mục đơn vị" sheet, as a registry: its units alone are matched and expected. */
  registry?: Registry;
}

/**
 * What the secretariat keeps in its own consolidation workbook, read in one call: DX_CauHinh (the master) and a
 * "Danh mục đơn vị" sheet (the registry: Mã đơn vị, Tên đơn vị, Nhóm or Cấp, Hiệu lực từ/đến, Hình thành từ).
 * A registry row that cannot be read is refused with its cell (ConfigError), never guessed.
 */
export function* settingsOp(port: WorkbookPort, known?: string[], registry = true): Op<ConsolidationSettings> {
  const names = known ?? ((yield port.sheetNames()) as string[]);
  // `registry` false: the registry sheet is not read (nor refused when faulty) where another registry is chosen.
  const wanted = [CONFIG_SHEET, ...(registry ? [REGISTRY_SHEET] : [])].filter((n) => names.includes(n));
  if (!wanted.length) return {};
  const sheets = (yield port.read(wanted)) as SheetSnapshot[];
  const grid = (n: string) => sheets.find((s) => s.name === n)?.values;
  return { master: grid(CONFIG_SHEET), registry: registryOf(grid(REGISTRY_SHEET)) };
}

/** The registry of a "Danh mục đơn vị" sheet, or undefined when there is none. */
export function registryOf(grid: Grid | undefined): Registry | undefined {
  if (!grid) return undefined;
  const read = registryFromSheet(grid, 'DM', 'Danh mục đơn vị của văn phòng');
  if (!read.registry || read.errors.length)
    throw new ConfigError(
      REGISTRY_SHEET,
      read.errors.map((e) => ({ sheet: REGISTRY_SHEET, ...e })),
    );
  return read.registry;
}

/**
 * The one write of a consolidation: the product's own sheets replaced, anyone else's never. An owned sheet
 * this run no longer makes (fewer annexes than last time) is stale: with `remove` (a host that can delete
 * sheets) it is deleted after the write; without, it stays listed in DX_SoHuu, so the next run still
 * knows it as the product's own and never refuses the file over it.
 */
export function* writeOwnedOp(
  port: WorkbookPort,
  sheets: SheetSpec[],
  remove?: (names: string[]) => MaybePromise<void>,
  known?: string[],
): Op<void> {
  const names = known ?? ((yield port.sheetNames()) as string[]);
  const ownedSheet = names.includes(OWNED.sheet) ? ((yield port.read([OWNED.sheet])) as SheetSnapshot[])[0] : undefined;
  const listing = OWNED.read(ownedSheet?.values);
  const owned = new Set(listing.map((r) => String(r.sheet)).concat(OWNED.sheet));
  const clash = sheets.filter((s) => names.includes(s.name) && !owned.has(s.name)).map((s) => s.name);
  if (clash.length) throw new NotOwnedError(clash);
  const writing = new Set(sheets.map((s) => s.name));
  const stale = names.filter((n) => owned.has(n) && !writing.has(n) && n !== OWNED.sheet);
  const kept = listing.filter((r) => stale.includes(String(r.sheet)));
  const listed =
    kept.length && !remove ? sheets.map((s) => (s.name === OWNED.sheet ? keepListed(s, kept) : s)) : sheets;
  yield port.write(
    listed,
    names.filter((n) => owned.has(n)),
  );
  if (stale.length && remove) yield remove(stale);
}

/** DX_SoHuu with the stale sheets still listed as the product's. */
function keepListed(spec: SheetSpec, stale: ReturnType<typeof OWNED.read>): SheetSpec {
  const grid = spec.rows.map((r) => r.map((c) => c?.v ?? null));
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return OWNED.write([...OWNED.read(grid), ...stale].map((r) => ({ sheet: String(r.sheet), kind: text(r.kind) })));
}

export const writeAnnexes = (
  port: WorkbookPort,
  sources: Array<{ source: SourceRef; sheets: SheetSnapshot[] }>,
  opts: ConsolidateOptions,
  cancelled?: () => boolean,
) => runAsync(writeAnnexesOp(port, sources, opts, cancelled));

/** Reads sources one by one, telling the pane how far it got; stops between two sources when cancelled. */
export async function readSources<T>(
  items: T[],
  read: (item: T) => Promise<{ source: SourceRef; sheets: SheetSnapshot[] }>,
  progress: (done: number, total: number, current: string) => void,
  cancelled: () => boolean,
): Promise<Array<{ source: SourceRef; sheets: SheetSnapshot[] }>> {
  const out: Array<{ source: SourceRef; sheets: SheetSnapshot[] }> = [];
  for (let i = 0; i < items.length; i++) {
    if (cancelled()) throw new CancelledError();
    const r = await read(items[i]);
    out.push(r);
    progress(i + 1, items.length, r.source.file ?? r.source.spreadsheet ?? '');
  }
  return out;
}
