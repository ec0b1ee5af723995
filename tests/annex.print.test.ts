/**
 * Issue #13, item 6: the annexes as the seeds print them. Every title ends in the range in words ("… THÁNG
 * 4/2023", "… 6 THÁNG ĐẦU NĂM 2023", "… NĂM 2024": seeds 001, 000, 004), the covering line names the report
 * ("(Kèm theo Báo cáo số 1372/BC-BCĐCĐS ngày 11/5/2023 của Ban Chỉ đạo chuyển đổi số tỉnh Khánh Hòa)", seed 001),
 * headers carry indicator names, not the product's codes, and every annex prints in Times New Roman with its
 * page numbers, in the file, in Excel and through LibreOffice; no row is a tall empty bordered box.
 */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { OfficeWorkbook } from '../addin/office-workbook';
import { SheetsWorkbook } from '../appsscript/server/sheets-workbook';
import { defaultCatalogue } from '../shared/catalogue/catalogue';
import { coveringLine } from '../shared/consolidate/annex';
import { consolidate, Consolidation, ConsolidateOptions } from '../shared/consolidate/consolidate';
import { createTemplate } from '../shared/operations/create-template';
import { SheetSnapshot } from '../shared/workbook/port';
import { fitRowHeights, SheetSpec } from '../shared/workbook/sheet-spec';
import { STYLES } from '../shared/workbook/styles';
import { XlsxWorkbook } from '../xlsx/workbook';
import { Browser } from 'playwright-core';
import { launchChromium } from './helpers/browser';
import { runMain } from './helpers/cli';
import { bridgeGoogleScriptRun } from './helpers/gas-bridge';
import { DIST, loadAppsScript } from './helpers/hosts';
import { FakeExcel } from './helpers/fake-excel';
import { FakeSpreadsheet, fakeSpreadsheetApp } from './helpers/fake-sheets';
import { CONSISTENT, unitWorkbook } from './helpers/unit-fixture';
import { tmpFile } from './helpers/xlsx';

const ANNEXES = ['Phụ lục I', 'Phụ lục II', 'Phụ lục III', 'Phụ lục IV', 'Phụ lục V', 'Phụ lục VI', 'Phụ lục VII'];
const SEED_001_LINE =
  '(Kèm theo Báo cáo số 1372/BC-BCĐCĐS ngày 11/5/2023 của Ban Chỉ đạo chuyển đổi số tỉnh Khánh Hòa)';
const REPORT = {
  reportNo: '1372/BC-BCĐCĐS',
  reportDate: '2023-05-11',
  issuer: 'Ban Chỉ đạo chuyển đổi số tỉnh Khánh Hòa',
};

let unitFile: string;
let unit: { source: { file: string }; sheets: SheetSnapshot[] };
beforeAll(async () => {
  // A June 2023 report of UBND thành phố Nha Trang, made with the product's template and filled (seed figures).
  unitFile = (await unitWorkbook(CONSISTENT)).file;
  unit = { source: { file: 'unit.xlsx' }, sheets: await (await XlsxWorkbook.open(unitFile)).read() };
}, 60000);

const run = (opts: ConsolidateOptions): Consolidation => consolidate([unit], { now: new Date(2023, 6, 15), ...opts });
const byName = (c: Consolidation, name: string) => c.sheets.find((s) => s.name === name)!;
const title = (s: SheetSpec) => s.rows[1][0]?.v;

