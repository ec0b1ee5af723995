/*
 * The report (shared/report's ReportDoc) as a Google Doc, written with DocumentApp
 * (https://developers.google.com/apps-script/reference/document). The sidebar computes the ReportDoc in the
 * browser from the consolidation it just ran and sends it here as plain data; this writes it in one run.
 *
 * Why a Google Doc rather than a .docx: README "Báo cáo Word". Scope: DocumentApp.create needs
 * https://www.googleapis.com/auth/documents
 * (https://developers.google.com/apps-script/reference/document/document-app#create(String)).
 *
 * What the document keeps of the Word writer's form (word/report-docx.ts): A4 page and Decree 30's margins
 * (Body.setPageWidth/Height, setMargin*), Times New Roman, sizes, bold/italic/underline runs, alignment, the
 * first-line indent, the heading and signer blocks as borderless tables, column widths, bold header rows.
 * What DocumentApp has no method for, and so the Google Doc lacks:
 * - landscape pages for the annexes: page size is one setting of the whole body (Body.setPageWidth), and
 *   DocumentApp inserts page breaks, not section breaks; each annex starts a new page instead;
 * - header rows repeated on every page ("pin header rows" is in the Docs editor and the Docs API's
 *   pinTableHeaderRows request, not in DocumentApp's Table or TableRow);
 * - cells merged across columns (TableCell.getColSpan reads a merge, nothing makes one): a spanning cell's
 *   text sits in its first column, the columns it covered are left empty;
 * - "keep with next" on headings, and page numbers in the footer.
 * Word's own copy (Tệp > Tải xuống > Microsoft Word) keeps what the Google Doc has.
 *
 * Calls: DocumentApp runs each method as a call into the service, so the document is built with few of them
 * and none per plain cell. A table is one appendTable of all its text, editAsText + setFontSize for its size,
 * setBorderWidth where it has none, one setColumnWidth a column; a row whose cells are all bold is getRow +
 * editAsText + setBold; only a cell styled unlike its row (aligned, bold or italic alone, or several lines) is
 * reached one by one: getCell, getChild, setAttributes (Element.setAttributes: the paragraph's own), and
 * appendParagraph + setAttributes a further line. A paragraph is appendParagraph + setAttributes, plus
 * editAsText + one setAttributes a run where its runs differ. The page is six setters, the font editAsText +
 * setFontFamily once at the end. tests/report.pane.gas.test.ts counts them against this rule.
 */
import { Align, Block, Paragraph, ReportDoc, Run, Table, TableCell } from '../../shared/report/schema';
import { OFFICIAL_FONT } from '../../shared/workbook/sheet-spec';

type DocApp = GoogleAppsScript.Document.DocumentApp;
type Body = GoogleAppsScript.Document.Body;
type Style = Record<string, unknown>;

