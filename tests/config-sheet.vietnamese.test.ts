/*
 * Issue 16: DX_CauHinh shows its rules in Vietnamese — each side by the unit sheet's column headings, the
 * operator as "≤" or "Cặp bắt buộc" — and "Cách cộng" names columns by their headings; reading takes what it
 * writes now and the technical keys older copies hold, and the stamp of a configuration does not change.
 */
import { defaultCatalogue } from '../shared/catalogue/catalogue';
import { findTable } from '../shared/tables/read';
import {
  builtInConfig,
  compareConfig,
  CONFIG_AGGREGATIONS,
  CONFIG_INDICATORS,
  CONFIG_RULES,
  configEntries,
  configSheet,
  configStamp,
  readConfig,
} from '../shared/templates/config-sheet';
import { CellValue, SheetSpec } from '../shared/workbook/sheet-spec';

const { catalogue, rules } = builtInConfig();
const grid = (): CellValue[][] =>
  SheetSpec.parse(configSheet(catalogue, rules, 2023)).rows.map((r) => r.map((c) => c?.v ?? null));

function ruleRow(g: CellValue[][], id: string): { row: CellValue[]; columns: Record<string, number> } {
  const layout = findTable(g, CONFIG_RULES, findTable(g, CONFIG_INDICATORS)!.headerRow + 1)!;
  return { row: g.find((r) => r[layout.columns.id] === id)!, columns: layout.columns };
}

describe('DX_CauHinh in Vietnamese', () => {
  test('rules are shown by their column headings and Vietnamese operators', () => {
    const g = grid();
    const sum = ruleRow(g, 'T3.MOT-CUA-TONG');
    expect([sum.row[sum.columns.left], sum.row[sum.columns.op], sum.row[sum.columns.right]]).toEqual([
      'Tổng số hồ sơ tiếp nhận',
      '=',
      'Tổng số hồ sơ đã trả kết quả — Đúng hạn + Tổng số hồ sơ đã trả kết quả — Trễ hạn + Đang giải quyết',
    ]);
    const pair = ruleRow(g, 'T6.KE-HOACH-VAN-BAN');
    expect([pair.row[pair.columns.left], pair.row[pair.columns.op], pair.row[pair.columns.right]]).toEqual([
      'Đã ban hành',
      'Cặp bắt buộc',
      'Số, ngày văn bản',
    ]);
    expect(ruleRow(g, 'T5.KINH-PHI-NAM').row[pair.columns.op]).toBe('≤');
    // No technical key is left in sight: no camelCase word, no "compulsory-pair".
    const shown = g.flat().filter((v): v is string => typeof v === 'string');
    expect(shown.filter((v) => /\b[a-z]+[A-Z][a-zA-Z]*\b|compulsory-pair|exclusive-pair/.test(v))).toEqual([]);
  });

  test('what it writes reads back as the rules it was made from; the stamp is unchanged', () => {
    const read = readConfig(grid());
    expect(read.issues).toEqual([]);
    expect(read.rules.map((r) => [r.id, r.left, r.op, r.right])).toEqual(
      rules.map((r) => [r.id, r.left, r.op, r.right]),
    );
    const issued = configEntries(catalogue, rules, 2023);
    expect(compareConfig(read, issued)).toEqual([]);
    // The fingerprint is taken over the keys: copies stamped before issue 16 still match.
    expect(configStamp(catalogue, rules, 2023).value).toMatch(/^Dấu cấu hình \(không sửa\): \S+ 2023 [0-9a-f]{8}$/);
    expect(read.stamp?.print).toBe(configStamp(catalogue, rules, 2023).value.slice(-8));
  });

  test('older copies with the technical keys, and headings typed by hand, read the same', () => {
    const g = grid();
    const sum = ruleRow(g, 'T3.MOT-CUA-TONG');
    sum.row[sum.columns.right] = 'onTime + late + inProcess';
    const pair = ruleRow(g, 'T6.KE-HOACH-VAN-BAN');
    pair.row[pair.columns.op] = 'compulsory-pair';
    const budget = ruleRow(g, 'T5.KINH-PHI-NAM');
    budget.row[budget.columns.op] = '<=';
    // A heading of its own where it names one column, tone marks and case folded.
    const feedback = ruleRow(g, 'T4.TIEP-NHAN');
    feedback.row[feedback.columns.left] = 'tổng số tiếp nhận';
    const typed = ruleRow(g, 'T6.KE-HOACH-VAN-BAN');
    typed.row[typed.columns.op] = 'cặp bắt buộc';
    const read = readConfig(g);
    expect(read.issues).toEqual([]);
    expect(read.rules.map((r) => [r.id, r.left, r.op, r.right])).toEqual(
      rules.map((r) => [r.id, r.left, r.op, r.right]),
    );
  });

  test('a changed rule is reported in the words of the sheet; an unknown column lists the headings', () => {
    const g = grid();
    const budget = ruleRow(g, 'T5.KINH-PHI-NAM');
    budget.row[budget.columns.op] = '≥';
    const diff = compareConfig(readConfig(g), configEntries(catalogue, rules, 2023));
    expect(diff.map((d) => [d.key, d.column, d.written, d.issued])).toEqual([
      ['T5.KINH-PHI-NAM', 'Phép so sánh', '≥', '≤'],
    ]);
    budget.row[budget.columns.left] = 'Kinh phí';
    const refused = readConfig(g).issues;
    expect(refused).toHaveLength(1);
    expect(refused[0].message).toContain('bảng T5 không có cột “Kinh phí”');
    expect(refused[0].message).toContain('“Kế hoạch kinh phí năm”');
    expect(refused[0].message).not.toMatch(/yearBudget/);
  });

  test('"Cách cộng" names each column by its heading, and reads keys too', () => {
    const g = grid();
    const layout = findTable(g, CONFIG_AGGREGATIONS)!;
    const rows = g.slice(layout.headerRow + 1).filter((r) => r[layout.columns.table]);
    const t4 = rows.find((r) => r[layout.columns.column] === 'Đang giải quyết — Tổng số')!;
    expect(t4[layout.columns.table]).toBe('T4');
    expect(readConfig(g).aggregations).toEqual({});
    t4[layout.columns.column] = 'inProcess';
    t4[layout.columns.aggregation] = 'Cộng các tháng';
    expect(readConfig(g).aggregations).toEqual({ 'T4/inProcess': 'sum' });
  });

  test('the default catalogue has no source left named by a seed number', () => {
    expect(defaultCatalogue().filter((i) => /seed/i.test(i.source + i.targets.map((t) => t.source).join()))).toEqual(
      [],
    );
    expect(defaultCatalogue().find((i) => i.code === 'CQS.01')!.source).toBe(
      'Báo cáo 9 tháng năm 2023, UBND TP Vũng Tàu, mục 6.2',
    );
  });
});
