/**
 * Seed 001's three annexes end to end (issue 13, item 8). The units are played as the seed's tables say: one
 * workbook per unit and month made by the product's own template (an "X" of Annex II is a report sent on time,
 * Annex III's marks are in the unit's latest report, Annex I's systems in the T6b of the unit that runs them),
 * consolidated for April 2023 with the KHANH_HOA registry, and each annex compared cell for cell with the
 * seed's printed table, read from tests/fixtures/seed-001 (the seed's own text). Every place the product prints
 * otherwise is listed below with its reason, and must occur; then each table is typed as the seed lays it out
 * and read by the product's reader, `validate` and `dx-report tables`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { consolidate, Consolidation } from '../shared/consolidate/consolidate';
import { SYSTEMS_SHEET } from '../shared/consolidate/systems-annex';
import { readUnitWorkbook } from '../shared/reading/unit-workbook';
import { KHANH_HOA } from '../shared/registry/data/khanh-hoa';
import { UnitMatcher } from '../shared/registry/match';
import { validateSheets } from '../shared/validation/validate';
import { SheetSnapshot } from '../shared/workbook/port';
import { CellValue } from '../shared/workbook/sheet-spec';
import { XlsxWorkbook } from '../xlsx/workbook';
import { runMain } from './helpers/cli';
import { Edit, unitSheets, unitWorkbook } from './helpers/unit-fixture';
import { tmpFile, tsvWorkbook } from './helpers/xlsx';

const FIXTURES = path.join(__dirname, 'fixtures', 'seed-001');
const text = (file: string) => fs.readFileSync(path.join(FIXTURES, file), 'utf8');

/** A seed annex as printed: the lines above the table, the table (stray blank lines set aside), the note. */
interface SeedAnnex {
  title: string;
  caption: string;
  covering: string;
  header: string[];
  body: string[][];
  /** 0-based lines of the fixture left blank inside the table (page breaks of the printed report). */
  blankInside: number[];
  note: string | null;
}

/** The markdown stars of the seed's text ("*(Ban hành …)*", "**Ghi chú …*") are emphasis, not words. */
const plain = (line: string) => line.replace(/\*/g, '').trim();

function seedAnnex(file: string): SeedAnnex {
  const lines = text(file).split('\n');
  const headerAt = lines.findIndex((l) => /^S?TT\t/.test(l));
  const above = lines.slice(0, headerAt).map(plain).filter(Boolean);
  const open = above.findIndex((l) => l.startsWith('('));
  const header = lines[headerAt].split('\t');
  const body: string[][] = [];
  const blankInside: number[] = [];
  let note: string | null = null;
  for (let i = headerAt + 1; i < lines.length; i++) {
    if (lines[i].includes('\t')) body.push(header.map((_, k) => lines[i].split('\t')[k] ?? ''));
    else if (plain(lines[i]).startsWith('Ghi chú')) note = plain(lines[i]);
    else if (lines.slice(i + 1).some((l) => l.includes('\t'))) blankInside.push(i);
  }
  return {
    title: above[0],
    caption: above.slice(1, open).join(' '),
    covering: above.slice(open).join(' '),
    header,
    body,
    blankInside,
    note,
  };
}

const I = seedAnnex('annex-i.tsv');
const II = seedAnnex('annex-ii.tsv');
const III = seedAnnex('annex-iii.tsv');

/** The units' rows of a seed table ("1." … "38."), by name. */
const unitRows = (a: SeedAnnex) => a.body.filter((r) => /^\d+\.$/.test(r[0]));

/**
 * Where the product prints other words than the seed, and why: [the seed's text, the product's, the reason].
 * Each must occur where it is applied (`say`), so the list holds no difference that is not there.
 */
