/*
 * Issue 12, item 1: DX_CauHinh shows how each figure adds up over months — an indicator's numerator and
 * denominator ("Cách cộng tử số", "Cách cộng mẫu số") and every count or amount of the unit tables ("Cách
 * cộng số liệu theo thời gian") — and reads them back; copies issued before it still read, print and
 * compare as they did.
 */
import ExcelJS from 'exceljs';
import { buildCatalogue, defaultCatalogue } from '../shared/catalogue/catalogue';
import { parsePeriod } from '../shared/dates/period';
import { Aggregation, AGGREGATION_LABEL, AGGREGATION_REASON } from '../shared/numbers/aggregation';
import { defaultMatcher } from '../shared/registry/default';
import { findTable } from '../shared/tables/read';
import { columnAggregation, columnLabel, FIGURE_COLUMNS } from '../shared/templates/aggregations';
import { buildUnitTemplate } from '../shared/templates/build';
import {
  builtInConfig,
  catalogueFrom,
  compareConfig,
  CONFIG_AGGREGATIONS,
  CONFIG_INDICATORS,
  configEntries,
  configPrint,
  configSheet,
  readConfig,
  readMaster,
  restamp,
} from '../shared/templates/config-sheet';
import { fingerprint } from '../shared/text/fingerprint';
import { validateSheets } from '../shared/validation/validate';
import { SheetSnapshot } from '../shared/workbook/port';
import { CellValue, columnLetter, SheetSpec } from '../shared/workbook/sheet-spec';
import { XlsxWorkbook } from '../xlsx/workbook';
import { CONSISTENT, unitWorkbook } from './helpers/unit-fixture';

const SHEET = 'DX_CauHinh';
const [SUM, LAST, NONE] = (['sum', 'last', 'none'] as const).map((a) => AGGREGATION_LABEL[a]);
const configOf = (sheets: SheetSnapshot[]) => sheets.find((s) => s.name === SHEET)!;

async function unitSheets(file: string): Promise<SheetSnapshot[]> {
  return (await XlsxWorkbook.open(file)).read();
}

/** A unit workbook of the built-in template, as a unit receives it, read back through the .xlsx port. */
async function builtInUnit(): Promise<{ file: string; grid: CellValue[][] }> {
  const { file } = await unitWorkbook([]);
  return { file, grid: configOf(await unitSheets(file)).values };
}

/** The A1 address of an indicator's field in DX_CauHinh. */
function indicatorCell(grid: CellValue[][], code: string, field: string): string {
  const layout = findTable(grid, CONFIG_INDICATORS)!;
  const row = grid.findIndex((r, i) => i > layout.headerRow && r[layout.columns.code] === code);
  expect(row).toBeGreaterThan(layout.headerRow);
  return `${columnLetter(layout.columns[field])}${row + 1}`;
}

/** The A1 address of a field of the types table's row for a figure ("T3a/dossiers"). */
function figureCell(grid: CellValue[][], key: string, field = 'aggregation'): string {
  const place = readConfig(grid).where.aggregations!;
  return `${columnLetter(place.columns[field])}${place.rows.get(key)! + 1}`;
}

function cellValue(grid: CellValue[][], a1: string): CellValue {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return grid[Number(m[2]) - 1]?.[col] ?? null;
}

function setCell(grid: CellValue[][], a1: string, value: CellValue): void {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  grid[Number(m[2]) - 1][col] = value;
}

/** The items of a cell's dropdown, followed into the hidden lists sheet. */
function dropdown(book: ExcelJS.Workbook, a1: string): unknown[] {
  const dv = book.getWorksheet(SHEET)!.getCell(a1).dataValidation;
  expect(dv?.type).toBe('list');
  const ref = /^DX_DanhSach!\$([A-Z]+)\$1:\$\1\$(\d+)$/.exec(dv.formulae![0])!;
  const lists = book.getWorksheet('DX_DanhSach')!;
  return Array.from({ length: Number(ref[2]) }, (_, i) => lists.getCell(`${ref[1]}${i + 1}`).value);
}

/** Every count or amount of the unit tables, with its key and built-in type. */
const FIGURES = [...FIGURE_COLUMNS].flatMap(([table, cols]) =>
  cols.map((c) => ({ table, col: c, key: `${table}/${c.key}`, ...columnAggregation(c) })),
);

