/**
 * States from each unit's latest report (issue 13, items 2 and 3): Phụ lục III (plans issued, seed 001 Annex III)
 * and the information systems annex (seed 001 Annex I, "25/30 hệ thống thông tin đã được phê duyệt hồ sơ đề xuất
 * cấp độ"). A unit that skipped April keeps its March marks and systems, said; an "X" without its document number
 * warns at its cell and the unit stays; a retyped plan name still marks.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEADLINE_DAY, generateSampleCity } from '../samples/generate';
import { consolidate, Consolidation } from '../shared/consolidate/consolidate';
import { SYSTEMS_SHEET, systemRows, systemsCountLine } from '../shared/consolidate/systems-annex';
import { validateSheets } from '../shared/validation/validate';
import { SheetSnapshot } from '../shared/workbook/port';
import { CellValue } from '../shared/workbook/sheet-spec';
import { XlsxWorkbook } from '../xlsx/workbook';
import { Edit, unitWorkbook } from './helpers/unit-fixture';
import { tmpFile } from './helpers/xlsx';

type Source = { source: { file: string }; sheets: SheetSnapshot[] };

const DX = 'Kế hoạch chuyển đổi số năm';
const IR = 'Kế hoạch ứng phó sự cố';

async function report(unit: string, month: number, edits: Edit[]): Promise<Source> {
  const reported: Edit = { cover: 'reportDate', value: new Date(Date.UTC(2023, month, 5)) };
  const period = `2023-${String(month).padStart(2, '0')}`;
  const { file } = await unitWorkbook([reported, ...edits], unit, period);
  return { source: { file: `${unit} ${period}.xlsx` }, sheets: await (await XlsxWorkbook.open(file)).read() };
}

const plan = (row: string, document?: string): Edit[] => [
  { table: 'T6a', row, field: 'issued', value: 'X' },
  ...(document ? [{ table: 'T6a', row, field: 'document', value: document }] : []),
];

/** T6b rows: [system, level, deadline, approval]. */
const systems = (rows: Array<[string, string, string, string]>): Edit[] =>
  rows.flatMap(([system, level, deadline, approval], i) => {
    const row = `#${i + 1}`;
    return [
      { table: 'T6b', row, field: 'system', value: system },
      { table: 'T6b', row, field: 'level', value: level },
      { table: 'T6b', row, field: 'deadline', value: deadline },
      { table: 'T6b', row, field: 'approval', value: approval },
    ];
  });

const values = (c: Consolidation, name: string) =>
  c.sheets.find((s) => s.name === name)!.rows.map((r) => r.map((x) => x?.v ?? null));

