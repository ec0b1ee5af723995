import { STATUSES } from '../formulas/status';
import { looseKey } from '../text/fold';
import { DEFAULT_REGISTRIES } from '../registry/default';
import { positionIn, Registry } from '../registry/schema';
import { columnLetter } from '../workbook/sheet-spec';
import { Submission } from './collect';
import { figureOf } from './kpi';

export type BudgetLevel = 'trung-uong' | 'tinh' | 'thanh-pho' | 'khac';

/**
 * The budget levels a fund source names, highest first. A row funded from several ("NS tỉnh, NS thành phố")
 * is counted under the highest it names, as seed 004 Annex II counts its 50.000 / 13.000 under "Cấp tỉnh":
 * the split between levels is decided later and no official annex prints an unsplit line. This table is the
 * convention (DX_CauHinh does not carry it yet): reorder it to count such rows under another level.
 * `always`: the line is printed even at 0, as the seeds print "Cấp tỉnh: 0".
 */
export const BUDGET_LEVELS: ReadonlyArray<{ level: BudgetLevel; label: string; pattern: RegExp; always: boolean }> = [
  { level: 'trung-uong', label: 'Cấp trung ương:', pattern: /trung uong|\bnstw\b/, always: false },
  { level: 'tinh', label: 'Cấp tỉnh:', pattern: /\btinh\b/, always: true },
  {
    level: 'thanh-pho',
    label: 'Cấp thành phố:',
    pattern: /thanh pho|huyen|thi xa|\btp\b|\bnstp\b|\bxa\b|phuong/,
    always: true,
  },
];

/** The order the totals are printed in: the city's own line first, as the seeds print it. */
const PRINT_ORDER: BudgetLevel[] = ['thanh-pho', 'tinh', 'trung-uong', 'khac'];

export const LEVEL_LABEL: Record<BudgetLevel, string> = {
  'trung-uong': 'Cấp trung ương:',
  tinh: 'Cấp tỉnh:',
  'thanh-pho': 'Cấp thành phố:',
  // Only printed when a row names no budget level at all ("Khác", blank): its money is then still in a line.
  khac: 'Nguồn khác:',
};

export type FundKind = 'Vốn đầu tư' | 'Vốn sự nghiệp';

export interface ProjectRow {
  unit: string;
  /** The section heading the unit wrote above the row, as written (any case), if any. */
  section: string | null;
  /** What the unit wrote in the heading's STT cell ("I", or nothing as in seed 004). */
  sectionStt: string;
  /** The unit's own number for the row ("1", "12", "1.2", "a)"), as written. */
  stt: string;
  /** The task's number when the unit wrote one ("3", "3."): what orders the annex when units share one list. */
  number: number | null;
  /**
   * A part of a task ("1.1", "1.2" under "1"; "a)", "b)"; "-"): the place in its unit's rows (`order[1]`) of the
   * task it is written under, in the same section. Null for a task, and for a part with no task above it.
   */
  partOf: number | null;
  name: string;
  lead: string;
  content: string;
  period: string;
  fundSource: string;
  fundKind: FundKind | null;
  level: BudgetLevel;
  /** Blank when the unit left it blank: never 0. */
  total: number | null;
  yearBudget: number | null;
  /** "Dự kiến nội dung đầu tư năm 2024" (a plan's column). */
  planContent: string;
  /** "Tiến độ thực hiện năm 2023", the unit's progress notes. */
  progress: string;
  assessment: string;
  /** Where the row is, for the source sheet. */
  at: string;
  /** Where its fund kind is (or would be), for the warning of a row no annex lists. */
  kindAt: string;
  /**
   * The unit's place (its rank in the registry's order, never the order the files came in) and the row's place
   * in the unit's tables: the units' own order.
   */
  order: [number, number];
}

/** A section heading with no project or task under it: kept out of the annexes, said in the warnings. */
export interface EmptyHeading {
  unit: string;
  heading: string;
  at: string;
}

/** The project rows of a consolidation, with the headings that had nothing under them. */
export type ProjectRows = ProjectRow[] & { emptyHeadings?: EmptyHeading[] };

/** The highest budget level a fund source names ("NS tỉnh, NS thành phố" → tỉnh); "khac" when none. */
export function budgetLevel(source: string): BudgetLevel {
  const t = looseKey(source);
  return BUDGET_LEVELS.find((l) => l.pattern.test(t))?.level ?? 'khac';
}

