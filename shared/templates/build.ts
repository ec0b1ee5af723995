import { applicableTarget } from '../catalogue/catalogue';
import { Indicator, INDICATOR_GROUP_LABEL, IndicatorGroup } from '../catalogue/schema';
import { Period } from '../dates/period';
import { Unit } from '../registry/schema';
import { stageFor } from '../targets/target';
import {
  CellSpec,
  columnLetter as letter,
  fitRowHeights,
  quoteSheet,
  SheetSpec,
  SheetSpecInput,
  StyleName,
} from '../workbook/sheet-spec';
import { formatCodeList, NOT_APPLICABLE_WORDS } from '../registry/not-applicable';
import { rowFormula } from './cell-formula';
import { configSheet } from './config-sheet';
import { FAMILIES } from './families';
import { notesSheet } from './notes';
import { ColumnSpec, FamilySpec, RuleSpec, TableSpec } from './schema';
import { maxOf } from '../numbers/bounds';
import { COVER_LABELS, COVER_SHEET, REPORT_MODES, roman, TEMPLATE_VERSION } from './version';

export interface TemplateRequest {
  unit: Unit;
  period: Period;
  /** "tháng 6/2023": how the period is written on the cover. */
  periodLabel: string;
  preparer?: string;
  catalogue: Indicator[];
  rules?: RuleSpec[];
  families?: FamilySpec[];
  /** The indicators that do not apply to the unit (registry/not-applicable.ts): their rows say so. */
  notApplicable?: readonly string[];
}

type Row = Array<CellSpec | null>;

const c = (v: CellSpec['v'], s?: StyleName): CellSpec => (s ? { v, s } : { v });
const f = (formula: string, s: StyleName): CellSpec => ({ f: formula, s });

function inputStyle(col: ColumnSpec): StyleName {
  switch (col.kind) {
    case 'count':
      return 'inputCount';
    case 'money':
      return 'inputMoney';
    case 'date':
      return 'inputDate';
    case 'text':
      return 'inputText';
    default:
      return 'input';
  }
}

function headerLabel(col: ColumnSpec): string {
  return col.number && !col.label.includes(col.number) ? `${col.label} ${col.number}` : col.label;
}

/** The header rows of a table: one level, or two where columns carry a group label. */
function headerRows(table: TableSpec, top: number): { rows: Row[]; merges: string[] } {
  const cols = table.columns;
  const twoLevel = cols.some((x) => x.group);
  if (!twoLevel) return { rows: [cols.map((x) => c(headerLabel(x), 'header'))], merges: [] };
  const upper: Row = [];
  const lower: Row = [];
  const merges: string[] = [];
  for (let i = 0; i < cols.length; i++) {
    const col = cols[i];
    if (!col.group) {
      upper.push(c(headerLabel(col), 'header'));
      lower.push(c(null, 'header'));
      merges.push(`${letter(i)}${top + 1}:${letter(i)}${top + 2}`);
      continue;
    }
    const start = i === 0 || cols[i - 1].group !== col.group;
    upper.push(c(start ? col.group : null, 'header'));
    lower.push(c(headerLabel(col), 'header'));
    if (start) {
      let end = i;
      while (end + 1 < cols.length && cols[end + 1].group === col.group) end++;
      if (end > i) merges.push(`${letter(i)}${top + 1}:${letter(end)}${top + 1}`);
    }
  }
  return { rows: [upper, lower], merges };
}

/** A data row: input cells styled for typing, computed cells with their native formula. */
function dataRow(table: TableSpec, rowIndex: number, prefilled: Record<string, CellSpec['v']>): Row {
  const col = (key: string) => table.columns.findIndex((x) => x.key === key);
  return table.columns.map((column) => {
    if (column.formula)
      return f(rowFormula(column.formula, rowIndex, col), column.kind === 'rate' ? 'computedRate' : 'computedText');
    if (column.key in prefilled) {
      const v = prefilled[column.key];
      if (typeof v === 'string' && v.startsWith('=')) return f(v, column.input ? inputStyle(column) : 'computedText');
      return c(
        v,
        column.input ? inputStyle(column) : column.kind === 'stt' || column.kind === 'code' ? 'computedText' : 'text',
      );
    }
    return c(null, column.input ? inputStyle(column) : 'text');
  });
}

/** Đánh giá as a native formula when the target is one threshold, so the sheet works without the add-in. */
function assessmentFormula(ind: Indicator, req: TemplateRequest, rateCell: string): string | null {
  const t = applicableTarget(ind, req.period.start.y);
  if (!t?.parsed || t.parsed.parts.length !== 1) return null;
  const stage = stageFor(t.parsed.parts[0], req.period.end?.m);
  const threshold = Number(stage.value.toPrecision(12));
  return `=IF(${rateCell}="","",IF(${rateCell}${stage.op}${threshold},"Đạt","Chưa đạt"))`;
}