describe('Phụ lục III and the systems annex read each unit’s latest report of the year', () => {
  let c: Consolidation;
  beforeAll(async () => {
    const sources = [
      // Phòng Nội vụ reported for March and skipped April.
      await report('Phòng Nội vụ', 3, [
        ...plan(DX, 'Kế hoạch số 3013/KH-UBND ngày 24/02/2023'),
        ...plan(IR, 'Kế hoạch số 512/KH-UBND ngày 10/3/2023'),
        ...systems([
          ['Hệ thống thông tin Phòng Nội vụ', '1', 'Quý II/2021', 'Hồ sơ đang được thẩm định'],
          ['Hệ thống quản lý hồ sơ cán bộ', '2', 'Quý II/2021', 'Đã phê duyệt'],
        ]),
      ]),
      // Phòng Tư pháp marks its plan "X" and writes no document number.
      await report('Phòng Tư pháp', 4, [
        ...plan(DX),
        ...systems([
          ['Hệ thống thông tin Phòng Tư pháp', '2', 'Quý II/2021', 'Chưa xây dựng'],
          ['Cơ sở dữ liệu hộ tịch', '2', 'Quý II/2021', 'Đã phê duyệt'],
        ]),
      ]),
      // Phòng Y tế retypes the plan's name with its year.
      await report('Phòng Y tế', 4, [
        { table: 'T6a', row: DX, field: 'plan', value: 'Kế hoạch Chuyển đổi số năm 2023' },
        ...plan(DX, 'Kế hoạch số 77/KH-PYT ngày 02/3/2023'),
        ...systems([['Hệ thống thông tin Phòng Y tế', '1', 'Quý II/2021', 'Hồ sơ trình thẩm định chưa đạt yêu cầu']]),
      ]),
    ];
    c = consolidate(sources, { period: '2023-04' });
  }, 120000);

  const row = (name: string) => values(c, 'Phụ lục III').find((r) => r[1] === name)!;

  test('a unit that skipped April keeps its Phụ lục III marks, said to come from March', () => {
    expect(row('Phòng Nội vụ').slice(2)).toEqual(['X', 'X', 'Theo báo cáo tháng 3/2023']);
  });

  test('"X" without a document number is a warning at its cell, never a reason to leave the unit out', () => {
    expect(c.collected.excluded).toEqual([]);
    expect(row('Phòng Tư pháp').slice(2)).toEqual(['X', '', null]);
    const sub = c.collected.included.find((s) => s.unit.name === 'Phòng Tư pháp')!;
    const said = sub.issues.filter((i) => i.message.startsWith('Kế hoạch đã ban hành thì ghi số'));
    expect(said).toEqual([expect.objectContaining({ sheet: 'T6 Tuân thủ', severity: 'canh-bao', importance: 'thap' })]);
    expect(said[0].cell).toMatch(/^C\d+$/);
  });

  test('a plan name retyped with its year still marks; counts per group', () => {
    expect(row('Phòng Y tế').slice(2)).toEqual(['X', '', null]);
    const group = values(c, 'Phụ lục III').find((r) => r[0] === 'I')!;
    expect(group.slice(2, 4)).toEqual(['3/12', '1/12']);
  });

  test('the systems annex: unapproved systems with level, deadline and state; the count line', () => {
    const sheet = values(c, SYSTEMS_SHEET);
    expect(sheet[0][0]).toBe('Phụ lục VIII');
    const top = sheet.findIndex((r) => r[0] === 'TT');
    expect(sheet[top]).toEqual([
      'TT',
      'Tên hệ thống thông tin',
      'Đơn vị vận hành',
      'Cấp độ đề xuất',
      'Thời gian phê duyệt HSĐXCĐ',
      'Ghi chú',
      'Nguồn',
    ]);
    expect(sheet.slice(top + 1, top + 4)).toEqual([
      [
        '1.',
        'Hệ thống thông tin Phòng Nội vụ',
        'Phòng Nội vụ',
        '1',
        'Quý II/2021',
        'Trễ hạn (hồ sơ đang được thẩm định)',
        'Theo báo cáo tháng 3/2023',
      ],
      ['2.', 'Hệ thống thông tin Phòng Tư pháp', 'Phòng Tư pháp', '2', 'Quý II/2021', 'Trễ hạn (chưa xây dựng)', null],
      [
        '3.',
        'Hệ thống thông tin Phòng Y tế',
        'Phòng Y tế',
        '1',
        'Quý II/2021',
        'Trễ hạn (hồ sơ trình thẩm định chưa đạt yêu cầu)',
        null,
      ],
    ]);
    expect(sheet.flat()).toContainEqual(
      'Toàn bộ: 2/5 hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ; còn 3/5 hệ thống chưa được phê ' +
        'duyệt (liệt kê ở trên).',
    );
  });
});

describe('the count line of seed 001: 25/30', () => {
  test('25 of 30 systems approved', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({
      system: `Hệ thống ${i + 1}`,
      approved: i >= 5,
    }));
    expect(
      systemsCountLine(
        rows.map((r) => ({ ...r, unit: '', operator: '', level: '', deadline: '', state: '', from: null })),
      ),
    ).toBe('25/30 hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ');
    expect(systemRows([], null)).toEqual([]);
  });
});

/**
 * The demo's sample city (samples/generate.ts, consolidated as cli/demo.ts does): 14 systems, one an office and
 * two of public units; five not approved in June, Phòng Giáo dục và Đào tạo's approved on 14/4/2023 (under
 * appraisal before), so March lists six.
 */
