/*
 * Issue 16: Vietnamese everywhere a user looks. Scans the built panes, the workbooks the product writes (a unit
 * template, DX_CauHinh, the annexes of a small consolidation, and what the command line prints making them) and
 * every message table for English words (tests/helpers/english-words.ts: a dictionary of English, so Vietnamese
 * typed without tone marks passes). English stays where it is the second language: elements marked lang="en",
 * the manifest's en-US overrides, the formulas' `en` notes (not shown), the README.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import {
  ERROR_MESSAGES,
  ErrorCode,
  ErrorValues,
  LIBRARY_MESSAGES,
  SYSTEM_MESSAGES,
  UNEXPECTED,
} from '../shared/errors/messages';
import { describeError } from '../shared/errors/describe';
import { FORMULAS } from '../shared/formulas/catalog';
import { render, RULE_KINDS, RuleKindId } from '../shared/validation/rule-kinds';
import { defaultCatalogue } from '../shared/catalogue/catalogue';
import { COMMANDS, helpText } from '../cli/args';
import { EnglishHit, englishWords, findEnglish, htmlText, moduleTexts } from './helpers/english-words';
import { runMain } from './helpers/cli';
import { ROOT } from './helpers/hosts';
import { CONSISTENT, unitWorkbook } from './helpers/unit-fixture';
import { tmpFile } from './helpers/xlsx';

/**
 * TEMPORARY: English found in files other helpers of issue 16 own, to be translated there (shared/templates/
 * build.ts: the unit cover). Each entry is a place and the words found there; remove an entry once its words
 * are gone. Not checked for staleness on purpose while those files are being edited at the same time.
 */
const PENDING_OTHER_OWNERS: Array<{ where: RegExp; words: string[] }> = [
  // cli/args.ts, map --col: "received=C" is a column's technical key, typed as shown (the help lists each key with
  // its Vietnamese label); identifiers, like tu_so in a formula.
  { where: /^help (map)?$/, words: ['received'] },
];

const pending = (h: EnglishHit) => PENDING_OTHER_OWNERS.some((p) => p.where.test(h.where) && p.words.includes(h.word));

/** What is left after the pending list, as lines a reader can act on. */
function report(hits: EnglishHit[]): string[] {
  return hits.filter((h) => !pending(h)).map((h) => `${h.where}: “${h.word}” in “${h.text.slice(0, 140)}”`);
}

describe('the English detector', () => {
  test('flags English prose and keys, passes Vietnamese with or without tone marks and names', () => {
    expect(englishWords('Digital transformation report')).toEqual(['Digital', 'transformation', 'report']);
    expect(englishWords('Yellow cells: type here')).toEqual(['Yellow', 'cells', 'type', 'here']);
    expect(englishWords('ENOENT: no such file or directory')).toEqual(['such', 'directory']);
    expect(englishWords('Vế phải: onTime + late + inProcess')).toEqual(['Time', 'late', 'Process']);
    expect(englishWords('Cặp bắt buộc; compulsory-pair')).toEqual([]);
    expect(englishWords('tu_so; mau_so; ngay_bao_cao; Phuong Loc Tho; tu so / mau so')).toEqual([]);
    expect(englishWords('Báo cáo 9 tháng năm 2023, UBND TP Vũng Tàu, mục 6.2')).toEqual([]);
    expect(
      englishWords('Mở bằng Excel hoặc Google Sheets, lưu thành .xlsx (xem https://example.org/the/file)'),
    ).toEqual([]);
    expect(englishWords('npx dx-report template --unit TÊN --out master.xlsx; =DX.RATE(C5;D5) → #VALUE!')).toEqual([]);
    expect(htmlText('<p>Kiểm tra</p><p lang="en">English: the same</p><script>var the = 1</script>')).not.toMatch(
      /the/,
    );
  });
});

