/**
 * The annexes of a new workbook written straight to SpreadsheetML (ECMA-376 Part 1, §18), row by row into the
 * zip (zip-writer.ts): DX_DuLieu of 3,000 units is some 5.8 million cells, which ExcelJS's streaming writer took
 * most of a run to encode (issue 15). Cell for cell the same workbook `XlsxWorkbook.write` makes with ExcelJS
 * (a test reads both back with ExcelJS and compares, and LibreOffice opens it): the same values through
 * `encodeCell`, the same styles through `excelStyle`, the same widths, merges, panes, page setup, footers,
 * print titles, validations, hidden sheets and protection.
 *
 * Elements are written in the order CT_Worksheet's sequence fixes (§18.3.1.99), which Excel enforces.
 */
import type ExcelJS from 'exceljs';
import { EncodedCell, encodeCell, GENERAL_FORMAT } from '../shared/workbook/render';
import { a1, CellSpec, columnLetter, parseA1, quoteSheet, SheetSpec } from '../shared/workbook/sheet-spec';
import { STYLES } from '../shared/workbook/styles';
import { excelStyle, fileText, sheetOptions, XLSX_PROTECTION } from './workbook';
import { ZipWriter } from './zip-writer';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Characters XML 1.0 cannot hold (dropped, as ExcelJS drops them) and the five it escapes. */
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold are what it finds
const SPECIAL = /[<>&"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;
const SPECIAL_ALL = new RegExp(SPECIAL.source, 'g');
const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

export function xmlText(s: string): string {
  return SPECIAL.test(s) ? s.replace(SPECIAL_ALL, (c) => ENTITY[c] ?? '') : s;
}

/**
 * A shared string as its <t>: "_x0041_" in a cell's text is an escape to readers (§22.9.2.19 ST_Xstring), so
 * an underscore that starts one is itself escaped (_x005F_), and text with outer spaces keeps them.
 */
function stringItem(s: string): string {
  const t = xmlText(s.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_'));
  return /^\s|\s$|\n/.test(s) ? `<si><t xml:space="preserve">${t}</t></si>` : `<si><t>${t}</t></si>`;
}

/** Number formats every reader knows by number (§18.8.30); others get numbers from 164 up. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '0.00%': 10, '@': 49 };

const argbHex = (c?: Partial<ExcelJS.Color>) => c?.argb;

/** The styles part, gathered as cells ask for them: fonts, fills, borders, formats, then one xf per mix. */
class StyleTable {
  private readonly fonts = [
    '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  ];
  private readonly fills = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  private readonly borders = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private readonly formats: string[] = [];
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly ids = new Map<string, number>();
  private readonly lists = new Map<string[], Map<string, number>>();

  /** The xf number of a cell of style `name` (or none) with font `font` and number format `format`. */
  id(name: CellSpec['s'], font: string | undefined, format: string | undefined): number {
    const key = `${name ?? ''}\u0000${font ?? ''}\u0000${format ?? ''}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      const style: Partial<ExcelJS.Style> = name
        ? excelStyle(STYLES[name], font)
        : font
          ? { font: { name: font, size: 12 } }
          : {};
      if (format) style.numFmt = format;
      id = this.xfs.length;
      this.xfs.push(this.xf(style));
      this.ids.set(key, id);
    }
    return id;
  }

  private index(list: string[], xml: string): number {
    let seen = this.lists.get(list);
    if (!seen) this.lists.set(list, (seen = new Map(list.map((x, i) => [x, i]))));
    let i = seen.get(xml);
    if (i === undefined) {
      i = list.length;
      list.push(xml);
      seen.set(xml, i);
    }
    return i;
  }

  private xf(s: Partial<ExcelJS.Style>): string {
    const attrs: string[] = [];
    const inner: string[] = [];
    let numFmtId = 0;
    if (s.numFmt) {
      numFmtId = BUILT_IN_FORMATS[s.numFmt] ?? 164 + this.index(this.formats, s.numFmt);
      attrs.push(' applyNumberFormat="1"');
    }
    const fontId = s.font ? this.index(this.fonts, fontXml(s.font)) : 0;
    if (s.font) attrs.push(' applyFont="1"');
    const fillId = s.fill ? this.index(this.fills, fillXml(s.fill as ExcelJS.FillPattern)) : 0;
    if (s.fill) attrs.push(' applyFill="1"');
    const borderId = s.border ? this.index(this.borders, borderXml(s.border)) : 0;
    if (s.border) attrs.push(' applyBorder="1"');
    if (s.alignment) {
      attrs.push(' applyAlignment="1"');
      const a = s.alignment;
      inner.push(
        `<alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}${a.vertical ? ` vertical="${a.vertical}"` : ''}` +
          `${a.wrapText ? ' wrapText="1"' : ''}/>`,
      );
    }
    if (s.protection) {
      attrs.push(' applyProtection="1"');
      inner.push(`<protection locked="${s.protection.locked === false ? 0 : 1}"/>`);
    }
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    return inner.length ? `${head}${attrs.join('')}>${inner.join('')}</xf>` : `${head}${attrs.join('')}/>`;
  }

  xml(): string {
    const formats = this.formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(f)}"/>`);
    const list = (tag: string, items: string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    return (
      `${DECL}<styleSheet xmlns="${MAIN}">` +
      (formats.length ? list('numFmts', formats) : '') +
      list('fonts', this.fonts) +
      list('fills', this.fills) +
      list('borders', this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}

function fontXml(f: Partial<ExcelJS.Font>): string {
  return (
    '<font>' +
    (f.bold ? '<b/>' : '') +
    (f.italic ? '<i/>' : '') +
    (f.size ? `<sz val="${f.size}"/>` : '') +
    (argbHex(f.color) ? `<color rgb="${argbHex(f.color)}"/>` : '') +
    (f.name ? `<name val="${xmlText(f.name)}"/>` : '') +
    '</font>'
  );
}

function fillXml(f: ExcelJS.FillPattern): string {
  const fg = argbHex(f.fgColor);
  return `<fill><patternFill patternType="${f.pattern}">${fg ? `<fgColor rgb="${fg}"/>` : ''}</patternFill></fill>`;
}

function borderXml(b: Partial<ExcelJS.Borders>): string {
  const side = (tag: string, s?: Partial<ExcelJS.Border>) =>
    s?.style
      ? `<${tag} style="${s.style}">${argbHex(s.color) ? `<color rgb="${argbHex(s.color)}"/>` : ''}</${tag}>`
      : `<${tag}/>`;
  return `<border>${side('left', b.left)}${side('right', b.right)}${side('top', b.top)}${side('bottom', b.bottom)}<diagonal/></border>`;
}

/** The shared strings, numbered as cells first use them. */
class SharedStrings {
  private readonly ids = new Map<string, number>();
  private readonly items: string[] = [];
  uses = 0;

  id(s: string): number {
    this.uses++;
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.items.length;
      this.ids.set(s, id);
      this.items.push(stringItem(s));
    }
    return id;
  }

  write(zip: ZipWriter): void {
    const part = zip.part('xl/sharedStrings.xml');
    part.write(`${DECL}<sst xmlns="${MAIN}" count="${this.uses}" uniqueCount="${this.items.length}">`);
    for (let i = 0; i < this.items.length; i += 4096) part.write(this.items.slice(i, i + 4096).join(''));
    part.write('</sst>');
    part.close();
  }
}

/**
 * One cell's <c>: its value through `encodeCell` (text shared, numbers and booleans as they are, formulas
 * without a cached result), its xf from its style, the sheet's font and the value's number format.
 */
function cellXml(ref: string, cell: CellSpec, ctx: SheetContext): string {
  const e = cell.d ? ctx.day(cell) : encodeCell(cell);
  const format = e.numberFormat !== GENERAL_FORMAT ? e.numberFormat : undefined;
  const style = cell.s || ctx.font || format ? ctx.styles.id(cell.s, ctx.font, format) : 0;
  const s = style ? ` s="${style}"` : '';
  if (e.formula) return `<c r="${ref}"${s}><f>${xmlText(cell.f!.slice(1))}</f></c>`;
  const v = e.value;
  if (typeof v === 'string')
    return v === '' ? `<c r="${ref}"${s}/>` : `<c r="${ref}"${s} t="s"><v>${ctx.strings.id(fileText(v))}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s}/>`;
}

/** What every cell of a sheet is written with; a day's encoding made once (DX_DuLieu: the same two days). */
interface SheetContext {
  font: string | undefined;
  styles: StyleTable;
  strings: SharedStrings;
  day(cell: CellSpec): EncodedCell;
}

function sheetContext(spec: SheetSpec, styles: StyleTable, strings: SharedStrings): SheetContext {
  const days = new Map<string, EncodedCell>();
  return {
    font: spec.font,
    styles,
    strings,
    day: (cell) => {
      let e = days.get(cell.d!);
      if (!e) days.set(cell.d!, (e = encodeCell({ d: cell.d })));
      return e;
    },
  };
}

/** A cell's xf, as `cellXml` gives it: for the cells a merged area covers. */
function styleOf(cell: CellSpec, spec: SheetSpec, styles: StyleTable): number {
  const f = encodeCell(cell).numberFormat;
  const format = f !== GENERAL_FORMAT ? f : undefined;
  return cell.s || spec.font || format ? styles.id(cell.s, spec.font, format) : 0;
}

function writeSheet(zip: ZipWriter, path: string, spec: SheetSpec, styles: StyleTable, strings: SharedStrings) {
  const opts = sheetOptions(spec);
  const part = zip.part(path);
  const width = spec.rows.reduce((n, r) => Math.max(n, r.length), 0);
  const rowCount = Math.max(spec.rows.length, spec.rowHeights.length);
  const letters = Array.from({ length: Math.max(width, 1) }, (_, c) => columnLetter(c));
  part.write(`${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`);
  part.write(`<sheetPr>${spec.print ? '<pageSetUpPr fitToPage="1"/>' : ''}</sheetPr>`);
  part.write(`<dimension ref="A1${width && rowCount ? `:${letters[width - 1]}${rowCount}` : ''}"/>`);
  const f = spec.freeze && (spec.freeze.rows || spec.freeze.columns) ? spec.freeze : undefined;
  const pane = f
    ? `<pane${f.columns ? ` xSplit="${f.columns}"` : ''}${f.rows ? ` ySplit="${f.rows}"` : ''} topLeftCell="${a1(f.rows, f.columns)}"` +
      ` activePane="${f.rows && f.columns ? 'bottomRight' : f.rows ? 'bottomLeft' : 'topRight'}" state="frozen"/>`
    : '';
  if (pane) part.write(`<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>`);
  part.write('<sheetFormatPr defaultRowHeight="15"/>');
  part.write(colsXml(spec, width, styles));
  part.write('<sheetData>');
  // A merged area's covered cells carry its first cell's style, as ExcelJS's mergeCells gives them.
  const covered = coveredStyles(spec, styles);
  const ctx = sheetContext(spec, styles, strings);
  for (let r = 0; r < rowCount; r++) {
    const row = spec.rows[r] ?? [];
    const h = spec.rowHeights[r];
    const cells: string[] = [];
    const n = r + 1;
    const cover = covered.get(r);
    const last = Math.max(row.length, cover ? Math.max(...cover.keys()) + 1 : 0);
    for (let c = 0; c < last; c++) {
      const cell = row[c];
      const ref = `${letters[c] ?? columnLetter(c)}${n}`;
      const merged = cover?.get(c);
      if (merged !== undefined) cells.push(merged ? `<c r="${ref}" s="${merged}"/>` : `<c r="${ref}"/>`);
      else if (cell) cells.push(cellXml(ref, cell, ctx));
    }
    if (!cells.length && !h) continue;
    part.write(`<row r="${n}"${h ? ` ht="${h}" customHeight="1"` : ''}>${cells.join('')}</row>`);
  }
  part.write('</sheetData>');
  if (spec.protect) part.write(protectionXml());
  if (spec.merges.length) part.write(mergesXml(spec.merges));
  if (spec.validations.length) part.write(validationsXml(spec));
  part.write('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  const p = spec.print;
  part.write(
    `<pageSetup paperSize="9"${p ? ` orientation="${p.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"` : ''}/>`,
  );
  const footer = opts.headerFooter?.oddFooter;
  if (footer) part.write(`<headerFooter><oddFooter>${xmlText(footer)}</oddFooter></headerFooter>`);
  part.write('</worksheet>');
  part.close();
}

/** Widths, and the sheet's font as every column's style so that a cell typed later takes it (`setColumns`). */
function colsXml(spec: SheetSpec, width: number, styles: StyleTable): string {
  const count = spec.font ? Math.max(width, spec.columnWidths.length) : spec.columnWidths.length;
  if (!count) return '';
  const style = spec.font ? styles.id(undefined, spec.font, undefined) : 0;
  const cols: string[] = [];
  for (let i = 0; i < count; i++) {
    const w = spec.columnWidths[i];
    cols.push(
      `<col min="${i + 1}" max="${i + 1}"${w ? ` width="${w}" customWidth="1"` : ' width="9.140625"'}` +
        `${style ? ` style="${style}"` : ''}/>`,
    );
  }
  return `<cols>${cols.join('')}</cols>`;
}

/** For each row of a merged area, the covered cells' style (0: none), by column. */
function coveredStyles(spec: SheetSpec, styles: StyleTable): Map<number, Map<number, number>> {
  const out = new Map<number, Map<number, number>>();
  for (const m of spec.merges) {
    const [a, b = a] = m.replace(/\$/g, '').split(':').map(parseA1);
    const master = spec.rows[a.row]?.[a.col];
    const style = master ? styleOf(master, spec, styles) : 0;
    for (let r = a.row; r <= b.row; r++)
      for (let c = a.col; c <= b.col; c++) {
        if (r === a.row && c === a.col) continue;
        let row = out.get(r);
        if (!row) out.set(r, (row = new Map()));
        row.set(c, style);
      }
  }
  return out;
}

/**
 * Merged areas by their last row (a stable sort: the spec's order within a row), the order ExcelJS writes them in,
 * so that a reader listing a sheet's merges lists them alike from either writer.
 */
function mergesXml(merges: string[]): string {
  const bottom = (m: string) => parseA1(m.replace(/\$/g, '').split(':').pop()!).row;
  const sorted = merges.map((m, i) => ({ m, i, b: bottom(m) })).sort((x, y) => x.b - y.b || x.i - y.i);
  return `<mergeCells count="${merges.length}">${sorted.map((x) => `<mergeCell ref="${x.m.replace(/\$/g, '')}"/>`).join('')}</mergeCells>`;
}

/** No password; what stays allowed is written "0" (§18.3.1.85: an attribute set to 1 is a protected action). */
function protectionXml(): string {
  const allowed = (k: keyof typeof XLSX_PROTECTION) => (XLSX_PROTECTION[k] ? '0' : '1');
  return (
    `<sheetProtection sheet="1" objects="1" scenarios="1" formatCells="${allowed('formatCells')}"` +
    ` formatColumns="${allowed('formatColumns')}" formatRows="${allowed('formatRows')}"` +
    ` insertRows="${allowed('insertRows')}"/>`
  );
}

function validationsXml(spec: SheetSpec): string {
  const items = spec.validations.map((v) => {
    const formula = v.source ? v.source : `"${v.list.join(',')}"`;
    return (
      `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="Giá trị không hợp lệ"` +
      ` error="Chọn một giá trị trong danh sách." sqref="${v.range.replace(/\$/g, '')}">` +
      `<formula1>${xmlText(formula)}</formula1></dataValidation>`
    );
  });
  return `<dataValidations count="${items.length}">${items.join('')}</dataValidations>`;
}

/** The print titles (rows repeated on every page) as the workbook's defined names, one per sheet that has them. */
function definedNames(sheets: SheetSpec[]): string {
  const names = sheets.flatMap((s, i) =>
    s.print?.repeatRows
      ? [
          `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">` +
            `${xmlText(quoteSheet(s.name))}!$${s.print.repeatRows[0]}:$${s.print.repeatRows[1]}</definedName>`,
        ]
      : [],
  );
  return names.length ? `<definedNames>${names.join('')}</definedNames>` : '';
}

/** The bytes of a new workbook holding `sheets`, in their order. */
export async function streamedWorkbook(sheets: SheetSpec[]): Promise<Uint8Array> {
  const zip = new ZipWriter();
  const styles = new StyleTable();
  const strings = new SharedStrings();
  sheets.forEach((spec, i) => writeSheet(zip, `xl/worksheets/sheet${i + 1}.xml`, spec, styles, strings));
  strings.write(zip);
  zip.add('xl/styles.xml', styles.xml());
  const sheetList = sheets
    .map(
      (s, i) =>
        `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
    )
    .join('');
  // The first shown sheet is the one the workbook opens on (a hidden sheet cannot be active).
  const first = Math.max(
    0,
    sheets.findIndex((s) => !s.hidden),
  );
  zip.add(
    'xl/workbook.xml',
    `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="${first}" firstSheet="${first}"/>` +
      `</bookViews><sheets>${sheetList}</sheets>${definedNames(sheets)}<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`,
  );
  const n = sheets.length;
  const rels = sheets.map(
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>`);
  rels.push(`<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  zip.add('xl/_rels/workbook.xml.rels', `${DECL}<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`);
  zip.add(
    '_rels/.rels',
    `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="${PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  );
  zip.add(
    'docProps/core.xml',
    `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
      ' xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>dx-report</dc:creator></cp:coreProperties>',
  );
  zip.add(
    'docProps/app.xml',
    `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
      '<Application>dx-report</Application></Properties>',
  );
  const ct = 'application/vnd.openxmlformats-officedocument';
  zip.add(
    '[Content_Types].xml',
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="${ct.replace('officedocument', 'package')}.relationships+xml"/>` +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>` +
      sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      `<Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="${ct}.extended-properties+xml"/>` +
      '</Types>',
  );
  return zip.finish();
}
