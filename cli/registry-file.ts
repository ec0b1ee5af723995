/**
 * A registry file given with --registry: JSON in the Registry shape, or an .xlsx whose first sheet lists Mã đơn
 * vị, Tên đơn vị, Nhóm. `consolidate`, `missing` and `template --all` read a registry only through this.
 */
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './args';
import { describeError } from '../shared/errors/describe';
import { defaultCatalogue } from '../shared/catalogue/catalogue';
import { registryFromSheet, RegistryRead } from '../shared/registry/from-sheet';
import { unknownMarkedCodes } from '../shared/registry/not-applicable';
import { Registry } from '../shared/registry/schema';
import { SheetSnapshot } from '../shared/workbook/port';
import { XlsxWorkbook } from '../xlsx/workbook';

/**
 * The indicator codes a registry may mark "Không áp dụng": the built-in catalogue's (a registry sheet is checked
 * against the same; an indicator of a secretariat's own DX_CauHinh is not yet one a registry can mark).
 */
const knownCodes = () => defaultCatalogue().map((i) => i.code);

/** A `registry --json` listing of several registries: `{"registries": [...]}` with more than one. */
function listing(data: unknown): unknown[] | null {
  if (typeof data !== 'object' || data === null || 'units' in data) return null;
  const list = (data as { registries?: unknown }).registries;
  return Array.isArray(list) && list.length > 1 ? list : null;
}

/** Each registry of a listing, or the listing's errors, each at its place (`registries.1.units.2.code`). */
function readListing(list: unknown[]): RegistryRead & { registries?: Registry[] } {
  const registries: Registry[] = [];
  const errors: RegistryRead['errors'] = [];
  list.forEach((item, i) => {
    const parsed = Registry.safeParse(item);
    const unknown = parsed.success ? unknownMarkedCodes(parsed.data, knownCodes()) : [];
    for (const u of unknown) errors.push({ cell: u.cell, message: `registries.${i}.${u.message}` });
    if (parsed.success) registries.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        errors.push({ cell: 'JSON', message: `registries.${[i, ...issue.path].join('.')}: ${issue.message}` });
  });
  return errors.length ? { registry: null, errors } : { registry: null, registries, errors };
}

/**
 * The file's registry. `several`: a listing of several registries (what `registry --json` prints) is taken too,
 * as `registries` — a consolidation chooses among them as it does among the built-in ones; elsewhere it is
 * refused, since a unit's template or a list of templates needs one registry.
 */
export async function loadRegistryFile(
  file: string,
  several = false,
): Promise<RegistryRead & { registries?: Registry[] }> {
  const code = path
    .basename(file)
    .replace(/\.[^.]+$/, '')
    .toUpperCase();
  if (/\.json$/i.test(file)) {
    let data: unknown;
    try {
      data = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      // JSON.parse's own sentence is English: describeError says it in Vietnamese, with the file.
      throw new UsageError(describeError(e, file));
    }
    const list = several ? listing(data) : null;
    if (list) return readListing(list);
    const parsed = Registry.safeParse(data);
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return { registry: null, errors: [{ cell: 'JSON', message }] };
    }
    // Its marked codes checked as a registry sheet's cells are.
    const unknown = unknownMarkedCodes(parsed.data, knownCodes());
    return unknown.length ? { registry: null, errors: unknown } : { registry: parsed.data, errors: [] };
  }
  let first: SheetSnapshot | undefined;
  try {
    [first] = await (await XlsxWorkbook.open(file)).read();
  } catch (e) {
    throw new UsageError(`Không đọc được tệp danh mục “${file}”: ${describeError(e)}`);
  }
  return registryFromSheet(first?.values ?? [], code, path.basename(file));
}

/**
 * The --registry file's registry, or its registries when it lists several (undefined without the flag), or
 * 'refused' once its rows' errors are said, each as FILE!CELL: message.
 */
export async function givenRegistry(
  file: string | undefined,
  out: (s: string) => void,
): Promise<Registry | Registry[] | undefined | 'refused'> {
  if (!file) return undefined;
  const r = await loadRegistryFile(file, true);
  if (r.registries && !r.errors.length) return r.registries;
  if (r.registry && !r.errors.length) return r.registry;
  out(`${r.errors.map((e) => `${file}!${e.cell}: ${e.message}`).join('\n')}\n`);
  return 'refused';
}
