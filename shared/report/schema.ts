import { z } from 'zod';

/*
 * The report (báo cáo) as data: what the Word writer (word/), a Google Doc writer or a test reads. Plain
 * data, so it crosses google.script.run and is compared in tests without any document library.
 */

/** A run of text with the form's emphasis (Decree 30/2020/NĐ-CP puts bold and italic in fixed places). */
export const Run = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
});
export type Run = z.infer<typeof Run>;

export const Align = z.enum(['left', 'center', 'right', 'justify']);
export type Align = z.infer<typeof Align>;

export const Paragraph = z.object({
  kind: z.literal('paragraph'),
  runs: z.array(Run),
  align: Align.default('justify'),
  /** Section headings ("I. KẾT QUẢ THỰC HIỆN") and sub-headings ("1. …"): bold, kept with the next line. */
  role: z.enum(['title', 'heading', 'subheading', 'body', 'placeholder', 'note']).default('body'),
  /** The first line indented 1 cm, as the form's body text. */
  indent: z.boolean().default(true),
  /** Points; the form's body is 14 (13–14), the annexes' tables 11–12. */
  size: z.number().optional(),
});
export type Paragraph = z.infer<typeof Paragraph>;

export const TableCell = z.object({
  text: z.string(),
  /** Several lines in one cell, each with its emphasis (the form's heading block); `text` is then ignored. */
  lines: z.array(Run.extend({ size: z.number().optional() })).optional(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  align: Align.optional(),
  /** Columns this cell spans (the annexes' group rows, the two-level headers). */
  span: z.number().int().positive().optional(),
});
export type TableCell = z.infer<typeof TableCell>;

export const Table = z.object({
  kind: z.literal('table'),
  /** Repeated at the top of every page the table runs onto. */
  header: z.array(z.array(TableCell)),
  rows: z.array(z.array(TableCell)),
  /** Relative widths of the columns (the annex sheet's column widths). */
  widths: z.array(z.number().positive()),
  /** Points. */
  size: z.number().optional(),
  /** The two-column heading block of the form: no borders. */
  borderless: z.boolean().optional(),
});
export type Table = z.infer<typeof Table>;

export const Block = z.discriminatedUnion('kind', [Paragraph, Table]);
export type Block = z.infer<typeof Block>;

/** A run of pages with one orientation: the report portrait, a wide annex landscape. */
export const Section = z.object({
  landscape: z.boolean().default(false),
  blocks: z.array(Block),
});
export type Section = z.infer<typeof Section>;

export const ReportDoc = z.object({
  /** The document's title in its properties ("Báo cáo tình hình chuyển đổi số 6 tháng đầu năm 2023"). */
  title: z.string(),
  sections: z.array(Section),
});
export type ReportDoc = z.infer<typeof ReportDoc>;

const line = z.string().trim().max(300);

/** What the secretariat says of the report: the form's header block, recipients and signer. */
export const ReportOptions = z.object({
  /** The issuing body ("UBND thành phố Nha Trang", "Ban Chỉ đạo chuyển đổi số tỉnh Khánh Hòa"). */
  issuer: line.optional(),
  /** The body above it, printed over it ("UBND tỉnh Khánh Hòa"); none for a body without one. */
  parent: line.optional(),
  /** Number and symbol: "1372/BC-BCĐCĐS"; blank to fill by hand. */
  reportNo: line.optional(),
  /** "11/5/2023" or "2023-05-11". */
  reportDate: line.optional(),
  /** Where it is issued: "Khánh Hòa", "Nha Trang". */
  place: line.optional(),
  /** "Nơi nhận:" lines. */
  recipients: z.array(line).max(30).optional(),
  /** The signer's block: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" and the name. */
  signerCapacity: line.optional(),
  signerTitle: line.optional(),
  signerName: line.optional(),
});
export type ReportOptions = z.infer<typeof ReportOptions>;
