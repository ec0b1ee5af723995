/**
 * "Tạo phiếu cho tất cả đơn vị" in Google Sheets (appsscript/server/templates-all.ts) on the stand-ins: the
 * SpreadsheetApp of fake-sheets.ts (SpreadsheetApp.create) and the DriveApp of fake-drive.ts (folders, moveTo,
 * addEditor). One folder beside the spreadsheet, one spreadsheet per unit in it with the unit's cover, shared with
 * the units the registry gives an e-mail; a run stopped by the time guard and pressed again makes no duplicate;
 * each unit's spreadsheet costs the same range calls whatever the number of units.
 */
import { handlers } from '../appsscript/server/handlers';
import { oneAtATime, TIME_BUDGET_MS, templatesIntoDrive } from '../appsscript/server/templates-all';
import { gasConsolidation } from '../appsscript/sidebar/gas-consolidation';
import { missingCsv, MissingListSource } from '../shared/consolidate/missing-list';
import { FakeDrive, FakeDriveFile, FakeDriveFolder } from './helpers/fake-drive';
import { gasCall } from './helpers/gas-run-rules';
import { FakeSpreadsheet, fakeLockService, fakeSpreadsheetApp } from './helpers/fake-sheets';

const REGISTRY_ROWS = [
  ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Hiệu lực từ', 'Liên hệ'],
  ['22366', 'Phường Nha Trang', 'Phường', '01/07/2025', 'nhatrang@khanhhoa.gov.vn'],
  ['22333', 'Phường Bắc Nha Trang', 'Phường', '01/07/2025', '0258 3822 111'],
  ['22390', 'Phường Tây Nha Trang', 'Phường', '01/07/2025', 'taynhatrang@khanhhoa.gov.vn'],
  ['22402', 'Xã Nam Nha Trang', 'Xã', '01/07/2025', ''],
];

function setUp(rows = REGISTRY_ROWS) {
  const ss = new FakeSpreadsheet('Tổng hợp CĐS');
  ss.fill('Danh mục đơn vị', rows);
  const drive = new FakeDrive();
  const office = drive.root.createFolder('Văn phòng CĐS');
  drive.attach(ss, office);
  const g = globalThis as unknown as Record<string, unknown>;
  g.SpreadsheetApp = fakeSpreadsheetApp(ss);
  g.DriveApp = drive.app();
  g.LockService = fakeLockService(ss);
  return { ss, drive, office };
}

const INPUT = { registry: 'sheet', period: '2026-11', preparer: 'Nguyễn Văn A' };

const folderOf = (office: FakeDriveFolder) =>
  office.children().filter((x): x is FakeDriveFolder => x instanceof FakeDriveFolder);

test('the registry offered: the spreadsheet\'s own "Danh mục đơn vị" first, then the built-ins and a province', () => {
  setUp();
  const choices = handlers.dxRegistryChoices();
  expect(choices[0]).toEqual({ id: 'sheet', label: 'Trang “Danh mục đơn vị” của bảng tính này' });
  expect(choices[choices.length - 1].id).toBe('province');
});

