/**
 * The secretariat's rules decide (issue 11, item 7): validation and consolidation apply the rules and
 * the catalogue of the configuration that was issued — the built-in template, or the secretariat's
 * master — never a unit's own copy of DX_CauHinh; every difference of that copy is reported at its cell;
 * rules over unknown tables or columns ("constructor", "__proto__" included) and repeated codes are
 * refused when DX_CauHinh is read, each with its cell.
 */
import * as fs from 'fs';
import { defaultCatalogue } from '../shared/catalogue/catalogue';
import { consolidate } from '../shared/consolidate/consolidate';
import { parsePeriod } from '../shared/dates/period';
import { createTemplate } from '../shared/operations/create-template';
import { defaultMatcher } from '../shared/registry/default';
import { findTable } from '../shared/tables/read';
import { buildUnitTemplate } from '../shared/templates/build';
import { catalogueFrom, CONFIG_INDICATORS, CONFIG_RULES, readConfig } from '../shared/templates/config-sheet';
import { FAMILIES } from '../shared/templates/families';
import { RuleSpec } from '../shared/templates/schema';
import { validateSheets } from '../shared/validation/validate';
import { SheetSnapshot } from '../shared/workbook/port';
import { CellValue, columnLetter, SheetSpec } from '../shared/workbook/sheet-spec';
import { XlsxWorkbook } from '../xlsx/workbook';
import { runMain } from './helpers/cli';
import { CONSISTENT, Edit, unitWorkbook } from './helpers/unit-fixture';
import { tmpFile } from './helpers/xlsx';

const REPORTED: Edit = { cover: 'reportDate', value: new Date(Date.UTC(2023, 6, 10)) };
/** Seed 000 §6 with "in process" typed 5 = 1 + 4: only "received = resolved + in process" breaks (16 ≠ 15). */
const T4_BROKEN: Edit[] = [
  { table: 'T4', row: '#1', field: 'received', value: 16 },
  { table: 'T4', row: '#1', field: 'resolved', value: 10 },
  { table: 'T4', row: '#1', field: 'resolvedOnTime', value: 6 },
  { table: 'T4', row: '#1', field: 'resolvedLate', value: 4 },
  { table: 'T4', row: '#1', field: 'inProcess', value: 5 },
  { table: 'T4', row: '#1', field: 'inProcessOnTime', value: 1 },
  { table: 'T4', row: '#1', field: 'inProcessLate', value: 4 },
];
const TIEP_NHAN = 'Tiếp nhận = đã giải quyết + đang giải quyết.';

async function unitSheets(edits: Edit[], unit = 'Phường Lộc Thọ'): Promise<SheetSnapshot[]> {
  const { file } = await unitWorkbook(edits, unit);
  return (await XlsxWorkbook.open(file)).read();
}

/** A workbook holding only a DX_CauHinh grid, as a secretariat's master is. */
const configSpec = (grid: CellValue[][]): SheetSpec => ({
  name: 'DX_CauHinh',
  rows: grid.map((r) => r.map((v) => (v === null ? null : { v: v as string | number }))),
  columnWidths: [],
  rowHeights: [],
  merges: [],
  validations: [],
  hidden: false,
});

const configOf = (sheets: SheetSnapshot[]) => sheets.find((s) => s.name === 'DX_CauHinh')!;

/** The 0-based row of DX_CauHinh whose first cell is `key` (an indicator code or a rule id). */
const rowOf = (grid: CellValue[][], key: string) => grid.findIndex((r) => r[0] === key);

/** Deletes a row of the unit's DX_CauHinh, as a user deleting it in Excel would. */
function deleteRow(sheets: SheetSnapshot[], key: string): void {
  const s = configOf(sheets);
  const r = rowOf(s.values, key);
  expect(r).toBeGreaterThan(0);
  s.values.splice(r, 1);
  s.formulas?.splice(r, 1);
}

/** Writes one field of an indicator or rule row; returns its A1 address. */
function setField(grid: CellValue[][], key: string, field: string, value: CellValue, rules = false): string {
  const indicators = findTable(grid, CONFIG_INDICATORS)!;
  const layout = rules ? findTable(grid, CONFIG_RULES, indicators.headerRow + 1)! : indicators;
  const r = rowOf(grid, key);
  grid[r][layout.columns[field]] = value;
  return `${columnLetter(layout.columns[field])}${r + 1}`;
}

