import { SheetExistsError } from '../shared/errors/errors';
import { hostGrids, HostCell, HostGrids, TEXT_FORMAT } from '../shared/workbook/render';
import { CellMark, CellRef, CellWrite, ChartSpec, SheetSnapshot, WorkbookPort } from '../shared/workbook/port';
import {
  a1,
  CellValue,
  columnLetter,
  parseA1,
  PROTECTION_ALLOWS,
  SheetSpec,
  StyleName,
  unlockedAreas,
  writeOrder,
} from '../shared/workbook/sheet-spec';
import { STYLES } from '../shared/workbook/styles';

type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/*
 * What Excel does with what the add-in writes, and what follows here (the stand-in in
 * tests/helpers/fake-excel.ts models each rule, with its documentation):
 * - Office.js parses written strings with en-US rules whatever the user's locale (OfficeDev/office-js#1559):
 *   a text cell gets the text format "@" first, in the same batch, so "12/12", "1.", "01", "100%" stay text;
 *   in a cell already "@" the text goes as it is, without the apostrophe `asText` puts before =, +, -, @
 *   (the format already keeps it from being a formula, and the apostrophe would stay visible there).
 * - Excel on the web refuses a request over 5 MB (RequestPayloadSizeLimitExceeded): grids are written in
 *   row blocks, each sync under REQUEST_BUDGET.
 * - A workbook keeps one visible sheet: replaced sheets are renamed aside, the new ones added, and the old
 *   ones deleted last; if anything fails the new ones are removed and the old ones get their names back.
 * - `formulas` of a cell without a formula is its value: a text "=…" is a formula only where its value differs.
 * - A protected sheet (a unit's template: SheetSpec.protect) refuses writes into its locked cells (AccessDenied):
 *   the highlights of Kiểm tra and the completion stamp of Hoàn thành land on locked cells, so paint and setCells
 *   read each sheet's protection first, lift it where it is on, write, and protect again with the same options,
 *   in the one sync of the write. protect() of a protected sheet and unprotect() of one that is not both fail
 *   (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection, OfficeDev/office-js#6784): each is
 *   called only where the loaded state says so. No password is ever given: the product's protection has none.
 */

/** Bytes of values and number formats one sync may carry: under the 5 MB limit, with room for the rest. */
export const REQUEST_BUDGET = 3_500_000;

/** Rows per block when a sheet's merged areas are read again after the 512-area limit of one call. */
const MERGE_BAND = 100;

/** Office.js needs RangeAreas addresses in modest chunks. */
function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

function pad(values: unknown[][], rowIndex: number, columnIndex: number): CellValue[][] {
  const width = columnIndex + Math.max(0, ...values.map((r) => r.length));
  const out: CellValue[][] = Array.from({ length: rowIndex }, () => Array(width).fill(null));
  for (const row of values)
    out.push([...Array(columnIndex).fill(null), ...row.map((v) => (v === '' ? null : (v as CellValue)))]);
  return out;
}

/** The formats of number cells other than General, placed as the values are; none at all when no cell has one. */
function numberFormats(values: unknown[][], formats: unknown[][] | undefined, rowIndex: number, columnIndex: number) {
  let any = false;
  const grid = (formats ?? []).map((row, y) =>
    row.map((f, x) => {
      const kept = typeof values[y]?.[x] === 'number' && typeof f === 'string' && f !== 'General' ? f : null;
      any ||= kept !== null;
      return kept;
    }),
  );
  return any ? { numberFormats: pad(grid, rowIndex, columnIndex) as Array<Array<string | null>> } : {};
}

