/*
 * Messages a reader trusts (issue 16, item 3): every figure written the vi-VN way, headings that agree with
 * the colours under them, issues in the workbook's order, "x" read as "X", no sum error for a column that is
 * not there, and wording that says what is required.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { formatFigure, formatNumber, formatPercent, vi } from '../shared/numbers/format';
import { parseNumber } from '../shared/numbers/parse';
import { isMark } from '../shared/tables/cells';
import { mappingSheet } from '../shared/templates/mapping';
import { Issue, IMPORTANCE_LABEL, ISSUE_GROUPS, issueGroup, sortIssues } from '../shared/validation/issue';
import { render, RULE_KINDS } from '../shared/validation/rule-kinds';
import { validateSheets } from '../shared/validation/validate';
import { XlsxWorkbook } from '../xlsx/workbook';
import { runMain } from './helpers/cli';
import { Edit, unitWorkbook } from './helpers/unit-fixture';
import { tmpFile, tsvWorkbook } from './helpers/xlsx';

async function validate(file: string) {
  const book = await XlsxWorkbook.open(file);
  return validateSheets(await book.read(), { now: new Date(2023, 6, 10) });
}

/**
 * The figures of a text written the JavaScript way ("4.813" for four point eight, "1234.5"), outside what
 * the message quotes of the cell (“421.62” is the unit's own writing). A vi-VN figure groups thousands
 * with "." in threes and has its decimals after ","; a bare run of digits (a year, a row) is left alone, and so
 * are codes (“CQS.07”, “DX-2026.1”).
 */
function notVietnamese(message: string): string[] {
  const unquoted = message.replace(/“[^”]*”/g, '“…”');
  return (unquoted.match(/(?<![\p{L}\d.,])(?<!\p{L}-)\d+(?:[.,]\d+)+/gu) ?? []).filter(
    (t) => !/^\d{1,3}(?:\.\d{3})*(?:,\d+)?$/.test(t),
  );
}

/** A figure as staff type them: an integer, or an amount in millions with up to three decimals. */
const figure = fc.oneof(
  fc.integer({ min: 0, max: 2_000_000_000 }),
  fc
    .tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 1, max: 999 }))
    .map(([i, f]) => Number(`${i}.${String(f).padStart(3, '0')}`)),
);

describe('every number in a message is written the vi-VN way', () => {
  test('formatFigure groups thousands with "." and writes decimals after ","; the reader reads it back', () => {
    expect([4813, 4.813, 1234.5, 0.1 + 0.2, -0.00001, 1e21].map(formatFigure)).toEqual([
      '4.813',
      '4,813',
      '1.234,5',
      '0,3',
      '-1,00 × 10^-5',
      '1,00 × 10^21',
    ]);
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 4 }),
        (i, f, places) => {
          const frac = String(f).padStart(4, '0').slice(0, places);
          const x = Number(places ? `${i}.${frac}` : `${i}`);
          const shown = formatFigure(x);
          expect(shown).toMatch(/^-?\d{1,3}(\.\d{3})*(,\d{1,4})?$/);
          expect(parseNumber(shown).value).toBe(x === 0 ? 0 : x);
        },
      ),
    );
  });

  test('the `vi` tag writes every number it is given by formatFigure, and text as it is', () => {
    fc.assert(
      fc.property(figure, fc.string(), (x, s) => {
        expect(vi`a ${x} b ${s} c`).toBe(`a ${formatFigure(x)} b ${s} c`);
      }),
    );
  });

  test('any figure placed in a kind’s message appears vi-VN formatted, never as JavaScript writes it', () => {
    fc.assert(
      fc.property(figure, figure, figure, fc.integer({ min: 1, max: 60 }), (a, b, c, items) => {
        const messages: Array<[string, number[]]> = [
          [render('TU-LON-HON-MAU', { numerator: a, denominator: b, code: 'CQS.07' }).message, [a, b]],
          [
            render('CONG-THUC', {
              instruction: 'Tiếp nhận = đã giải quyết + đang giải quyết.',
              importance: 'cao',
              figures: { left: { values: [a], total: a }, op: '=', right: { values: [b, c], total: b + c } },
            }).message,
            [a, b, c, b + c],
          ],
          [render('TONG-NHOM', { group: 'UBND TP', column: 'VB đi', value: a, sum: b, items }).message, [a, b, items]],
          [
            render('BIEN-DONG', { column: 'Tổng số hồ sơ', before: a + 1, beforePeriod: 'tháng 5/2023', now: b })
              .message,
            [a + 1, b],
          ],
        ];
        for (const [message, xs] of messages) {
          for (const x of xs) expect(message).toContain(formatFigure(x));
          expect({ message, wrong: notVietnamese(message) }).toEqual({ message, wrong: [] });
        }
      }),
    );
  });

  test('TY-LE quotes the rate, the counts and the right rate in vi-VN', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5e6 }), fc.integer({ min: 1, max: 5e6 }), (n, d) => {
        const m = render('TY-LE', { reported: 0.5403, decimals: 2, numerator: n, denominator: d }).message;
        expect(m).toBe(
          `Tỷ lệ báo cáo 54,03% không khớp ${formatNumber(n)}/${formatNumber(d)} = ${formatPercent(n / d)}`,
        );
        expect(notVietnamese(m)).toEqual([]);
      }),
    );
  });

  test('the number reader’s notes ("4.813", "(1.234)") quote their readings in vi-VN', () => {
    expect(parseNumber('4.8137').note).toBe(
      '“4.8137”: dấu chấm không tách đúng nhóm 3 chữ số; không rõ là số thập phân 4,8137 hay số hàng nghìn viết sai.',
    );
    expect(parseNumber('1,234').note).toBe(
      '“1,234”: dấu phẩy có thể là phần thập phân (1,234) hoặc phần nghìn (1.234).',
    );
    expect(parseNumber('4.837 hộ').note).toBe('“4.837 hộ” có chữ “hộ” bên cạnh số 4.837; hãy chỉ ghi số.');
    expect(parseNumber('01234').note).toBe('Số “01234” có số 0 đứng đầu; đọc là 1.234.');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        fc.stringMatching(/^\d{1,6}$/),
        fc.constantFrom('', ' hộ', '%'),
        (i, frac, tail) => {
          for (const text of [`${i}.${frac}${tail}`, `${i},${frac}${tail}`, `${i}${tail}`]) {
            const note = parseNumber(text).note ?? '';
            expect({ text, wrong: notVietnamese(note) }).toEqual({ text, wrong: [] });
            // Through the kinds that quote the note, the figures stay as the note wrote them.
            const said = render('KIEU-MO-HO', { text, note }).message;
            expect(notVietnamese(said)).toEqual([]);
          }
        },
      ),
    );
  });

  test('every kind’s example renders with vi-VN figures only', () => {
    for (const k of RULE_KINDS) {
      const out = render(k.id, k.example as never);
      expect({ id: k.id, wrong: notVietnamese(`${out.message} ${out.fix ?? ''}`) }).toEqual({ id: k.id, wrong: [] });
    }
  });
});

