import { z } from 'zod';
import { buildCatalogue, defaultCatalogue } from '../catalogue/catalogue';
import { Indicator, IndicatorGroup, IndicatorInput, TargetLevel } from '../catalogue/schema';
import { issueSentence } from '../errors/messages';
import { ConfigError } from '../errors/errors';
import {
  Aggregation,
  AGGREGATION_LABEL,
  AGGREGATION_REASON,
  aggregationOfMeasure,
  parseAggregation,
} from '../numbers/aggregation';
import { ColumnSpec } from '../tables/schema';
import { parseTarget, targetText } from '../targets/target';
import { findTable, Grid, readRows, TableLayout, TableRow } from '../tables/read';
import { fingerprint } from '../text/fingerprint';
import { toneKey } from '../text/fold';
import { shortText, stripInvisible } from '../text/invisible';
import { CellSpec, columnLetter, SheetSpecInput, StyleName } from '../workbook/sheet-spec';
import { columnAggregation, columnLabel, FIGURE_COLUMNS, figureColumn, figureKey } from './aggregations';
import { FAMILIES } from './families';
import { Operator, RuleSpec, RuleSpecInput, TableSpec } from './schema';
import { CONFIG_SHEET, TEMPLATE_VERSION } from './version';

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
    // Optional: a copy issued before issue 12 has neither, and reads as each unit of measure adds up.
    col('numeratorAggregation', 'Cách cộng tử số', 17),
    col('denominatorAggregation', 'Cách cộng mẫu số', 17),
    col('over100', 'Được vượt 100%', 10),
    col('precision', 'Số chữ số thập phân', 10),
    col('quocGia', 'Chỉ tiêu quốc gia', 18),
    col('tinh', 'Chỉ tiêu tỉnh', 18),
    col('thanhPho', 'Chỉ tiêu thành phố', 18),
    col('year', 'Năm chỉ tiêu', 9),
    col('source', 'Nguồn', 30),
  ].map((c) => ({
    ...c,
    optional: [
      'number',
      'source',
      'year',
      'quocGia',
      'tinh',
      'thanhPho',
      'over100',
      'precision',
      'numeratorAggregation',
      'denominatorAggregation',
    ].includes(c.key),
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

/**
 * The third table of DX_CauHinh (issue 12): how each count or amount of the unit tables adds up over months,
 * one row per column, editable in "Cách cộng". "Cột" names the column as the unit sheet heads it ("Đã giải
 * quyết — Đúng hạn"); copies written before issue 16 hold its technical key there ("resolvedOnTime") and the
 * heading in "Tên cột", and read as well. "Lý do" is written for the reader and not read back. A copy issued
 * before issue 12 has no such table: every column then adds up as built in.
 */
export const CONFIG_AGGREGATIONS: TableSpec = TableSpec.parse({
  id: 'CauHinhCachCong',
  title: 'Cách cộng số liệu theo thời gian',
  rows: 'free',
  columns: [
    col('table', 'Bảng', 8),
    col('column', 'Cột', 18),
    { ...col('label', 'Tên cột', 28), optional: true },
    col('aggregation', 'Cách cộng', 26),
    { ...col('reason', 'Lý do', 34), optional: true },
  ],
});

/** The parts of an indicator as figures, with the key suffix consolidation gives them ("CQS.01/tu-so"). */
const PARTS = [
  { part: 'numerator', key: 'numeratorAggregation', suffix: 'tu-so' },
  { part: 'denominator', key: 'denominatorAggregation', suffix: 'mau-so' },
] as const;

const AGGREGATION_CHOICES = Aggregation.options.map((a) => AGGREGATION_LABEL[a]);

/** The columns DX_CauHinh writes for a table: all but those kept only to read older copies. */
const WRITTEN: Record<string, readonly string[]> = { CauHinhCachCong: ['label'] };
const written = (t: TableSpec) => t.columns.filter((c) => !WRITTEN[t.id]?.includes(c.key));

/**
 * The rule operators as DX_CauHinh shows them: a reader sees "≤" and "Cặp bắt buộc", not "<=" and
 * "compulsory-pair". Reading takes either, so copies written before issue 16 still read.
 */
export const OPERATOR_VI: Record<z.infer<typeof Operator>, string> = {
  '=': '=',
  '!=': '≠',
  '<': '<',
  '<=': '≤',
  '>': '>',
  '>=': '≥',
  'compulsory-pair': 'Cặp bắt buộc',
  'exclusive-pair': 'Cặp loại trừ',
};

/** An operator as written in "Phép so sánh": its key or its Vietnamese, case and tone marks folded. */
function readOperator(text: string): string {
  const key = toneKey(text);
  const found = (Object.entries(OPERATOR_VI) as Array<[z.infer<typeof Operator>, string]>).find(
    ([op, vi]) => op === text || toneKey(vi) === key,
  );
  return found ? found[0] : text === '<>' ? '!=' : text;
}

/** The columns of each table a rule may be about (own keys only: no "constructor"). */
const TABLE_SPECS = new Map(FAMILIES.flatMap((f) => f.tables).map((t) => [t.id, t.columns]));

/** A rule's side as DX_CauHinh shows it: each column by its heading ("Đã giải quyết — Đúng hạn"), " + " apart. */
export function sideText(table: string, keys: readonly string[]): string {
  const columns = TABLE_SPECS.get(table);
  return keys
    .map((k) => columns?.find((c) => c.key === k))
    .map((c, i) => (c ? columnLabel(c) : keys[i]))
    .join(' + ');
}

/**
 * A rule's side as written: each term a column's key ("resolvedOnTime", as copies before issue 16 hold it), its
 * full heading, or its own heading where that names one column of the table; tone marks and case folded. A
 * term that names no column is kept as written, for the refusal to quote.
 */
function readSide(table: string, text: string): string[] {
  const columns = TABLE_SPECS.get(table) ?? [];
  return text
    .split('+')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((term) => {
      if (columns.some((c) => c.key === term)) return term;
      const key = toneKey(term);
      const full = columns.find((c) => toneKey(columnLabel(c)) === key);
      const own = columns.filter((c) => toneKey(c.label) === key);
      return full?.key ?? (own.length === 1 ? own[0].key : term);
    });
}

/** A unit table's column in "Cách cộng": its key (copies before issue 16) or its heading, folded. */
function readFigureColumn(table: string, text: string): string {
  const columns = FIGURE_COLUMNS.get(table) ?? [];
  if (columns.some((c) => c.key === text)) return text;
  const key = toneKey(text);
  return columns.find((c) => toneKey(columnLabel(c)) === key)?.key ?? text;
}

/** The sentence refusing an unreadable aggregation type, naming the three the dropdown offers. */
function aggregationRefusal(column: string, written: string): string {
  const [sum, last, none] = AGGREGATION_CHOICES.map((l) => `“${l}”`);
  return `“${column}” ghi “${shortText(written)}”: chỉ nhận ${sum}, ${last} hoặc ${none}.`;
}

/** Every count or amount of the unit tables with its type: as built in unless `overrides` names it. */
function figureAggregations(
  overrides: Readonly<Record<string, Aggregation>> = {},
): Array<{ table: string; column: ColumnSpec; key: string; value: Aggregation; builtIn: Aggregation }> {
  return [...FIGURE_COLUMNS].flatMap(([table, columns]) =>
    columns.map((column) => {
      const key = figureKey(table, column.key);
      const builtIn = columnAggregation(column).aggregation;
      const given = Object.prototype.hasOwnProperty.call(overrides, key) ? overrides[key] : undefined;
      return { table, column, key, value: Aggregation.safeParse(given).data ?? builtIn, builtIn };
    }),
  );
}

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

/**
 * DX_CauHinh as a sheet: the catalogue, the rules and how each figure adds up over months, editable by the
 * secretariat. `aggregations` are the columns' types that differ from the built-in ones (MasterConfig's).
 */
export function configSheet(
  catalogue: Indicator[],
  rules: RuleSpec[],
  year: number,
  aggregations?: Readonly<Record<string, Aggregation>>,
): SheetSpecInput {
  const rows: Array<Array<CellSpec | null>> = [];
  const validations: Array<{ range: string; list: string[] }> = [];
  // A dropdown of the three types over one column of the rows just written (0-based, inclusive).
  const dropdown = (spec: TableSpec, key: string, first: number, last: number) => {
    const c = columnLetter(written(spec).findIndex((x) => x.key === key));
    if (last >= first) validations.push({ range: `${c}${first + 1}:${c}${last + 1}`, list: AGGREGATION_CHOICES });
  };
  const h = (t: TableSpec) => written(t).map((c) => ({ v: c.label, s: 'header' as StyleName }));
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
  // What the configuration was when the product wrote it: the validator tells an edited copy by it. One cell
  // in the wide "Tên chỉ tiêu" column, so the row is never taken for a header and stays one line high.
  rows.push([null, null, null, { v: configStamp(catalogue, rules, year, aggregations).value, s: 'stamp' }]);
  rows.push(h(CONFIG_INDICATORS));
  const firstIndicator = rows.length;
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
      txt(AGGREGATION_LABEL[ind.numerator.aggregation]),
      txt(AGGREGATION_LABEL[ind.denominator.aggregation]),
      txt(ind.allowOver100 ? 'có' : 'không'),
      txt(ind.precision),
      txt(inForce(ind, 'quoc-gia', year)?.text),
      txt(inForce(ind, 'tinh', year)?.text),
      txt(inForce(ind, 'thanh-pho', year)?.text),
      txt(year),
      txt(ind.source, 'inputText'),
    ]);
  }
  for (const { key } of PARTS) dropdown(CONFIG_INDICATORS, key, firstIndicator, rows.length - 1);
  rows.push([]);
  rows.push(h(CONFIG_RULES));
  for (const r of rules) {
    rows.push([
      txt(r.id),
      txt(r.table),
      txt(sideText(r.table, r.left)),
      txt(OPERATOR_VI[r.op]),
      txt(sideText(r.table, r.right)),
      txt(MISSING_VI[r.missing]),
      txt(IMPORTANCE_VI[r.importance]),
      txt(r.instruction, 'inputText'),
    ]);
  }
  // Blank lines around the title: a reader of the rules stops at the blank line before the next header,
  // so even a product that does not know this table never takes its rows for rules.
  rows.push([], [{ v: CONFIG_AGGREGATIONS.title, s: 'label' }], []);
  rows.push(h(CONFIG_AGGREGATIONS));
  const firstFigure = rows.length;
  for (const f of figureAggregations(aggregations)) {
    const reason = f.value === f.builtIn ? columnAggregation(f.column).reason : AGGREGATION_REASON[f.value];
    rows.push([
      txt(f.table, 'text'),
      txt(columnLabel(f.column), 'text'),
      txt(AGGREGATION_LABEL[f.value]),
      txt(reason, 'text'),
    ]);
  }
  dropdown(CONFIG_AGGREGATIONS, 'aggregation', firstFigure, rows.length - 1);
  const tables = [CONFIG_INDICATORS, CONFIG_RULES, CONFIG_AGGREGATIONS];
  const widths = CONFIG_INDICATORS.columns.map((_, i) => Math.max(...tables.map((t) => written(t)[i]?.width ?? 0)));
  return { name: CONFIG_SHEET, rows, columnWidths: widths, freeze: { rows: 4, columns: 1 }, validations };
}

