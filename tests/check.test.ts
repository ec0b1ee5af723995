import { OfficeWorkbook } from '../addin/office-workbook';
import { check, complete, ERROR_FILL } from '../shared/operations/check';
import { createTemplate } from '../shared/operations/create-template';
import { serialOf } from '../shared/workbook/render';
import { FakeExcel } from './helpers/fake-excel';
import { FakeSpreadsheet } from './helpers/fake-sheets';
import { loadAppsScript } from './helpers/hosts';

/** A unit's own feedback table with n rows, every one breaking "received = resolved + in process". */
function feedbackRows(n: number, broken: boolean): unknown[][] {
  const rows: unknown[][] = [
    ['T T', 'Tên cơ quan, đơn vị', 'Tổng số tiếp nhận', 'Đã giải quyết', '', '', 'Đang giải quyết', '', ''],
    ['', '', '', 'Tổng số', 'Đúng hạn', 'Trễ hạn', 'Tổng số', 'Đúng hạn', 'Trễ hạn'],
  ];
  for (let i = 1; i <= n; i++) rows.push([i, `Phường ${((i - 1) % 12) + 1}`, broken ? 17 : 16, 10, 6, 4, 6, 2, 4]);
  return rows;
}

describe('Kiểm tra in Excel (Office.js stand-in)', () => {
  test('problem cells are highlighted, the unit values untouched, old highlights removed on the next run', async () => {
    const excel = new FakeExcel();
    const book = new OfficeWorkbook(excel.run);
    await createTemplate(book, { unit: 'Phường Lộc Thọ', period: '2023-06', preparer: 'A' });
    const t4 = excel.sheet('T4 Phản ánh')!;
    // Seed 000 §6: 16 received, 10 resolved (6 + 4), 6 in process typed as 5.
    const put = (cell: string, v: unknown) => t4.cells.set(cell, { value: v });
    [
      ['C6', 16],
      ['D6', 10],
      ['E6', 6],
      ['F6', 4],
      ['G6', 5],
      ['H6', 2],
      ['I6', 4],
    ].forEach(([c, v]) => put(c as string, v));
    const valuesBefore = JSON.stringify([...t4.cells.entries()]);
    const r = await check(book);
    const at = r.issues.filter((i) => i.sheet === 'T4 Phản ánh').map((i) => `${i.cell} ${i.rule}`);
    expect(at).toEqual(['C6 CONG-THUC', 'G6 CONG-THUC']);
    expect(t4.fills.get('C6')).toBe(ERROR_FILL);
    expect(t4.fills.get('G6')).toBe(ERROR_FILL);
    expect(JSON.stringify([...t4.cells.entries()])).toBe(valuesBefore);
    expect(excel.sheet('DX_DanhDau')!.visibility).toBe('Hidden');
    // The unit fixes G6: the next run removes its highlight and the others it no longer needs.
    put('G6', 6);
    const again = await check(book);
    expect(again.issues.filter((i) => i.sheet === 'T4 Phản ánh')).toEqual([]);
    expect(t4.fills.has('C6')).toBe(false);
    expect(t4.fills.has('G6')).toBe(false);
  });

  test('a click selects the cell; "Hoàn thành" is refused with errors and stamps the time without', async () => {
    const excel = new FakeExcel();
    const book = new OfficeWorkbook(excel.run);
    await createTemplate(book, { unit: 'Phường Lộc Thọ', period: '2023-06', preparer: 'A' });
    await book.select({ sheet: 'T4 Phản ánh', cell: 'G6' });
    expect(excel.sheet('T4 Phản ánh')!.selected).toBe('G6');
    expect(excel.sheet('T4 Phản ánh')!.active).toBe(true);
    // One figure: an empty template is not a report (PHIEU-TRONG) and is never completed.
    excel.sheet('T4 Phản ánh')!.cells.set('C6', { value: 16 });
    const refused = await complete(book, new Date(2023, 6, 10, 9, 30));
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('còn 1 lỗi'); // Ngày báo cáo is blank
    excel.sheet('Thông tin chung')!.cells.set('B7', { value: '10/07/2023' });
    const ok = await complete(book, new Date(2023, 6, 10, 9, 30));
    expect(ok).toMatchObject({ ok: true, completedAt: '10/07/2023 09:30' });
    // The time lands as a date-time value (a serial with a date format), not as text a host would re-read.
    const stamp = excel.sheet('Thông tin chung')!.cells.get('B12')!;
    expect(stamp.value).toBeCloseTo(serialOf('2023-07-10T09:30'), 6);
    expect(excel.sheet('DX_KyTruoc')!.visibility).toBe('Hidden');
  });

  test('one batched read and one batched write per run: the same syncs for 50 and 5,000 rows', async () => {
    const syncs = [];
    for (const n of [50, 5000]) {
      const excel = new FakeExcel();
      excel.fill('Phản ánh', feedbackRows(n, true));
      const r = await check(new OfficeWorkbook(excel.run));
      expect(r.issues.filter((i) => i.rule === 'CONG-THUC')).toHaveLength(n);
      expect(excel.sheet('Phản ánh')!.fills.size).toBe(
        new Set(r.issues.filter((i) => i.sheet === 'Phản ánh').map((i) => i.cell)).size,
      );
      syncs.push(excel.syncs);
    }
    expect(syncs[0]).toBe(7); // read 2 + fills 1 + paint 2 (the protection, then the write) + marks sheet 2
    expect(syncs[1]).toBe(syncs[0]);
  });
});

