/**
 * "Không áp dụng" (issue 16): an indicator the secretariat marks, per unit or per group, in its registry is neither
 * expected nor counted — from the registry sheet to the unit's template, Kiểm tra and the consolidated annexes.
 * Real .xlsx files throughout, written and read back through the xlsx adapter.
 */
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { consolidate } from '../shared/consolidate/consolidate';
import { readUnitWorkbook } from '../shared/reading/unit-workbook';
import { defaultCatalogue } from '../shared/catalogue/catalogue';
import { DEFAULT_REGISTRIES } from '../shared/registry/default';
import { registryFromSheet } from '../shared/registry/from-sheet';
import { UnitMatcher } from '../shared/registry/match';
import { formatCodeList, notApplicableFor, parseCodeList, resolveCodes } from '../shared/registry/not-applicable';
import { Registry } from '../shared/registry/schema';
import { createTemplate } from '../shared/operations/create-template';
import { validateSheets } from '../shared/validation/validate';
import { columnLetter, SheetSpec } from '../shared/workbook/sheet-spec';
import { XlsxWorkbook } from '../xlsx/workbook';
import { doneInJuly, Edit, unitWorkbook } from './helpers/unit-fixture';
import { tmpFile, tsvWorkbook } from './helpers/xlsx';

const CODES = defaultCatalogue().map((i) => i.code);

/** The registry sheet as a secretariat types it: two group lines above the table, one unit's own column. */
const SHEET: unknown[][] = [
  ['Danh mục đơn vị thành phố Thử'],
  ['Không áp dụng cho nhóm', 'Cơ quan chuyên môn', 'cqs.tttt'],
  ['Không áp dụng cho nhóm UBND các xã, phường', 'KTS.GRDP'],
  [],
  ['Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Không áp dụng'],
  ['TST-P01', 'Phường An Bình', 'UBND các xã, phường', 'XHS.DDDT'],
  ['TST-P02', 'Phường Bình Minh', 'UBND các xã, phường', null],
  ['TST-P03', 'Phường Cửa Đông', 'UBND các xã, phường', ''],
  ['TST-VP', 'Văn phòng HĐND và UBND', 'Cơ quan chuyên môn', null],
];

const tsvOf = (grid: unknown[][]) => grid.map((r) => r.map((v) => (v === null ? '' : String(v))).join('\t')).join('\n');

/** The grid of a registry .xlsx written by hand and read back through the adapter. */
async function sheetGrid(grid: unknown[][]): Promise<unknown[][]> {
  const file = tmpFile('danh-muc.xlsx');
  await tsvWorkbook(file, [{ name: 'Danh mục', tsv: tsvOf(grid) }]);
  return (await (await XlsxWorkbook.open(file)).read())[0].values;
}

let REG: Registry;
beforeAll(async () => {
  const read = registryFromSheet((await sheetGrid(SHEET)) as never, 'TST', 'Thành phố Thử');
  expect(read.errors).toEqual([]);
  REG = read.registry!;
});
const unitOf = (name: string) => REG.units.find((u) => u.name === name)!;

