/**
 * Consolidation of consolidations (issue 12, item 3): a city's annex workbook is a source for its province.
 * The city is one row whose figures are its units' sums, its units stay traceable in Nguồn số liệu, and a unit
 * sent both directly and inside a city's annex is counted once. A property test: the province consolidated
 * from two cities' annexes and its departments equals the consolidation of all their units directly.
 */
import fc from 'fast-check';
import * as fs from 'fs';
import { consolidate, Consolidation } from '../shared/consolidate/consolidate';
import { readUnitWorkbook } from '../shared/reading/unit-workbook';
import { CAM_RANH } from '../shared/registry/data/cam-ranh';
import { KHANH_HOA } from '../shared/registry/data/khanh-hoa';
import { DEFAULT_REGISTRIES } from '../shared/registry/default';
import { UnitMatcher } from '../shared/registry/match';
import { Registry } from '../shared/registry/schema';
import { SheetSnapshot } from '../shared/workbook/port';
import { SheetSpec } from '../shared/workbook/sheet-spec';
import { XlsxWorkbook } from '../xlsx/workbook';
import { Edit, unitWorkbook } from './helpers/unit-fixture';
import { tmpFile } from './helpers/xlsx';

type Source = { source: { file: string }; sheets: SheetSnapshot[] };

const REPORTED: Edit = { cover: 'reportDate', value: new Date(Date.UTC(2023, 6, 10)) };
const ALL = new UnitMatcher([...DEFAULT_REGISTRIES, CAM_RANH]);
const NHA_TRANG = DEFAULT_REGISTRIES.find((r) => r.code === 'NT')!;
const NT_WARDS = ['Phường Lộc Thọ', 'Phường Vạn Thạnh', 'Phường Vĩnh Hòa', 'Xã Vĩnh Lương'];
const CR_WARDS = ['Phường Cam Linh', 'Phường Ba Ngòi', 'Xã Cam Bình'];
const DEPARTMENTS = ['Sở Y tế', 'Sở Tư pháp'];

/** Figures of one unit: e-ID accounts of adults (T1) and documents sent and received online (T2). */
interface Figures {
  eid: [number, number];
  online: [number, number];
  sent: number;
  received: number;
}

const pool = new Map<string, SheetSnapshot[]>();

beforeAll(async () => {
  for (const name of [...NT_WARDS, ...CR_WARDS, ...DEPARTMENTS]) {
    const { file } = await unitWorkbook([REPORTED], name, '2023-06', ALL);
    pool.set(name, await (await XlsxWorkbook.open(file)).read());
  }
}, 120000);

/** A unit's workbook with its figures typed into the template's cells (a copy: the pool stays as made). */
function filled(name: string, f: Figures): Source {
  const sheets = pool.get(name)!.map((s) => ({ ...s, values: s.values.map((r) => [...r]) }));
  const read = readUnitWorkbook(sheets);
  const put = (table: string, field: string, value: number, code?: string) => {
    const t = read.tables.find((x) => x.table === table)!;
    const items = t.rows.filter((r) => r.kind === 'item');
    const row = code ? items.find((r) => r.cells.code === code)! : items[0];
    const grid = sheets.find((s) => s.name === t.sheet)!.values;
    while (grid[row.row].length <= t.columns[field]) grid[row.row].push(null);
    grid[row.row][t.columns[field]] = value;
  };
  put('T1', 'numerator', f.eid[0], 'XHS.DDDT');
  put('T1', 'denominator', f.eid[1], 'XHS.DDDT');
  put('T1', 'numerator', f.online[0], 'CQS.TTTT');
  put('T1', 'denominator', f.online[1], 'CQS.TTTT');
  put('T2', 'sentOn', f.sent, undefined);
  put('T2', 'receivedOn', f.received, undefined);
  put('T2', 'sentOff', 0, undefined);
  put('T2', 'receivedOff', 0, undefined);
  return { source: { file: `${name}.xlsx` }, sheets };
}

/** The annex workbook as a host reads it back: values of the written sheets, hidden ones included. */
function asRead(sheets: SheetSpec[]): SheetSnapshot[] {
  return sheets.map((s) => ({
    name: s.name,
    hidden: s.hidden,
    values: s.rows.map((r) => r.map((c) => (c ? (c.v ?? c.d ?? null) : null))),
  }));
}

