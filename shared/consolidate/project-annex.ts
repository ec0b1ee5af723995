import { looseKey } from '../text/fold';
import { roman } from '../templates/version';
import { columnLetter, SheetSpec } from '../workbook/sheet-spec';
import { AnnexOptions, c, captionFor, opening, Row, sheet } from './annex';
import { LEVEL_LABEL, ProjectRow, projectTotals, statusCounts, unlistedProjects } from './projects';

/** A column of the project annex: its header, width, and the cell a project gives it. */
interface Column {
  header: string;
  width: number;
  cell: (p: ProjectRow, stt: string) => Row[number];
  /** The totals lines carry its sum. */
  sum?: 'total' | 'yearBudget';
}

const ASSESSMENT = 'Đánh giá tiến độ';

/** The year the annex is about ("6 tháng đầu năm 2023" → 2023): the plan columns' headers name it. */
const yearOf = (opts: AnnexOptions) =>
  opts.year ? String(opts.year) : /(19|20)\d{2}(?!.*(19|20)\d{2})/.exec(opts.period ?? '')?.[0];

/**
 * The columns seed 004 and seed 000 print: the fixed ones, and each plan or progress column only when a unit
 * filled it ("Dự kiến nội dung đầu tư năm 2024" in a plan, "Tiến độ thực hiện" in a report). An empty annex
 * shows the year's budget and the assessment, as a report's annex does.
 */
function columnsOf(projects: ProjectRow[], opts: AnnexOptions): Column[] {
  const y = yearOf(opts);
  const year = y ? ` năm ${y}` : ' năm';
  const any = (f: (p: ProjectRow) => unknown) => projects.some((p) => f(p) !== '' && f(p) !== null);
  const empty = projects.length === 0;
  const text = (f: (p: ProjectRow) => string) => (p: ProjectRow) => c(f(p) || null, 'text');
  return [
    { header: 'STT', width: 6, cell: (_, stt) => c(stt || null, 'text') },
    { header: 'Tên dự án, nhiệm vụ', width: 36, cell: text((p) => p.name) },
    { header: 'Cơ quan chủ trì', width: 22, cell: text((p) => p.lead) },
    { header: 'Mục tiêu, nội dung', width: 30, cell: text((p) => p.content) },
    { header: 'Thời gian triển khai', width: 14, cell: text((p) => p.period) },
    { header: 'Nguồn vốn', width: 16, cell: text((p) => p.fundSource) },
    // Blank stays blank: a task without an amount is not a task of 0 đồng.
    { header: 'Tổng mức đầu tư', width: 14, cell: (p) => c(p.total, 'money'), sum: 'total' },
    ...(any((p) => p.planContent)
      ? [{ header: `Dự kiến nội dung đầu tư${year}`, width: 24, cell: text((p) => p.planContent) }]
      : []),
    ...(empty || any((p) => p.yearBudget)
      ? [
          {
            header: `Kế hoạch kinh phí${year}`,
            width: 14,
            cell: (p: ProjectRow) => c(p.yearBudget, 'money'),
            sum: 'yearBudget' as const,
          },
        ]
      : []),
    ...(any((p) => p.progress) ? [{ header: 'Tiến độ thực hiện', width: 28, cell: text((p) => p.progress) }] : []),
    ...(empty || any((p) => p.assessment) ? [{ header: ASSESSMENT, width: 24, cell: text((p) => p.assessment) }] : []),
  ];
}

const sttNumber = (p: ProjectRow) => (/^\d+/.test(p.stt) ? Number(/^\d+/.exec(p.stt)![0]) : null);

/**
 * Rows in the units' own order and numbering: when every row carries a number and no two the same (the units
 * numbered one list between them, as the tasks of seed 004), that numbering orders and numbers the annex;
 * otherwise each unit's rows in its order, numbered on from 1 across the annex as the seeds number them.
 */