/** UTF-8 length of a value's JSON: what it weighs in a request. */
export function jsonBytes(x: unknown): number {
  const s = JSON.stringify(x) ?? '';
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The value a cell gets, as Excel should receive it: text bound for an "@" cell goes without the apostrophe. */
export function hostValue(value: HostCell, numberFormat: string): HostCell {
  return numberFormat === TEXT_FORMAT && typeof value === 'string' ? value.replace(/^'(?=[=+\-@])/, '') : value;
}

/** The A1 areas a RangeAreas address lists ("'T3 TTHC'!C6:D6, 'T3 TTHC'!E6:F6" → C6:D6, E6:F6). */
export function mergedAreas(address: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let cur = '';
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts
    .map((p) =>
      p
        .slice(p.lastIndexOf('!') + 1)
        .replace(/\$/g, '')
        .trim(),
    )
    .filter((p) => p.length > 0)
    .map((p) => (p.includes(':') ? p : `${p}:${p}`));
}

/** Rectangles of cells sharing one style ("A5:H900"), so a sheet's look is a few calls whatever its size. */
function styleAreas(styleGrid: HostGrids['styleGrid']): Array<[StyleName, string[]]> {
  const done = new Map<StyleName, string[]>();
  // Open rectangles by style and column run, extended while the next row has the same run.
  let open = new Map<string, { style: StyleName; c0: number; c1: number; r0: number; r1: number }>();
  const close = (x: { style: StyleName; c0: number; c1: number; r0: number; r1: number }) => {
    const list = done.get(x.style) ?? [];
    const from = a1(x.r0, x.c0);
    const to = a1(x.r1, x.c1);
    list.push(from === to ? from : `${from}:${to}`);
    done.set(x.style, list);
  };
  styleGrid.forEach((row, r) => {
    const next = new Map<string, { style: StyleName; c0: number; c1: number; r0: number; r1: number }>();
    let c = 0;
    while (c < row.length) {
      const style = row[c];
      if (!style) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < row.length && row[end + 1] === style) end++;
      const key = `${style}:${c}:${end}`;
      const prev = open.get(key);
      if (prev && prev.r1 === r - 1) {
        prev.r1 = r;
        next.set(key, prev);
        open.delete(key);
      } else next.set(key, { style, c0: c, c1: end, r0: r, r1: r });
      c = end + 1;
    }
    open.forEach(close);
    open = next;
  });
  open.forEach(close);
  return [...done.entries()];
}

/** A sheet's grid cut into row blocks, each light enough for one request. */
interface Block {
  row: number;
  cells: HostCell[][];
  numberFormats: string[][];
  bytes: number;
}

function blocks(g: HostGrids, budget: number): Block[] {
  const out: Block[] = [];
  let cur: Block | null = null;
  for (let r = 0; r < g.rows; r++) {
    const cells = g.cells[r].map((v, c) => hostValue(v, g.numberFormats[r][c]));
    const bytes = jsonBytes(cells) + jsonBytes(g.numberFormats[r]) + 2;
    if (!cur || cur.bytes + bytes > budget) {
      cur = { row: r, cells: [], numberFormats: [], bytes: 0 };
      out.push(cur);
    }
    cur.cells.push(cells);
    cur.numberFormats.push(g.numberFormats[r]);
    cur.bytes += bytes;
  }
  return out;
}

/**
 * Excel through Office.js. Every operation queues all its work and syncs a fixed number of times, whatever
 * the sheet size: read 2, write 2 (one more per 3.5 MB written, on Excel on the web's request limit).
 */
export class OfficeWorkbook implements WorkbookPort {
  constructor(
    private readonly run: Runner = (batch) => Excel.run(batch),
    private readonly budget = REQUEST_BUDGET,
  ) {}

  async sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  async read(names?: string[]): Promise<SheetSnapshot[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      await context.sync();
      const wanted = sheets.items.filter((s) => !names || names.includes(s.name));
      const usedRanges = () =>
        wanted.map((s) => {
          const r = s.getUsedRangeOrNullObject(true);
          // The number formats in the same load: a "100%" typed into a count cell is 1 formatted "0%".
          // https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-numberformat-member
          r.load('values,formulas,numberFormat,rowIndex,columnIndex,rowCount');
          return r;
        });
      // The merged areas in the same sync: Kiểm tra's GOP-O needs them (ExcelApi 1.13).
      let used = usedRanges();
      let merged: Array<string[] | undefined>;
      const areas = wanted.map((s) => {
        const m = s.getRange().getMergedAreasOrNullObject();
        m.load('address');
        return m;
      });
      try {
        await context.sync();
        merged = areas.map((m) => (m.isNullObject ? [] : mergedAreas(m.address)));
      } catch {
        // Over 512 merged areas a call fails: read again, then the merged areas in row bands.
        used = usedRanges();
        await context.sync();
        merged = await this.mergedInBands(context, wanted, used);
      }
      return wanted.map((s, i) => {
        const r = used[i];
        const hidden = s.visibility !== 'Visible';
        if (r.isNullObject) return { name: s.name, values: [], formulas: [], hidden, merges: merged[i] };
        // A text "=…" comes back in `formulas` too: a formula is a cell whose value differs from it.
        const formulas = r.formulas.map((row, y) =>
          row.map((f, x) => (typeof f === 'string' && f.startsWith('=') && f !== r.values[y][x] ? f : null)),
        );
        return {
          name: s.name,
          values: pad(r.values, r.rowIndex, r.columnIndex),
          formulas: pad(formulas, r.rowIndex, r.columnIndex) as Array<Array<string | null>>,
          hidden,
          merges: merged[i],
          ...numberFormats(r.values, r.numberFormat as unknown[][], r.rowIndex, r.columnIndex),
        };
      });
    });
  }

  /** Merged areas by row bands of each used range; none at all if even that fails. */
  private async mergedInBands(
    context: Excel.RequestContext,
    wanted: Excel.Worksheet[],
    used: Excel.Range[],
  ): Promise<Array<string[] | undefined>> {
    const bands = wanted.map((s, i) => {
      const r = used[i];
      if (r.isNullObject) return [];
      const out: Excel.RangeAreas[] = [];
      for (let top = 0; top < r.rowIndex + r.rowCount; top += MERGE_BAND) {
        const m = s.getRange(`${top + 1}:${top + MERGE_BAND}`).getMergedAreasOrNullObject();
        m.load('address');
        out.push(m);
      }
      return out;
    });
    try {
      await context.sync();
    } catch {
      return wanted.map(() => undefined);
    }
    return bands.map((list) => [...new Set(list.flatMap((m) => (m.isNullObject ? [] : mergedAreas(m.address))))]);
  }

  async readFills(cells: CellRef[]): Promise<Array<string | null>> {
    return this.run(async (context) => {
      const fills = cells.map((c) => {
        const fill = context.workbook.worksheets.getItem(c.sheet).getRange(c.cell).format.fill;
        fill.load('color');
        return fill;
      });
      await context.sync();
      // Excel reports "no fill" as white.
      return fills.map((f) => (f.color && f.color.toUpperCase() !== '#FFFFFF' ? f.color.toUpperCase() : null));
    });
  }

  /** Excel gets the colour; the messages are in the task pane (cell notes need a newer API set). */
  async paint(marks: CellMark[]): Promise<void> {
    await this.run((context) =>
      unprotected(
        context,
        marks.map((m) => m.sheet),
        () => {
          for (const m of marks) {
            const fill = context.workbook.worksheets.getItem(m.sheet).getRange(m.cell).format.fill;
            if (m.fill) fill.color = m.fill;
            else fill.clear();
          }
        },
      ),
    );
  }

  async setCells(updates: CellWrite[]): Promise<void> {
    await this.run((context) =>
      unprotected(
        context,
        updates.map((u) => u.sheet),
        () => {
          for (const u of updates) {
            const range = context.workbook.worksheets.getItem(u.sheet).getRange(u.cell);
            // The format first, in the same batch: text stays text, a date lands as a date.
            range.numberFormat = [[u.numberFormat]];
            range.values = [[hostValue(u.value, u.numberFormat)]];
          }
        },
      ),
    );
  }

  async select(ref: CellRef): Promise<void> {
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(ref.sheet);
      sheet.activate();
      sheet.getRange(ref.cell).select();
      await context.sync();
    });
  }

  async chart(spec: ChartSpec): Promise<void> {
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(spec.sheet);
      const chart = sheet.charts.add('BarClustered', sheet.getRange(spec.range), 'Columns');
      chart.title.text = spec.title;
      chart.legend.visible = false;
      chart.setPosition(spec.anchor);
      await context.sync();
    });
  }

  /**
   * Adds the sheets, replacing those named in `replace`: the old ones are renamed aside first, so the new
   * ones get their names (and the references between new sheets resolve to them), and are deleted only
   * after everything new is written — a workbook is never left without a visible sheet, nor without the
   * previous sheets when a step fails (then the new ones go and the old ones get their names back).
   */
  async write(specs: SheetSpec[], replace: string[] = []): Promise<void> {
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/id');
      await context.sync();
      const existing = new Map(sheets.items.map((s) => [s.name, s]));
      const before = new Set(sheets.items.map((s) => s.id));
      for (const spec of specs)
        if (existing.has(spec.name) && !replace.includes(spec.name))
          throw new SheetExistsError([spec.name], 'bảng tính');
      const taken = new Set([...existing.keys(), ...specs.map((s) => s.name)].map((n) => n.toLowerCase()));
      const aside: Array<{ sheet: Excel.Worksheet; id: string; name: string }> = [];
      for (const spec of specs) {
        const old = existing.get(spec.name);
        if (!old) continue;
        let n = 1;
        while (taken.has(`dx~${n}`)) n++;
        taken.add(`dx~${n}`);
        old.name = `DX~${n}`;
        aside.push({ sheet: old, id: old.id, name: spec.name });
      }
      try {
        let bytes = 0;
        const added: Array<[Excel.Worksheet, SheetSpec]> = [];
        // The lists sheet first (the dropdowns of the others point into it), then the hidden helper sheets.
        for (const spec of writeOrder(specs)) {
          const sheet = sheets.add(spec.name);
          added.push([sheet, spec]);
          const g = hostGrids(spec);
          for (const b of blocks(g, this.budget)) {
            if (bytes > 0 && bytes + b.bytes > this.budget) {
              await context.sync();
              bytes = 0;
            }
            const range = sheet.getRangeByIndexes(b.row, 0, b.cells.length, g.columns);
            // The number format before the value, in the same request: Excel parses what lands in General.
            range.numberFormat = b.numberFormats;
            range.formulas = b.cells as never;
            bytes += b.bytes;
          }
          formatSheet(sheet, spec, g);
        }
        // Hidden last, when the new visible sheets are there: a workbook keeps one visible sheet.
        for (const [sheet, spec] of added) if (spec.hidden) sheet.visibility = 'Hidden';
        for (const old of aside) old.sheet.delete();
        await context.sync();
      } catch (e) {
        await restore(context, before, aside);
        throw e;
      }
    });
  }
}

