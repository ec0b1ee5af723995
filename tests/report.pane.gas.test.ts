/**
 * "Tạo báo cáo (Word)" in Google Sheets (issue 14 item 1): the server handler of the built Code.js writes the
 * report the sidebar computed as a Google Doc through DocumentApp (a stand-in following its reference:
 * tests/helpers/fake-document-app.ts). The document holds the ReportDoc's paragraphs and tables in order, each
 * annex on a new page, the A4 page of Decree 30, Times New Roman; it is built with few calls, none per plain cell.
 */
import { NEEDS_DOCUMENTS_SCOPE, writeReportDoc } from '../appsscript/server/report-doc';
import { consolidate } from '../shared/consolidate/consolidate';
import { reportDocument } from '../shared/report/report';
import { ReportDoc, Table, TableCell } from '../shared/report/schema';
import { XlsxWorkbook } from '../xlsx/workbook';
import { fakeDocumentApp, FakeDocument, FakeParagraph, FakeTable, outline } from './helpers/fake-document-app';
import { FakeSpreadsheet } from './helpers/fake-sheets';
import { gasCall } from './helpers/gas-run-rules';
import { loadAppsScript } from './helpers/hosts';
import { FEEDBACK_SENTENCE, HEADING_LINES, REPORT_FIELDS, reportUnits } from './helpers/report-units';

type DocApp = GoogleAppsScript.Document.DocumentApp;
const MM = 72 / 25.4;

const spanned = (c: TableCell) => c.span ?? 1;
const cellText = (c: TableCell) => (c.lines?.length ? c.lines.map((l) => l.text).join('\n') : c.text);

/** A ReportDoc table as the Google Doc must hold it: a spanning cell's text first, then empty columns. */
function grid(t: Table): string[][] {
  return [...t.header, ...t.rows].map((row) => {
    const cells = row.flatMap((c) => [cellText(c), ...Array<string>(spanned(c) - 1).fill('')]);
    return [...cells, ...Array<string>(t.widths.length - cells.length).fill('')];
  });
}

/** The body the document must have: its own empty first paragraph, then every block, a page break a section. */
function expected(doc: ReportDoc): Array<string | string[][]> {
  const out: Array<string | string[][]> = [''];
  doc.sections.forEach((s, i) => {
    if (i) out.push('⏎page');
    for (const b of s.blocks) out.push(b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : grid(b));
  });
  return out;
}

/** The calls report-doc.ts's rule gives for a document, counted from the ReportDoc alone. */
function expectedCalls(doc: ReportDoc): number {
  let n = 1 + 1 + 6; // create, getBody, the page's six setters
  const emphasis = (r: { bold?: boolean; italic?: boolean; underline?: boolean }) =>
    `${r.bold === true}${r.italic === true}${r.underline === true}`;
  doc.sections.forEach((s, i) => {
    if (i) n += 1; // appendPageBreak
    for (const b of s.blocks) {
      if (b.kind === 'paragraph') {
        const mixed = new Set(b.runs.map(emphasis)).size > 1;
        n += 2 + (mixed ? 1 + b.runs.filter((r) => r.text).length : 0);
        continue;
      }
      n += 1 + 2 + (b.borderless ? 1 : 0) + b.widths.length; // appendTable, editAsText + setFontSize, borders, widths
      [...b.header, ...b.rows].forEach((row, r) => {
        const bold = r < b.header.length || (row.length > 0 && row.every((c) => c.bold));
        if (bold) n += 3; // getRow, editAsText, setBold
        for (const c of row) {
          const text = c.text.trim();
          const styled =
            Boolean(c.lines?.length) || (text && ((c.align && c.align !== 'left') || (!bold && c.bold) || c.italic));
          if (styled) n += 3 + 2 * Math.max(0, (c.lines?.length ?? 0) - 1); // getCell, getChild, setAttributes
        }
      });
    }
  });
  return n + 2 + 2 + 3; // the first paragraph made small, the font, getId + getUrl + saveAndClose
}

const paragraphs = (d: FakeDocument): FakeParagraph[] =>
  d.body.children.flatMap((c) =>
    c instanceof FakeTable ? c.rows.flatMap((r) => r.cells.flatMap((x) => x.paragraphs)) : [c],
  );

let doc: ReportDoc;
beforeAll(async () => {
  const sources = [];
  for (const u of await reportUnits())
    sources.push({ source: { file: `${u.unit}.xlsx` }, sheets: await (await XlsxWorkbook.open(u.file)).read() });
  const c = consolidate(sources, { period: '2023-06', deadlineDay: 20, now: new Date(2023, 6, 26), ...REPORT_FIELDS });
  doc = reportDocument(c, REPORT_FIELDS);
}, 120000);