const SAID = {
  covering: [
    ['(Ban hành kèm theo ', '(Kèm theo ', 'the form’s own words (issue 13: “(Kèm theo Báo cáo số …)”)'],
    ['1372 /BC', '1372/BC', 'Annex II’s stray space before the slash'],
  ],
  II: [['tháng 02/2023', 'tháng 2/2023', 'one way for every month: the seed writes 02 for February, 3 and 4']],
  III: [
    ['Kế hoạch Chuyển đổi số', 'Kế hoạch chuyển đổi số', 'sentence case, as seed 000 and seed 001’s own text write it'],
    ['Kế hoạch Ứng phó sự cố', 'Kế hoạch ứng phó sự cố', 'the same'],
  ],
  I: [
    [
      'Thời gian phê duyệt HSDXCĐ (theo Công văn số 2540/STTTT-CNTT ngày 28/10/2020 của Sở Thông tin và Truyền thông)',
      'Thời gian phê duyệt HSĐXCĐ',
      'the letter that set the deadlines is the province’s own; “HSĐXCĐ” is hồ sơ đề xuất cấp độ',
    ],
  ],
} as const;

function say(seedText: string, differences: ReadonlyArray<readonly [string, string, string]>): string {
  let out = seedText;
  for (const [seed, product] of differences) if (out.includes(seed)) out = out.split(seed).join(product);
  return out;
}

/** Every listed difference occurs in the seed's text it is said of. */
function allUsed(texts: string[], differences: ReadonlyArray<readonly [string, string, string]>) {
  for (const [seed] of differences) expect(texts.some((t) => t.includes(seed))).toBe(true);
}

// ---- playing the units -------------------------------------------------------------------------------------

const MONTHS = [2, 3, 4];
const matcher = new UnitMatcher([KHANH_HOA]);
const DX = 'Kế hoạch chuyển đổi số năm';
const IR = 'Kế hoạch ứng phó sự cố';

/** Sent on the 5th of the month after, completed at 09:00: on time by Khánh Hòa's 20th. */
const sentFor = (month: number): Edit[] => [
  { cover: 'reportDate', value: new Date(Date.UTC(2023, month, 5)) },
  { cover: 'completedAt', value: `05/${String(month + 1).padStart(2, '0')}/2023 09:00` },
];

/** The unit's Annex III marks, in its T6a, each with its document number. */
function plans(unit: string): Edit[] {
  const row = unitRows(III).find((r) => r[1] === unit)!;
  return ([DX, IR] as const).flatMap((plan, k) =>
    row[2 + k] === 'X'
      ? [
          { table: 'T6a', row: plan, field: 'issued', value: 'X' },
          {
            table: 'T6a',
            row: plan,
            field: 'document',
            value: `Kế hoạch số ${parseInt(row[0], 10)}${k + 1}/KH ngày 10/02/2023`,
          },
        ]
      : [],
  );
}

/** "Trễ hạn (hồ sơ đang được thẩm định)" → the stage chosen from the T6b list, "Hồ sơ đang được thẩm định". */
const stageOf = (note: string) => note.replace(/^Trễ hạn \((.*)\)$/, (_, s: string) => s[0].toUpperCase() + s.slice(1));

/**
 * The unit's one system in its T6b: Annex I's row for the five it lists (as the seed writes them), an approved
 * one for the 25 others (seed line 51: 25/30). An earlier report says every system was not built yet: the
 * annex must read the latest.
 */
function system(unit: string, latest: boolean): Edit[] {
  const listed = unitRows(I).find((r) => matcher.match(r[2]).unit?.name === unit);
  const [name, operator, level, deadline, stage] = listed
    ? [listed[1], listed[2], listed[3], listed[4], stageOf(listed[5])]
    : [`Hệ thống thông tin ${unit}`, unit, '2', 'Quý II/2021', 'Đã phê duyệt'];
  const fields = { system: name, operator, level, deadline, approval: latest ? stage : 'Chưa xây dựng' };
  return Object.entries(fields).map(([field, value]) => ({ table: 'T6b', row: '#1', field, value }));
}

interface Played {
  unit: string;
  period: string;
  edits: Edit[];
}

/**
 * Every report the seed's tables imply. A unit Annex II lists without any "X" but with plans or a system sent
 * a quarterly report for Q1 (no monthly column, and its state still counts); the public-service units, not in
 * Annex II, sent April's. Annex I's five come first: the annex lists systems in the order the reports come (the
 * command line: by file name), and the seed's order follows none of its unit lists.
 */
