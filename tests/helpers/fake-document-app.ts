/**
 * A stand-in for Apps Script's DocumentApp (https://developers.google.com/apps-script/reference/document), for
 * what cannot run offline: a Google Doc. It keeps the document as its tree — the body's paragraphs and
 * tables, a table's rows and cells, a cell's paragraphs — counts every method called on any of its objects
 * (`calls`, `log`), and behaves as the reference says where the product relies on it:
 *
 * - DocumentApp.create(name) "creates and returns a new document"
 *   (https://developers.google.com/apps-script/reference/document/document-app#create(String)); like a new
 *   Google Doc, its body holds one empty paragraph.
 * - Body.appendParagraph(text), appendTable(cells), appendPageBreak() add at the end of the body and return the
 *   element (https://developers.google.com/apps-script/reference/document/body). appendTable takes "a
 *   two-dimensional string array" and makes a TableCell "for each specified string value", each holding one
 *   paragraph with its string; anything but strings is refused. A page break is held by a paragraph of its own
 *   ("PageBreaks may not be contained within TableCells").
 * - Body.setPageWidth/setPageHeight/setMargin* take points and return the body, so they chain.
 * - setAttributes(attributes) takes an object keyed by DocumentApp.Attribute
 *   (https://developers.google.com/apps-script/reference/document/attribute); a Paragraph's apply to all of it
 *   (the reference's "custom paragraph style" example).
 * - editAsText() gives the element's contents as rich text (Element.editAsText: "Use editAsText for
 *   manipulating the elements contents as rich text"); Text.setBold/setItalic/setFontSize/setFontFamily
 *   without offsets style all of it, with (startOffset, endOffsetInclusive) that range, which must lie in
 *   the text (https://developers.google.com/apps-script/reference/document/text). The stand-in takes ranges
 *   on one paragraph's text only — the product uses no other.
 * - Table.getRow, getCell(rowIndex, cellIndex), setColumnWidth(columnIndex, width) and setBorderWidth(width);
 *   an index past the table is refused (https://developers.google.com/apps-script/reference/document/table).
 * - Element.asParagraph() gives the element as a Paragraph; a TableCell's getChild(0) is its first paragraph.
 * - Document.getUrl() is the address of the document (https://docs.google.com/document/d/ID/edit);
 *   saveAndClose(): "A closed Document can't be edited" — any change after it throws.
 *
 * Later styles win over earlier ones where they meet, as when the same text is styled twice in the editor.
 */

export type Style = Record<string, unknown>;

const ATTRIBUTES = [
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'LINE_SPACING',
  'LINK_URL',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
] as const;

/** Apps Script's enums are objects whose members print as their names; attribute objects are keyed by them. */
const enumOf = <T extends string>(names: readonly T[]) =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as { readonly [K in T]: K };

/** What every object of one document shares: the call count and whether it is closed. */
class Session {
  calls = 0;
  log: string[] = [];
  constructor(readonly closed: { value: boolean }) {}
}

abstract class DocElement {
  constructor(protected readonly s: Session) {}

  protected call(name: string, edits = false): void {
    this.s.calls++;
    this.s.log.push(`${this.constructor.name.replace(/^Fake/, '')}.${name}`);
    if (edits && this.s.closed.value) throw new Error('Document is closed, its contents cannot be updated.');
  }
}

interface Layer {
  from: number;
  to: number;
  style: Style;
}

export class FakeParagraph extends DocElement {
  readonly layers: Layer[] = [];
  constructor(
    s: Session,
    readonly text: string,
    readonly pageBreak = false,
  ) {
    super(s);
  }

  setAttributes(style: Style): this {
    this.call('setAttributes', true);
    this.style(style);
    return this;
  }

  /** A style on the whole paragraph or a range of it (no call: Text's and containers' way in). */
  style(style: Style, from = 0, to = Infinity): void {
    this.layers.push({ from, to, style: { ...style } });
  }

  editAsText(): FakeText {
    this.call('editAsText');
    return new FakeText(this.s, () => [this], this);
  }

  asParagraph(): this {
    this.call('asParagraph');
    return this;
  }

  getText(): string {
    this.call('getText');
    return this.text;
  }

  /** The paragraph's style where every character agrees (layers over the whole of it). */
  get attributes(): Style {
    return Object.assign({}, ...this.layers.filter((l) => l.from === 0 && l.to === Infinity).map((l) => l.style));
  }

  /** The style of one character: every layer over it, the later over the earlier. */
  styleAt(i: number): Style {
    return Object.assign({}, ...this.layers.filter((l) => l.from <= i && i <= l.to).map((l) => l.style));
  }
}

export class FakeText extends DocElement {
  constructor(
    s: Session,
    private readonly paragraphs: () => FakeParagraph[],
    private readonly single?: FakeParagraph,
  ) {
    super(s);
  }