describe('dxCreateReportDoc of the built Code.js, through google.script.run’s rules', () => {
  test('one new Google Doc with the report’s paragraphs and tables in order; its address comes back', () => {
    const docs = fakeDocumentApp();
    const gas = loadAppsScript(new FakeSpreadsheet());
    gas.global.DocumentApp = docs.app;
    const out = gasCall(gas.global, 'dxCreateReportDoc', [doc]) as { id: string; url: string; name: string };
    expect(docs.docs).toHaveLength(1);
    const d = docs.docs[0];
    expect(out).toEqual({ id: d.id, url: `https://docs.google.com/document/d/${d.id}/edit`, name: doc.title });
    expect(d.name).toBe('Báo cáo tình hình chuyển đổi số thành phố Nha Trang tháng 6/2023');
    expect(d.isClosed).toBe(true);
    expect(outline(d)).toEqual(expected(doc));
    // The heading block (a borderless table), the title, a figure sentence, each where the ReportDoc has it.
    const head = d.body.children[1] as FakeTable;
    expect(head.grid.flatMap((r) => r.flatMap((c) => c.split('\n')))).toEqual(HEADING_LINES);
    expect(head.borderWidth).toBe(0);
    const texts = outline(d).filter((x): x is string => typeof x === 'string');
    expect(texts.slice(0, 3)).toEqual(['', 'BÁO CÁO', 'Tình hình chuyển đổi số thành phố Nha Trang tháng 6/2023']);
    expect(texts).toContain(FEEDBACK_SENTENCE);
    expect(texts.filter((t) => t === '⏎page')).toHaveLength(doc.sections.length - 1);
  });

  test('few calls: the rule of report-doc.ts, nothing for a plain cell', () => {
    const docs = fakeDocumentApp();
    const gas = loadAppsScript(new FakeSpreadsheet());
    gas.global.DocumentApp = docs.app;
    gasCall(gas.global, 'dxCreateReportDoc', [doc]);
    const cells = doc.sections
      .flatMap((s) => s.blocks)
      .flatMap((b) => (b.kind === 'table' ? [...b.header, ...b.rows].flat() : []));
    const blocks = doc.sections.flatMap((s) => s.blocks).length;
    expect(docs.calls).toBe(expectedCalls(doc));
    // Cell by cell would be three calls a cell at least; the tables' text goes in one call each.
    expect(docs.calls).toBeLessThan(2 * blocks + cells.length);
    expect(docs.log.filter((x) => x === 'Body.appendTable')).toHaveLength(
      doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'table').length,
    );
  });

  test('without the documents scope the sidebar reads what to do, in Vietnamese', () => {
    const docs = fakeDocumentApp({ granted: false });
    const gas = loadAppsScript(new FakeSpreadsheet());
    gas.global.DocumentApp = docs.app;
    expect(() => gasCall(gas.global, 'dxCreateReportDoc', [doc])).toThrow(NEEDS_DOCUMENTS_SCOPE);
  });
});