function played(): Played[] {
  const out: Played[] = [];
  for (const [, unit, ...marks] of unitRows(II)) {
    const sent = MONTHS.filter((_, i) => marks[i] === 'X');
    const periods = sent.length ? sent.map((m) => `2023-0${m}`) : ['Quý I/2023'];
    periods.forEach((period, i) => {
      const latest = i === periods.length - 1;
      out.push({
        unit,
        period,
        edits: [...sentFor(sent[i] ?? 3), ...(latest ? plans(unit) : []), ...system(unit, latest)],
      });
    });
  }
  for (const [, unit] of unitRows(III).slice(unitRows(II).length))
    if (plans(unit).length) out.push({ unit, period: '2023-04', edits: [...sentFor(4), ...plans(unit)] });
  const first = unitRows(I).map((r) => matcher.match(r[2]).unit!.name);
  const rank = (p: Played) => (first.includes(p.unit) ? first.indexOf(p.unit) : first.length);
  return out.sort((a, b) => rank(a) - rank(b));
}

const OPTIONS = {
  registry: KHANH_HOA,
  period: '2023-04',
  reportNo: '1372/BC-BCĐCĐS',
  reportDate: '11/5/2023',
  issuer: 'Ban Chỉ đạo chuyển đổi số tỉnh Khánh Hòa',
};

type Cells = string[][];
const cellsOf = (c: Consolidation, name: string): Cells =>
  c.sheets
    .find((s) => s.name === name)!
    .rows.map((r) => r.map((x) => (x?.v === null || x?.v === undefined ? '' : String(x.v))));

/** The product's annex cut as the seed's: the lines above, the table, the note under it. */
function annexParts(cells: Cells) {
  const top = cells.findIndex((r) => r[0] === 'STT' || r[0] === 'TT');
  const end = cells.findIndex((r, i) => i > top && r.every((v) => v === ''));
  return {
    above: cells.slice(0, top),
    header: cells[top],
    body: cells.slice(top + 1, end),
    below: cells.slice(end + 1).filter((r) => r.some((v) => v !== '')),
  };
}

let c: Consolidation;
let reports: number;

beforeAll(async () => {
  const all = played();
  reports = all.length;
  // In memory (unitSheets): 63 workbooks through files (write and read back) would take over a minute; see the
  // last test for their sameness.
  const sources = await Promise.all(
    all.map(async (p) => ({
      source: { file: `${p.unit} ${p.period}.xlsx` },
      sheets: await unitSheets(p.edits, p.unit, p.period, matcher),
    })),
  );
  c = consolidate(sources, OPTIONS);
}, 120000);

test('the play: every report of the seed, none left out, no warning', () => {
  expect(reports).toBe(63);
  expect(c.collected.excluded).toEqual([]);
  expect(c.collected.warnings).toEqual([]);
  // Who did not report April: Annex II's blank April cells, and the one public-service unit with no plan.
  expect(c.missing.sort()).toEqual(
    [
      ...unitRows(II)
        .filter((r) => r[4] !== 'X')
        .map((r) => r[1]),
      'BQLDA đầu tư xây dựng các công trình Nông nghiệp và Phát triển nông thôn tỉnh Khánh Hòa',
    ].sort(),
  );
});

describe('Phụ lục II as seed 001 prints it', () => {
  const parts = () => annexParts(cellsOf(c, 'Phụ lục II'));

  test('title, caption with the month, covering line with the report', () => {
    allUsed([II.covering, I.covering, III.covering], SAID.covering);
    expect(parts().above).toEqual([[II.title], [II.caption], [say(II.covering, SAID.covering)], []]);
    expect(II.caption).toMatch(/THÁNG 4\/2023$/);
  });

  test('the header, month by month', () => {
    allUsed(II.header, SAID.II);
    expect(parts().header).toEqual(II.header.map((h) => say(h, SAID.II)));
  });

  test('every group and unit row, in order, with its marks: cell for cell', () => {
    expect(parts().body).toEqual(II.body);
    expect(II.body).toHaveLength(32);
  });

  test('the seed’s blank line before row 22 is a page break: the product prints none inside the table', () => {
    expect(II.blankInside).toHaveLength(1);
    expect(text('annex-ii.tsv').split('\n')[II.blankInside[0] + 1]).toMatch(/^22\./);
    expect(parts().body.some((r) => r.every((v) => v === ''))).toBe(false);
  });

  test('the note, as the seed words it: no mark but "X" is shown, so no other is explained', () => {
    expect(parts().below).toEqual([[II.note]]);
  });
});

