import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from './helpers/cli';
import { readMappingFile, withMappings } from '../cli/mapping-file';
import { readUnitWorkbook } from '../shared/reading/unit-workbook';
import { insertRowsAndColumns, readBack, tmpFile, tsvWorkbook } from './helpers/xlsx';
import { callFormula } from '../shared/formulas/catalog';
import { tableSpec } from '../shared/templates/families';
import { TEMPLATE_VERSION } from '../shared/templates/version';

const T1_LABELS = [
  'STT',
  'Mã chỉ tiêu',
  'Tên chỉ tiêu',
  'Đơn vị tính',
  'Tử số',
  'Mẫu số',
  'Tỷ lệ (%)',
  'Chỉ tiêu giao',
  'Đánh giá',
  'Ghi chú',
];
const FIXTURES = path.join(__dirname, 'fixtures');

async function makeTemplate(extra: string[] = []): Promise<string> {
  const file = tmpFile('unit.xlsx');
  const r = await runCli([
    'template',
    '--unit',
    'UBND phường Lộc Thọ',
    '--period',
    '2023-06',
    '--preparer',
    'Nguyễn Văn A',
    '--out',
    file,
    ...extra,
  ]);
  expect(r.stdout).toContain('Đã tạo');
  expect(r.code).toBe(0);
  return file;
}

