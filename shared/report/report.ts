import { applicableTarget } from '../catalogue/catalogue';
import { parseDay } from '../dates/date';
import { spanWords } from '../dates/period';
import { formatNumber as n, formatPercent } from '../numbers/format';
import { Consolidation } from '../consolidate/consolidate';
import { rateOf, Sums } from '../consolidate/kpi';
import { systemRows, systemsCountLine } from '../consolidate/systems-annex';
import { SheetSpec } from '../workbook/sheet-spec';
import { annexBlocks, appendedAnnexes, cellText } from './annex-tables';
import {
  GROUP_ORDER,
  GROUP_SUBJECT,
  INDICATOR_PHRASES,
  REPORT_TEXT,
  STATUS_WORDS,
  TABLE_PHRASES,
  Values,
} from './phrases';
import { Block, Paragraph, ReportDoc, ReportOptions, Run, TableCell } from './schema';

/*
 * The report (issue 14) from a consolidation: the form of Decree 30/2020/NĐ-CP (heading block, "BÁO CÁO" and
 * its excerpt, numbered sections, "Nơi nhận", the signer's block), every figure from the consolidated tables in
 * the seeds' own sentences, what units wrote under their headings, and the annexes appended as tables.
 */

const p = (text: string | Run[], more: Partial<Omit<Paragraph, 'kind' | 'runs'>> = {}): Paragraph => ({
  kind: 'paragraph',
  runs: typeof text === 'string' ? [{ text }] : text,
  align: more.align ?? 'justify',
  role: more.role ?? 'body',
  indent: more.indent ?? true,
  ...(more.size ? { size: more.size } : {}),
});
const heading = (text: string) => p([{ text, bold: true }], { role: 'heading' });
const subheading = (text: string) => p([{ text, bold: true }], { role: 'subheading' });
const placeholder = (text: string) => p([{ text, italic: true }], { role: 'placeholder' });

/** "Thành phố Nha Trang" → "thành phố Nha Trang"; "UBND thành phố Nha Trang" → "thành phố Nha Trang". */
export function scopeName(name: string | undefined): string | null {
  const t = name?.replace(/^(UBND|Ủy ban nhân dân)\s+/i, '').trim();
  return t ? t[0].toLowerCase() + t.slice(1) : null;
}

/** "Khánh Hòa, ngày 11 tháng 5 năm 2023"; blanks to fill by hand where the date or place is not given. */
export function placeDate(place: string | undefined, date: string | undefined): string {
  const d = date ? parseDay(date) : null;
  const where = place?.trim() || REPORT_TEXT.blank;
  return d
    ? `${where}, ngày ${d.d} tháng ${d.m} năm ${d.y}`
    : `${where}, ngày ${REPORT_TEXT.blank} tháng ${REPORT_TEXT.blank} năm ${REPORT_TEXT.blank}`;
}

/** "Số: 1372/BC-BCĐCĐS"; the form's blanks when the number is not given yet. */
function numberLine(reportNo: string | undefined): string {
  return `Số: ${reportNo?.trim() || `${REPORT_TEXT.blank}/BC-${REPORT_TEXT.blank}`}`;
}

/** The two-column heading block: bodies and number left, motto and place-date right; no borders. */
function headingBlock(o: ReportOptions): Block {
  const left: TableCell = {
    text: '',
    align: 'center',
    lines: [
      ...(o.parent ? [{ text: o.parent.toUpperCase(), size: 12 }] : []),
      { text: (o.issuer || REPORT_TEXT.blank).toUpperCase(), bold: true, size: 12 },
      { text: '———', size: 10 },
      { text: numberLine(o.reportNo), size: 13 },
    ],
  };
  const right: TableCell = {
    text: '',
    align: 'center',
    lines: [
      { text: REPORT_TEXT.motto, bold: true, size: 12 },
      { text: REPORT_TEXT.mottoLine, bold: true, size: 14 },
      { text: '———————', size: 10 },
      { text: placeDate(o.place, o.reportDate), italic: true, size: 14 },
    ],
  };
  return { kind: 'table', header: [], rows: [[left, right]], widths: [42, 58], borderless: true };
}

