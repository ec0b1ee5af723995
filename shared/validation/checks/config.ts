import { buildCatalogue } from '../../catalogue/catalogue';
import { Indicator } from '../../catalogue/schema';
import { Grid } from '../../tables/read';
import {
  builtInConfig,
  compareConfig,
  ConfigDifference,
  configEntries,
  ConfigIssue,
  configPrint,
  MasterConfig,
  readConfig,
  readMaster,
} from '../../templates/config-sheet';
import { RuleSpec } from '../../templates/schema';
import { CONFIG_SHEET } from '../../templates/version';
import { SheetSnapshot } from '../../workbook/port';
import { CheckContext } from '../context';

export const KINDS = ['CAU-HINH', 'CAU-HINH-KHAC'] as const;

/** Whose configuration applies: the secretariat's master, the built-in one, or the unit's copy as it was issued. */
export type ConfigSource = 'master' | 'built-in' | 'issued-copy';

export interface Configuration {
  catalogue: Indicator[];
  rules: RuleSpec[];
  /** The rows of DX_CauHinh that could not be read: reported, and the master used instead. */
  issues: ConfigIssue[];
  /** Where the unit's DX_CauHinh differs from what was issued to it: reported at their cells. */
  differences: ConfigDifference[];
  from: ConfigSource;
}

/**
 * The catalogue and rules that decide, and how the unit's DX_CauHinh differs from them:
 * - a master given: the master's, every difference of the unit's copy reported;
 * - no master, and the copy stamped as the built-in template (or not stamped): the built-in ones,
 *   every difference reported — a unit deleting a rule row keeps the rule;
 * - no master, and the copy stamped as issued from another master: the copy, when it is what its stamp
 *   says; an edited copy is reported (the master would tell where), and its figures are not consolidated.
 * `year` chooses the targets compared when the copy does not say (its stamp, its "Năm chỉ tiêu").
 */
export function configuration(
  sheets: SheetSnapshot[],
  master?: MasterConfig | Grid,
  year: number | null = null,
): Configuration {
  const grid = sheets.find((s) => s.name === CONFIG_SHEET)?.values;
  if (!grid) return configurationOf(sheets, master, year);
  // The units of one secretariat hold the same DX_CauHinh: read, checked and compared once, not once a unit (it
  // was most of validating a unit). Keyed by the grid's content, the master given and the year.
  const key = `${masterKey(master)}\u0000${year}\u0000${JSON.stringify(grid)}`;
  let conf = SEEN.get(key);
  if (!conf) {
    conf = configurationOf(sheets, master, year);
    if (SEEN.size >= SEEN_MAX) SEEN.delete(SEEN.keys().next().value!);
    SEEN.set(key, conf);
  }
  return { ...conf, issues: [...conf.issues], differences: [...conf.differences] };
}

const SEEN = new Map<string, Configuration>();
const SEEN_MAX = 8;
/** Each master object a number of its own: the same master, the same key. */
const masters = new WeakMap<object, number>();
let mastersSeen = 0;
function masterKey(m: MasterConfig | Grid | undefined): string {
  if (m === undefined) return 'none';
  if (!masters.has(m)) masters.set(m, ++mastersSeen);
  return String(masters.get(m));
}

function configurationOf(
  sheets: SheetSnapshot[],
  master?: MasterConfig | Grid,
  year: number | null = null,
): Configuration {
  const given = master === undefined ? undefined : Array.isArray(master) ? readMaster(master) : master;
  const builtIn = builtInConfig();
  const grid = sheets.find((s) => s.name === CONFIG_SHEET)?.values;
  if (!grid) return { ...(given ?? builtIn), issues: [], differences: [], from: given ? 'master' : 'built-in' };
  const read = readConfig(grid);
  // Without any year the latest targets are compared, on both sides alike.
  const y = read.stamp?.year ?? read.year ?? year ?? 9999;
  if (given) {
    const differences = compareConfig(read, configEntries(given.catalogue, given.rules, y, given.aggregations));
    return { ...given, issues: read.issues, differences, from: 'master' };
  }
  const builtInEntries = configEntries(builtIn.catalogue, builtIn.rules, y);
  if (!read.stamp || read.stamp.print === configPrint(builtInEntries)) {
    return { ...builtIn, issues: read.issues, differences: compareConfig(read, builtInEntries), from: 'built-in' };
  }
  // Issued from a master not given here, and partly unreadable: the built-in rules apply, the rows are reported.
  if (read.issues.length) return { ...builtIn, issues: read.issues, differences: [], from: 'built-in' };
  const own: MasterConfig = {
    catalogue: buildCatalogue(read.indicators),
    rules: read.where.rules ? read.rules.map((r) => RuleSpec.parse(r)) : builtIn.rules,
    aggregations: read.aggregations,
  };
  const intact = configPrint(configEntries(read.indicators, read.rules, y, read.aggregations)) === read.stamp.print;
  const edited: ConfigDifference = {
    sheet: CONFIG_SHEET,
    cell: read.stamp.cell,
    what: 'sheet',
    key: '',
    change: 'edited',
  };
  return { ...own, issues: [], differences: intact ? [] : [edited], from: 'issued-copy' };
}

/** CAU-HINH: each row of DX_CauHinh that could not be read; CAU-HINH-KHAC: each difference from what was issued. */
export function run(ctx: CheckContext<(typeof KINDS)[number]>): void {
  for (const ci of ctx.configIssues) ctx.emit('CAU-HINH', { sheet: ci.sheet, cell: ci.cell }, { problem: ci.message });
  for (const d of ctx.configDifferences) {
    const { sheet, cell, ...values } = d;
    ctx.emit('CAU-HINH-KHAC', { sheet, cell }, values);
  }
}