/**
 * Queues `work` (writes into the named sheets) between lifting and restoring their protection: one sync loads
 * each sheet's protection, one runs the unprotect, the writes and the protect again with the options the sheet had.
 * If that sync fails part-way (a command fails, the ones before it stay done), a sheet left unprotected is
 * protected again with its options, so a failed highlight never leaves a template open to typing over formulas.
 */
async function unprotected(context: Excel.RequestContext, names: string[], work: () => void): Promise<void> {
  const sheets = [...new Set(names)].map((n) => context.workbook.worksheets.getItem(n));
  const states = sheets.map((s) => {
    const p = s.protection;
    p.load('protected,options');
    return p;
  });
  await context.sync();
  const lifted = states.filter((p) => p.protected);
  const options = lifted.map((p) => p.options);
  for (const p of lifted) p.unprotect();
  work();
  lifted.forEach((p, i) => p.protect(options[i]));
  try {
    await context.sync();
  } catch (e) {
    if (lifted.length) await reprotect(context, sheets, states, options);
    throw e;
  }
}

/** After a failed write between unprotect and protect: the sheets that were protected and no longer are, again. */
async function reprotect(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  before: Excel.WorksheetProtection[],
  options: Excel.WorksheetProtectionOptions[],
): Promise<void> {
  try {
    const was = before.map((p) => p.protected);
    const now = sheets.map((s) => {
      const p = s.protection;
      p.load('protected');
      return p;
    });
    await context.sync();
    let k = 0;
    now.forEach((p, i) => {
      if (!was[i]) return;
      const opts = options[k++];
      if (!p.protected) p.protect(opts);
    });
    await context.sync();
  } catch {
    // The first error is the one to report.
  }
}