const ruleHeaderCell = (grid: CellValue[][]) => {
  const indicators = findTable(grid, CONFIG_INDICATORS)!;
  return `A${findTable(grid, CONFIG_RULES, indicators.headerRow + 1)!.headerRow + 1}`;
};

const builtInRules = () => FAMILIES.flatMap((f) => f.rules);

describe('without a master, the built-in template decides for units made from it', () => {
  test('a unit deleting a rule row from its copy keeps the rule; its inconsistent figures are not consolidated', async () => {
    const sheets = await unitSheets([REPORTED, ...T4_BROKEN]);
    deleteRow(sheets, 'T4.TIEP-NHAN');
    const header = ruleHeaderCell(configOf(sheets).values);
    const r = validateSheets(sheets, { period: '2023-06' });
    const broken = r.issues.filter((i) => i.rule === 'CONG-THUC' && i.message.startsWith(TIEP_NHAN));
    expect(broken.map((i) => `${i.sheet}!${i.cell}`)).toEqual(['T4 Phản ánh!C6']);
    const changed = r.issues.filter((i) => i.rule === 'CAU-HINH-KHAC');
    expect(changed).toEqual([
      expect.objectContaining({ sheet: 'DX_CauHinh', cell: header, severity: 'loi', importance: 'cao' }),
    ]);
    expect(changed[0].message).toContain('Quy tắc T4.TIEP-NHAN');
    const c = consolidate([{ source: { file: 'loc-tho.xlsx' }, sheets }], { period: '2023-06' });
    expect(c.summary.included).toEqual([]);
    expect(c.summary.excluded[0].reason).toContain('lỗi');
  });

  test("an edited target in the unit's copy is reported at its cell, and the issued one applies", async () => {
    const sheets = await unitSheets([...CONSISTENT]);
    const grid = configOf(sheets).values;
    const cell = setField(grid, 'CQS.09', 'thanhPho', '10%');
    const r = validateSheets(sheets, { period: '2023-06' });
    expect(r.configuration).toBe('built-in');
    const changed = r.issues.filter((i) => i.rule === 'CAU-HINH-KHAC');
    expect(changed.map((i) => `${i.sheet}!${i.cell}`)).toEqual([`DX_CauHinh!${cell}`]);
    expect(changed[0].message).toBe(
      'Chỉ tiêu CQS.09: “Chỉ tiêu thành phố” ghi “10%”, bản phát hành là “30%”; áp dụng theo bản phát hành.',
    );
  });

  test('an untouched copy of the built-in template has no difference', async () => {
    const r = validateSheets(await unitSheets(CONSISTENT), { period: '2023-06' });
    expect(r.issues).toEqual([]);
    expect(r.configuration).toBe('built-in');
  });
});