export interface ConfigIssue {
  sheet: string;
  cell: string;
  message: string;
  /** The indicator code or rule id of the row refused, when it has one. */
  key?: string;
}

/** Where one of DX_CauHinh's tables is: its header row and columns, and the row of each code, id or figure. */
export interface ConfigTablePlace {
  headerRow: number;
  columns: Record<string, number>;
  rows: Map<string, number>;
}

/** The stamp the product writes under the title: the template version, the targets' year, the fingerprint. */
export interface ConfigStamp {
  cell: string;
  version: string;
  year: number;
  print: string;
}

export interface ConfigRead {
  indicators: IndicatorInput[];
  rules: RuleSpecInput[];
  /**
   * The columns of the unit tables whose type "Cách cộng số liệu theo thời gian" gives otherwise than built
   * in, by figure key ("T3a/dossiers"): a column not listed adds up as built in (no table, no row, a blank).
   */
  aggregations: Record<string, Aggregation>;
  issues: ConfigIssue[];
  /** Where the tables and their rows are, for reporting a difference at its cell. */
  where: {
    indicators: ConfigTablePlace | null;
    rules: ConfigTablePlace | null;
    /** Its rows keyed by figure ("T3a/dossiers"). */
    aggregations: ConfigTablePlace | null;
  };
  stamp: ConfigStamp | null;
  /** The "Năm chỉ tiêu" the rows give (the first one written), when any. */
  year: number | null;
}

