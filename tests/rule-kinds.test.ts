import * as fs from 'fs';
import * as path from 'path';
import { parseStamp, periodMismatch, stampText, unknownUnit } from '../shared/messages/wording';
import { Issue } from '../shared/validation/issue';
import { render, RULE_KINDS, RULE_KIND_IDS, ruleTableMarkdown } from '../shared/validation/rule-kinds';
import { CHECKS } from '../shared/validation/validate';
import { flatten } from './helpers/flatten';

const ROOT = path.join(__dirname, '..');
const CHECKS_DIR = path.join(ROOT, 'shared', 'validation', 'checks');

describe('the kinds table is the one source of ids, severities, importances and sentences', () => {
  test('every kind of the table is declared by a check, and every declared kind is in the table', () => {
    const declared = Object.values(CHECKS).flatMap((c) => [...c.KINDS] as string[]);
    expect([...new Set(declared)].sort()).toEqual([...RULE_KIND_IDS].sort());
  });

  test('each check file emits every kind it declares, by name, and writes no sentence itself', () => {
    const files = fs.readdirSync(CHECKS_DIR).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBe(Object.keys(CHECKS).length);
    for (const f of files) {
      const text = fs.readFileSync(path.join(CHECKS_DIR, f), 'utf8');
      const declared = [...(/export const KINDS = \[([^\]]*)\]/.exec(text)?.[1] ?? '').matchAll(/'([A-Z-]+)'/g)].map(
        (m) => m[1],
      );
      const emitted = [...text.matchAll(/emit\(\s*'([A-Z-]+)'/g)].map((m) => m[1]);
      expect({ file: f, declared, emitted: declared.filter((id) => emitted.includes(id)) }).toEqual({
        file: f,
        declared,
        emitted: declared,
      });
      expect([...new Set(emitted)].filter((id) => !declared.includes(id))).toEqual([]);
      // No message of its own: no `message:`, no quoted phrase of three words or more (comments aside).
      const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      const sentences = code.match(
        /message:|`[^`\n]*\p{L}+ \p{L}+ \p{L}+[^`\n]*`|'[^'\n]*\p{L}+ \p{L}+ \p{L}+[^'\n]*'/gu,
      );
      expect({ file: f, sentences: sentences ?? [] }).toEqual({ file: f, sentences: [] });
    }
  });

  test('one kind, one severity and one importance (CONG-THUC: the rule’s own)', () => {
    for (const k of RULE_KINDS) {
      expect(['loi', 'canh-bao']).toContain(k.severity);
      expect(['cao', 'trung-binh', 'thap', ...(k.id === 'CONG-THUC' ? ['theo-quy-tac'] : [])]).toContain(k.importance);
    }
    const r = (importance: 'cao' | 'thap') =>
      render('CONG-THUC', { instruction: 'Tiếp nhận = đã giải quyết + đang giải quyết.', importance });
    expect([r('cao').importance, r('thap').importance]).toEqual(['cao', 'thap']);
  });

  test('every example renders through its template into Vietnamese', () => {
    for (const k of RULE_KINDS) {
      const out = render(k.id, k.example as never);
      expect({ id: k.id, vietnamese: /[ạ-ỹà-ýđ]/u.test(out.message) }).toEqual({ id: k.id, vietnamese: true });
    }
  });

  test('the messages users see are the ones they saw before the table owned them', () => {
    const rows = [
      render('TEN-DON-VI', { name: 'Pường 1', suggestion: 'Phường 1' }),
      render('TY-LE', { reported: 0.5403, decimals: 2, numerator: 118103, denominator: 142378 }),
      render('CONG-THUC', {
        instruction: 'Tiếp nhận = đã giải quyết + đang giải quyết.',
        importance: 'cao',
        figures: { left: { values: [16], total: 16 }, op: '=', right: { values: [10, 5], total: 15 } },
      }),
      render('KIEU-MO-HO', { text: '421.62', note: 'n' }),
      render('BIEN-DONG', { column: 'Tổng số hồ sơ', before: 800, beforePeriod: 'tháng 5/2023', now: 8122 }),
    ];
    expect(flatten(rows, ['rule', 'severity', 'importance', 'message', 'fix'])).toEqual([
      ['TEN-DON-VI', 'loi', 'trung-binh', '“Pường 1” không có trong danh mục đơn vị. Có phải “Phường 1”?', 'Phường 1'],
      ['TY-LE', 'loi', 'cao', 'Tỷ lệ báo cáo 54,03% không khớp 118.103/142.378 = 82,95%', 'Tỷ lệ đúng: 82,95%'],
      ['CONG-THUC', 'loi', 'cao', 'Tiếp nhận = đã giải quyết + đang giải quyết. Đang là 16 ≠ 10 + 5 = 15.', undefined],
      ['KIEU-MO-HO', 'loi', 'trung-binh', 'n', 'Nếu là số hàng nghìn: 421.620'],
      [
        'BIEN-DONG',
        'canh-bao',
        'thap',
        '“Tổng số hồ sơ” tăng từ 800 (tháng 5/2023) lên 8.122, gấp 10,2 lần so với kỳ trước.',
        'Kiểm tra lại số liệu; nếu đúng, ghi lý do ở cột ghi chú.',
      ],
    ]);
  });

  test('Issue.rule takes only the ids of the table', () => {
    const base = { sheet: 'T4', cell: 'C6', severity: 'loi', importance: 'cao', message: 'x' };
    expect(Issue.safeParse({ ...base, rule: 'CONG-THUC' }).success).toBe(true);
    expect(Issue.safeParse({ ...base, rule: 'KHONG-CO' }).success).toBe(false);
  });
});