/** "Vốn đầu tư", "Đầu tư công", "vốn SỰ NGHIỆP" → the annex it goes to; null when it says neither. */
export function fundKindOf(text: string): FundKind | null {
  const t = looseKey(text);
  if (/dau tu/.test(t) && !/su nghiep/.test(t)) return 'Vốn đầu tư';
  if (/su nghiep/.test(t) && !/dau tu/.test(t)) return 'Vốn sự nghiệp';
  return null;
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** A task's own number: "3", "3." (a number typed in the cell is read as "3"). */
const TASK_NUMBER = /^(\d+)\.?$/;
/** A part of the task above it: "1.1", "1.2.3", "a)", "b.", "đ)", a dash or a bullet. */
const PART = /^(\d+(\.\d+)+\.?|\p{Ll}\s*[).]|[-+*•–])$/u;

/** Does the STT cell mark a part of a task ("1.1", "a)", "-") rather than a task of its own? */
export const isPartLabel = (stt: string) => PART.test(stt);

/**
 * The units in a fixed order, whatever order their files came in: by the place the registry gives (Thứ tự, else
 * its order: the registry the consolidation uses, else the built-in one the unit belongs to), then by name, code
 * and former unit; only two reports of the very same unit keep the order they came in.
 */
function unitRanks(subs: Submission[], registry?: Registry | null): number[] {
  const placeOf = (s: Submission) => {
    const own = positionIn(s.unit, 'I');
    if (own !== undefined) return own;
    const r = registry ?? DEFAULT_REGISTRIES.find((x) => x.code === s.unit.parent);
    const i = r ? r.units.findIndex((u) => u.code === s.unit.code) : -1;
    return i >= 0 ? i + 1 : Number.POSITIVE_INFINITY;
  };
  const keyed = subs.map((s, i) => ({ i, place: placeOf(s), s }));
  keyed.sort(
    (a, b) =>
      a.place - b.place ||
      a.s.unit.name.localeCompare(b.s.unit.name, 'vi') ||
      a.s.unit.code.localeCompare(b.s.unit.code) ||
      (a.s.formerName ?? '').localeCompare(b.s.formerName ?? '', 'vi') ||
      a.i - b.i,
  );
  const rank: number[] = [];
  keyed.forEach((k, r) => (rank[k.i] = r));
  return rank;
}

/**
 * Every unit's T5 rows, in each unit's own order. `registry`: the one the consolidation uses, for the units'
 * order (without it, the built-in registry each unit belongs to).
 */
export function projectRows(subs: Submission[], registry?: Registry | null): ProjectRows {
  const out: ProjectRows = [];
  const emptyHeadings: EmptyHeading[] = [];
  const ranks = unitRanks(subs, registry);
  subs.forEach((s, u) => {
    let k = 0;
    for (const t of s.read.tables.filter((x) => x.table === 'T5')) {
      let section: string | null = null;
      let sectionStt = '';
      // The heading above, until a row is found under it; the last task of the section, for its parts.
      let pending: EmptyHeading | null = null;
      let task: number | null = null;
      const cellAt = (key: string, row: number) =>
        `${t.sheet}!${columnLetter(t.columns[key] ?? t.columns.name ?? 0)}${row + 1}`;
      for (const r of t.rows) {
        if (r.kind === 'group') {
          if (pending) emptyHeadings.push(pending);
          // A heading merged across the row keeps its text in the STT cell ("XÂY DỰNG … (theo Đề án …)").
          const own = str(r.cells.name);
          section = own || str(r.cells.stt) || null;
          sectionStt = own ? str(r.cells.stt) : '';
          pending = section ? { unit: s.unit.name, heading: section, at: cellAt(own ? 'name' : 'stt', r.row) } : null;
          task = null;
          continue;
        }
        if (r.kind !== 'item') continue;
        const name = str(r.cells.name);
        const total = figureOf(r.cells.total);
        // A row continuing a merged name (seed 004 Annex III rows 3–5) has no name of its own but is a task.
        if (!name && !str(r.cells.content) && !str(r.cells.lead) && total === null) continue;
        pending = null;
        const stt = str(r.cells.stt);
        const part = PART.test(stt);
        const number = TASK_NUMBER.exec(stt);
        out.push({
          unit: s.unit.name,
          section,
          sectionStt,
          stt,
          number: number ? Number(number[1]) : null,
          partOf: part ? task : null,
          name,
          lead: str(r.cells.lead) || s.unit.name,
          content: str(r.cells.content),
          period: str(r.cells.period),
          fundSource: str(r.cells.fundSource),
          fundKind: fundKindOf(str(r.cells.fundKind)),
          level: budgetLevel(str(r.cells.fundSource)),
          total,
          yearBudget: figureOf(r.cells.yearBudget),
          planContent: str(r.cells.planContent),
          progress: str(r.cells.progress),
          assessment: str(r.cells.assessment).replace(/^Đã hoàn thành/u, 'Hoàn thành'),
          at: `${t.sheet}!A${r.row + 1}`,
          kindAt: cellAt('fundKind', r.row),
          order: [ranks[u], k],
        });
        // A part with no task above it stands for itself: the parts after it are not its parts.
        if (!part) task = k;
        k++;
      }
      if (pending) emptyHeadings.push(pending);
    }
  });
  out.emptyHeadings = emptyHeadings;
  return out;
}