describe('the unit workbook', () => {
  let file: string;
  beforeAll(async () => {
    file = await makeTemplate();
  });

  test('every generated table is found by its labels when read back', async () => {
    const { read } = await readBack(file);
    expect(read.tables.map((t) => t.table).sort()).toEqual([
      'T1',
      'T2',
      'T3a',
      'T3b',
      'T3c',
      'T3d',
      'T3e',
      'T4',
      'T5',
      'T6a',
      'T6b',
    ]);
    expect(read.unmatched).toEqual([]);
    const t1 = read.tables.find((t) => t.table === 'T1')!;
    expect(t1.rows.filter((r) => r.kind === 'group').map((r) => r.cells.stt)).toEqual(['I', 'II', 'III', 'IV', 'V']);
    expect(t1.rows.filter((r) => r.kind === 'item')).toHaveLength(63);
  });

  test('metadata block and template version stamp', async () => {
    const { read } = await readBack(file);
    expect(read.cover.unit?.value).toBe('Phường Lộc Thọ');
    expect(read.cover.unitCode?.value).toBe('NT-P15');
    expect(read.cover.period?.value).toBe('tháng 6/2023');
    expect(read.cover.preparer?.value).toBe('Nguyễn Văn A');
    expect(read.cover.version?.value).toBe(TEMPLATE_VERSION);
    expect(read.cover.reportDate).toMatchObject({ value: null, cell: 'B7' });
  });

  test('the indicator sheet header carries exactly the ten labels', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const ws = book.getWorksheet('T1 Chỉ tiêu')!;
    const header = (ws.getRow(4).values as unknown[]).slice(1);
    expect(header).toEqual(T1_LABELS);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });

  test('computed cells hold native formulas; input cells look different from computed ones', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const ws = book.getWorksheet('T1 Chỉ tiêu')!;
    // Row 6 is the first indicator (row 5 is group I).
    expect(ws.getCell('B6').value).toBe('CQS.01');
    expect((ws.getCell('G6').value as ExcelJS.CellFormulaValue).formula).toBe(
      'IF(AND(ISNUMBER(E6),ISNUMBER(F6),F6>0),E6/F6,"")',
    );
    expect(ws.getCell('G6').numFmt).toBe('0.00%');
    expect(ws.getCell('E6').numFmt).toBe('#,##0');
    const fill = (a: string) => ((ws.getCell(a).fill as ExcelJS.FillPattern).fgColor as { argb: string }).argb;
    expect(fill('E6')).not.toBe(fill('G6'));
    // The 2023 city target of CQS.01 is 100%: the assessment is a formula against it.
    expect(ws.getCell('H6').value).toBe('100%');
    expect((ws.getCell('I6').value as ExcelJS.CellFormulaValue).formula).toBe(
      'IF(G6="","",IF(G6>=1,"Đạt","Chưa đạt"))',
    );
    const t3 = book.getWorksheet('T3 TTHC')!;
    const formulas: string[] = [];
    t3.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === 'object' && c.value && 'formula' in c.value)
          formulas.push((c.value as ExcelJS.CellFormulaValue).formula);
      }),
    );
    expect(formulas).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^IF\(AND\(ISNUMBER\(D\d+\),ISNUMBER\(C\d+\),C\d+>0\),D\d+\/C\d+,""\)$/),
      ]),
    );
  });

  test('dropdowns for status columns, from the hidden lists sheet', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const ws = book.getWorksheet('T5 Dự án')!;
    const dv = ws.getCell('L6').dataValidation;
    expect(dv.type).toBe('list');
    const lists = book.getWorksheet('DX_DanhSach')!;
    expect(lists.state).toBe('hidden');
    const ref = /^DX_DanhSach!\$([A-Z])\$1:\$\1\$(\d+)$/.exec(dv.formulae![0])!;
    const items = Array.from({ length: Number(ref[2]) }, (_, i) => lists.getCell(`${ref[1]}${i + 1}`).value);
    expect(items).toEqual([
      'Hoàn thành, đúng hạn',
      'Hoàn thành, trễ hạn',
      'Đang thực hiện theo tiến độ',
      'Đang thực hiện, trễ hạn',
    ]);
  });

  test('tables are still found after rows and columns are inserted above and beside them', async () => {
    const moved = tmpFile('moved.xlsx');
    await insertRowsAndColumns(file, moved, 2, 2);
    const { read } = await readBack(moved);
    expect(read.tables.map((t) => t.table).sort()).toEqual([
      'T1',
      'T2',
      'T3a',
      'T3b',
      'T3c',
      'T3d',
      'T3e',
      'T4',
      'T5',
      'T6a',
      'T6b',
    ]);
    const t1 = read.tables.find((t) => t.table === 'T1')!;
    expect(t1.headerRow).toBe(5);
    expect(t1.columns.stt).toBe(2);
    expect(read.cover.unit?.value).toBe('Phường Lộc Thọ');
  });

  test('never overwrites: an existing output file is refused, an unknown unit is refused with a suggestion', async () => {
    const again = await runCli(['template', '--unit', 'Phường Lộc Thọ', '--period', '2023-06', '--out', file]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('không ghi đè');
    const typo = await runCli([
      'template',
      '--unit',
      'Pường Lộc Thọ',
      '--period',
      '2023-06',
      '--out',
      tmpFile('x.xlsx'),
    ]);
    expect(typo.code).toBe(1);
    expect(typo.stdout).toContain('Có phải “Phường Lộc Thọ”?');
  });
});

