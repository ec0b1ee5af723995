/**
 * Registry integrity (issue 11, item 8): a registry repeating a code or a name is refused with the cells;
 * a registry the secretariat gives replaces the built-in ones (units outside it are reported, not
 * consolidated); the consolidation says which registry it used.
 */
import { consolidate } from '../shared/consolidate/consolidate';
import { DEFAULT_REGISTRIES } from '../shared/registry/default';
import { registryFromSheet } from '../shared/registry/from-sheet';
import { UnitMatcher } from '../shared/registry/match';
import { Registry } from '../shared/registry/schema';
import { SheetSnapshot } from '../shared/workbook/port';
import { XlsxWorkbook } from '../xlsx/workbook';
import { Edit, unitWorkbook } from './helpers/unit-fixture';

const grid = (lines: string[]) => lines.map((l) => l.split('\t').map((c) => (c === '' ? null : c)));
const HEADER = 'Mã đơn vị\tTên đơn vị\tNhóm\tTên khác';

const reported = (n: number, d: number): Edit[] => [
  { cover: 'reportDate', value: new Date(Date.UTC(2023, 6, 10)) },
  { table: 'T1', row: 'XHS.DDDT', field: 'numerator', value: n },
  { table: 'T1', row: 'XHS.DDDT', field: 'denominator', value: d },
];

async function unitAs(name: string, n: number, d: number): Promise<SheetSnapshot[]> {
  const { file } = await unitWorkbook(reported(n, d), 'Phường Lộc Thọ');
  const book = await XlsxWorkbook.open(file);
  book.book.getWorksheet('Thông tin chung')!.getCell('B4').value = name;
  await book.save(file);
  return (await XlsxWorkbook.open(file)).read();
}

test('the built-in registries are what their schema makes of them (checked here: not parsed at load)', () => {
  expect(DEFAULT_REGISTRIES).toHaveLength(3);
  for (const r of DEFAULT_REGISTRIES) expect(Registry.parse(r)).toEqual(r);
  expect(() => Registry.parse({ ...DEFAULT_REGISTRIES[0], units: 'none' })).toThrow();
});

describe('a registry read from a sheet refuses repeated codes and names, each with its cell', () => {
  test('a repeated code, a name written again in another case or in NFD, an other name that is a name', () => {
    const r = registryFromSheet(
      grid([
        HEADER,
        'CL-X01\tXã Cam Hải Tây\tUBND các xã, phường\tCam Hải Tây',
        'CL-X02\tXã Cam Đức\tUBND các xã, phường\t',
        'CL-X01\tXã Suối Cát\tUBND các xã, phường\t',
        'CL-X04\txã cam đức\tUBND các xã, phường\t'.normalize('NFD'),
        'CL-X05\tXã Cam Hải Đông\tUBND các xã, phường\tXã Cam Đức',
        'CL-X06\tXã Cam Thành Bắc\tUBND các xã, phường\t',
      ]),
      'CL',
      'Cam Lâm',
    );
    expect(r.errors).toEqual([
      { cell: 'A4', message: 'Mã đơn vị “CL-X01” trùng. (như dòng 2)' },
      {
        cell: 'B5',
        message: expect.stringMatching(/^Tên “xã cam đức” trùng với tên của đơn vị khác\. \(như dòng 3\)$/),
      },
      { cell: 'D6', message: 'Tên “Xã Cam Đức” trùng với tên của đơn vị khác. (như dòng 3)' },
    ]);
    // What is kept is only what is certain; callers refuse a registry with errors.
    expect(r.registry!.units.map((u) => u.code)).toEqual(['CL-X01', 'CL-X02', 'CL-X06']);
  });

  test('a registry in JSON (the Registry shape) with a repeated code or name is refused, by its path', () => {
    const units = [
      { code: 'A1', name: 'Phường Một', group: 'ubnd-xa-phuong' },
      { code: 'A2', name: 'Phường Hai', group: 'ubnd-xa-phuong' },
      { code: 'A1', name: 'Phường Ba', group: 'ubnd-xa-phuong' },
      { code: 'A4', name: 'PHƯỜNG HAI', group: 'ubnd-xa-phuong' },
    ];
    const r = Registry.safeParse({ code: 'X', name: 'Thị xã X', units });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['units.2.code', 'Mã đơn vị “A1” trùng. (như units.0)'],
      ['units.3.name', 'Tên “PHƯỜNG HAI” trùng với tên của đơn vị khác. (như units.1)'],
    ]);
    expect(Registry.safeParse({ code: 'X', name: 'Thị xã X', units: units.slice(0, 2) }).success).toBe(true);
    // The built-in registries pass the same checks.
    for (const reg of DEFAULT_REGISTRIES) expect(Registry.safeParse(reg).success).toBe(true);
  });
});

