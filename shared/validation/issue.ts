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

/** Where an issue sits in its sheet: its row, then its column (both from 0); an address not A1 goes first. */
function position(cell: string): [number, number] {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(cell.trim().toUpperCase());
  if (!m) return [-1, -1];
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return [Number(m[2]) - 1, col];
}

/**
 * In the order the workbook reads: by file, then sheet in the workbook's own order (`sheets`, the tabs as
 * they stand; a sheet not among them after those, by name), then row, then column — AA after Z. Issues
 * of one cell keep the order the checks found them in. Importance does not reorder: the pane groups by it,
 * and the command line and the JSON list the cells as a reader walks the sheets.
 */
export function sortIssues(issues: Issue[], sheets: readonly string[] = []): Issue[] {
  const tab = new Map(sheets.map((s, i) => [s, i] as const));
  const tabOf = (s: string) => tab.get(s) ?? sheets.length;
  const at = new Map(issues.map((i) => [i, position(i.cell)] as const));
  return [...issues].sort((a, b) => {
    const [ra, ca] = at.get(a)!;
    const [rb, cb] = at.get(b)!;
    return (
      (a.file ?? '').localeCompare(b.file ?? '') ||
      tabOf(a.sheet) - tabOf(b.sheet) ||
      (tab.has(a.sheet) ? 0 : a.sheet.localeCompare(b.sheet)) ||
      ra - rb ||
      ca - cb
    );
  });
}

type ImportanceLevel = z.infer<typeof Importance>;

/**
 * How the pane shows an issue: one group for each severity and importance, most pressing first. The
 * group's heading, the issues listed under it and their colour (the severity: red for an error, which
 * holds back "Hoàn thành", yellow for a warning) all come from this one entry, so a heading never says
 * one thing and the colour another ("Mức độ thấp" over a red error).
 */
export interface IssueGroup {
  key: string;
  severity: Severity;
  importance: ImportanceLevel;
  heading: string;
}

const GROUP_SEVERITY: Record<Severity, string> = { loi: 'Lỗi', 'canh-bao': 'Cảnh báo' };

export const ISSUE_GROUPS: readonly IssueGroup[] = Severity.options.flatMap((severity) =>
  Importance.options.map((importance) => ({
    key: `${severity}/${importance}`,
    severity,
    importance,
    heading: `${GROUP_SEVERITY[severity]}, mức độ ${IMPORTANCE_LABEL[importance]}`,
  })),
);

/** The group an issue is listed under. */
export function issueGroup(i: Pick<Issue, 'severity' | 'importance'>): IssueGroup {
  return ISSUE_GROUPS.find((g) => g.severity === i.severity && g.importance === i.importance)!;
}