/** How the stamp begins. */
export const STAMP_LABEL = 'Dấu cấu hình (không sửa):';

/**
 * The stamp of a configuration: the cell under DX_CauHinh's title and its text, "Dấu cấu hình (không
 * sửa): DX-2026.1 2023 1a2b3c4d" — the template version, the targets' year and the fingerprint of what
 * was issued. An operation that issues an existing DX_CauHinh as it stands writes it there too.
 */
export function configStamp(
  catalogue: Indicator[],
  rules: RuleSpec[],
  year: number,
  aggregations?: Readonly<Record<string, Aggregation>>,
): { cell: string; value: string } {
  const print = configPrint(configEntries(catalogue, rules, year, aggregations));
  return { cell: 'D3', value: `${STAMP_LABEL} ${TEMPLATE_VERSION} ${year} ${print}` };
}

/** Reads the stamp above the indicator table, in whichever cell it is. */
function readStamp(grid: Grid, before: number): ConfigStamp | null {
  for (let r = 0; r < Math.min(before, grid.length); r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = str(row[c]);
      if (!text.startsWith(STAMP_LABEL)) continue;
      const m = /^(\S+) (\d{4}) ([0-9a-f]{8})$/.exec(text.slice(STAMP_LABEL.length).trim());
      return m ? { cell: `${columnLetter(c)}${r + 1}`, version: m[1], year: Number(m[2]), print: m[3] } : null;
    }
  }
  return null;
}

/** The fields of an indicator row and of a rule row a difference is looked for in (the columns' keys). */
export const INDICATOR_FIELDS = [
  'group',
  'name',
  'numerator',
  'numeratorUnit',
  'denominator',
  'denominatorUnit',
  'over100',
  'precision',
  'quocGia',
  'tinh',
  'thanhPho',
] as const;
export const RULE_FIELDS = ['table', 'left', 'op', 'right', 'missing', 'importance', 'instruction'] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];
export type RuleField = (typeof RULE_FIELDS)[number];

