import { z } from 'zod';
import { Aggregation } from '../numbers/aggregation';

/** What a table is: its columns, their labels and kinds (templates and readers share it). */
export const ColumnKind = z.enum(['stt', 'text', 'count', 'rate', 'money', 'date', 'status', 'mark', 'level', 'code']);
export type ColumnKind = z.infer<typeof ColumnKind>;

export const ColumnSpec = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  /** The official label, the lower line of a two-level header. */
  label: z.string().min(1),
  /** The upper line of a two-level header ("Số lượng VB được thực hiện trên phần mềm"). */
  group: z.string().optional(),
  groupVariants: z.array(z.string()).default([]),
  /** Other ways staff write the label ("T T", "TT" for "STT"). */
  variants: z.array(z.string()).default([]),
  /** The official column number, "(1)" … "(6)". */
  number: z.string().optional(),
  kind: ColumnKind,
  /** Filled by the unit (true) or computed by a native formula (false). */
  input: z.boolean().default(true),
  /** Computed cells: a formula with {key} standing for the same row's cell of that column. */
  formula: z.string().optional(),
  /** A table typed by hand may lack it without the table being unreadable. */
  optional: z.boolean().default(false),
  list: z.array(z.string()).optional(),
  width: z.number().positive().optional(),
  /** Counts and amounts: how the figure adds up over months (a flow by default; stocks say `last`). */
  aggregation: Aggregation.optional(),
  /** Why, in one line, where the column is not a plain flow. */
  aggregationReason: z.string().optional(),
});
export type ColumnSpec = z.infer<typeof ColumnSpec>;

export const TableSpec = z.object({
  id: z.string().regex(/^[A-Z][A-Za-z0-9]*$/),
  title: z.string(),
  /** "Đơn vị tính: triệu đồng." where money appears. */
  unitNote: z.string().optional(),
  columns: z.array(ColumnSpec).min(2),
  /** What rows a generated template has: one per indicator, one for the unit, or blank rows to fill. */
  rows: z.enum(['indicators', 'unit', 'free', 'fixed']),
  /** For 'fixed' tables: the first-column texts of the rows ("Kế hoạch chuyển đổi số năm"). */
  fixedRows: z.array(z.string()).optional(),
  freeRows: z.number().int().positive().optional(),
  /** Layouts the reader recognises in staff's own workbooks but templates do not generate. */
  generate: z.boolean().default(true),
});
export type TableSpec = z.infer<typeof TableSpec>;
