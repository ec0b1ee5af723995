import { toneKey } from '../text/fold';
import { TableRead, TableRow } from '../tables/read';
import { SheetSnapshot } from '../workbook/port';
import { CellValue, SheetSpec } from '../workbook/sheet-spec';
import { SourceRef, Submission } from './collect';
import { DENOMINATOR, NUMERATOR } from './figures';
import { readTidySheet, TIDY_SHEET, UnitFigures } from './tidy';

/**
 * Consolidation of consolidations (issue 12, item 3): a city's annex workbook carries, beside its tidy rows
 * (DX_DuLieu: every unit × figure it consolidated), a hidden DX_TongHop saying whose consolidation it is and
 * for which period. A province takes such a workbook as a source: the city is one unit whose figures are the
 * sums of its units' figures, and its units stay listed, so none is counted twice.
 */
export const CARRIED_SHEET = 'DX_TongHop';

const LABEL = {
  unit: 'Đơn vị tổng hợp',
  code: 'Mã đơn vị',
  period: 'Kỳ tổng hợp',
  units: 'Số đơn vị đã tổng hợp',
} as const;

/** The header a consolidation writes about itself. */
export function carriedSheet(who: { name: string; code: string }, period: string, units: number): SheetSpec {
  const row = (label: string, v: string | number) => [
    { v: label, s: 'label' as const },
    { v, s: (typeof v === 'number' ? 'count' : 'text') as 'count' | 'text' },
  ];
  return {
    name: CARRIED_SHEET,
    rows: [row(LABEL.unit, who.name), row(LABEL.code, who.code), row(LABEL.period, period), row(LABEL.units, units)],
    columnWidths: [26, 50],
    rowHeights: [],
    merges: [],
    validations: [],
    hidden: true,
  };
}

export interface Carried {
  /** Whose consolidation: "UBND thành phố Nha Trang", "NT". */
  unit: string;
  code: string;
  period: string;
  units: UnitFigures[];
  errors: Array<{ cell: string; message: string }>;
}

const text = (v: CellValue | undefined) => (v === null || v === undefined ? '' : String(v).trim());

/** The carried consolidation of an annex workbook, or null when the workbook is not one. */
export function readCarried(sheets: SheetSnapshot[]): Carried | null {
  const head = sheets.find((s) => s.name === CARRIED_SHEET);
  const data = sheets.find((s) => s.name === TIDY_SHEET);
  if (!head || !data) return null;
  const field = (label: string) => text(head.values.find((r) => text(r[0]) === label)?.[1]);
  const read = readTidySheet(data.values);
  const errors = read.errors.map((e) => ({ cell: `${TIDY_SHEET}!${e.cell}`, message: e.message }));
  if (!field(LABEL.unit)) errors.unshift({ cell: `${CARRIED_SHEET}!B1`, message: `Thiếu “${LABEL.unit}”.` });
  return { unit: field(LABEL.unit), code: field(LABEL.code), period: field(LABEL.period), units: read.units, errors };
}

/** Is this workbook a consolidation a higher level can take as a source? */
export const isCarried = (sheets: SheetSnapshot[]) =>
  sheets.some((s) => s.name === CARRIED_SHEET) && sheets.some((s) => s.name === TIDY_SHEET);

function sum(values: Array<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

/**
 * The city's tables as one unit's: per indicator the numerators and denominators of the units that gave both
 * (as Phụ lục I counts them), per table column the sum over units of their first row (as Phụ lục VII reads
 * one row per unit). Blanks stay blank.
 */
export function carriedTables(units: UnitFigures[], sheet: string, name: string): TableRead[] {
  const values = units.map((u) => new Map(u.figures.map((f) => [f.key, f.value])));
  const keys = [...new Set(units.flatMap((u) => u.figures.map((f) => f.key)))];
  const codes = [...new Set(keys.filter((k) => k.endsWith(`/${NUMERATOR}`)).map((k) => k.split('/')[0]))];
  const base = { sheet, headerRow: 0, headerRows: 1 as const, missing: [], score: 0, mapped: true };
  const t1Rows: TableRow[] = codes.map((code, i) => {
    const pairs = values
      .map((v) => [v.get(`${code}/${NUMERATOR}`) ?? null, v.get(`${code}/${DENOMINATOR}`) ?? null] as const)
      .filter(([n, d]) => n !== null && d !== null);
    return {
      row: i + 1,
      kind: 'item',
      cells: {
        code,
        numerator: pairs.length ? sum(pairs.map((p) => p[0])) : null,
        denominator: pairs.length ? sum(pairs.map((p) => p[1])) : null,
      },
    };
  });
  const tables: TableRead[] = [
    { ...base, table: 'T1', columns: { code: 0, numerator: 1, denominator: 2 }, rows: t1Rows },
  ];
  const byTable = new Map<string, string[]>();
  for (const k of keys) {
    const [table, column] = k.split('/');
    // Indicators are T1's; a later row of a unit's table is not in Phụ lục VII either.
    if (!column || column === NUMERATOR || column === DENOMINATOR || k.includes('#')) continue;
    byTable.set(table, [...(byTable.get(table) ?? []), column]);
  }
  for (const [table, columns] of byTable) {
    const cells: Record<string, CellValue> = { unit: name };
    for (const col of columns) cells[col] = sum(values.map((v) => v.get(`${table}/${col}`) ?? null));
    tables.push({
      ...base,
      table,
      columns: Object.fromEntries([['unit', 0], ...columns.map((c, i) => [c, i + 1])]),
      rows: [{ row: 1, kind: 'item', cells }],
    });
  }
  return tables;
}

/** The units of a carried consolidation that also reported directly (by code, or by name as matching folds it). */
export function overlapping(carried: UnitFigures[], direct: Array<{ code: string; name: string }>): UnitFigures[] {
  const codes = new Set(direct.map((u) => u.code));
  const names = new Set(direct.map((u) => toneKey(u.name)));
  return carried.filter((u) => codes.has(u.unit.code) || names.has(toneKey(u.unit.name)));
}

/** A carried consolidation as one submission of the city, its units kept for tracing and overlap. */
export function carriedSubmission(
  carried: Carried,
  unit: Submission['unit'],
  source: SourceRef,
  units = carried.units,
): Submission {
  return {
    source,
    unit,
    period: carried.period,
    completedAt: null,
    version: null,
    read: { cover: {}, tables: carriedTables(units, TIDY_SHEET, unit.name), unmatched: [], mappings: [] },
    issues: [],
    carried: { units },
  };
}