describe("a master given: the secretariat's rules and catalogue decide", () => {
  /** The secretariat's master: CQS.09's city target raised to 40%, one rule of its own. */
  const own: RuleSpec = RuleSpec.parse({
    id: 'T4.DA-GIAI-QUYET-NHIEU',
    table: 'T4',
    left: ['resolved'],
    op: '>=',
    right: ['inProcess'],
    importance: 'trung-binh',
    instruction: 'Số đã giải quyết không ít hơn số đang giải quyết.',
  });
  const master = () => ({
    catalogue: defaultCatalogue().map((i) =>
      i.code === 'CQS.09'
        ? { ...i, targets: i.targets.map((t) => (t.level === 'thanh-pho' ? { ...t, text: '40%' } : t)) }
        : i,
    ),
    rules: [...builtInRules(), own],
  });

  test("validation applies the master's rules and reports the unit's copy differing from it", async () => {
    // 6 resolved, 10 in process: breaks only the master's own rule.
    const sheets = await unitSheets([
      ...CONSISTENT,
      { table: 'T4', row: '#1', field: 'received', value: 16 },
      { table: 'T4', row: '#1', field: 'resolved', value: 6 },
      { table: 'T4', row: '#1', field: 'resolvedOnTime', value: 2 },
      { table: 'T4', row: '#1', field: 'resolvedLate', value: 4 },
      { table: 'T4', row: '#1', field: 'inProcess', value: 10 },
      { table: 'T4', row: '#1', field: 'inProcessOnTime', value: 6 },
      { table: 'T4', row: '#1', field: 'inProcessLate', value: 4 },
    ]);
    expect(validateSheets(sheets, { period: '2023-06' }).issues).toEqual([]);
    const r = validateSheets(sheets, { period: '2023-06', master: master() });
    expect(r.configuration).toBe('master');
    expect(r.issues.filter((i) => i.rule === 'CONG-THUC').map((i) => [i.cell, i.importance, i.message])).toEqual([
      ['D6', 'trung-binh', 'Số đã giải quyết không ít hơn số đang giải quyết. Đang là 6 < 10.'],
    ]);
    const changed = r.issues.filter((i) => i.rule === 'CAU-HINH-KHAC').map((i) => i.message);
    expect(changed).toEqual([
      expect.stringContaining('bản phát hành là “40%”'),
      'Quy tắc T4.DA-GIAI-QUYET-NHIEU của bản phát hành không còn trong DX_CauHinh; vẫn được áp dụng.',
    ]);
  });

  test('the master as its DX_CauHinh grid; a copy equal to the master has no difference', async () => {
    const masterSheets = await unitSheets([]);
    const grid = configOf(masterSheets).values;
    setField(grid, 'CQS.09', 'thanhPho', '40%');
    const unit = await unitSheets(CONSISTENT);
    const against = validateSheets(unit, { period: '2023-06', master: grid });
    expect(against.issues.map((i) => [i.rule, i.cell])).toEqual([['CAU-HINH-KHAC', 'O13']]);
    const copy = await unitSheets(CONSISTENT);
    configOf(copy).values = grid.map((r) => [...r]);
    expect(validateSheets(copy, { period: '2023-06', master: grid }).issues).toEqual([]);
  });

  test('a unit issued from a master keeps its issued copy without the master; an edit of it is reported', async () => {
    const m = master();
    const unit = defaultMatcher().match('Phường Lộc Thọ').unit!;
    const specs = buildUnitTemplate({
      unit,
      period: parsePeriod('2023-06')!,
      periodLabel: 'tháng 6/2023',
      preparer: 'A',
      catalogue: m.catalogue,
      rules: m.rules,
    });
    const book = new XlsxWorkbook();
    await book.write(specs);
    const sheets = await book.read();
    const r = validateSheets(sheets, { period: '2023-06' });
    expect(r.configuration).toBe('issued-copy');
    expect(r.issues.filter((i) => i.rule.startsWith('CAU-HINH'))).toEqual([]);
    deleteRow(sheets, own.id);
    const edited = validateSheets(sheets, { period: '2023-06' });
    expect(edited.issues.filter((i) => i.rule === 'CAU-HINH-KHAC').map((i) => [i.cell, i.severity])).toEqual([
      ['D3', 'loi'],
    ]);
    // Given the master, the difference is named at its cell.
    const named = validateSheets(sheets, { period: '2023-06', master: m }).issues.filter(
      (i) => i.rule === 'CAU-HINH-KHAC',
    );
    expect(named.map((i) => i.message)).toEqual([expect.stringContaining(`Quy tắc ${own.id}`)]);
  });

  test('"Tạo phiếu" over an edited master stamps the kept copy: validated without the master, no difference', async () => {
    const grid = configOf(await unitSheets([])).values;
    const cell = setField(grid, 'CQS.09', 'thanhPho', '40%');
    const rulesHeader = ruleHeaderCell(grid);
    grid.splice(rowOf(grid, 'T4.TIEP-NHAN'), 1);
    const book = new XlsxWorkbook();
    await book.write([configSpec(grid)]);
    await createTemplate(book, { unit: 'Phường Lộc Thọ', period: '2023-06' });
    const file = tmpFile('from-master.xlsx');
    fs.writeFileSync(file, await book.toBuffer());
    const sheets = await (await XlsxWorkbook.open(file)).read();
    const alone = validateSheets(sheets, { period: '2023-06' });
    expect(alone.configuration).toBe('issued-copy');
    expect(alone.issues.filter((i) => i.rule.startsWith('CAU-HINH'))).toEqual([]);
    const withMaster = validateSheets(sheets, { period: '2023-06', master: grid });
    expect(withMaster.issues.filter((i) => i.rule.startsWith('CAU-HINH'))).toEqual([]);
    // Against the built-in template, the master's two edits are what differs, each at its cell.
    const builtIn = { catalogue: defaultCatalogue(), rules: builtInRules() };
    const against = validateSheets(sheets, { period: '2023-06', master: builtIn }).issues;
    expect(against.filter((i) => i.rule === 'CAU-HINH-KHAC').map((i) => i.cell)).toEqual(
      expect.arrayContaining([cell, rulesHeader]),
    );
  });

  test("consolidation validates every unit by the master's rules and consolidates with its catalogue", async () => {
    const sheets = await unitSheets([REPORTED, ...T4_BROKEN, ...CONSISTENT.slice(1, 3)]);
    deleteRow(sheets, 'T4.TIEP-NHAN');
    const renamed = {
      catalogue: defaultCatalogue().map((i) => (i.code === 'XHS.DDDT' ? { ...i, name: 'Người dân có định danh' } : i)),
      rules: builtInRules(),
    };
    const c = consolidate([{ source: { file: 'loc-tho.xlsx' }, sheets }], { period: '2023-06', master: renamed });
    expect(c.summary.included).toEqual([]);
    expect(c.summary.excluded[0].reason).toMatch(/lỗi/);
    // A unit issued the master: its copy names the indicator as the master does.
    const clean = await unitSheets([REPORTED, ...CONSISTENT.slice(1, 3)]);
    setField(configOf(clean).values, 'XHS.DDDT', 'name', 'Người dân có định danh');
    const ok = consolidate([{ source: { file: 'a.xlsx' }, sheets: clean }], { period: '2023-06', master: renamed });
    expect(ok.summary.indicators.find((i) => i.code === 'XHS.DDDT')!.name).toBe('Người dân có định danh');
  });
});

