import { Args, EXIT, flag, flags, has } from './args';
import { ANNEX_SKIPPED, expandInputs, foundLine, givenMappings } from './inputs';
import { progress } from './progress';
import { readUnits } from './units';
import { loadMaster } from './master';
import { Issue, SEVERITY_LABEL, Summary } from '../shared/validation/issue';

/**
 * `dx-report validate FILES_OR_DIRS... [--json] [--period YYYY-MM] [--config FILE] [--mapping FILE]`: 0 no
 * errors, 1 errors, 2 a file unreadable or nothing to check. Folders are walked with their subfolders; files
 * are only read. With --config every unit is checked by the master's rules and targets, not its own copy's.
 */
export async function runValidate(args: Args, out: (s: string) => void): Promise<number> {
  const json = has(args, 'json');
  const inputs = expandInputs(args.words);
  const files = [...inputs.files, ...inputs.missing];
  const given = givenMappings(flags(args, 'mapping'));
  const configFile = flag(args, 'config');
  // The secretariat's master is read (and refused, with its cells) before any unit.
  const master = configFile ? await loadMaster(configFile) : undefined;
  const issues: Issue[] = [];
  const unreadable: Array<{ file: string; message: string }> = [];
  const skipped: string[] = [];
  let tables = 0;
  const outcomes = await readUnits(
    files,
    { kind: 'validate', mappingFiles: flags(args, 'mapping'), configFile, period: flag(args, 'period') },
    progress(json),
    undefined,
    { given, master },
  );
  for (const o of outcomes) {
    if ('checked' in o) {
      // Each file's issues come in its workbook's order (sheet as the tabs stand, row, column), and the files in
      // the order given: not sorted again here, where the tabs' order is no longer known.
      issues.push(...o.checked.issues);
      tables += o.checked.tables;
    } else if ('skipped' in o) skipped.push(o.file);
    else if ('unreadable' in o)
      // The reason names the file ("Tệp “a.xlsx” là văn bản…") or says what failed; never both twice.
      unreadable.push({
        file: o.file,
        message: /^Tệp /.test(o.unreadable) ? o.unreadable : `Không đọc được tệp: ${o.unreadable}`,
      });
  }
  const checked = files.length - skipped.length;
  const nothing =
    files.length === 0
      ? `Không tìm thấy tệp .xlsx nào trong ${args.words.join(', ')}.`
      : checked === 0
        ? 'Không có phiếu báo cáo nào để kiểm tra.'
        : '';
  const errors = issues.filter((i) => i.severity === 'loi').length;
  const summary: Summary = {
    errors,
    warnings: issues.length - errors,
    byImportance: countBy(issues),
    tables,
    files: checked,
  };
  if (json) {
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
        configuration: configFile ? { file: configFile } : 'built-in',
        unreadable,
        skipped,
        found: { files: inputs.files.length, folders: inputs.folders, repeated: inputs.repeated },
        ...(nothing ? { error: nothing } : {}),
      })}\n`,
    );
  } else {
    out(foundLine(inputs));
    if (configFile) out(`${configuredBy(configFile)}\n`);
    for (const f of skipped) out(`${f}: ${ANNEX_SKIPPED}.\n`);
    for (const u of unreadable) out(`${u.file}: ${u.message}\n`);
    let current = '';
    for (const i of issues) {
      if (checked > 1 && i.file !== current) {
        current = i.file ?? '';
        out(`\n${current}\n`);
      }
      out(
        `${`${i.sheet}!${i.cell}`.padEnd(22)}  ${i.rule.padEnd(15)} ${i.message}` +
          `${i.severity === 'canh-bao' ? ` (${SEVERITY_LABEL[i.severity]})` : ''}${i.fix ? ` → ${i.fix}` : ''}\n`,
      );
    }
    if (nothing) out(`${nothing}\n`);
    else {
      const read = checked - unreadable.length;
      const lost = unreadable.length ? ` (${unreadable.length} tệp không đọc được, chưa kiểm tra)` : '';
      out(`\n${read} tệp, ${tables} bảng: ${errors} lỗi, ${issues.length - errors} cảnh báo${lost}.\n`);
    }
  }
  if (unreadable.length || nothing) return EXIT.usage;
  return errors ? EXIT.failed : EXIT.ok;
}

function countBy(issues: Issue[]): Record<string, number> {
  const out: Record<string, number> = { cao: 0, 'trung-binh': 0, thap: 0 };
  for (const i of issues) out[i.importance]++;
  return out;
}

/** The line saying whose rules were applied. */
export const configuredBy = (file: string) =>
  `Áp dụng cấu hình của văn phòng (trang DX_CauHinh của ${file}): danh mục, chỉ tiêu giao và quy tắc.`;