/**
 * The rows of a list that are parts of a task in the same list: "1.1", "1.2" under "1", "a)" under its task.
 * A part whose task is not in the list (another fund kind, so another annex) is a task of this list.
 */
export function partsIn(rows: ProjectRow[]): Set<ProjectRow> {
  const tasks = new Set(rows.map((r) => `${r.order[0]}:${r.order[1]}`));
  return new Set(rows.filter((r) => r.partOf !== null && tasks.has(`${r.order[0]}:${r.partOf}`)));
}

/** The task a part belongs to, in the same list. */
export function taskOf(rows: ProjectRow[], part: ProjectRow): ProjectRow | undefined {
  return rows.find((r) => r.order[0] === part.order[0] && r.order[1] === part.partOf);
}

/**
 * Projects no annex lists, because their fund kind is neither "Vốn đầu tư" nor "Vốn sự nghiệp" (or the
 * table has no "Loại vốn" column): each said with its unit and cell, never dropped silently.
 */
export function unlistedProjects(rows: ProjectRow[]): string[] {
  return rows
    .filter((p) => !p.fundKind)
    .map(
      (p) =>
        `${p.unit}: ${p.kindAt} — dự án, nhiệm vụ “${p.name || p.stt}” chưa rõ loại vốn (Vốn đầu tư hoặc Vốn sự ` +
        'nghiệp) nên chưa có trong Phụ lục IV, V; hãy chọn ở cột “Loại vốn”.',
    );
}

export interface ProjectTotals {
  byLevel: Array<{ level: BudgetLevel; total: number; yearBudget: number }>;
  total: number;
  yearBudget: number;
}

const sum = (xs: Array<number | null>) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);

/**
 * Sums by budget level and in all. A part's amount is its task's broken down ("1. … 9.000", "1.1 … 3.000"): it is
 * summed only where its task carries no amount of that column, so money is never counted twice and the parts'
 * amounts of a task written without one still count.
 */
export function projectTotals(rows: ProjectRow[]): ProjectTotals {
  const parts = partsIn(rows);
  const amount = (r: ProjectRow, key: 'total' | 'yearBudget') =>
    parts.has(r) && taskOf(rows, r)?.[key] !== null ? null : r[key];
  // A level is printed when a row of it carries money, or always (the seeds print "Cấp tỉnh: 0"): a task with no
  // source and no amount (seed 004 Annex III row 13, "Thường xuyên") makes no "Nguồn khác: 0" line.
  const funded = (r: ProjectRow) => amount(r, 'total') !== null || amount(r, 'yearBudget') !== null;
  const sums = (rs: ProjectRow[]) => ({
    total: sum(rs.map((r) => amount(r, 'total'))),
    yearBudget: sum(rs.map((r) => amount(r, 'yearBudget'))),
  });
  const byLevel = PRINT_ORDER.filter(
    (level) => rows.some((r) => r.level === level && funded(r)) || BUDGET_LEVELS.find((l) => l.level === level)?.always,
  ).map((level) => ({ level, ...sums(rows.filter((r) => r.level === level)) }));
  return { byLevel, ...sums(rows) };
}

/**
 * Tasks per assessment status: "25 nhiệm vụ = 4 + 1 + 19 + 1". The parts of a task ("1.1", "a)") are not tasks:
 * the task is counted once, by its own assessment, as seed 000 §10 counts the rows it numbers 1 to 25.
 */
export function statusCounts(rows: ProjectRow[]): {
  total: number;
  byStatus: Array<{ status: string; count: number }>;
  other: number;
} {
  const parts = partsIn(rows);
  const tasks = rows.filter((r) => !parts.has(r));
  const byStatus = STATUSES.map((status) => ({
    status: status as string,
    count: tasks.filter((r) => r.assessment === status).length,
  }));
  const counted = byStatus.reduce((s, x) => s + x.count, 0);
  return { total: tasks.length, byStatus, other: tasks.length - counted };
}
