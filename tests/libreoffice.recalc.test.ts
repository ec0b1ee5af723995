import { formatDay } from '../shared/dates/date';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parsePeriod } from '../shared/dates/period';
import { rate } from '../shared/formulas/rate';
import { FormulaOutput, isFormulaError, Scalar } from '../shared/formulas/result';
import { targetMet } from '../shared/formulas/target-met';
import { periodLabel } from '../shared/operations/create-template';
import { readUnitWorkbook } from '../shared/reading/unit-workbook';
import { defaultMatcher } from '../shared/registry/default';
import { parseTarget } from '../shared/targets/target';
import { FAMILIES, tableSpec } from '../shared/templates/families';
import { CellValue, columnLetter } from '../shared/workbook/sheet-spec';
import { XlsxWorkbook } from '../xlsx/workbook';
import { findSoffice, recalculateXlsx } from './helpers/libreoffice';
import { NOTES_SHEET } from '../shared/templates/notes';
import { Edit, unitWorkbook } from './helpers/unit-fixture';

/*
 * Issue 10 item 9: a real spreadsheet engine computes the template's native formulas.
 * The product's own template (createTemplate over XlsxWorkbook) is filled with seed figures,
 * LibreOffice headless recalculates it (a profile set to "recalculate on load: always") and
 * saves a copy, and every formula cell of that copy — read back with ExcelJS, cached results —
 * must equal what the core computes from the same inputs: DX_RATE for every rate, DX_TARGET_MET
 * for every Đánh giá, the cover fields for each sheet's subtitle. One soffice process converts
 * all the workbooks.
 */

const UNIT = 'UBND thành phố Nha Trang';

interface Case {
  name: string;
  period: string;
  reportDate: Date;
  edits: Edit[];
}

const t1 = (code: string, numerator: number, denominator: number): Edit[] => [
  { table: 'T1', row: code, field: 'numerator', value: numerator },
  { table: 'T1', row: code, field: 'denominator', value: denominator },
];
const row1 = (table: string, values: Record<string, number>): Edit[] =>
  Object.entries(values).map(([field, value]) => ({ table, row: '#1', field, value }));

