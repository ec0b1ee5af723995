import { TableRow } from '../tables/read';
import { Indicator } from '../catalogue/schema';
import { isPlausible } from '../numbers/bounds';
import { numberOf } from '../tables/cells';
import { CellValue } from '../workbook/sheet-spec';
import { Submission } from './collect';

/**
 * A figure to add up: a clean number not above the plausibility bound (10^12). Anything else — blank,
 * text, 1e308 — adds nothing; the validator reported it at its cell (SO-QUA-LON), so sums of counts
 * stay finite and exact, and no Infinity or NaN reaches an annex, the report or the JSON summary.
 */
export function figureOf(v: CellValue): number | null {
  const n = numberOf(v);
  return n !== null && isPlausible(n) ? n : null;
}

/** A T1 row's indicator code as typed, trimmed ("" when blank). */
export function codeOf(row: TableRow): string {
  return row.cells.code === null || row.cells.code === undefined ? '' : String(row.cells.code).trim();
}

/** Summed counts: the rate is always Σnumerators / Σdenominators, never an average of rates. */
export interface Sums {
  numerator: number;
  denominator: number;
  /** How many units contributed. */
  units: number;
}

export function rateOf(s: Sums): number | null {
  const r = s.denominator > 0 ? s.numerator / s.denominator : null;
  return r !== null && Number.isFinite(r) ? r : null;
}

export function addSums(a: Sums, b: Sums): Sums {
  return { numerator: a.numerator + b.numerator, denominator: a.denominator + b.denominator, units: a.units + b.units };
}

const ZERO: Sums = { numerator: 0, denominator: 0, units: 0 };

/** One unit's numerator and denominator per indicator code, from its T1 table (rows with both filled). */
export function unitKpis(sub: Submission): Map<string, Sums> {
  const out = new Map<string, Sums>();
  for (const t of sub.read.tables.filter((x) => x.table === 'T1')) {
    for (const row of t.rows.filter((r) => r.kind === 'item')) {
      const code = codeOf(row);
      const n = figureOf(row.cells.numerator);
      const d = figureOf(row.cells.denominator);
      if (!code || n === null || d === null) continue;
      out.set(code, { numerator: n, denominator: d, units: 1 });
    }
  }
  return out;
}

export interface KpiTable {
  codes: string[];
  /** Each unit's sums, and the indicators that do not apply to it (printed "Không áp dụng", never summed). */
  byUnit: Array<{ unit: string; group: string; values: Map<string, Sums>; notApplicable?: string[] }>;
  byGroup: Map<string, Map<string, Sums>>;
  total: Map<string, Sums>;
}

/** Consolidates indicators over units, per group and overall, by summing counts. */
export function consolidateKpis(subs: Submission[], catalogue: Indicator[]): KpiTable {
  const byUnit = subs.map((s) => ({
    unit: s.unit.name,
    group: s.unit.group,
    values: unitKpis(s),
    ...(s.notApplicable?.length ? { notApplicable: s.notApplicable } : {}),
  }));
  const present = new Set(byUnit.flatMap((u) => [...u.values.keys()]));
  const codes = catalogue.map((i) => i.code).filter((c) => present.has(c));
  const byGroup = new Map<string, Map<string, Sums>>();
  const total = new Map<string, Sums>();
  for (const u of byUnit) {
    const g = byGroup.get(u.group) ?? new Map<string, Sums>();
    for (const [code, s] of u.values) {
      g.set(code, addSums(g.get(code) ?? ZERO, s));
      total.set(code, addSums(total.get(code) ?? ZERO, s));
    }
    byGroup.set(u.group, g);
  }
  return { codes, byUnit, byGroup, total };
}
