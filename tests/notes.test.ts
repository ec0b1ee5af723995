import ExcelJS from 'exceljs';
import { createTemplate } from '../shared/operations/create-template';
import { MAX_NOTE_TEXT, MAX_NOTES, readNotes } from '../shared/reading/notes';
import { readUnitWorkbook } from '../shared/reading/unit-workbook';
import { NOTE_HINT, NOTE_ROWS, NOTE_SECTIONS, NOTES_SHEET } from '../shared/templates/notes';
import { validateSheets } from '../shared/validation/validate';
import { SheetSnapshot } from '../shared/workbook/port';
import { CellValue } from '../shared/workbook/sheet-spec';
import { XlsxWorkbook } from '../xlsx/workbook';
import { unitWorkbook } from './helpers/unit-fixture';
import { readBack, tmpFile, tsvWorkbook } from './helpers/xlsx';

const sheet = (name: string, lines: CellValue[][]): SheetSnapshot => ({ name, values: lines });
const texts = (items: Array<{ text: string }>) => items.map((i) => i.text);

describe('the unit template has a sheet for results, difficulties and proposals', () => {
  let file: string;
  beforeAll(async () => {
    const book = new XlsxWorkbook();
    await createTemplate(book, { unit: 'Phường Vĩnh Phước', period: '2023-06' });
    file = tmpFile('unit.xlsx');
    await book.save(file);
  });

  test('after the figure sheets, before DX_CauHinh, read back from the file', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const names = book.worksheets.map((w) => w.name).filter((n) => n !== 'DX_DanhSach');
    expect(names.slice(-3)).toEqual(['T6 Tuân thủ', NOTES_SHEET, 'DX_CauHinh']);
    // A name Excel takes: at most 31 characters, none of : \ / ? * [ ], not starting with an apostrophe.
    expect(NOTES_SHEET.length).toBeLessThanOrEqual(31);
    expect(NOTES_SHEET).not.toMatch(/[:\\/?*[\]]|^'/);
    const ws = book.getWorksheet(NOTES_SHEET)!;
    const column = (ws.getColumn(1).values as ExcelJS.CellValue[]).map((v) =>
      v && typeof v === 'object' && 'formula' in v ? v.formula : v,
    );
    expect(column[1]).toBe('KẾT QUẢ NỔI BẬT, KHÓ KHĂN VÀ ĐỀ XUẤT');
    expect(String(column[2])).toContain('Kỳ báo cáo');
    const headings = NOTE_SECTIONS.map((s) => column.indexOf(s.heading));
    expect(NOTE_SECTIONS.map((s) => s.heading)).toEqual([
      '1. Kết quả nổi bật',
      '2. Khó khăn, vướng mắc',
      '3. Đề xuất, kiến nghị',
    ]);
    expect(headings.every((r) => r > 0)).toBe(true);
    for (const r of headings) {
      expect(ws.getCell(r, 1).font?.bold).toBe(true);
      expect(ws.getCell(r + 1, 1).value).toBe(NOTE_HINT);
      expect(ws.getCell(r + 1, 1).font?.italic).toBe(true);
      expect(ws.getCell(r, 2).isMerged).toBe(true);
      for (let k = 0; k < NOTE_ROWS; k++) {
        // The line's number, grey, beside the yellow text cell.
        expect(ws.getCell(r + 2 + k, 1).value).toBe(k + 1);
        const input = ws.getCell(r + 2 + k, 2);
        expect(input.value).toBeNull();
        expect(input.numFmt).toBe('@');
        expect(input.alignment?.wrapText).toBe(true);
        expect(input.border?.left).toBeDefined();
        // No tall empty boxes: the host grows a row as text is typed.
        expect(ws.getRow(r + 2 + k).height).toBeUndefined();
      }
    }
    expect(ws.getColumn(1).width! + ws.getColumn(2).width!).toBeGreaterThanOrEqual(80);
    expect(ws.getColumn(2).width).toBeGreaterThan(ws.getColumn(1).width! * 10);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
  });

  test('an empty template has no notes: hints and titles are not points', async () => {
    const { read } = await readBack(file);
    expect(read.notes).toEqual({ results: [], difficulties: [], proposals: [] });
  });
});

