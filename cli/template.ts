import * as fs from 'fs';
import { Args, EXIT, flag, has } from './args';
import { configSheet } from './master';
import { checkTargets, commitFiles, existingOwned, OutputTarget, withLocks } from './output';
import { createTemplate } from '../shared/operations/create-template';
import { XlsxWorkbook } from '../xlsx/workbook';

/**
 * `dx-report template --unit NAME --period YYYY-MM --out FILE [--config FILE] [--preparer NAME] [--force]`:
 * an existing --out is refused unless --force (a unit's filled workbook is never replaced by accident);
 * --config is only read.
 */
export async function runTemplate(args: Args, out: (s: string) => void): Promise<number> {
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
