import { Period, parsePeriod } from '../dates/period';
import { defaultMatcher } from '../registry/default';
import { UnitMatcher } from '../registry/match';
import { notApplicableFor, registryOf } from '../registry/not-applicable';
import { buildUnitTemplate } from '../templates/build';
import { catalogueFrom, restamp } from '../templates/config-sheet';
import { SheetExistsError, UnknownUnitError, UnreadablePeriodError } from '../errors/errors';
import { FAMILIES } from '../templates/families';
import { CONFIG_SHEET } from '../templates/version';
import { withListsSheet } from '../workbook/lists';
import { encodeCell } from '../workbook/render';
import { SheetSnapshot, WorkbookPort } from '../workbook/port';
import { Op, runAsync } from './run';

export interface CreateTemplateInput {
  unit: string;
  /** "2023-06", "6/2023", "Quý II/2023", "6 tháng đầu năm 2023". */
  period: string;
  preparer?: string;
  matcher?: UnitMatcher;
}

export interface CreateTemplateResult {
  unit: string;
  period: string;
  sheets: string[];
  catalogue: 'workbook' | 'default';
  indicators: number;
  /** The indicators marked "Không áp dụng" on the unit's template (its registry's word). */
  notApplicable: string[];
}

/** "tháng 6/2023" for a month, the text as written otherwise. */
export function periodLabel(p: Period, written: string): string {
  if (p.end && p.start.y === p.end.y && p.start.m === p.end.m && p.start.d === 1)
    return `tháng ${p.start.m}/${p.start.y}`;
  return written.trim();
}

/**
 * "Tạo phiếu báo cáo": adds the unit workbook's sheets to a workbook, in one
 * read and one write. Sheets that already exist are never overwritten.
 */
export function* createTemplateOp(port: WorkbookPort, input: CreateTemplateInput): Op<CreateTemplateResult> {
  const matcher = input.matcher ?? defaultMatcher();
  const match = matcher.match(input.unit);
  if (!match.unit) {
    throw new UnknownUnitError(input.unit, match.suggestions[0]);
  }
  const period = parsePeriod(input.period);
  if (!period || !period.end) throw new UnreadablePeriodError(input.period);
  const existing = (yield port.sheetNames()) as string[];
  const config = existing.includes(CONFIG_SHEET)
    ? ((yield port.read([CONFIG_SHEET])) as SheetSnapshot[])[0]
    : undefined;
  const { catalogue, rules, from } = catalogueFrom(config?.values);
  const label = periodLabel(period, input.period);
  // What does not apply is the registry's word (the unit's and its group's): the matcher holds the registries.
  const na = notApplicableFor(registryOf(matcher.registries, match.unit), match.unit).filter((code) =>
    catalogue.some((i) => i.code === code),
  );
  let sheets = buildUnitTemplate({
    unit: match.unit,
    period,
    periodLabel: label,
    preparer: input.preparer,
    catalogue,
    rules,
    families: FAMILIES,
    notApplicable: na,
  });
  // An existing DX_CauHinh is the secretariat's: it stays as it is.
  if (config) sheets = sheets.filter((s) => s.name !== CONFIG_SHEET);
  sheets = withListsSheet(sheets);
  const clash = sheets.filter((s) => existing.includes(s.name) && !s.name.startsWith('DX_')).map((s) => s.name);
  if (clash.length) throw new SheetExistsError(clash);
  yield port.write(
    sheets,
    sheets.filter((s) => s.name.startsWith('DX_') && s.name !== CONFIG_SHEET).map((s) => s.name),
  );
  // The kept DX_CauHinh is what this unit is issued: its stamp must say so, or a unit validated without
  // the master would see every edited row of it as its own change (CAU-HINH-KHAC) and be left out.
  const stamp = config && restamp(config.values, period.start.y);
  if (stamp) yield port.setCells([{ sheet: CONFIG_SHEET, cell: stamp.cell, ...encodeCell({ v: stamp.value }) }]);
  return {
    unit: match.unit.name,
    period: label,
    sheets: sheets.filter((s) => !s.hidden).map((s) => s.name),
    catalogue: from,
    indicators: catalogue.length,
    notApplicable: na,
  };
}

export function createTemplate(port: WorkbookPort, input: CreateTemplateInput): Promise<CreateTemplateResult> {
  return runAsync(createTemplateOp(port, input));
}
