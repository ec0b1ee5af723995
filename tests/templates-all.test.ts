/**
 * "Tạo phiếu cho tất cả đơn vị", the shared part (shared/operations/templates-all.ts): which units, their file
 * names (always safe, always distinct: a property test), the loop on fresh workbooks with its progress.
 */
import fc from 'fast-check';
import {
  configCopy,
  pickRegistry,
  safeFileStem,
  shareAddress,
  templatesForUnitsOp,
  unitFileNames,
  unitJobs,
  unitsOfPeriod,
  zipName,
  folderName,
} from '../shared/operations/templates-all';
import { runAsync } from '../shared/operations/run';
import { DEFAULT_REGISTRIES } from '../shared/registry/default';
import { UnitMatcher } from '../shared/registry/match';
import { XlsxWorkbook } from '../xlsx/workbook';
import { TRIAL_REGISTRY } from './helpers/trial-registry';

const REGISTRY = TRIAL_REGISTRY;

describe('units and names', () => {
  test('the units existing in the period, those that do not, the period in words', () => {
    const u = unitsOfPeriod(REGISTRY, '2026-11');
    expect(u.label).toBe('tháng 11/2026');
    expect(u.units.map((x) => x.name)).toEqual(['Phường Lộc Thọ', 'Phường Vĩnh Hải', 'Xã A/B: "mới"']);
    expect(u.notInPeriod).toEqual(['Phường Cũ']);
    expect(() => unitsOfPeriod(REGISTRY, 'tháng mười ba')).toThrow();
  });

  test('file, zip and folder names: Windows-safe, the period kept, no extension for a spreadsheet', () => {
    const { units, label } = unitsOfPeriod(REGISTRY, '2026-11');
    expect(unitJobs(units, label).map((j) => j.name)).toEqual([
      'Phường Lộc Thọ - tháng 11-2026.xlsx',
      'Phường Vĩnh Hải - tháng 11-2026.xlsx',
      'Xã A-B- -mới- - tháng 11-2026.xlsx',
    ]);
    expect(unitJobs(units, label, '')[0].name).toBe('Phường Lộc Thọ - tháng 11-2026');
    expect(zipName(label)).toBe('Phieu bao cao - tháng 11-2026.zip');
    expect(folderName(label)).toBe('Phiếu báo cáo tháng 11-2026');
    expect(new TextEncoder().encode(safeFileStem('Ờ'.repeat(300))).length).toBeLessThanOrEqual(180);
  });

  test('property: every name is safe on Windows and distinct from the others, as Windows compares names', () => {
    const name = fc.string({
      unit: fc.constantFrom(...'aAăâđêôơườỜ1 ()./\\:*?"<>|\u0000\u001fCONlpt'.split('')),
      maxLength: 12,
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ name, code: fc.constantFrom('1', '2', '01', '1 ', 'a/b', 'a-b') }), {
          selector: (u) => u.code,
          maxLength: 8,
        }),
        (units) => {
          const names = unitFileNames(units, 'tháng 11/2026');
          for (const n of names) {
            // eslint-disable-next-line no-control-regex -- control characters are what must not be there
            expect(n).not.toMatch(/[\u0000-\u001f/\\:*?"<>|]/);
            const stem = n.replace(/\.xlsx$/, '');
            expect(stem).not.toMatch(/[. ]$/);
            expect(stem.split(' - ')[0]).not.toMatch(/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i);
            expect(n).toBe(n.normalize('NFC'));
            expect(new TextEncoder().encode(n).length).toBeLessThanOrEqual(255);
          }
          const keys = names.map((n) => n.toLocaleLowerCase('vi'));
          expect(new Set(keys).size).toBe(names.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('the registry a choice names; a province the host looks up; an e-mail to share with', () => {
    const from = {
      sheet: REGISTRY,
      builtIn: DEFAULT_REGISTRIES,
      province: (t: string) => (t === '56' ? REGISTRY : undefined),
    };
    expect(pickRegistry({ registry: 'sheet' }, from)).toBe(REGISTRY);
    expect(pickRegistry({ registry: DEFAULT_REGISTRIES[0].code }, from)).toBe(DEFAULT_REGISTRIES[0]);
    expect(pickRegistry({ registry: 'province', province: ' 56 ' }, from)).toBe(REGISTRY);
    expect(() => pickRegistry({ registry: 'province', province: '99' }, from)).toThrow('Không có tỉnh, thành phố “99”');
    expect(() => pickRegistry({ registry: 'sheet' }, { ...from, sheet: undefined })).toThrow('Chọn danh mục');
    expect(shareAddress(' locthodx@khanhhoa.gov.vn ')).toBe('locthodx@khanhhoa.gov.vn');
    for (const x of [null, '0258 3812 345', 'a@b', 'a@b.vn; c@d.vn', 'Nguyễn <a@b.vn>'])
      expect(shareAddress(x)).toBeNull();
  });

  test('the secretariat DX_CauHinh copied as text, hidden, a date as its day', () => {
    const spec = configCopy([
      ['=SUM(A1)', 2, null],
      [new Date(2026, 0, 5), '', true],
    ]);
    expect(spec.name).toBe('DX_CauHinh');
    expect(spec.hidden).toBe(true);
    expect(spec.rows).toEqual([
      [{ v: '=SUM(A1)' }, { v: 2 }, null],
      [{ v: '2026-01-05' }, null, { v: true }],
    ]);
  });
});

describe('the loop', () => {
  test('each unit on a fresh workbook, its contact, progress after each; skip and stop', async () => {
    const { units, label } = unitsOfPeriod(REGISTRY, '2026-11');
    const seen: Array<[number, number]> = [];
    const books: XlsxWorkbook[] = [];
    const closed: string[] = [];
    const run = await runAsync(
      templatesForUnitsOp<XlsxWorkbook>({
        jobs: unitJobs(units, label),
        period: '2026-11',
        matcher: new UnitMatcher([REGISTRY]),
        open: () => {
          books.push(new XlsxWorkbook());
          return books[books.length - 1];
        },
        close: (_b, job) => {
          closed.push(job.name);
        },
        skip: (job) => job.index === 1,
        progress: (d, t) => seen.push([d, t]),
      }),
    );
    expect(books).toHaveLength(2);
    expect(closed).toEqual(['Phường Lộc Thọ - tháng 11-2026.xlsx', 'Xã A-B- -mới- - tháng 11-2026.xlsx']);
    expect(run.skipped).toEqual(['Phường Vĩnh Hải']);
    expect(run.made[0]).toMatchObject({ unit: 'Phường Lộc Thọ', email: 'locthodx@khanhhoa.gov.vn', contact: true });
    expect(run.made[1]).toMatchObject({ email: null, contact: false });
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const [cover] = await books[0].read(['Thông tin chung']);
    expect(cover.values.flat()).toContain('Phường Lộc Thọ');

    let asked = 0;
    const stopped = await runAsync(
      templatesForUnitsOp<XlsxWorkbook>({
        jobs: unitJobs(units, label),
        period: '2026-11',
        matcher: new UnitMatcher([REGISTRY]),
        open: () => new XlsxWorkbook(),
        close: () => undefined,
        stop: () => ++asked > 1,
      }),
    );
    expect(stopped.made).toHaveLength(1);
    expect(stopped.left).toBe(2);
  }, 60000);
});

test('property: a stem is counted in UTF-8 bytes as TextEncoder counts them, and cut between characters', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (t) => {
      const stem = safeFileStem(t);
      expect(new TextEncoder().encode(stem).length).toBeLessThanOrEqual(180);
      // No lone surrogate: a cut between the two halves of a character would leave one.
      expect(stem).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }),
    { numRuns: 300 },
  );
});
