import { STATUSES } from '../formulas/status';
import { looseKey } from '../text/fold';
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
  /** The unit's own number for the row ("1", "12"), as written. */
  stt: string;
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
  /** The unit's place in the consolidation and the row's place in its table: the units' own order. */
  order: [number, number];
}

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

export function projectRows(subs: Submission[]): ProjectRow[] {
  const out: ProjectRow[] = [];
  subs.forEach((s, u) => {
    let k = 0;
    for (const t of s.read.tables.filter((x) => x.table === 'T5')) {
      let section: string | null = null;
      let sectionStt = '';
      const cellAt = (key: string, row: number) =>
        `${t.sheet}!${columnLetter(t.columns[key] ?? t.columns.name ?? 0)}${row + 1}`;
      for (const r of t.rows) {
        if (r.kind === 'group') {
          // A heading merged across the row keeps its text in the STT cell ("XÂY DỰNG … (theo Đề án …)").
          const own = str(r.cells.name);
          section = own || str(r.cells.stt) || null;
          sectionStt = own ? str(r.cells.stt) : '';
          continue;
        }
        if (r.kind !== 'item') continue;
        const name = str(r.cells.name);
        const total = figureOf(r.cells.total);
        // A row continuing a merged name (seed 004 Annex III rows 3–5) has no name of its own but is a task.
        if (!name && !str(r.cells.content) && !str(r.cells.lead) && total === null) continue;
        out.push({
          unit: s.unit.name,
          section,
          sectionStt,
          stt: str(r.cells.stt),
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
          order: [u, k++],
        });
      }
    }
  });
  return out;
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

export function projectTotals(rows: ProjectRow[]): ProjectTotals {
  // A level is printed when a row of it carries money, or always (the seeds print "Cấp tỉnh: 0"): a task with no
  // source and no amount (seed 004 Annex III row 13, "Thường xuyên") makes no "Nguồn khác: 0" line.
  const funded = (r: ProjectRow) => r.total !== null || r.yearBudget !== null;
  const byLevel = PRINT_ORDER.filter(
    (level) => rows.some((r) => r.level === level && funded(r)) || BUDGET_LEVELS.find((l) => l.level === level)?.always,
  ).map((level) => {
    const rs = rows.filter((r) => r.level === level);
    return { level, total: sum(rs.map((r) => r.total)), yearBudget: sum(rs.map((r) => r.yearBudget)) };
  });
  return { byLevel, total: sum(rows.map((r) => r.total)), yearBudget: sum(rows.map((r) => r.yearBudget)) };
}

/** Tasks per assessment status: "25 nhiệm vụ = 4 + 1 + 19 + 1". */
export function statusCounts(rows: ProjectRow[]): {
  total: number;
  byStatus: Array<{ status: string; count: number }>;
  other: number;
} {
  const byStatus = STATUSES.map((status) => ({
    status: status as string,
    count: rows.filter((r) => r.assessment === status).length,
  }));
  const counted = byStatus.reduce((s, x) => s + x.count, 0);
  return { total: rows.length, byStatus, other: rows.length - counted };
}