describe('the registry says it: a column per unit, a line per group', () => {
  test('sheet → JSON: the unit column and both group layouts are read', () => {
    expect(REG.notApplicable).toEqual({ 'co-quan-chuyen-mon': ['CQS.TTTT'], 'ubnd-xa-phuong': ['KTS.GRDP'] });
    expect(unitOf('Phường An Bình').notApplicable).toEqual(['XHS.DDDT']);
    expect(unitOf('Phường Bình Minh').notApplicable).toBeUndefined();
    // A unit's set is its group's and its own.
    expect(notApplicableFor(REG, unitOf('Phường An Bình'))).toEqual(['KTS.GRDP', 'XHS.DDDT']);
    expect(notApplicableFor(REG, unitOf('Văn phòng HĐND và UBND'))).toEqual(['CQS.TTTT']);
    // The JSON form is the schema's: it parses back to itself.
    expect(Registry.parse(JSON.parse(JSON.stringify(REG)))).toEqual(REG);
  });

  test('an unknown code is refused at its cell, in Vietnamese, with the nearest code', async () => {
    const grid = SHEET.map((r) => [...r]);
    grid[5][3] = 'XHS.DDTD; KTS.GRDP';
    grid[1][2] = 'CQS.TTTT, ABC.XYZ123';
    grid[2] = ['Không áp dụng cho nhóm', 'Trường học', 'KTS.GRDP'];
    const read = registryFromSheet((await sheetGrid(grid)) as never, 'TST', 'Thành phố Thử');
    expect(read.errors).toEqual([
      { cell: 'D6', message: 'Không áp dụng: không có chỉ tiêu mã “XHS.DDTD” — có phải “XHS.DDDT”?' },
      {
        cell: 'C2',
        message:
          'Không áp dụng cho nhóm: không có chỉ tiêu mã “ABC.XYZ123” (ghi mã chỉ tiêu, ví dụ “XHS.03; CQS.HSTT”).',
      },
      { cell: 'B3', message: expect.stringContaining('Không áp dụng cho nhóm: không rõ nhóm “Trường học”') },
    ]);
  });

  test('setting lines right above the header, or under the table, are read; half-typed lines are said', async () => {
    const grid: unknown[][] = [
      ['Số lượng theo nhóm', 'II'],
      ['Không áp dụng cho nhóm', 'UBND các xã, phường', 'KTS.GRDP.'],
      ...SHEET.slice(4),
      [],
      ['Không áp dụng cho nhóm Cơ quan chuyên môn', 'CQS.TTTT'],
    ];
    const read = registryFromSheet((await sheetGrid(grid)) as never, 'TST', 'Thành phố Thử');
    expect(read.errors).toEqual([]);
    expect(read.registry!.units).toHaveLength(4);
    expect(read.registry!.notApplicable).toEqual({
      'ubnd-xa-phuong': ['KTS.GRDP'],
      'co-quan-chuyen-mon': ['CQS.TTTT'],
    });
    expect(read.registry!.annexCounts).toEqual({ I: false, II: true, III: false });
    const half = [
      ['Không áp dụng cho nhóm', 'UBND các xã, phường'],
      ['Không áp dụng cho nhóm', 'KTS.GRDP'],
      ...SHEET.slice(4),
    ];
    const said = registryFromSheet((await sheetGrid(half)) as never, 'TST', 'Thành phố Thử');
    expect(said.errors).toEqual([
      { cell: 'C1', message: expect.stringContaining('UBND các xã, phường: chưa ghi mã chỉ tiêu') },
      { cell: 'B2', message: expect.stringContaining('thiếu tên nhóm trước các mã chỉ tiêu') },
    ]);
  });

  test('a JSON registry is said in Vietnamese: a group that is none, a list that is none, a code unknown', async () => {
    const m = (d: unknown) => {
      const r = Registry.safeParse(d);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    const base = { code: 'TST', name: 'Thử', units: [] };
    expect(m({ ...base, notApplicable: { 'UBND các xã, phường': ['KTS.GRDP'] } })).toEqual([
      expect.stringMatching(/^notApplicable: nhóm “UBND các xã, phường” không có \(co-quan-chuyen-mon/),
    ]);
    const unit = { code: 'P', name: 'Phường P', group: 'ubnd-xa-phuong' };
    expect(m({ ...base, units: [{ ...unit, notApplicable: 'KTS.GRDP' }] })).toEqual([
      'units.0.notApplicable: phải là danh sách mã chỉ tiêu, ví dụ ["XHS.03", "CQS.HSTT"], không phải string',
    ]);
    const { runMain } = await import('./helpers/cli');
    const file = tmpFile('tst.json');
    fs.writeFileSync(file, JSON.stringify({ ...base, units: [{ ...unit, notApplicable: ['XHS.DDTD'] }] }));
    const run = await runMain(['template', '--all', '--registry', file, '--period', '2023-06', '--out-dir', '.']);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toContain(
      `${file}!JSON: units.0.notApplicable: Không áp dụng: không có chỉ tiêu mã “XHS.DDTD” — có phải “XHS.DDDT”?`,
    );
  });

  test('the README note’s JSON example is a registry, each unit’s set its group’s and its own', () => {
    const reg = Registry.parse({
      code: 'TST',
      name: 'Thành phố Thử',
      notApplicable: { 'ubnd-xa-phuong': ['KTS.GRDP'], 'co-quan-chuyen-mon': ['CQS.TTTT'] },
      units: [
        { code: 'P01', name: 'Phường An Bình', group: 'ubnd-xa-phuong', notApplicable: ['xhs.dddt'] },
        { code: 'VP', name: 'Văn phòng HĐND và UBND', group: 'co-quan-chuyen-mon' },
      ],
    });
    expect(reg.units.map((u) => notApplicableFor(reg, u))).toEqual([['KTS.GRDP', 'XHS.DDDT'], ['CQS.TTTT']]);
  });

  test('a JSON registry with a code that is no code is refused with the field', () => {
    const bad = { ...REG, units: [{ ...REG.units[0], notApplicable: ['xhs dddt'] }] };
    const r = Registry.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(['units', 0, 'notApplicable', 0]);
    expect(r.error!.issues[0].message).toContain('mã chỉ tiêu');
  });

  test('property: any separators, spaces and case give the same set; written back, the same list', () => {
    const sep = fc.constantFrom(',', ';', ' ', '\n', ' ; ', ',  ', '\t', ';\n', ', ');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: 8 }),
        fc.array(sep, { minLength: 8, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        fc.constantFrom('', ' ', '\n'),
        (codes, seps, lower, pad) => {
          const typed = pad + codes.map((c, i) => (lower[i] ? c.toLowerCase() : c) + seps[i]).join('') + pad;
          const read = resolveCodes(typed, CODES);
          expect(read.unknown).toEqual([]);
          expect(read.codes).toEqual(codes);
          expect(parseCodeList(formatCodeList(read.codes))).toEqual(codes);
        },
      ),
    );
  });
});