/** DX_CauHinh as it was issued before issue 12: the same sheet without the two columns and the third table. */
function oldStyle(grid: CellValue[][]): CellValue[][] {
  const layout = findTable(grid, CONFIG_INDICATORS)!;
  const cut = [layout.columns.numeratorAggregation, layout.columns.denominatorAggregation].sort((a, b) => b - a);
  // The rows from the blank line above the types table's title on are the table's.
  const third = readConfig(grid).where.aggregations!.headerRow;
  return grid.slice(0, third - 3).map((row) => {
    const r = [...row];
    for (const c of cut) r.splice(c, 1);
    return r;
  });
}

/** The fingerprint of a configuration as it was taken before issue 12: indicators and rules only. */
function printBefore(e: ReturnType<typeof configEntries>): string {
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return fingerprint({ indicators: sorted(e.indicators), rules: sorted(e.rules) }).slice(0, 8);
}

describe('DX_CauHinh shows the aggregation types, with dropdowns', () => {
  test('each indicator: "Cách cộng tử số" and "Cách cộng mẫu số" after "Đơn vị mẫu số", as its unit adds up', async () => {
    const { file, grid } = await builtInUnit();
    const layout = findTable(grid, CONFIG_INDICATORS)!;
    const header = grid[layout.headerRow];
    const unitCol = layout.columns.denominatorUnit;
    expect(header.slice(unitCol, unitCol + 3)).toEqual(['Đơn vị mẫu số', 'Cách cộng tử số', 'Cách cộng mẫu số']);
    // e-ID accounts and adult population are stocks; online and received dossiers are flows.
    expect(cellValue(grid, indicatorCell(grid, 'XHS.DDDT', 'numeratorAggregation'))).toBe(LAST);
    expect(cellValue(grid, indicatorCell(grid, 'XHS.DDDT', 'denominatorAggregation'))).toBe(LAST);
    expect(cellValue(grid, indicatorCell(grid, 'CQS.06', 'numeratorAggregation'))).toBe(SUM);
    for (const ind of defaultCatalogue()) {
      expect(cellValue(grid, indicatorCell(grid, ind.code, 'numeratorAggregation'))).toBe(
        AGGREGATION_LABEL[ind.numerator.aggregation],
      );
      expect(cellValue(grid, indicatorCell(grid, ind.code, 'denominatorAggregation'))).toBe(
        AGGREGATION_LABEL[ind.denominator.aggregation],
      );
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const last = defaultCatalogue()[defaultCatalogue().length - 1].code;
    for (const cell of [
      indicatorCell(grid, 'CQS.06', 'numeratorAggregation'),
      indicatorCell(grid, last, 'denominatorAggregation'),
    ])
      expect(dropdown(book, cell)).toEqual([SUM, LAST, NONE]);
  });

  test('"Cách cộng số liệu theo thời gian": one row per count or amount of the unit tables, below the rules', async () => {
    const { file, grid } = await builtInUnit();
    const read = readConfig(grid);
    const place = read.where.aggregations!;
    expect(place.headerRow).toBeGreaterThan(read.where.rules!.headerRow);
    expect(grid[place.headerRow - 2][0]).toBe('Cách cộng số liệu theo thời gian');
    // "Cột" names the column by its heading; "Tên cột" (a copy before issue 16) is read but no longer written.
    expect(grid[place.headerRow].slice(0, 4)).toEqual(['Bảng', 'Cột', 'Cách cộng', 'Lý do']);
    expect(grid[place.headerRow].slice(4).every((v) => v === null || v === '')).toBe(true);
    expect(CONFIG_AGGREGATIONS.columns.filter((c) => !c.optional).map((c) => c.key)).toEqual([
      'table',
      'column',
      'aggregation',
    ]);
    const rows = grid.slice(place.headerRow + 1).filter((r) => r.some((v) => v !== null && v !== ''));
    expect(rows.map((r) => r.slice(0, 4))).toEqual(
      FIGURES.map((f) => [f.table, columnLabel(f.col), AGGREGATION_LABEL[f.aggregation], f.reason]),
    );
    // Flows, stocks and the figure that is never combined over months.
    const at = (key: string) => cellValue(grid, figureCell(grid, key));
    expect([at('T3a/dossiers'), at('T3b/inProcess'), at('T3d/chargedProcedures')]).toEqual([SUM, LAST, NONE]);
    expect(cellValue(grid, figureCell(grid, 'T4/inProcess', 'column'))).toBe('Đang giải quyết — Tổng số');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(dropdown(book, figureCell(grid, 'T2/sentOn'))).toEqual([SUM, LAST, NONE]);
    expect(dropdown(book, figureCell(grid, FIGURES[FIGURES.length - 1].key))).toEqual([SUM, LAST, NONE]);
    // The types table is not read as rules, and the sheet reads without a remark.
    expect(read.issues).toEqual([]);
    expect(read.rules).toHaveLength(builtInConfig().rules.length);
    expect(read.aggregations).toEqual({});
  });
});

describe('read back', () => {
  test('a round trip through .xlsx gives the same types, edited ones included, and a matching stamp', async () => {
    const catalogue = defaultCatalogue().map((i) =>
      i.code === 'CQS.06' ? { ...i, numerator: { ...i.numerator, aggregation: 'last' as const } } : i,
    );
    const overrides: Record<string, Aggregation> = { 'T3a/dossiers': 'last', 'T4/inProcess': 'sum' };
    const { rules } = builtInConfig();
    const book = new XlsxWorkbook();
    await book.write([SheetSpec.parse(configSheet(catalogue, rules, 2023, overrides))]);
    const grid = configOf(await (await XlsxWorkbook.fromBuffer(await book.toBuffer(), 'cau-hinh.xlsx')).read()).values;
    const read = readConfig(grid);
    expect(read.issues).toEqual([]);
    expect(read.aggregations).toEqual(overrides);
    const types = (cat: typeof catalogue) =>
      cat.map((i) => [i.code, i.numerator.aggregation, i.denominator.aggregation]);
    expect(types(buildCatalogue(read.indicators))).toEqual(types(catalogue));
    expect(cellValue(grid, figureCell(grid, 'T3a/dossiers', 'reason'))).toBe(AGGREGATION_REASON.last);
    // The stamp certifies the types: it is the print of what the sheet reads as, and not the built-in one.
    const print = configPrint(configEntries(read.indicators, read.rules, 2023, read.aggregations));
    expect(read.stamp!.print).toBe(print);
    expect(print).not.toBe(configPrint(configEntries(defaultCatalogue(), rules, 2023)));
    expect(restamp(grid, 2023)!.value).toContain(print);
  });

  test('the built-in sheet reads as the built-in catalogue, every quantity with its type', async () => {
    const { grid } = await builtInUnit();
    const read = readConfig(grid);
    const types = (cat: ReturnType<typeof defaultCatalogue>) =>
      cat.map((i) => [i.code, i.numerator.aggregation, i.numerator.reason, i.denominator.aggregation]);
    expect(types(buildCatalogue(read.indicators))).toEqual(types(defaultCatalogue()));
  });

  test('an unreadable type is refused at its cell, naming the three; so are unknown tables and columns', async () => {
    const { grid } = await builtInUnit();
    const bad = indicatorCell(grid, 'XHS.DDDT', 'numeratorAggregation');
    setCell(grid, bad, 'Cộng dồn');
    const badFigure = figureCell(grid, 'T3a/dossiers');
    setCell(grid, badFigure, 'trung bình');
    const table = figureCell(grid, 'T3a/withResult', 'table');
    setCell(grid, table, 'T9');
    const ctor = figureCell(grid, 'T3a/signed', 'column');
    setCell(grid, ctor, 'constructor');
    const proto = figureCell(grid, 'T3a/archived', 'table');
    setCell(grid, proto, '__proto__');
    const text = figureCell(grid, 'T2/sentOn', 'column');
    setCell(grid, text, 'unit'); // a column of T2, but not a figure
    const repeated = figureCell(grid, 'T2/receivedOff', 'column');
    setCell(grid, repeated, 'receivedOn');
    const read = readConfig(grid);
    const byCell = Object.fromEntries(read.issues.map((i) => [i.cell, i.message]));
    expect(byCell[bad]).toBe(
      '“Cách cộng tử số” ghi “Cộng dồn”: chỉ nhận “Cộng các tháng”, “Lấy số mới nhất” hoặc ' +
        '“Không cộng theo thời gian”.',
    );
    expect(byCell[badFigure]).toContain('T3a “Tổng số hồ sơ”: “Cách cộng” ghi “trung bình”: chỉ nhận “Cộng các tháng”');
    expect(byCell[table]).toContain('không có bảng số liệu “T9”');
    expect(byCell[ctor]).toContain('không có cột số liệu “constructor”');
    expect(byCell[proto]).toContain('không có bảng số liệu “__proto__”');
    expect(byCell[text]).toContain('không có cột số liệu “unit”');
    // Written as its key, as copies before issue 16 hold it: still T2/receivedOn, so a repetition.
    expect(byCell[repeated]).toContain('cột “Số lượng VB được thực hiện trên phần mềm — VB đến” của T2 trùng với dòng');
    expect(read.issues).toHaveLength(7);
    expect(read.indicators.map((i) => i.code)).not.toContain('XHS.DDDT');
    expect(Object.keys(read.aggregations)).toEqual([]);
    expect(Object.getPrototypeOf(read.aggregations)).toBe(Object.prototype);
    expect(() => catalogueFrom(grid)).toThrow(/DX_CauHinh/);
    expect(() => readMaster(grid)).toThrow(/Cộng dồn/);
  });

  test('the English keys are read too, and a blank is the default type', async () => {
    const { grid } = await builtInUnit();
    setCell(grid, indicatorCell(grid, 'CQS.06', 'numeratorAggregation'), 'last');
    setCell(grid, indicatorCell(grid, 'XHS.DDDT', 'numeratorAggregation'), null);
    setCell(grid, figureCell(grid, 'T3a/dossiers'), ' NONE ');
    setCell(grid, figureCell(grid, 'T3b/inProcess'), '');
    const read = readConfig(grid);
    expect(read.issues).toEqual([]);
    const cat = buildCatalogue(read.indicators);
    expect(cat.find((i) => i.code === 'CQS.06')!.numerator.aggregation).toBe('last');
    expect(cat.find((i) => i.code === 'XHS.DDDT')!.numerator.aggregation).toBe('last');
    expect(read.aggregations).toEqual({ 'T3a/dossiers': 'none' });
  });
});

describe('copies issued before the types were shown', () => {
  test('an old-style DX_CauHinh reads, prints and compares exactly as before', async () => {
    const { grid } = await builtInUnit();
    const old = oldStyle(grid);
    // It is the sheet as it was: no types, the same indicator columns as then.
    expect(old.flat()).not.toContain('Cách cộng tử số');
    expect(old.flat()).not.toContain('Cách cộng số liệu theo thời gian');
    const read = readConfig(old);
    expect(read.issues).toEqual([]);
    expect(read.where.aggregations).toBeNull();
    expect(read.aggregations).toEqual({});
    const { catalogue, rules } = builtInConfig();
    const issued = configEntries(catalogue, rules, 2023);
    // The print of the built-in configuration is the one stamped before issue 12, and the old copy's own.
    expect(configPrint(issued)).toBe(printBefore(issued));
    expect(read.stamp!.print).toBe(configPrint(issued));
    expect(configPrint(configEntries(read.indicators, read.rules, 2023, read.aggregations))).toBe(read.stamp!.print);
    expect(compareConfig(read, issued)).toEqual([]);
    expect(restamp(old, 2023)!.value).toBe(restamp(grid, 2023)!.value);
    expect(readMaster(old).aggregations).toEqual({});
  });

  test('a unit sending an old-style copy: no CAU-HINH-KHAC, nothing else either', async () => {
    const { file } = await unitWorkbook(CONSISTENT);
    const sheets = await unitSheets(file);
    const cfg = configOf(sheets);
    cfg.values = oldStyle(cfg.values);
    delete cfg.formulas;
    const r = validateSheets(sheets, { period: '2023-06' });
    expect(r.configuration).toBe('built-in');
    expect(r.issues).toEqual([]);
  });
});

describe('an edited type', () => {
  test("in a unit's copy: CAU-HINH-KHAC at its cell, the issued type applies", async () => {
    const { grid } = await builtInUnit();
    const dddt = indicatorCell(grid, 'XHS.DDDT', 'numeratorAggregation');
    const cqs06 = indicatorCell(grid, 'CQS.06', 'numeratorAggregation');
    const dossiers = figureCell(grid, 'T3a/dossiers');
    expect([cellValue(grid, dddt), cellValue(grid, cqs06), cellValue(grid, dossiers)]).toEqual([LAST, SUM, SUM]);
    const { file } = await unitWorkbook([
      ...CONSISTENT,
      { sheet: SHEET, cell: dddt, value: SUM },
      { sheet: SHEET, cell: cqs06, value: LAST },
      { sheet: SHEET, cell: dossiers, value: LAST },
    ]);
    const r = validateSheets(await unitSheets(file), { period: '2023-06' });
    expect(r.configuration).toBe('built-in');
    const changed = r.issues.filter((i) => i.rule === 'CAU-HINH-KHAC');
    expect(changed.map((i) => [`${i.sheet}!${i.cell}`, i.severity, i.message])).toEqual([
      [
        `${SHEET}!${cqs06}`,
        'loi',
        'Chỉ tiêu CQS.06: “Cách cộng tử số” ghi “Lấy số mới nhất”, bản phát hành là “Cộng các tháng”; ' +
          'áp dụng theo bản phát hành.',
      ],
      [
        `${SHEET}!${dddt}`,
        'loi',
        'Chỉ tiêu XHS.DDDT: “Cách cộng tử số” ghi “Cộng các tháng”, bản phát hành là “Lấy số mới nhất”; ' +
          'áp dụng theo bản phát hành.',
      ],
      [
        `${SHEET}!${dossiers}`,
        'loi',
        'DX_CauHinh T3a/dossiers: “Cách cộng” ghi “Lấy số mới nhất”, bản phát hành là “Cộng các tháng”; ' +
          'áp dụng theo bản phát hành.',
      ],
    ]);
    expect(r.issues.filter((i) => i.rule !== 'CAU-HINH-KHAC')).toEqual([]);
  });

  test("in the secretariat's master: what applies, and a copy issued from it matches it", async () => {
    const { grid } = await builtInUnit();
    setCell(grid, indicatorCell(grid, 'XHS.DDDT', 'numeratorAggregation'), SUM);
    setCell(grid, figureCell(grid, 'T3a/dossiers'), LAST);
    setCell(grid, figureCell(grid, 'T4/inProcess'), SUM);
    const master = readMaster(grid);
    const dddt = master.catalogue.find((i) => i.code === 'XHS.DDDT')!;
    expect([dddt.numerator.aggregation, dddt.numerator.reason]).toEqual(['sum', AGGREGATION_REASON.sum]);
    expect(dddt.denominator.aggregation).toBe('last');
    expect(master.aggregations).toEqual({ 'T3a/dossiers': 'last', 'T4/inProcess': 'sum' });
    // A copy of the master compared with it has no difference; the built-in template's copy has three.
    const issued = configEntries(master.catalogue, master.rules, 2023, master.aggregations);
    expect(compareConfig(readConfig(grid), issued)).toEqual([]);
    const builtIn = readConfig((await builtInUnit()).grid);
    expect(compareConfig(builtIn, issued).map((d) => [d.key, d.written, d.issued])).toEqual([
      ['XHS.DDDT', LAST, SUM],
      ['T3a/dossiers', SUM, LAST],
      ['T4/inProcess', LAST, SUM],
    ]);
    // Issued as it stands ("Tạo phiếu" over the master), its stamp certifies the edited types.
    const stamp = restamp(grid, 2023)!;
    expect(stamp.value).toContain(configPrint(issued));
    expect(configPrint(issued)).not.toBe(configPrint(configEntries(defaultCatalogue(), master.rules, 2023)));
  });

  test('a unit template built from a master writes its types, and reads back as the master', () => {
    const { catalogue, rules } = builtInConfig();
    const aggregations: Record<string, Aggregation> = { 'T3c/procedures': 'sum' };
    const unit = defaultMatcher().match('Phường Lộc Thọ').unit!;
    const specs = buildUnitTemplate({
      unit,
      period: parsePeriod('2023-06')!,
      periodLabel: 'tháng 6/2023',
      catalogue,
      rules,
    });
    // buildUnitTemplate writes the built-in types; configSheet takes a master's.
    const built = specs.find((s) => s.name === SHEET)!;
    const cfg = SheetSpec.parse(configSheet(catalogue, rules, 2023, aggregations));
    const values = (s: SheetSpec) => s.rows.map((r) => r.map((c) => c?.v ?? null));
    expect(readConfig(values(built)).aggregations).toEqual({});
    expect(readConfig(values(cfg)).aggregations).toEqual(aggregations);
    expect(values(built).length).toBe(values(cfg).length);
  });
});