/**
 * A configuration as DX_CauHinh shows it for a year, one text per field: what a unit's copy is
 * compared with, field by field. The issued catalogue's target per level is the one in force that
 * year, as `configSheet` writes it; texts are compared in NFC with runs of spaces as one.
 */
export interface ConfigEntries {
  year: number;
  indicators: Map<string, Record<IndicatorField, string>>;
  rules: Map<string, Record<RuleField, string>>;
  /**
   * How each figure adds up over months, by figure key: an indicator's numerator and denominator
   * ("CQS.01/tu-so", "CQS.01/mau-so") and every count or amount of the unit tables ("T3a/dossiers"), each
   * with its type and the one it has by default (its unit of measure's; the column's built-in type).
   */
  aggregations: Map<string, AggregationEntry>;
}

export interface AggregationEntry {
  value: Aggregation;
  byDefault: Aggregation;
}

const norm = (v: unknown) => stripInvisible(str(v)).normalize('NFC').replace(/\s+/g, ' ');

/**
 * `aggregations`: the columns' types that differ from the built-in ones (MasterConfig's, ConfigRead's); an
 * indicator's types are its quantities'.
 */
export function configEntries(
  catalogue: Array<Indicator | IndicatorInput>,
  rules: Array<RuleSpec | RuleSpecInput>,
  year: number,
  aggregations?: Readonly<Record<string, Aggregation>>,
): ConfigEntries {
  const indicators = new Map<string, Record<IndicatorField, string>>();
  const types = new Map<string, AggregationEntry>();
  for (const raw of catalogue) {
    const parsed = Indicator.safeParse(raw);
    if (!parsed.success) continue;
    const ind = parsed.data;
    const target = (level: TargetLevel) => norm(inForce(ind, level, year)?.text);
    indicators.set(ind.code, {
      group: ind.group,
      name: norm(ind.name),
      numerator: norm(ind.numerator.label),
      numeratorUnit: norm(ind.numerator.unit),
      denominator: norm(ind.denominator.label),
      denominatorUnit: norm(ind.denominator.unit),
      over100: ind.allowOver100 ? 'có' : 'không',
      precision: String(ind.precision),
      quocGia: target('quoc-gia'),
      tinh: target('tinh'),
      thanhPho: target('thanh-pho'),
    });
    for (const { part, suffix } of PARTS) {
      const q = ind[part];
      types.set(`${ind.code}/${suffix}`, { value: q.aggregation, byDefault: aggregationOfMeasure(q.unit).aggregation });
    }
  }
  for (const f of figureAggregations(aggregations)) types.set(f.key, { value: f.value, byDefault: f.builtIn });
  const out = new Map<string, Record<RuleField, string>>();
  for (const raw of rules) {
    const parsed = RuleSpec.safeParse(raw);
    if (!parsed.success) continue;
    const r = parsed.data;
    out.set(r.id, {
      table: norm(r.table),
      left: r.left.map(norm).join(' + '),
      op: r.op,
      right: r.right.map(norm).join(' + '),
      missing: r.missing,
      importance: r.importance,
      instruction: norm(r.instruction),
    });
  }
  return { year, indicators, rules: out, aggregations: types };
}

/**
 * The entries as sorted plain data: what the fingerprint is taken over. Only the types that differ from
 * their default are in it, and only when there is one: a configuration with every type as by default prints
 * as it did before DX_CauHinh showed types, so copies stamped before then still match what they were issued.
 */
function entryList(e: ConfigEntries): unknown {
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const changed = new Map([...e.aggregations].filter(([, a]) => a.value !== a.byDefault).map(([k, a]) => [k, a.value]));
  const base = { indicators: sorted(e.indicators), rules: sorted(e.rules) };
  return changed.size ? { ...base, aggregations: sorted(changed) } : base;
}

/** The 8-hex-digit fingerprint of a configuration for a year. */
export function configPrint(e: ConfigEntries): string {
  return fingerprint(entryList(e)).slice(0, 8);
}

/** One way a unit's DX_CauHinh differs from the configuration issued to it. */
export interface ConfigDifference {
  sheet: string;
  cell: string;
  /**
   * An indicator or a rule, by its code or id; the sheet as a whole for an edit only its stamp shows, or for
   * a row of "Cách cộng số liệu theo thời gian", by its figure key ("T3a/dossiers").
   */
  what: 'indicator' | 'rule' | 'sheet';
  key: string;
  /** Missing from the copy, not in the issued one, one field changed, or edited since its stamp. */
  change: 'missing' | 'extra' | 'changed' | 'edited';
  /** The column's label, for a changed field. */
  column?: string;
  written?: string;
  issued?: string;
}

