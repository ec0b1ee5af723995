import { isBlankValue } from '../../tables/cells';
import { findTable, TableRead } from '../../tables/read';
import { UNCOLLECTED } from '../../tables/uncollected';
import { tableSpec } from '../../templates/families';
import { ColumnSpec, TableSpec } from '../../templates/schema';
import { CONFIG_SHEET } from '../../templates/version';
import { CheckContext, cellOf, columnTitle, isFormulaCell } from '../context';
import { columnLetter } from '../../workbook/sheet-spec';

export const KINDS = ['KHONG-CO-BANG', 'PHIEU-TRONG', 'BANG-CHUA-DOC'] as const;

type Context = CheckContext<(typeof KINDS)[number]>;

/** Columns the template fills itself: the unit's name on its one row, the first text of a fixed row. */
function prefilled(spec: TableSpec, col: ColumnSpec): boolean {
  return (spec.rows === 'unit' && col.key === 'unit') || (spec.rows === 'fixed' && col.key === spec.columns[1]?.key);
}

/** Has the unit typed anything into this table: an input cell that is not the template's own? */
function filled(t: TableRead, ctx: Context): boolean {
  const spec = tableSpec(t.table);
  const inputs = spec.columns.filter(
    (c) => c.input && c.kind !== 'stt' && !prefilled(spec, c) && Object.prototype.hasOwnProperty.call(t.columns, c.key),
  );
  return t.rows.some(
    (row) =>
      row.kind === 'item' &&
      inputs.some(
        (c) => !isBlankValue(row.cells[c.key]) && !isFormulaCell(ctx.formulas, t.sheet, cellOf(t, row, c.key)),
      ),
  );
}

/**
 * The first column of a table seen and not collected, as the partly read table is said at its first column: an
 * annex placed from column C is at C2, not A2. Its header found again on its sheet; else the header row's first
 * filled cell; else column A.
 */
function firstColumnSeen(ctx: Context, s: NonNullable<Context['read']['seen']>[number]): number {
  const values = ctx.sheets.find((x) => x.name === s.sheet)?.values ?? [];
  for (const u of UNCOLLECTED.filter((x) => x.name === s.name)) {
    const l = findTable(values, u.spec, s.headerRow, s.headerRow);
    const cols = l && l.headerRow === s.headerRow ? Object.values(l.columns) : [];
    if (cols.length) return Math.min(...cols);
  }
  const filled = (values[s.headerRow] ?? []).findIndex((v) => !isBlankValue(v));
  return filled >= 0 ? filled : 0;
}

/**
 * A workbook is a submission when it holds a report: KHONG-CO-BANG when no table is recognised at all
 * (not "0 errors" over nothing), PHIEU-TRONG when a workbook the product made (its cover stamped with a
 * template version, or its DX_CauHinh) has nothing typed into any table.
 */
export function run(ctx: Context): void {
  const { read, sheets } = ctx;
  // A table seen and not read is said at its header, with what is missing: never "0 bảng: 0 lỗi" in silence.
  for (const u of read.unmatched) {
    const spec = tableSpec(u.table);
    const first = Math.min(...Object.values(u.layout.columns));
    const missing = u.layout.missing.map((k) => columnTitle(spec.columns.find((c) => c.key === k)!));
    const at = { sheet: u.sheet, cell: `${columnLetter(Number.isFinite(first) ? first : 0)}${u.layout.headerRow + 1}` };
    ctx.emit('BANG-CHUA-DOC', at, { table: spec.title, missing });
  }
  for (const s of read.seen ?? [])
    ctx.emit(
      'BANG-CHUA-DOC',
      { sheet: s.sheet, cell: `${columnLetter(firstColumnSeen(ctx, s))}${s.headerRow + 1}` },
      { table: s.name, missing: [], ...(s.made ? { made: true } : {}) },
    );
  if (!read.tables.length) {
    const first = sheets.find((s) => !s.name.startsWith('DX_')) ?? sheets[0];
    const partial = read.unmatched.map((u) => `${u.sheet} (${tableSpec(u.table).title})`);
    ctx.emit('KHONG-CO-BANG', { sheet: first?.name ?? '', cell: 'A1' }, { partial });
    return;
  }
  const version = read.cover.version;
  const made = (version && !isBlankValue(version.value)) || sheets.some((s) => s.name === CONFIG_SHEET);
  if (!made || read.tables.some((t) => filled(t, ctx))) return;
  const t = read.tables[0];
  const at = read.cover.unit ?? { sheet: t.sheet, cell: `A${t.headerRow + 1}` };
  ctx.emit('PHIEU-TRONG', { sheet: at.sheet, cell: at.cell }, {});
}