/** Each group's figures of one unit table, and the whole's: summed over the consolidated units. */
function tableSums(c: Consolidation, table: string): Array<{ group: string; values: Values }> {
  const by = new Map<string, Values>();
  for (const r of c.tidy) {
    const [t, rest] = r.figure.split('/');
    if (t !== table || r.value === null) continue;
    const field = rest.split('#')[0];
    const g = by.get(r.unit_group) ?? {};
    g[field] = (g[field] ?? 0) + r.value;
    by.set(r.unit_group, g);
  }
  return GROUP_ORDER.filter((g) => by.has(g)).map((group) => ({ group, values: by.get(group)! }));
}

const totalOf = (parts: Values[]): Values => {
  const out: Values = {};
  for (const x of parts) for (const [k, v] of Object.entries(x)) out[k] = (out[k] ?? 0) + (v ?? 0);
  return out;
};

/** Who a group is in a sentence: the body itself by its name ("UBND thành phố Nha Trang"). */
function subjectOf(c: Consolidation, group: string): string {
  if (group === 'cap-tinh') {
    const own = c.collected.included.filter((s) => s.unit.group === 'cap-tinh');
    if (own.length === 1) return own[0].unit.name;
  }
  return GROUP_SUBJECT[group] ?? group;
}

/** "Toàn thành phố Nha Trang", "Toàn tỉnh Khánh Hòa": the whole, after the groups. */
function wholeOf(c: Consolidation): string {
  const scope = scopeName(c.summary.registry?.name);
  return scope ? `Toàn ${scope}` : 'Tổng cộng các đơn vị';
}

/** A table's lines: one per group that filled it, then the whole when there are several groups. */
function tableLines(c: Consolidation, table: string): string[] {
  const phrase = TABLE_PHRASES[table];
  const groups = tableSums(c, table).filter((g) => phrase.needs.every((k) => g.values[k] != null));
  const lines = groups.flatMap((g) => phrase.lines(subjectOf(c, g.group), g.values));
  if (groups.length > 1) lines.push(...phrase.lines(wholeOf(c), totalOf(groups.map((g) => g.values))));
  return lines;
}

/** The indicators the seeds tell in words, per group and in total, with the target where one applies. */
function indicatorLines(c: Consolidation): string[] {
  const out: string[] = [];
  for (const code of c.kpi.codes.filter((k) => INDICATOR_PHRASES[k])) {
    const phrase = INDICATOR_PHRASES[code];
    const parts: Array<[string, Sums]> = GROUP_ORDER.flatMap((g) => {
      const s = c.kpi.byGroup.get(g)?.get(code);
      return s && s.denominator > 0 ? [[subjectOf(c, g), s] as [string, Sums]] : [];
    });
    const total = c.kpi.total.get(code)!;
    if (parts.length > 1) parts.push([wholeOf(c), total]);
    const ind = c.catalogue.find((i) => i.code === code);
    const target = ind && c.range ? applicableTarget(ind, Math.floor(c.range.last / 12)) : undefined;
    parts.forEach(([subject, s], i) => {
      const r = rateOf(s);
      if (r === null) return;
      const last = i === parts.length - 1 && target ? ` (chỉ tiêu: ${target.text})` : '';
      out.push(`${phrase(subject, s.numerator, s.denominator, formatPercent(r))}${last}.`);
    });
  }
  return out;
}

const rowsOf = (s: SheetSpec | undefined) => s?.rows ?? [];
const sheetNamed = (c: Consolidation, name: string) => c.sheets.find((s) => s.name === name);
const isGroupRow = (r: SheetSpec['rows'][number]) => /^[IVX]+$/.test(cellText(r[0]));
const isUnitRow = (r: SheetSpec['rows'][number]) => /^\d+\.$/.test(cellText(r[0]));

/** "Sở, ban, ngành" → "sở, ban, ngành"; "Các đơn vị sự nghiệp …" → "đơn vị sự nghiệp …"; "UBND …" stays. */
const inCount = (label: string) => {
  const t = label.replace(/^Các\s+/i, '');
  return /^UBND\b/.test(t) ? t : t[0].toLowerCase() + t.slice(1);
};

/**
 * Seed 000 §7's sentence from Phụ lục III as written: "có 9/12 cơ quan chuyên môn, 7/9 đơn vị sự nghiệp, 27/27
 * UBND xã, phường đã ban hành Kế hoạch chuyển đổi số năm 2023" — one sentence per plan column.
 */