/**
 * Compares a unit's DX_CauHinh (as read) with the configuration issued to it, field by field: each
 * difference at its cell — a deleted row at its table's header, an added row at its code, an edited
 * field at that field. Rows the reader refused (reported as CAU-HINH) are not reported again. An aggregation
 * type is compared as it applies: a blank, a missing column or table is the default type.
 */
export function compareConfig(read: ConfigRead, issued: ConfigEntries, sheet = CONFIG_SHEET): ConfigDifference[] {
  const out: ConfigDifference[] = [];
  const copy = configEntries(read.indicators, read.rules, issued.year, read.aggregations);
  const refused = new Set(read.issues.map((i) => i.key).filter(Boolean));
  const sides = [
    ['indicator', copy.indicators, issued.indicators, read.where.indicators, CONFIG_INDICATORS, 'code'],
    ['rule', copy.rules, issued.rules, read.where.rules, CONFIG_RULES, 'id'],
  ] as const;
  for (const [what, mine, theirs, place, spec, keyCol] of sides) {
    const cellOf = (row: number | undefined, key: string) =>
      place && row !== undefined && key in place.columns ? `${columnLetter(place.columns[key])}${row + 1}` : null;
    const header = place ? `${columnLetter(place.columns[keyCol] ?? 0)}${place.headerRow + 1}` : 'A1';
    const label = (key: string) => spec.columns.find((c) => c.key === key)?.label ?? key;
    for (const [key, fields] of theirs as Map<string, Record<string, string>>) {
      if (refused.has(key)) continue;
      const have = (mine as Map<string, Record<string, string>>).get(key);
      if (!have) {
        out.push({ sheet, cell: header, what, key, change: 'missing' });
        continue;
      }
      const row = place?.rows.get(key);
      for (const [field, value] of Object.entries(fields)) {
        // A rule's Hướng dẫn is the hint the unit reads, not the rule: a release that words a hint better
        // ("không được lớn hơn") must not make every copy issued before it a different configuration.
        if (have[field] === value || (what === 'rule' && field === 'instruction')) continue;
        out.push({
          sheet,
          cell: cellOf(row, field) ?? cellOf(row, keyCol) ?? header,
          what,
          key,
          change: 'changed',
          column: label(field),
          written: what === 'rule' ? ruleFieldText(field, have[field], have.table) : have[field],
          issued: what === 'rule' ? ruleFieldText(field, value, fields.table) : value,
        });
      }
    }
    for (const key of (mine as Map<string, unknown>).keys()) {
      if ((theirs as Map<string, unknown>).has(key)) continue;
      out.push({ sheet, cell: cellOf(place?.rows.get(key), keyCol) ?? header, what, key, change: 'extra' });
    }
  }
  out.push(...compareAggregations(read, copy, issued, refused, sheet));
  return out;
}

/**
 * A rule's field as DX_CauHinh shows it, for a difference a reader is told about: the entries hold keys (what
 * the fingerprint is taken over, unchanged since copies were first stamped), the reader sees the sheet's words.
 */
function ruleFieldText(field: string, value: string | undefined, table: string | undefined): string | undefined {
  if (value === undefined) return value;
  if (field === 'left' || field === 'right') return value === '' ? value : sideText(table ?? '', value.split(' + '));
  if (field === 'op') return OPERATOR_VI[value as keyof typeof OPERATOR_VI] ?? value;
  if (field === 'missing') return MISSING_VI[value as keyof typeof MISSING_VI] ?? value;
  if (field === 'importance') return IMPORTANCE_VI[value as keyof typeof IMPORTANCE_VI] ?? value;
  return value;
}

/** The aggregation types of a copy that differ from the issued ones, each at its "Cách cộng" cell. */
function compareAggregations(
  read: ConfigRead,
  copy: ConfigEntries,
  issued: ConfigEntries,
  refused: Set<string | undefined>,
  sheet: string,
): ConfigDifference[] {
  const out: ConfigDifference[] = [];
  const cell = (place: ConfigTablePlace | null, row: string, ...keys: string[]) => {
    const r = place?.rows.get(row);
    const c = keys.map((k) => place?.columns[k]).find((x) => x !== undefined);
    if (place && r !== undefined && c !== undefined) return `${columnLetter(c)}${r + 1}`;
    return place ? `${columnLetter(place.columns[keys[keys.length - 1]] ?? 0)}${place.headerRow + 1}` : 'A1';
  };
  for (const [key, { value }] of issued.aggregations) {
    const have = copy.aggregations.get(key)?.value;
    if (have === undefined || have === value || refused.has(key)) continue;
    const written = AGGREGATION_LABEL[have];
    const issuedLabel = AGGREGATION_LABEL[value];
    const figure = figureColumn(key);
    if (figure) {
      // A row of the third table; with no such table in the copy, at its place's header or A1.
      const at = cell(read.where.aggregations, key, 'aggregation', 'column');
      out.push({
        sheet,
        cell: at,
        what: 'sheet',
        key,
        change: 'changed',
        column: 'Cách cộng',
        written,
        issued: issuedLabel,
      });
      continue;
    }
    const code = key.slice(0, key.lastIndexOf('/'));
    const part = PARTS.find((p) => key === `${code}/${p.suffix}`)!;
    // An indicator missing, added or refused is reported as such already.
    if (refused.has(code) || !copy.indicators.has(code)) continue;
    const column = CONFIG_INDICATORS.columns.find((c) => c.key === part.key)!.label;
    out.push({
      sheet,
      cell: cell(read.where.indicators, code, part.key, 'code'),
      what: 'indicator',
      key: code,
      change: 'changed',
      column,
      written,
      issued: issuedLabel,
    });
  }
  return out;
}

