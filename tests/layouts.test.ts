/*
 * Issue 13 item 7: the staff's own layouts, typed as the seeds lay them out, are read as typed: two-level
 * headers, repeated headers and merged headings, several tables of one kind, a plan without assessment,
 * a table the product does not collect, a table recognised in part; `map` asks only for what is missing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readUnitWorkbook } from '../shared/reading/unit-workbook';
import { validateSheets } from '../shared/validation/validate';
import { SheetSnapshot } from '../shared/workbook/port';
import { CellValue } from '../shared/workbook/sheet-spec';
import { runMain } from './helpers/cli';
import { tmpFile, tsvWorkbook } from './helpers/xlsx';
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../xlsx/workbook';

/** A sheet typed from tab-separated lines: figures as staff type them, blank cells null. */
function sheet(name: string, tsv: string, merges?: string[]): SheetSnapshot {
  const values: CellValue[][] = tsv.split('\n').map((line) => line.split('\t').map((c) => (c === '' ? null : c)));
  return { name, values, ...(merges ? { merges } : {}) };
}

const rulesOf = (sheets: SheetSnapshot[]) => validateSheets(sheets, { now: new Date(Date.UTC(2023, 6, 10)) }).issues;

// Seed 000 §6: "đã tiếp nhận 16 kiến nghị, đã giải quyết 10 (đúng hạn 6, trễ hạn 4) đang giải quyết 6 (…)".
const FEEDBACK = [
  'STT\tTên cơ quan, đơn vị\tTiếp nhận\tĐã giải quyết\t\t\tĐang giải quyết\t\t',
  '\t\t\tTổng\tĐúng hạn\tTrễ hạn\tTổng\tĐúng hạn\tTrễ hạn',
  '1\tUBND thành phố Nha Trang\t16\t10\t6\t4\t6\t2\t4',
  '2\tPhòng Văn hóa và Thông tin\t10\t7\t5\t2\t3\t1\t2',
  '3\tPhường Lộc Thọ\t65\t55\t48\t7\t10\t1\t9',
].join('\n');
const FEEDBACK_MERGES = ['A1:A2', 'B1:B2', 'C1:C2', 'D1:F1', 'G1:I1'];

// Seed 004 Annex II as printed: a plan (no "Đánh giá"), section headings merged across the row, a page break
// repeating the header, subtotals by budget level.
const PLAN_HEADER =
  'STT\tTên dự án\tCơ quan chủ trì\tMục tiêu, nội dung đầu tư (dự kiến)\tThời gian triển khai\t' +
  'Nguồn vốn (ghi rõ)\tTổng mức đầu tư (dự kiến)\tDự kiến nội dung đầu tư năm 2024\tKế hoạch kinh phí năm 2024';
const ANNEX_II = [
  'Phụ lục II',
  'DANH MỤC CÁC DỰ ÁN/NHIỆM VỤ CNTT, CHUYỂN ĐỔI SỐ SỬ DỤNG VỐN ĐẦU TƯ NĂM 2024',
  'Đơn vị tính: triệu đồng.',
  PLAN_HEADER,
  'XÂY DỰNG ĐÔ THỊ THÔNG MINH (theo Đề án “Xây dựng thí điểm mô hình đô thị thông minh tại thành phố Nha Trang”)',
  '1\tXây dựng Trung tâm Điều hành đô thị thông minh thành phố Nha Trang (giai đoạn 1)\tVăn phòng HĐND và UBND\t' +
    'Đầu tư trang thiết bị phòng điều hành\t2024 - 2025\tNS thành phố\t17.000\tChuẩn bị đầu tư\t17.000',
  '',
  '2\tĐầu tư nền tảng hạ tầng phục vụ đô thị thông minh thành phố Nha Trang (giai đoạn 1)\tVăn phòng HĐND và UBND\t' +
    'Trung tâm dữ liệu\t2024 - 2025\tNS tỉnh, NS thành phố\t50.000\tChuẩn bị đầu tư\t13.000',
  '',
  PLAN_HEADER,
  '3\tPhát triển các hệ thống thông tin chuyên ngành (giai đoạn 1)\tPhòng Văn hóa và Thông tin\t' +
    'Kết nối thông tin quản lý\t2024 - 2025\tNS thành phố\t9.000\tChuẩn bị đầu tư\t3.000',
  'DỰ ÁN CHUYỂN ĐỔI ĐÀI TRUYỀN THANH ỨNG DỤNG CÔNG NGHỆ THÔNG TIN - VIỄN THÔNG',
  '4\tDự án Đài truyền thanh ứng dụng công nghệ thông tin – viễn thông 07 xã phường\t' +
    'Trung tâm Văn hóa - Thông tin và Thể thao\tChuyển đổi đài truyền thanh\t2022-2024\tNS thành phố\t9.300\t' +
    'Thực hiện đầu tư\t8.455',
  '\tCấp thành phố:\t\t\t\t\t35.300\t\t28.455',
  '\tCấp tỉnh:\t\t\t\t\t50.000\t\t13.000',
  '\tTổng cộng:\t\t\t\t\t85.300\t\t41.455',
].join('\n');
const ANNEX_II_MERGES = ['A5:I5', 'A12:I12', 'A1:I1', 'A2:I2'];

