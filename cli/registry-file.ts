/**
 * A registry file given with --registry: JSON in the Registry shape, or an .xlsx whose first sheet lists Mã đơn
 * vị, Tên đơn vị, Nhóm. `consolidate`, `missing` and `template --all` read a registry only through this.
 */
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './args';
import { describeError } from '../shared/errors/describe';
import { registryFromSheet, RegistryRead } from '../shared/registry/from-sheet';
import { Registry } from '../shared/registry/schema';
import { SheetSnapshot } from '../shared/workbook/port';
import { XlsxWorkbook } from '../xlsx/workbook';

export async function loadRegistryFile(file: string): Promise<RegistryRead> {
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
    const parsed = Registry.safeParse(data);
    return parsed.success
      ? { registry: parsed.data, errors: [] }
      : {
          registry: null,
          errors: [
            { cell: 'JSON', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') },
          ],
        };
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
 * The --registry file's registry (undefined without the flag), or 'refused' once its rows' errors are said,
 * each as FILE!CELL: message.
 */
export async function givenRegistry(
  file: string | undefined,
  out: (s: string) => void,
): Promise<Registry | undefined | 'refused'> {
  if (!file) return undefined;
  const r = await loadRegistryFile(file);
  if (r.registry && !r.errors.length) return r.registry;
  out(`${r.errors.map((e) => `${file}!${e.cell}: ${e.message}`).join('\n')}\n`);
  return 'refused';
}