describe('workbooks staff already use', () => {
  const seedTables = fs.readFileSync(path.join(FIXTURES, 'seed-003-tables.tsv'), 'utf8');
  const seedIndicators = fs.readFileSync(path.join(FIXTURES, 'seed-003-indicators.tsv'), 'utf8');

  test('seed 003 tables typed as they stand are recognised without any mapping', async () => {
    const file = tmpFile('vungtau.xlsx');
    await tsvWorkbook(file, [
      { name: 'Báo cáo 9 tháng', tsv: seedTables, rowOffset: 2, colOffset: 1 },
      { name: 'Tiêu chí', tsv: seedIndicators },
    ]);
    const { read } = await readBack(file);
    const found = Object.fromEntries(read.tables.map((t) => [t.table, t]));
    expect(Object.keys(found).sort()).toEqual(['T1b', 'T2', 'T3b', 'T3c', 'T3d', 'T3e', 'T3f']);
    expect(read.unmatched).toEqual([]);
    expect(read.mappings).toEqual([]);
    // §1: "T T" header, two levels, a page break repeating the header, groups I and II.
    const t2 = found.T2;
    expect(t2.headerRows).toBe(2);
    expect(t2.rows.filter((r) => r.kind === 'group').map((r) => r.cells.unit)).toEqual([
      'UBND TP. Vũng Tàu',
      'UBND các phường, xã',
    ]);
    expect(t2.rows.filter((r) => r.kind === 'item')).toHaveLength(12 + 17);
    expect(t2.rows.find((r) => r.cells.unit === 'Pường 1')!.cells).toMatchObject({
      sentOn: '1582',
      receivedOn: '4465',
    });
    expect(t2.rows.find((r) => r.cells.unit === 'Phòng Y tế')!.cells.sentOff).toBe('09');
    // §4a one-stop: 24.020 = 23.987 + 33 under the two-level "đã tra kết quả" header.
    expect(found.T3b.rows[0].cells).toMatchObject({ received: '24.020', onTime: '23.987', late: '33' });
    // §3: "24 loại" stays what it is, for the validator to flag.
    expect(found.T3f.rows[0].cells).toMatchObject({
      procedures: '265',
      dossiersLookedUp: '24 loại',
      resultsDigitised: '3.121',
    });
    // §5a and §5b: columns (1)…(6) told apart by their labels.
    expect(found.T3d.rows[0].cells).toMatchObject({ feeProcedures: '55', paidProcedures: '100%' });
    expect(found.T3e.rows[0].cells).toMatchObject({
      transactions: '23.391',
      successful: '23.802',
      successRate: '98.27%',
    });
    // §6.2 indicator table: groups, 14+6+14+9+1 items, results "54.03% (118.103/142.378)".
    const t1 = found.T1b;
    expect(t1.rows.filter((r) => r.kind === 'group')).toHaveLength(5);
    expect(
      t1.rows.find((r) => String(r.cells.name).startsWith('Dân số trưởng thành có tài khoản định danh'))!.cells.result,
    ).toBe('54.03% (118.103/142.378)');
  });

  test('unfamiliar headers are read after a column mapping saved beside the workbook', async () => {
    const file = tmpFile('own.xlsx');
    const tsv = [
      'Bảng theo dõi hồ sơ của phường',
      '',
      'Số\tĐơn vị\tSố hồ sơ nhận\tGiải quyết kịp thời\tGiải quyết chậm\tCòn tồn',
      '1\tPhường Lộc Thọ\t1.250\t1.200\t30\t20',
    ].join('\n');
    await tsvWorkbook(file, [{ name: 'Một cửa', tsv }]);
    expect((await readBack(file)).read.tables.some((t) => t.table === 'T3b')).toBe(false);
    const before = fs.readFileSync(file);
    const m = await runCli([
      'map',
      file,
      '--sheet',
      'Một cửa',
      '--table',
      'T3b',
      '--header-row',
      '3',
      '--col',
      'stt=A',
      '--col',
      'unit=B',
      '--col',
      'received=C',
      '--col',
      'onTime=D',
      '--col',
      'late=E',
      '--col',
      'inProcess=F',
    ]);
    expect(m).toMatchObject({ code: 0 });
    // The mapping lives in a small file beside the workbook; the workbook itself is never rewritten.
    const sidecar = path.join(path.dirname(file), 'own.dx-anh-xa.json');
    expect(m.stdout).toContain(sidecar);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const { book } = await readBack(file);
    const read = readUnitWorkbook(withMappings(await book.read(), readMappingFile(sidecar).mappings));
    const t = read.tables.find((x) => x.table === 'T3b')!;
    expect(t).toMatchObject({ mapped: true, sheet: 'Một cửa', missing: [] });
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0].cells).toMatchObject({ received: '1.250', onTime: '1.200', late: '30', inProcess: '20' });
    expect(await book.sheetNames()).toEqual(['Một cửa']);
    const listed = JSON.parse((await runCli(['tables', file, '--json'])).stdout);
    expect(listed.tables.find((x: { table: string }) => x.table === 'T3b')).toMatchObject({
      mapped: true,
      headerRow: 3,
      columns: { received: 'C' },
    });
  });

  test('a partly recognised table is reported for mapping with what is missing', async () => {
    const file = tmpFile('partial.xlsx');
    const tsv = [
      'T T\tTên cơ quan, đơn vị\tTổng số hồ sơ tiếp nhận\tHồ sơ đúng hạn\tHồ sơ quá hạn',
      '1\tPhường 1\t10\t8\t2',
    ].join('\n');
    await tsvWorkbook(file, [{ name: 'Sheet1', tsv }]);
    const listed = JSON.parse((await runCli(['tables', file, '--json'])).stdout);
    expect(listed.unmatched).toEqual(
      expect.arrayContaining([expect.objectContaining({ table: 'T3b', sheet: 'Sheet1', missing: ['onTime', 'late'] })]),
    );
    expect(tableSpec('T3b').columns.map((c) => c.key)).toEqual(expect.arrayContaining(['onTime', 'late']));
  });
});