// Seed 003 §2: digital signatures, a table the product does not collect.
const SIGNATURES = [
  '2. Chữ ký số-Chứng thư số (CKS-CTS)',
  '',
  'T T\tTên cơ quan, đơn vị\tCKS-CTS của cá nhân\t\tCKS-CTS của tổ chức\t\tSố lượng VB được ký số\t',
  '\t\tĐã cấp\tSử dụng\tĐã cấp\tSử dụng\tTổ chức hoặc ký Sao y\tCá nhân và Tổ chức',
  '1\tUBND TP.VT\t62\t62\t18\t18\t4.488\t4.274',
  '2\tUBND cấp xã\t46\t46\t17\t17\t6.818\t7.196',
].join('\n');

describe('two-level headers whose upper label spans several columns (seed 000 §6)', () => {
  test('"Đã giải quyết" / "Đang giải quyết" over "Tổng, Đúng hạn, Trễ hạn" is T4, every column found', () => {
    const read = readUnitWorkbook([sheet('PAKN', FEEDBACK, FEEDBACK_MERGES)]);
    const t4 = read.tables.find((t) => t.table === 'T4')!;
    expect(t4).toMatchObject({ headerRow: 0, headerRows: 2, missing: [] });
    expect(t4.columns).toEqual({
      stt: 0,
      unit: 1,
      received: 2,
      resolved: 3,
      resolvedOnTime: 4,
      resolvedLate: 5,
      inProcess: 6,
      inProcessOnTime: 7,
      inProcessLate: 8,
    });
    expect(t4.rows.map((r) => r.cells.resolved)).toEqual(['10', '7', '55']);
  });
  test('its figures add up: no rule broken, the header merges are not in the data area', () => {
    const issues = rulesOf([sheet('PAKN', FEEDBACK, FEEDBACK_MERGES)]);
    expect(issues.filter((i) => ['CONG-THUC', 'GOP-O', 'BANG-CHUA-DOC', 'KHONG-CO-BANG'].includes(i.rule))).toEqual([]);
  });
});

