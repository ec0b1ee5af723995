import { z } from 'zod';

export { ColumnKind, ColumnSpec, TableSpec } from '../tables/schema';
import { TableSpec } from '../tables/schema';

export const Importance = z.enum(['cao', 'trung-binh', 'thap']);
export const MissingStrategy = z.enum(['skip-if-any', 'skip-if-all', 'never']);
export const Operator = z.enum(['=', '!=', '<', '<=', '>', '>=', 'compulsory-pair', 'exclusive-pair']);

/**
 * A rule in the shape DHIS2 validation rules use: left side, operator, right
 * side (sums of columns of the same row), a missing-value strategy, its
 * importance and the instruction shown to the user.
 */
export const RuleSpec = z.object({
  id: z.string().regex(/^[A-Z0-9.-]+$/),
  table: z.string(),
  left: z.array(z.string()).min(1),
  op: Operator,
  right: z.array(z.string()).default([]),
  missing: MissingStrategy.default('skip-if-any'),
  importance: Importance.default('cao'),
  instruction: z.string(),
});
export type RuleSpec = z.infer<typeof RuleSpec>;
export type RuleSpecInput = z.input<typeof RuleSpec>;

export const FamilySpec = z.object({
  id: z.enum(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']),
  sheet: z.string().max(31),
  title: z.string(),
  tables: z.array(TableSpec).min(1),
  rules: z.array(RuleSpec).default([]),
});
export type FamilySpec = z.infer<typeof FamilySpec>;
