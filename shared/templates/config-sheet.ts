import { z } from 'zod';
import { buildCatalogue, defaultCatalogue } from '../catalogue/catalogue';
import { Indicator, IndicatorGroup, IndicatorInput, TargetLevel } from '../catalogue/schema';
import { ConfigError } from '../errors/errors';
import { parseTarget, targetText } from '../targets/target';
import { findTable, Grid, readRows } from '../tables/read';
import { CellSpec, columnLetter, SheetSpecInput, StyleName } from '../workbook/sheet-spec';
import { RuleSpec, RuleSpecInput, TableSpec } from './schema';
import { CONFIG_SHEET } from './version';

const col = (key: string, label: string, width = 14) => ({ key, label, kind: 'text' as const, width });

/** The indicator table of DX_CauHinh: one row per indicator, Vietnamese column names. */
export const CONFIG_INDICATORS: TableSpec = TableSpec.parse({
  id: 'CauHinhChiTieu',
  title: 'Danh mục chỉ tiêu',
  rows: 'free',
  columns: [
    col('code', 'Mã chỉ tiêu', 13),
    col('group', 'Nhóm', 7),
    col('number', 'Số TT', 7),
    col('name', 'Tên chỉ tiêu', 50),
    col('numerator', 'Tử số', 28),
    col('numeratorUnit', 'Đơn vị tử số', 12),
    col('denominator', 'Mẫu số', 28),
    col('denominatorUnit', 'Đơn vị mẫu số', 12),
    col('over100', 'Được vượt 100%', 10),
    col('precision', 'Số chữ số thập phân', 10),
    col('quocGia', 'Chỉ tiêu quốc gia', 18),
    col('tinh', 'Chỉ tiêu tỉnh', 18),
    col('thanhPho', 'Chỉ tiêu thành phố', 18),
    col('year', 'Năm chỉ tiêu', 9),
    col('source', 'Nguồn', 30),
  ].map((c) => ({
    ...c,
    optional: ['number', 'source', 'year', 'quocGia', 'tinh', 'thanhPho', 'over100', 'precision'].includes(c.key),
  })),
});

/** The rule table of DX_CauHinh: one row per rule (DHIS2 shape). */
export const CONFIG_RULES: TableSpec = TableSpec.parse({
  id: 'CauHinhQuyTac',
  title: 'Quy tắc kiểm tra',
  rows: 'free',
  columns: [
    col('id', 'Mã quy tắc', 22),
    col('table', 'Bảng', 8),
    col('left', 'Vế trái', 28),
    col('op', 'Phép so sánh', 10),
    col('right', 'Vế phải', 34),
    col('missing', 'Khi thiếu số liệu', 18),
    col('importance', 'Mức độ', 12),
    col('instruction', 'Hướng dẫn', 60),
  ],
});

const MISSING_VI = {
  'skip-if-any': 'bỏ qua nếu thiếu một',
  'skip-if-all': 'bỏ qua nếu thiếu tất cả',
  never: 'luôn kiểm tra',
} as const;
const IMPORTANCE_VI = { cao: 'cao', 'trung-binh': 'trung bình', thap: 'thấp' } as const;
const LEVEL_KEY: Record<TargetLevel, 'quocGia' | 'tinh' | 'thanhPho'> = {
  'quoc-gia': 'quocGia',
  tinh: 'tinh',
  'thanh-pho': 'thanhPho',
};

/** The target of a level in force for a report year: the latest not after it. */
function inForce(ind: Indicator, level: TargetLevel, year: number) {
  return ind.targets
    .filter((t) => t.level === level && (t.year === undefined || t.year <= year))
    .sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0];
}