describe('a filled template: each line with its cell', () => {
  test('bullets stripped, blanks skipped, numbers and dates as shown', async () => {
    const at = (heading: string, k: number) => {
      const i = NOTE_SECTIONS.findIndex((s) => s.heading === heading);
      // Title, subtitle, intro; then per section a blank, the heading, the hint and the lines.
      return `B${3 + i * (NOTE_ROWS + 3) + 3 + k}`;
    };
    const { file } = await unitWorkbook(
      [
        {
          sheet: NOTES_SHEET,
          cell: at('1. Kết quả nổi bật', 1),
          value: '- Hướng dẫn 280 lượt công dân nộp hồ sơ trực tuyến.',
        },
        { sheet: NOTES_SHEET, cell: at('1. Kết quả nổi bật', 3), value: '  • Công dân tự nộp trực tuyến 72 hồ sơ.  ' },
        {
          sheet: NOTES_SHEET,
          cell: at('2. Khó khăn, vướng mắc', 1),
          value: '+ Phần mềm một cửa điện tử còn mất kết nối.\n* Chứng thư số hỏng chờ cấp mới.',
        },
        { sheet: NOTES_SHEET, cell: at('3. Đề xuất, kiến nghị', 1), value: 2023 },
        { sheet: NOTES_SHEET, cell: at('3. Đề xuất, kiến nghị', 2), value: 12.5 },
      ],
      'Phường Vĩnh Phước',
    );
    const { read } = await readBack(file);
    expect(read.notes!.results).toEqual([
      {
        text: 'Hướng dẫn 280 lượt công dân nộp hồ sơ trực tuyến.',
        sheet: NOTES_SHEET,
        cell: at('1. Kết quả nổi bật', 1),
      },
      { text: 'Công dân tự nộp trực tuyến 72 hồ sơ.', sheet: NOTES_SHEET, cell: at('1. Kết quả nổi bật', 3) },
    ]);
    const cell = at('2. Khó khăn, vướng mắc', 1);
    expect(read.notes!.difficulties).toEqual([
      { text: 'Phần mềm một cửa điện tử còn mất kết nối.', sheet: NOTES_SHEET, cell },
      { text: 'Chứng thư số hỏng chờ cấp mới.', sheet: NOTES_SHEET, cell },
    ]);
    // General format, as a vi-VN workbook shows it: no grouping, the decimal comma.
    expect(texts(read.notes!.proposals)).toEqual(['2023', '12,5']);
  });

  test('dates and formatted numbers as the cell shows them', () => {
    const values: CellValue[][] = [['Kết quả nổi bật'], [new Date(2023, 5, 30)], [45108], [103223], [0.3311]];
    const numberFormats = [[null], [null], ['dd/mm/yyyy'], ['#,##0'], ['0.00%']];
    const notes = readNotes([{ ...sheet('Sheet1', values), numberFormats } as SheetSnapshot]);
    expect(texts(notes.results)).toEqual(['30/06/2023', '01/07/2023', '103.223', '33,11%']);
  });

  test('numbered points in the product sheet stay under its own headings', () => {
    const values: CellValue[][] = [
      ['1. Kết quả nổi bật'],
      [NOTE_HINT],
      ['1. Triển khai Tổ công nghệ số cộng đồng'],
      ['IV. Hỗ trợ người dân'],
      ['2. Khó khăn, vướng mắc'],
      ['TRÊN ĐÂY LÀ'],
    ];
    const notes = readNotes([sheet(NOTES_SHEET, values)]);
    expect(texts(notes.results)).toEqual(['1. Triển khai Tổ công nghệ số cộng đồng', 'IV. Hỗ trợ người dân']);
    expect(texts(notes.difficulties)).toEqual(['TRÊN ĐÂY LÀ']);
  });
});

