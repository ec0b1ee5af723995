import { Indicator } from '../catalogue/schema';
import { formatDay, parseDay } from '../dates/date';
import { UnitWorkbookRead } from '../reading/unit-workbook';
import { UnitMatcher } from '../registry/match';
import { Registry } from '../registry/schema';
import { Grid, TableRead, TableRow } from '../tables/read';
import { ConfigDifference, ConfigIssue, MasterConfig } from '../templates/config-sheet';
import { ColumnSpec, RuleSpec } from '../templates/schema';
import { SheetSnapshot } from '../workbook/port';
import { CellValue, columnLetter, parseA1 } from '../workbook/sheet-spec';
import { KindValues, RuleKindId } from './rule-kinds';

export interface ValidateOptions {
  file?: string;
  /** The period being collected ("2023-06"): a workbook for another period is an error. */
  period?: string;
  matcher?: UnitMatcher;
  /** A count that grows or shrinks by more than this factor since the previous period is a warning. */
  outlierFactor?: number;
  /**
   * The moment of the check: its year chooses the catalogue's targets. Without it, the year of the
   * cover's report date, then of its period; the core never reads the clock itself.
   */
  now?: Date;
  /**
   * The configuration the secretariat issued: its catalogue and rules, or the grid of its master
   * workbook's DX_CauHinh (read with `readMaster`; a malformed master throws ConfigError). When given,
   * its rules and catalogue apply, not the unit's copy, and every difference of the unit's DX_CauHinh
   * from it is reported (CAU-HINH-KHAC). Without it, the built-in configuration is the master of units
   * made from the built-in template (DX_CauHinh's stamp tells); a unit made from another master keeps
   * the copy it was issued, and an edit of that copy is reported.
   */
  master?: MasterConfig | Grid;
  /**
   * The secretariat's registry, or the registries of its listing (a consolidation's): what the one listing the
   * unit says does not apply (issue 16) wins over the list the template recorded on the cover, when it marks
   * anything at all. Without it, the cover's list.
   */
  registry?: Registry | readonly Registry[];
}

/** Where an issue is. */
export interface At {
  sheet: string;
  cell: string;
}

/** Reports one issue of a kind the check declared, with the figures its message is written from. */
export type Emit<K extends RuleKindId = RuleKindId> = <I extends K>(kind: I, at: At, values: KindValues<I>) => void;

/** What every check gets: the workbook as read, the options, and where to put issues. */
export interface CheckContext<K extends RuleKindId = RuleKindId> {
  sheets: SheetSnapshot[];
  read: UnitWorkbookRead;
  opts: ValidateOptions;
  matcher: UnitMatcher;
  catalogue: Indicator[];
  rules: RuleSpec[];
  /** The rows of DX_CauHinh that could not be read (the master's catalogue and rules are used instead). */
  configIssues: ConfigIssue[];
  /** Where the unit's DX_CauHinh differs from the configuration issued to it. */
  configDifferences: ConfigDifference[];
  /** The year whose targets apply, or null when nothing tells it. */
  year: number | null;
  formulas: Map<string, Array<Array<string | null>>>;
  /** The indicator codes that do not apply to the unit ("Không áp dụng"): nothing is asked of their rows. */
  notApplicable: ReadonlySet<string>;
  emit: Emit<K>;
}

/** A check: the kinds it may emit and the function that emits them. */
export interface Check<K extends RuleKindId = RuleKindId> {
  KINDS: readonly K[];
  run: (ctx: CheckContext<K>) => void;
}

/** A cell's value as the user wrote it, dates as dd/mm/yyyy. */
export const show = (v: CellValue) => (v instanceof Date ? formatDay(parseDay(v)!) : String(v));

export function cellOf(t: TableRead, row: TableRow, key: string): string {
  return `${columnLetter(t.columns[key])}${row.row + 1}`;
}

export function columnTitle(col: ColumnSpec): string {
  return col.group ? `${col.group} — ${col.label}` : col.label;
}

export function isFormulaCell(formulas: CheckContext['formulas'], sheet: string, cell: string): boolean {
  const f = formulas.get(sheet);
  if (!f) return false;
  const { row, col } = parseA1(cell);
  return Boolean(f[row]?.[col]);
}