describe('DX_CauHinh is refused, row by row with its cell, when a rule cannot apply', () => {
  async function configGrid(): Promise<CellValue[][]> {
    return configOf(await unitSheets([])).values;
  }

  test('unknown tables and columns, "constructor" and "__proto__", repeated codes and ids', async () => {
    const grid = await configGrid();
    const table = setField(grid, 'T4.TIEP-NHAN', 'table', 'T9', true);
    const left = setField(grid, 'T4.DA-GIAI-QUYET', 'left', 'constructor', true);
    const right = setField(grid, 'T4.DANG-GIAI-QUYET', 'right', '__proto__ + inProcessLate', true);
    const typo = setField(grid, 'T3.SOHOA-GAN-FILE', 'left', 'dosiers', true);
    const protoTable = setField(grid, 'T5.KINH-PHI-NAM', 'table', 'constructor', true);
    const idRow = rowOf(grid, 'T3.SOHOA-KY-SO');
    grid[idRow][0] = 'T6.KE-HOACH-VAN-BAN'; // the id of a rule below it
    const codeRow = rowOf(grid, 'CQS.02');
    grid[codeRow][0] = 'CQS.01';
    const read = readConfig(grid);
    const byCell = Object.fromEntries(read.issues.map((i) => [i.cell, i.message]));
    expect(byCell[table]).toContain('không có bảng “T9”');
    expect(byCell[left]).toContain('không có cột “constructor”');
    expect(byCell[right]).toContain('không có cột “__proto__”');
    expect(byCell[typo]).toContain('không có cột “dosiers”');
    expect(byCell[protoTable]).toContain('không có bảng “constructor”');
    expect(byCell[`A${codeRow + 1}`]).toContain('Mã chỉ tiêu CQS.01 trùng');
    const laterId = grid.findIndex((r, i) => i > idRow && r[0] === 'T6.KE-HOACH-VAN-BAN');
    expect(byCell[`A${laterId + 1}`]).toContain('Mã quy tắc T6.KE-HOACH-VAN-BAN trùng');
    expect(read.rules.map((r) => r.id)).not.toContain('T4.TIEP-NHAN');
    // Nothing refused is handed on: the configuration is refused whole, with every cell.
    expect(() => catalogueFrom(grid)).toThrow(/DX_CauHinh/);
  });

  test('"Tạo phiếu báo cáo" / `template --config` refuse a master with such a rule', async () => {
    const grid = await configGrid();
    setField(grid, 'T4.TIEP-NHAN', 'left', 'constructor', true);
    const book = new XlsxWorkbook();
    await book.write([configSpec(grid)]);
    await expect(createTemplate(book, { unit: 'Phường Lộc Thọ', period: '2023-06' })).rejects.toThrow(/constructor/);
  });
});

