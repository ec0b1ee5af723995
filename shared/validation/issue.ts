import { z } from 'zod';
import { Importance } from '../templates/schema';
import { RuleKindIdSchema } from './rule-kinds';

export const Severity = z.enum(['loi', 'canh-bao']);
export type Severity = z.infer<typeof Severity>;
export const SEVERITY_LABEL: Record<Severity, string> = { loi: 'lỗi', 'canh-bao': 'cảnh báo' };
export const IMPORTANCE_LABEL: Record<z.infer<typeof Importance>, string> = {
  cao: 'cao',
  'trung-binh': 'trung bình',
  thap: 'thấp',
};

/** One problem at one cell: what the panes list, the cells get highlighted for, and the CLI prints. */
export const Issue = z.object({
  file: z.string().optional(),
  sheet: z.string(),
  /** A1 address. */
  cell: z.string(),
  /** The kind of problem: an id of the rule-kinds table. */
  rule: RuleKindIdSchema,
  severity: Severity,
  importance: Importance,
  /** Vietnamese, quoting the figures. */
  message: z.string(),
  /** What to write instead, where the product can tell. */
  fix: z.string().optional(),
});
export type Issue = z.infer<typeof Issue>;

export const Summary = z.object({
  errors: z.number().int(),
  warnings: z.number().int(),
  byImportance: z.record(z.string(), z.number().int()),
  tables: z.number().int(),
  files: z.number().int().optional(),
});
export type Summary = z.infer<typeof Summary>;

export function summarise(issues: Issue[], tables: number): Summary {
  const byImportance: Record<string, number> = { cao: 0, 'trung-binh': 0, thap: 0 };
  for (const i of issues) byImportance[i.importance]++;
  return {
    errors: issues.filter((i) => i.severity === 'loi').length,
    warnings: issues.filter((i) => i.severity === 'canh-bao').length,
    byImportance,
    tables,
  };
}

/** Most important first, then by sheet and position, so the list reads like the workbook. */
export function sortIssues(issues: Issue[]): Issue[] {
  const rank = { cao: 0, 'trung-binh': 1, thap: 2 };
  const pos = (cell: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    return m ? Number(m[2]) * 1000 + m[1].charCodeAt(0) : 0;
  };
  return [...issues].sort(
    (a, b) =>
      rank[a.importance] - rank[b.importance] ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      a.sheet.localeCompare(b.sheet) ||
      pos(a.cell) - pos(b.cell),
  );
}
