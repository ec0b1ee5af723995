/**
 * The report as a Word document (.docx), written with the `docx` library from the report's data
 * (shared/report): Decree 30/2020/NĐ-CP's page (A4; margins top and bottom 20 mm, left 30 mm, right 15 mm),
 * Times New Roman 14 for the body, the two-column heading block without borders, header rows repeated on every
 * page, the annexes on landscape pages, page numbers centred at the foot. Runs in Node (the CLI) and in the
 * browser (the task pane): Packer gives a Uint8Array either way.
 * https://docx.js.org/#/usage/sections · https://docx.js.org/#/usage/tables (tableHeader repeats a row)
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph as DocxParagraph,
  Table as DocxTable,
  TableCell as DocxCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { Align, Block, Paragraph, ReportDoc, Section, Table, TableCell } from '../shared/report/schema';
import { OFFICIAL_FONT } from '../shared/workbook/sheet-spec';

/** The official documents' font, the annex sheets' too (Decree 30/2020/NĐ-CP). */
export const REPORT_FONT = OFFICIAL_FONT;
/** Who made the file: a re-run replaces a report only while nobody has saved it since (cli/output.ts). */
export const REPORT_CREATOR = 'dx-report';

const MM = 56.7;
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: 850 };
/** Half-points, as Word counts sizes. */
const half = (pt: number) => Math.round(pt * 2);

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

function paragraph(p: Paragraph): DocxParagraph {
  const size = half(p.size ?? 14);
  const keep = p.role === 'heading' || p.role === 'subheading' || p.role === 'title';
  return new DocxParagraph({
    alignment: ALIGN[p.align],
    keepNext: keep,
    indent: p.indent ? { firstLine: Math.round(10 * MM) } : undefined,
    spacing: { before: keep ? 120 : 60, after: 60, line: 300 },
    children: p.runs.map(
      (r) =>
        new TextRun({ text: r.text, bold: r.bold, italics: r.italic, underline: r.underline ? {} : undefined, size }),
    ),
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

function cell(c: TableCell, size: number, width: number): DocxCell {
  const lines = c.lines?.length ? c.lines : [{ text: c.text, bold: c.bold, italic: c.italic, size }];
  return new DocxCell({
    columnSpan: c.span,
    width: { size: width, type: WidthType.PERCENTAGE },
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    children: lines.map(
      (l) =>
        new DocxParagraph({
          alignment: ALIGN[c.align ?? 'left'],
          spacing: { before: 0, after: 0 },
          children: [new TextRun({ text: l.text, bold: l.bold, italics: l.italic, size: half(l.size ?? size) })],
        }),
    ),
  });
}

function table(t: Table): DocxTable {
  const size = t.size ?? 12;
  const total = t.widths.reduce((s, w) => s + w, 0);
  const pct = t.widths.map((w) => (w / total) * 100);
  const row = (cells: TableCell[], header: boolean) => {
    let col = 0;
    return new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((c) => {
        const span = c.span ?? 1;
        const width = pct.slice(col, col + span).reduce((s, w) => s + w, 0);
        col += span;
        return cell(c, size, width);
      }),
    });
  };
  return new DocxTable({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    columnWidths: pct.map((w) => Math.round((w / 100) * 9000)),
    borders: t.borderless ? NO_BORDERS : undefined,
    rows: [...t.header.map((r) => row(r, true)), ...t.rows.map((r) => row(r, false))],
  });
}

function block(b: Block): Array<DocxParagraph | DocxTable> {
  // Word needs a paragraph between two tables, or it joins them.
  return b.kind === 'paragraph' ? [paragraph(b)] : [table(b), new DocxParagraph({ children: [] })];
}

function section(s: Section) {
  return {
    properties: {
      page: {
        size: { ...A4, orientation: s.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: s.landscape
          ? { top: MARGIN.left, bottom: MARGIN.right, left: MARGIN.top, right: MARGIN.bottom }
          : MARGIN,
      },
    },
    footers: {
      default: new Footer({
        children: [
          new DocxParagraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: [PageNumber.CURRENT], size: half(12) })],
          }),
        ],
      }),
    },
    children: s.blocks.flatMap(block),
  };
}

/** The document, ready to pack. */
export function reportDocx(doc: ReportDoc): Document {
  return new Document({
    creator: REPORT_CREATOR,
    lastModifiedBy: REPORT_CREATOR,
    title: doc.title,
    description: 'Báo cáo tạo bởi dx-report từ số liệu đã tổng hợp',
    styles: { default: { document: { run: { font: REPORT_FONT, size: half(14) } } } },
    sections: doc.sections.map(section),
  });
}

/** The .docx bytes (Node and browser alike). */
export async function reportBytes(doc: ReportDoc): Promise<Uint8Array> {
  const buf = await Packer.toArrayBuffer(reportDocx(doc));
  return new Uint8Array(buf);
}