describe('Kiểm tra in Google Sheets (built bundle, SpreadsheetApp stand-in)', () => {
  test('menu Báo cáo CĐS → Kiểm tra; highlights in one setBackgrounds, notes on cells; same calls for 50 and 5,000 rows', () => {
    const calls = [];
    for (const n of [50, 5000]) {
      const ss = new FakeSpreadsheet();
      ss.fill('Phản ánh', feedbackRows(n, true));
      const gas = loadAppsScript(ss);
      gas.global.onOpen({});
      expect(gas.calls.menus[0].items[0]).toEqual(['Kiểm tra', 'showCheck']);
      ss.calls = {};
      const r = gas.global.dxCheck();
      expect(typeof r.then).toBe('undefined');
      expect(r.issues.filter((i: { rule: string }) => i.rule === 'CONG-THUC')).toHaveLength(n);
      const cell = ss.getSheetByName('Phản ánh')!.cells.get('C3')!;
      expect(cell.background).toBe(ERROR_FILL);
      expect(cell.note).toContain('[CONG-THUC] Tiếp nhận = đã giải quyết + đang giải quyết. Đang là 17 ≠ 10 + 6 = 16.');
      expect(ss.calls['Range.setBackgrounds']).toBe(2); // the unit sheet, and the new DX_DanhDau sheet
      calls.push(ss.rangeCalls());
    }
    expect(calls[1]).toBe(calls[0]);
  });

  test('dxSelect shows the cell; dxComplete stamps after the errors are fixed', () => {
    const ss = new FakeSpreadsheet();
    const gas = loadAppsScript(ss);
    gas.global.dxCreateTemplate({ unit: 'Phường Lộc Thọ', period: '2023-06', preparer: 'A' });
    gas.global.dxSelect('T4 Phản ánh', 'C6');
    expect(ss.active!.name).toBe('T4 Phản ánh');
    expect(ss.active!.activeRange).toBe('C6');
    expect(gas.global.dxComplete().ok).toBe(false);
    ss.getSheetByName('T4 Phản ánh')!.cells.set('C6', { value: 16 }); // an empty template is never completed
    ss.getSheetByName('Thông tin chung')!.cells.set('B7', { value: new Date(2023, 6, 10) });
    const r = gas.global.dxComplete();
    expect(r.ok).toBe(true);
    // A date-time value with its format, as Sheets stores a date (getValue gives a Date back).
    expect(ss.getSheetByName('Thông tin chung')!.getRange('B12').getValue()).toEqual(expect.any(Date));
  });
});
