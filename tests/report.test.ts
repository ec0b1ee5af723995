/**
 * The report (issue 14): the official form from the consolidated figures. Units made with the product's
 * template and filled with seed figures (seed 000 §3 and §6, §8, §10), consolidated, written as .docx and
 * read back: the heading block, the title with the period in words, the sentences with their exact figures,
 * the indicator table, late and missing units, what two units wrote, the annexes appended.
 */
import JSZip from 'jszip';
import { consolidate, Consolidation } from '../shared/consolidate/consolidate';
import { NHA_TRANG } from '../shared/registry/data/nha-trang';
import { cellText } from '../shared/report/annex-tables';
import { placeDate, reportDocument, scopeName } from '../shared/report/report';
import { Block, ReportDoc, ReportOptions } from '../shared/report/schema';
import { SheetSnapshot } from '../shared/workbook/port';
import { reportOwnership } from '../word/owned';
import { reportBytes } from '../word/report-docx';
import { XlsxWorkbook } from '../xlsx/workbook';
import { notesSheet, NOTES_SHEET } from '../shared/templates/notes';
import { columnLetter } from '../shared/workbook/sheet-spec';
import { doneInJuly, Edit, eidRow, feedbackRow, unitWorkbook } from './helpers/unit-fixture';
import { convertToPdf, findSoffice, pdfText } from './helpers/libreoffice';
import { HEADING_LINES, REPORT_FIELDS } from './helpers/report-units';
import { tmpFile } from './helpers/xlsx';
import * as fs from 'fs';
import * as path from 'path';

type Source = { source: { file: string }; sheets: SheetSnapshot[] };

/** The heading block, recipients and signer the pane tests use too (tests/helpers/report-units.ts). */
const OPTIONS: ReportOptions = REPORT_FIELDS;

/** The n-th line (1-based) of a section of the template's sheet "Kết quả, khó khăn", as a unit types it. */
function note(section: string, n: number, text: string): Edit {
  const rows = notesSheet().rows ?? [];
  const at = rows.findIndex((r) => r.some((x) => x?.v === section));
  const lines = rows
    .map((r, i) => ({ i, col: r.findIndex((x) => x?.s === 'inputText') }))
    .filter((x) => x.i > at && x.col >= 0);
  return { sheet: NOTES_SHEET, cell: `${columnLetter(lines[n - 1].col)}${lines[n - 1].i + 1}`, value: text };
}

async function unit(name: string, edits: Edit[]): Promise<Source> {
  const { file } = await unitWorkbook(edits, name, '2023-06');
  return { source: { file: `${name}.xlsx` }, sheets: await (await XlsxWorkbook.open(file)).read() };
}

/** Every text of the document, paragraph by paragraph, table cells line by line. */
function texts(blocks: Block[]): string[] {
  return blocks.flatMap((b) =>
    b.kind === 'paragraph'
      ? [b.runs.map((r) => r.text).join('')]
      : [...b.header, ...b.rows].flatMap((r) => r.flatMap((c) => (c.lines ? c.lines.map((l) => l.text) : [c.text]))),
  );
}