describe('Phụ lục III as seed 001 prints it', () => {
  const parts = () => annexParts(cellsOf(c, 'Phụ lục III'));
  const seedWidth = III.header.length;
  /** The marks that come from a report before April: said in the product's own "Ghi chú" column. */
  const EARLIER: Record<string, string> = {
    'Sở Ngoại vụ': 'Theo báo cáo quý I/2023',
    'Sở Khoa học và Công nghệ': 'Theo báo cáo quý I/2023',
    'Sở Công Thương': 'Theo báo cáo quý I/2023',
    'Sở Lao động – Thương binh và Xã hội': 'Theo báo cáo quý I/2023',
    'UBND huyện Cam Lâm': 'Theo báo cáo tháng 2/2023',
  };

  test('title: the seed’s caption, with the month as every title has it (issue 13, item 6)', () => {
    expect(parts().above).toEqual([
      [III.title],
      [`${III.caption} THÁNG 4/2023`],
      [say(III.covering, SAID.covering)],
      [],
    ]);
  });

  test('the header: the seed’s four columns, and "Ghi chú" for marks read from an earlier report', () => {
    allUsed(III.header, SAID.III);
    expect(parts().header.slice(0, seedWidth)).toEqual(III.header.map((h) => say(h, SAID.III)));
    expect(parts().header.slice(seedWidth)).toEqual(['Ghi chú']);
  });

  test('every group and unit row, in order, with its marks: cell for cell in the seed’s columns', () => {
    expect(parts().body.map((r) => r.slice(0, seedWidth))).toEqual(III.body);
    expect(III.body).toHaveLength(41);
  });

  test('the extra column says which report a mark came from, and nothing else', () => {
    expect(
      parts()
        .body.map((r) => [r[1], r[seedWidth]])
        .filter(([, v]) => v !== ''),
    ).toEqual(Object.entries(EARLIER));
    // Ten marks of units that did not report April are kept (the issue counted 21 lost with the public units').
    const kept = unitRows(III)
      .filter((r) => r[1] in EARLIER)
      .flatMap((r) => r.slice(2))
      .filter((v) => v === 'X');
    expect(kept).toHaveLength(10);
  });

  test('the seed’s blank line under group III is not printed; the note as the seed words it', () => {
    expect(III.blankInside).toHaveLength(1);
    expect(parts().body.some((r) => r.every((v) => v === ''))).toBe(false);
    expect(parts().below).toEqual([[III.note]]);
  });
});

describe('Phụ lục I of seed 001 (the product’s ' + SYSTEMS_SHEET + ', after its own seven)', () => {
  const parts = () => annexParts(cellsOf(c, SYSTEMS_SHEET));
  const seedWidth = I.header.length;

  test('title and caption: the seed’s, no period (a state, not a month’s figures); the covering line', () => {
    expect(I.title).toBe('Phụ lục I');
    expect(parts().above).toEqual([[SYSTEMS_SHEET], [I.caption], [say(I.covering, SAID.covering)], []]);
  });

  test('the header: the seed’s six columns, and "Nguồn" since two systems come from Q1 reports', () => {
    allUsed(I.header, SAID.I);
    expect(parts().header.slice(0, seedWidth)).toEqual(I.header.map((h) => say(h, SAID.I)));
    expect(parts().header.slice(seedWidth)).toEqual(['Nguồn']);
  });

  test('the five systems not approved, in the seed’s order, cell for cell', () => {
    expect(parts().body.map((r) => r.slice(0, seedWidth))).toEqual(I.body);
    expect(parts().body.map((r) => r[seedWidth])).toEqual([
      '',
      '',
      '',
      'Theo báo cáo quý I/2023',
      'Theo báo cáo quý I/2023',
    ]);
  });

  test('the count line of the seed’s text (line 51): 25/30, under the table', () => {
    const seed = /\d+\/\d+ hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ/.exec(text('count-line.txt'))!;
    expect(seed[0]).toBe('25/30 hệ thống thông tin đã được phê duyệt hồ sơ đề xuất cấp độ');
    expect(parts().below).toEqual([[`Toàn bộ: ${seed[0]}; còn 5/30 hệ thống chưa được phê duyệt (liệt kê ở trên).`]]);
  });
});