describe('seed 004 Annex II: a plan with merged headings and a header repeated after a page break', () => {
  const read = () => readUnitWorkbook([sheet('Phụ lục II', ANNEX_II, ANNEX_II_MERGES)]);
  test('read as a project table without "Đánh giá": four items, two headings, three subtotals', () => {
    const t5 = read().tables.filter((t) => t.table === 'T5');
    expect(t5).toHaveLength(1);
    expect(t5[0]).toMatchObject({ headerRow: 3, missing: [], lacking: ['assessment'] });
    expect(t5[0].rows.map((r) => `${r.kind}:${String(r.cells.stt ?? r.cells.name).split(' ')[0]}`)).toEqual([
      'group:XÂY',
      'item:1',
      'item:2',
      'item:3',
      'group:DỰ',
      'item:4',
      'total:Cấp',
      'total:Cấp',
      'total:Tổng',
    ]);
  });
  test('no false merge, no nameless row, no "0 bảng"', () => {
    const r = validateSheets([sheet('Phụ lục II', ANNEX_II, ANNEX_II_MERGES)], { now: new Date(Date.UTC(2024, 0, 5)) });
    expect(r.summary).toMatchObject({ tables: 1 });
    expect(r.issues.filter((i) => ['GOP-O', 'BAT-BUOC', 'KHONG-CO-BANG', 'BANG-CHUA-DOC'].includes(i.rule))).toEqual(
      [],
    );
    expect(r.issues.filter((i) => i.severity === 'loi')).toEqual([]);
  });
  test('a merge across a figure on an item row is still an error', () => {
    const issues = rulesOf([sheet('Phụ lục II', ANNEX_II, [...ANNEX_II_MERGES, 'G6:H6'])]);
    expect(issues.filter((i) => i.rule === 'GOP-O').map((i) => i.cell)).toEqual(['G6']);
  });
});

describe('several tables of one kind in one workbook', () => {
  const annexIII = ANNEX_II.replace('Phụ lục II', 'Phụ lục III')
    .replace('VỐN ĐẦU TƯ', 'VỐN SỰ NGHIỆP')
    .replace(/Xây dựng Trung tâm/g, 'Duy trì Trung tâm');
  test('one under another: two tables, each with its own rows (the title lines of the second are not rows)', () => {
    const read = readUnitWorkbook([sheet('Phụ lục', `${ANNEX_II}\n\n${annexIII}`)]);
    const t5 = read.tables.filter((t) => t.table === 'T5');
    expect(t5.map((t) => [t.headerRow, t.rows.filter((r) => r.kind === 'item').length])).toEqual([
      [3, 4],
      [20, 4],
    ]);
    expect(t5[0].rows.some((r) => String(r.cells.stt ?? '').startsWith('Phụ lục'))).toBe(false);
    expect(t5[1].rows[1].cells.name).toContain('Duy trì Trung tâm');
  });
  test('on two sheets: both read, in sheet order', () => {
    const read = readUnitWorkbook([sheet('Vốn đầu tư', ANNEX_II), sheet('Vốn sự nghiệp', annexIII)]);
    expect(read.tables.filter((t) => t.table === 'T5').map((t) => t.sheet)).toEqual(['Vốn đầu tư', 'Vốn sự nghiệp']);
  });
});

describe('a table seen is never passed over in silence', () => {
  test('seed 003 §2 (digital signatures): "chưa thu thập", a warning at its header', () => {
    const issues = rulesOf([sheet('Báo cáo', `${SIGNATURES}\n\n\n${FEEDBACK}`)]);
    const seen = issues.filter((i) => i.rule === 'BANG-CHUA-DOC');
    expect(seen).toEqual([
      expect.objectContaining({ sheet: 'Báo cáo', cell: 'A3', severity: 'canh-bao', message: expect.any(String) }),
    ]);
    expect(seen[0].message).toMatch(/^Bảng chữ ký số: chưa thu thập/);
  });
  test('a table recognised in part: a warning naming the missing columns, not "0 bảng: 0 lỗi"', () => {
    const partial = FEEDBACK.split('\n')
      .map((l) => l.split('\t').slice(0, 6).join('\t'))
      .join('\n');
    const r = validateSheets([sheet('PAKN', partial)]);
    const w = r.issues.find((i) => i.rule === 'BANG-CHUA-DOC')!;
    expect(w).toMatchObject({ sheet: 'PAKN', cell: 'A1', severity: 'canh-bao' });
    expect(w.message).toBe(
      'Bảng “Phản ánh, kiến nghị” chỉ nhận ra một phần, chưa thấy cột: “Đang giải quyết — Tổng số”, ' +
        '“Đang giải quyết — Đúng hạn”, “Đang giải quyết — Trễ hạn”; số liệu của bảng chưa được đọc.',
    );
    expect(r.issues.some((i) => i.rule === 'KHONG-CO-BANG')).toBe(true);
  });
});

