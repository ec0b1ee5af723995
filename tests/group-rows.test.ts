/*
 * Issue 13 item 5: rows that are not units. A group row carrying figures is the group's total: checked
 * against the items under it (TONG-NHOM), never counted besides them; with no items under it ("UBND cấp
 * xã", a unit's only row written as the heading "I. UBND TP") it is the group's figures and consolidated.
 * Rows transcribed from seed 003 §1 (E-Office documents) and §5 (online payments).
 */
import * as fs from 'fs';
import * as path from 'path';
import { defaultCatalogue } from '../shared/catalogue/catalogue';
import { unitTablesAnnex } from '../shared/consolidate/annex';
import { Submission } from '../shared/consolidate/collect';
import { figuresOf } from '../shared/consolidate/figures';
import { readUnitWorkbook } from '../shared/reading/unit-workbook';
import { defaultMatcher } from '../shared/registry/default';
import { validateSheets } from '../shared/validation/validate';
import { SheetSnapshot } from '../shared/workbook/port';
import { CellValue } from '../shared/workbook/sheet-spec';

function sheet(name: string, lines: string[]): SheetSnapshot {
  const values: CellValue[][] = lines.map((line) => line.split('\t').map((c) => (c === '' ? null : c)));
  return { name, values };
}

const issuesOf = (sheets: SheetSnapshot[]) => validateSheets(sheets, { now: new Date(Date.UTC(2023, 9, 10)) }).issues;
const kinds = (sheets: SheetSnapshot[]) => issuesOf(sheets).map((i) => i.rule);

// Seed 003 §1, its two-level header as printed.
const T2_HEADER = [
  'T T\tTên cơ quan, đơn vị\tSố lượng VB được thực hiện trên phần mềm\t\t' +
    'Số lượng VB không thực hiện trên phần mềm (trừ VB mật)\t',
  '\t\tVB đi\tVB đến\tVB đi\tVB đến',
];
const OFFICES = [
  '1\tVăn phòng HĐND và UBND\t1.207\t139\t0\t0',
  '2\tPhòng Tài nguyên và Môi trường\t4311\t18938\t0\t0',
  '3\tPhòng Quản lý đô thị\t2541\t13162\t0\t108',
];
// The twelve offices as the seed prints them, "09" and the page break's repeated header included.
const ALL_OFFICES = [
  ...OFFICES.slice(0, 2),
  ...T2_HEADER,
  ...OFFICES.slice(2),
  '4\tPhòng Tài chính – Kế hoạch\t3343\t16569\t0\t0',
  '5\tPhòng Văn hóa và Thông tin\t917\t6387\t0\t0',
  '6\tPhòng Giáo dục và Đào tạo\t1395\t5647\t0\t465',
  '7\tPhòng LĐTB và XH\t812\t8.351\t0\t0',
  '8\tPhòng Nội vụ\t142\t1201\t0\t0',
  '9\tPhòng Kinh tế\t628\t6670\t7\t126',
  '10\tPhòng Tư pháp\t291\t5483\t0\t0',
  '11\tPhòng Y tế\t549\t4174\t09\t81',
  '12\tThanh tra Thành phố\t655\t5211\t230\t78',
];
const COMMUNES = ['II\tUBND các phường, xã\t\t\t\t', '1\tPường 1\t1582\t4465\t0\t0', '2\tPường 3\t1603\t4531\t0\t0'];

const t2Of = (sheets: SheetSnapshot[]) => readUnitWorkbook(sheets).tables.find((t) => t.table === 'T2')!;

/** A submission as collect makes it, for a unit of the default registry. */
function submissionOf(unitName: string, sheets: SheetSnapshot[]): Submission {
  const unit = defaultMatcher().match(unitName).unit!;
  return {
    source: { file: `${unitName}.xlsx` },
    unit,
    period: '2023-09',
    completedAt: null,
    version: null,
    read: readUnitWorkbook(sheets),
    issues: [],
  };
}