function familySheet(fam: FamilySpec, req: TemplateRequest): SheetSpecInput {
  const rows: Row[] = [];
  const merges: string[] = [];
  const validations: SheetSpec['validations'] = [];
  const width = maxOf(
    fam.tables.map((t) => t.columns.length),
    0,
  );
  const cover = quoteSheet(COVER_SHEET);
  rows.push([c(fam.title, 'title')]);
  merges.push(`A1:${letter(width - 1)}1`);
  rows.push([f(`="Đơn vị: "&${cover}!B4&"   —   Kỳ báo cáo: "&${cover}!B6`, 'subtitle')]);
  merges.push(`A2:${letter(width - 1)}2`);
  let freezeRows = 2;
  fam.tables.forEach((table, ti) => {
    rows.push([]);
    if (fam.tables.length > 1) rows.push([c(`${ti + 1}. ${table.title}`, 'label')]);
    if (table.unitNote) rows.push([c(table.unitNote, 'note')]);
    const head = headerRows(table, rows.length);
    rows.push(...head.rows);
    merges.push(...head.merges);
    if (fam.tables.length === 1) freezeRows = rows.length;
    const first = rows.length;
    for (const r of tableRows(table, req, rows.length)) rows.push(r);
    const last = rows.length - 1;
    table.columns.forEach((col, i) => {
      if (col.list && col.input && last >= first)
        validations.push({ range: `${letter(i)}${first + 1}:${letter(i)}${last + 1}`, list: col.list });
    });
  });
  const widths = Array.from({ length: width }, (_, i) => maxOf(fam.tables.map((t) => t.columns[i]?.width ?? 10)));
  return {
    name: fam.sheet,
    rows,
    merges,
    validations,
    columnWidths: widths,
    freeze: { rows: freezeRows, columns: 0 },
    protect: true,
    print: {
      landscape: true,
      repeatRows:
        fam.tables.length === 1
          ? [freezeRows - (fam.tables[0].columns.some((x) => x.group) ? 1 : 0), freezeRows]
          : undefined,
    },
  };
}

/**
 * An indicator row that does not apply to the unit: its input cells grey and locked as computed ones are (the
 * cover says grey is not typed into), no Đánh giá, and "Không áp dụng" in Ghi chú, where a printed copy shows it.
 * A written note is no list value, so Kiểm tra's list check has nothing to say of it.
 */
function notApplicableRow(table: TableSpec, row: Row): Row {
  return table.columns.map((col, i) => {
    if (col.key === 'remark') return c(NOT_APPLICABLE_WORDS.mark, 'computedText');
    if (col.key === 'assessment') return c(null, 'computedText');
    return col.input && !col.formula ? c(null, 'computedText') : row[i];
  });
}

function tableRows(table: TableSpec, req: TemplateRequest, startRow: number): Row[] {
  const out: Row[] = [];
  if (table.rows === 'indicators') {
    const groups = [...new Set(req.catalogue.map((i) => i.group))] as IndicatorGroup[];
    groups.forEach((g, gi) => {
      const groupRow: Row = table.columns.map((_, i) =>
        c(i === 0 ? roman(gi + 1) : i === 2 ? INDICATOR_GROUP_LABEL[g] : null, 'group'),
      );
      out.push(groupRow);
      req.catalogue
        .filter((i) => i.group === g)
        .forEach((ind, k) => {
          const r = startRow + out.length;
          const target = applicableTarget(ind, req.period.start.y);
          const row = dataRow(table, r, {
            stt: k + 1,
            code: ind.code,
            name: ind.name,
            measure:
              ind.numerator.unit === ind.denominator.unit
                ? ind.numerator.unit
                : `${ind.numerator.unit}/${ind.denominator.unit}`,
            target: target?.text ?? null,
          });
          const rateCol = table.columns.findIndex((x) => x.key === 'rate');
          const assessCol = table.columns.findIndex((x) => x.key === 'assessment');
          const formula = assessmentFormula(ind, req, `${letter(rateCol)}${r + 1}`);
          if (formula) row[assessCol] = f(formula, 'computedText');
          out.push(req.notApplicable?.includes(ind.code) ? notApplicableRow(table, row) : row);
        });
    });
    return out;
  }
  if (table.rows === 'unit') return [dataRow(table, startRow, { stt: 1, unit: req.unit.name })];
  if (table.rows === 'fixed') {
    return (table.fixedRows ?? []).map((text, k) =>
      dataRow(table, startRow + k, { stt: k + 1, [table.columns[1].key]: text }),
    );
  }
  return Array.from({ length: table.freeRows ?? 10 }, (_, k) => dataRow(table, startRow + k, {}));
}