const CASES: Case[] = [
  {
    // A mid-year report: "30% đến cuối năm là 50%" is judged against its 30% stage.
    name: 'june',
    period: '2023-06',
    reportDate: new Date(Date.UTC(2023, 6, 10)),
    edits: [
      ...t1('CQS.01', 125, 304), // seed 003 §4b: 125 full online services of 304 procedures = 41,12% < 100%
      ...t1('CQS.03', 118103, 142378), // seed 003 §6.2: 118.103/142.378 = 82,95% ≥ 50%
      ...t1('CQS.07', 23987, 24020), // seed 003 §4a one-stop: 24.020 = 23.987 + 33; 99,86% < 100%
      ...t1('CQS.09', 18, 52), // seed 003 I.09: 34,6% ≥ 30%
      ...t1('CQS.10', 0, 0), // nothing to divide by: rate and assessment stay blank
      ...t1('CQS.KYSO', 19, 20), // exactly 95% is not "trên 95%"
      ...t1('CQS.HSTT', 9513, 17337), // seed demo: 54,87% ≥ 45%
      ...t1('CQS.TTTT', 5909, 10123), // seed 002, no target: a rate and no Đánh giá formula
      ...t1('KTS.01', 17, 200), // exactly 8,5% is not "Trên 8,5%"
      ...t1('KTS.05', 5101, 10000), // exactly 51.01% meets "51.01%"
      ...t1('KTS.THUEDT', 4837, 4886), // seed 002: 98,997%
      ...t1('XHS.03', 100985, 237649), // seed 002: 42,49% ≥ 30% (first stage)
      ...t1('XHS.04', 1, 5), // exactly 20% meets "20%"
      ...t1('XHS.06', 0, 1200), // 0% is a rate, not a blank: Chưa đạt
      ...t1('XHS.DDDT', 103223, 311736), // seed 000 §8: 33,11% ≥ 30% (first stage)
      ...t1('XHS.TBDD', 486272, 427963), // may exceed 100%: 113,62%
      // Seed 003 §1, Thanh tra Thành phố: 655 sent on the software, 230 off it → 74,01%.
      ...row1('T2', { sentOn: 655, receivedOn: 5211, sentOff: 230, receivedOff: 78 }),
      // Seed 003 §5a, UBND cấp huyện: (1) 55, (2) 55 → (3) 100%; (4) 55, (5) 55 → (6) 100%.
      ...row1('T3d', { feeProcedures: 55, syncedProcedures: 55, chargedProcedures: 55, paidProcedures: 55 }),
      // Seed 003 §5b, UBND TPVT: (1) 23.802, (2) 23.391 → (3) 98,27%; (4) 4.887; (5) is blank in the
      // seed, 4.102 here so (6) is a figure.
      ...row1('T3e', { transactions: 23802, successful: 23391, feeDossiers: 4887, paidDossiers: 4102 }),
    ],
  },
  {
    // The annual report (December): the 50% stage of "30% đến cuối năm là 50%" applies.
    name: 'december',
    period: '2023-12',
    reportDate: new Date(Date.UTC(2023, 11, 20)),
    edits: [
      ...t1('CQS.03', 118103, 142378), // 82,95% ≥ 50%
      ...t1('CQS.10', 0, 120), // 0% < 50%
      ...t1('KTS.02', 4837, 4886), // 98,997% > 90%
      ...t1('XHS.03', 100985, 237649), // 42,49% < 50% (year-end stage)
      ...t1('XHS.DDDT', 103223, 311736), // 33,11% < 50% (year-end stage)
      // Seed 003 §1, Phòng Kinh tế: 628 on, 7 off → 98,90%.
      ...row1('T2', { sentOn: 628, receivedOn: 6670, sentOff: 7, receivedOff: 126 }),
      // Not seed figures: four different counts, so a formula dividing the wrong columns shows.
      ...row1('T3d', { feeProcedures: 55, syncedProcedures: 52, chargedProcedures: 48, paidProcedures: 31 }),
      // Seed 003 §5b, UBND phường, xã: (1) 67.375, (2) 66.886 → 99,27%; (4) 378, (5) 0 → 0%.
      ...row1('T3e', { transactions: 67375, successful: 66886, feeDossiers: 378, paidDossiers: 0 }),
    ],
  },
  {
    // The annual report as it is usually filed, in January: still the year-end stage (the period's end
    // decides, not the report date), and a blank numerator is a blank rate, not 0%.
    name: 'annual filed in January',
    period: '2023-12',
    reportDate: new Date(Date.UTC(2024, 0, 10)),
    edits: [
      ...t1('XHS.DDDT', 103223, 311736), // 33,11% < 50% (year-end stage), although filed in January
      ...t1('CQS.03', 118103, 142378), // 82,95% ≥ 50%
      ...t1('KTS.02', 4837, 4886), // 98,997% > 90%
      ...t1('XHS.03', 100985, 237649), // 42,49% < 50% (year-end stage)
      { table: 'T1', row: 'CQS.10', field: 'denominator', value: 120 }, // numerator left blank
      // Seed 003 §5b leaves (5) blank with (4) = 4.887: (6) stays blank.
      ...row1('T3e', { transactions: 23802, successful: 23391, feeDossiers: 4887 }),
    ],
  },
];

/** The day a two-stage target is judged at: the last day of the period reported. */
const asOf = (c: Case): string => formatDay(parsePeriod(c.period)!.end!);

type Row = Record<string, CellValue>;

/** Σ as SUM() adds: blanks count as 0. */
const sum = (...xs: CellValue[]): number => xs.reduce<number>((s, x) => s + (typeof x === 'number' ? x : 0), 0);

/**
 * What the core says each computed column holds, from the same row's inputs. Keyed
 * "table.column"; the test below fails when families.ts gains a formula column not listed here.
 */