/** Edits one cell of an indicator's DX_CauHinh row, as a secretariat would; returns the file and the row. */
async function editConfig(
  code: string,
  column: string,
  value: string,
  expectBefore?: string,
): Promise<{ file: string; row: number }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await makeTemplate());
  const cfg = book.getWorksheet('DX_CauHinh')!;
  let row = 0;
  cfg.eachRow((r, i) => {
    if (r.getCell(1).value === code) row = i;
  });
  if (expectBefore !== undefined) expect(cfg.getCell(`${column}${row}`).value).toBe(expectBefore);
  cfg.getCell(`${column}${row}`).value = value;
  const file = tmpFile('cauhinh.xlsx');
  await book.xlsx.writeFile(file);
  return { file, row };
}

describe('DX_CauHinh: the template as a sheet', () => {
  test('editing a target changes the re-issued template and the assessment DX_TARGET_MET gives', async () => {
    // Column O is "Chỉ tiêu thành phố".
    const { file: edited } = await editConfig('CQS.09', 'O', '40%', '30%');

    const reissued = tmpFile('unit2.xlsx');
    const r = await runCli([
      'template',
      '--unit',
      'Phường Lộc Thọ',
      '--period',
      '2023-06',
      '--config',
      edited,
      '--out',
      reissued,
    ]);
    expect(r.stdout).toContain('theo DX_CauHinh');
    const { read } = await readBack(reissued);
    const t1 = read.tables.find((t) => t.table === 'T1')!;
    const cqs09 = t1.rows.find((x) => x.cells.code === 'CQS.09')!;
    expect(cqs09.cells.target).toBe('40%');
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(reissued);
    const cell = out.getWorksheet('T1 Chỉ tiêu')!.getCell(`I${cqs09.row + 1}`).value as ExcelJS.CellFormulaValue;
    expect(cell.formula).toMatch(/>=0\.4,"Đạt"/);
    // Seed 003 I.09: 18/52 = 34,6% met the old 30% target and misses the new 40%.
    expect(callFormula('DX_TARGET_MET', [18 / 52, '30%'])).toEqual([['Đạt']]);
    expect(callFormula('DX_TARGET_MET', [18 / 52, cqs09.cells.target as string])).toEqual([['Chưa đạt']]);
  });

  test('a malformed row is reported with its cell, not ignored', async () => {
    const { file: edited, row } = await editConfig('KTS.02', 'B', 'VI');
    const r = await runCli([
      'template',
      '--unit',
      'Phường Lộc Thọ',
      '--period',
      '2023-06',
      '--config',
      edited,
      '--out',
      tmpFile('u.xlsx'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`DX_CauHinh!B${row}`);
    expect(r.stdout).toContain('Nhóm “VI” không hợp lệ');
  });
});