/** A unit's template made with the registry's matcher, filled, saved, and read back. */
async function unitFile(name: string, edits: Edit[], matcher = new UnitMatcher([REG])) {
  return unitWorkbook([...doneInJuly(10), ...edits], name, '2023-06', matcher);
}
const sheetsOf = async (file: string) => (await XlsxWorkbook.open(file)).read();

describe('the template marks them, Kiểm tra asks nothing of them', () => {
  test('rows grey with “Không áp dụng”, the list recorded on the cover', async () => {
    const port = new XlsxWorkbook();
    const r = await createTemplate(port, {
      unit: 'Phường An Bình',
      period: '2023-06',
      matcher: new UnitMatcher([REG]),
    });
    expect(r.notApplicable).toEqual(['KTS.GRDP', 'XHS.DDDT']);
    const file = tmpFile('an-binh.xlsx');
    await port.save(file);
    const book = await XlsxWorkbook.open(file);
    const read = readUnitWorkbook(await book.read());
    expect(read.cover.notApplicable?.value).toBe('KTS.GRDP; XHS.DDDT');
    const t1 = read.tables.find((t) => t.table === 'T1')!;
    const row = t1.rows.find((x) => x.cells.code === 'XHS.DDDT')!;
    expect(row.cells.remark).toBe('Không áp dụng');
    const ws = book.book.getWorksheet(t1.sheet)!;
    const num = ws.getCell(row.row + 1, t1.columns.numerator + 1);
    // Grey and locked as the computed cells are; an applicable row's is yellow and open.
    expect(num.protection?.locked).not.toBe(false);
    const other = t1.rows.find((x) => x.cells.code === 'CQS.TTTT')!;
    expect(ws.getCell(other.row + 1, t1.columns.numerator + 1).protection?.locked).toBe(false);
    const fill = (c: { fill?: unknown }) => JSON.stringify(c.fill);
    expect(fill(num)).toBe(fill(ws.getCell(row.row + 1, t1.columns.rate + 1)));
  });

  test('blank: nothing is said of them; typed anyway: one low warning at the cell', async () => {
    const matcher = new UnitMatcher([REG]);
    const blank = await unitFile('Phường An Bình', [
      { table: 'T1', row: 'CQS.TTTT', field: 'numerator', value: 5 },
      { table: 'T1', row: 'CQS.TTTT', field: 'denominator', value: 10 },
    ]);
    const quiet = validateSheets(await sheetsOf(blank.file), { matcher });
    expect(quiet.issues.filter((i) => /XHS\.DDDT|KTS\.GRDP|thiếu/i.test(i.message))).toEqual([]);
    // Numerator without denominator is an error elsewhere; here it is one warning, at the numerator.
    const typed = await unitFile('Phường An Bình', [
      { table: 'T1', row: 'CQS.TTTT', field: 'numerator', value: 5 },
      { table: 'T1', row: 'CQS.TTTT', field: 'denominator', value: 10 },
      { table: 'T1', row: 'XHS.DDDT', field: 'numerator', value: 'bảy' },
    ]);
    const said = validateSheets(await sheetsOf(typed.file), { matcher }).issues.filter((i) =>
      i.message.includes('XHS.DDDT'),
    );
    expect(said).toEqual([
      expect.objectContaining({
        rule: 'KHONG-AP-DUNG',
        severity: 'canh-bao',
        importance: 'thap',
        sheet: typed.at[typed.at.length - 1].split('!')[0],
        cell: typed.at[typed.at.length - 1].split('!')[1],
        message: 'Chỉ tiêu XHS.DDDT không áp dụng cho đơn vị này: số liệu không được tổng hợp.',
      }),
    ]);
    // The cover alone says it: no registry, and a matcher that knows nothing of it.
    const alone = validateSheets(await sheetsOf(typed.file), { matcher: new UnitMatcher([]) });
    expect(alone.issues.filter((i) => i.rule === 'KHONG-AP-DUNG')).toHaveLength(1);
  });
});