const city = (units: Source[], registry: Registry) => consolidate(units, { period: '2023-06', registry, matcher: ALL });

const totals = (c: Consolidation) =>
  Object.fromEntries(
    [...c.kpi.total].map(([code, s]) => [code, [s.numerator, s.denominator]]).sort((a, b) => (a < b ? -1 : 1)),
  );

/** Phụ lục VII's "Tổng cộng:" line of T2 (documents). */
const documents = (c: Consolidation) => {
  const vii = c.sheets.find((s) => s.name === 'Phụ lục VII')!;
  const start = vii.rows.findIndex((r) => String(r[0]?.v ?? '').includes('văn bản'));
  return vii.rows
    .slice(start)
    .find((r) => r[1]?.v === 'Tổng cộng:')!
    .slice(2, 6)
    .map((x) => x?.v);
};

const figures = fc.record({
  eid: fc.tuple(fc.integer({ min: 0, max: 50000 }), fc.integer({ min: 0, max: 50000 })).map(([a, b]) => {
    const pair: [number, number] = [Math.min(a, b), Math.max(a, b) + 1];
    return pair;
  }),
  online: fc.tuple(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 900 })).map(([a, b]) => {
    const pair: [number, number] = [Math.min(a, b), Math.max(a, b) + 1];
    return pair;
  }),
  sent: fc.integer({ min: 0, max: 9000 }),
  received: fc.integer({ min: 0, max: 9000 }),
});

