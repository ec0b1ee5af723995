/**
 * Issue 16, item 5: the unit's template protects its computed cells (no password; the yellow cells open), hides
 * DX_CauHinh, writes its cover in Vietnamese with the registry's contact; `template --all` makes one workbook per
 * unit of a registry. Each host: the .xlsx file, the Excel stand-in, the Sheets stand-in.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OfficeWorkbook } from '../addin/office-workbook';
import { SheetsWorkbook } from '../appsscript/server/sheets-workbook';
import { safeFileStem, templatesForAll, unitFileNames } from '../cli/template';
import { check, complete } from '../shared/operations/check';
import { createTemplate } from '../shared/operations/create-template';
import { UnitMatcher } from '../shared/registry/match';
import { buildUnitTemplate } from '../shared/templates/build';
import { defaultCatalogue } from '../shared/catalogue/catalogue';
import { parsePeriod } from '../shared/dates/period';
import { isUnlocked } from '../shared/workbook/sheet-spec';
import { XlsxWorkbook } from '../xlsx/workbook';
import { ExcelApiError, FakeExcel } from './helpers/fake-excel';
import { FakeSpreadsheet } from './helpers/fake-sheets';
import { TRIAL_REGISTRY } from './helpers/trial-registry';

const REGISTRY = TRIAL_REGISTRY;
const matcher = new UnitMatcher([REGISTRY]);

async function xlsxTemplate(unit = 'Phường Lộc Thọ'): Promise<ExcelJS.Workbook> {
  const book = new XlsxWorkbook();
  await createTemplate(book, { unit, period: '2026-11', matcher });
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await book.toBuffer()) as never);
  return back;
}

describe('the template in an .xlsx file', () => {
  test('protected without a password: formula cells locked, input cells unlocked, DX_CauHinh hidden', async () => {
    const wb = await xlsxTemplate();
    const cover = wb.getWorksheet('Thông tin chung')!;
    const t3 = wb.getWorksheet('T3 TTHC')!;
    for (const ws of [cover, t3, wb.getWorksheet('Kết quả, khó khăn')!]) {
      const p = (ws as unknown as { sheetProtection?: Record<string, unknown> }).sheetProtection;
      // Selecting locked cells is allowed: the file says so by leaving selectLockedCells="1" out.
      expect(p).toMatchObject({ sheet: true, formatCells: true, insertRows: true });
      expect(p?.selectLockedCells).not.toBe(false);
      expect(p?.hashValue).toBeUndefined();
    }
    let formulas = 0;
    let inputs = 0;
    t3.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) {
          formulas++;
          expect(cell.protection?.locked).not.toBe(false);
        }
        const fill = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
        if (fill === 'FFFFF8DC') {
          inputs++;
          expect(cell.protection?.locked).toBe(false);
        }
      }),
    );
    expect(formulas).toBeGreaterThan(0);
    expect(inputs).toBeGreaterThan(0);
    // The cover: the unit's name and e-mail are typed over; the version stamp is locked.
    expect(cover.getCell('B4').protection?.locked).toBe(false);
    expect(cover.getCell('B11').protection?.locked).not.toBe(false);
    const config = wb.getWorksheet('DX_CauHinh')!;
    expect(config.state).toBe('hidden');
    expect((config as unknown as { sheetProtection?: unknown }).sheetProtection).toBeUndefined();
  });

  test('the cover is Vietnamese and carries the contact the registry gives', async () => {
    const wb = await xlsxTemplate();
    const cover = wb.getWorksheet('Thông tin chung')!;
    const text: string[] = [];
    cover.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    expect(text.join('\n')).not.toMatch(/Digital transformation|Yellow cells|Grey cells/);
    expect(cover.getCell('A10').value).toBe('Thư điện tử');
    expect(cover.getCell('B10').value).toBe('locthodx@khanhhoa.gov.vn');
    expect(cover.getCell('B9').value).toBeNull();
    const phone = (await xlsxTemplate('Phường Vĩnh Hải')).getWorksheet('Thông tin chung')!;
    expect(phone.getCell('B9').value).toBe('0258 3812 345');
    expect(phone.getCell('B10').value).toBeNull();
  });

  test('the readers find DX_CauHinh hidden: a template made from the file keeps the workbook catalogue', async () => {
    const book = new XlsxWorkbook();
    await createTemplate(book, { unit: 'Phường Lộc Thọ', period: '2026-11', matcher });
    const reread = await XlsxWorkbook.fromBuffer(await book.toBuffer());
    const [config] = await reread.read(['DX_CauHinh']);
    expect(config.hidden).toBe(true);
    expect(config.values.length).toBeGreaterThan(60);
    const r = await check(reread);
    expect(r.issues.some((i) => /CAU-HINH/.test(i.rule))).toBe(false);
  });

  test('every input style is unlocked, every other one locked', () => {
    const specs = buildUnitTemplate({
      unit: REGISTRY.units[0],
      period: parsePeriod('2026-11')!,
      periodLabel: 'tháng 11/2026',
      catalogue: defaultCatalogue(),
    });
    for (const spec of specs)
      for (const row of spec.rows)
        for (const cell of row) {
          if (!cell?.s) continue;
          expect([cell.s, isUnlocked(cell.s)]).toEqual([cell.s, cell.s.startsWith('input')]);
          if (cell.f && !cell.s.startsWith('input')) expect(isUnlocked(cell.s)).toBe(false);
        }
    expect(specs.filter((s) => s.protect).map((s) => s.name)).not.toContain('DX_CauHinh');
  });
});

describe('the template in Excel (Office.js stand-in)', () => {
  async function excelTemplate() {
    const excel = new FakeExcel();
    excel.fill('Sheet1', []);
    const book = new OfficeWorkbook(excel.run);
    await createTemplate(book, { unit: 'Phường Lộc Thọ', period: '2026-11', preparer: 'A', matcher });
    return { excel, book };
  }

  test('sheets protected; a typed formula cell is refused, an input cell is not', async () => {
    const { excel } = await excelTemplate();
    const t3 = excel.sheet('T3 TTHC')!;
    expect(t3.protection).toMatchObject({
      protected: true,
      options: { allowFormatCells: true, allowInsertRows: true },
    });
    expect(t3.protection.password).toBeUndefined();
    expect(excel.sheet('DX_CauHinh')!.protection.protected).toBe(false);
    expect(excel.sheet('DX_CauHinh')!.visibility).toBe('Hidden');
    const formula = [...t3.cells.entries()].find(([, c]) => c.formula)![0];
    const input = [...t3.fills.keys()].find((k) => !t3.isLocked(k) && !k.includes(':'));
    expect(t3.isLocked(formula)).toBe(true);
    const write = (cell: string) =>
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('T3 TTHC').getRange(cell).values = [[5]];
        await context.sync();
      });
    await expect(write(formula)).rejects.toBeInstanceOf(ExcelApiError);
    const open = input ?? 'C6';
    expect(t3.isLocked(open)).toBe(false);
    await write(open);
    expect(excel.value('T3 TTHC', open)).toBe(5);
  });

  test('Kiểm tra paints and Hoàn thành stamps through the protection, which stays on afterwards', async () => {
    const { excel, book } = await excelTemplate();
    excel.sheet('T4 Phản ánh')!.cells.set('C6', { value: 16 });
    excel.sheet('Thông tin chung')!.cells.set('B7', { value: '10/12/2026' });
    await check(book);
    // A highlight on a locked (formula) cell, as Kiểm tra paints one where a total disagrees.
    const t3 = excel.sheet('T3 TTHC')!;
    const formula = [...t3.cells.entries()].find(([, c]) => c.formula)![0];
    await book.paint([{ sheet: 'T3 TTHC', cell: formula, fill: '#F4CCCC' }]);
    expect(t3.fills.get(formula)).toBe('#F4CCCC');
    const ok = await complete(book, new Date(2026, 11, 10, 9, 30));
    expect(ok.ok).toBe(true);
    expect(excel.text('Thông tin chung', 'B12')).toBe('10/12/2026 09:30');
    for (const name of ['Thông tin chung', 'T3 TTHC', 'T4 Phản ánh'])
      expect(excel.sheet(name)!.protection.protected).toBe(true);
  });
});

describe('the template in Google Sheets (SpreadsheetApp stand-in)', () => {
  test('each template sheet has a warning-only protection, its input cells left open', () => {
    const ss = new FakeSpreadsheet();
    ss.fill('Trang tính1', []);
    (globalThis as unknown as { SpreadsheetApp: unknown }).SpreadsheetApp = {
      BorderStyle: { SOLID: 'SOLID' },
      newDataValidation: () => {
        const b = {
          setAllowInvalid: () => b,
          requireValueInList: () => b,
          requireValueInRange: () => b,
          build: () => ({}),
        };
        return b;
      },
    };
    const book = new SheetsWorkbook(ss as never);
    return createTemplate(book, { unit: 'Phường Lộc Thọ', period: '2026-11', matcher }).then(() => {
      const t3 = ss.getSheetByName('T3 TTHC')!;
      expect(t3.protections).toHaveLength(1);
      expect(t3.protections[0].warningOnly).toBe(true);
      expect(t3.protections[0].unprotected.length).toBeGreaterThan(0);
      expect(ss.getSheetByName('DX_CauHinh')!.protections).toHaveLength(0);
      expect(ss.getSheetByName('DX_CauHinh')!.isSheetHidden()).toBe(true);
    });
  });
});

describe('template --all', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'dx-all-'));

  test('file names are safe on Windows, Vietnamese letters kept, NFC', () => {
    expect(safeFileStem('Xã A/B: "mới"?')).toBe('Xã A-B- -mới--');
    // Typed decomposed (a Mac's NFD): one form on disk, and no trailing dot or space (Windows drops them).
    const stem = safeFileStem('Phu\u031bo\u031b\u0300ng 1. ');
    expect(stem).toBe('Phường 1');
    expect(stem).toBe(stem.normalize('NFC'));
    expect(safeFileStem('CON')).toBe('CON_');
    expect(safeFileStem('///')).toBe('---');
    expect(Buffer.byteLength(safeFileStem('Ờ'.repeat(300)))).toBeLessThanOrEqual(180);
    expect(
      unitFileNames(
        [
          { name: 'Phường 1', code: '1' },
          { name: 'phường 1', code: '2' },
        ],
        'tháng 11/2026',
      ),
    ).toEqual(['Phường 1 (1) - tháng 11-2026.xlsx', 'phường 1 (2) - tháng 11-2026.xlsx']);
  });

  test('one workbook per unit existing in the period; a second run refuses, --force makes them again', async () => {
    const dir = tmp();
    const registry = path.join(dir, 'units.json');
    fs.writeFileSync(registry, JSON.stringify(REGISTRY));
    const outDir = path.join(dir, 'phieu');
    let printed = '';
    const out = (s: string) => {
      printed += s;
    };
    expect(await templatesForAll({ registry, period: '2026-11', outDir }, out)).toBe(0);
    const files = fs.readdirSync(outDir).sort();
    expect(files).toEqual([
      'Phường Lộc Thọ - tháng 11-2026.xlsx',
      'Phường Vĩnh Hải - tháng 11-2026.xlsx',
      'Xã A-B- -mới- - tháng 11-2026.xlsx',
    ]);
    expect(printed).toContain('Đã tạo 3 phiếu báo cáo tháng 11/2026');
    expect(printed).toContain('Phường Cũ');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(outDir, files[1]));
    expect(wb.getWorksheet('Thông tin chung')!.getCell('B4').value).toBe('Phường Vĩnh Hải');
    expect(wb.getWorksheet('Thông tin chung')!.getCell('B9').value).toBe('0258 3812 345');

    const before = fs.statSync(path.join(outDir, files[0])).mtimeMs;
    printed = '';
    expect(await templatesForAll({ registry, period: '2026-11', outDir }, out)).toBe(1);
    expect(printed).toContain('đã có 3 phiếu');
    expect(fs.statSync(path.join(outDir, files[0])).mtimeMs).toBe(before);
    printed = '';
    expect(await templatesForAll({ registry, period: '2026-11', outDir, force: true, json: true }, out)).toBe(0);
    expect(JSON.parse(printed)).toMatchObject({ period: 'tháng 11/2026', notInPeriod: ['Phường Cũ'] });
    expect(JSON.parse(printed).files).toHaveLength(3);
  }, 120000);

  test('a registry is required, and read as consolidate reads it', async () => {
    const dir = tmp();
    await expect(templatesForAll({ period: '2026-11', outDir: path.join(dir, 'x') }, () => {})).rejects.toThrow(
      /--registry/,
    );
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{"code": "X", "name": "X", "units": [{"name": "A"}]}');
    await expect(
      templatesForAll({ registry: bad, period: '2026-11', outDir: path.join(dir, 'x') }, () => {}),
    ).rejects.toThrow(/chưa tạo phiếu nào/);
    expect(fs.existsSync(path.join(dir, 'x'))).toBe(false);
  });
});
