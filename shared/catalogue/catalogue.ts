import { DOCUMENTS } from './data/documents';
import { parseTarget } from '../targets/target';
import { COUNTED_INDICATORS } from './data/counted';
import { SEED_003_INDICATORS } from './data/seed-003';
import { Indicator, IndicatorInput, ParsedIndicatorTarget, TargetLevel } from './schema';

/** seed 004 §II: the 2024 city targets that fall on seed 003 rows. */
const CITY_2024: Record<string, string> = {
  'CQS.01': '100%',
  'CQS.09': '45%',
  'CQS.10': '100%',
  'KTS.03': 'trên 50%',
  'KTS.04': '100%',
  'ATTT.01': '100%',
};

export function buildCatalogue(
  inputs: IndicatorInput[] = [...SEED_003_INDICATORS, ...COUNTED_INDICATORS],
): Indicator[] {
  return inputs.map((raw) => {
    const ind = Indicator.parse(raw);
    const extra = CITY_2024[ind.code];
    return extra && !ind.targets.some((t) => t.year === 2024)
      ? {
          ...ind,
          targets: [
            ...ind.targets,
            { level: 'thanh-pho' as const, year: 2024, text: extra, source: `${DOCUMENTS.nhaTrang2024}, mục II` },
          ],
        }
      : ind;
  });
}

let cached: Indicator[] | undefined;
export function defaultCatalogue(): Indicator[] {
  return (cached ??= buildCatalogue());
}

export function parsedTargets(ind: Indicator): ParsedIndicatorTarget[] {
  return ind.targets.map((t) => ({ ...t, parsed: parseTarget(t.text) }));
}

/** The target that applies to a unit report: the most local level, latest year not after the report's. */
export function applicableTarget(
  ind: Indicator,
  year: number,
  levels: TargetLevel[] = ['thanh-pho', 'tinh', 'quoc-gia'],
): ParsedIndicatorTarget | undefined {
  for (const level of levels) {
    const cands = parsedTargets(ind)
      .filter((t) => t.level === level && (t.year === undefined || t.year <= year))
      .sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
    if (cands.length) return cands[0];
  }
  return undefined;
}
