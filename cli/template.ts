import * as fs from 'fs';
import { Args, flag, UsageError } from './args';
import { createTemplate } from '../shared/operations/create-template';
import { isDxError } from '../shared/errors/errors';
import { XlsxWorkbook } from '../xlsx/workbook';

/** `dx-report template --unit NAME --period YYYY-MM --out FILE [--config FILE] [--preparer NAME]` */
export async function runTemplate(args: Args, out: (s: string) => void): Promise<number> {
  const unit = flag(args, 'unit');
  const period = flag(args, 'period');
  const target = flag(args, 'out');
  if (!unit || !period || !target)
    throw new UsageError(
      'Cần --unit, --period và --out. ' +
        'Ví dụ: dx-report template --unit "Phường Lộc Thọ" --period 2023-06 --out unit.xlsx',
    );
  if (fs.existsSync(target) && !args.flags.force) {
    out(`Tệp ${target} đã có; không ghi đè (thêm --force để ghi đè).\n`);
    return 1;
  }
  const config = flag(args, 'config');
  const book = new XlsxWorkbook();
  if (config) {
    // The secretariat's edited DX_CauHinh travels into the new workbook.
    const source = await XlsxWorkbook.open(config);
    const [cfg] = await source.read(['DX_CauHinh']);
    if (!cfg) {
      out(`Tệp ${config} không có trang DX_CauHinh.\n`);
      return 1;
    }
    const copy = book.book.addWorksheet('DX_CauHinh');
    cfg.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) copy.getCell(r + 1, c + 1).value = v as never;
      }),
    );
  }
  try {
    const r = await createTemplate(book, { unit, period, preparer: flag(args, 'preparer') });
    await book.save(target);
    if (args.flags.json) out(`${JSON.stringify({ file: target, ...r })}\n`);
    else
      out(
        `Đã tạo ${target}: ${r.unit}, ${r.period}; ${r.sheets.length} trang (${r.sheets.join(', ')}); ` +
          `${r.indicators} chỉ tiêu (${r.catalogue === 'workbook' ? 'theo DX_CauHinh' : 'danh mục mặc định'}).\n`,
      );
    return 0;
  } catch (e) {
    if (isDxError(e)) {
      out(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