/** DX_CauHinh as a sheet: the catalogue and the rules, editable by the secretariat. */
export function configSheet(catalogue: Indicator[], rules: RuleSpec[], year: number): SheetSpecInput {
  const rows: Array<Array<CellSpec | null>> = [];
  const h = (t: TableSpec) => t.columns.map((c) => ({ v: c.label, s: 'header' as StyleName }));
  const txt = (v: string | number | null | undefined, s: StyleName = 'input'): CellSpec => ({ v: v ?? null, s });
  rows.push([{ v: 'CẤU HÌNH MẪU BÁO CÁO (sửa tại đây rồi phát hành lại mẫu)', s: 'title' }]);
  rows.push([
    {
      v:
        'Chỉ tiêu ghi nguyên văn như kế hoạch (“Trên 8,5%”, “tối thiểu 70%”). Mỗi dòng một chỉ tiêu; dòng sai sẽ ' +
        'được báo kèm ô.',
      s: 'note',
    },
  ]);
  rows.push([]);
  rows.push(h(CONFIG_INDICATORS));
  for (const ind of catalogue) {
    rows.push([
      txt(ind.code),
      txt(ind.group),
      txt(ind.number ?? null),
      txt(ind.name, 'inputText'),
      txt(ind.numerator.label, 'inputText'),
      txt(ind.numerator.unit),
      txt(ind.denominator.label, 'inputText'),
      txt(ind.denominator.unit),
      txt(ind.allowOver100 ? 'có' : 'không'),
      txt(ind.precision),
      txt(inForce(ind, 'quoc-gia', year)?.text),
      txt(inForce(ind, 'tinh', year)?.text),
      txt(inForce(ind, 'thanh-pho', year)?.text),
      txt(year),
      txt(ind.source, 'inputText'),
    ]);
  }
  rows.push([]);
  rows.push(h(CONFIG_RULES));
  for (const r of rules) {
    rows.push([
      txt(r.id),
      txt(r.table),
      txt(r.left.join(' + ')),
      txt(r.op),
      txt(r.right.join(' + ')),
      txt(MISSING_VI[r.missing]),
      txt(IMPORTANCE_VI[r.importance]),
      txt(r.instruction, 'inputText'),
    ]);
  }
  const widths = CONFIG_INDICATORS.columns.map((c, i) => Math.max(c.width ?? 10, CONFIG_RULES.columns[i]?.width ?? 0));
  return { name: CONFIG_SHEET, rows, columnWidths: widths, freeze: { rows: 4, columns: 1 } };
}

export interface ConfigIssue {
  sheet: string;
  cell: string;
  message: string;
}

export interface ConfigRead {
  indicators: IndicatorInput[];
  rules: RuleSpecInput[];
  issues: ConfigIssue[];
}

const GROUPS = IndicatorGroup.options;