/** The same font as the Word writer's and the annex sheets' (Decree 30/2020/NĐ-CP). */
const FONT = OFFICIAL_FONT;
const MM = 72 / 25.4;
/** A4 in points; Decree 30/2020/NĐ-CP's margins: top and bottom 20 mm, left 30 mm, right 15 mm. */
const PAGE = { width: 210 * MM, height: 297 * MM, top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

const TINY = (app: DocApp): Style => ({
  [app.Attribute.FONT_SIZE]: 1,
  [app.Attribute.SPACING_BEFORE]: 0,
  [app.Attribute.SPACING_AFTER]: 0,
  [app.Attribute.LINE_SPACING]: 1,
});

export interface ReportDocResult {
  id: string;
  url: string;
  name: string;
}

/** Line breaks inside a run: how appendParagraph takes them is not documented, so they become spaces. */
const flat = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ');

class Writer {
  constructor(
    private readonly app: DocApp,
    private readonly body: Body,
  ) {}

  private get A() {
    return this.app.Attribute;
  }

  private align(a: Align): unknown {
    const H = this.app.HorizontalAlignment;
    return { left: H.LEFT, center: H.CENTER, right: H.RIGHT, justify: H.JUSTIFY }[a];
  }

  private emphasis(r: Pick<Run, 'bold' | 'italic' | 'underline'>): Style {
    return {
      [this.A.BOLD]: r.bold === true,
      [this.A.ITALIC]: r.italic === true,
      [this.A.UNDERLINE]: r.underline === true,
    };
  }

  paragraph(p: Paragraph): void {
    const runs = p.runs.map((r) => ({ ...r, text: flat(r.text) }));
    const para = this.body.appendParagraph(runs.map((r) => r.text).join(''));
    const keep = p.role === 'heading' || p.role === 'subheading' || p.role === 'title';
    const mixed = new Set(runs.map((r) => JSON.stringify(this.emphasis(r)))).size > 1;
    para.setAttributes({
      [this.A.HORIZONTAL_ALIGNMENT]: this.align(p.align),
      // 1 cm first-line indent, 6 pt before a heading and 3 pt otherwise, 3 pt after, 1.25 lines: the Word writer's.
      [this.A.INDENT_FIRST_LINE]: p.indent ? 10 * MM : 0,
      [this.A.SPACING_BEFORE]: keep ? 6 : 3,
      [this.A.SPACING_AFTER]: 3,
      [this.A.LINE_SPACING]: 1.25,
      [this.A.FONT_SIZE]: p.size ?? 14,
      ...(mixed ? {} : this.emphasis(runs[0] ?? {})),
    });
    if (!mixed) return;
    const text = para.editAsText();
    let at = 0;
    for (const r of runs) {
      if (r.text) text.setAttributes(at, at + r.text.length - 1, this.emphasis(r));
      at += r.text.length;
    }
  }

  table(t: Table): void {
    const rows = [...t.header, ...t.rows];
    // Every row as wide as the table: a spanning cell's text in its first column, the rest empty.
    const grid = rows.map((row) => {
      const cells = row.flatMap((c) => [this.cellText(c), ...Array<string>((c.span ?? 1) - 1).fill('')]);
      return [...cells, ...Array<string>(Math.max(0, t.widths.length - cells.length)).fill('')];
    });
    const table = this.body.appendTable(grid);
    // editAsText: "manipulating the element's contents as rich text" — the whole table's text in one call.
    table.editAsText().setFontSize(t.size ?? 12);
    if (t.borderless) table.setBorderWidth(0);
    const total = t.widths.reduce((s, w) => s + w, 0);
    t.widths.forEach((w, i) => table.setColumnWidth(i, (w / total) * TEXT_WIDTH));
    rows.forEach((row, r) => {
      const header = r < t.header.length;
      const rowBold = header || (row.length > 0 && row.every((c) => c.bold));
      if (rowBold) table.getRow(r).editAsText().setBold(true);
      let col = 0;
      for (const c of row) {
        const style = this.cellStyle(c, rowBold);
        if (style) this.styleCell(table.getCell(r, col), c, style, t.size ?? 12);
        col += c.span ?? 1;
      }
    });
  }

  private cellText(c: TableCell): string {
    return flat(c.lines?.length ? c.lines[0].text : c.text);
  }

  /** The attributes a cell needs beyond its row's, or null when it needs none (the plain cells). */
  private cellStyle(c: TableCell, rowBold: boolean): Style | null {
    if (c.lines?.length) return {};
    const style: Style = {};
    const text = c.text.trim();
    if (text && c.align && c.align !== 'left') style[this.A.HORIZONTAL_ALIGNMENT] = this.align(c.align);
    if (text && !rowBold && c.bold) style[this.A.BOLD] = true;
    if (text && c.italic) style[this.A.ITALIC] = true;
    return Object.keys(style).length ? style : null;
  }

  /** A cell's paragraph (appendTable gives each cell one, holding its text) and its further lines. */
  private styleCell(cell: GoogleAppsScript.Document.TableCell, c: TableCell, style: Style, size: number): void {
    const lines = c.lines ?? [];
    if (!lines.length) {
      cell.getChild(0).setAttributes(style);
      return;
    }
    const lineStyle = (l: (typeof lines)[number]): Style => ({
      ...this.emphasis(l),
      [this.A.HORIZONTAL_ALIGNMENT]: this.align(c.align ?? 'left'),
      [this.A.FONT_SIZE]: l.size ?? size,
    });
    cell.getChild(0).setAttributes(lineStyle(lines[0]));
    for (const l of lines.slice(1)) cell.appendParagraph(flat(l.text)).setAttributes(lineStyle(l));
  }

  block(b: Block): void {
    if (b.kind === 'paragraph') this.paragraph(b);
    else this.table(b);
  }
}

/**
 * Said when the script runs without the documents scope (installed before the report existed): Apps Script
 * asks for a project's scopes all at once, the next time the user runs it from its menu.
 */
export const NEEDS_DOCUMENTS_SCOPE =
  'Bổ trợ cần thêm quyền tạo tài liệu Google Docs để viết báo cáo: đóng thanh bên, mở lại từ menu ' +
  '“Báo cáo CĐS”, cấp quyền khi được hỏi, rồi bấm lại “Tạo báo cáo (Word)”.';

function create(app: DocApp, name: string): GoogleAppsScript.Document.Document {
  try {
    return app.create(name);
  } catch (e) {
    // "You do not have permission to call DocumentApp.create. Required permissions: …/auth/documents"
    if (/auth\/documents/.test(String((e as Error)?.message ?? e))) throw new Error(NEEDS_DOCUMENTS_SCOPE);
    throw e;
  }
}

/** Writes the report as a new Google Doc in the user's Drive (its root folder) and says where it is. */
export function writeReportDoc(doc: ReportDoc, app: DocApp = DocumentApp): ReportDocResult {
  const file = create(app, doc.title);
  const body = file.getBody();
  body
    .setPageWidth(PAGE.width)
    .setPageHeight(PAGE.height)
    .setMarginTop(PAGE.top)
    .setMarginBottom(PAGE.bottom)
    .setMarginLeft(PAGE.left)
    .setMarginRight(PAGE.right);
  const w = new Writer(app, body);
  doc.sections.forEach((s, i) => {
    // No section breaks in DocumentApp: each annex (a landscape section in Word) starts on a new page.
    if (i > 0) body.appendPageBreak();
    s.blocks.forEach((b) => w.block(b));
  });
  // A new document holds one empty paragraph, now before the heading block. Docs keeps a paragraph before a
  // table (the Docs API inserts one before each: InsertTableRequest,
  // https://developers.google.com/docs/api/reference/rest/v1/documents/request#inserttablerequest), so it
  // stays, as small as text gets.
  body.getChild(0).setAttributes(TINY(app));
  // The font once for everything written: the body's whole text, tables included.
  body.editAsText().setFontFamily(FONT);
  const out = { id: file.getId(), url: file.getUrl(), name: doc.title };
  file.saveAndClose();
  return out;
}