describe('what the notes under the annexes say', () => {
  const late = (c_: Consolidation) => annexParts(cellsOf(c_, 'Phụ lục II')).below[0][0];

  test('Phụ lục II explains a mark only when the matrix shows it: a late report, "X (trễ hạn)"', async () => {
    const sheets = await unitSheets(
      [sentFor(4)[0], { cover: 'completedAt', value: '25/05/2023 09:00' }, ...system('Sở Y tế', true)],
      'Sở Y tế',
      '2023-04',
      matcher,
    );
    const one = consolidate([{ source: { file: 'Sở Y tế.xlsx' }, sheets }], OPTIONS);
    expect(late(one)).toBe(
      'Ghi chú: Dấu “X”: Đã thực hiện; “X (trễ hạn)”: hoàn thành sau ngày 20 của tháng sau kỳ báo cáo',
    );
  });

  test('the systems annex with no system reported says so, not "0/0 hệ thống … đã được phê duyệt"', () => {
    const none = consolidate([], OPTIONS);
    const note = annexParts(cellsOf(none, SYSTEMS_SHEET)).below;
    expect(note).toEqual([
      ['Chưa đơn vị nào kê khai hệ thống thông tin (bảng “Hệ thống thông tin và cấp độ an toàn” của phiếu báo cáo).'],
    ]);
  });
});

// ---- typed as the seed lays it out -------------------------------------------------------------------------

/** A sheet typed from the fixture: each line a row, each tab a cell, blank cells null; the stars kept. */
function typedText(name: string, tsv: string): SheetSnapshot {
  const values: CellValue[][] = tsv.split('\n').map((line) => line.split('\t').map((v) => (v === '' ? null : v)));
  return { name, values };
}
const typed = (name: string, file: string) => typedText(name, text(file));

const headerCell = (file: string) =>
  `A${
    text(file)
      .split('\n')
      .findIndex((l) => /^S?TT\t/.test(l)) + 1
  }`;
const issuesOf = (sheets: SheetSnapshot[]) =>
  validateSheets(sheets, { now: new Date(Date.UTC(2023, 4, 11)) }).issues.map((i) => ({
    rule: i.rule,
    severity: i.severity,
    at: `${i.sheet}!${i.cell}`,
  }));

/*
 * What the product does with them:
 * - Annex I has T6b's columns; its deadline header "Thời gian phê duyệt HSDXCĐ (theo Công văn …)" is T6b's
 *   "Thời gian phê duyệt HSĐXCĐ" once the letter in parentheses is set aside (Đ folds to D).
 * - Annex II and III are a secretariat's output, not a unit's report: seen and said (BANG-CHUA-DOC at the
 *   header, worded as the product's own annex), never silent in `tables`. Their month and year columns are
 *   open-ended labels ("Thực hiện báo cáo chuyển đổi số tháng …"), whatever the period written after them.
 */
