import { z } from 'zod';
import { Aggregation, AGGREGATION_REASON, aggregationOfMeasure } from '../numbers/aggregation';
import { Target } from '../targets/schema';

export const IndicatorGroup = z.enum(['I', 'II', 'III', 'IV', 'V']);
export type IndicatorGroup = z.infer<typeof IndicatorGroup>;

export const INDICATOR_GROUP_LABEL: Record<IndicatorGroup, string> = {
  I: 'Chính quyền số',
  II: 'Kinh tế số',
  III: 'Xã hội số',
  IV: 'An toàn, an ninh mạng',
  V: 'Đô thị thông minh',
};

export const TargetLevel = z.enum(['quoc-gia', 'tinh', 'thanh-pho']);
export type TargetLevel = z.infer<typeof TargetLevel>;
export const TARGET_LEVEL_LABEL: Record<TargetLevel, string> = {
  'quoc-gia': 'Quốc gia',
  tinh: 'Tỉnh',
  'thanh-pho': 'Thành phố',
};

export const Quantity = z
  .object({
    /** What is counted ("Hồ sơ thực hiện trực tuyến"). */
    label: z.string().min(1),
    /** Its unit of measure (hồ sơ, người, hộ, doanh nghiệp, TTHC ...). */
    unit: z.string().min(1),
    /** How it adds up over months; by default, as its unit of measure does (hồ sơ: sum; người: last). */
    aggregation: Aggregation.optional(),
    /** Why, in one line. */
    reason: z.string().optional(),
  })
  .transform((q) => {
    const byMeasure = aggregationOfMeasure(q.unit);
    return {
      ...q,
      aggregation: q.aggregation ?? byMeasure.aggregation,
      reason:
        q.reason ??
        (q.aggregation && q.aggregation !== byMeasure.aggregation
          ? AGGREGATION_REASON[q.aggregation]
          : byMeasure.reason),
    };
  });
export type Quantity = z.infer<typeof Quantity>;

export const IndicatorTarget = z.object({
  level: TargetLevel,
  /** The plan year the target belongs to; absent when the source gives none. */
  year: z.number().int().optional(),
  /** As written in the plan, kept verbatim ("Trên 8,5%."). */
  text: z.string().min(1),
  /** Where the phrase comes from (seed and section). */
  source: z.string().optional(),
});
export type IndicatorTarget = z.infer<typeof IndicatorTarget>;

export const Indicator = z.object({
  code: z.string().regex(/^[A-Z]+\.[0-9A-Z]+$/),
  group: IndicatorGroup,
  /** Number as printed in the source table ("01", "9"), for the official order. */
  number: z.string().optional(),
  name: z.string().min(1),
  numerator: Quantity,
  denominator: Quantity,
  /** Mobile subscriptions per population may exceed 100%. */
  allowOver100: z.boolean().default(false),
  /** Decimals the rate is reported at. */
  precision: z.number().int().min(0).max(4).default(2),
  targets: z.array(IndicatorTarget).default([]),
  source: z.string(),
});
export type Indicator = z.infer<typeof Indicator>;
export type IndicatorInput = z.input<typeof Indicator>;

/** A target with its parsed form beside the verbatim phrase (null when the phrase has no percentage). */
export interface ParsedIndicatorTarget extends IndicatorTarget {
  parsed: Target | null;
}
