import { UsageError } from './args';
import { describeError } from '../shared/errors/describe';
import { ConfigError } from '../shared/errors/errors';
import { MasterConfig, readMaster } from '../shared/templates/config-sheet';
import { CONFIG_SHEET } from '../shared/templates/version';
import { SheetSnapshot } from '../shared/workbook/port';
import { XlsxWorkbook } from '../xlsx/workbook';

/**
 * The DX_CauHinh sheet of the secretariat's master workbook (`--config`), read only. A file that cannot be
 * read, or has no such sheet, is a usage error naming the file.
 */
export async function configSheet(file: string): Promise<SheetSnapshot> {
  let sheet: SheetSnapshot | undefined;
  try {
    [sheet] = await (await XlsxWorkbook.open(file)).read([CONFIG_SHEET]);
  } catch (e) {
    throw new UsageError(`Không đọc được tệp cấu hình “${file}”: ${describeError(e)}`);
  }
  if (!sheet) throw new UsageError(`Tệp cấu hình “${file}” không có trang ${CONFIG_SHEET}.`);
  return sheet;
}

/** The master configuration of `--config`: its rows refused, if any, each with its cell, before any unit is read. */
export async function loadMaster(file: string): Promise<MasterConfig> {
  const sheet = await configSheet(file);
  try {
    return readMaster(sheet.values);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(`Tệp cấu hình “${file}”: ${describeError(e)}`);
    throw e;
  }
}