function planLines(c: Consolidation): string[] {
  const rows = rowsOf(sheetNamed(c, 'Phụ lục III'));
  const header = rows.find((r) => cellText(r[0]) === 'STT');
  if (!header) return [];
  const plans = header
    .slice(2)
    .map(cellText)
    .filter((h) => h.startsWith('Kế hoạch'));
  return plans.map((plan, k) => {
    const counts: string[] = [];
    let group: { label: string; done: number; all: number } | null = null;
    const flush = () => group && group.all && counts.push(`${group.done}/${group.all} ${inCount(group.label)}`);
    for (const r of rows.slice(rows.indexOf(header) + 1)) {
      if (isGroupRow(r)) {
        flush();
        group = { label: cellText(r[1]), done: 0, all: 0 };
      } else if (isUnitRow(r) && group) {
        group.all++;
        if (cellText(r[2 + k]).startsWith('X')) group.done++;
      }
    }
    flush();
    return `- Có ${counts.join(', ')} đã ban hành ${plan}.`;
  });
}

/** Who reported late and who did not, from Phụ lục II's months of the range and the registry. */
function reportingLines(c: Consolidation): string[] {
  const rows = rowsOf(sheetNamed(c, 'Phụ lục II'));
  const header = rows.find((r) => cellText(r[0]) === 'STT');
  const months = c.range
    ? Array.from({ length: c.range.last - c.range.first + 1 }, (_, i) =>
        spanWords({ first: c.range!.first + i, last: c.range!.first + i }),
      )
    : [];
  const cols = header
    ? header.flatMap((h, i) => (months.some((m) => cellText(h).toLowerCase().includes(m)) ? [i] : []))
    : [];
  const late = new Set<string>();
  for (const r of rows.filter(isUnitRow))
    if (cols.some((i) => cellText(r[i]).includes('trễ hạn'))) late.add(cellText(r[1]));
  const s = c.summary;
  const expected = s.registry?.units ?? s.included.length + s.missing.length;
  const out = [`- Đã nhận và tổng hợp báo cáo của ${n(s.included.length)}/${n(expected)} đơn vị.`];
  out.push(
    late.size ? `- Gửi báo cáo trễ hạn (${n(late.size)}): ${[...late].join(', ')}.` : '- Không có đơn vị gửi trễ hạn.',
  );
  out.push(
    s.missing.length
      ? `- Chưa gửi báo cáo (${n(s.missing.length)}): ${s.missing.join(', ')}.`
      : '- Tất cả các đơn vị đã gửi báo cáo.',
  );
  // Why each was left out is the secretariat's business (Nguồn số liệu says it); the report names them.
  if (s.excluded.length)
    out.push(
      `- Đã gửi nhưng phiếu còn lỗi, chưa tổng hợp (${n(s.excluded.length)}): ` +
        `${s.excluded.map((e) => e.unit ?? e.source).join(', ')}.`,
    );
  return out;
}

/** Seed 000 §10: "Tổng số nhiệm vụ: 25, trong đó: 4 hoàn thành đúng hạn, 1 hoàn thành trễ hạn, …". */
function taskLines(c: Consolidation): string[] {
  const { statuses, total, yearBudget } = c.summary.projects;
  // Tasks, not rows: a task's parts ("1.1", "a)") are not counted as tasks of their own.
  const count = statuses.total;
  if (!count) return [];
  const parts = statuses.byStatus.map((x) => `${n(x.count)} ${STATUS_WORDS[x.status]}`);
  if (statuses.other) parts.push(`${n(statuses.other)} chưa đánh giá`);
  return [
    `- Tổng số nhiệm vụ: ${n(count)}, trong đó: ${parts.join(', ')}.`,
    `- Tổng mức đầu tư ${n(total)} triệu đồng; kế hoạch kinh phí năm ${n(yearBudget)} triệu đồng ` +
      '(chi tiết tại Phụ lục IV, V).',
  ];
}

/** Seed 001: "Toàn tỉnh hiện có 25/30 hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ". */
function systemLines(c: Consolidation): string[] {
  const rows = systemRows(c.reports, c.range);
  if (!rows.length) return [];
  const open = rows.filter((r) => !r.approved).length;
  return [
    `- ${wholeOf(c)} hiện có ${systemsCountLine(rows)}` +
      (open ? `; còn ${n(open)}/${n(rows.length)} hệ thống chưa được phê duyệt (chi tiết tại Phụ lục VIII).` : '.'),
  ];
}

type NoteKind = 'results' | 'difficulties' | 'proposals';