const COMPUTED: Record<string, (r: Row, reportDate: Scalar) => FormulaOutput> = {
  'T1.rate': (r) => rate(r.numerator, r.denominator),
  'T1.assessment': (r, reportDate) => {
    const value = rate(r.numerator, r.denominator);
    return isFormulaError(value) ? value : targetMet(value, r.target, reportDate);
  },
  'T2.sentRate': (r) => rate(r.sentOn, sum(r.sentOn, r.sentOff)),
  'T3d.syncedRate': (r) => rate(r.syncedProcedures, r.feeProcedures), // (3) = (2)/(1)
  'T3d.paidRate': (r) => rate(r.paidProcedures, r.chargedProcedures), // (6) = (5)/(4)
  'T3e.successRate': (r) => rate(r.successful, r.transactions), // (3) = (2)/(1)
  'T3e.paidDossierRate': (r) => rate(r.paidDossiers, r.feeDossiers), // (6) = (5)/(4)
};

/** Where DX_RATE refuses (a zero or blank denominator) the template's cell shows nothing. */
const shown = (x: FormulaOutput): number | string => (isFormulaError(x) ? '' : (x as number | string));

interface Expected {
  sheet: string;
  cell: string;
  /** What the cell is, for the failure message: "T1 XHS.DDDT rate". */
  what: string;
  value: number | string;
}

/** Every computed cell of a filled unit workbook and the value the core gives it. */
async function expectations(file: string, c: Case): Promise<Expected[]> {
  const read = readUnitWorkbook(await (await XlsxWorkbook.open(file)).read());
  const unit = defaultMatcher().match(UNIT).unit!.name;
  const label = periodLabel(parsePeriod(c.period)!, c.period);
  // The notes sheet (issue 14) has the families' subtitle formula too.
  const out: Expected[] = [...FAMILIES.map((f) => f.sheet), NOTES_SHEET].map((sheet) => ({
    sheet,
    cell: 'A2',
    what: `${sheet} subtitle`,
    value: `Đơn vị: ${unit}   —   Kỳ báo cáo: ${label}`,
  }));
  for (const t of read.tables) {
    const keys = tableSpec(t.table)
      .columns.filter((col) => col.formula || (t.table === 'T1' && col.key === 'assessment'))
      .map((col) => col.key);
    for (const r of t.rows.filter((x) => x.kind === 'item')) {
      for (const key of keys) {
        // Đánh giá is a formula only where the target is one threshold; elsewhere the unit writes it.
        if (t.table === 'T1' && key === 'assessment' && parseTarget(r.cells.target)?.parts.length !== 1) continue;
        const compute = COMPUTED[`${t.table}.${key}`];
        if (!compute) throw new Error(`no expectation for the computed column ${t.table}.${key}`);
        out.push({
          sheet: t.sheet,
          cell: `${columnLetter(t.columns[key])}${r.row + 1}`,
          what: `${t.table} ${r.cells.code ?? r.cells.unit} ${key}`,
          value: shown(compute(r.cells, asOf(c))),
        });
      }
    }
  }
  return out;
}

/** The formula cells of a workbook, as "Sheet!A1" (a merged range counts once, at its master). */
function formulaCells(book: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of book.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula && !(cell.isMerged && cell.master !== cell))
          out.push(`${ws.name}!${cell.address}`);
      }),
    );
  return out;
}

/** A cached result as the cell shows it: ExcelJS hands an empty-string result over as undefined. */
function cached(cell: ExcelJS.Cell): unknown {
  const r = cell.result as unknown;
  return r === undefined || r === null ? '' : r;
}

const soffice = findSoffice();
const title = 'LibreOffice recalculates the template: every native formula agrees with the core';
const skipped = `${title} — skipped: soffice (LibreOffice) is not on PATH; .ci/run installs libreoffice-calc-nogui`;
if (!soffice) console.warn(skipped);

