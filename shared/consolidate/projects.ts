import { STATUSES } from '../formulas/status';
import { Submission } from './collect';
import { figureOf } from './kpi';

export type BudgetLevel = 'thanh-pho' | 'tinh' | 'hon-hop' | 'khac';
export const LEVEL_LABEL: Record<BudgetLevel, string> = {
  'thanh-pho': 'Cấp thành phố:',
  tinh: 'Cấp tỉnh:',
  'hon-hop': 'NS tỉnh và NS thành phố (chưa tách):',
  khac: 'Nguồn khác:',
};

export interface ProjectRow {
  unit: string;
  /** The section heading the unit wrote above the row, if any. */
  section: string | null;
  name: string;
  lead: string;
  content: string;
  period: string;
  fundSource: string;
  fundKind: 'Vốn đầu tư' | 'Vốn sự nghiệp' | null;
  level: BudgetLevel;
  total: number;
  yearBudget: number;
  assessment: string;
  /** Where the row is, for the source sheet. */
  at: string;
}

/** "NS thành phố" → city, "NS tỉnh" → province; a row funded by both cannot be split and is kept apart. */
export function budgetLevel(source: string): BudgetLevel {
  const t = source.normalize('NFC').toLowerCase();
  const city = /thành phố|huyện|thị xã|tp\b/u.test(t);
  const province = /tỉnh/u.test(t);
  if (city && province) return 'hon-hop';
  if (city) return 'thanh-pho';
  if (province) return 'tinh';
  return 'khac';
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

export function projectRows(subs: Submission[]): ProjectRow[] {
  const out: ProjectRow[] = [];
  for (const s of subs) {
    for (const t of s.read.tables.filter((x) => x.table === 'T5')) {
      let section: string | null = null;
      for (const r of t.rows) {
        if (r.kind === 'group') {
          section = str(r.cells.name) || null;
          continue;
        }
        if (r.kind !== 'item') continue;
        const name = str(r.cells.name);
        if (!name) continue;
        const kind = str(r.cells.fundKind);
        out.push({
          unit: s.unit.name,
          section,
          name,
          lead: str(r.cells.lead) || s.unit.name,
          content: str(r.cells.content),
          period: str(r.cells.period),
          fundSource: str(r.cells.fundSource),
          fundKind: kind === 'Vốn đầu tư' || kind === 'Vốn sự nghiệp' ? kind : null,
          level: budgetLevel(str(r.cells.fundSource)),
          total: figureOf(r.cells.total) ?? 0,
          yearBudget: figureOf(r.cells.yearBudget) ?? 0,
          assessment: str(r.cells.assessment).replace(/^Đã hoàn thành/u, 'Hoàn thành'),
          at: `${t.sheet}!A${r.row + 1}`,
        });
      }
    }
  }
  return out;
}

export interface ProjectTotals {
  byLevel: Array<{ level: BudgetLevel; total: number; yearBudget: number }>;
  total: number;
  yearBudget: number;
}

export function projectTotals(rows: ProjectRow[]): ProjectTotals {
  const levels: BudgetLevel[] = ['thanh-pho', 'tinh', 'hon-hop', 'khac'];
  const byLevel = levels
    .map((level) => {
      const rs = rows.filter((r) => r.level === level);
      return {
        level,
        total: rs.reduce((s, r) => s + r.total, 0),
        yearBudget: rs.reduce((s, r) => s + r.yearBudget, 0),
        n: rs.length,
      };
    })
    .filter((x) => x.n > 0 || x.level === 'thanh-pho' || x.level === 'tinh')
    .map(({ level, total, yearBudget }) => ({ level, total, yearBudget }));
  return {
    byLevel,
    total: rows.reduce((s, r) => s + r.total, 0),
    yearBudget: rows.reduce((s, r) => s + r.yearBudget, 0),
  };
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