describe('each table typed as the seed lays it out', () => {
  test('Annex I is read as T6b: the five systems, each cell as typed', () => {
    const t6b = readUnitWorkbook([typed('Phụ lục I', 'annex-i.tsv')]).tables.filter((t) => t.table === 'T6b');
    expect(t6b).toHaveLength(1);
    expect(
      t6b[0].rows.map((r) => [
        r.cells.stt,
        r.cells.system,
        r.cells.operator,
        r.cells.level,
        r.cells.deadline,
        r.cells.state,
      ]),
    ).toEqual(I.body);
  });

  test('Annex I: validate says only that the typed table has no cover block', () => {
    expect(issuesOf([typed('Phụ lục I', 'annex-i.tsv')])).toEqual([
      { rule: 'THONG-TIN-CHUNG', severity: 'canh-bao', at: 'Phụ lục I!A1' },
    ]);
  });

  test.each([
    ['Phụ lục II', 'annex-ii.tsv'],
    ['Phụ lục III', 'annex-iii.tsv'],
  ])('%s is never passed over in silence: it is not a report (KHONG-CO-BANG) — today already', (name, file) => {
    expect(issuesOf([typed(name, file)]).map((i) => i.rule)).toContain('KHONG-CO-BANG');
  });

  test.each([
    ['Phụ lục II', 'annex-ii.tsv'],
    ['Phụ lục III', 'annex-iii.tsv'],
  ])('%s is seen as a secretariat’s annex at its header; its stray blank line is no defect', (name, file) => {
    const seen = readUnitWorkbook([typed(name, file)]).seen ?? [];
    expect(seen.map((s) => `A${s.headerRow + 1}`)).toEqual([headerCell(file)]);
    expect(issuesOf([typed(name, file)])).toEqual([
      { rule: 'KHONG-CO-BANG', severity: 'loi', at: `${name}!A1` },
      { rule: 'THONG-TIN-CHUNG', severity: 'canh-bao', at: `${name}!A1` },
      { rule: 'BANG-CHUA-DOC', severity: 'canh-bao', at: `${name}!${headerCell(file)}` },
    ]);
  });

  test('the warning says the annex is the product’s own summary, not "phần mềm không tổng hợp bảng này"', () => {
    for (const [name, file] of [
      ['Phụ lục II', 'annex-ii.tsv'],
      ['Phụ lục III', 'annex-iii.tsv'],
    ]) {
      const said = validateSheets([typed(name, file)], {}).issues.find((i) => i.rule === 'BANG-CHUA-DOC')!;
      expect(said.message).toMatch(/^Phụ lục II+ \(.*\): bảng tổng hợp do phần mềm lập từ các phiếu, không phải phiếu/);
      expect(said.message).not.toContain('không tổng hợp');
    }
  });

  test('a month’s annex (one month column) and the product’s own Phụ lục II and III are seen the same', () => {
    const annexII = text('annex-ii.tsv')
      .split('\n')
      .map((l) => l.split('\t').slice(0, 3).join('\t'))
      .join('\n');
    const seenIn = (sheets: SheetSnapshot[]) => (readUnitWorkbook(sheets).seen ?? []).map((s) => [s.sheet, s.made]);
    expect(seenIn([typedText('Tháng 2', annexII)])).toEqual([['Tháng 2', true]]);
    const product = ['Phụ lục II', 'Phụ lục III'].map((name) => ({ name, values: cellsOf(c, name) }));
    expect(seenIn(product)).toEqual([
      ['Phụ lục II', true],
      ['Phụ lục III', true],
    ]);
  });

  test('the three annexes of the report in one workbook: `tables` and `validate` say each', async () => {
    const file = tmpFile('seed-001-phu-luc.xlsx');
    await tsvWorkbook(file, [
      { name: 'Phụ lục I', tsv: text('annex-i.tsv') },
      { name: 'Phụ lục II', tsv: text('annex-ii.tsv') },
      { name: 'Phụ lục III', tsv: text('annex-iii.tsv') },
    ]);
    const tables = await runMain(['tables', file]);
    expect(tables.code).toBe(0);
    const lines = tables.stdout.trim().split('\n');
    expect(lines[0]).toBe('T6b   Phụ lục I!A9  5 dòng');
    expect(lines.slice(1).map((l) => l.split(':')[0])).toEqual([
      `Phụ lục II!${headerCell('annex-ii.tsv')}`,
      `Phụ lục III!${headerCell('annex-iii.tsv')}`,
    ]);
    const validate = await runMain(['validate', file]);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('1 tệp, 1 bảng: 0 lỗi, 3 cảnh báo.');
  });
});

test('a workbook read in memory (unitSheets) is what the saved file reads back', async () => {
  const p = played().find((x) => x.unit === 'UBND thành phố Nha Trang' && x.period === '2023-04')!;
  const mem = await unitSheets(p.edits, p.unit, p.period, matcher);
  const { file } = await unitWorkbook(p.edits, p.unit, p.period, matcher);
  const disk = await (await XlsxWorkbook.open(file)).read();
  const gist = (sheets: SheetSnapshot[]) => {
    const r = validateSheets(sheets, { matcher, now: new Date(Date.UTC(2023, 4, 11)) });
    return {
      cover: Object.fromEntries(Object.entries(r.read.cover).map(([k, v]) => [k, String(v?.value)])),
      tables: r.read.tables.map((t) => [t.table, t.rows.map((x) => x.cells)]),
      issues: r.issues.map((i) => `${i.rule} ${i.sheet}!${i.cell}`),
    };
  };
  expect(gist(mem)).toEqual(gist(disk));
});