describe('the demo’s sample city: Phụ lục VIII for June and for March 2023', () => {
  let sources: Source[];
  let june: Consolidation;
  beforeAll(async () => {
    const dir = path.join(path.dirname(tmpFile('x')), 'sample-city');
    fs.rmSync(dir, { recursive: true, force: true });
    const made = await generateSampleCity(dir);
    sources = [];
    for (const f of made)
      sources.push({
        source: { file: path.relative(dir, f.file) },
        sheets: await (await XlsxWorkbook.open(f.file)).read(),
      });
    june = consolidate(sources, { deadlineDay: DEADLINE_DAY, period: '2023-06' });
  }, 400000);

  const listed = (c: Consolidation) => {
    const sheet = values(c, SYSTEMS_SHEET);
    const top = sheet.findIndex((r) => r[0] === 'TT');
    const end = sheet.findIndex((r, i) => i > top && r.length === 0);
    return sheet.slice(top + 1, end).map((r) => [r[2], r[5]]);
  };
  const countLine = (c: Consolidation) =>
    values(c, SYSTEMS_SHEET)
      .flat()
      .find((x) => String(x).startsWith('Toàn bộ:'));

  test('June: the five systems not approved, in the registry’s order, and 9/14', () => {
    expect(listed(june)).toEqual([
      ['Văn phòng HĐND và UBND', 'Trễ hạn (hồ sơ đang được thẩm định)'],
      ['Phòng Nội vụ', 'Trễ hạn (hồ sơ đang được thẩm định)'],
      ['Phòng Tài nguyên và Môi trường', 'Trễ hạn (chưa xây dựng)'],
      ['Phòng Lao động - Thương binh và Xã hội', 'Trễ hạn (hồ sơ trình thẩm định chưa đạt yêu cầu)'],
      ['Thanh tra thành phố', 'Trễ hạn (chưa xây dựng)'],
    ]);
    expect(countLine(june)).toBe(
      'Toàn bộ: 9/14 hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ; còn 5/14 hệ thống chưa được phê ' +
        'duyệt (liệt kê ở trên).',
    );
  });

  test('March: Phòng Giáo dục và Đào tạo’s system still under appraisal, six listed and 8/14', () => {
    const march = consolidate(sources, { deadlineDay: DEADLINE_DAY, period: '2023-03' });
    expect(listed(march)).toEqual([
      ['Văn phòng HĐND và UBND', 'Trễ hạn (hồ sơ đang được thẩm định)'],
      ['Phòng Nội vụ', 'Trễ hạn (hồ sơ đang được thẩm định)'],
      ['Phòng Tài nguyên và Môi trường', 'Trễ hạn (chưa xây dựng)'],
      ['Phòng Lao động - Thương binh và Xã hội', 'Trễ hạn (hồ sơ trình thẩm định chưa đạt yêu cầu)'],
      ['Phòng Giáo dục và Đào tạo', 'Trễ hạn (hồ sơ đang được thẩm định)'],
      ['Thanh tra thành phố', 'Trễ hạn (chưa xây dựng)'],
    ]);
    const row = values(march, SYSTEMS_SHEET).find((r) => r[2] === 'Phòng Giáo dục và Đào tạo')!;
    expect(row.slice(0, 5)).toEqual([
      '5.',
      'Hệ thống thông tin Phòng Giáo dục và Đào tạo',
      'Phòng Giáo dục và Đào tạo',
      '2',
      'Quý II/2021',
    ]);
    expect(countLine(march)).toBe(
      'Toàn bộ: 8/14 hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ; còn 6/14 hệ thống chưa được phê ' +
        'duyệt (liệt kê ở trên).',
    );
  });

  test('the June project annexes count their tasks per status (Phụ lục IV: 3, Phụ lục V: 4)', () => {
    const line = (name: string) =>
      values(june, name)
        .flat()
        .find((x) => String(x).startsWith('Tổng số nhiệm vụ'));
    expect(line('Phụ lục IV')).toBe(
      'Tổng số nhiệm vụ: 3, trong đó: Hoàn thành, đúng hạn: 0; Hoàn thành, trễ hạn: 0; Đang thực hiện theo tiến độ: ' +
        '3; Đang thực hiện, trễ hạn: 0.',
    );
    expect(line('Phụ lục V')).toBe(
      'Tổng số nhiệm vụ: 4, trong đó: Hoàn thành, đúng hạn: 0; Hoàn thành, trễ hạn: 0; Đang thực hiện theo tiến độ: ' +
        '4; Đang thực hiện, trễ hạn: 0.',
    );
  });
});

describe('a secretariat’s annex sent as a report is said at its own header', () => {
  test('seed 001 Annex III placed from column C, header on row 2: BANG-CHUA-DOC at C2', () => {
    const lines = fs
      .readFileSync(path.join(__dirname, 'fixtures', 'seed-001', 'annex-iii.tsv'), 'utf8')
      .split('\n')
      .map((l) => l.split('\t').map((v): CellValue => (v === '' ? null : v)));
    const header = lines.findIndex((r) => r[0] === 'STT');
    const values = [['Phụ lục III'], ...lines.slice(header)].map((r) => [null, null, ...r]);
    const seen = validateSheets([{ name: 'Phụ lục III', values }], {}).issues.filter((i) => i.rule === 'BANG-CHUA-DOC');
    expect(seen.map((i) => `${i.sheet}!${i.cell}`)).toEqual(['Phụ lục III!C2']);
  });
});