function ordered(projects: ProjectRow[]): { rows: ProjectRow[]; stt: (p: ProjectRow) => string } {
  const numbers = projects.map(sttNumber);
  const own = numbers.every((n) => n !== null) && new Set(numbers).size === numbers.length;
  const byPlace = (a: ProjectRow, b: ProjectRow) => a.order[0] - b.order[0] || a.order[1] - b.order[1];
  if (own)
    return { rows: [...projects].sort((a, b) => sttNumber(a)! - sttNumber(b)! || byPlace(a, b)), stt: (p) => p.stt };
  return { rows: [...projects].sort(byPlace), stt: () => '' };
}

/** Phụ lục of projects (investment or recurrent funds): by section, subtotals by budget level, status counts. */
export function projectAnnex(name: string, caption: string, projects: ProjectRow[], opts: AnnexOptions): SheetSpec {
  const columns = columnsOf(projects, opts);
  const headers = columns.map((col) => col.header);
  // Project lists are annual, whatever the range: "… SỬ DỤNG VỐN ĐẦU TƯ NĂM 2023" (seed 000's 6-month report too).
  const title = captionFor(caption, opts.year ? `năm ${opts.year}` : opts.period);
  const { rows, merges } = opening(name, title, headers.length, opts);
  // The unit of amounts in the last column, right-aligned: it ends at the table's right edge, as seed 004 prints.
  rows[rows.length - 1] = [...Array(headers.length - 1).fill(null), c('Đơn vị tính: triệu đồng.', 'unitNote')];
  const top = rows.length;
  rows.push(headers.map((h) => c(h, 'header')));
  // The units' own section headings, as written, when they wrote them; else one section per unit.
  const heading = (p: ProjectRow) => p.section ?? p.unit.toUpperCase();
  const key = (p: ProjectRow) => `${p.section === null ? 'unit' : 'own'}\u0000${looseKey(heading(p))}`;
  const list = ordered(projects);
  const sections = [...new Set(list.rows.map(key))];
  // Headings all the units' own (seed 004: one list between them) keep what they wrote in STT, often nothing;
  // once the product makes a section, every section is numbered I, II, III… as printed, never "I", "", "III".
  const asWritten = list.rows.every((p) => p.section !== null);
  let n = 0;
  sections.forEach((k, si) => {
    const members = list.rows.filter((p) => key(p) === k);
    const first = members[0];
    const number = asWritten ? first.sectionStt : roman(si + 1);
    // The heading spans the row, as the seeds merge it: a long one never runs across the columns' borders.
    merges.push(`B${rows.length + 1}:${columnLetter(headers.length - 1)}${rows.length + 1}`);
    rows.push([
      c(number || null, 'group'),
      c(heading(first), 'group'),
      ...Array(headers.length - 2).fill(c(null, 'group')),
    ]);
    for (const p of members) {
      n++;
      rows.push(columns.map((col) => col.cell(p, list.stt(p) || String(n))));
    }
  });
  const totals = projectTotals(projects);
  const line = (label: string, amounts: { total: number; yearBudget: number }) =>
    columns.map((col, i) => (i === 1 ? c(label, 'total') : col.sum ? c(amounts[col.sum], 'total') : c(null, 'total')));
  for (const l of totals.byLevel) rows.push(line(LEVEL_LABEL[l.level], l));
  rows.push(line('Tổng cộng:', totals));
  // The count per status goes with the assessment column: a plan (seed 004), whose tasks none has assessed yet,
  // prints neither.
  const st = statusCounts(projects);
  if (headers.includes(ASSESSMENT))
    rows.push(
      [],
      [
        c(
          `Tổng số nhiệm vụ: ${st.total}, trong đó: ${st.byStatus.map((s) => `${s.status}: ${s.count}`).join('; ')}` +
            `${st.other ? `; chưa đánh giá: ${st.other}` : ''}.`,
          'note',
        ),
      ],
    );
  return sheet(
    name,
    rows,
    merges,
    columns.map((col) => col.width),
    top,
    1,
  );
}

/**
 * Projects of no annex (no classifiable fund kind): said in the consolidation's warnings, each at its cell.
 * Returns no sheet; it sits in the list of annexes so the projects of every unit are accounted for there.
 */
export function unlistedProjectWarnings(projects: ProjectRow[], warnings: string[]): SheetSpec[] {
  for (const w of unlistedProjects(projects)) if (!warnings.includes(w)) warnings.push(w);
  return [];
}