describe('seed 003 §1: the group row "I. UBND TP. Vũng Tàu" over its offices', () => {
  const matching = [...T2_HEADER, 'I\tUBND TP. Vũng Tàu\t8.059\t32.239\t0\t108', ...OFFICES, ...COMMUNES];

  test('read: the group keeps its figures and stays a group; its items are the figures', () => {
    const t = t2Of([sheet('VB', matching)]);
    expect(t.rows.map((r) => [r.kind, r.cells.unit, r.fromGroup ?? false])).toEqual([
      ['group', 'UBND TP. Vũng Tàu', false],
      ['item', 'Văn phòng HĐND và UBND', false],
      ['item', 'Phòng Tài nguyên và Môi trường', false],
      ['item', 'Phòng Quản lý đô thị', false],
      ['group', 'UBND các phường, xã', false],
      ['item', 'Pường 1', false],
      ['item', 'Pường 3', false],
    ]);
    expect(t.rows[0].cells).toMatchObject({ sentOn: '8.059', receivedOn: '32.239', receivedOff: '108' });
  });

  test('validated: a group total equal to its items is no defect; a group without figures is not checked', () => {
    // Only the seed's own defects remain: the typos "Pường", the missing general information.
    expect(kinds([sheet('VB', matching)])).toEqual(['THONG-TIN-CHUNG', 'TEN-DON-VI', 'TEN-DON-VI']);
  });

  test("validated: the seed's own figures (4.602 over 16.791) are a wrong subtotal, at each cell", () => {
    const seed = [...T2_HEADER, 'I\tUBND TP. Vũng Tàu\t4.602\t8.187\t0\t0', ...ALL_OFFICES, ...COMMUNES];
    const issues = issuesOf([sheet('VB', seed)]);
    // Only the seed's real defects: the subtotal, the typos "Pường", the missing general information.
    // In the sheet's order (issue 16): A1 first, then row 3 column by column.
    expect(issues.map((i) => [i.rule, i.cell, i.severity])).toEqual([
      ['THONG-TIN-CHUNG', 'A1', 'canh-bao'],
      ['TONG-NHOM', 'C3', 'canh-bao'],
      ['TONG-NHOM', 'D3', 'canh-bao'],
      ['TONG-NHOM', 'E3', 'canh-bao'],
      ['TONG-NHOM', 'F3', 'canh-bao'],
      ['TEN-DON-VI', 'B19', 'loi'],
      ['TEN-DON-VI', 'B20', 'loi'],
    ]);
    expect(issues[1].message).toBe(
      'Dòng nhóm “UBND TP. Vũng Tàu” ghi Số lượng VB được thực hiện trên phần mềm — VB đi là 4.602, ' +
        'tổng 12 dòng bên dưới là 16.791.',
    );
    expect(issues[1].fix).toContain('Sửa thành 16.791');
    // "09" (Phòng Y tế) is 9: 7 + 9 + 230.
    expect(issues[3].message).toContain('là 0, tổng 12 dòng bên dưới là 246.');
    expect(issues[4].message).toContain('là 0, tổng 12 dòng bên dưới là 858.');
  });

  test('validated: a wrong subtotal over three offices names the columns that differ, not the equal ones', () => {
    const seed = [...T2_HEADER, 'I\tUBND TP. Vũng Tàu\t4.602\t32.239\t0\t0', ...OFFICES, ...COMMUNES];
    const found = issuesOf([sheet('VB', seed)]).filter((i) => i.rule === 'TONG-NHOM');
    expect(found.map((i) => i.cell)).toEqual(['C3', 'F3']);
    expect(found[0].message).toContain('là 4.602, tổng 3 dòng bên dưới là 8.059.');
  });

  test('consolidated: the items once, never the group row besides them', () => {
    const sub = submissionOf('UBND TP. Vũng Tàu', [sheet('VB', matching)]);
    const sent = figuresOf(sub, defaultCatalogue())
      .filter((f) => f.key.split('#')[0] === 'T2/sentOn')
      .map((f) => f.value);
    expect(sent).toEqual([1207, 4311, 2541, 1582, 1603]);
  });
});