describe('importance headings and colours agree', () => {
  test('one group per severity and importance; its heading names both, once', () => {
    expect(ISSUE_GROUPS.map((g) => g.key)).toEqual([
      'loi/cao',
      'loi/trung-binh',
      'loi/thap',
      'canh-bao/cao',
      'canh-bao/trung-binh',
      'canh-bao/thap',
    ]);
    for (const g of ISSUE_GROUPS) {
      expect(g.heading.startsWith(g.severity === 'loi' ? 'Lỗi' : 'Cảnh báo')).toBe(true);
      const label = IMPORTANCE_LABEL[g.importance];
      expect(g.heading.split(label).length - 1).toBe(1);
      expect(g.heading).not.toMatch(/\(/);
    }
  });

  test('every issue lands in the group of its own severity (its colour) and importance', () => {
    const issues: Array<Pick<Issue, 'severity' | 'importance'>> = RULE_KINDS.map((k) =>
      render(k.id, k.example as never),
    );
    // A rule of low importance in DX_CauHinh is a warning: yellow, under a "Cảnh báo" heading.
    issues.push(
      render('CONG-THUC', { instruction: 'Kế hoạch đã ban hành thì ghi số, ngày văn bản.', importance: 'thap' }),
    );
    for (const i of issues) {
      const g = issueGroup(i);
      expect([g.severity, g.importance]).toEqual([i.severity, i.importance]);
    }
    const low = issueGroup(issues[issues.length - 1]);
    expect([low.severity, low.heading]).toEqual(['canh-bao', 'Cảnh báo, mức độ thấp']);
    // The missing preparer is an error of low importance: red, and its heading says "Lỗi".
    expect(issueGroup(render('THIEU-NGUOI-LAP', { field: 'Người lập' })).heading).toBe('Lỗi, mức độ thấp');
  });
});

describe('issues in the workbook’s order: sheet, row, column', () => {
  const issue = (sheet: string, cell: string, importance: Issue['importance'] = 'cao'): Issue => ({
    sheet,
    cell,
    rule: 'CONG-THUC',
    severity: 'loi',
    importance,
    message: 'm',
  });

  test('the tabs’ order, not the names’; row 10 after row 9; column AA after Z; importance does not reorder', () => {
    const sorted = sortIssues(
      [
        issue('T1 Chỉ tiêu', 'AA5'),
        issue('Thông tin chung', 'B8', 'thap'),
        issue('T1 Chỉ tiêu', 'Z5', 'thap'),
        issue('T1 Chỉ tiêu', 'B10'),
        issue('T1 Chỉ tiêu', 'C9', 'thap'),
        issue('Thông tin chung', 'B7'),
        issue('Trang khác', 'A1'),
      ],
      ['Thông tin chung', 'T1 Chỉ tiêu'],
    );
    expect(sorted.map((i) => `${i.sheet}!${i.cell}`)).toEqual([
      'Thông tin chung!B7',
      'Thông tin chung!B8',
      'T1 Chỉ tiêu!Z5',
      'T1 Chỉ tiêu!AA5',
      'T1 Chỉ tiêu!C9',
      'T1 Chỉ tiêu!B10',
      'Trang khác!A1',
    ]);
  });

  test('a property: sorted issues never go back a tab, a row within a tab, or a column within a row', () => {
    const tabs = ['Thông tin chung', 'T1 Chỉ tiêu', 'T4 Phản ánh', 'T6 Tuân thủ'];
    const col = fc.stringMatching(/^[A-Z]{1,2}$/);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...tabs), col, fc.integer({ min: 1, max: 2000 })), { maxLength: 40 }),
        (cells) => {
          const sorted = sortIssues(
            cells.map(([s, c, r]) => issue(s, `${c}${r}`)),
            tabs,
          );
          const key = (i: Issue) => {
            const [, c, r] = /^([A-Z]+)(\d+)$/.exec(i.cell)!;
            return [tabs.indexOf(i.sheet), Number(r), c.length, c] as const;
          };
          const order = (x: ReturnType<typeof key>, y: ReturnType<typeof key>) =>
            x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || (x[3] < y[3] ? -1 : x[3] > y[3] ? 1 : 0);
          for (let k = 1; k < sorted.length; k++)
            expect(order(key(sorted[k - 1]), key(sorted[k]))).toBeLessThanOrEqual(0);
        },
      ),
    );
  });

  test('validate, `validate` and `validate --json` list a real workbook’s issues in its order', async () => {
    const edits: Edit[] = [
      { cover: 'reportDate', value: null },
      { cover: 'preparer', value: null },
      { table: 'T4', row: '#1', field: 'received', value: 16 },
      { table: 'T4', row: '#1', field: 'resolved', value: 10 },
      { table: 'T4', row: '#1', field: 'resolvedOnTime', value: 6 },
      { table: 'T4', row: '#1', field: 'resolvedLate', value: 4 },
      { table: 'T4', row: '#1', field: 'inProcess', value: 5 },
      { table: 'T4', row: '#1', field: 'inProcessOnTime', value: 3 },
      { table: 'T4', row: '#1', field: 'inProcessLate', value: 2 },
    ];
    const { file, at } = await unitWorkbook(edits);
    const r = await validate(file);
    const tabs = (await (await XlsxWorkbook.open(file)).sheetNames()).filter((s) => !s.startsWith('DX_'));
    const where = r.issues.map((i) => `${i.sheet}!${i.cell}`);
    // The cover's two missing fields (one of low importance) come before the T4 sum error: the tab comes first.
    expect(where).toEqual(expect.arrayContaining([at[0], at[1], at[2]]));
    expect(where.indexOf(at[1])).toBeLessThan(where.indexOf(at[2]));
    expect(r.issues.find((i) => `${i.sheet}!${i.cell}` === at[1])!.importance).toBe('thap');
    expect(r.issues.map((i) => i.sheet)).toEqual(
      [...r.issues.map((i) => i.sheet)].sort((x, y) => tabs.indexOf(x) - tabs.indexOf(y)),
    );
    const json = await runMain(['validate', '--json', file]);
    expect(JSON.parse(json.stdout).issues.map((i: Issue) => `${i.sheet}!${i.cell}`)).toEqual(where);
    const text = await runMain(['validate', file]);
    const printed = text.stdout
      .split('\n')
      .map((l) => /^(\S.*?!\$?[A-Z]+\d+)\s/.exec(l)?.[1])
      .filter(Boolean);
    expect(printed).toEqual(where);
  });
});