/** Four units, each typing e-ID accounts and the postal indicator; the marked ones type them anyway. */
const FIGURES: Record<string, { eid: [number, number]; post: [number, number] }> = {
  'Phường An Bình': { eid: [700, 1000], post: [30, 60] },
  'Phường Bình Minh': { eid: [400, 800], post: [20, 50] },
  'Phường Cửa Đông': { eid: [90, 100], post: [7, 10] },
  'Văn phòng HĐND và UBND': { eid: [11, 20], post: [99, 100] },
};
const editsOf = (name: string): Edit[] => {
  const f = FIGURES[name];
  return [
    { table: 'T1', row: 'XHS.DDDT', field: 'numerator', value: f.eid[0] },
    { table: 'T1', row: 'XHS.DDDT', field: 'denominator', value: f.eid[1] },
    { table: 'T1', row: 'CQS.TTTT', field: 'numerator', value: f.post[0] },
    { table: 'T1', row: 'CQS.TTTT', field: 'denominator', value: f.post[1] },
    { table: 'T1', row: 'KTS.GRDP', field: 'numerator', value: 1 },
    { table: 'T1', row: 'KTS.GRDP', field: 'denominator', value: 2 },
  ];
};

describe('consolidation: neither expected nor counted', () => {
  let files: Array<{ name: string; file: string }>;
  beforeAll(async () => {
    files = [];
    for (const name of Object.keys(FIGURES)) files.push({ name, file: (await unitFile(name, editsOf(name))).file });
  }, 120000);
  const sources = async () =>
    Promise.all(files.map(async (f) => ({ source: { file: path.basename(f.file) }, sheets: await sheetsOf(f.file) })));

  test('totals leave them out, the annex prints “Không áp dụng”, no unit is missing', async () => {
    const r = consolidate(await sources(), { registry: REG, period: '2023-06' });
    expect(r.collected.excluded).toEqual([]);
    expect(r.missing).toEqual([]);
    // By hand: e-ID accounts of Bình Minh, Cửa Đông and the office (An Bình's own mark): 400 + 90 + 11 / 800 + 100 + 20.
    expect(r.kpi.total.get('XHS.DDDT')).toEqual({ numerator: 501, denominator: 920, units: 3 });
    // The postal indicator of the three wards (the offices' group mark): 30 + 20 + 7 / 60 + 50 + 10.
    expect(r.kpi.total.get('CQS.TTTT')).toEqual({ numerator: 57, denominator: 120, units: 3 });
    expect(r.kpi.byGroup.get('co-quan-chuyen-mon')!.get('CQS.TTTT')).toBeUndefined();
    // The wards' group mark: only the office's figure counts.
    expect(r.kpi.total.get('KTS.GRDP')).toEqual({ numerator: 1, denominator: 2, units: 1 });
    const eid = r.summary.indicators.find((i) => i.code === 'XHS.DDDT')!;
    expect([eid.numerator, eid.denominator, eid.units]).toEqual([501, 920, 3]);
    // DX_DuLieu and the tidy export hold no row of a marked indicator.
    expect(r.tidy.filter((t) => t.unit_name === 'Phường An Bình' && t.figure.startsWith('XHS.DDDT'))).toEqual([]);
    expect(r.tidy.filter((t) => t.unit_name === 'Văn phòng HĐND và UBND' && t.figure.startsWith('CQS.TTTT'))).toEqual(
      [],
    );
    expect(r.tidy.some((t) => t.unit_name === 'Phường Bình Minh' && t.figure === 'XHS.DDDT/tu-so')).toBe(true);
    // The unit sent its report: a warning at the cell, never left out for it.
    expect(r.collected.included.map((s) => s.unit.name).sort()).toEqual(Object.keys(FIGURES).sort());
    const annex = r.sheets.find((s) => s.name === 'Phụ lục I')!;
    // Each marked indicator's three cells print the words once, merged; the others their figures.
    const marked = (unit: string) => markedCodes(annex, r.kpi.codes, unit);
    expect(marked('Phường An Bình')).toEqual(['KTS.GRDP', 'XHS.DDDT']);
    expect(marked('Phường Bình Minh')).toEqual(['KTS.GRDP']);
    expect(marked('Văn phòng HĐND và UBND')).toEqual(['CQS.TTTT']);
    const at = annex.rows.findIndex((x) => x[1]?.v === 'Văn phòng HĐND và UBND') + 1;
    const col = 2 + r.kpi.codes.indexOf('CQS.TTTT') * 3;
    expect(annex.merges).toContain(`${columnLetter(col)}${at}:${columnLetter(col + 2)}${at}`);
    expect(annex.rows.flat().some((c) => String(c?.v ?? '').startsWith('Không áp dụng: chỉ tiêu không áp dụng'))).toBe(
      true,
    );
  });

  // An Bình's own mark and the wards' group mark lifted since the templates were made; the offices' kept.
  const lifted = (): Registry => ({
    ...REG,
    notApplicable: { 'co-quan-chuyen-mon': ['CQS.TTTT'] },
    units: REG.units.map((u) => ({ ...u, notApplicable: undefined })),
  });

  test('the registry wins over the cover: a mark lifted since counts the figures again', async () => {
    const r = consolidate(await sources(), { registry: lifted(), period: '2023-06' });
    expect(r.kpi.total.get('XHS.DDDT')).toEqual({ numerator: 1201, denominator: 1920, units: 4 });
    expect(r.kpi.total.get('KTS.GRDP')).toEqual({ numerator: 4, denominator: 8, units: 4 });
  });

  test('so does the registry of a listing that lists the unit (registry --json of several)', async () => {
    const r = consolidate(await sources(), { registries: [DEFAULT_REGISTRIES[2], lifted()], period: '2023-06' });
    expect(r.summary.registry?.code).toBe('TST');
    expect(r.kpi.total.get('XHS.DDDT')).toEqual({ numerator: 1201, denominator: 1920, units: 4 });
  });

  test('a registry that marks nothing says nothing of it: the covers stand', async () => {
    const silent: Registry = { ...lifted(), notApplicable: undefined };
    const r = consolidate(await sources(), { registry: silent, period: '2023-06' });
    expect(r.kpi.total.get('XHS.DDDT')).toEqual({ numerator: 501, denominator: 920, units: 3 });
    expect(r.kpi.total.get('CQS.TTTT')).toEqual({ numerator: 57, denominator: 120, units: 3 });
  });

  test('without any registry given, the covers say it', async () => {
    const r = consolidate(await sources(), { period: '2023-06', matcher: new UnitMatcher([REG]) });
    expect(r.kpi.total.get('XHS.DDDT')).toEqual({ numerator: 501, denominator: 920, units: 3 });
    expect(r.kpi.total.get('CQS.TTTT')).toEqual({ numerator: 57, denominator: 120, units: 3 });
  });
});

