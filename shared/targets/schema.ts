import { z } from 'zod';

export const Comparison = z.enum(['>', '>=', '<', '<=']);
export type Comparison = z.infer<typeof Comparison>;

export const TargetStage = z.object({ op: Comparison, value: z.number() });
export type TargetStage = z.infer<typeof TargetStage>;

export const TargetPart = z.object({
  /** What the part counts when a target has several ("sản phẩm", "hộ có tài khoản trên sàn TMĐT"). */
  label: z.string().optional(),
  stage: TargetStage,
  /** "30% đến cuối năm là 50%": the stage that applies from December on. */
  yearEnd: TargetStage.optional(),
});
export type TargetPart = z.infer<typeof TargetPart>;

export const Target = z.object({ verbatim: z.string(), parts: z.array(TargetPart).min(1) });
export type Target = z.infer<typeof Target>;