describe('"x" and "X" are the same mark', () => {
  test('the one mark reader', () => {
    expect(['X', 'x', ' x ', 'Ｘ', 'x\u00a0'].map(isMark)).toEqual([true, true, true, true, true]);
    expect(['', null, 'có', 'XX', '1', 'v'].map((v) => isMark(v as never))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  test('"Đã ban hành" in T6: "x" and "X" alike; a refused mark is said once, not contradicted by the rule', async () => {
    const plan = (row: string, issued: string, document: string | null): Edit[] => [
      { table: 'T6a', row, field: 'issued', value: issued },
      { table: 'T6a', row, field: 'document', value: document },
    ];
    const cases: Array<[string, string | null]> = [
      ['x', '123/KH-UBND ngày 10/01/2023'],
      ['X', '123/KH-UBND ngày 10/01/2023'],
      ['x', null],
      ['X', null],
      ['có', null],
    ];
    const rows = [];
    for (const [issued, document] of cases) {
      const { file, at } = await unitWorkbook(plan('#1', issued, document));
      const r = await validate(file);
      const row = at[0].replace(/^.*![A-Z]+/, '');
      const onRow = r.issues.filter((i) => i.sheet === 'T6 Tuân thủ' && i.cell.replace(/^[A-Z]+/, '') === row);
      rows.push([issued, document !== null, onRow.map((i) => `${i.rule} ${i.severity}`)]);
    }
    expect(rows).toEqual([
      ['x', true, []],
      ['X', true, []],
      // Marked without its document: the rule's low-importance warning only, the mark accepted.
      ['x', false, ['CONG-THUC canh-bao']],
      ['X', false, ['CONG-THUC canh-bao']],
      // Not a mark: refused once, and the rule does not read it as issued.
      ['có', false, ['KIEU-DANH-SACH loi']],
    ]);
  });
});

describe('an optional column missing from a table never gives a sum error', () => {
  /** The one-stop table (T3b) as a staff lays it out: no "Đang giải quyết" column, 2 dossiers still in process. */
  const oneStop = (withInProcess: boolean) =>
    [
      `T T\tTên cơ quan, đơn vị\tTổng số hồ sơ tiếp nhận\tTổng số hồ sơ đã trả kết quả\t${withInProcess ? '\tĐang giải quyết' : ''}`,
      `\t\t\tĐúng hạn\tTrễ hạn${withInProcess ? '\t' : ''}`,
      `1\tPhường Vạn Thạnh\t120\t100\t18${withInProcess ? '\t1' : ''}`,
    ].join('\n');

  test('a staff layout without the optional column, written to .xlsx and read back: no CONG-THUC', async () => {
    const without = tmpFile('mot-cua.xlsx');
    await tsvWorkbook(without, [{ name: 'Một cửa', tsv: oneStop(false) }]);
    const r = await validate(without);
    expect(r.read.tables.map((t) => [t.table, 'inProcess' in t.columns])).toEqual([['T3b', false]]);
    expect(r.issues.filter((i) => i.rule === 'CONG-THUC')).toEqual([]);
    // The same table with the column, its figures not adding up: the rule still speaks.
    const withIt = tmpFile('mot-cua-du.xlsx');
    await tsvWorkbook(withIt, [{ name: 'Một cửa', tsv: oneStop(true) }]);
    const full = await validate(withIt);
    expect(full.issues.filter((i) => i.rule === 'CONG-THUC').map((i) => [i.cell, i.message])).toEqual([
      ['C3', 'Hồ sơ tiếp nhận = đã giải quyết đúng hạn + trễ hạn + đang giải quyết. Đang là 120 ≠ 100 + 18 + 1 = 119.'],
    ]);
  });

  test('a table mapped with DX_AnhXa that leaves the optional column out: no CONG-THUC', async () => {
    const file = tmpFile('anh-xa.xlsx');
    const tsv = [
      'T T\tTên cơ quan, đơn vị\tTổng số hồ sơ tiếp nhận\tHồ sơ đúng hạn\tHồ sơ quá hạn',
      '1\tPhường Vạn Thạnh\t120\t100\t18',
    ].join('\n');
    await tsvWorkbook(file, [{ name: 'Sheet1', tsv }]);
    const book = await XlsxWorkbook.open(file);
    const columns = { stt: 'A', unit: 'B', received: 'C', onTime: 'D', late: 'E' };
    await book.write([mappingSheet([{ sheet: 'Sheet1', table: 'T3b', headerRow: 1, columns }])]);
    await book.save(file);
    // Read back by a fresh ExcelJS load, as another program would see the file.
    const check = new ExcelJS.Workbook();
    await check.xlsx.readFile(file);
    expect(check.getWorksheet('DX_AnhXa')).toBeDefined();
    const r = await validate(file);
    expect(r.read.tables.map((t) => [t.table, t.sheet, 'inProcess' in t.columns])).toEqual([['T3b', 'Sheet1', false]]);
    expect(r.issues.filter((i) => i.rule === 'CONG-THUC')).toEqual([]);
  });
});

describe('wording says what is required', () => {
  test('no message or fix of the kinds states a requirement as a fact ("không lớn hơn" for "không được lớn hơn")', () => {
    const bare = /\bkhông (?!được|phải|có|khớp|tìm|đọc|còn|thu|cần|gần|rõ)(lớn hơn|nhỏ hơn|vượt|sau|trước)/u;
    for (const k of RULE_KINDS) {
      const out = render(k.id, k.example as never);
      expect({ id: k.id, bare: bare.test(`${out.message} ${out.fix ?? ''}`) }).toEqual({ id: k.id, bare: false });
    }
  });
});
