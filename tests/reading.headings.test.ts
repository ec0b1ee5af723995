/**
 * Issue 13, found in review: a section heading typed in ordinary case in the name column is a heading, not text
 * carried over a page break; and a unit's own table laid out like the secretariat's Phụ lục III is the unit's,
 * never "a summary the software makes, nothing to check".
 */
import { consolidate, Consolidation } from '../shared/consolidate/consolidate';
import { readUnitWorkbook } from '../shared/reading/unit-workbook';
import { SheetSnapshot } from '../shared/workbook/port';
import { XlsxWorkbook } from '../xlsx/workbook';
import { Edit, unitWorkbook } from './helpers/unit-fixture';

jest.setTimeout(60_000);

const REPORTED: Edit = { cover: 'reportDate', value: new Date(Date.UTC(2024, 0, 5)) };
type Line = { stt?: number | string; name?: string } | { nameOnly: string };

/** T5 rows, each a task of the investment fund unless it is a name alone. */
function tasks(lines: Line[]): Edit[] {
  return lines.flatMap((line, i): Edit[] => {
    const row = `#${i + 1}`;
    if ('nameOnly' in line) return [{ table: 'T5', row, field: 'name', value: line.nameOnly }];
    const cell = (field: string, value: string | number | undefined): Edit[] =>
      value === undefined ? [] : [{ table: 'T5', row, field, value }];
    return [
      ...cell('stt', line.stt),
      ...cell('name', line.name),
      ...cell('lead', 'Phòng Văn hóa và Thông tin'),
      ...cell('period', '2024'),
      ...cell('fundSource', 'NS thành phố'),
      ...cell('fundKind', 'Vốn đầu tư'),
      ...cell('total', 100),
      ...cell('yearBudget', 100),
      ...cell('assessment', 'Đang thực hiện theo tiến độ'),
    ];
  });
}

async function annexIV(lines: Line[]): Promise<Array<[unknown, unknown]>> {
  const { file } = await unitWorkbook([REPORTED, ...tasks(lines)], 'Phòng Quản lý đô thị', '2024-01');
  const sheets = await (await XlsxWorkbook.open(file)).read();
  const c: Consolidation = consolidate([{ source: { file: 'a.xlsx' }, sheets }], { period: '2024-01' });
  const v = c.sheets.find((s) => s.name === 'Phụ lục IV')!.rows.map((r) => r.map((x) => x?.v ?? null));
  const top = v.findIndex((r) => r[0] === 'STT');
  return v
    .slice(top + 1)
    .filter((r) => r[1] && !String(r[1]).endsWith(':'))
    .map((r) => [r[0], r[1]]);
}

test('a heading in ordinary case in the name column, a list from 1 under it: the section it names', async () => {
  const rows = await annexIV([{ nameOnly: 'Nhiệm vụ chuyển đổi số' }, { stt: 1, name: 'Số hóa hồ sơ' }]);
  expect(rows).toEqual([
    [null, 'Nhiệm vụ chuyển đổi số'],
    ['1', 'Số hóa hồ sơ'],
  ]);
});

test('a name carried over a page break (the next number follows, not a 1) stays part of the task above', async () => {
  const rows = await annexIV([
    { nameOnly: 'NHIỆM VỤ CHUYỂN ĐỔI SỐ' },
    { stt: 1, name: 'Nâng cấp cổng thông tin' },
    { nameOnly: 'Điện tử của phường' },
    { stt: 2, name: 'Số hóa hồ sơ' },
  ]);
  expect(rows.map((r) => r[1])).not.toContain('Điện tử của phường');
  expect(rows.filter((r) => r[0] === null)).toHaveLength(1);
});

/** A unit's sheet with its cover and a table in Phụ lục III's layout. */
function planSheets(unit: string, units: string[]): SheetSnapshot[] {
  return [
    {
      name: 'Kế hoạch',
      values: [
        ['Đơn vị báo cáo', unit],
        ['Kỳ báo cáo', 'tháng 4/2023'],
        [],
        ['STT', 'Tên cơ quan, địa phương', 'Kế hoạch chuyển đổi số năm 2023', 'Kế hoạch ứng phó sự cố năm 2023'],
        ...units.map((u, i) => [`${i + 1}.`, u, 'X', 'X']),
      ],
    },
  ];
}

test("a table in Phụ lục III's layout: many units' is the secretariat's (made), the unit's own row is not", () => {
  const made = readUnitWorkbook(planSheets('Sở Y tế', ['Sở Y tế', 'Sở Tài chính', 'Sở Xây dựng'])).seen ?? [];
  expect(made).toEqual([expect.objectContaining({ made: true })]);
  const own = readUnitWorkbook(planSheets('Sở Y tế', ['Sở Y tế'])).seen ?? [];
  expect(own).toHaveLength(1);
  expect(own[0].made).toBeUndefined();
});