/** The indicators a unit's row of Phụ lục I prints “Không áp dụng” for, by the annex's column order. */
function markedCodes(annex: SheetSpec, codes: string[], unit: string): string[] {
  const row = annex.rows.find((x) => x[1]?.v === unit)!;
  return codes.filter((_, k) => row[2 + k * 3]?.v === 'Không áp dụng').sort();
}

describe('the command line: consolidate with an .xlsx registry', () => {
  test('dx-report consolidate … --registry danh-muc.xlsx', async () => {
    const { runMain } = await import('./helpers/cli');
    const dir = path.dirname(tmpFile('x'));
    const units = path.join(dir, 'don-vi');
    fs.mkdirSync(units);
    for (const name of Object.keys(FIGURES)) {
      const { file } = await unitFile(name, editsOf(name));
      fs.copyFileSync(file, path.join(units, `${name}.xlsx`));
    }
    const reg = path.join(dir, 'tst.xlsx');
    await tsvWorkbook(reg, [{ name: 'Danh mục', tsv: tsvOf(SHEET) }]);
    const out = path.join(dir, 'tong-hop.xlsx');
    const run = await runMain(['consolidate', units, '--registry', reg, '--period', '2023-06', '--out', out, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const s = JSON.parse(run.stdout) as {
      indicators: Array<{ code: string; numerator: number; denominator: number; units: number }>;
      missing: string[];
    };
    expect(s.missing).toEqual([]);
    const eid = s.indicators.find((i) => i.code === 'XHS.DDDT')!;
    expect([eid.numerator, eid.denominator, eid.units]).toEqual([501, 920, 3]);
    const annex = (await (await XlsxWorkbook.open(out)).read()).find((x) => x.name === 'Phụ lục I')!;
    const row = annex.values.find((r) => r[1] === 'Phường An Bình')!;
    expect(row.filter((v) => v === 'Không áp dụng')).toHaveLength(2);
  }, 120000);

  test("dx-report template --unit … --registry marks one unit's template; a unit outside it is refused", async () => {
    const { runMain } = await import('./helpers/cli');
    const dir = path.dirname(tmpFile('x'));
    const reg = path.join(dir, 'tst.xlsx');
    await tsvWorkbook(reg, [{ name: 'Danh mục', tsv: tsvOf(SHEET) }]);
    const out = path.join(dir, 'an-binh.xlsx');
    const args = ['template', '--unit', 'Phường An Bình', '--period', '2023-06', '--registry', reg];
    const run = await runMain([...args, '--out', out, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).notApplicable).toEqual(['KTS.GRDP', 'XHS.DDDT']);
    const read = readUnitWorkbook(await (await XlsxWorkbook.open(out)).read());
    expect(read.cover.notApplicable?.value).toBe('KTS.GRDP; XHS.DDDT');
    // A unit the registry does not list is refused, nothing written.
    const elsewhere = await runMain(
      ['template', '--unit', 'Phường Lộc Thọ', '--period', '2023-06', '--registry', reg].concat([
        '--out',
        path.join(dir, 'loc-tho.xlsx'),
      ]),
    );
    expect(elsewhere.code).not.toBe(0);
    expect(elsewhere.stdout + elsewhere.stderr).toContain('Phường Lộc Thọ');
    expect(fs.existsSync(path.join(dir, 'loc-tho.xlsx'))).toBe(false);
  }, 120000);
});

describe('the panes: “Tạo phiếu” and “Kiểm tra” through the shared operations, in each host', () => {
  test('Excel (Office.js stand-in) and Google Sheets (Apps Script stand-in) mark and warn alike', async () => {
    const { OfficeWorkbook } = await import('../addin/office-workbook');
    const { SheetsWorkbook } = await import('../appsscript/server/sheets-workbook');
    const { FakeExcel } = await import('./helpers/fake-excel');
    const { FakeSpreadsheet, fakeSpreadsheetApp } = await import('./helpers/fake-sheets');
    const { check } = await import('../shared/operations/check');
    const excel = new FakeExcel();
    const ss = new FakeSpreadsheet(undefined, 'vi_VN');
    // The port reads SpreadsheetApp's enums (border styles, …), as Apps Script's global.
    (globalThis as unknown as { SpreadsheetApp: unknown }).SpreadsheetApp = fakeSpreadsheetApp(ss);
    const hosts = [
      {
        name: 'Excel',
        port: new OfficeWorkbook(excel.run),
        store: (sheet: string, row: number, col: number, v: number) => {
          const grid: unknown[][] = Array.from({ length: row + 1 }, () => []);
          grid[row][col] = v;
          excel.fill(sheet, grid);
        },
      },
      {
        name: 'Sheets',
        port: new SheetsWorkbook(ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet),
        store: (sheet: string, row: number, col: number, v: number) =>
          ss.getSheetByName(sheet)!.cells.set(`${columnLetter(col)}${row + 1}`, { value: v }),
      },
    ];
    for (const h of hosts) {
      const made = await createTemplate(h.port, {
        unit: 'Văn phòng HĐND và UBND',
        period: '2023-06',
        preparer: 'Nguyễn Văn A',
        matcher: new UnitMatcher([REG]),
      });
      expect([h.name, made.notApplicable]).toEqual([h.name, ['CQS.TTTT']]);
      const read = readUnitWorkbook(await h.port.read());
      const t1 = read.tables.find((t) => t.table === 'T1')!;
      const row = t1.rows.find((x) => x.cells.code === 'CQS.TTTT')!;
      expect([h.name, row.cells.remark]).toEqual([h.name, 'Không áp dụng']);
      h.store(t1.sheet, row.row, t1.columns.numerator, 9);
      const issues = (await check(h.port)).issues.filter((i) => i.message.includes('CQS.TTTT'));
      expect(issues.map((i) => [h.name, i.rule, i.sheet, i.cell])).toEqual([
        [h.name, 'KHONG-AP-DUNG', t1.sheet, `${columnLetter(t1.columns.numerator)}${row.row + 1}`],
      ]);
    }
  });
});
