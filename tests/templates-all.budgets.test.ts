/**
 * Host-call budgets of "Tạo phiếu cho tất cả đơn vị" (tests/host-budgets.test.ts style, at two sizes): the Excel
 * pane reads the open workbook once (Office.js syncs do not grow with the units: the workbooks are made in the
 * pane), and each unit's spreadsheet in Google Sheets costs the same calls — SpreadsheetApp's and Drive's — at 2
 * units and at 6, whatever its cells. The secretariat's DX_CauHinh travels into every unit's workbook.
 */
import JSZip from 'jszip';
import { OfficeWorkbook } from '../addin/office-workbook';
import { allTemplatesZip } from '../addin/taskpane/all-templates';
import { templatesIntoDrive } from '../appsscript/server/templates-all';
import { createTemplate } from '../shared/operations/create-template';
import { XlsxWorkbook } from '../xlsx/workbook';
import { FakeDrive } from './helpers/fake-drive';
import { FakeExcel } from './helpers/fake-excel';
import { FakeSpreadsheet, fakeLockService, fakeSpreadsheetApp } from './helpers/fake-sheets';

const HEAD = ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Hiệu lực từ', 'Liên hệ'];
const WARDS = ['Nha Trang', 'Bắc Nha Trang', 'Tây Nha Trang', 'Nam Nha Trang', 'Cam Ranh', 'Ba Ngòi'];
const rows = (n: number) => [
  HEAD,
  ...WARDS.slice(0, n).map((w, i) => [`2236${i}`, `Phường ${w}`, 'Phường', '01/07/2025', `p${i}@khanhhoa.gov.vn`]),
];
const SIZES = [2, 6] as const;
const INPUT = { registry: 'sheet', period: '2026-11' };

/** The secretariat's DX_CauHinh: the default one, its first indicator renamed (as a secretariat edits it). */
async function masterConfig(): Promise<{ grid: unknown[][]; edited: string }> {
  const book = new XlsxWorkbook();
  await createTemplate(book, { unit: 'Phường Lộc Thọ', period: '2026-11' });
  const [cfg] = await book.read(['DX_CauHinh']);
  const grid = cfg.values.map((r) => [...r]) as unknown[][];
  const head = grid.findIndex((r) => r.includes('Tên chỉ tiêu'));
  const col = grid[head].indexOf('Tên chỉ tiêu');
  const edited = `${String(grid[head + 1][col])} (văn phòng)`;
  grid[head + 1][col] = edited;
  return { grid, edited };
}

afterAll(() => {
  const g = globalThis as unknown as Record<string, unknown>;
  for (const k of ['Excel', 'SpreadsheetApp', 'DriveApp', 'LockService']) delete g[k];
});

test('Excel: the syncs of the whole run do not grow with the units, and each workbook has the master', async () => {
  const master = await masterConfig();
  const counts: number[] = [];
  for (const n of SIZES) {
    const excel = new FakeExcel();
    excel.fill('Danh mục đơn vị', rows(n));
    excel.fill('DX_CauHinh', master.grid);
    const before = excel.syncs;
    const out = await allTemplatesZip(new OfficeWorkbook(excel.run), INPUT, () => undefined);
    counts.push(excel.syncs - before);
    if (out.kind !== 'file') throw new Error('a .zip was expected');
    const zip = await JSZip.loadAsync(out.bytes);
    const first = await XlsxWorkbook.fromBuffer(await zip.file(Object.keys(zip.files)[0])!.async('uint8array'));
    const [cfg] = await first.read(['DX_CauHinh']);
    expect(cfg.values.flat()).toContain(master.edited);
    expect(first.book.getWorksheet('DX_CauHinh')!.state).toBe('hidden');
  }
  expect(counts[0]).toBe(counts[1]);
  expect(counts[0]).toBeLessThanOrEqual(3);
}, 120000);

test('Google Sheets: every unit spreadsheet costs the same calls at 2 units and at 6', async () => {
  const master = await masterConfig();
  const perUnit: number[] = [];
  const driveCalls: number[] = [];
  for (const n of SIZES) {
    const ss = new FakeSpreadsheet('Tổng hợp');
    ss.fill('Danh mục đơn vị', rows(n));
    ss.fill('DX_CauHinh', master.grid);
    const drive = new FakeDrive();
    drive.attach(ss, drive.root.createFolder('Văn phòng'));
    const g = globalThis as unknown as Record<string, unknown>;
    g.SpreadsheetApp = fakeSpreadsheetApp(ss);
    g.DriveApp = drive.app();
    g.LockService = fakeLockService(ss);
    drive.calls = {};
    const r = templatesIntoDrive(INPUT);
    expect(r.made).toBe(n);
    const calls = ss.created.map((s) => Object.values(s.calls).reduce((a, b) => a + b, 0));
    expect(new Set(calls).size).toBe(1);
    perUnit.push(calls[0]);
    driveCalls.push(Object.values(drive.calls).reduce((a, b) => a + b, 0));
    // The master travels: each unit's DX_CauHinh holds the secretariat's edit, hidden.
    for (const s of ss.created) {
      const cfg = s.getSheetByName('DX_CauHinh')!;
      expect(cfg.isSheetHidden()).toBe(true);
      expect([...cfg.cells.values()].map((c) => c.value)).toContain(master.edited);
    }
  }
  expect(perUnit[0]).toBe(perUnit[1]);
  // Drive: the folder found or made once, then a constant per unit (getFileById, moveTo, addEditor).
  const [a, b] = driveCalls;
  expect((b - a) / (SIZES[1] - SIZES[0])).toBe(3);
}, 120000);