describe("a group row with figures and no items under it is the group's figures", () => {
  test('a unit\'s only row written as the heading "I. UBND TP": read, validated, consolidated', () => {
    const own = [sheet('VB', [...T2_HEADER, 'I\tUBND TP. Vũng Tàu\t4.602\t8.187\t0\t0'])];
    const t = t2Of(own);
    expect(t.rows).toEqual([
      expect.objectContaining({ kind: 'item', fromGroup: true, cells: expect.objectContaining({ sentOn: '4.602' }) }),
    ]);
    expect(kinds(own).filter((k) => ['TONG-NHOM', 'TEN-DON-VI', 'TEN-DON-VI-LA'].includes(k))).toEqual([]);
    const sub = submissionOf('UBND TP. Vũng Tàu', own);
    const sent = figuresOf(sub, defaultCatalogue()).filter((f) => f.key.split('#')[0] === 'T2/sentOn');
    expect(sent.map((f) => [f.value, f.cell])).toEqual([[4602, 'C3']]);
    // Phụ lục VII prints the unit's row with the group's figures.
    const annex = unitTablesAnnex([sub], {});
    const line = annex.rows.find((r) => r.some((c) => c?.v === 'UBND thành phố Vũng Tàu'));
    expect(line?.map((c) => c?.v)).toEqual(expect.arrayContaining([4602, 8187]));
  });

  test('"II. UBND cấp xã" alone, after the city\'s offices: the communes\' figures, once', () => {
    const rows = [
      ...T2_HEADER,
      'I\tUBND TP. Vũng Tàu\t8.059\t32.239\t0\t108',
      ...OFFICES,
      'II\tUBND cấp xã\t31.911\t84.351\t8\t866',
    ];
    const t = t2Of([sheet('VB', rows)]);
    expect(t.rows.map((r) => [r.kind, r.fromGroup ?? false])).toEqual([
      ['group', false],
      ['item', false],
      ['item', false],
      ['item', false],
      ['item', true],
    ]);
    // Not a registered unit, and said to be a group: no "tên ngoài danh mục" warning, nothing to sum.
    expect(kinds([sheet('VB', rows)]).filter((k) => ['TONG-NHOM', 'TEN-DON-VI-LA'].includes(k))).toEqual([]);
    const sub = submissionOf('UBND TP. Vũng Tàu', [sheet('VB', rows)]);
    const sent = figuresOf(sub, defaultCatalogue())
      .filter((f) => f.key.split('#')[0] === 'T2/sentOn')
      .map((f) => f.value);
    expect(sent).toEqual([1207, 4311, 2541, 31911]);
  });

  test('seed 003 §5: "UBND cấp xã" as the seed numbers it is an item already, its figures read', () => {
    const payments = [
      'T\tTên cơ quan, đơn vị\tSố TTHC được triển khai thanh toán trực tuyến\t\t\t\t\t',
      '\t\tTổng số TTHC có yêu cầu thực hiện nghĩa vụ tài chính (phí, lệ phí) (1)\t' +
        'Số TTHC có yêu cầu thực hiện nghĩa vụ tài chính (phí, lệ phí) được cập nhật, đồng bộ trên Cổng DVC tỉnh/ ' +
        'Cổng DVCQG (2)\tTỷ lệ (%) (3)=(2)/(1)\tTổng số TTHC có phát sinh phí, lệ phí (4)\t' +
        'Số TTHC có phát sinh giao dịch thanh toán trực tuyến (phí, lệ phí trực tuyến) (5)\tTỷ lệ (%) (6)=(5)/(4)',
      '1\tUBND cấp huyện\t55\t55\t100%\t55\t100%\t100%',
      '2\tUBND cấp xã\t22\t22\t100%\t101\t100%\t100%',
    ];
    const t = readUnitWorkbook([sheet('TT', payments)]).tables.find((x) => x.table === 'T3d');
    expect(t?.rows.map((r) => [r.kind, r.cells.unit, r.cells.feeProcedures])).toEqual([
      ['item', 'UBND cấp huyện', '55'],
      ['item', 'UBND cấp xã', '22'],
    ]);
    expect(kinds([sheet('TT', payments)])).not.toContain('TONG-NHOM');
  });
});

describe('headings that are not units are left as they were', () => {
  test('a group row without figures over nothing stays a heading (no row, no figure)', () => {
    const rows = [...T2_HEADER, ...OFFICES, 'II\tUBND các phường, xã\t\t\t\t'];
    const t = t2Of([sheet('VB', rows)]);
    expect(t.rows.filter((r) => r.fromGroup)).toEqual([]);
    expect(t.rows[t.rows.length - 1].kind).toBe('group');
  });

  test('words in a figure column ("24 loại") are not figures: the group stays a heading', () => {
    const digitised = [
      'T T\tTên cơ quan, đơn vị\tTổng số TTHC theo quy định được thực hiện số hóa\t' +
        'Tổng số hồ sơ được tra kết quả theo danh mục TTHC được số hóa\t' +
        'Số kết quả giải quyết TTHC được thực hiện số hóa',
      'I\tUBND TP.VT\t\t24 loại\t',
    ];
    const t = readUnitWorkbook([sheet('SH', digitised)]).tables.find((x) => x.table === 'T3f');
    expect(t?.rows.map((r) => r.kind)).toEqual(['group']);
  });
});

test("the whole of seed 003 as typed (tests/fixtures): the one wrong subtotal; the communes' rows as the group", () => {
  const tsv = fs.readFileSync(path.join(__dirname, 'fixtures', 'seed-003-tables.tsv'), 'utf8');
  const seed = [sheet('Báo cáo', tsv.split('\n'))];
  // Items named for all communes together ("UBND phường, xã", "UBND cấp xã") are the group's figures; no
  // Roman-numeral group row is read as a row.
  const fromGroup = readUnitWorkbook(seed).tables.flatMap((t) =>
    t.rows.filter((r) => r.fromGroup).map((r) => [t.table, r.row + 1, r.kind, r.cells.unit]),
  );
  expect(fromGroup).toEqual([
    ['T3f', 51, 'item', 'UBND phường, xã'],
    ['T3b', 60, 'item', 'UBND phường, xã'],
    ['T3c', 67, 'item', 'UBND Phường, xã'],
    ['T3d', 76, 'item', 'UBND cấp xã'],
    ['T3e', 83, 'item', 'UBND phường, xã'],
  ]);
  const found = issuesOf(seed).filter((i) => i.rule === 'TONG-NHOM');
  expect(found.map((i) => i.cell)).toEqual(['C5', 'D5', 'E5', 'F5']);
  expect(found[0].message).toContain('là 4.602, tổng 12 dòng bên dưới là 16.791.');
});