describe('the command line: --config master.xlsx for template, validate and consolidate', () => {
  /** The secretariat's master workbook: the built-in DX_CauHinh with CQS.09's city target raised to 40%. */
  async function masterFile(edit?: (grid: CellValue[][]) => void): Promise<string> {
    const grid = configOf(await unitSheets([])).values;
    setField(grid, 'CQS.09', 'thanhPho', '40%');
    edit?.(grid);
    const book = new XlsxWorkbook();
    await book.write([configSpec(grid)]);
    const file = tmpFile('mau-van-phong.xlsx');
    fs.writeFileSync(file, await book.toBuffer());
    return file;
  }
  const differences = (json: string) =>
    (JSON.parse(json) as { issues: Array<{ rule: string }> }).issues.filter((i) => i.rule === 'CAU-HINH-KHAC');

  test('a unit issued the master passes; a unit of the built-in template differs and is not consolidated', async () => {
    const master = await masterFile();
    const issued = tmpFile('issued.xlsx');
    const made = await runMain([
      'template',
      ...['--unit', 'Phường Lộc Thọ', '--period', '2023-06', '--out', issued, '--config', master],
    ]);
    expect(made.code).toBe(0);
    const alone = await runMain(['validate', issued, '--json']);
    expect(differences(alone.stdout)).toEqual([]);
    const { file: builtIn } = await unitWorkbook([REPORTED, ...CONSISTENT.slice(1, 3)], 'Phường Vạn Thạnh');
    expect(differences((await runMain(['validate', builtIn, '--json'])).stdout)).toEqual([]);
    const checked = await runMain(['validate', builtIn, '--config', master, '--json']);
    expect(checked.code).toBe(1);
    expect(differences(checked.stdout)).toHaveLength(1);
    expect(JSON.parse(checked.stdout).configuration).toEqual({ file: master });
    const text = await runMain(['validate', builtIn, '--config', master]);
    expect(text.stdout).toContain(`Áp dụng cấu hình của văn phòng (trang DX_CauHinh của ${master})`);
    const out = tmpFile('phu-luc.xlsx');
    const c = await runMain(['consolidate', builtIn, '--config', master, '--out', out, '--allow-empty']);
    // The summary's list of reports left out, one a line under its heading (shared/consolidate/digest.ts).
    expect(c.stdout).toMatch(/\n {2}Không tổng hợp \(1; [^\n]+\):\n {4}Phường Vạn Thạnh — /);
    expect(c.stdout).toMatch(/Danh mục đơn vị có sẵn: .+, \d+ đơn vị\./);
  });

  test('a master with a rule that cannot apply is refused before any unit is read, naming the file and cell', async () => {
    let cell = '';
    const master = await masterFile((grid) => {
      cell = setField(grid, 'T4.TIEP-NHAN', 'left', 'constructor', true);
    });
    const { file } = await unitWorkbook([REPORTED], 'Phường Vạn Thạnh');
    for (const argv of [
      ['validate', file, '--config', master],
      ['consolidate', file, '--config', master, '--out', tmpFile('x.xlsx')],
    ]) {
      const r = await runMain(argv, { DX_DEBUG: undefined });
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).toContain(`Tệp cấu hình “${master}”`);
      expect(r.stdout + r.stderr).toContain(`DX_CauHinh!${cell}`);
      expect(r.stdout + r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    }
  });
});
