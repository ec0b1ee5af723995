/**
 * Text hygiene (issue 11, item 9): bidirectional controls and zero-width characters are removed before
 * matching and before any output, and reported where they were written; a cell longer than a
 * spreadsheet holds (32,767 characters) is cut with "…" and the consolidation says where; matching a name
 * of any length takes bounded time.
 */
import { consolidate } from '../shared/consolidate/consolidate';
import { htmlReport } from '../shared/consolidate/html-report';
import { defaultCatalogue } from '../shared/catalogue/catalogue';
import { callFormula } from '../shared/formulas/catalog';
import { readUnitWorkbook } from '../shared/reading/unit-workbook';
import { defaultMatcher } from '../shared/registry/default';
import { validateSheets } from '../shared/validation/validate';
import { SheetSnapshot } from '../shared/workbook/port';
import { encodeCell } from '../shared/workbook/render';
import { XlsxWorkbook } from '../xlsx/workbook';
import { CONSISTENT, Edit, unitWorkbook } from './helpers/unit-fixture';

/** Every character the issue names: bidi embeddings, overrides, isolates and marks; zero-width ones. */
const INVISIBLE = [
  ...'\u202A\u202B\u202C\u202D\u202E',
  ...'\u2066\u2067\u2068\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
  ...'\u200B\u200C\u200D',
  '\u2060',
  '\uFEFF',
];
const ANY_INVISIBLE = { test: (s: string) => INVISIBLE.some((ch) => s.includes(ch)) };
const LIMIT = 32767;

async function sheetsOf(edits: Edit[], unit = 'Phường Lộc Thọ'): Promise<SheetSnapshot[]> {
  const { file } = await unitWorkbook(edits, unit);
  return (await XlsxWorkbook.open(file)).read();
}

describe('invisible characters are removed before matching', () => {
  test.each(INVISIBLE.map((ch) => [`U+${ch.charCodeAt(0).toString(16).toUpperCase()}`, ch]))(
    '%s inside a word or before a name still finds its unit',
    (_, ch) => {
      const m = defaultMatcher();
      expect(m.match(`Phường Lộ${ch}c Thọ`).unit?.name).toBe('Phường Lộc Thọ');
      expect(m.match(`${ch}UBND phường Lộc Thọ`).unit?.name).toBe('Phường Lộc Thọ');
      expect(callFormula('DX_UNIT', [`${ch}Phường Vạn${ch} Thạnh`])).toEqual([['Phường Vạn Thạnh']]);
    },
  );
});

describe('the validator reports them where they were written, and quotes names without them', () => {
  test('a cover name with a right-to-left override: KY-TU-AN at its cell; no message carries the control', async () => {
    const sheets = await sheetsOf([...CONSISTENT, { cover: 'unit', value: 'Phường \u202ELộc Thọ' }]);
    const r = validateSheets(sheets, { period: '2023-06' });
    const hidden = r.issues.filter((i) => i.rule === 'KY-TU-AN');
    expect(hidden.map((i) => [i.sheet, i.cell, i.severity])).toEqual([['Thông tin chung', 'B4', 'canh-bao']]);
    expect(hidden[0].message).toContain('U+202E');
    expect(r.issues.filter((i) => i.rule === 'DON-VI-BAO-CAO')).toEqual([]);
    const typo = await sheetsOf([
      ...CONSISTENT,
      { table: 'T2', row: '#1', field: 'unit', value: 'P\u202Eường\u200B 9' },
    ]);
    const all = validateSheets(typo, { period: '2023-06' }).issues;
    expect(all.map((i) => i.rule)).toEqual(expect.arrayContaining(['KY-TU-AN']));
    for (const i of all) expect(ANY_INVISIBLE.test(i.message + (i.fix ?? ''))).toBe(false);
  });
});