describe("a province from its cities' annexes and its departments", () => {
  test('the city is one row of Phụ lục I with its totals, traceable to its units; through a real .xlsx', async () => {
    const f: Figures = { eid: [118103, 142378], online: [5909, 10123], sent: 8108, received: 19018 };
    const nt = city(
      NT_WARDS.slice(0, 2).map((n) => filled(n, f)),
      NHA_TRANG,
    );
    const book = new XlsxWorkbook();
    await book.write(nt.sheets);
    const file = tmpFile('phu-luc-nha-trang.xlsx');
    fs.writeFileSync(file, await book.toBuffer());
    const annex = { source: { file: 'phu-luc-nha-trang.xlsx' }, sheets: await (await XlsxWorkbook.open(file)).read() };
    const dept = filled('Sở Y tế', { eid: [10, 20], online: [1, 2], sent: 3, received: 4 });
    const p = consolidate([annex, dept], { period: '2023-06', registry: KHANH_HOA });
    expect(p.summary.included.map((u) => u.unit).sort()).toEqual(['Sở Y tế', 'UBND thành phố Nha Trang']);
    const i = p.sheets.find((s) => s.name === 'Phụ lục I')!;
    const row = i.rows.find((r) => r.some((x) => x?.v === 'UBND thành phố Nha Trang'))!;
    expect(row.map((x) => x?.v)).toEqual(expect.arrayContaining([236206, 284756]));
    expect(p.summary.indicators.find((x) => x.code === 'XHS.DDDT')).toMatchObject({
      numerator: 236206 + 10,
      denominator: 284756 + 20,
    });
    const sources = p.sheets.find((s) => s.name === 'Nguồn số liệu')!.rows.map((r) => r.map((x) => x?.v));
    const carried = sources.filter((r) => String(r[1]).startsWith('↳ '));
    expect(carried).toHaveLength(2);
    expect(carried).toEqual(
      expect.arrayContaining([
        expect.arrayContaining(['↳ Phường Lộc Thọ', 'tháng 6/2023', 'Trong phụ lục của UBND thành phố Nha Trang']),
        expect.arrayContaining(['↳ Phường Vạn Thạnh', 'Trong phụ lục của UBND thành phố Nha Trang']),
      ]),
    );
    // The province's own tidy rows keep the wards, each traced through the city's annex.
    expect(p.tidy.filter((r) => r.figure === 'XHS.DDDT/tu-so').map((r) => [r.unit_name, r.value])).toEqual(
      expect.arrayContaining([
        ['Phường Lộc Thọ', 118103],
        ['Phường Vạn Thạnh', 118103],
        ['Sở Y tế', 10],
      ]),
    );
  }, 60000);

  test('an indicator the province marks "Không áp dụng" for its cities leaves the carried city out of it', () => {
    const f: Figures = { eid: [118103, 142378], online: [5909, 10123], sent: 8108, received: 19018 };
    const nt = city(
      NT_WARDS.slice(0, 2).map((n) => filled(n, f)),
      NHA_TRANG,
    );
    const annex = { source: { file: 'phu-luc-nha-trang.xlsx' }, sheets: asRead(nt.sheets) };
    const dept = filled('Sở Y tế', { eid: [10, 20], online: [1, 2], sent: 3, received: 4 });
    const registry: Registry = { ...KHANH_HOA, notApplicable: { 'ubnd-huyen': ['XHS.DDDT'] } };
    const p = consolidate([annex, dept], { period: '2023-06', registry });
    expect(p.kpi.total.get('XHS.DDDT')).toEqual({ numerator: 10, denominator: 20, units: 1 });
    // Its other indicators are carried as before: the two wards' and the department's.
    expect(p.kpi.total.get('CQS.TTTT')).toEqual({ numerator: 2 * 5909 + 1, denominator: 2 * 10123 + 2, units: 2 });
    expect(p.tidy.filter((t) => t.figure.startsWith('XHS.DDDT/') && t.source_file.includes('nha-trang'))).toEqual([]);
    expect(p.tidy.some((t) => t.figure.startsWith('CQS.TTTT/') && t.source_file.includes('nha-trang'))).toBe(true);
    const i = p.sheets.find((s) => s.name === 'Phụ lục I')!;
    const row = i.rows.find((r) => r.some((x) => x?.v === 'UBND thành phố Nha Trang'))!;
    expect(row.map((x) => x?.v)).toContain('Không áp dụng');
  });

  test('a unit sent directly and inside the city annex is counted once, and said', () => {
    const f: Figures = { eid: [100, 200], online: [10, 20], sent: 5, received: 7 };
    const nt = city(
      NT_WARDS.slice(0, 3).map((n) => filled(n, f)),
      NHA_TRANG,
    );
    const direct = filled('Phường Vĩnh Hòa', { eid: [1000, 2000], online: [1, 2], sent: 1, received: 1 });
    // The province lists the ward too (it reports to the province directly as well).
    const ward = NHA_TRANG.units.find((u) => u.name === 'Phường Vĩnh Hòa')!;
    const registry: Registry = { ...KHANH_HOA, units: [...KHANH_HOA.units, { ...ward, parent: 'KH' }] };
    const p = consolidate([{ source: { file: 'nt.xlsx' }, sheets: asRead(nt.sheets) }, direct], {
      period: '2023-06',
      registry,
    });
    expect(p.summary.indicators.find((x) => x.code === 'XHS.DDDT')).toMatchObject({
      numerator: 2 * 100 + 1000,
      denominator: 2 * 200 + 2000,
    });
    expect(p.summary.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Phường Vĩnh Hòa có trong phụ lục của UBND thành phố Nha Trang'),
      ]),
    );
  }, 60000);

  test('property: two cities carried plus departments = all their units directly', () => {
    fc.assert(
      fc.property(
        fc.subarray(NT_WARDS, { minLength: 1 }),
        fc.subarray(CR_WARDS, { minLength: 1 }),
        fc.subarray(DEPARTMENTS),
        fc.array(figures, { minLength: 9, maxLength: 9 }),
        (nt, cr, depts, values) => {
          const names = [...NT_WARDS, ...CR_WARDS, ...DEPARTMENTS];
          const unit = (n: string) => filled(n, values[names.indexOf(n)]);
          const annexNt = city(nt.map(unit), NHA_TRANG);
          const annexCr = city(cr.map(unit), CAM_RANH);
          const carried = [
            { source: { file: 'nt.xlsx' }, sheets: asRead(annexNt.sheets) },
            { source: { file: 'cr.xlsx' }, sheets: asRead(annexCr.sheets) },
            ...depts.map(unit),
          ];
          const province = consolidate(carried, { period: '2023-06', registry: KHANH_HOA });
          const direct = consolidate([...nt, ...cr, ...depts].map(unit), { period: '2023-06', matcher: ALL });
          expect(province.summary.included).toHaveLength(2 + depts.length);
          expect(totals(province)).toEqual(totals(direct));
          expect(documents(province)).toEqual(documents(direct));
        },
      ),
      { numRuns: 12 },
    );
  }, 240000);
});