  /** (value) for all the text, or (start, endInclusive, value) for a range of one paragraph's. */
  private apply(name: string, attr: string | null, args: unknown[]): this {
    this.call(name, true);
    const value = args[args.length - 1];
    const style: Style = attr ? { [attr]: value } : (value as Style);
    if (args.length === 1) {
      for (const p of this.paragraphs()) p.style(style);
      return this;
    }
    const [from, to] = args as [number, number];
    if (!this.single) throw new Error('stand-in: ranges are modelled on one paragraph’s text only');
    const n = this.single.text.length;
    if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to < n))
      throw new Error(`Text.${name}: the range ${from}–${to} is outside the text (length ${n}).`);
    this.single.style(style, from, to);
    return this;
  }

  setAttributes(...args: unknown[]): this {
    return this.apply('setAttributes', null, args);
  }
  setBold(...args: unknown[]): this {
    return this.apply('setBold', 'BOLD', args);
  }
  setItalic(...args: unknown[]): this {
    return this.apply('setItalic', 'ITALIC', args);
  }
  setFontSize(...args: unknown[]): this {
    return this.apply('setFontSize', 'FONT_SIZE', args);
  }
  setFontFamily(...args: unknown[]): this {
    return this.apply('setFontFamily', 'FONT_FAMILY', args);
  }
}

export class FakeTableCell extends DocElement {
  readonly paragraphs: FakeParagraph[];
  constructor(s: Session, text: string) {
    super(s);
    this.paragraphs = [new FakeParagraph(s, text)];
  }

  getChild(i: number): FakeParagraph {
    this.call('getChild');
    if (!this.paragraphs[i]) throw new Error(`TableCell.getChild: no child ${i}.`);
    return this.paragraphs[i];
  }

  getNumChildren(): number {
    this.call('getNumChildren');
    return this.paragraphs.length;
  }

  appendParagraph(text: string): FakeParagraph {
    this.call('appendParagraph', true);
    const p = new FakeParagraph(this.s, String(text));
    this.paragraphs.push(p);
    return p;
  }

  editAsText(): FakeText {
    this.call('editAsText');
    return new FakeText(this.s, () => this.paragraphs);
  }
}

export class FakeTableRow extends DocElement {
  constructor(
    s: Session,
    readonly cells: FakeTableCell[],
  ) {
    super(s);
  }

  getCell(i: number): FakeTableCell {
    this.call('getCell');
    if (!this.cells[i]) throw new Error(`TableRow.getCell: no cell ${i}.`);
    return this.cells[i];
  }

  getNumCells(): number {
    this.call('getNumCells');
    return this.cells.length;
  }

  editAsText(): FakeText {
    this.call('editAsText');
    return new FakeText(this.s, () => this.cells.flatMap((c) => c.paragraphs));
  }
}

export class FakeTable extends DocElement {
  readonly rows: FakeTableRow[];
  borderWidth = 1;
  readonly columnWidths: Array<number | undefined> = [];
  constructor(s: Session, cells: string[][]) {
    super(s);
    this.rows = cells.map(
      (r) =>
        new FakeTableRow(
          s,
          r.map((t) => new FakeTableCell(s, t)),
        ),
    );
  }

  get columns(): number {
    return Math.max(0, ...this.rows.map((r) => r.cells.length));
  }

  getRow(i: number): FakeTableRow {
    this.call('getRow');
    if (!this.rows[i]) throw new Error(`Table.getRow: no row ${i}.`);
    return this.rows[i];
  }

  getCell(r: number, c: number): FakeTableCell {
    this.call('getCell');
    const cell = this.rows[r]?.cells[c];
    if (!cell) throw new Error(`Table.getCell: no cell (${r}, ${c}).`);
    return cell;
  }

  getNumRows(): number {
    this.call('getNumRows');
    return this.rows.length;
  }

  setColumnWidth(i: number, width: number): this {
    this.call('setColumnWidth', true);
    if (!(i >= 0 && i < this.columns)) throw new Error(`Table.setColumnWidth: no column ${i}.`);
    this.columnWidths[i] = width;
    return this;
  }

  setBorderWidth(width: number): this {
    this.call('setBorderWidth', true);
    this.borderWidth = width;
    return this;
  }

  editAsText(): FakeText {
    this.call('editAsText');
    return new FakeText(this.s, () => this.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs)));
  }

  /** Every cell's text, row by row (no call). */
  get grid(): string[][] {
    return this.rows.map((r) => r.cells.map((c) => c.paragraphs.map((p) => p.text).join('\n')));
  }
}

type BodyChild = FakeParagraph | FakeTable;

export class FakeBody extends DocElement {
  readonly children: BodyChild[];
  readonly page = { width: 612, height: 792, top: 72, bottom: 72, left: 72, right: 72 };
  constructor(s: Session) {
    super(s);
    this.children = [new FakeParagraph(s, '')];
  }