const GROUPS = IndicatorGroup.options;

/** A column's heading in the indicator table, by its key. */
const columnOf = (key: string) => CONFIG_INDICATORS.columns.find((c) => c.key === key)?.label ?? key;

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
  const out: ConfigRead = {
    indicators: [],
    rules: [],
    aggregations: {},
    issues: [],
    where: { indicators: null, rules: null, aggregations: null },
    stamp: null,
    year: null,
  };
  const at = (row: number, layoutCols: Record<string, number>, key: string) =>
    `${columnLetter(layoutCols[key])}${row + 1}`;
  const indLayout = findTable(grid, CONFIG_INDICATORS);
  const found = indLayout && !indLayout.missing.length ? indLayout : null;
  const ruleLayout = findTable(grid, CONFIG_RULES, indLayout ? indLayout.headerRow + 1 : 0);
  const rulesFound = ruleLayout && ruleLayout.missing.length === 0 ? ruleLayout : null;
  const aggLayout = findTable(grid, CONFIG_AGGREGATIONS, ((rulesFound ?? found)?.headerRow ?? -1) + 1);
  const aggFound = aggLayout && aggLayout.missing.length === 0 ? aggLayout : null;
  // The types table ends the rules and the indicators, whether or not a blank line is left above it.
  const before = (rows: TableRow[]) => (aggFound ? rows.filter((r) => r.row < aggFound.headerRow) : rows);
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
    out.stamp = readStamp(grid, indLayout.headerRow);
    out.where.indicators = { headerRow: indLayout.headerRow, columns: indLayout.columns, rows: seen };
    for (const row of before(readRows(grid, CONFIG_INDICATORS, indLayout))) {
      const g = row.cells;
      const code = str(g.code);
      const where = (key: string) => at(row.row, indLayout.columns, key);
      const fail = (key: string, message: string) => out.issues.push({ sheet, cell: where(key), message, key: code });
      if (!/^[A-Z]+\.[0-9A-Z]+$/.test(code)) {
        fail('code', `Mã chỉ tiêu “${shortText(code)}” không hợp lệ (dạng CQS.01).`);
        continue;
      }
      if (seen.has(code)) {
        // The code stays the first row's: the repeated row is refused, not compared.
        out.issues.push({
          sheet,
          cell: where('code'),
          message: `Mã chỉ tiêu ${code} trùng với dòng ${seen.get(code)! + 1}.`,
        });
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
        fail('year', `Năm chỉ tiêu “${shortText(yearText)}” không hợp lệ.`);
        continue;
      }
      out.year ??= year ?? null;
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
      const quantities: Record<'numerator' | 'denominator', IndicatorInput['numerator']> = {
        numerator: { label: str(g.numerator), unit: str(g.numeratorUnit) },
        denominator: { label: str(g.denominator), unit: str(g.denominatorUnit) },
      };
      for (const { part, key } of PARTS) {
        const written = str(g[key]);
        if (!written) continue; // blank, or a copy without the column: as the unit of measure adds up
        const aggregation = parseAggregation(written);
        if (!aggregation) {
          fail(key, aggregationRefusal(CONFIG_INDICATORS.columns.find((c) => c.key === key)!.label, written));
          bad = true;
          break;
        }
        // Only a type other than its unit's is kept: the row reads as a copy without the column would.
        if (aggregation !== aggregationOfMeasure(quantities[part].unit).aggregation)
          quantities[part] = { ...quantities[part], aggregation };
      }
      if (bad) continue;
      const indicator: IndicatorInput = {
        code,
        group: group as IndicatorGroup,
        number: numberText(g.number) || undefined,
        name: str(g.name),
        numerator: quantities.numerator,
        denominator: quantities.denominator,
        allowOver100: over === 'có' || over === 'x',
        precision,
        targets,
        source: str(g.source) || `${sheet}!A${row.row + 1}`,
      };
      // The checks above give each refusal its own sentence; anything the catalogue's schema still refuses is
      // said here at its cell, so buildCatalogue never meets a row that throws zod's English at the user.
      const parsed = Indicator.safeParse(indicator);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = String(issue.path[0] ?? 'code');
        const key = field in indLayout.columns ? field : field === 'allowOver100' ? 'over100' : 'code';
        fail(key, `Chỉ tiêu ${code}: cột “${columnOf(key)}” ${issueSentence({ ...issue, path: [] })}.`);
        continue;
      }
      out.indicators.push(indicator);
    }
  }
  if (ruleLayout && ruleLayout.missing.length === 0) {
    const seen = new Map<string, number>();
    out.where.rules = { headerRow: ruleLayout.headerRow, columns: ruleLayout.columns, rows: seen };
    for (const row of before(readRows(grid, CONFIG_RULES, ruleLayout))) {
      const g = row.cells;
      const where = (key: string) => at(row.row, ruleLayout.columns, key);
      const missing =
        Object.entries(MISSING_VI).find(([, vi]) => vi === str(g.missing).toLowerCase())?.[0] ??
        (str(g.missing) || 'skip-if-any');
      const importance =
        Object.entries(IMPORTANCE_VI).find(([, vi]) => vi === str(g.importance).toLowerCase())?.[0] ??
        str(g.importance);
      const table = str(g.table);
      const candidate = {
        id: str(g.id),
        table,
        left: readSide(table, str(g.left)),
        op: readOperator(str(g.op)),
        right: readSide(table, str(g.right)),
        missing,
        importance,
        instruction: str(g.instruction),
      };
      const parsed = RuleSpec.safeParse(candidate);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = String(issue.path[0] ?? 'id');
        const key = Object.prototype.hasOwnProperty.call(ruleLayout.columns, field) ? field : 'id';
        out.issues.push({
          sheet,
          cell: where(key),
          key: candidate.id,
          message:
            `Quy tắc “${shortText(candidate.id)}”: cột “${CONFIG_RULES.columns.find((c) => c.key === key)!.label}” ` +
            `không hợp lệ (${describe(issue)}).`,
        });
        continue;
      }
      const refusal = ruleRefusal(parsed.data, seen);
      if (refusal) {
        out.issues.push({ sheet, cell: where(refusal.column), key: candidate.id, message: refusal.message });
        continue;
      }
      seen.set(candidate.id, row.row);
      out.rules.push(candidate as RuleSpecInput);
    }
  }
  if (aggFound) readAggregations(grid, aggFound, sheet, out);
  return out;
}