describe('the Google Doc’s form (writeReportDoc)', () => {
  const write = (d: ReportDoc) => {
    const docs = fakeDocumentApp();
    writeReportDoc(d, docs.app as unknown as DocApp);
    return docs.docs[0];
  };

  test('A4 with Decree 30’s margins; Times New Roman everywhere; the title centred, bold, 14 pt', () => {
    const d = write(doc);
    expect(d.body.page.width).toBeCloseTo(210 * MM, 1);
    expect(d.body.page.height).toBeCloseTo(297 * MM, 1);
    expect([d.body.page.top, d.body.page.bottom, d.body.page.left, d.body.page.right].map(Math.round)).toEqual(
      [20, 20, 30, 15].map((mm) => Math.round(mm * MM)),
    );
    for (const p of paragraphs(d)) expect(p.attributes.FONT_FAMILY).toBe('Times New Roman');
    const title = paragraphs(d).find((p) => p.text === 'BÁO CÁO')!;
    expect(title.attributes).toMatchObject({ HORIZONTAL_ALIGNMENT: 'CENTER', BOLD: true, FONT_SIZE: 14 });
    const sentence = paragraphs(d).find((p) => p.text === FEEDBACK_SENTENCE)!;
    expect(sentence.attributes).toMatchObject({ HORIZONTAL_ALIGNMENT: 'JUSTIFY', BOLD: false, FONT_SIZE: 14 });
    expect(sentence.attributes.INDENT_FIRST_LINE).toBeCloseTo(10 * MM, 5);
  });

  test('the heading block: each line a paragraph of its cell, with the form’s emphasis and size', () => {
    const head = write(doc).body.children[1] as FakeTable;
    const [left, right] = head.rows[0].cells.map((c) => c.paragraphs);
    expect(left.map((p) => [p.text, p.attributes.BOLD, p.attributes.FONT_SIZE])).toEqual([
      ['UBND TỈNH KHÁNH HÒA', false, 12],
      ['UBND THÀNH PHỐ NHA TRANG', true, 12],
      ['———', false, 10],
      ['Số: 123/BC-UBND', false, 13],
    ]);
    expect(right[3].attributes).toMatchObject({ ITALIC: true, HORIZONTAL_ALIGNMENT: 'CENTER', FONT_SIZE: 14 });
    const total = head.columnWidths.reduce((s: number, w) => s + (w ?? 0), 0);
    expect(total).toBeCloseTo((210 - 30 - 15) * MM, 3);
  });

  test('an annex: header rows bold, figures right-aligned where the ReportDoc aligns them', () => {
    const d = write(doc);
    const tables = d.body.children.filter((c): c is FakeTable => c instanceof FakeTable);
    const source = doc.sections.flatMap((x) => x.blocks).filter((b): b is Table => b.kind === 'table');
    const k = source.findIndex((t) => t.header.length && t.rows.some((r) => r.some((c) => c.align === 'right')));
    const [annex, t] = [tables[k], source[k]];
    expect(annex.grid).toEqual(grid(t));
    for (let r = 0; r < t.header.length; r++)
      expect(annex.rows[r].cells.every((c) => c.paragraphs[0].attributes.BOLD === true)).toBe(true);
    const r = t.header.length + t.rows.findIndex((row) => row.some((c) => c.align === 'right' && c.text));
    const row = [...t.header, ...t.rows][r];
    const col = row
      .slice(
        0,
        row.findIndex((c) => c.align === 'right' && c.text),
      )
      .reduce((n, c) => n + spanned(c), 0);
    expect(annex.rows[r].cells[col].paragraphs[0].text).toMatch(/^[\d.,%]+$/);
    expect(annex.rows[r].cells[col].paragraphs[0].attributes.HORIZONTAL_ALIGNMENT).toBe('RIGHT');
    expect(annex.rows[r].cells[1].paragraphs[0].attributes.HORIZONTAL_ALIGNMENT).toBeUndefined();
  });

  test('runs with their own emphasis keep it, a span leaves its columns empty, line breaks become spaces', () => {
    const d = write(
      ReportDoc.parse({
        title: 'Thử',
        sections: [
          {
            blocks: [
              {
                kind: 'paragraph',
                runs: [
                  { text: 'Đậm ', bold: true },
                  { text: 'nghiêng', italic: true },
                ],
              },
              { kind: 'paragraph', runs: [{ text: 'dòng một\ndòng hai' }] },
              {
                kind: 'table',
                header: [
                  [
                    { text: 'Gộp', span: 2, bold: true },
                    { text: 'C', bold: true },
                  ],
                ],
                rows: [[{ text: '1' }, { text: 'chữ', italic: true }, { text: '2.742', align: 'right' }]],
                widths: [1, 2, 1],
              },
            ],
          },
          { landscape: true, blocks: [{ kind: 'paragraph', runs: [{ text: 'Phụ lục I' }] }] },
        ],
      }),
    );
    expect(outline(d)).toEqual([
      '',
      'Đậm nghiêng',
      'dòng một dòng hai',
      [
        ['Gộp', '', 'C'],
        ['1', 'chữ', '2.742'],
      ],
      '⏎page',
      'Phụ lục I',
    ]);
    const runs = d.body.children[1] as FakeParagraph;
    expect([runs.styleAt(0).BOLD, runs.styleAt(3).BOLD, runs.styleAt(4).BOLD, runs.styleAt(4).ITALIC]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    const t = d.body.children[3] as FakeTable;
    expect(t.borderWidth).toBe(1);
    expect(t.columnWidths.map((w) => Math.round(w ?? 0))).toEqual(
      [0.25, 0.5, 0.25].map((f) => Math.round(f * 165 * MM)),
    );
    expect(t.rows[1].cells[1].paragraphs[0].attributes.ITALIC).toBe(true);
    expect(t.rows[1].cells[2].paragraphs[0].attributes.HORIZONTAL_ALIGNMENT).toBe('RIGHT');
  });

  test('a document once closed is not written again', () => {
    const docs = fakeDocumentApp();
    writeReportDoc(doc, docs.app as unknown as DocApp);
    expect(() => docs.docs[0].body.appendParagraph('sau khi đóng')).toThrow(/closed/);
  });
});