/** What units wrote under one heading, by unit in the order of the consolidation; a placeholder if nothing. */
function noteBlocks(c: Consolidation, kind: NoteKind): Block[] {
  const out: Block[] = [];
  for (const s of c.collected.included) {
    const items = s.read.notes?.[kind] ?? [];
    if (!items.length) continue;
    out.push(p([{ text: `- ${s.unit.name}:`, bold: true }]));
    for (const it of items) out.push(p(`+ ${it.text}`));
  }
  return out.length ? out : [placeholder(REPORT_TEXT.placeholder)];
}

/** The closing block: "Nơi nhận:" left, the signer right, room for the signature and seal. */
function signatureBlock(o: ReportOptions): Block {
  const recipients = o.recipients?.length ? o.recipients : [REPORT_TEXT.blank];
  const left: TableCell = {
    text: '',
    align: 'left',
    lines: [
      { text: REPORT_TEXT.recipients, bold: true, italic: true, size: 12 },
      ...recipients.map((r) => ({ text: `- ${r.replace(/^-\s*/, '').replace(/;?$/, ';')}`, size: 11 })),
      { text: REPORT_TEXT.archive, size: 11 },
    ],
  };
  const right: TableCell = {
    text: '',
    align: 'center',
    lines: [
      ...(o.signerCapacity ? [{ text: o.signerCapacity.toUpperCase(), bold: true, size: 14 }] : []),
      { text: (o.signerTitle || REPORT_TEXT.blank).toUpperCase(), bold: true, size: 14 },
      { text: '', size: 14 },
      { text: '', size: 14 },
      { text: '', size: 14 },
      { text: o.signerName || REPORT_TEXT.blank, bold: true, size: 14 },
    ],
  };
  return { kind: 'table', header: [], rows: [[left, right]], widths: [50, 50], borderless: true };
}

/** The report in the official form, from a consolidation and what the secretariat says of it. */
export function reportDocument(c: Consolidation, options: ReportOptions = {}): ReportDoc {
  const o = ReportOptions.parse(options);
  const period = c.summary.period ?? '';
  const scope = scopeName(c.summary.registry?.name);
  const excerpt = ['Tình hình chuyển đổi số', scope, period].filter(Boolean).join(' ');
  const body: Block[] = [
    headingBlock(o),
    p([{ text: REPORT_TEXT.title, bold: true }], { align: 'center', role: 'title', indent: false, size: 14 }),
    p([{ text: excerpt, bold: true }], { align: 'center', role: 'title', indent: false, size: 14 }),
    heading(`I. ${REPORT_TEXT.results}`),
  ];
  let k = 0;
  const part = (title: string, blocks: Block[]) => body.push(subheading(`${++k}. ${title}`), ...blocks);
  const lines = (xs: string[]) => (xs.length ? xs.map((x) => p(x)) : [placeholder(REPORT_TEXT.noFigures)]);
  const indicators = sheetNamed(c, 'Phụ lục VI');
  const table = indicators ? annexBlocks(indicators).filter((b) => b.kind === 'table') : [];
  part(REPORT_TEXT.indicators, [...lines(indicatorLines(c)), ...table]);
  for (const t of ['T2', 'T3b', 'T3c', 'T3e', 'T3a', 'T4']) {
    const xs = tableLines(c, t);
    if (xs.length) part(TABLE_PHRASES[t].heading, lines(xs));
  }
  const plans = planLines(c);
  if (plans.length) part(REPORT_TEXT.plans, lines(plans));
  const systems = systemLines(c);
  if (systems.length) part(REPORT_TEXT.systems, lines(systems));
  const tasks = taskLines(c);
  if (tasks.length) part(REPORT_TEXT.tasks, lines(tasks));
  part(REPORT_TEXT.reporting, lines(reportingLines(c)));
  part(REPORT_TEXT.highlights, noteBlocks(c, 'results'));
  body.push(heading(`II. ${REPORT_TEXT.difficulties}`), ...noteBlocks(c, 'difficulties'));
  body.push(heading(`III. ${REPORT_TEXT.proposals}`), ...noteBlocks(c, 'proposals'));
  const who = o.issuer || REPORT_TEXT.blank;
  body.push(p(`Trên đây là báo cáo tình hình chuyển đổi số ${period} của ${who}./.`), signatureBlock(o));
  const annexes = appendedAnnexes(c.sheets).map((s) => ({ landscape: true, blocks: annexBlocks(s) }));
  return ReportDoc.parse({
    title: `Báo cáo ${excerpt[0].toLowerCase()}${excerpt.slice(1)}`,
    sections: [{ landscape: false, blocks: body }, ...annexes],
  });
}