/**
 * What Excel's protection of a template allows (PROTECTION_ALLOWS), as WorksheetProtectionOptions (ExcelApi 1.2;
 * selectionMode 1.7): every cell selectable, formatting and inserting rows allowed, the rest not.
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions
 */
export const EXCEL_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatCells: PROTECTION_ALLOWS.formatCells,
  allowFormatColumns: PROTECTION_ALLOWS.formatColumns,
  allowFormatRows: PROTECTION_ALLOWS.formatRows,
  allowInsertRows: PROTECTION_ALLOWS.insertRows,
  selectionMode: 'Normal',
};

/** After a failed write: the sheets it added go, the ones it renamed aside get their names back. */
async function restore(
  context: Excel.RequestContext,
  before: Set<string>,
  aside: Array<{ id: string; name: string }>,
): Promise<void> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/id');
    await context.sync();
    for (const s of sheets.items) if (!before.has(s.id)) s.delete();
    for (const s of sheets.items) {
      const was = aside.find((x) => x.id === s.id);
      if (was) s.name = was.name;
    }
    await context.sync();
  } catch {
    // The first error is the one to report.
  }
}

/**
 * The rows and columns frozen: none through a merged range. Excel would freeze through one, Google Sheets
 * refuses it; both hosts follow this one rule for the same look (README, "What the port does with Sheets"):
 * an annex's title merged across the sheet keeps its columns unfrozen, its header rows stay frozen.
 */