(soffice ? describe : describe.skip)(soffice ? title : skipped, () => {
  let dir = '';
  const filled: Record<string, string> = {};
  const recalculated: Record<string, ExcelJS.Workbook> = {};
  const expected: Record<string, Expected[]> = {};

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-recalc-'));
    for (const c of CASES) {
      const { file } = await unitWorkbook([{ cover: 'reportDate', value: c.reportDate }, ...c.edits], UNIT, c.period);
      filled[c.name] = path.join(dir, `${c.name}.xlsx`);
      fs.copyFileSync(file, filled[c.name]);
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
      expected[c.name] = await expectations(filled[c.name], c);
    }
    const outs = await recalculateXlsx(
      soffice!,
      CASES.map((c) => filled[c.name]),
      path.join(dir, 'recalculated'),
    );
    for (const [i, c] of CASES.entries()) {
      recalculated[c.name] = new ExcelJS.Workbook();
      await recalculated[c.name].xlsx.readFile(outs[i]);
    }
  }, 120000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('every formula column of the families has an expectation from the core', () => {
    const columns = FAMILIES.flatMap((f) =>
      f.tables
        .filter((t) => t.generate)
        .flatMap((t) => t.columns.filter((c) => c.formula).map((c) => `${t.id}.${c.key}`)),
    );
    expect(Object.keys(COMPUTED).sort()).toEqual([...columns, 'T1.assessment'].sort());
  });

  describe.each(CASES.map((c) => [c.name, c] as const))('%s', (name) => {
    test('the expectations cover every formula cell the template wrote, and only those', async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(filled[name]);
      const written = formulaCells(book);
      expect(written.length).toBeGreaterThan(100);
      expect(expected[name].map((e) => `${e.sheet}!${e.cell}`).sort()).toEqual(written.sort());
      // LibreOffice keeps them all as formulas.
      expect(formulaCells(recalculated[name]).sort()).toEqual(written.sort());
    });

    test('each cached result equals the core: rates to 1e-9, texts exactly', () => {
      const wrong: string[] = [];
      for (const e of expected[name]) {
        const got = cached(recalculated[name].getWorksheet(e.sheet)!.getCell(e.cell));
        const ok =
          typeof e.value === 'number'
            ? typeof got === 'number' && Math.abs(got - e.value) <= 1e-9
            : typeof got === 'string' && got === e.value;
        if (!ok)
          wrong.push(
            `${e.sheet}!${e.cell} (${e.what}): LibreOffice ${JSON.stringify(got)}, core ${JSON.stringify(e.value)}`,
          );
      }
      expect(wrong).toEqual([]);
    });

    test('the figures reach both verdicts and real rates (the comparison is not vacuous)', () => {
      const values = expected[name].map((e) => e.value);
      expect(values).toEqual(expect.arrayContaining(['Đạt', 'Chưa đạt', '']));
      expect(values.filter((v) => typeof v === 'number' && v > 0 && v < 1).length).toBeGreaterThanOrEqual(4);
    });
  });

  test('the seed figures come out as the seeds print them', () => {
    const ws = (name: string, sheet: string) => recalculated[name].getWorksheet(sheet)!;
    const at = (name: string, table: string, key: string, code?: string) => {
      const e = expected[name].find((x) => x.what === `${table} ${code ?? UNIT} ${key}`);
      if (!e) throw new Error(`no ${table} ${code} ${key}`);
      return cached(ws(name, e.sheet).getCell(e.cell));
    };
    const pct = (x: unknown) => Math.round((x as number) * 10000) / 100;
    expect(pct(at('june', 'T1', 'rate', 'XHS.DDDT'))).toBe(33.11);
    expect(pct(at('june', 'T1', 'rate', 'CQS.HSTT'))).toBe(54.87);
    expect(pct(at('june', 'T1', 'rate', 'CQS.03'))).toBe(82.95);
    expect(at('june', 'T1', 'assessment', 'XHS.DDDT')).toBe('Đạt');
    expect(at('december', 'T1', 'assessment', 'XHS.DDDT')).toBe('Chưa đạt');
    expect(at('june', 'T1', 'assessment', 'CQS.07')).toBe('Chưa đạt');
    expect(pct(at('june', 'T3e', 'successRate'))).toBe(98.27);
    expect(pct(at('december', 'T3e', 'successRate'))).toBe(99.27);
    expect(at('december', 'T3e', 'paidDossierRate')).toBe(0);
    expect(pct(at('june', 'T2', 'sentRate'))).toBe(74.01);
  });
});