describe('nothing invisible and nothing too long reaches an output', () => {
  const project = (name: string, content: string): Edit[] => [
    { cover: 'reportDate', value: new Date(Date.UTC(2023, 6, 10)) },
    { table: 'T5', row: '#1', field: 'name', value: name },
    { table: 'T5', row: '#1', field: 'period', value: '2023' },
    { table: 'T5', row: '#1', field: 'fundSource', value: 'NS thành phố' },
    { table: 'T5', row: '#1', field: 'fundKind', value: 'Vốn đầu tư' },
    { table: 'T5', row: '#1', field: 'total', value: 100 },
    { table: 'T5', row: '#1', field: 'yearBudget', value: 50 },
    { table: 'T5', row: '#1', field: 'content', value: content },
    { table: 'T5', row: '#1', field: 'assessment', value: 'Đang thực hiện theo tiến độ' },
  ];

  test('a project named with an override and zero-width characters: the annex and the report hold it clean', async () => {
    const sheets = await sheetsOf(project('Phần mềm \u202Eiốh nàv\u202C quản lý\u200B văn bản', 'Nâng cấp'));
    const c = consolidate([{ source: { file: 'loc-tho.xlsx' }, sheets }], { period: '2023-06', includeErrors: true });
    const iv = c.sheets.find((s) => s.name === 'Phụ lục IV')!;
    const texts = iv.rows.flatMap((r) => r.map((x) => x?.v)).filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('Phần mềm iốh nàv quản lý văn bản');
    expect(texts.some((t) => ANY_INVISIBLE.test(t))).toBe(false);
    const html = htmlReport(c, defaultCatalogue());
    expect(ANY_INVISIBLE.test(html)).toBe(false);
  });

  test('a cell over 32,767 characters is cut with "…" when written, and the consolidation says where', async () => {
    expect(encodeCell({ v: 'x'.repeat(40000) }).value).toBe(`${'x'.repeat(LIMIT - 1)}…`);
    expect(encodeCell({ v: 'x'.repeat(LIMIT) }).value).toHaveLength(LIMIT);
    // An astral character is never split in two.
    const astral = encodeCell({ v: `${'x'.repeat(LIMIT - 2)}😀😀` }).value as string;
    expect(astral.length).toBeLessThanOrEqual(LIMIT);
    expect(astral.endsWith('…') && !/[\uD800-\uDBFF]…$/.test(astral)).toBe(true);
    const long = 'Nội dung dán từ văn bản. '.repeat(1700); // 42.500 characters, 42.499 once trimmed
    const sheets = await sheetsOf(project('Phần mềm quản lý văn bản', long));
    const c = consolidate([{ source: { file: 'loc-tho.xlsx' }, sheets }], { period: '2023-06', includeErrors: true });
    expect(c.summary.warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Phụ lục IV!D\d+: nội dung dài 42\.\d{3} ký tự.*đã cắt/)]),
    );
    const out = new XlsxWorkbook();
    await out.write(c.sheets.filter((s) => s.name === 'Phụ lục IV'));
    const [iv] = await out.read(['Phụ lục IV']);
    const lengths = iv.values.flat().map((v) => (typeof v === 'string' ? v.length : 0));
    expect(Math.max(...lengths)).toBe(LIMIT);
  });
});

describe('matching takes bounded time for any length', () => {
  const huge = `Phường ${'Lộc Thọ '.repeat(131072)}`; // 1 MB

  test('a 1 MB name is looked up in well under a second, not compared for typos, and said so', () => {
    const t = Date.now();
    const m = defaultMatcher().match(huge);
    expect(Date.now() - t).toBeLessThan(1000);
    expect(m).toMatchObject({ status: 'unknown', suggestions: [] });
    const [[r]] = callFormula('DX_UNIT', [huge]) as Array<Array<{ error: string; message: string }>>;
    expect(r.error).toBe('#N/A');
    expect(r.message.length).toBeLessThan(300);
    expect(r.message).toContain('không được so gần đúng');
  });

  test('in a unit table: TEN-DON-VI-LA quotes its beginning and says it was not compared', async () => {
    const sheets = await sheetsOf(CONSISTENT, 'UBND thành phố Nha Trang');
    const t2 = readUnitWorkbook(sheets).tables.find((x) => x.table === 'T2')!;
    sheets.find((s) => s.name === t2.sheet)!.values[t2.rows[0].row][t2.columns.unit] = huge;
    const t = Date.now();
    const r = validateSheets(sheets, { period: '2023-06' });
    expect(Date.now() - t).toBeLessThan(5000);
    const [far] = r.issues.filter((i) => i.rule === 'TEN-DON-VI-LA');
    expect(far.message.length).toBeLessThan(300);
    expect(far.message).toContain('1.048.583 ký tự (quá 300 ký tự) nên không được so gần đúng');
  });
});