/** The cover's e-mail line, under Điện thoại: the reporting officer's address, as the registry gives it. */
export const EMAIL_LABEL = 'Thư điện tử';

/**
 * The unit's phone and e-mail as the registry gives them: its `phone` and `email` where it has them, else its one
 * `contact` (an address if it has an "@", a phone number otherwise). Read defensively: a registry of another
 * version may carry none, or something that is not text.
 */
export function unitContact(unit: Unit): { phone: string | null; email: string | null } {
  const u = unit as Unit & { phone?: unknown; email?: unknown };
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const contact = text(u.contact);
  const isEmail = contact !== null && contact.includes('@');
  return {
    phone: text(u.phone) ?? (contact !== null && !isEmail ? contact : null),
    email: text(u.email) ?? (isEmail ? contact : null),
  };
}

function coverSheet(req: TemplateRequest): SheetSpecInput {
  const L = COVER_LABELS;
  const contact = unitContact(req.unit);
  const na = [...(req.notApplicable ?? [])];
  const rows: Row[] = [
    [c('PHIẾU BÁO CÁO CHUYỂN ĐỔI SỐ', 'title')],
    [c('Báo cáo kết quả thực hiện chuyển đổi số của đơn vị', 'subtitle')],
    [],
    [c(L.unit, 'label'), c(req.unit.name, 'input')],
    [c(L.unitCode, 'label'), c(req.unit.code, 'text')],
    [c(L.period, 'label'), c(req.periodLabel, 'text')],
    [c(L.reportDate, 'label'), c(null, 'inputDate')],
    [c(L.preparer, 'label'), c(req.preparer ?? null, 'input')],
    [c(L.phone, 'label'), c(contact.phone, 'input')],
    [c(EMAIL_LABEL, 'label'), c(contact.email, 'input')],
    [c(L.version, 'label'), c(TEMPLATE_VERSION, 'stamp')],
    [c(L.completedAt, 'label'), c(null, 'stamp')],
    [c(L.mode, 'label'), c(REPORT_MODES[0], 'input')],
    // The list Kiểm tra reads back, on the unit's own sheet: it needs no registry to know it.
    ...(na.length ? [[c(L.notApplicable, 'label'), c(formatCodeList(na), 'text')]] : []),
    [
      c(
        'Ô nền vàng: đơn vị nhập số liệu. Ô nền xám: tự tính bằng công thức, không sửa. Số nhập là số đếm (hồ sơ, ' +
          'người, hộ…), tỷ lệ tự tính.',
        'note',
      ),
    ],
    [
      c(
        'Ô nền xám và các tiêu đề được khóa để không gõ nhầm vào công thức; ô nền vàng không khóa, gõ được ngay, ' +
          'không cần mật khẩu.',
        'note',
      ),
    ],
    ...(na.length ? [[c(NOT_APPLICABLE_WORDS.coverNote(na), 'note')]] : []),
  ];
  const notes = rows.map((r, i) => (r.length === 1 && r[0]?.s === 'note' ? `A${i + 1}:B${i + 1}` : null));
  return {
    name: COVER_SHEET,
    rows,
    columnWidths: [26, 60],
    merges: ['A1:B1', 'A2:B2', ...notes.filter((m): m is string => m !== null)],
    validations: [{ range: 'B13', list: REPORT_MODES }],
    print: { landscape: false },
    protect: true,
  };
}

/**
 * The unit workbook: a cover with the metadata block, one sheet per family, the unit's own words for the
 * report (results, difficulties, proposals), and the configuration sheet.
 *
 * The cover, the family sheets and the notes are protected without a password (computed cells, labels and stamps
 * locked; the yellow cells open). DX_CauHinh is hidden, not very hidden: the unit has no need of it on screen or
 * on paper (a hidden sheet is not printed), and the secretariat may unhide it to read or edit it.
 */
export function buildUnitTemplate(req: TemplateRequest): SheetSpec[] {
  const families = req.families ?? FAMILIES;
  const rules = req.rules ?? families.flatMap((fam) => fam.rules);
  const generated = families.map((fam) => ({ ...fam, tables: fam.tables.filter((t) => t.generate) }));
  return [
    coverSheet(req),
    ...generated.map((fam) => familySheet(fam, req)),
    { ...notesSheet(), protect: true },
    { ...configSheet(req.catalogue, rules, req.period.start.y), hidden: true },
  ].map((s) => SheetSpec.parse({ ...s, rowHeights: fitRowHeights(s) }));
}
