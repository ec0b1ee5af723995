import { describeError } from '../shared/errors/describe';
import * as fs from 'fs';
import * as path from 'path';
import { Args, flag, UsageError } from './args';
import { Issue, SEVERITY_LABEL, Summary } from '../shared/validation/issue';
import { validateSheets } from '../shared/validation/validate';
import { XlsxWorkbook } from '../xlsx/workbook';

/** Files named on the command line, folders expanded to the .xlsx files they hold. */
export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  for (const p of inputs) {
    if (fs.existsSync(p) && fs.statSync(p).isDirectory()) {
      for (const f of fs.readdirSync(p).sort())
        if (/\.xlsx$/i.test(f) && !f.startsWith('~$')) out.push(path.join(p, f));
    } else out.push(p);
  }
  return out;
}

/** `dx-report validate FILES... [--json] [--period YYYY-MM]`: 0 no errors, 1 errors, 2 a file unreadable. */
export async function runValidate(args: Args, out: (s: string) => void): Promise<number> {
  if (!args.words.length) throw new UsageError('Cần ít nhất một tệp: dx-report validate unit.xlsx [--json]');
  const files = expandInputs(args.words);
  const issues: Issue[] = [];
  const unreadable: Array<{ file: string; message: string }> = [];
  let tables = 0;
  for (const file of files) {
    let book: XlsxWorkbook;
    try {
      book = await XlsxWorkbook.open(file);
    } catch (e) {
      unreadable.push({ file, message: `Không đọc được tệp: ${describeError(e)}` });
      continue;
    }
    const r = validateSheets(await book.read(), { file: path.basename(file), period: flag(args, 'period') });
    issues.push(...r.issues);
    tables += r.summary.tables;
  }
  const errors = issues.filter((i) => i.severity === 'loi').length;
  const summary: Summary = {
    errors,
    warnings: issues.length - errors,
    byImportance: countBy(issues),
    tables,
    files: files.length,
  };
  if (args.flags.json) {
    out(
      `${JSON.stringify({
        issues: issues.map(({ file, sheet, cell, rule, severity, importance, message, fix }) => ({
          file,
          sheet,
          cell,
          rule,
          severity,
          importance,
          message,
          ...(fix ? { fix } : {}),
        })),
        summary,
        unreadable,
      })}\n`,
    );
  } else {
    for (const u of unreadable) out(`${u.file}: ${u.message}\n`);
    let current = '';
    for (const i of issues) {
      if (files.length > 1 && i.file !== current) {
        current = i.file ?? '';
        out(`\n${current}\n`);
      }
      out(
        `${`${i.sheet}!${i.cell}`.padEnd(22)}  ${i.rule.padEnd(15)} ${i.message}` +
          `${i.severity === 'canh-bao' ? ` (${SEVERITY_LABEL[i.severity]})` : ''}${i.fix ? ` → ${i.fix}` : ''}\n`,
      );
    }
    out(`\n${files.length} tệp, ${tables} bảng: ${errors} lỗi, ${issues.length - errors} cảnh báo.\n`);
  }
  if (unreadable.length) return 2;
  return errors ? 1 : 0;
}

function countBy(issues: Issue[]): Record<string, number> {
  const out: Record<string, number> = { cao: 0, 'trung-binh': 0, thap: 0 };
  for (const i of issues) out[i.importance]++;
  return out;
}