test('one folder beside the spreadsheet, a spreadsheet per unit with its cover, shared with its e-mail', () => {
  const { ss, drive, office } = setUp();
  const r = handlers.dxTemplatesForAll(INPUT);
  expect(r).toMatchObject({
    name: 'Phiếu báo cáo tháng 11-2026',
    made: 4,
    skipped: 0,
    total: 4,
    shared: 2,
    done: true,
  });
  const [folder] = folderOf(office);
  expect(folder.getName()).toBe('Phiếu báo cáo tháng 11-2026');
  expect(r.url).toBe(folder.getUrl());
  const made = folder.spreadsheets();
  expect(made.map((s) => s.getName())).toEqual([
    'Phường Nha Trang - tháng 11-2026',
    'Phường Bắc Nha Trang - tháng 11-2026',
    'Phường Tây Nha Trang - tháng 11-2026',
    'Xã Nam Nha Trang - tháng 11-2026',
  ]);
  // Nothing left in My Drive's root: each was moved once complete.
  expect(drive.root.spreadsheets()).toEqual([]);
  for (const [i, s] of made.entries()) {
    const names = s.getSheets().map((x) => x.getName());
    expect(names).not.toContain('Trang tính1');
    expect(names).toContain('Thông tin chung');
    expect(s.getSheetByName('DX_CauHinh')!.isSheetHidden()).toBe(true);
    expect(s.getSheetByName('Thông tin chung')!.getRange('B4').getValue()).toBe(REGISTRY_ROWS[i + 1][1]);
  }
  const file = (n: number) => drive.app().getFileById(made[n].getId());
  expect(file(0).editors).toEqual(['nhatrang@khanhhoa.gov.vn']);
  expect(file(1).editors).toEqual([]);
  expect(file(2).editors).toEqual(['taynhatrang@khanhhoa.gov.vn']);
  expect(file(3).editors).toEqual([]);
  expect(drive.notified).toEqual(['nhatrang@khanhhoa.gov.vn', 'taynhatrang@khanhhoa.gov.vn']);
  expect(r.message).toContain('Đã chia sẻ quyền chỉnh sửa 2 bảng tính');
  // The open spreadsheet is not changed.
  expect(ss.getSheets().map((s) => s.getName())).toEqual(['Danh mục đơn vị']);
}, 60000);

test('stopped by the time guard, pressed again: goes on, no unit made twice, none overwritten', () => {
  const { ss, office } = setUp();
  // Each look at the clock moves it on by two minutes: two units fit, the guard stops before the third.
  let now = 0;
  const clock = () => (now += 2 * 60 * 1000);
  const first = templatesIntoDrive(INPUT, clock);
  expect(TIME_BUDGET_MS).toBeLessThan(5 * 60 * 1000);
  expect(first).toMatchObject({ made: 2, skipped: 0, done: false });
  expect(first.message).toContain('Đã tạo 2/4 phiếu');
  const [folder] = folderOf(office);
  const kept = folder.spreadsheets().map((s) => s.getId());
  expect(kept).toHaveLength(2);

  const second = templatesIntoDrive(INPUT, clock);
  expect(second).toMatchObject({ made: 2, skipped: 2, done: true });
  expect(second.message).toContain('2 đơn vị đã có bảng tính từ lần trước, giữ nguyên');
  const third = templatesIntoDrive(INPUT);
  expect(third).toMatchObject({ made: 0, skipped: 4, done: true });
  // One folder, four spreadsheets, the first two the very same ones.
  expect(folderOf(office)).toHaveLength(1);
  const all = folder.spreadsheets();
  expect(all).toHaveLength(4);
  expect(new Set(all.map((s) => s.getName())).size).toBe(4);
  expect(all.slice(0, 2).map((s) => s.getId())).toEqual(kept);
  expect(ss.created).toHaveLength(4);
}, 60000);

test('a unit that fails half-made: trashed, the run said, the next press makes it once and shares what failed', () => {
  const { ss, drive, office } = setUp();
  drive.refuse.push('nhatrang@khanhhoa.gov.vn');
  // The third spreadsheet made times out while its sheets are added (as "Service Spreadsheets timed out" does).
  const filed = ss.onCreate!;
  let n = 0;
  ss.onCreate = (made: FakeSpreadsheet) => {
    filed(made);
    if (++n !== 3) return;
    const insert = made.insertSheet.bind(made);
    let k = 0;
    made.insertSheet = ((...a: Parameters<typeof insert>) => {
      if (++k > 2) throw new Error(`Service Spreadsheets timed out while accessing document with id ${made.getId()}.`);
      return insert(...a);
    }) as typeof made.insertSheet;
  };
  const first = templatesIntoDrive(INPUT);
  expect(first).toMatchObject({ made: 2, done: false });
  expect(first.message).toContain('Dừng ở “Phường Tây Nha Trang”');
  expect(first.message).toContain('Đã tạo 2/4 phiếu');
  expect(first.notShared).toEqual([{ unit: 'Phường Nha Trang', email: 'nhatrang@khanhhoa.gov.vn' }]);
  const half = drive.items.find(
    (x): x is FakeDriveFile => x instanceof FakeDriveFile && x.id === ss.created[2].getId(),
  );
  expect(half?.trashed).toBe(true);
  // Drive takes the address now: the next press shares the unit made before, and makes the failed one once.
  drive.refuse.length = 0;
  const second = templatesIntoDrive(INPUT);
  expect(second).toMatchObject({ made: 2, skipped: 2, done: true });
  const [folder] = folderOf(office);
  const names = folder.spreadsheets().map((x) => x.getName());
  expect(names).toHaveLength(4);
  expect(new Set(names).size).toBe(4);
  const nhaTrang = folder.children().find((x) => x.getName().startsWith('Phường Nha Trang')) as FakeDriveFile;
  expect(nhaTrang.editors).toEqual(['nhatrang@khanhhoa.gov.vn']);
  // Each unit's writes are flushed before its spreadsheet is moved into the folder and shared.
  expect(ss.calls['SpreadsheetApp.flush']).toBeGreaterThanOrEqual(4);
}, 60000);