describe('the panes', () => {
  const built = [
    'dist/addin/taskpane.html',
    'dist/addin/help.html',
    'dist/appsscript/Sidebar.html',
    'dist/appsscript/HuongDan.html',
  ].filter((f) => fs.existsSync(path.join(ROOT, f)));
  const pages = ['addin/taskpane/taskpane.html', 'appsscript/sidebar/sidebar.html', 'addin/help/help.html', ...built];

  test.each(pages)('%s reads in Vietnamese', (file) => {
    const text = htmlText(fs.readFileSync(path.join(ROOT, file), 'utf8'));
    expect(report(findEnglish([{ where: file, text }]))).toEqual([]);
  });

  test('the built pages are there (npm run build)', () => {
    expect(built).toEqual(expect.arrayContaining(['dist/addin/taskpane.html', 'dist/appsscript/Sidebar.html']));
  });

  // What the panes' modules write into the page: every string they hold that reads as words.
  const modules = [
    ...fs.readdirSync(path.join(ROOT, 'ui')).map((f) => `ui/${f}`),
    ...fs.readdirSync(path.join(ROOT, 'addin/taskpane')).map((f) => `addin/taskpane/${f}`),
    ...fs.readdirSync(path.join(ROOT, 'appsscript/sidebar')).map((f) => `appsscript/sidebar/${f}`),
  ].filter((f) => f.endsWith('.ts'));

  test.each(modules)('%s shows Vietnamese only', (file) => {
    expect(report(findEnglish(moduleTexts(path.join(ROOT, file), file)))).toEqual([]);
  });

  test("the formulas' names, arguments and descriptions, as Excel, Sheets and the formula panel show them", () => {
    const texts = FORMULAS.flatMap((f) => [
      { where: `${f.name}`, text: f.vi },
      { where: `${f.name} returns`, text: f.returns.vi },
      ...f.params.flatMap((p) => [
        { where: `${f.name}(${p.name})`, text: p.name },
        { where: `${f.name}(${p.name}) description`, text: p.vi },
      ]),
    ]);
    expect(report(findEnglish(texts))).toEqual([]);
    for (const f of FORMULAS) for (const p of f.params) expect(p.name).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });
});

/** Every cell's text of a workbook's sheets that a reader sees (hidden sheets only when named). */
async function workbookTexts(file: string, label: string, alsoHidden: string[] = []) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const out: Array<{ where: string; text: string }> = [];
  for (const ws of book.worksheets) {
    if (ws.state !== 'visible' && !alsoHidden.includes(ws.name)) continue;
    const hiddenColumns = new Set<number>();
    for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hiddenColumns.add(c);
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (hiddenColumns.has(Number(cell.col))) return;
        const v = cell.value as unknown;
        const text =
          typeof v === 'string'
            ? v
            : v && typeof v === 'object' && 'richText' in v
              ? (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('')
              : v && typeof v === 'object' && 'result' in v
                ? String((v as { result?: unknown }).result ?? '')
                : '';
        if (text) out.push({ where: `${label}: ${ws.name}!${cell.address}`, text });
      }),
    );
    out.push({ where: `${label}: sheet name`, text: ws.name });
  }
  return out;
}

describe('the workbooks the product writes, and what the command line says writing them', () => {
  let template = '';
  let annexes = '';
  const said: Array<{ where: string; text: string }> = [];

  beforeAll(async () => {
    template = tmpFile('phieu.xlsx');
    const made = await runMain(['template', '--unit', 'Phường Lộc Thọ', '--period', '2023-06', '--out', template]);
    said.push({ where: 'template', text: made.stdout });
    const unit = (await unitWorkbook(CONSISTENT, 'Phường Lộc Thọ')).file;
    annexes = tmpFile('phu-luc.xlsx');
    const checked = await runMain(['validate', unit]);
    said.push({ where: 'validate', text: checked.stdout });
    const run = await runMain(['consolidate', unit, '--out', annexes, '--period', '2023-06']);
    said.push({ where: 'consolidate', text: run.stdout });
    expect(run.code).toBe(0);
  }, 120000);

  test('a unit template: every visible sheet and DX_CauHinh', async () => {
    const texts = await workbookTexts(template, 'workbook template', ['DX_CauHinh']);
    expect(texts.some((t) => t.where.includes('DX_CauHinh!'))).toBe(true);
    expect(report(findEnglish(texts))).toEqual([]);
  });

  test('the annexes of a consolidation', async () => {
    expect(report(findEnglish(await workbookTexts(annexes, 'workbook annexes')))).toEqual([]);
  });

  test('what the command line printed', () => {
    expect(said.every((s) => s.text.length > 0)).toBe(true);
    expect(report(findEnglish(said))).toEqual([]);
  });
});