describe("the secretariat's registry replaces the built-in ones", () => {
  const camLam = registryFromSheet(
    grid([
      HEADER,
      'CL-X01\tXã Cam Hải Tây\tUBND các xã, phường\t',
      'CL-X02\tXã Cam Đức\tUBND các xã, phường\t',
      'CL-X03\tXã Suối Cát\tUBND các xã, phường\t',
    ]),
    'CL',
    'Huyện Cam Lâm',
  ).registry!;

  test('a unit outside it is reported as unknown and not consolidated, even when a matcher holds the built-ins', async () => {
    const sources = [
      { source: { file: 'cam-hai-tay.xlsx' }, sheets: await unitAs('UBND xã Cam Hải Tây', 10, 20) },
      { source: { file: 'loc-tho.xlsx' }, sheets: await unitAs('Phường Lộc Thọ', 30, 40) },
    ];
    // What a caller matching "against the given registry as well as the built-in ones" hands over.
    const matcher = new UnitMatcher([camLam, ...DEFAULT_REGISTRIES]);
    const c = consolidate(sources, { period: '2023-06', registry: camLam, matcher });
    expect(c.summary.included.map((u) => u.unit)).toEqual(['Xã Cam Hải Tây']);
    expect(c.summary.excluded).toEqual([
      expect.objectContaining({ unit: 'Phường Lộc Thọ', reason: expect.stringContaining('không có trong danh mục') }),
    ]);
    expect(c.summary.indicators.find((i) => i.code === 'XHS.DDDT')).toMatchObject({ numerator: 10, denominator: 20 });
    expect(c.summary.missing).toEqual(['Xã Cam Đức', 'Xã Suối Cát']);
    expect(c.summary.registry).toEqual({ name: 'Huyện Cam Lâm', code: 'CL', units: 3, given: true });
  });

  test('the summary names the built-in registry used when none is given', async () => {
    const c = consolidate([{ source: { file: 'a.xlsx' }, sheets: await unitAs('Phường Lộc Thọ', 1, 2) }], {
      period: '2023-06',
    });
    expect(c.summary.registry).toEqual({ name: 'Thành phố Nha Trang', code: 'NT', units: 48, given: false });
  });

  test("two units sharing a code: neither is dropped as the other's older submission", async () => {
    // A registry handed over as data, without the checks a file goes through.
    const shared: Registry = {
      code: 'TX',
      name: 'Thị xã thử',
      units: [
        { code: 'P1', name: 'Phường Đông', group: 'ubnd-xa-phuong', parent: 'TX', aliases: [] },
        { code: 'P1', name: 'Phường Tây', group: 'ubnd-xa-phuong', parent: 'TX', aliases: [] },
      ],
    };
    const sources = [
      { source: { file: 'dong.xlsx' }, sheets: await unitAs('Phường Đông', 10, 20) },
      { source: { file: 'tay.xlsx' }, sheets: await unitAs('Phường Tây', 5, 20) },
    ];
    const c = consolidate(sources, { period: '2023-06', registry: shared, matcher: new UnitMatcher([shared]) });
    expect(c.summary.included.map((u) => u.unit).sort()).toEqual(['Phường Tây', 'Phường Đông']);
    expect(c.summary.warnings.filter((w) => w.includes('nộp hai lần'))).toEqual([]);
    expect(c.summary.indicators.find((i) => i.code === 'XHS.DDDT')).toMatchObject({ numerator: 15, denominator: 40 });
  });
});
