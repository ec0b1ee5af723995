/**
 * A period that spans the merger of 1 July 2025 (issue 12, items 4 and 5), on real codes: Phường Nha Trang
 * (56, 22366) was formed from Phường Vạn Thạnh, Lộc Thọ, Vĩnh Nguyên, Tân Tiến and Phước Hòa. Consolidated with
 * today's province registry, the former wards' June reports count for Phường Nha Trang, said; a unit owes no
 * report for months before it existed, so no reporting rate exceeds 100%.
 */
import { consolidate } from '../shared/consolidate/consolidate';
import { Submission } from '../shared/consolidate/collect';
import { figureOf } from '../shared/consolidate/kpi';
import { provinceRegistry } from '../shared/registry/dvhc';
import { UnitMatcher } from '../shared/registry/match';
import { Registry } from '../shared/registry/schema';
import { SheetSnapshot } from '../shared/workbook/port';
import { XlsxWorkbook } from '../xlsx/workbook';
import { Edit, unitWorkbook } from './helpers/unit-fixture';

type Source = { source: { file: string }; sheets: SheetSnapshot[] };

const KHANH_HOA_2025 = provinceRegistry('56')!;
const TODAY = new UnitMatcher([KHANH_HOA_2025]);

async function report(unit: string, month: number, received: number, eid: number, today = false): Promise<Source> {
  const edits: Edit[] = [
    { cover: 'reportDate', value: new Date(Date.UTC(2025, month, 5)) },
    { table: 'T3b', row: '#1', field: 'received', value: received },
    { table: 'T3b', row: '#1', field: 'onTime', value: received },
    { table: 'T3b', row: '#1', field: 'late', value: 0 },
    { table: 'T3b', row: '#1', field: 'inProcess', value: 0 },
    { table: 'T1', row: 'XHS.DDDT', field: 'numerator', value: eid },
    { table: 'T1', row: 'XHS.DDDT', field: 'denominator', value: 142378 },
  ];
  const period = `2025-${String(month).padStart(2, '0')}`;
  const { file } = await unitWorkbook(edits, unit, period, today ? TODAY : undefined);
  return { source: { file: `${unit} ${period}.xlsx` }, sheets: await (await XlsxWorkbook.open(file)).read() };
}

const received = (s: Submission) =>
  figureOf(s.read.tables.find((t) => t.table === 'T3b')!.rows.find((r) => r.kind === 'item')!.cells.received);

describe('a range across the merger of 1 July 2025', () => {
  test("June's former wards count for Phường Nha Trang; its own reports follow; months before it are not owed", async () => {
    const sources = [
      await report('Phường Vạn Thạnh', 6, 100, 40000),
      await report('Phường Lộc Thọ', 6, 50, 30000),
      await report('Phường Nha Trang', 7, 200, 80000, true),
      await report('Phường Nha Trang', 8, 210, 81000, true),
      await report('Phường Nha Trang', 9, 220, 82000, true),
    ];
    const c = consolidate(sources, { period: '2025-9M', registry: KHANH_HOA_2025 });
    expect(c.summary.included.map((u) => [u.unit, u.code])).toEqual([['Phường Nha Trang', '22366']]);
    expect(received(c.collected.included[0])).toBe(100 + 50 + 200 + 210 + 220);
    expect(c.summary.indicators.find((i) => i.code === 'XHS.DDDT')!.numerator).toBe(82000);
    expect(c.summary.warnings).toEqual(
      expect.arrayContaining([
        'Phường Nha Trang: số liệu tháng 6/2025 cộng từ báo cáo của đơn vị cũ Phường Vạn Thạnh, Phường Lộc Thọ ' +
          '(đã sáp nhập vào Phường Nha Trang).',
      ]),
    );
    // Phụ lục II: before July the unit did not exist — "—", or its former units' report; never counted as owed.
    const ii = c.sheets.find((s) => s.name === 'Phụ lục II')!;
    const row = ii.rows
      .find((r) => r[1]?.v === 'Phường Nha Trang')!
      .slice(2)
      .map((x) => x?.v);
    // (No completion stamp in these reports: "chưa hoàn thành".)
    const X = 'X (chưa hoàn thành)';
    expect(row).toEqual(['—', '—', '—', '—', '—', `${X} (đơn vị cũ)`, X, X, X]);
    const group = ii.rows.find((r) => String(r[1]?.v).startsWith('UBND các xã, phường'))!.slice(2);
    expect(group.map((x) => x?.v)).toEqual(['0/0', '0/0', '0/0', '0/0', '0/0', '0/0', '1/65', '1/65', '1/65']);
    for (const v of group) {
      const [n, d] = String(v?.v).split('/').map(Number);
      expect(n).toBeLessThanOrEqual(d);
    }
    // The 64 other units existed all quarter long and sent nothing: they are missing; none is missing for June.
    expect(c.summary.missing).toHaveLength(64);
  }, 120000);

  test('a former unit of which only part went into a new one is left out, said: its figures cannot be divided', async () => {
    const registry: Registry = {
      code: 'X',
      name: 'Tỉnh thử',
      units: [
        {
          code: '90001',
          name: 'Phường Mới',
          group: 'ubnd-xa-phuong',
          parent: 'X',
          aliases: [],
          validFrom: '2025-07-01',
          formedFrom: ['Phường Vạn Thạnh (một phần)', 'Phường Lộc Thọ'],
        },
      ],
    };
    const c = consolidate(
      [await report('Phường Vạn Thạnh', 6, 100, 40000), await report('Phường Lộc Thọ', 6, 50, 30000)],
      { period: '2025-06', registry },
    );
    expect(received(c.collected.included[0])).toBe(50);
    expect(c.summary.excluded).toEqual([
      expect.objectContaining({ reason: expect.stringContaining('chỉ một phần nhập vào Phường Mới') }),
    ]);
  }, 60000);
});