describe('titles end in the range in words, as the seeds print them', () => {
  test.each([
    ['2023-04', 'THÁNG 4/2023'],
    ['2023-06', 'THÁNG 6/2023'],
    ['2023-Q2', 'QUÝ II/2023'],
    ['2023-H1', '6 THÁNG ĐẦU NĂM 2023'],
    ['2023-9M', '9 THÁNG NĂM 2023'],
    ['2024', 'NĂM 2024'],
  ])('%s: "… %s" in every annex and in Nguồn số liệu', (period, words) => {
    const c = run({ period });
    for (const name of [...ANNEXES.filter((n) => n !== 'Phụ lục IV' && n !== 'Phụ lục V'), 'Nguồn số liệu']) {
      const t = String(byName(c, name).rows[name === 'Nguồn số liệu' ? 0 : 1][0]?.v);
      expect({ name, t, ends: t.endsWith(` ${words}`), dash: t.includes('—') }).toMatchObject({
        name,
        ends: true,
        dash: false,
      });
    }
  });

  test('seed 001: Phụ lục II "… BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ THÁNG 4/2023"', () => {
    expect(title(byName(run({ period: '2023-04' }), 'Phụ lục II'))).toBe(
      'DANH SÁCH CÁC CƠ QUAN, ĐƠN VỊ, ĐỊA PHƯƠNG THỰC HIỆN BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ THÁNG 4/2023',
    );
    expect(title(byName(run({ period: '2023-04' }), 'Phụ lục I'))).toBe(
      'KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ CỦA CÁC CƠ QUAN, ĐƠN VỊ THÁNG 4/2023',
    );
  });

  test('seeds 000 and 004: project lists are the year\'s, "… SỬ DỤNG VỐN ĐẦU TƯ NĂM 2023" for a 6-month report', () => {
    const h1 = run({ period: '2023-H1' });
    expect(title(byName(h1, 'Phụ lục IV'))).toBe(
      'DANH MỤC CÁC DỰ ÁN/NHIỆM VỤ CNTT, CHUYỂN ĐỔI SỐ SỬ DỤNG VỐN ĐẦU TƯ NĂM 2023',
    );
    expect(title(byName(h1, 'Phụ lục V'))).toBe(
      'DANH MỤC CÁC DỰ ÁN/NHIỆM VỤ CNTT, CHUYỂN ĐỔI SỐ SỬ DỤNG VỐN SỰ NGHIỆP NĂM 2023',
    );
    expect(title(byName(run({ period: '2024' }), 'Phụ lục V'))).toBe(
      'DANH MỤC CÁC DỰ ÁN/NHIỆM VỤ CNTT, CHUYỂN ĐỔI SỐ SỬ DỤNG VỐN SỰ NGHIỆP NĂM 2024',
    );
    expect(title(byName(h1, 'Phụ lục VI'))).toBe('KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ 6 THÁNG ĐẦU NĂM 2023');
  });
});

