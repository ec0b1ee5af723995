import * as os from 'os';
import * as path from 'path';
import * as fs from 'fs';
import { OfficeWorkbook } from '../addin/office-workbook';
import { SheetsWorkbook } from '../appsscript/server/sheets-workbook';
import { z } from 'zod';
import { describeError } from '../shared/errors/describe';
import {
  CancelledError,
  ConfigError,
  DxError,
  NotOwnedError,
  SheetExistsError,
  UnknownUnitError,
  UnreadablePeriodError,
} from '../shared/errors/errors';
import { createTemplate } from '../shared/operations/create-template';
import { writeOwnedOp } from '../shared/operations/consolidate-op';
import { runAsync } from '../shared/operations/run';
import { SheetSpec } from '../shared/workbook/sheet-spec';
import { XlsxWorkbook } from '../xlsx/workbook';
import { FakeExcel } from './helpers/fake-excel';
import { FakeSpreadsheet } from './helpers/fake-sheets';

const sheet = (name: string) => SheetSpec.parse({ name, rows: [[{ v: 'x' }]] });

describe('named errors, said in Vietnamese in one place', () => {
  test('each class carries its code, its values and its sentence', () => {
    const unit = new UnknownUnitError('Pường 1', 'Phường 1');
    expect([unit.code, unit.values, unit.message, unit.name]).toEqual([
      'unknown-unit',
      { name: 'Pường 1', suggestion: 'Phường 1' },
      '“Pường 1” không có trong danh mục đơn vị. Có phải “Phường 1”?',
      'UnknownUnitError',
    ]);
    expect(unit).toBeInstanceOf(DxError);
    expect(new UnreadablePeriodError('tháng 13/2023').message).toContain('“tháng 13/2023”');
    expect(new NotOwnedError(['Phụ lục I']).message).toMatch(/“Phụ lục I” không do phần mềm tạo: không ghi đè/);
    expect(new CancelledError().message).toBe('Đã hủy: không ghi phụ lục nào.');
    const config = new ConfigError('DX_CauHinh', [{ sheet: 'DX_CauHinh', cell: 'A7', message: 'Mã sai.' }]);
    expect(config.message).toBe('DX_CauHinh có 1 dòng sai: DX_CauHinh!A7 Mã sai.');
  });

  test('system and library errors become one Vietnamese sentence', () => {
    let missing: unknown;
    try {
      fs.readFileSync(path.join(os.tmpdir(), 'khong-co-tep-nay.xlsx'));
    } catch (e) {
      missing = e;
    }
    expect(describeError(missing)).toMatch(/^Không tìm thấy tệp hoặc thư mục “.*khong-co-tep-nay\.xlsx”\.$/);
    expect(describeError(Object.assign(new Error('EISDIR'), { code: 'EISDIR', path: 'units' }))).toBe(
      '“units” là một thư mục, không phải tệp.',
    );
    expect(describeError(new Error('Corrupted zip ? see https://example.invalid'))).toBe(
      'Tệp hỏng hoặc không phải tệp Excel (.xlsx): mở bằng Excel, lưu lại rồi gửi lại.',
    );
    expect(
      describeError(new Error('End of data reached (data length = 0, asked index = 4). Corrupted zip ?'), 'a.xlsx'),
    ).toBe('Tệp “a.xlsx” hỏng hoặc không phải tệp Excel (.xlsx): mở bằng Excel, lưu lại rồi gửi lại.');
    expect(describeError(new Error('File not found: /tmp/x/master.xlsx'))).toBe(
      'Không tìm thấy tệp “/tmp/x/master.xlsx”.',
    );
    expect(describeError(new TypeError("Cannot read properties of undefined (reading 'x')"), 'b.xlsx')).toBe(
      'Lỗi của phần mềm khi xử lý tệp “b.xlsx”, không phải do số liệu: thử lại; nếu vẫn lỗi, báo người hỗ trợ.',
    );
    let syntax: unknown;
    try {
      JSON.parse('{units');
    } catch (e) {
      syntax = e;
    }
    expect(describeError(syntax, 'danh-muc.json')).toMatch(/^Tệp “danh-muc\.json” không phải JSON hợp lệ/);
    expect(describeError(new SheetExistsError(['T1 Chỉ tiêu'], 'tệp'))).toMatch(/^Tệp đã có trang “T1 Chỉ tiêu”/);
    expect(describeError('lạ')).toBe('lạ');
  });

  test('a schema refusal of a user file is said field by field in Vietnamese, with the file', () => {
    const schema = z.object({
      units: z.array(z.object({ name: z.string().min(1), level: z.enum(['phuong', 'xa']), n: z.number().max(3) })),
    });
    const r = schema.safeParse({ units: [{ name: '', level: 'tinh', n: 5 }, { name: 3 }] });
    const said = describeError(r.error, 'danh-muc.json');
    expect(said).toBe(
      'Tệp “danh-muc.json” không đúng mẫu: “units” › mục 1 › “name”: đang trống; ' +
        '“units” › mục 1 › “level”: chỉ nhận: “phuong”, “xa”; “units” › mục 1 › “n”: không được lớn hơn 3; ' +
        '“units” › mục 2 › “name”: phải là chữ; “units” › mục 2 › “level”: chỉ nhận: “phuong”, “xa”; ' +
        'và 1 chỗ khác.',
    );
  });

  test('the three adapters refuse an existing sheet with the same class', async () => {
    const xlsx = new XlsxWorkbook();
    await xlsx.write([sheet('A')]);
    await expect(xlsx.write([sheet('A')])).rejects.toBeInstanceOf(SheetExistsError);

    const excel = new FakeExcel();
    const office = new OfficeWorkbook(excel.run);
    await office.write([sheet('A')]);
    await expect(office.write([sheet('A')])).rejects.toBeInstanceOf(SheetExistsError);

    const sheets = new SheetsWorkbook(new FakeSpreadsheet() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
    sheets.write([sheet('A')]);
    expect(() => sheets.write([sheet('A')])).toThrow(SheetExistsError);
  });

  test('operations throw named classes: unknown unit, unreadable period, sheets in the way', async () => {
    const book = new XlsxWorkbook();
    await expect(createTemplate(book, { unit: 'Pường Vạn Thạnh', period: '2023-06' })).rejects.toBeInstanceOf(
      UnknownUnitError,
    );
    await expect(createTemplate(book, { unit: 'Phường Vạn Thạnh', period: 'tháng mười ba' })).rejects.toBeInstanceOf(
      UnreadablePeriodError,
    );
    await book.write([sheet('Phụ lục I')]);
    await expect(runAsync(writeOwnedOp(book, [sheet('Phụ lục I')]))).rejects.toBeInstanceOf(NotOwnedError);
  });
});