describe('every message table', () => {
  test('the rule kinds: titles, what they check, messages and fixes of their examples', () => {
    const texts = RULE_KINDS.flatMap((k) => {
      const r = render(k.id as RuleKindId, k.example as never);
      return [
        { where: `rule-kinds ${k.id} title`, text: k.title },
        { where: `rule-kinds ${k.id} checks`, text: k.checks },
        { where: `rule-kinds ${k.id} message`, text: r.message },
        { where: `rule-kinds ${k.id} fix`, text: r.fix ?? '' },
      ];
    });
    expect(report(findEnglish(texts))).toEqual([]);
  });

  test('shared/messages/wording.ts', () => {
    const texts = moduleTexts(path.join(ROOT, 'shared/messages/wording.ts'), 'shared/messages/wording.ts');
    expect(texts.length).toBeGreaterThan(3);
    expect(report(findEnglish(texts))).toEqual([]);
  });

  test('shared/errors/messages.ts: every error, system and library sentence', () => {
    const file = 'tệp.xlsx';
    const samples: { [C in ErrorCode]: ErrorValues[C] } = {
      'sheet-exists': { sheets: ['T1 Chỉ tiêu'], where: 'tệp' },
      'not-owned': { sheets: ['Phụ lục I'] },
      cancelled: {},
      'missing-sheet': { sheet: 'T2 Văn bản' },
      'host-mode': {},
      'no-period': {},
      'unknown-unit': { name: 'Pường 1', suggestion: 'Phường 1' },
      'unreadable-period': { text: 'tháng 13' },
      config: { sheet: 'DX_CauHinh', issues: [{ sheet: 'DX_CauHinh', cell: 'A7', message: 'Mã sai.' }] },
      busy: {},
      'not-a-file': { file, kind: 'socket' },
      'file-too-large': { file, bytes: 60e6, limit: 50e6 },
      'unzipped-too-large': { file, bytes: 60e6, limit: 50e6, part: 'xl/worksheets/sheet1.xml' },
      'zip-ratio': { file, part: 'xl/worksheets/sheet1.xml', ratio: 500, limit: 100 },
      'too-many-cells': { file, cells: 2e6, limit: 1e6 },
      'too-many-merges': { file, merges: 20000, limit: 10000 },
      'old-xls': { file },
      encrypted: { file },
      ods: { file },
      'text-file': { file, kind: 'html' },
      'zip-not-workbook': { file, kind: 'docx' },
      'not-a-workbook': { file, kind: 'tệp PDF' },
      'empty-file': { file },
      truncated: { file },
      'workbook-unreadable': { file },
    };
    const texts = [
      ...(Object.keys(ERROR_MESSAGES) as ErrorCode[]).map((c) => ({
        where: `error ${c}`,
        text: (ERROR_MESSAGES[c] as (v: unknown) => string)(samples[c]),
      })),
      ...Object.entries(SYSTEM_MESSAGES).map(([c, say]) => ({ where: `system ${c}`, text: say('phieu.xlsx') })),
      ...LIBRARY_MESSAGES.map((m, i) => ({ where: `library ${i} (${m.pattern})`, text: m.say(file) })),
      { where: 'unexpected', text: UNEXPECTED(file) },
      ...moduleTexts(path.join(ROOT, 'shared/errors/messages.ts'), 'shared/errors/messages.ts'),
    ];
    expect(report(findEnglish(texts))).toEqual([]);
  });

  test('what libraries and the system throw is never passed on in English', () => {
    const thrown: unknown[] = [
      Object.assign(new Error("ENOENT: no such file or directory, open 'master.xlsx'"), {
        code: 'ENOENT',
        path: 'master.xlsx',
      }),
      Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' }),
      Object.assign(new Error("EACCES: permission denied, open 'a.xlsx'"), { code: 'EACCES', path: 'a.xlsx' }),
      new Error('End of data reached (data length = 0, asked index = 4). Corrupted zip ?'),
      new Error("Can't find end of central directory : is this a zip file ? If it is, see https://stuk.github.io/"),
      new Error('Encrypted zip are not supported'),
      new Error('File not found: master.xlsx'),
      new Error('Worksheet name Phụ lục I exceeds 31 chars'),
      new SyntaxError('Unexpected end of JSON input'),
      new TypeError("Cannot read properties of undefined (reading 'cells')"),
      'something odd',
    ];
    const texts = thrown.map((e, i) => ({ where: `thrown ${i}`, text: describeError(e, 'phieu.xlsx') }));
    expect(report(findEnglish(texts))).toEqual([]);
    // The file is named whatever was thrown.
    for (const t of texts) expect(t.text).toMatch(/phieu\.xlsx|master\.xlsx|a\.xlsx|“”/);
  });

  test("the command line's help, for every command", () => {
    const texts = [null, ...COMMANDS.map((c) => c.name)].map((c) => ({
      where: `help ${c ?? ''}`,
      // The title keeps its English gloss, the second language the README offers.
      text: helpText(c).replace('(Digital-transformation reporting)', ''),
    }));
    expect(report(findEnglish(texts))).toEqual([]);
  });

  test("the catalogue's names, quantities, targets and sources", () => {
    const texts = defaultCatalogue().flatMap((i) => [
      { where: `${i.code} name`, text: i.name },
      { where: `${i.code} numerator`, text: `${i.numerator.label} (${i.numerator.unit}) ${i.numerator.reason}` },
      { where: `${i.code} denominator`, text: `${i.denominator.label} (${i.denominator.unit})` },
      { where: `${i.code} source`, text: i.source },
      ...i.targets.map((t) => ({ where: `${i.code} target`, text: `${t.text} ${t.source ?? ''}` })),
    ]);
    expect(report(findEnglish(texts))).toEqual([]);
    expect(defaultCatalogue().every((i) => !/seed \d/.test(i.source))).toBe(true);
  });
});
