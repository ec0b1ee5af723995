import { looseKey } from '../text/fold';
import { roman } from '../templates/version';
import { columnLetter, SheetSpec } from '../workbook/sheet-spec';
import { AnnexOptions, c, captionFor, opening, Row, sheet } from './annex';
import {
  isPartLabel,
  LEVEL_LABEL,
  partsIn,
  ProjectRow,
  ProjectRows,
  projectTotals,
  statusCounts,
  unlistedProjects,
} from './projects';

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

/** A task and its parts ("1" with "1.1", "1.2"; a task with its "a)", "b)"), in the unit's order. */
interface Block {
  task: ProjectRow;
  parts: ProjectRow[];
  /** Its unit numbers its tasks in the list the units share. */
  listed: boolean;
}

/**
 * Rows in the units' own order and numbering. Each unit's rows keep its order, a task's parts with it. Units
 * that number one list between them (seed 004: the secretariat's plan numbers the tasks 1 to 19 across the units)
 * are interleaved by those numbers, a row without a number following the one before it; a unit whose numbers
 * repeat another's (each unit numbering from 1) or go backwards is not in that list: its rows come after the
 * list's, as it wrote them. Only that unit loses its place in the list, never the others. Ties, and units
 * outside the list, go in the registry's order (`order[0]`), so the files' order never decides. Which of two
 * units numbering alike keeps the list is decided by that order too.
 */
function blocksInOrder(projects: ProjectRow[]): Block[] {
  const parts = partsIn(projects);
  const byUnit = new Map<number, Block[]>();
  const own = [...projects].sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  for (const p of own) {
    const blocks = byUnit.get(p.order[0]) ?? [];
    byUnit.set(p.order[0], blocks);
    const task = parts.has(p) ? blocks.find((b) => b.task.order[1] === p.partOf) : undefined;
    if (task) task.parts.push(p);
    else blocks.push({ task: p, parts: [], listed: false });
  }
  const taken = new Set<number>();
  const keyed: Array<{ block: Block; key: number[] }> = [];
  for (const [rank, blocks] of byUnit) {
    const numbers = blocks.flatMap((b) => (b.task.number === null || parts.has(b.task) ? [] : [b.task.number]));
    const listed =
      numbers.length > 0 &&
      numbers.every((n, i) => i === 0 || n > numbers[i - 1]) &&
      !numbers.some((n) => taken.has(n));
    if (listed) numbers.forEach((n) => taken.add(n));
    // A row without a number comes after the numbered one before it; before the unit's first number, just before it.
    let at = listed ? numbers[0] - 0.5 : 0;
    blocks.forEach((block, i) => {
      block.listed = listed;
      if (listed && block.task.number !== null) at = block.task.number;
      keyed.push({ block, key: listed ? [0, at, rank, i] : [1, rank, 0, i] });
    });
  }
  const compare = (a: number[], b: number[]) => a.reduce((d, x, i) => d || x - b[i], 0);
  return keyed.sort((a, b) => compare(a.key, b.key)).map((k) => k.block);
}

/**
 * A part's number under its task's: "1.2" under a task printed 3 is "3.2"; letters and dashes as written, and a
 * dotted number that is not its task's ("2.1" under "1") as written too.
 */
function partLabel(part: ProjectRow, task: ProjectRow, printed: string): string {
  const dotted = /^(\d+)(\..*)$/.exec(part.stt);
  return dotted && task.number !== null && Number(dotted[1]) === task.number ? `${printed}${dotted[2]}` : part.stt;
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
  const blocks = blocksInOrder(projects);
  // A section takes the place of its first row; its rows follow in the annex's order.
  const sections = [...new Set(blocks.map((b) => key(b.task)))];
  // Headings all the units' own and none numbered (seed 004: one list between them) print no number, as there;
  // otherwise every section is numbered I, II, III… in the annex's order, whatever each unit wrote (two units
  // each writing "I" make I and II, never "I", "I"; a unit's "I" beside a heading written bare, never "I", "").
  const bare = blocks.every((b) => b.task.section !== null && !b.task.sectionStt);
  // The tasks of the list keep the numbers their units wrote when those are the annex's 1 to M (seed 004's 1 to
  // 19, across sections), and the tasks of units outside it are numbered on from M + 1 after them: one unit
  // numbering from 1 never renumbers the others. When the list's numbers are not 1 to M (a gap where a task went
  // to the other annex, a row of it without a number), the annex numbers all its tasks 1, 2, 3… in its order, as
  // the seeds number across sections. A part keeps its place under its task and its number under the task's.
  const inList = blocks.filter((b) => b.listed && !isPartLabel(b.task.stt));
  const keep =
    inList.every((b) => b.task.number !== null && b.task.number >= 1) &&
    Math.max(0, ...inList.map((b) => b.task.number ?? 0)) === inList.length;
  let n = keep ? inList.length : 0;
  sections.forEach((k, si) => {
    const members = blocks.filter((b) => key(b.task) === k);
    const first = members[0].task;
    // The heading spans the row, as the seeds merge it: a long one never runs across the columns' borders.
    merges.push(`B${rows.length + 1}:${columnLetter(headers.length - 1)}${rows.length + 1}`);
    rows.push([
      c(bare ? null : roman(si + 1), 'group'),
      c(heading(first), 'group'),
      ...Array(headers.length - 2).fill(c(null, 'group')),
    ]);
    for (const { task, parts, listed } of members) {
      // A part with no task above it in this annex ("a)" right under the heading) stands as written.
      const printed = isPartLabel(task.stt) ? task.stt : keep && listed ? String(task.number) : String(++n);
      rows.push(columns.map((col) => col.cell(task, printed)));
      for (const p of parts) rows.push(columns.map((col) => col.cell(p, partLabel(p, task, printed))));
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
export function unlistedProjectWarnings(projects: ProjectRows, warnings: string[]): SheetSpec[] {
  const empty = (projects.emptyHeadings ?? []).map(
    (h) =>
      `${h.unit}: ${h.at} — đề mục “${h.heading}” không có dự án, nhiệm vụ nào bên dưới nên không có trong Phụ ` +
      'lục IV, V; hãy ghi các dự án, nhiệm vụ dưới đề mục hoặc xóa đề mục.',
  );
  for (const w of [...unlistedProjects(projects), ...empty]) if (!warnings.includes(w)) warnings.push(w);
  return [];
}