/**
 * Reads "Cách cộng số liệu theo thời gian" into `out`: each row names a count or amount of a unit table and
 * its type. A table or column the unit tables do not have, a row repeated and a type not one of the three are
 * refused with their cell, like a rule over an unknown column: the type would otherwise apply to nothing.
 */
function readAggregations(grid: Grid, layout: TableLayout, sheet: string, out: ConfigRead): void {
  const seen = new Map<string, number>();
  const types = new Map<string, Aggregation>();
  out.where.aggregations = { headerRow: layout.headerRow, columns: layout.columns, rows: seen };
  for (const row of readRows(grid, CONFIG_AGGREGATIONS, layout)) {
    const g = row.cells;
    const table = str(g.table);
    const column = readFigureColumn(table, str(g.column));
    const key = figureKey(table, column);
    const cell = (field: string) => `${columnLetter(layout.columns[field])}${row.row + 1}`;
    const fail = (field: string, message: string, refused: string | undefined = key) =>
      out.issues.push({ sheet, cell: cell(field), message, key: refused });
    const columns = FIGURE_COLUMNS.get(table);
    if (!columns) {
      fail(
        'table',
        `Cách cộng: không có bảng số liệu “${shortText(table)}” (các bảng: ${[...FIGURE_COLUMNS.keys()].join(', ')}).`,
      );
      continue;
    }
    const spec = figureColumn(key)?.column;
    if (!spec) {
      fail(
        'column',
        `Cách cộng: bảng ${table} không có cột số liệu “${shortText(column)}” ` +
          `(các cột: ${columns.map((c) => `“${columnLabel(c)}”`).join(', ')}).`,
      );
      continue;
    }
    if (seen.has(key)) {
      // The first row's type stands: the repeated row is refused, not compared.
      fail(
        'column',
        `Cách cộng: cột “${columnLabel(spec)}” của ${table} trùng với dòng ${seen.get(key)! + 1}.`,
        undefined,
      );
      continue;
    }
    const writtenType = str(g.aggregation);
    const builtIn = columnAggregation(spec).aggregation;
    const aggregation = writtenType === '' ? builtIn : parseAggregation(writtenType);
    if (!aggregation) {
      const label = CONFIG_AGGREGATIONS.columns.find((c) => c.key === 'aggregation')!.label;
      fail('aggregation', `${table} “${columnLabel(spec)}”: ${aggregationRefusal(label, writtenType)}`);
      continue;
    }
    seen.set(key, row.row);
    if (aggregation !== builtIn) types.set(key, aggregation);
  }
  out.aggregations = Object.fromEntries(types);
}

/** The tables a rule may be about, each with the keys of its columns (own keys only: no "constructor"). */
const TABLE_COLUMNS = new Map(
  FAMILIES.flatMap((f) => f.tables).map((t) => [t.id, new Set(t.columns.map((c) => c.key))]),
);

