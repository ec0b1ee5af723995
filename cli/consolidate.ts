import { Args, EXIT, flag, flags, has, UsageError } from './args';
import { ANNEX_SKIPPED, expandInputs, foundLine } from './inputs';
import { commitFiles, existingOwned, HTML_MARKER, OutputTarget, withLocks } from './output';
import { readExamined, unitInputs } from './unit-inputs';
import { configuredBy } from './validate';
import { defaultCatalogue } from '../shared/catalogue/catalogue';
import { consolidateExamined, Consolidation } from '../shared/consolidate/consolidate';
import { htmlReport } from '../shared/consolidate/html-report';
import { tidyCsv } from '../shared/consolidate/tidy';
import { digestLines, digestOf } from '../shared/consolidate/digest';
import { formatNumber, formatPercent } from '../shared/numbers/format';
import { streamedWorkbook } from '../xlsx/stream-writer';
import { reportDocument } from '../shared/report/report';
import { ReportOptions } from '../shared/report/schema';
import { reportBytes } from '../word/report-docx';

/** The HTML report with the product's marker, by which a re-run knows the file as its own. */
export function markedHtml(html: string): string {
  if (html.includes(HTML_MARKER)) return html;
  const at = html.search(/<head[^>]*>/i);
  if (at < 0) return `${HTML_MARKER}\n${html}`;
  const end = html.indexOf('>', at) + 1;
  return `${html.slice(0, end)}${HTML_MARKER}${html.slice(end)}`;
}

/**
 * The annexes' workbook, written anew with the streaming writer. An existing output is replaced only when every
 * sheet of it is the product's (existingOwned), so a new file of this run's sheets is what a re-run leaves:
 * stale annexes of a former run (a Phụ lục II without a registry now) go with it.
 */
export const annexBuffer = (result: Consolidation): Promise<Uint8Array> => streamedWorkbook(result.sheets);

/**
 * `dx-report consolidate FILES_OR_DIRS... --out annexes.xlsx [--html report.html] [--registry FILE]
 * [--period YYYY-MM] [--deadline-day N] [--include-errors] [--allow-empty] [--config FILE] [--mapping FILE]
 * [--json]`: with --registry its units alone are matched and listed as missing; with --config every unit is
 * validated by the master's rules and consolidated with its catalogue.
 */
export async function runConsolidate(args: Args, out: (s: string) => void): Promise<number> {
  const json = has(args, 'json');
  const target = flag(args, 'out')!;
  const html = flag(args, 'html');
  const tidy = flag(args, 'tidy');
  const docx = flag(args, 'docx');
  const inputs = expandInputs(args.words);
  if (inputs.missing.length)
    throw new UsageError(
      `Không tìm thấy ${inputs.missing.map((m) => `“${m}”`).join(', ')}: không tổng hợp, không ghi tệp nào.`,
    );
  const targets: OutputTarget[] = [
    { file: target, role: '--out', kind: 'xlsx' },
    ...(html ? [{ file: html, role: '--html', kind: 'html' as const }] : []),
    ...(tidy ? [{ file: tidy, role: '--tidy', kind: 'csv' as const }] : []),
    ...(docx ? [{ file: docx, role: '--docx', kind: 'docx' as const }] : []),
  ];
  // Named on the command line, an output is an input: refused. Found in a walked folder, it is last run's
  // output (or a file the ownership check refuses), never a unit's report.
  const units = await unitInputs(args, inputs, targets, out);
  if (units === 'refused') return EXIT.usage;
  const { registry, registries, master, configFile } = units;
  if (!json) out(foundLine(inputs));
  if (!json && configFile) out(`${configuredBy(configFile)}\n`);
  return withLocks(targets, async () => {
    // Checked under the lock: what is there now is what would be replaced.
    for (const t of targets) await existingOwned(t);
    const { examined, unreadable, skipped } = await readExamined(args, units, json);
    const deadline = flag(args, 'deadline-day');
    const result = consolidateExamined(examined, {
      period: flag(args, 'period'),
      includeErrors: has(args, 'include-errors'),
      deadlineDay: deadline ? Number(deadline) : undefined,
      reportNo: flag(args, 'report-no'),
      reportDate: flag(args, 'report-date'),
      issuer: flag(args, 'issuer'),
      registry,
      registries,
      master,
      now: new Date(),
    });
    const s = result.summary;
    const empty = s.included.length === 0 && !has(args, 'allow-empty');
    const written = empty ? [] : targets.map((t) => t.file);
    const refusal = empty
      ? `Không có đơn vị nào được tổng hợp: không ghi ${targets.map((t) => `“${t.file}”`).join(', ')} ` +
        '(thêm --allow-empty để vẫn ghi phụ lục rỗng).'
      : '';
    if (!empty) {
      const files: Array<{ file: string; data: Uint8Array | string }> = [
        { file: target, data: await annexBuffer(result) },
      ];
      const catalogue = master?.catalogue ?? defaultCatalogue();
      if (html) files.push({ file: html, data: markedHtml(htmlReport(result, catalogue)) });
      if (tidy) files.push({ file: tidy, data: tidyCsv(result.tidy) });
      if (docx) files.push({ file: docx, data: await reportBytes(reportDocument(result, reportOptions(args))) });
      await commitFiles(files);
    }
    if (json) {
      out(
        `${JSON.stringify({
          file: target,
          written,
          ...(refusal ? { error: refusal } : {}),
          found: { files: inputs.files.length, folders: inputs.folders, repeated: inputs.repeated },
          ...s,
          // The secretariat's summary as the text prints it: period in words, the four lists, the registry.
          digest: digestOf(s, '(--registry)'),
          unreadable,
          skipped,
        })}\n`,
      );
    } else {
      if (!empty)
        out(
          `Đã tổng hợp ${s.included.length} đơn vị vào ${target} (${result.sheets
            .filter((x) => !x.hidden)
            .map((x) => x.name)
            .join(', ')})${html ? `; báo cáo: ${html}` : ''}${tidy ? `; dữ liệu: ${tidy}` : ''}` +
            `${docx ? `; báo cáo Word: ${docx}` : ''}.\n`,
        );
      // The summary's lines, each list complete: period, included, late, left out, not sent, registry.
      for (const line of digestLines(digestOf(s, '(--registry)'))) out(`${line}\n`);
      for (const w of s.warnings) out(`  Cảnh báo: ${w}\n`);
      for (const i of s.indicators)
        out(
          `  ${i.code.padEnd(12)} ${formatNumber(i.numerator)}/${formatNumber(i.denominator)} = ` +
            `${i.rate === null ? '—' : formatPercent(i.rate)}\n`,
        );
      for (const u of unreadable) out(`  Không đọc được ${u}\n`);
      for (const f of skipped) out(`  ${f}: ${ANNEX_SKIPPED}.\n`);
      if (refusal) out(`${refusal}\n`);
    }
    if (unreadable.length) return EXIT.usage;
    return empty ? EXIT.failed : EXIT.ok;
  });
}

/** The report's heading block, recipients and signer, from the flags. */
export function reportOptions(args: Args): ReportOptions {
  return {
    issuer: flag(args, 'issuer'),
    parent: flag(args, 'parent'),
    reportNo: flag(args, 'report-no'),
    reportDate: flag(args, 'report-date'),
    place: flag(args, 'place'),
    recipients: flags(args, 'recipient'),
    signerCapacity: flag(args, 'signer-capacity'),
    signerTitle: flag(args, 'signer-title'),
    signerName: flag(args, 'signer-name'),
  };
}