export function frozenPanes(spec: SheetSpec): { rows: number; columns: number } {
  const crosses = (n: number, dim: 'row' | 'col') =>
    spec.merges.some((m) => {
      const [from, to] = m.replace(/\$/g, '').split(':');
      const lo = parseA1(from)[dim];
      const hi = parseA1(to ?? from)[dim];
      return lo < n && hi >= n;
    });
  const rows = spec.freeze?.rows ?? 0;
  const columns = spec.freeze?.columns ?? 0;
  return { rows: crosses(rows, 'row') ? 0 : rows, columns: crosses(columns, 'col') ? 0 : columns };
}

function formatSheet(sheet: Excel.Worksheet, spec: SheetSpec, g: HostGrids): void {
  // The sheet's font on the whole sheet (Worksheet.getRange() with no address), before the styles' weights
  // and sizes: a cell typed later in an annex is Times New Roman too. One queued command, no sync.
  if (spec.font) sheet.getRange().format.font.name = spec.font;
  for (const [name, addresses] of styleAreas(g.styleGrid)) {
    const st = STYLES[name];
    for (const part of chunks(addresses, 400)) {
      const areas = sheet.getRanges(part.join(','));
      const fmt = areas.format;
      if (st.fill) fmt.fill.color = st.fill;
      if (st.bold !== undefined) fmt.font.bold = st.bold;
      if (st.italic !== undefined) fmt.font.italic = st.italic;
      if (st.size) fmt.font.size = st.size;
      if (st.color) fmt.font.color = st.color;
      if (st.wrap) fmt.wrapText = true;
      if (st.align) fmt.horizontalAlignment = ({ left: 'Left', center: 'Center', right: 'Right' } as const)[st.align];
      if (st.valign) fmt.verticalAlignment = st.valign === 'top' ? 'Top' : 'Center';
      if (st.border) {
        for (const edge of [
          'EdgeTop',
          'EdgeBottom',
          'EdgeLeft',
          'EdgeRight',
          'InsideVertical',
          'InsideHorizontal',
        ] as const) {
          const b = fmt.borders.getItem(edge);
          b.style = 'Continuous';
          b.color = '#9AA0A6';
        }
      }
    }
  }
  spec.columnWidths.forEach((w, i) => {
    sheet.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = w * 5.6;
  });
  spec.rowHeights.forEach((h, i) => {
    if (h) sheet.getRange(`${i + 1}:${i + 1}`).format.rowHeight = h;
  });
  for (const m of spec.merges) sheet.getRange(m).merge(false);
  for (const v of spec.validations) {
    sheet.getRange(v.range).dataValidation.rule = {
      list: { inCellDropDown: true, source: v.source ? `=${v.source}` : v.list.join(',') },
    };
  }
  // Unlocked input cells, then the protection, last of the sheet's commands (a protected sheet refuses the rest):
  // FormatProtection.locked on each area (RangeAreas of ExcelApi 1.9, a few areas a table), then protect with no
  // password. https://learn.microsoft.com/javascript/api/excel/excel.formatprotection
  if (spec.protect) {
    for (const part of chunks(unlockedAreas(spec), 400))
      sheet.getRanges(part.join(',')).format.protection.locked = false;
  }
  const freeze = frozenPanes(spec);
  if (freeze.rows && freeze.columns) sheet.freezePanes.freezeAt(`A1:${a1(freeze.rows - 1, freeze.columns - 1)}`);
  else if (freeze.rows) sheet.freezePanes.freezeRows(freeze.rows);
  else if (freeze.columns) sheet.freezePanes.freezeColumns(freeze.columns);
  if (spec.print) {
    sheet.pageLayout.orientation = spec.print.landscape ? 'Landscape' : 'Portrait';
    if (spec.print.repeatRows)
      sheet.pageLayout.setPrintTitleRows(`$${spec.print.repeatRows[0]}:$${spec.print.repeatRows[1]}`);
    // The page numbers: PageLayout.headersFooters (ExcelApi 1.9), whose sections take Excel's header/footer
    // codes ("&P" the page, "&N" the pages; '&"Times New Roman,Regular"' the font):
    // https://learn.microsoft.com/javascript/api/excel/excel.headerfootergroup,
    // https://learn.microsoft.com/javascript/api/excel/excel.interfaces.headerfooterdata.
    // Queued with the rest of the sheet's format: no sync of its own.
    if (spec.print.footer) {
      const font = spec.font ? `&"${spec.font},Regular"` : '';
      sheet.pageLayout.headersFooters.defaultForAllPages.centerFooter = `${font}${spec.print.footer}`;
    }
  }
  if (spec.protect) sheet.protection.protect(EXCEL_PROTECTION);
}