describe('the report from seed figures', () => {
  let c: Consolidation;
  let doc: ReportDoc;
  let body: string[];
  beforeAll(async () => {
    const tasks: Edit[] = [
      ...Array(4).fill('Hoàn thành, đúng hạn'),
      'Hoàn thành, trễ hạn',
      ...Array(19).fill('Đang thực hiện theo tiến độ'),
      'Đang thực hiện, trễ hạn',
    ].flatMap((status: string, i) => [
      { table: 'T5', row: `#${i + 1}`, field: 'stt', value: i + 1 },
      { table: 'T5', row: `#${i + 1}`, field: 'name', value: `Nhiệm vụ ${i + 1}` },
      { table: 'T5', row: `#${i + 1}`, field: 'fundKind', value: 'Vốn sự nghiệp' },
      { table: 'T5', row: `#${i + 1}`, field: 'fundSource', value: 'NS thành phố' },
      { table: 'T5', row: `#${i + 1}`, field: 'assessment', value: status },
    ]);
    const sources = await Promise.all([
      // Seed 000 §6: the offices 10 = 7 + 3 (7 = 5 + 2; 3 = 1 + 2); §3 the digitisation lines; §10 the 25 tasks.
      unit('Phòng Văn hóa và Thông tin', [
        ...doneInJuly(5),
        note('1. Kết quả nổi bật', 1, 'Vận hành trang Zalo Official Account “Thành phố Nha Trang”.'),
        note('2. Khó khăn, vướng mắc', 1, '- Nhiều chứng thư số bị hỏng, phải chờ cấp mới.'),
        note('2. Khó khăn, vướng mắc', 2, 'Nhân lực CNTT còn thiếu, phải kiêm nhiệm.'),
        ...feedbackRow([10, 7, 5, 2, 3, 1, 2]),
        { table: 'T3a', row: '#1', field: 'dossiers', value: 8122 },
        { table: 'T3a', row: '#1', field: 'withResult', value: 5861 },
        { table: 'T3a', row: '#1', field: 'signed', value: 2680 },
        { table: 'T3a', row: '#1', field: 'archived', value: 387 },
        ...tasks,
      ]),
      // The wards: 65 = 55 + 10 (55 = 48 + 7; 10 = 1 + 9) in two reports; the e-ID stock 103.223/311.736.
      unit('Phường Vĩnh Hòa', [
        ...doneInJuly(5),
        note('2. Khó khăn, vướng mắc', 1, 'Người lớn tuổi chưa có tài khoản thanh toán.'),
        note('3. Đề xuất, kiến nghị', 1, 'Đề nghị tỉnh nâng cấp đường truyền cho xã, phường.'),
        ...feedbackRow([40, 35, 30, 5, 5, 1, 4]),
        ...eidRow(60000, 200000),
      ]),
      // Late: completed on 25 July, after the 20th.
      unit('Phường Vĩnh Hải', [...doneInJuly(25), ...feedbackRow([25, 20, 18, 2, 5, 0, 5]), ...eidRow(43223, 111736)]),
    ]);
    c = consolidate(sources, { period: '2023-06', registry: NHA_TRANG, deadlineDay: 20, ...OPTIONS });
    doc = reportDocument(c, OPTIONS);
    body = texts(doc.sections[0].blocks);
  }, 120000);

  test('the heading block: bodies and number left, motto and place-date right; "BÁO CÁO" and its excerpt', () => {
    const head = doc.sections[0].blocks[0];
    expect(head.kind === 'table' && head.borderless).toBe(true);
    expect(body.slice(0, 10)).toEqual([
      ...HEADING_LINES,
      'BÁO CÁO',
      'Tình hình chuyển đổi số thành phố Nha Trang tháng 6/2023',
    ]);
  });

  test('without a date or number, the form keeps its blanks to fill by hand', () => {
    expect(placeDate(undefined, undefined)).toBe('…, ngày … tháng … năm …');
    expect(texts(reportDocument(c, {}).sections[0].blocks)).toContain('Số: …/BC-…');
    expect(scopeName('UBND thành phố Nha Trang')).toBe('thành phố Nha Trang');
  });

  test('feedback, per group and in total: 65 = 55 + 10 with 48/7 and 1/9 (seed 000 §6)', () => {
    expect(body).toContain(
      '- Các cơ quan chuyên môn đã tiếp nhận 10 phản ánh kiến nghị, đã giải quyết 7 (đúng hạn 5, trễ hạn 2), ' +
        'đang giải quyết 3 (đúng hạn 1, trễ hạn 2).',
    );
    expect(body).toContain(
      '- UBND các xã, phường đã tiếp nhận 65 phản ánh kiến nghị, đã giải quyết 55 (đúng hạn 48, trễ hạn 7), ' +
        'đang giải quyết 10 (đúng hạn 1, trễ hạn 9).',
    );
    expect(body).toContain(
      '- Toàn thành phố Nha Trang đã tiếp nhận 75 phản ánh kiến nghị, đã giải quyết 62 (đúng hạn 53, trễ hạn 9), ' +
        'đang giải quyết 13 (đúng hạn 2, trễ hạn 11).',
    );
  });

  test('digitisation as seed 000 §3 lists it: 8.122, 5.861, 2.680, 387', () => {
    const at = body.indexOf('- Đối với các cơ quan chuyên môn:');
    expect(body.slice(at, at + 5)).toEqual([
      '- Đối với các cơ quan chuyên môn:',
      '+ Tổng số hồ sơ: 8.122',
      '+ Hồ sơ đã được gắn file kết quả: 5.861',
      '+ Hồ sơ đã được gắn file kết quả có giá trị pháp lý (ký số): 2.680',
      '+ Thực hiện số hóa hồ sơ, kết quả giải quyết TTHC gửi kho lưu trữ: 387.',
    ]);
  });

  test('e-ID accounts: 103.223/311.736 = 33,11% (seed 000 §8), with the target that applies', () => {
    expect(body).toContain(
      '- Tỷ lệ dân số trưởng thành có tài khoản định danh điện tử (UBND các xã, phường): đã kích hoạt ' +
        '103.223/311.736, đạt tỷ lệ 33,11% (chỉ tiêu: 30% đến cuối năm là 50%).',
    );
  });

  test('the tasks and their four statuses: 25 = 4 + 1 + 19 + 1 (seed 000 §10)', () => {
    expect(body).toContain(
      '- Tổng số nhiệm vụ: 25, trong đó: 4 hoàn thành đúng hạn, 1 hoàn thành trễ hạn, ' +
        '19 đang thực hiện theo tiến độ, 1 đang thực hiện trễ hạn.',
    );
  });

  test('the indicator table: targets, "r% (a/b)", Đạt', () => {
    const table = doc.sections[0].blocks.find((b) => b.kind === 'table' && !b.borderless);
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    expect(table.header[0].map((x) => x.text)).toEqual([
      'STT',
      'Chỉ tiêu',
      'Chỉ tiêu quốc gia',
      'Chỉ tiêu của tỉnh',
      'Chỉ tiêu của thành phố',
      'Kết quả thực hiện',
      'Đánh giá',
    ]);
    const row = table.rows.find((r) => r[1].text.startsWith('Dân số trưởng thành'))!;
    expect(row.map((x) => x.text).slice(2)).toEqual([
      '30% đến cuối năm là 50%',
      '',
      '',
      '33,11% (103.223/311.736)',
      'Đạt',
    ]);
  });

  test('who reported late and who did not', () => {
    expect(body).toContain('- Đã nhận và tổng hợp báo cáo của 3/48 đơn vị.');
    expect(body).toContain('- Gửi báo cáo trễ hạn (1): Phường Vĩnh Hải.');
    const missing = body.find((t) => t.startsWith('- Chưa gửi báo cáo (45): '))!;
    expect(missing).toContain('Phòng Nội vụ');
    expect(missing).not.toContain('Phường Vĩnh Hải');
  });

  test('what two units wrote, by unit under its heading, editable; a marked placeholder where nothing was', () => {
    const at = (t: string) => body.findIndex((x) => x.endsWith(t));
    const between = (a: string, b: string) => body.slice(at(a) + 1, at(b));
    expect(between('. Kết quả nổi bật của các cơ quan, đơn vị', 'II. KHÓ KHĂN, VƯỚNG MẮC')).toEqual([
      '- Phòng Văn hóa và Thông tin:',
      '+ Vận hành trang Zalo Official Account “Thành phố Nha Trang”.',
    ]);
    expect(between('II. KHÓ KHĂN, VƯỚNG MẮC', 'III. ĐỀ XUẤT, KIẾN NGHỊ')).toEqual([
      '- Phòng Văn hóa và Thông tin:',
      '+ Nhiều chứng thư số bị hỏng, phải chờ cấp mới.',
      '+ Nhân lực CNTT còn thiếu, phải kiêm nhiệm.',
      '- Phường Vĩnh Hòa:',
      '+ Người lớn tuổi chưa có tài khoản thanh toán.',
    ]);
    const none = reportDocument({ ...c, collected: { ...c.collected, included: [] } }, OPTIONS);
    const bare = texts(none.sections[0].blocks);
    expect(bare[bare.indexOf('II. KHÓ KHĂN, VƯỚNG MẮC') + 1]).toMatch(/^\[Chưa có nội dung/);
    expect(body).toContain('Trên đây là báo cáo tình hình chuyển đổi số tháng 6/2023 của UBND thành phố Nha Trang./.');
  });

  test('the signer block and "Nơi nhận"', () => {
    const sign = body.slice(body.indexOf('Nơi nhận:'));
    expect(sign).toEqual([
      'Nơi nhận:',
      '- UBND tỉnh Khánh Hòa;',
      '- Sở Thông tin và Truyền thông;',
      '- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      '',
      '',
      '',
      'Nguyễn Văn A',
    ]);
  });

  test('the annexes appended on landscape pages, the same rows as the sheets, numbers the vi-VN way', () => {
    const annexes = doc.sections.slice(1);
    const sheets = c.sheets.filter((s) => !s.hidden && s.name.startsWith('Phụ lục'));
    expect(annexes.map((s) => texts(s.blocks)[0])).toEqual(sheets.map((s) => s.name));
    expect(annexes.every((s) => s.landscape)).toBe(true);
    const i = annexes[0].blocks.find((b) => b.kind === 'table');
    expect(i?.kind === 'table' && i.rows.at(-1)!.map((x) => x.text)).toContain('103.223');
    expect(cellText({ v: 2742, s: 'count' })).toBe('2.742');
    expect(cellText({ v: 0.9935, s: 'rate' })).toBe('99,35%');
    expect(cellText({ v: null, s: 'count' })).toBe('');
  });

  test('the .docx: Times New Roman, A4, header rows repeated, landscape annexes; the product its creator', async () => {
    const bytes = await reportBytes(doc);
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('đã tiếp nhận 65 phản ánh kiến nghị');
    expect(await reportOwnership(bytes)).toBe('own');
    const edited = await JSZip.loadAsync(bytes);
    const core = (await edited.file('docProps/core.xml')!.async('string')).replace(
      /<cp:lastModifiedBy>[^<]*<\/cp:lastModifiedBy>/,
      '<cp:lastModifiedBy>Nguyễn Thị B</cp:lastModifiedBy>',
    );
    edited.file('docProps/core.xml', core);
    expect(await reportOwnership(await edited.generateAsync({ type: 'uint8array' }))).toBe('edited');
    expect(await reportOwnership(new TextEncoder().encode('not a zip'))).toBe('foreign');
  });

  const soffice = findSoffice();
  const title = 'LibreOffice opens the .docx without repair and prints it to PDF; the sentences read back';
  (soffice ? test : test.skip)(
    soffice ? title : `${title} — skipped: soffice not on PATH (.ci/run installs it)`,
    async () => {
      const file = tmpFile('bao-cao.docx');
      fs.writeFileSync(file, await reportBytes(doc));
      const [pdf] = await convertToPdf(soffice!, [file], path.join(path.dirname(file), 'pdf'));
      // Lines are wrapped as printed: compare with the spaces and breaks folded.
      const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Nha Trang, ngày 10 tháng 7 năm 2023');
      expect(text).toContain('Tình hình chuyển đổi số thành phố Nha Trang tháng 6/2023');
      expect(text).toContain(
        'UBND các xã, phường đã tiếp nhận 65 phản ánh kiến nghị, đã giải quyết 55 (đúng hạn 48, trễ hạn 7), ' +
          'đang giải quyết 10 (đúng hạn 1, trễ hạn 9).',
      );
      expect(text).toContain('đã kích hoạt 103.223/311.736, đạt tỷ lệ 33,11%');
      expect(text).toContain('Phụ lục VIII');
    },
    180000,
  );
});