function str(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/** "Số TT" as the catalogue writes it ("01"): a host that took "01" for the number 1 gets it back. */
function numberText(v: unknown): string {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 100 ? String(v).padStart(2, '0') : str(v);
}

/**
 * Reads DX_CauHinh back. A malformed row is reported with its cell and left
 * out, never silently accepted or dropped.
 */
export function readConfig(grid: Grid, sheet = CONFIG_SHEET): ConfigRead {
  const out: ConfigRead = { indicators: [], rules: [], issues: [] };
  const at = (row: number, layoutCols: Record<string, number>, key: string) =>
    `${columnLetter(layoutCols[key])}${row + 1}`;
  const indLayout = findTable(grid, CONFIG_INDICATORS);
  if (!indLayout || indLayout.missing.length) {
    out.issues.push({
      sheet,
      cell: 'A1',
      message: `Không tìm thấy bảng chỉ tiêu (cần các cột: ${CONFIG_INDICATORS.columns
        .filter((c) => !c.optional)
        .map((c) => c.label)
        .join(', ')}).`,
    });
  } else {
    const seen = new Map<string, number>();
    for (const row of readRows(grid, CONFIG_INDICATORS, indLayout)) {
      const g = row.cells;
      const code = str(g.code);
      const where = (key: string) => at(row.row, indLayout.columns, key);
      const fail = (key: string, message: string) => out.issues.push({ sheet, cell: where(key), message });
      if (!/^[A-Z]+\.[0-9A-Z]+$/.test(code)) {
        fail('code', `Mã chỉ tiêu “${code}” không hợp lệ (dạng CQS.01).`);
        continue;
      }
      if (seen.has(code)) {
        fail('code', `Mã chỉ tiêu ${code} trùng với dòng ${seen.get(code)! + 1}.`);
        continue;
      }
      seen.set(code, row.row);
      const group = str(g.group).toUpperCase();
      if (!(GROUPS as readonly string[]).includes(group)) {
        fail('group', `Nhóm “${str(g.group)}” không hợp lệ (I, II, III, IV hoặc V).`);
        continue;
      }
      const precisionText = str(g.precision);
      const precision = precisionText === '' ? 2 : Number(precisionText);
      if (!Number.isInteger(precision) || precision < 0 || precision > 4) {
        fail('precision', `Số chữ số thập phân “${precisionText}” phải từ 0 đến 4.`);
        continue;
      }
      const over = str(g.over100).toLowerCase();
      if (over !== '' && !['có', 'không', 'x'].includes(over)) {
        fail('over100', `“Được vượt 100%” ghi “có” hoặc “không” (đang là “${str(g.over100)}”).`);
        continue;
      }
      const yearText = str(g.year);
      const year = yearText === '' ? undefined : Number(yearText);
      if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) {
        fail('year', `Năm chỉ tiêu “${yearText}” không hợp lệ.`);
        continue;
      }
      const targets: IndicatorInput['targets'] = [];
      let bad = false;
      for (const level of ['quoc-gia', 'tinh', 'thanh-pho'] as const) {
        const key = LEVEL_KEY[level];
        const t = targetText(g[key]).trim();
        if (!t) continue;
        if (!parseTarget(t) && /%/.test(t)) {
          fail(key, `Không đọc được chỉ tiêu “${t}”.`);
          bad = true;
          break;
        }
        targets.push({ level, text: t, year, source: `${sheet}!${where(key)}` });
      }
      if (bad) continue;
      for (const key of ['name', 'numerator', 'numeratorUnit', 'denominator', 'denominatorUnit']) {
        if (!str(g[key])) {
          fail(key, `Thiếu “${CONFIG_INDICATORS.columns.find((c) => c.key === key)!.label}”.`);
          bad = true;
          break;
        }
      }
      if (bad) continue;
      out.indicators.push({
        code,
        group: group as IndicatorGroup,
        number: numberText(g.number) || undefined,
        name: str(g.name),
        numerator: { label: str(g.numerator), unit: str(g.numeratorUnit) },
        denominator: { label: str(g.denominator), unit: str(g.denominatorUnit) },
        allowOver100: over === 'có' || over === 'x',
        precision,
        targets,
        source: str(g.source) || `${sheet}!A${row.row + 1}`,
      });
    }
  }
  const ruleLayout = findTable(grid, CONFIG_RULES, indLayout ? indLayout.headerRow + 1 : 0);
  if (ruleLayout && ruleLayout.missing.length === 0) {
    for (const row of readRows(grid, CONFIG_RULES, ruleLayout)) {
      const g = row.cells;
      const where = (key: string) => at(row.row, ruleLayout.columns, key);
      const missing =
        Object.entries(MISSING_VI).find(([, vi]) => vi === str(g.missing).toLowerCase())?.[0] ??
        (str(g.missing) || 'skip-if-any');
      const importance =
        Object.entries(IMPORTANCE_VI).find(([, vi]) => vi === str(g.importance).toLowerCase())?.[0] ??
        str(g.importance);
      const candidate = {
        id: str(g.id),
        table: str(g.table),
        left: str(g.left)
          .split('+')
          .map((s) => s.trim())
          .filter(Boolean),
        op: str(g.op),
        right: str(g.right)
          .split('+')
          .map((s) => s.trim())
          .filter(Boolean),
        missing,
        importance,
        instruction: str(g.instruction),
      };
      const parsed = RuleSpec.safeParse(candidate);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = String(issue.path[0] ?? 'id');
        const key = field in ruleLayout.columns ? field : 'id';
        out.issues.push({
          sheet,
          cell: where(key),
          message:
            `Quy tắc “${candidate.id}”: cột “${CONFIG_RULES.columns.find((c) => c.key === key)!.label}” ` +
            `không hợp lệ (${describe(issue)}).`,
        });
        continue;
      }
      out.rules.push(candidate as RuleSpecInput);
    }
  }
  return out;
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return `chỉ nhận: ${(issue.values as unknown[]).join(', ')}`;
  if (issue.code === 'too_small') return 'đang trống';
  return 'giá trị không đúng';
}

/** The catalogue and rules in force: the workbook's DX_CauHinh when it has one, else the default. */
export function catalogueFrom(configGrid: unknown[][] | undefined): {
  catalogue: Indicator[];
  rules?: RuleSpec[];
  from: 'workbook' | 'default';
} {
  if (!configGrid) return { catalogue: defaultCatalogue(), from: 'default' };
  const cfg = readConfig(configGrid as never);
  if (cfg.issues.length) {
    throw new ConfigError(CONFIG_SHEET, cfg.issues);
  }
  return {
    catalogue: buildCatalogue(cfg.indicators),
    rules: cfg.rules.map((r) => RuleSpec.parse(r)),
    from: 'workbook',
  };
}