describe('"100%" in a count column is a rate, not a count of 1', () => {
  const t4 = (cell: CellValue, format?: string) => {
    const s = sheet('PAKN', FEEDBACK);
    s.values[2][5] = cell;
    if (format) (s as SheetSnapshot & { numberFormats?: string[][] }).numberFormats = [[], [], Array(9).fill(format)];
    return rulesOf([s])
      .filter((i) => i.cell === 'F3')
      .map((i) => i.rule);
  };
  test('typed as text', () => expect(t4('100%')).toEqual(['KIEU-PHAN-TRAM']));
  test('stored as 1 with a percent format, where the host gives formats', () => {
    expect(t4(1, '0%')).toEqual(['KIEU-PHAN-TRAM']);
    // Without a format, 1 is a count (and 10 = 6 + 1 is broken).
    expect(t4(1)).toEqual([]);
  });
  test('in a real .xlsx: the file keeps the format, the reader gives it, the cell is a rate', async () => {
    const file = tmpFile('pakn-100.xlsx');
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('PAKN');
    FEEDBACK.split('\n').forEach((line, r) =>
      line.split('\t').forEach((v, c) => {
        if (v !== '') ws.getCell(r + 1, c + 1).value = /^\d+$/.test(v) ? Number(v) : v;
      }),
    );
    ws.getCell('F3').value = 1;
    ws.getCell('F3').numFmt = '0%';
    await book.xlsx.writeFile(file);
    const [read] = await (await XlsxWorkbook.open(file)).read();
    expect(read.numberFormats?.[2]?.[5]).toBe('0%');
    expect(read.numberFormats?.[2]?.[3] ?? null).toBeNull();
    expect(
      rulesOf([read])
        .filter((i) => i.cell === 'F3')
        .map((i) => i.rule),
    ).toEqual(['KIEU-PHAN-TRAM']);
  });
});

describe('dx-report map asks only for what is missing and names the keys it accepts', () => {
  test('recognised columns come from the layout; --col only for the missing one', async () => {
    const file = tmpFile('Phường Lộc Thọ.xlsx');
    // "Số PAKN nhận được" is no label the reader knows: only `received` is missing.
    await tsvWorkbook(file, [{ name: 'PAKN', tsv: FEEDBACK.replace('Tiếp nhận', 'Số PAKN nhận được') }]);
    const ask = await runMain(['map', file, '--sheet', 'PAKN', '--table', 'T4']);
    expect(ask.code).toBe(1);
    expect(ask.stdout).toContain('Chưa chọn cột cho: received (Tổng số tiếp nhận)');
    expect(ask.stdout).toContain('thêm --col received=CỘT');
    const wrong = await runMain(['map', file, '--sheet', 'PAKN', '--table', 'T4', '--col', 'recieved=C']);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toContain('có phải received?');
    expect(wrong.stdout).toContain('received (Tổng số tiếp nhận), resolved (Đã giải quyết — Tổng số)');
    const ok = await runMain(['map', file, '--sheet', 'PAKN', '--table', 'T4', '--col', 'received=C']);
    expect(ok.code).toBe(0);
    const saved = JSON.parse(fs.readFileSync(path.join(path.dirname(file), 'Phường Lộc Thọ.dx-anh-xa.json'), 'utf8'));
    expect(saved.mappings).toEqual([
      {
        sheet: 'PAKN',
        table: 'T4',
        headerRow: 2,
        columns: {
          received: 'C',
          stt: 'A',
          unit: 'B',
          resolved: 'D',
          resolvedOnTime: 'E',
          resolvedLate: 'F',
          inProcess: 'G',
          inProcessOnTime: 'H',
          inProcessLate: 'I',
        },
      },
    ]);
    const listed = JSON.parse((await runMain(['tables', file, '--json'])).stdout);
    expect(listed.tables).toEqual([expect.objectContaining({ table: 'T4', mapped: true, rows: 3 })]);
  }, 60000);
});