describe("a unit's own layout", () => {
  test('seed 000: "2. Khó khăn" and "V. ĐỀ XUẤT, KIẾN NGHỊ" in a sheet "Báo cáo", the next headings end them', async () => {
    const file = tmpFile('own.xlsx');
    const lines = [
      'III. ĐÁNH GIÁ',
      '1. Thuận lợi',
      '- Nhận thức về chuyển đổi số đã có sự chuyển biến rõ nét.',
      '2. Khó khăn',
      '',
      '- Nhiều chứng thư số bị hỏng, phải chờ cấp mới.',
      '- Phần mềm một cửa điện tử còn mất kết nối.',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRONG THỜI GIAN TỚI',
      '- Tiếp tục triển khai các dự án của Kế hoạch chuyển đổi số.',
      'V. ĐỀ XUẤT, KIẾN NGHỊ',
      '- Đề nghị các cơ quan chủ quản khắc phục lỗi các phần mềm.',
      '1. Đề nghị Sở Thông tin và Truyền thông sớm triển khai ký số tập trung.',
      'Trên đây là báo cáo tình hình chuyển đổi số 6 tháng đầu năm 2023./.',
      'Nơi nhận:',
      '- Như trên;',
    ];
    await tsvWorkbook(file, [{ name: 'Báo cáo', tsv: lines.join('\n') }]);
    const { read } = await readBack(file);
    expect(read.notes!.results).toEqual([]);
    expect(read.notes!.difficulties).toEqual([
      { text: 'Nhiều chứng thư số bị hỏng, phải chờ cấp mới.', sheet: 'Báo cáo', cell: 'A6' },
      { text: 'Phần mềm một cửa điện tử còn mất kết nối.', sheet: 'Báo cáo', cell: 'A7' },
    ]);
    expect(texts(read.notes!.proposals)).toEqual([
      'Đề nghị các cơ quan chủ quản khắc phục lỗi các phần mềm.',
      '1. Đề nghị Sở Thông tin và Truyền thông sớm triển khai ký số tập trung.',
    ]);
  });

  test('headings without accents or in capitals, numbers in their own column, a heading with its point', () => {
    const notes = readNotes([
      sheet('Sheet1', [
        [null, 'KET QUA NOI BAT'],
        ['-', 'Ra mắt mô hình "Ngày thứ 2, thứ 5 thông minh".'],
        [1, 'Hỗ trợ cài đặt VNeID tại nhà.'],
        [null, null],
        ['2', 'khó khăn, hạn chế:'],
        [null, 'Nhân lực CNTT còn thiếu.'],
        ['T T', 'Nội dung', 'Đơn vị'],
        [null, 'Dòng của một bảng, không phải một ý.'],
        ['Kiến nghị: Hỗ trợ kinh phí cho Tổ công nghệ số cộng đồng.'],
      ]),
    ]);
    expect(notes.results).toEqual([
      { text: 'Ra mắt mô hình "Ngày thứ 2, thứ 5 thông minh".', sheet: 'Sheet1', cell: 'B2' },
      { text: 'Hỗ trợ cài đặt VNeID tại nhà.', sheet: 'Sheet1', cell: 'B3' },
    ]);
    expect(texts(notes.difficulties)).toEqual(['Nhân lực CNTT còn thiếu.']);
    expect(notes.proposals).toEqual([
      { text: 'Hỗ trợ kinh phí cho Tổ công nghệ số cộng đồng.', sheet: 'Sheet1', cell: 'A9' },
    ]);
  });

  test("the same point in the product sheet and in the unit's own sheet is kept once, the product's first", () => {
    const notes = readNotes([
      sheet('Báo cáo', [['Khó khăn, vướng mắc'], ['- Phần mềm chậm.'], ['- Thiếu máy tính.']]),
      sheet(NOTES_SHEET, [['2. Khó khăn, vướng mắc'], ['Phần mềm chậm.']]),
    ]);
    expect(notes.difficulties.map((i) => `${i.sheet}!${i.cell} ${i.text}`)).toEqual([
      `${NOTES_SHEET}!A2 Phần mềm chậm.`,
      'Báo cáo!A3 Thiếu máy tính.',
    ]);
  });

  test('a sentence that begins like a heading is a point, a table column named so is not a heading', () => {
    const notes = readNotes([
      sheet('Sheet1', [
        ['STT', 'Khó khăn', 'Đề xuất'],
        [1, 'Phần mềm chậm', 'Nâng cấp'],
        [
          'Khó khăn trong việc nhập liệu trên phần mềm cơ sở dữ liệu quốc gia về khiếu nại, tố cáo do giao diện phức tạp',
        ],
      ]),
    ]);
    expect(notes).toEqual({ results: [], difficulties: [], proposals: [] });
  });
});

