import { OfficeWorkbook } from '../addin/office-workbook';
import { officeConsolidation } from '../addin/taskpane/consolidate-bridge';
import { XlsxWorkbook } from '../xlsx/workbook';
import { FakeExcel } from './helpers/fake-excel';
import { CONSISTENT, unitWorkbook } from './helpers/unit-fixture';

async function sources() {
  const out = [];
  for (const [unit, n, d] of [
    ['Phường Lộc Thọ', 40000, 120000],
    ['Phường Vạn Thạnh', 33223, 101736],
  ] as const) {
    const { file } = await unitWorkbook(
      [
        ...CONSISTENT,
        { table: 'T1', row: 'XHS.DDDT', field: 'numerator', value: n },
        { table: 'T1', row: 'XHS.DDDT', field: 'denominator', value: d },
      ],
      unit,
    );
    out.push({ source: { file: `${unit}.xlsx` }, sheets: await (await XlsxWorkbook.open(file)).read() });
  }
  return out;
}

describe('Tổng hợp in Excel (Office.js stand-in)', () => {
  test('the annexes and a native bar chart go into the open workbook; its own sheets stay as they are', async () => {
    const excel = new FakeExcel();
    excel.fill('Ghi chép của văn phòng', [['Ghi chú', 'giữ nguyên']]);
    const bridge = officeConsolidation(new OfficeWorkbook(excel.run));
    const s = await bridge.write(await sources(), { includeErrors: false }, () => false);
    expect(s.included.map((u) => u.unit)).toEqual(['Phường Lộc Thọ', 'Phường Vạn Thạnh']);
    expect(excel.sheets.map((x) => x.name)).toEqual(
      expect.arrayContaining([
        'Ghi chép của văn phòng',
        'Phụ lục I',
        'Phụ lục VI',
        'Nguồn số liệu',
        'Biểu đồ',
        'DX_SoHuu',
      ]),
    );
    expect(excel.sheet('Ghi chép của văn phòng')!.cells.get('B1')!.value).toBe('giữ nguyên');
    expect(excel.sheet('DX_SoHuu')!.visibility).toBe('Hidden');
    const chart = excel.sheet('Biểu đồ')!.charts[0];
    expect(chart).toMatchObject({ type: 'BarClustered', range: 'A2:B5', position: 'D2', legend: false });
    expect(chart.title).toBe('CQS.TTTT. Hồ sơ thanh toán trực tuyến'); // the indicator most units reported (ties: by code)
    // Names 1 + write 2 + chart 1; running again also reads DX_SoHuu (2) and replaces only the product's sheets.
    const first = excel.syncs;
    expect(first).toBe(4);
    await bridge.write(await sources(), { includeErrors: false }, () => false);
    expect(excel.syncs - first).toBe(6);
    expect(excel.sheets.filter((x) => x.name === 'Phụ lục I')).toHaveLength(1);
  }, 60000);

  test('a sheet of the user named like an annex is never overwritten; a cancelled run writes nothing', async () => {
    const excel = new FakeExcel();
    excel.fill('Phụ lục I', [['Bản tự làm của văn phòng']]);
    const bridge = officeConsolidation(new OfficeWorkbook(excel.run));
    await expect(bridge.write(await sources(), { includeErrors: false }, () => false)).rejects.toThrow(/không ghi đè/);
    expect(excel.sheet('Phụ lục I')!.cells.get('A1')!.value).toBe('Bản tự làm của văn phòng');
    const clean = new FakeExcel();
    await expect(
      officeConsolidation(new OfficeWorkbook(clean.run)).write(await sources(), { includeErrors: false }, () => true),
    ).rejects.toThrow(/Đã hủy/);
    expect(clean.sheets).toEqual([]);
  }, 60000);
});

test('Excel: a unit tab of the open workbook is a source too', async () => {
  const excel = new FakeExcel();
  const [first] = await sources();
  // The unit's cover and indicator table pasted into one tab of the secretariat's workbook.
  const cover = first.sheets.find((s) => s.name === 'Thông tin chung')!.values;
  const t1 = first.sheets.find((s) => s.name === 'T1 Chỉ tiêu')!.values;
  excel.fill('Lộc Thọ', [...cover, [], ...t1]);
  const bridge = officeConsolidation(new OfficeWorkbook(excel.run));
  expect(await bridge.listSources!()).toEqual([{ id: 'tab:Lộc Thọ', label: 'Lộc Thọ' }]);
  const tab = await bridge.readSource!('tab:Lộc Thọ');
  const s = await bridge.write([tab], { includeErrors: true }, () => false);
  expect(s.included).toEqual([expect.objectContaining({ unit: 'Phường Lộc Thọ', source: 'Lộc Thọ' })]);
  expect(s.indicators.find((i) => i.code === 'XHS.DDDT')).toMatchObject({ numerator: 40000, denominator: 120000 });
}, 60000);

test("Excel: the open workbook's DX_CauHinh is the master every unit is validated by", async () => {
  const units = await sources();
  const config = units[0].sheets.find((s) => s.name === 'DX_CauHinh')!.values.map((r) => [...r]);
  // The secretariat raised CQS.09's city target in its own copy: the units' copies now differ from it.
  const row = config.findIndex((r) => r[0] === 'CQS.09');
  const header = config.findIndex((r) => r.includes('Chỉ tiêu thành phố'));
  config[row][config[header].indexOf('Chỉ tiêu thành phố')] = '40%';
  const excel = new FakeExcel();
  excel.fill('DX_CauHinh', config);
  const s = await officeConsolidation(new OfficeWorkbook(excel.run)).write(
    units,
    { includeErrors: false },
    () => false,
  );
  expect(s.configuration).toBe('master');
  expect(s.included).toEqual([]);
  expect(s.excluded.map((e) => e.unit)).toEqual(['Phường Lộc Thọ', 'Phường Vạn Thạnh']);
  const plain = await officeConsolidation(new OfficeWorkbook(new FakeExcel().run)).write(
    units,
    { includeErrors: false },
    () => false,
  );
  expect([plain.configuration, plain.included.length]).toEqual(['built-in', 2]);
});

test('Excel: a "Danh mục đơn vị" sheet of the open workbook is the registry; a bad row is refused with its cell', async () => {
  const units = await sources();
  const excel = new FakeExcel();
  excel.fill('Danh mục đơn vị', [
    ['Mã đơn vị', 'Tên đơn vị', 'Nhóm'],
    ['P1', 'Phường Lộc Thọ', 'UBND các xã, phường'],
    ['P2', 'Phường Vĩnh Hòa', 'UBND các xã, phường'],
  ]);
  const s = await officeConsolidation(new OfficeWorkbook(excel.run)).write(
    units,
    { includeErrors: false },
    () => false,
  );
  expect(s.registry).toMatchObject({ units: 2, given: true });
  expect(s.included.map((u) => u.unit)).toEqual(['Phường Lộc Thọ']);
  expect(s.excluded.map((e) => e.unit)).toEqual(['Phường Vạn Thạnh']);
  expect(s.missing).toEqual(['Phường Vĩnh Hòa']);
  const bad = new FakeExcel();
  bad.fill('Danh mục đơn vị', [
    ['Mã đơn vị', 'Tên đơn vị', 'Nhóm'],
    ['P1', 'Phường Lộc Thọ', 'Nhóm lạ'],
  ]);
  await expect(
    officeConsolidation(new OfficeWorkbook(bad.run)).write(units, { includeErrors: false }, () => false),
  ).rejects.toThrow(/Danh mục đơn vị!C2/);
});