describe('the covering line names the report', () => {
  test('number, date (ISO or 11/5/2023, written 11/5/2023) and issuer fill it in every annex', () => {
    for (const reportDate of ['2023-05-11', '11/5/2023', '11/05/2023']) {
      const c = run({ period: '2023-04', ...REPORT, reportDate });
      for (const name of ANNEXES)
        expect({ name, line: byName(c, name).rows[2][0]?.v }).toEqual({ name, line: SEED_001_LINE });
    }
  });

  test("without them, the form's own blanks to fill by hand; attachedTo is still the whole line", () => {
    const blank = '(Kèm theo Báo cáo số        /BC-        ngày      /      /        )';
    expect(byName(run({ period: '2023-06' }), 'Phụ lục I').rows[2][0]?.v).toBe(blank);
    expect(coveringLine({})).toBe(blank);
    expect(coveringLine({ reportNo: '1372/BC-BCĐCĐS' })).toBe(
      '(Kèm theo Báo cáo số 1372/BC-BCĐCĐS ngày      /      /        )',
    );
    const own = 'Ban hành kèm theo Báo cáo số 1372 /BC-BCĐCĐS ngày 11/5/2023';
    expect(byName(run({ period: '2023-06', attachedTo: own, ...REPORT }), 'Phụ lục III').rows[2][0]?.v).toBe(
      `(${own})`,
    );
  });

  test('--report-no, --report-date, --issuer of `consolidate` reach every annex of the file', async () => {
    const out = tmpFile('phu-luc.xlsx');
    const r = await runMain([
      'consolidate',
      unitFile,
      '--out',
      out,
      '--report-no',
      REPORT.reportNo,
      '--report-date',
      '11/5/2023',
      '--issuer',
      REPORT.issuer,
    ]);
    expect(r).toMatchObject({ code: 0 });
    const sheets = await (await XlsxWorkbook.open(out)).read(ANNEXES);
    expect(sheets.map((s) => s.name).sort()).toEqual([...ANNEXES].sort());
    for (const s of sheets)
      expect({ name: s.name, line: s.values[2][0] }).toEqual({ name: s.name, line: SEED_001_LINE });
  });

  test('a date that is no day is refused before anything is read', async () => {
    const out = tmpFile('phu-luc.xlsx');
    const r = await runMain(['consolidate', unitFile, '--out', out, '--report-date', '31/2/2023']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('--report-date 31/2/2023: không đọc được ngày');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('headers carry indicator names, never the codes', () => {
  test('no "CQS.VBDT."-style prefix in any annex header; Phụ lục I names its indicators, whole', () => {
    const c = run({ period: '2023-06' });
    const codes = defaultCatalogue().map((i) => i.code);
    for (const s of c.sheets.filter((x) => ANNEXES.includes(x.name)))
      for (const row of s.rows)
        for (const cell of row)
          if (cell?.s === 'header' && typeof cell.v === 'string')
            expect({
              sheet: s.name,
              header: cell.v,
              code: codes.find((k) => cell.v!.toString().includes(`${k}.`)),
            }).toEqual({ sheet: s.name, header: cell.v, code: undefined });
    const i = byName(c, 'Phụ lục I');
    const top = i.rows.findIndex((r) => r[0]?.v === 'STT');
    const names = c.kpi.codes.map((k) => defaultCatalogue().find((x) => x.code === k)!.name);
    expect(i.rows[top].map((x) => x?.v).filter((v) => typeof v === 'string' && v !== 'STT')).toEqual([
      'Tên cơ quan, đơn vị',
      ...names,
    ]);
    // Each name spans its three columns and its row is tall enough for the longest one, wrapped there.
    const longest = Math.max(...names.map((n) => n.length));
    const width = i.columnWidths[2] + i.columnWidths[3] + i.columnWidths[4];
    expect(i.merges).toContain(`C${top + 1}:E${top + 1}`);
    expect(i.rowHeights[top]).toBeGreaterThanOrEqual(15 * Math.ceil((longest * 1.1) / (width * 1.1)));
  });

  test('Phụ lục VII puts a group over its columns, as seed 003 prints "VB đi | VB đến" under their group', () => {
    const vii = byName(run({ period: '2023-06' }), 'Phụ lục VII');
    const headers = vii.rows.flat().filter((x) => x?.s === 'header' && typeof x.v === 'string');
    expect(headers.some((x) => String(x!.v).includes(' — '))).toBe(false);
    const at = vii.rows.findIndex((r) => r.some((x) => x?.v === 'Số lượng VB được thực hiện trên phần mềm'));
    expect(at).toBeGreaterThan(0);
    expect(vii.rows[at + 1].map((x) => x?.v).filter(Boolean)).toEqual(expect.arrayContaining(['VB đi', 'VB đến']));
  });
});

/** A row made tall must hold wrapped text that needs it; a row of bordered cells must hold something. */
function emptyBoxes(s: { name: string; rows: SheetSpec['rows']; rowHeights: SheetSpec['rowHeights'] }): string[] {
  const out: string[] = [];
  s.rows.forEach((row, r) => {
    const text = row.some((x) => x && typeof x.v === 'string' && x.s && STYLES[x.s].wrap);
    if ((s.rowHeights[r] ?? 0) > 20 && !text) out.push(`${s.name}!${r + 1}: tall, no wrapped text`);
    const bordered = row.filter((x) => x?.s && STYLES[x.s].border && !x.s.startsWith('input'));
    if (bordered.length && bordered.every((x) => (x!.v ?? null) === null && !x!.f))
      out.push(`${s.name}!${r + 1}: bordered, empty`);
  });
  return out;
}

describe('row heights: text wrapped word by word, capitals wider than small letters', () => {
  const height = (v: string, s: 'text' | 'caption', width: number) =>
    fitRowHeights({ name: 'x', rows: [[{ v, s }]], columnWidths: [width] })[0];

  test('a name of 66 letters in a 36-wide column takes two lines, one of 84 three (docs/img/annex-iv.png)', () => {
    expect(height('Xây dựng Trung tâm Điều hành đô thị thông minh thành phố Nha Trang', 'text', 36)).toBe(32);
    const radio = 'Dự án Đài truyền thanh ứng dụng công nghệ thông tin – viễn thông phường Vĩnh Nguyên';
    expect(height(radio, 'text', 36)).toBe(47);
    expect(height('Phòng Văn hóa và Thông tin', 'text', 36)).toBeNull();
  });

  test('a caption in capitals wraps sooner than its length says: Phụ lục VIII’s, over its six columns', () => {
    const caption =
      'DANH SÁCH CƠ QUAN, ĐỊA PHƯƠNG CHƯA XÂY DỰNG, TRÌNH THẨM ĐỊNH VÀ PHÊ DUYỆT HỒ SƠ ĐỀ XUẤT CẤP ĐỘ AN TOÀN THÔNG TIN';
    expect(height(caption, 'caption', 146)).toBe(37);
    expect(height(caption.toLowerCase(), 'caption', 146)).toBeNull();
  });
});

describe('no empty bordered boxes', () => {
  test('Phụ lục VII: each section label spans the table, its row one line high', () => {
    const vii = byName(run({ period: '2023-06' }), 'Phụ lục VII');
    expect(emptyBoxes(vii)).toEqual([]);
    vii.rows.forEach((r, i) => {
      if (r.length === 1 && r[0]?.s === 'label') {
        expect(vii.merges.some((m) => m.startsWith(`A${i + 1}:`))).toBe(true);
        expect(vii.rowHeights[i]).toBeNull();
      }
    });
    for (const name of ANNEXES) expect(emptyBoxes(byName(run({ period: '2023-06' }), name))).toEqual([]);
  });

  test("the unit template's T3 and T6: no tall rows over the tables' titles", async () => {
    const port = new XlsxWorkbook();
    await createTemplate(port, { unit: 'Phường Lộc Thọ', period: '2023-06' });
    for (const ws of port.book.worksheets.filter((w) => /^T[36] /.test(w.name))) {
      ws.eachRow((row, r) => {
        const wrapped = row.values && (row.values as unknown[]).some((v) => typeof v === 'string');
        const wraps = [...Array(row.cellCount).keys()].some((k) => row.getCell(k + 1).alignment?.wrapText);
        if ((row.height ?? 0) > 20)
          expect({ sheet: ws.name, row: r, wrappedText: Boolean(wrapped && wraps) }).toEqual({
            sheet: ws.name,
            row: r,
            wrappedText: true,
          });
      });
      const labels: number[] = [];
      ws.eachRow((row, r) => {
        if (/^\d\. /.test(String(row.getCell(1).value ?? ''))) labels.push(r);
      });
      expect(labels.length).toBeGreaterThan(1);
      for (const r of labels)
        expect({ sheet: ws.name, r, height: ws.getRow(r).height ?? null }).toMatchObject({ height: null });
    }
  });
});

describe('print: Times New Roman and page numbers', () => {
  test('the written .xlsx: every annex cell in Times New Roman, "Trang &P/&N" in the footer', async () => {
    const c = run({ period: '2023-06', ...REPORT });
    const book = new XlsxWorkbook();
    await book.write(c.sheets);
    const file = tmpFile('phu-luc.xlsx');
    fs.writeFileSync(file, await book.toBuffer());
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    for (const name of [...ANNEXES, 'Nguồn số liệu']) {
      const ws = back.getWorksheet(name)!;
      expect({ name, footer: ws.headerFooter.oddFooter }).toEqual({
        name,
        footer: expect.stringMatching(/^&C.*Trang &P\/&N$/),
      });
      const fonts = new Set<string | undefined>();
      ws.eachRow((row) => row.eachCell((cell) => fonts.add(cell.font?.name)));
      expect({ name, fonts: [...fonts] }).toEqual({ name, fonts: ['Times New Roman'] });
      // A cell typed later into the annex takes the sheet's font too.
      expect(ws.getColumn(2).font?.name).toBe('Times New Roman');
    }
  });

  test('Excel: the footer through PageLayout.headersFooters and the font on the whole sheet, in the same syncs', async () => {
    const c = run({ period: '2023-06' });
    const annexes = c.sheets.filter((s) => ANNEXES.includes(s.name));
    const excel = new FakeExcel();
    const before = excel.syncs;
    await new OfficeWorkbook(excel.run).write(annexes);
    expect(excel.syncs - before).toBe(2); // the sheet list, then everything written: as before
    for (const name of ANNEXES) {
      const formats = excel.sheet(name)!.formats;
      expect(formats).toEqual(
        expect.arrayContaining([
          {
            address: '',
            prop: 'headersFooters.defaultForAllPages.centerFooter',
            value: '&"Times New Roman,Regular"Trang &P/&N',
          },
          { address: 'A1:XFD1048576', prop: 'font.name', value: 'Times New Roman' },
        ]),
      );
    }
  });

  test('Google Sheets: the font on the whole written range (Apps Script sets no print footer)', () => {
    const ss = new FakeSpreadsheet();
    (globalThis as unknown as { SpreadsheetApp: unknown }).SpreadsheetApp = fakeSpreadsheetApp(ss);
    const annexes = run({ period: '2023-06' }).sheets.filter((s) => ANNEXES.includes(s.name));
    new SheetsWorkbook(ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet).write(annexes);
    expect(ss.calls['Range.setFontFamily']).toBe(annexes.length);
    for (const name of ANNEXES) {
      const fonts = new Set(
        [...ss.getSheetByName(name)!.cells.values()].filter((x) => x.value !== null).map((x) => x.font),
      );
      expect({ name, fonts: [...fonts] }).toEqual({ name, fonts: ['Times New Roman'] });
    }
  });

  test('LibreOffice prints Phụ lục I to PDF with "Trang 1" at the foot of the page', async () => {
    const c = run({ period: '2023-06', ...REPORT });
    const book = new XlsxWorkbook();
    await book.write([byName(c, 'Phụ lục I')]);
    const file = tmpFile('phu-luc-i.xlsx');
    fs.writeFileSync(file, await book.toBuffer());
    const dir = path.dirname(file);
    const profile = `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`;
    execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
      timeout: 120000,
      stdio: 'pipe',
    });
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'phu-luc-i.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Trang 1\/\d+/);
    expect(text).toContain('THÁNG 6/2023');
    expect(text.replace(/\s+/g, ' ')).toContain('Ban Chỉ đạo chuyển đổi số tỉnh Khánh Hòa');
  }, 180000);
});

describe('the pane: Kèm theo Báo cáo số, Ngày báo cáo, Cơ quan ban hành', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  test('the Google Sheets sidebar passes the three fields to every annex it writes', async () => {
    const secretariat = new FakeSpreadsheet('Tổng hợp CĐS');
    const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd';
    const other = new FakeSpreadsheet('Báo cáo CĐS');
    for (const s of unit.sheets) other.fill(s.name, s.values);
    secretariat.others[id] = other;
    const gas = loadAppsScript(secretariat);
    const page = await browser.newPage();
    await bridgeGoogleScriptRun(page, gas.global);
    await page.goto(`file://${path.join(DIST, 'appsscript', 'Sidebar.html')}`);
    await page.click('#con-make-list');
    await page.waitForSelector('#con-status.ok');
    const list = secretariat.getSheetByName('DX_NguonDuLieu')!;
    list.cells.set('A2', { value: 'UBND thành phố Nha Trang' });
    list.cells.set('B2', { value: id });
    await page.fill('#con-report-no', REPORT.reportNo);
    await page.fill('#con-report-date', '11/5/2023');
    await page.fill('#con-issuer', REPORT.issuer);
    await page.click('#con-run');
    await page.waitForSelector('#con-status.ok, #con-status.error');
    expect(await page.textContent('#con-status')).toContain('Đã tổng hợp');
    for (const name of ANNEXES)
      expect({ name, line: secretariat.getSheetByName(name)!.cells.get('A3')?.value }).toEqual({
        name,
        line: SEED_001_LINE,
      });
    await page.close();
  }, 120000);
});