describe('bounds', () => {
  test(`at most ${MAX_NOTES} points a section, each at most ${MAX_NOTE_TEXT} characters, what was cut said`, () => {
    const long = 'Phần mềm một cửa điện tử mất kết nối. '.repeat(200);
    const values: CellValue[][] = [['2. Khó khăn, vướng mắc'], [long]];
    for (let k = 1; k <= 60; k++) values.push([`- Khó khăn thứ ${k}`]);
    const notes = readNotes([sheet(NOTES_SHEET, values)]);
    expect(notes.difficulties).toHaveLength(MAX_NOTES);
    expect(notes.leftOff).toEqual({ difficulties: 11 });
    const first = notes.difficulties[0];
    expect(first.text).toHaveLength(MAX_NOTE_TEXT);
    expect(first.text.endsWith('…')).toBe(true);
    expect(first.cut).toBe(true);
    expect(notes.difficulties[1]).toEqual({ text: 'Khó khăn thứ 1', sheet: NOTES_SHEET, cell: 'A3' });
    expect(notes.difficulties[1].cut).toBeUndefined();
  });

  test('a cut never splits a surrogate pair; invisible characters are left out', () => {
    const text = 'a'.repeat(MAX_NOTE_TEXT - 2) + '😀'.repeat(10);
    const notes = readNotes([sheet(NOTES_SHEET, [['Đề xuất, kiến nghị'], [text], ['Hỗ trợ\u202e kinh phí']])]);
    const cut = notes.proposals[0].text;
    expect(cut.endsWith('…')).toBe(true);
    expect(/[\ud800-\udbff]$/.test(cut.slice(0, -1))).toBe(false);
    expect(notes.proposals[1].text).toBe('Hỗ trợ kinh phí');
  });

  test('a section ends after more than ten empty rows', () => {
    const values: CellValue[][] = [['Kết quả nổi bật'], ['Ý thứ nhất']];
    for (let k = 0; k < 11; k++) values.push([null]);
    values.push(['Ghi chú cuối trang, không thuộc mục nào']);
    expect(texts(readNotes([sheet('Sheet1', values)]).results)).toEqual(['Ý thứ nhất']);
  });
});

describe('a workbook made before the sheet', () => {
  test('reads as before: no notes, the same tables, validation says nothing new', async () => {
    const { file } = await unitWorkbook([], 'Phường Vĩnh Phước');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    book.removeWorksheet(book.getWorksheet(NOTES_SHEET)!.id);
    const old = tmpFile('old.xlsx');
    await book.xlsx.writeFile(old);
    const withSheet = await (await XlsxWorkbook.open(file)).read();
    const without = await (await XlsxWorkbook.open(old)).read();
    expect(without.some((s) => s.name === NOTES_SHEET)).toBe(false);
    const before = readUnitWorkbook(without);
    const now = readUnitWorkbook(withSheet);
    expect(before.notes).toEqual({ results: [], difficulties: [], proposals: [] });
    expect(before.tables).toEqual(now.tables);
    expect(before.cover).toEqual(now.cover);
    const issues = (s: SheetSnapshot[]) => validateSheets(s).issues.map((i) => `${i.rule} ${i.sheet}!${i.cell}`);
    expect(issues(without)).toEqual(issues(withSheet));
    expect(issues(withSheet).some((i) => i.includes(NOTES_SHEET))).toBe(false);
  });
});