/**
 * What makes a well-formed rule unusable: an id used twice, a table no family has, a column its table
 * does not have ("__proto__", "constructor" and every other name outside the table included). Such a
 * rule would never fire, silently; it is refused with its cell instead.
 */
function ruleRefusal(r: RuleSpec, seen: Map<string, number>): { column: string; message: string } | null {
  const id = shortText(r.id);
  if (seen.has(r.id)) return { column: 'id', message: `Mã quy tắc ${id} trùng với dòng ${seen.get(r.id)! + 1}.` };
  const columns = TABLE_COLUMNS.get(r.table);
  if (!columns)
    return {
      column: 'table',
      message:
        `Quy tắc “${id}”: không có bảng “${shortText(r.table)}” ` +
        `(các bảng: ${[...TABLE_COLUMNS.keys()].join(', ')}).`,
    };
  for (const side of ['left', 'right'] as const) {
    const unknown = r[side].find((k) => !columns.has(k));
    if (unknown !== undefined)
      return {
        column: side,
        message:
          `Quy tắc “${id}”: bảng ${r.table} không có cột “${shortText(unknown)}” ` +
          `(các cột: ${TABLE_SPECS.get(r.table)!
            .map((c) => `“${columnLabel(c)}”`)
            .join(', ')}).`,
      };
  }
  return null;
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value' && issue.path[0] === 'op')
    return `chỉ nhận: ${Object.values(OPERATOR_VI).join(', ')}`;
  if (issue.code === 'invalid_value') return `chỉ nhận: ${(issue.values as unknown[]).join(', ')}`;
  if (issue.code === 'too_small') return 'đang trống';
  return 'giá trị không đúng';
}

/** The catalogue and rules in force: the workbook's DX_CauHinh when it has one, else the default. */
export function catalogueFrom(configGrid: unknown[][] | undefined): {
  catalogue: Indicator[];
  rules?: RuleSpec[];
  /** The columns' types that differ from the built-in ones (see MasterConfig). */
  aggregations?: Record<string, Aggregation>;
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
    aggregations: cfg.aggregations,
    from: 'workbook',
  };
}

/**
 * The configuration the secretariat issued: the one validation and consolidation apply, whatever a
 * unit's own copy of DX_CauHinh says. The built-in catalogue and the families' rules unless given.
 */
export interface MasterConfig {
  catalogue: Indicator[];
  rules: RuleSpec[];
  /**
   * How the counts and amounts of the unit tables add up over months where the master says otherwise than
   * the built-in columns, by figure key ("T3a/dossiers" → 'last'); a key not listed (or no field) is as
   * built in. Only differences are listed, as a copy without the types table reads. An indicator's types
   * are its catalogue quantities' (`numerator.aggregation`).
   */
  aggregations?: Record<string, Aggregation>;
}

/** The built-in configuration: the master of every unit made from the built-in template. */
export function builtInConfig(): MasterConfig {
  return { catalogue: defaultCatalogue(), rules: FAMILIES.flatMap((f) => f.rules) };
}

/**
 * Reads the secretariat's DX_CauHinh (its master workbook's grid) as the master configuration. A row
 * the reader refuses makes the whole master refused (ConfigError, each row with its cell): the rules
 * that decide must all be readable. A master without a rule table keeps the families' rules.
 */
export function readMaster(grid: Grid, sheet = CONFIG_SHEET): MasterConfig {
  const cfg = readConfig(grid, sheet);
  if (cfg.issues.length) throw new ConfigError(sheet, cfg.issues);
  return {
    catalogue: buildCatalogue(cfg.indicators),
    rules: cfg.where.rules ? cfg.rules.map((r) => RuleSpec.parse(r)) : builtInConfig().rules,
    aggregations: cfg.aggregations,
  };
}

/**
 * The stamp to write into an existing DX_CauHinh issued as it stands (the pane's "Tạo phiếu báo cáo" and
 * `template --config` keep the secretariat's sheet): the cell of its stamp, or a free cell of the row
 * above its indicator header; the text certifies what the sheet says now, for the year its rows give.
 * Without it, a copy of an edited master is taken for an edited copy of the built-in template. Null when
 * the sheet has rows the reader refuses, or no free row above its header.
 */
export function restamp(grid: Grid, fallbackYear: number): { cell: string; value: string } | null {
  const read = readConfig(grid);
  const header = read.where.indicators?.headerRow;
  if (read.issues.length || header === undefined) return null;
  const year = read.year ?? fallbackYear;
  const print = configPrint(configEntries(read.indicators, read.rules, year, read.aggregations));
  const value = `${STAMP_LABEL} ${TEMPLATE_VERSION} ${year} ${print}`;
  if (read.stamp) return { cell: read.stamp.cell, value };
  const above = grid[header - 1];
  if (header === 0 || !above || above.some((v) => str(v) !== '')) return null;
  return { cell: `D${header}`, value };
}
