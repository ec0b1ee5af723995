import { CheckContext } from '../context';
import { catalogueFrom, ConfigIssue } from '../../templates/config-sheet';
import { FAMILIES } from '../../templates/families';
import { CONFIG_SHEET } from '../../templates/version';
import { Indicator } from '../../catalogue/schema';
import { RuleSpec } from '../../templates/schema';
import { SheetSnapshot } from '../../workbook/port';

export const KINDS = ['CAU-HINH'] as const;

export interface Configuration {
  catalogue: Indicator[];
  rules: RuleSpec[];
  /** The rows of DX_CauHinh that could not be read: reported, and the built-in template used instead. */
  issues: ConfigIssue[];
}

/** The catalogue and the rules a workbook declares in DX_CauHinh, or the built-in ones. */
export function configuration(sheets: SheetSnapshot[]): Configuration {
  const config = sheets.find((s) => s.name === CONFIG_SHEET);
  try {
    const c = catalogueFrom(config?.values);
    return { catalogue: c.catalogue, rules: c.rules ?? FAMILIES.flatMap((f) => f.rules), issues: [] };
  } catch (e) {
    return {
      catalogue: catalogueFrom(undefined).catalogue,
      rules: FAMILIES.flatMap((f) => f.rules),
      issues: (e as { issues?: ConfigIssue[] }).issues ?? [],
    };
  }
}

/** CAU-HINH: each row of DX_CauHinh that could not be read, at its cell. */
export function run(ctx: CheckContext<(typeof KINDS)[number]>): void {
  for (const ci of ctx.configIssues) ctx.emit('CAU-HINH', { sheet: ci.sheet, cell: ci.cell }, { problem: ci.message });
}