describe('shared wordings', () => {
  test('a unit not in the registry, with and without a suggestion', () => {
    expect(unknownUnit('Pường 1', 'Phường 1')).toBe('“Pường 1” không có trong danh mục đơn vị. Có phải “Phường 1”?');
    expect(unknownUnit('UBND các phường, xã')).toBe('“UBND các phường, xã” không có trong danh mục đơn vị.');
  });

  test('a period other than the one asked for', () => {
    expect(periodMismatch('tháng 5/2023', 'tháng 6/2023')).toBe(
      'Kỳ báo cáo “tháng 5/2023” khác kỳ đang tổng hợp “tháng 6/2023”.',
    );
  });

  test('the completion stamp is written and read back by one pair of functions', () => {
    const text = stampText(new Date(2023, 6, 10, 9, 5));
    expect(text).toBe('10/07/2023 09:05');
    expect(parseStamp(text)).toEqual({ day: { y: 2023, m: 7, d: 10 }, hour: 9, minute: 5 });
    expect(parseStamp('10/07/2023')).toEqual({ day: { y: 2023, m: 7, d: 10 }, hour: 0, minute: 0 });
    expect(parseStamp('2023-07-10')).toEqual({ day: { y: 2023, m: 7, d: 10 }, hour: 0, minute: 0 });
    expect(parseStamp('chưa')).toBeNull();
  });
});

const START = '<!-- rule-table:start -->';
const END = '<!-- rule-table:end -->';

/**
 * The README's rule table is rendered from the kinds table. `UPDATE_README=1 npx jest tests/rule-kinds.test.ts`
 * rewrites the block between the markers (and nothing else of the README).
 */
test('the README rule table is the one the kinds table renders', () => {
  const file = path.join(ROOT, 'README.md');
  const readme = fs.readFileSync(file, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  expect({ markers: start >= 0 && end > start }).toEqual({ markers: true });
  const block = `${START}\n${ruleTableMarkdown()}\n${END}`;
  if (process.env.UPDATE_README === '1') {
    fs.writeFileSync(file, readme.slice(0, start) + block + readme.slice(end + END.length));
    return;
  }
  const written = readme.slice(start, end + END.length);
  // On failure jest shows the rows that differ; run with UPDATE_README=1 to rewrite the block.
  expect(written.split('\n')).toEqual(block.split('\n'));
});