  private set(name: string, key: keyof FakeBody['page'], v: number): this {
    this.call(name, true);
    this.page[key] = v;
    return this;
  }
  setPageWidth(v: number): this {
    return this.set('setPageWidth', 'width', v);
  }
  setPageHeight(v: number): this {
    return this.set('setPageHeight', 'height', v);
  }
  setMarginTop(v: number): this {
    return this.set('setMarginTop', 'top', v);
  }
  setMarginBottom(v: number): this {
    return this.set('setMarginBottom', 'bottom', v);
  }
  setMarginLeft(v: number): this {
    return this.set('setMarginLeft', 'left', v);
  }
  setMarginRight(v: number): this {
    return this.set('setMarginRight', 'right', v);
  }

  appendParagraph(text: string): FakeParagraph {
    this.call('appendParagraph', true);
    if (typeof text !== 'string') throw new Error('Body.appendParagraph: the text must be a string.');
    const p = new FakeParagraph(this.s, text);
    this.children.push(p);
    return p;
  }

  appendTable(cells: string[][]): FakeTable {
    this.call('appendTable', true);
    if (!Array.isArray(cells) || !cells.every((r) => Array.isArray(r) && r.every((c) => typeof c === 'string')))
      throw new Error('Body.appendTable: the cells must be a two-dimensional string array.');
    const t = new FakeTable(this.s, cells);
    this.children.push(t);
    return t;
  }

  appendPageBreak(): FakeParagraph {
    this.call('appendPageBreak', true);
    const p = new FakeParagraph(this.s, '', true);
    this.children.push(p);
    return p;
  }

  getChild(i: number): BodyChild {
    this.call('getChild');
    if (!this.children[i]) throw new Error(`Body.getChild: no child ${i}.`);
    return this.children[i];
  }

  getNumChildren(): number {
    this.call('getNumChildren');
    return this.children.length;
  }

  editAsText(): FakeText {
    this.call('editAsText');
    return new FakeText(this.s, () =>
      this.children.flatMap((c) =>
        c instanceof FakeTable ? c.rows.flatMap((r) => r.cells.flatMap((x) => x.paragraphs)) : [c],
      ),
    );
  }
}

export class FakeDocument extends DocElement {
  readonly body: FakeBody;
  readonly id: string;
  private readonly closed: { value: boolean };
  constructor(
    s: Session,
    closed: { value: boolean },
    readonly name: string,
    id: string,
  ) {
    super(s);
    this.closed = closed;
    this.id = id;
    this.body = new FakeBody(s);
  }

  get isClosed(): boolean {
    return this.closed.value;
  }

  getBody(): FakeBody {
    this.call('getBody');
    return this.body;
  }
  getId(): string {
    this.call('getId');
    return this.id;
  }
  getName(): string {
    this.call('getName');
    return this.name;
  }
  getUrl(): string {
    this.call('getUrl');
    return `https://docs.google.com/document/d/${this.id}/edit`;
  }
  saveAndClose(): void {
    this.call('saveAndClose', true);
    this.closed.value = true;
  }
}

/**
 * DocumentApp, the documents it made, and the calls made on them (create included). `granted: false` is a
 * script run without the scope create requires ("Scripts that use this method require authorization with …
 * https://www.googleapis.com/auth/documents"): create throws as Apps Script does for a missing scope.
 */
export function fakeDocumentApp(options: { granted?: boolean } = {}) {
  const docs: FakeDocument[] = [];
  const sessions: Session[] = [];
  const app = {
    Attribute: enumOf(ATTRIBUTES),
    HorizontalAlignment: enumOf(['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY'] as const),
    ParagraphHeading: enumOf(['NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'TITLE', 'SUBTITLE'] as const),
    create(name: string): FakeDocument {
      if (options.granted === false)
        throw new Error(
          'You do not have permission to call DocumentApp.create. Required permissions: ' +
            'https://www.googleapis.com/auth/documents',
        );
      const closed = { value: false };
      const s = new Session(closed);
      s.calls++;
      s.log.push('DocumentApp.create');
      sessions.push(s);
      const doc = new FakeDocument(s, closed, String(name), `1dxDoc${String(docs.length + 1).padStart(38, '0')}`);
      docs.push(doc);
      return doc;
    },
  };
  return {
    app,
    docs,
    /** Every call on DocumentApp and what it made. */
    get calls() {
      return sessions.reduce((n, s) => n + s.calls, 0);
    },
    get log() {
      return sessions.flatMap((s) => s.log);
    },
  };
}

/** The body as a list: each paragraph's text (page breaks as "⏎page"), each table's grid. */
export function outline(doc: FakeDocument): Array<string | string[][]> {
  return doc.body.children.map((c) => (c instanceof FakeTable ? c.grid : c.pageBreak ? '⏎page' : c.text));
}