test('the quota of spreadsheets a day is said as such; a folder the user may only view sends them to My Drive', () => {
  const { ss, drive, office } = setUp();
  const create = (globalThis as unknown as { SpreadsheetApp: { create: (n: string) => unknown } }).SpreadsheetApp;
  const made = create.create;
  let n = 0;
  create.create = (name: string) => {
    if (++n > 1) throw new Error('Service invoked too many times for one day: spreadsheet create.');
    return made(name);
  };
  office.readOnly = true;
  const r = templatesIntoDrive(INPUT);
  expect(r).toMatchObject({ made: 1, done: false });
  expect(r.message).toContain('Dừng ở “Phường Bắc Nha Trang”: Google đã hết hạn mức tạo bảng tính trong ngày');
  expect(r.message).not.toContain('thùng rác');
  expect(r.message).toContain('Drive của tôi');
  expect(folderOf(office)).toHaveLength(0);
  expect(drive.root.children().some((x) => x.getName() === r.name)).toBe(true);
  expect(ss.created).toHaveLength(1);
}, 60000);

test('a half-filled "Danh mục đơn vị" sheet bars only itself: a built-in registry is still offered and used', () => {
  setUp([
    ['Mã đơn vị', 'Tên đơn vị', 'Nhóm'],
    ['X1', 'Phường X', 'không có nhóm này'],
  ]);
  expect(() => templatesIntoDrive(INPUT)).toThrow(/Nhóm “không có nhóm này” không hợp lệ|Danh mục/);
  const r = templatesIntoDrive({ ...INPUT, registry: 'VT', period: '2023-06' });
  expect(r.made).toBeGreaterThan(5);
  expect(r.done).toBe(true);
}, 60000);

test('one press at a time, without holding the document lock for the run', () => {
  setUp();
  const props = new Map<string, string>();
  const g = globalThis as unknown as Record<string, unknown>;
  g.PropertiesService = {
    getDocumentProperties: () => ({
      getProperty: (k: string) => props.get(k) ?? null,
      setProperty: (k: string, v: string) => props.set(k, v),
      deleteProperty: (k: string) => props.delete(k),
    }),
  };
  try {
    let inner: unknown;
    const r = oneAtATime(() => {
      // A second press while the first runs is told; a colleague's Kiểm tra is not kept waiting by the lock.
      inner = (() => {
        try {
          return oneAtATime(() => 'twice');
        } catch (e) {
          return (e as Error).message;
        }
      })();
      return 'done';
    });
    expect(r).toBe('done');
    expect(inner).toMatch(/^Đang có người tạo phiếu cho tất cả đơn vị từ bảng tính này \(bắt đầu 0 phút trước\)/);
    expect(props.size).toBe(0);
    // A record older than an execution can last (Apps Script stopped it) is not waited for.
    props.set('dx.taoPhieuTatCa', String(Date.now() - 7 * 60 * 1000));
    expect(oneAtATime(() => 'again')).toBe('again');
  } finally {
    delete g.PropertiesService;
  }
});

test('an address Drive refuses is said, the others shared; a registry with no unit in the period writes nothing', () => {
  const { drive } = setUp();
  drive.refuse.push('taynhatrang@khanhhoa.gov.vn');
  const r = handlers.dxTemplatesForAll(INPUT);
  expect(r.shared).toBe(1);
  expect(r.notShared).toEqual([{ unit: 'Phường Tây Nha Trang', email: 'taynhatrang@khanhhoa.gov.vn' }]);
  expect(r.message).toContain('Không chia sẻ được với: Phường Tây Nha Trang (taynhatrang@khanhhoa.gov.vn)');

  const { ss } = setUp();
  expect(() => handlers.dxTemplatesForAll({ ...INPUT, period: '2024-11' })).toThrow(
    /không có đơn vị nào trong tháng 11\/2024/,
  );
  expect(ss.created).toHaveLength(0);
}, 60000);

test('host calls: the same range calls for every unit spreadsheet, at 2 units and at 4', () => {
  const per = (rows: string[][]) => {
    const { ss } = setUp(rows);
    handlers.dxTemplatesForAll(INPUT);
    return ss.created.map((s) => s.rangeCalls());
  };
  const two = per(REGISTRY_ROWS.slice(0, 3));
  const four = per(REGISTRY_ROWS);
  expect(new Set([...two, ...four]).size).toBe(1);
  // A constant per spreadsheet, not a call per cell: the template has thousands of cells.
  expect(four[0]).toBeLessThan(400);
}, 60000);

describe('"Tải CSV" from the sidebar: a Drive file beside the spreadsheet', () => {
  const LIST = {
    period: 'tháng 11/2026',
    deadline: '20/12/2026',
    deadlineDay: 20,
    registry: { name: 'Khánh Hòa', code: '56' },
    notSent: [
      {
        unit: 'Phường Nha Trang',
        code: '22366',
        preparer: '=HYPERLINK("x")',
        phone: null,
        lastReport: null,
        contact: 'nhatrang@khanhhoa.gov.vn',
      },
    ],
  } as unknown as MissingListSource;

  test("the CLI's CSV, saved as a new file each time (none replaced), its link shown", () => {
    const { drive, office } = setUp();
    const csv = missingCsv(LIST);
    const first = handlers.dxSaveMissingCsv(csv, LIST.period);
    expect(first.name).toBe('chua-nop-thang-11-2026.csv');
    const again = handlers.dxSaveMissingCsv(csv, LIST.period);
    const files = office
      .children()
      .filter((x): x is FakeDriveFile => x instanceof FakeDriveFile && x.mimeType === 'text/csv');
    expect(files).toHaveLength(2);
    expect(files[0].content).toBe(csv);
    expect(files[0].content!.startsWith('\uFEFFSTT,')).toBe(true);
    expect(files[0].content).toContain("'=HYPERLINK");
    expect(first.url).not.toBe(again.url);
    expect(first.url).toMatch(/^https:\/\/drive\.google\.com\//);
    expect(drive.root.children()).toHaveLength(1);
  });

  test('what is not the list is refused: the server writes this list, nothing else', () => {
    setUp();
    expect(() => handlers.dxSaveMissingCsv('<script>', null)).toThrow('không phải danh sách chưa nộp');
  });

  test('the sidebar bridge: the CSV made in the browser, the server answers its file', async () => {
    const { office } = setUp();
    (globalThis as unknown as { google: unknown }).google = {
      script: { run: gasRun() },
    };
    const out = await gasConsolidation.missingCsv!(LIST);
    expect(out).toMatchObject({ kind: 'link', name: 'chua-nop-thang-11-2026.csv' });
    expect(out.kind === 'link' && out.message).toContain('Google Drive');
    expect(office.children().some((x) => x instanceof FakeDriveFile && x.getName() === out.name)).toBe(true);
  });
});

/** google.script.run over the handlers, under the plain-data rules (gas-run-rules.ts). */
function gasRun() {
  let ok: (v: unknown) => void = () => undefined;
  let fail: (e: Error) => void = () => undefined;
  const run: Record<string, unknown> = new Proxy(
    {},
    {
      get: (_t, prop: string) => {
        if (prop === 'withSuccessHandler')
          return (f: (v: unknown) => void) => {
            ok = f;
            return run;
          };
        if (prop === 'withFailureHandler')
          return (f: (e: Error) => void) => {
            fail = f;
            return run;
          };
        return (...args: unknown[]) => {
          try {
            ok(gasCall(handlers as never, prop, args));
          } catch (e) {
            fail(e as Error);
          }
        };
      },
    },
  );
  return run;
}
