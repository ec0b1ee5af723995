/**
 * A unit's workbook read straight into the core's snapshots, without ExcelJS: the package is checked as
 * `preparePackage` checks it (xlsx/package.ts: the same limits, the same named errors, the same parts kept and
 * skipped), then only the parts the snapshots need are unpacked, each once (the workbook, its sheets, shared
 * strings and styles), and read by a scanner over their XML with no tree. What it gives is what
 * `(await XlsxWorkbook.fromBuffer(data, file, limits)).read()` gives, to the cell: ExcelJS's rules for types,
 * dates, shared formulas, merged cells and hyperlinks are copied in xlsx/exceljs-rules.ts and below.
 *
 * The parts ExcelJS would load but no snapshot uses (theme, tables, document properties) are unpacked to prove
 * them whole, as `preparePackage` does, and dropped at once; drawings, comments, pivot tables… are never unpacked.
 */
import type * as Zlib from 'zlib';
import {
  FileTooLargeError,
  OdsError,
  TooManyCellsError,
  TooManyMergesError,
  TruncatedFileError,
  UnreadableWorkbookError,
  UnzippedTooLargeError,
} from '../shared/errors/errors';
import { SheetSnapshot } from '../shared/workbook/port';
import { CellValue } from '../shared/workbook/sheet-spec';
import {
  Area,
  decodeAddress,
  decodeRange,
  DEFAULT_NUM_FORMATS,
  excelToDate,
  intersects,
  isDateFmt,
  rangeText,
  slideFormula,
  unescapeX,
  wallClock,
  xmlDecode,
} from './exceljs-rules';
import { baseName, readWorkbookFile } from './file';
import { READ_LIMITS, ReadLimits } from './limits';
import {
  attributes,
  centralDirectory,
  checkPart,
  kindOf,
  loadZip,
  Part,
  relationships,
  relsOf,
  resolve,
  SheetScanner,
  workbookPartName,
} from './package';
import { CLOSE, decodeAttr, decodeText, END, OPEN, TEXT, XmlError, XmlScanner } from './xml-scan';

export interface ReadSnapshots {
  sheets: SheetSnapshot[];
  /** Parts of the file not read (their names in the file), and "sheet.xml#dataValidations" blocks: as `skipped`. */
  skipped: string[];
  /** Every sheet's name, in order, those `only` left out included. */
  names: string[];
}

/** As xlsx/workbook.ts: how many empty cells a read fills with null, left of the last cell of each row. */
const FILLED_CELLS = 4_000_000;
/** As xlsx/workbook.ts: a missing row, one shared frozen empty row. */
const NO_CELLS = Object.freeze([]) as unknown as CellValue[];
const NO_FORMULAS = Object.freeze([]) as unknown as Array<string | null>;

/** What ExcelJS would fail on while loading: the workbook is unreadable (UnreadableWorkbookError). */
class Unreadable extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// Unpacking: one part at a time, the whole part, proved the size the central directory declares.

function zlibOf(): typeof Zlib | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const z = proc?.getBuiltinModule?.('zlib') as typeof Zlib | undefined;
  if (z) return z;
  try {
    return (eval('require') as (id: string) => typeof Zlib)('zlib');
  } catch {
    return undefined;
  }
}
const zlib = zlibOf();

async function unpackPart(part: Part, file: string): Promise<Uint8Array> {
  const c = part.compressed as Part['compressed'] & { compressedContent?: unknown };
  const content = c.compressedContent;
  const magic = c.compression?.magic;
  let out: Uint8Array;
  try {
    if (content instanceof Uint8Array && magic === '\x00\x00') out = content;
    else if (content instanceof Uint8Array && magic === '\x08\x00' && zlib)
      out = zlib.inflateRawSync(content, { maxOutputLength: Math.max(1, part.size) });
    else out = await part.entry.async('uint8array');
  } catch {
    throw new TruncatedFileError(file);
  }
  if (out.length !== part.size) throw new TruncatedFileError(file);
  return out;
}

const utf8 = new TextDecoder('utf-8');

// ---------------------------------------------------------------------------------------------------------------
// Styles and shared strings, parsed once.

interface Styles {
  /** By cellXfs index: the style's number format as ExcelJS names it, when it has one. */
  formats: Array<string | undefined>;
  dates: boolean[];
  /** ExcelJS's style model is missing (no <styleSheet> root, no cellXfs): any styled cell fails to load. */
  broken: boolean;
}

function parseStyles(xml: string): Styles {
  const x = new XmlScanner(xml);
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let root = false;
  let closed = false;
  let depth = 0;
  while (x.next() !== END) {
    if (x.type() === OPEN) {
      if (depth === 0) {
        root = x.tag() === 'styleSheet';
        if (!x.selfClosing) depth++;
        continue;
      }
      if (depth === 1 && x.tag() === 'numFmts') {
        if (x.selfClosing) continue;
        custom.clear();
        while (x.next() !== END && !(x.type() === CLOSE && x.tag() === 'numFmts'))
          if (x.type() === OPEN && x.tag() === 'numFmt') {
            const a = x.attrs();
            if (a.formatCode === undefined) throw new Unreadable('numFmt without formatCode');
            custom.set(parseInt(a.numFmtId, 10), a.formatCode.replace(/[\\](.)/g, '$1'));
          }
        continue;
      }
      if (depth === 1 && x.tag() === 'cellXfs') {
        if (x.selfClosing) continue;
        ids.length = 0;
        while (x.next() !== END && !(x.type() === CLOSE && x.tag() === 'cellXfs'))
          if (x.type() === OPEN && x.tag() === 'xf') {
            ids.push(parseInt(x.attrs().numFmtId, 10));
            x.skipElement();
          }
        continue;
      }
      if (!x.selfClosing) x.skipElement();
    } else if (x.type() === CLOSE && depth === 1) {
      closed = root && x.tag() === 'styleSheet';
      depth = 0;
    }
  }
  const formats = ids.map((id) => (id ? custom.get(id) || DEFAULT_NUM_FORMATS[id] || undefined : undefined));
  return { formats, dates: formats.map(isDateFmt), broken: !root || !closed || !ids.length };
}

/** A shared string as ExcelJS keeps it: text, rich text runs, or an empty model ({}). */
type Shared = string | { richText: Array<{ text?: string }> } | Record<string, never>;

function parseSharedStrings(xml: string): Shared[] {
  const x = new XmlScanner(xml);
  const out: Shared[] = [];
  let root = false;
  while (x.next() !== END) {
    if (x.type() === TEXT) continue;
    if (x.type() === CLOSE) {
      if (x.tag() === 'sst') break;
      throw new Unreadable(`Unexpected xml node in parseClose: ${x.tag()}`);
    }
    if (x.tag() === 'sst' && !root) {
      root = true;
      continue;
    }
    if (x.tag() !== 'si') throw new Unreadable(`Unexpected xml node in parseOpen: ${x.tag()}`);
    out.push(x.selfClosing ? {} : sharedString(x));
  }
  return out;
}

/** One <si>: its <t> (the last one wins), else its runs; phonetic runs (<rPh>) are not text. */
function sharedString(x: XmlScanner): Shared {
  let model: Shared = {};
  while (x.next() !== END) {
    if (x.type() === CLOSE && x.tag() === 'si') break;
    if (x.type() !== OPEN) continue;
    if (x.tag() === 't') model = x.selfClosing ? '' : textOf(x, 't');
    else if (x.tag() === 'r') {
      if (typeof model === 'string') throw new Unreadable('rich text after text');
      const rich = ((model as { richText?: Array<{ text?: string }> }).richText ??= []);
      rich.push(x.selfClosing ? {} : run(x));
    } else x.skipElement();
  }
  return model;
}

/** The text of a <t> (or any text-only element) up to its close, with `_xHHHH_` escapes. */
function textOf(x: XmlScanner, name: string): string {
  let out = '';
  while (x.next() !== END) {
    if (x.type() === TEXT) out += x.text();
    else if (x.type() === CLOSE && x.tag() === name) break;
  }
  return unescapeX(out);
}

/** A rich text run <r>: its <t>'s text (undefined without one). */
function run(x: XmlScanner): { text?: string } {
  const out: { text?: string } = {};
  while (x.next() !== END) {
    if (x.type() === CLOSE && x.tag() === 'r') break;
    if (x.type() === OPEN && x.tag() === 't') out.text = x.selfClosing ? '' : textOf(x, 't');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The workbook: its sheets as ExcelJS lists them.

interface SheetDef {
  name: string;
  id: number;
  state: string | undefined;
  rId: string | undefined;
}

function parseWorkbook(xml: string): { sheets: SheetDef[] | undefined; date1904: boolean } {
  const x = new XmlScanner(xml);
  let sheets: SheetDef[] | undefined;
  let date1904 = false;
  let done = false;
  const known = new Set(['fileVersion', 'bookViews', 'definedNames', 'calcPr']);
  while (!done && x.next() !== END) {
    if (x.type() === CLOSE && x.tag() === 'workbook') done = true;
    if (x.type() !== OPEN) continue;
    if (x.tag() === 'sheets') {
      sheets = [];
      if (x.selfClosing) continue;
      while (x.next() !== END && !(x.type() === CLOSE && x.tag() === 'sheets'))
        if (x.type() === OPEN && x.tag() === 'sheet') {
          const a = x.attrs();
          if (a.name === undefined) throw new Unreadable('sheet without a name');
          sheets.push({ name: xmlDecode(a.name), id: parseInt(a.sheetId, 10), state: a.state, rId: a['r:id'] });
          x.skipElement();
        }
    } else if (x.tag() === 'workbookPr') {
      date1904 = x.attrs().date1904 === '1';
      x.skipElement();
    } else if (known.has(x.tag())) x.skipElement();
  }
  if (!done) throw new Unreadable('workbook.xml has no </workbook>');
  return { sheets, date1904 };
}

/** lib/doc/worksheet.js `set name`: the names ExcelJS refuses, and its cut to 31 characters. */
function sheetName(name: string, taken: Array<{ name: string }>): string {
  if (name === '') throw new Unreadable("The name can't be empty.");
  if (name === 'History') throw new Unreadable('The name "History" is protected.');
  if (/[*?:/\\[\]]/.test(name)) throw new Unreadable(`Worksheet name ${name} cannot include * ? : \\ / [ ]`);
  if (/(^')|('$)/.test(name)) throw new Unreadable(`The first or last character cannot be a quotation mark`);
  const cut = name.length > 31 ? name.substring(0, 31) : name;
  if (taken.some((w) => w.name.toLowerCase() === cut.toLowerCase()))
    throw new Unreadable(`Worksheet name already exists: ${cut}`);
  return cut;
}

// ---------------------------------------------------------------------------------------------------------------
// A sheet.

interface Row {
  vs: CellValue[];
  fs: Array<string | null>;
  formats?: Array<string | null>;
  /** Formula cells with no result, by column index (the order ExcelJS lists them in). */
  un?: string[];
}

interface Slave {
  row: Row;
  c: number;
  address: string;
  master: string;
}

interface ParsedSheet {
  rows: Row[];
  merges: string[];
  slaves: Slave[];
  /** Shared formula masters by decoded address: their own text (undefined: none, or not a formula any more). */
  masters: Map<string, string | undefined>;
  /** Non-master cells of a merged area, "row,col" → covered. */
  covered: (row: number, col: number) => boolean;
}

interface SheetContext {
  sharedStrings: Shared[] | undefined;
  styles: Styles | undefined;
  date1904: boolean;
  emptyResults: Set<string> | undefined;
  /** The sheet's relationships as ExcelJS sees them after preparePackage: id → target. */
  rels: Map<string, { target: string; table: boolean }> | undefined;
}

const WORKSHEET_PARTS = new Set([
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'autoFilter',
  'rowBreaks',
  'pageMargins',
  'dataValidations',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'sheetProtection',
  'conditionalFormatting',
  'extLst',
]);

/** The value of a cell as `plain(cell.value)` gives it, for the non-formula types. */
type Kind = 'null' | 'merge' | 'number' | 'string' | 'bool' | 'error';

function parseSheet(xml: string, ctx: SheetContext): ParsedSheet {
  // First what lies outside <sheetData>: the merged areas and hyperlinks apply to the cells read after.
  const x = new XmlScanner(xml);
  let dataStart = -1;
  let dataEnd = -1;
  let closed = false;
  let mergeRefs: string[] | undefined;
  let links: Array<{ ref: string; rId: string | undefined }> | undefined;
  let tableParts: Array<string | undefined> = [];
  let drawing: string | undefined | null = null;
  let colStyled = false;
  let depth = 0;
  while (x.next() !== END) {
    if (x.type() === CLOSE) {
      if (x.tag() === 'worksheet' && depth <= 1) {
        closed = true;
        break;
      }
      depth--;
      continue;
    }
    if (x.type() !== OPEN) continue;
    const name = x.tag();
    if (name === 'worksheet') {
      if (!x.selfClosing) depth++;
      continue;
    }
    if (name === 'sheetData') {
      dataStart = x.pos;
      if (x.selfClosing) dataEnd = x.pos;
      else {
        const end = xml.indexOf('</sheetData>', x.pos);
        if (end < 0) throw new Unreadable('unclosed sheetData');
        dataEnd = end;
        x.pos = end + '</sheetData>'.length;
      }
    } else if (name === 'mergeCells') {
      mergeRefs = [];
      if (x.selfClosing) continue;
      while (x.next() !== END && !(x.type() === CLOSE && x.tag() === 'mergeCells'))
        if (x.type() === OPEN && x.tag() === 'mergeCell') {
          const ref = x.attrs().ref;
          if (ref === undefined) throw new Unreadable('mergeCell without ref');
          mergeRefs.push(ref);
          x.skipElement();
        }
    } else if (name === 'hyperlinks') {
      links = [];
      if (x.selfClosing) continue;
      while (x.next() !== END && !(x.type() === CLOSE && x.tag() === 'hyperlinks'))
        if (x.type() === OPEN && x.tag() === 'hyperlink') {
          const a = x.attrs();
          links.push({ ref: a.ref, rId: a['r:id'] });
          x.skipElement();
        }
    } else if (name === 'cols') {
      if (x.selfClosing) continue;
      while (x.next() !== END && !(x.type() === CLOSE && x.tag() === 'cols'))
        if (x.type() === OPEN && x.tag() === 'col') {
          const style = x.attrs().style;
          if (style && parseInt(style, 10)) colStyled = true;
          x.skipElement();
        }
    } else if (name === 'tableParts') {
      tableParts = [];
      if (x.selfClosing) continue;
      while (x.next() !== END && !(x.type() === CLOSE && x.tag() === 'tableParts'))
        if (x.type() === OPEN && x.tag() === 'tablePart') {
          tableParts.push(x.attrs()['r:id']);
          x.skipElement();
        }
    } else if (name === 'drawing') {
      drawing = x.attrs()['r:id'];
      x.skipElement();
    } else if (WORKSHEET_PARTS.has(name)) x.skipElement();
    else if (!x.selfClosing) depth++;
  }
  if (!closed) throw new Unreadable('no </worksheet>');

  // What ExcelJS's reconcile trips over.
  const styles = ctx.styles;
  if (colStyled && (!styles || styles.broken)) throw new Unreadable('column style without styles');
  const relOf = (id: string | undefined) => (id === undefined ? undefined : ctx.rels?.get(id));
  if (drawing !== null && !relOf(drawing)) throw new Unreadable('drawing without its relationship');
  for (const t of tableParts) {
    const r = relOf(t);
    if (!r || !r.table) throw new Unreadable('table part without its table');
  }
  let hyperlinks: Map<string, string> | undefined;
  for (const l of links ?? []) {
    if (!l.rId) continue;
    const r = relOf(l.rId);
    if (!r) throw new Unreadable('hyperlink without its relationship');
    (hyperlinks ??= new Map()).set(l.ref, r.target);
  }

  // Merged areas: ExcelJS refuses overlapping ones; their cells but the top-left one are not shown.
  const areas: Area[] = [];
  const merges: string[] = [];
  for (const ref of mergeRefs ?? []) {
    let a: Area;
    try {
      a = decodeRange(ref);
    } catch (e) {
      throw new Unreadable(String(e));
    }
    for (const b of areas) if (intersects(b, a)) throw new Unreadable('Cannot merge already merged cells');
    areas.push(a);
    merges.push(rangeText(a));
  }
  const byRow = new Map<number, Area[]>();
  for (const a of areas)
    for (let r = a.top; r <= a.bottom; r++) {
      const list = byRow.get(r);
      if (list) list.push(a);
      else byRow.set(r, [a]);
    }
  const covered = (row: number, col: number) => {
    const list = byRow.get(row);
    if (!list) return false;
    for (const a of list) if (col >= a.left && col <= a.right && (row !== a.top || col !== a.left)) return true;
    return false;
  };

  const sheet: ParsedSheet = { rows: [], merges, slaves: [], masters: new Map(), covered };
  if (dataStart >= 0 && dataEnd > dataStart) readCells(xml, dataStart, dataEnd, ctx, sheet, hyperlinks);
  return sheet;
}

/** The rows and cells of <sheetData>, in the order written, as ExcelJS's row and cell xforms read them. */
function readCells(
  xml: string,
  from: number,
  to: number,
  ctx: SheetContext,
  sheet: ParsedSheet,
  hyperlinks: Map<string, string> | undefined,
): void {
  const x = new XmlScanner(xml, from, to);
  const { styles, sharedStrings, date1904, emptyResults } = ctx;
  const shared = new Map<string, string | undefined>();
  const covered = sheet.covered;
  let row: Row | undefined;
  let rowNumber = 0;
  let prevCol = 0;
  let prevRow = '';
  let hasPrev = false;

  while (x.next() !== END) {
    if (x.type() !== OPEN) continue;
    if (x.tag() === 'row') {
      const a = x.attrs();
      rowNumber = parseInt(a.r, 10);
      if (Number.isNaN(rowNumber)) throw new Unreadable('Invalid row number in model');
      if (a.s && parseInt(a.s, 10) && (!styles || styles.broken)) throw new Unreadable('row style without styles');
      // A row written twice: the later replaces the earlier, as ExcelJS indexes rows by number.
      row = rowNumber >= 1 ? { vs: [], fs: [] } : undefined;
      if (row) sheet.rows[rowNumber - 1] = row;
      hasPrev = false;
      if (x.selfClosing) row = undefined;
      continue;
    }
    if (x.tag() !== 'c') continue;

    // <c r s t>
    cellAttributes(xml, x.start, x.end);
    const r = cR;
    const t = cT;
    const styleId = cS ? parseInt(cS, 10) : undefined;
    let formula: string | undefined;
    let shareType: string | undefined;
    let si: string | undefined;
    let ref: string | undefined;
    let value: string | undefined;
    let rich: Array<{ text?: string }> | undefined;
    // The usual cells, <c…><v>1</v></c> and <c…><f>A1</f><v>1</v></c>, read directly; any other markup (or
    // anything unusual inside these) by the general loop below, from the start of the cell's content again.
    let fast = false;
    if (!x.selfClosing) {
      const at = x.pos;
      let p = at;
      if (xml.startsWith('<f>', p)) {
        const e = xml.indexOf('</f>', p + 3);
        const body = e < 0 ? '<' : xml.slice(p + 3, e);
        if (body.indexOf('<') < 0) {
          formula = body === '' ? undefined : decodeText(body);
          p = e + 4;
        } else p = -1;
      }
      if (p >= 0 && xml.startsWith('<v>', p)) {
        const e = xml.indexOf('</v>', p + 3);
        const body = e < 0 ? '<' : xml.slice(p + 3, e);
        if (body.indexOf('<') < 0) {
          value = body === '' ? undefined : decodeText(body);
          p = e + 4;
        } else p = -1;
      }
      if (p > at && xml.startsWith('</c>', p)) {
        x.pos = p + 4;
        fast = true;
      } else {
        x.pos = at;
        formula = undefined;
        value = undefined;
      }
    }
    if (!x.selfClosing && !fast) {
      let node: 'f' | 'v' | 't' | undefined;
      for (;;) {
        const k = x.next();
        if (k === END) throw new Unreadable('unclosed cell');
        if (k === TEXT) {
          if (node === 'f') formula = formula ? formula + x.text() : x.text();
          else if (node) {
            if (!rich) value = value ? value + x.text() : x.text();
          }
          continue;
        }
        if (k === CLOSE) {
          const n = x.tag();
          if (n === 'c') break;
          if (n === 'f' || n === 'v' || n === 'is' || n === 't') node = undefined;
          else throw new Unreadable(`unexpected </${n}> in a cell`);
          continue;
        }
        const n = x.tag();
        if (n === 'f') {
          const fa = x.attrs();
          si = fa.si;
          shareType = fa.t;
          ref = fa.ref;
          node = x.selfClosing ? undefined : 'f';
        } else if (n === 'v') node = x.selfClosing ? undefined : 'v';
        else if (n === 't') node = x.selfClosing ? undefined : 't';
        else if (n === 'r') {
          if (value !== undefined) throw new Unreadable('rich text after text');
          (rich ??= []).push(x.selfClosing ? {} : run(x));
          node = undefined;
        } else if (n !== 'is' && x.selfClosing) throw new Unreadable(`unexpected <${n}/> in a cell`);
      }
    }

    // cell-xform parseClose: the cell's type.
    let kind: Kind | 'formula';
    let v: unknown = rich ? { richText: rich } : value;
    let result: unknown;
    if (formula || shareType) {
      kind = 'formula';
      if (v) {
        if (t === 'str') result = xmlDecode(v as string);
        else if (t === 'b') result = parseInt(v as string, 10) !== 0;
        else if (t === 'e') result = { error: v };
        else result = parseFloat(v as string);
      }
    } else if (v !== undefined) {
      if (t === 's') {
        kind = 'string';
        v = parseInt(v as string, 10);
      } else if (t === 'str') {
        kind = 'string';
        v = xmlDecode(v as string);
      } else if (t === 'inlineStr') kind = 'string';
      else if (t === 'b') {
        kind = 'bool';
        v = parseInt(v as string, 10) !== 0;
      } else if (t === 'e') {
        kind = 'error';
        v = { error: v };
      } else {
        kind = 'number';
        v = parseFloat(v as string);
      }
    } else if (styleId) kind = 'null';
    else kind = 'merge';

    // cell-xform reconcile: styles, shared strings, dates, shared formulas.
    let numFmt: string | undefined;
    let isDate = false;
    if (styleId && styles) {
      if (styles.broken) throw new Unreadable('cell style without styles');
      if (styleId < styles.formats.length) {
        numFmt = styles.formats[styleId];
        isDate = styles.dates[styleId];
      }
    }
    let sharedMaster: string | undefined;
    if (kind === 'string') {
      if (typeof v === 'number' && sharedStrings) v = sharedStrings[v];
      if (v === undefined || v === null) throw new Unreadable('shared string out of range');
    } else if (kind === 'number') {
      if (isDate) v = excelToDate(v, date1904);
    } else if (kind === 'formula') {
      if (result !== undefined && isDate) result = excelToDate(result, date1904);
      if (shareType === 'shared') {
        if (ref) shared.set(si as string, r);
        else sharedMaster = shared.get(si as string);
      }
    }
    const link = hyperlinks && r !== undefined ? hyperlinks.get(r) : undefined;

    // row.js `set model`: a cell with no value and no style is not made (unless a hyperlink makes it one).
    if (kind === 'merge' && !link) continue;
    let col: number;
    let address: string;
    if (r && simpleAddress(r)) {
      col = aCol;
      address = r;
      prevCol = col;
      prevRow = String(Number(r.slice(aDigits)));
    } else if (r) {
      let d;
      try {
        d = decodeAddress(r);
      } catch (e) {
        throw new Unreadable(String(e));
      }
      col = d.col as number;
      address = d.address;
      prevCol = col;
      prevRow = String(d.row ?? '');
    } else {
      if (!hasPrev) throw new Unreadable('a cell without an address first in its row');
      col = ++prevCol;
      address = `${colLetters(col)}${prevRow}`;
    }
    hasPrev = true;
    if (address !== r && !/^[A-Z]+\d+$/.test(address)) throw new Unreadable(`Invalid Address: ${address}`);
    if (!row) continue;
    const c = col - 1;
    if (kind === 'formula' && shareType === 'shared' && ref) sheet.masters.set(address, link ? undefined : formula);

    // Merged cells but the top-left one are not shown (ExcelJS replaces their value by the merge).
    if (covered(rowNumber, col)) {
      forget(row, c);
      continue;
    }

    // workbook.ts snapshot(): plain(cell.value), the formula, the result.
    let out: CellValue;
    let f: string | null = null;
    if (link) {
      const text = kind === 'formula' ? result : kind === 'null' || kind === 'merge' ? undefined : v;
      out = String(text);
    } else if (kind === 'formula') {
      const hasFormula = Boolean(formula) || Boolean(sharedMaster);
      // 0 and FALSE are results (ExcelJS drops them; workbook.ts gets them back from the package's scan).
      out = hasFormula ? (result !== undefined && result !== '' ? plainResult(result) : null) : '[object Object]';
      if (formula) f = `=${formula}`;
      if (result === undefined) {
        if (emptyResults?.has(address)) out = '';
        else {
          // Listed before the merge and value checks, as snapshot() lists it.
          (row.un ??= [])[c] = address;
        }
      }
      if (!formula && sharedMaster) sheet.slaves.push({ row, c, address, master: sharedMaster });
      else if (out === null && f === null) {
        forget(row, c, true);
        continue;
      }
    } else if (kind === 'null' || kind === 'merge') {
      // A styled empty cell replaces one written before at its address.
      forget(row, c);
      continue;
    } else out = plainValue(kind, v);

    row.vs[c] = out;
    row.fs[c] = f;
    if (typeof out === 'number' && numFmt && numFmt !== 'General') (row.formats ??= [])[c] = numFmt;
    else if (row.formats && c in row.formats) delete row.formats[c];
    if (kind !== 'formula' && row.un && c in row.un) delete row.un[c];
  }
}

/** The r, s and t attributes of a <c> tag, as saxes decodes them (set here: a cell costs no object). */
let cR: string | undefined;
let cS: string | undefined;
let cT: string | undefined;
function cellAttributes(s: string, start: number, end: number): void {
  cR = cS = cT = undefined;
  let i = start;
  while (i < end) {
    let c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < end) {
      c = s.charCodeAt(i);
      if (c === 61 || c === 32 || c === 9 || c === 10 || c === 13) break;
      i++;
    }
    const one = i - nameStart === 1 ? s.charCodeAt(nameStart) : 0;
    while (i < end && s.charCodeAt(i) !== 61) i++;
    i++;
    while (
      i < end &&
      (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9 || s.charCodeAt(i) === 10 || s.charCodeAt(i) === 13)
    )
      i++;
    const q = s.charCodeAt(i);
    if (q !== 34 && q !== 39) {
      if (i >= end) break;
      throw new XmlError('attribute without a quoted value');
    }
    const close = s.indexOf(q === 34 ? '"' : "'", i + 1);
    if (close < 0 || close > end) throw new XmlError('unclosed attribute value');
    if (one === 114 /* r */ || one === 115 /* s */ || one === 116 /* t */) {
      const v = decodeAttr(s.slice(i + 1, close));
      if (one === 114) cR = v;
      else if (one === 115) cS = v;
      else cT = v;
    }
    i = close + 1;
  }
}

/** "B12": capital letters then digits, nothing else (then its column is `aCol`, its digits start at `aDigits`). */
let aCol = 0;
let aDigits = 0;
function simpleAddress(r: string): boolean {
  let i = 0;
  let col = 0;
  const n = r.length;
  for (; i < n; i++) {
    const c = r.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  if (i === 0 || i === n || col > 16384) return false;
  aDigits = i;
  for (; i < n; i++) {
    const c = r.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  aCol = col;
  return true;
}

const colLetters = (n: number) => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

/** Drops what a row holds at a column (a cell written again, or covered by a merge). */
function forget(row: Row, c: number, keepUncomputed = false): void {
  if (c in row.vs) {
    delete row.vs[c];
    delete row.fs[c];
  }
  if (row.formats && c in row.formats) delete row.formats[c];
  if (!keepUncomputed && row.un && c in row.un) delete row.un[c];
}

function plainValue(kind: Kind, v: unknown): CellValue {
  switch (kind) {
    case 'number':
      return v instanceof Date ? wallClock(v) : (v as number);
    case 'bool':
      return v as boolean;
    case 'error':
      return (v as { error: string }).error;
    default:
      if (typeof v === 'string' || typeof v === 'number') return v;
      if ((v as { richText?: unknown }).richText)
        return (v as { richText: Array<{ text?: string }> }).richText.map((t) => t.text).join('');
      return String(v);
  }
}

/** plain() of a formula's result: a number, text, true, an error's text, a Date on the wall clock. */
function plainResult(result: unknown): CellValue {
  if (result instanceof Date) return wallClock(result);
  if (typeof result === 'object') return (result as { error: string }).error;
  return result as CellValue;
}

// ---------------------------------------------------------------------------------------------------------------
// From the parsed sheets to snapshots.

function finish(parsed: ParsedSheet, name: string, hidden: boolean, budget: { cells: number }): SheetSnapshot {
  // Shared formulas: slid from their master when read, as ExcelJS's FormulaValue does.
  for (const s of parsed.slaves) {
    const m = decodeAddress(s.master);
    let text: string | undefined;
    if (parsed.covered(m.row as number, m.col as number)) text = undefined;
    else if (!parsed.masters.has(m.address)) {
      // The master is gone: no formula; a cell with no value then is no cell.
      if (s.row.vs[s.c] === null) {
        delete s.row.vs[s.c];
        delete s.row.fs[s.c];
      }
      continue;
    } else text = parsed.masters.get(m.address);
    if (!text) throw new TypeError("Cannot read properties of undefined (reading 'replace')");
    s.row.fs[s.c] = `=${slideFormula(text, s.master, s.address)}`;
  }

  const values: CellValue[][] = [];
  const formulas: Array<Array<string | null>> = [];
  const formats: Array<Array<string | null>> = [];
  const uncomputed: string[] = [];
  parsed.rows.forEach((row, r) => {
    if (row.un) row.un.forEach((a) => uncomputed.push(a));
    const vs = row.vs;
    let last = vs.length - 1;
    while (last >= 0 && !(last in vs)) last--;
    if (last < 0) return;
    vs.length = last + 1;
    row.fs.length = last + 1;
    for (let c = 0; c <= last && budget.cells > 0; c++)
      if (!(c in vs)) {
        vs[c] = null;
        row.fs[c] = null;
        budget.cells--;
      }
    values[r] = vs;
    formulas[r] = row.fs;
    if (row.formats) {
      let end = row.formats.length - 1;
      while (end >= 0 && !(end in row.formats)) end--;
      if (end >= 0) formats[r] = Array.from({ length: end + 1 }, (_, c) => row.formats![c] ?? null);
    }
  });
  for (let r = 0; r < values.length; r++)
    if (!values[r]) {
      values[r] = NO_CELLS;
      formulas[r] = NO_FORMULAS;
    }
  return {
    name,
    values,
    formulas,
    hidden,
    merges: parsed.merges,
    ...(uncomputed.length ? { uncomputed } : {}),
    ...(formats.length ? { numberFormats: Array.from(formats, (row) => row ?? []) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Reads a workbook's bytes into snapshots, as `XlsxWorkbook.fromBuffer(data, file, limits)` then `read()` would:
 * the same snapshots, the same `skipped`, the same named errors (shared/errors/errors.ts) from the same checks.
 */
export async function readSnapshots(
  data: Uint8Array,
  file: string,
  limits: ReadLimits = READ_LIMITS,
  only?: string[],
): Promise<ReadSnapshots> {
  const bytes = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : data;
  if (bytes.length > limits.fileBytes) throw new FileTooLargeError(file, bytes.length, limits.fileBytes);
  const zip = await loadZip(bytes, file);
  // `only`: the sheets not asked for are never unpacked, so the limits hold for each part that is (a former
  // run's DX_DuLieu of thousands of units, past the limit of a unit's part, is not read to see whose file it is).
  const parts = centralDirectory(zip, file, limits, Boolean(only));
  let unpacked = 0;
  const unpack = (p: Part, f: string) => {
    if (only) {
      checkPart(p, f, limits);
      unpacked += p.size;
      if (unpacked > limits.unzippedBytes) throw new UnzippedTooLargeError(f, unpacked, limits.unzippedBytes);
    }
    return unpackPart(p, f);
  };
  const get = (name: string) => parts.get(name.toLowerCase());
  const text = async (name: string) => {
    const p = get(name);
    return p ? utf8.decode(await unpack(p, file)) : null;
  };

  const mimetype = get('mimetype');
  if (mimetype && mimetype.size < 200) {
    const m = utf8.decode(await unpack(mimetype, file)).trim();
    if (m.startsWith('application/vnd.oasis.opendocument.spreadsheet')) throw new OdsError(file);
  }

  // The parts preparePackage keeps, in its order.
  const rootRels = relationships((await text('_rels/.rels')) ?? '');
  const workbookName = workbookPartName(get, rootRels, file);
  const workbook = get(workbookName)!;
  const kept = new Set<string>();
  const verified = new Set<string>();
  for (const r of rootRels) {
    const kind = kindOf(r.type);
    const part = r.external ? undefined : get(resolve('', r.target));
    if (!part) continue;
    if ((kind === 'core-properties' || kind === 'extended-properties') && !kept.has(part.name)) kept.add(part.name);
  }
  const workbookXml = utf8.decode(await unpack(workbook, file));
  kept.add(workbook.name);
  verified.add(workbook.name);
  const bookRels = relationships((await text(relsOf(workbookName))) ?? '');
  const sheetParts: Array<{ id: string; part: Part }> = [];
  const single: Record<string, Part | undefined> = {};
  for (const r of bookRels) {
    const part = r.external ? undefined : get(resolve(workbookName, r.target));
    if (!part) continue;
    const kind = kindOf(r.type);
    if (kind === 'worksheet') {
      if (kept.has(part.name)) continue;
      sheetParts.push({ id: r.id, part });
      kept.add(part.name);
    } else if ((kind === 'sharedStrings' || kind === 'styles' || kind === 'theme') && !(kind in single)) {
      single[kind] = part;
      kept.add(part.name);
    }
  }

  // ExcelJS's failures are found as the parts are read, and given once every check preparePackage makes passed.
  let unreadable: unknown;
  const attempt = <T>(fn: () => T): T | undefined => {
    if (unreadable !== undefined) return undefined;
    try {
      return fn();
    } catch (e) {
      // Whatever fails here, ExcelJS fails on while it loads (its own errors and TypeErrors alike).
      unreadable = e;
      return undefined;
    }
  };

  // Shared strings and styles first (the sheets need them); a damaged one is refused where preparePackage would.
  const early = async (part: Part | undefined): Promise<{ text: string | undefined; damaged: boolean }> => {
    if (!part) return { text: undefined, damaged: false };
    try {
      const t = utf8.decode(await unpack(part, file));
      verified.add(part.name);
      return { text: t, damaged: false };
    } catch (e) {
      if (e instanceof TruncatedFileError) return { text: undefined, damaged: true };
      throw e;
    }
  };
  const sst = await early(single.sharedStrings);
  const sty = await early(single.styles);
  const sharedStrings = sst.text === undefined ? undefined : attempt(() => parseSharedStrings(sst.text!));
  const styles = sty.text === undefined ? undefined : attempt(() => parseStyles(sty.text!));
  // Their text is let go once parsed: what the sheets need is the strings and the formats.
  sst.text = sty.text = undefined;
  const book = attempt(() => parseWorkbook(workbookXml));
  const sheetIds = new Map<string, number>();
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\s([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    const rid = Object.entries(a).find(([k]) => /^[\w.-]+:id$/.test(k))?.[1];
    if (rid && a.sheetId) sheetIds.set(rid, Number(a.sheetId));
  }
  const canParse = !sst.damaged && !sty.damaged;

  // Each sheet: unpacked, counted as preparePackage counts it, then read while the counts stay in the limits.
  let cells = 0;
  let validationCells = 0;
  const validated: string[] = [];
  let tables = 0;
  const parsed = new Map<string, ParsedSheet>();
  // `only`: the other sheets are neither unpacked, counted nor read (their names are kept).
  const wanted = (rId: string) => !only || only.includes(book?.sheets?.find((d) => d.rId === rId)?.name ?? '');
  for (const s of sheetParts) {
    verified.add(s.part.name);
    if (!wanted(s.id)) {
      parsed.set(s.id, { rows: [], merges: [], slaves: [], masters: new Map(), covered: () => false });
      continue;
    }
    const raw = await unpack(s.part, file);
    const scanner = new SheetScanner();
    scanner.feed(raw);
    const c = scanner.count;
    if (c.merges > limits.merges) throw new TooManyMergesError(file, c.merges, limits.merges);
    cells += c.cells + c.rows + c.mergedCells;
    validationCells += c.validationCells;
    if (c.validationCells) validated.push(s.part.name);
    const id = sheetIds.get(s.id);
    const emptyResults = id !== undefined && c.emptyResults.size ? c.emptyResults : undefined;

    const partName = s.part.name.replace(/^\/+/, '');
    const sheetRels = relationships((await text(relsOf(partName))) ?? '');
    const rels = new Map<string, { target: string; table: boolean }>();
    for (const r of sheetRels) {
      const kind = kindOf(r.type);
      const part = r.external ? undefined : get(resolve(partName, r.target));
      if (kind === 'hyperlink') rels.set(r.id, { target: r.target, table: false });
      else if (kind === 'table' && part && !kept.has(part.name)) {
        kept.add(part.name);
        rels.set(r.id, { target: `../tables/table${++tables}.xml`, table: true });
      } else rels.set(r.id, { target: 'dropped', table: false });
    }
    if (canParse && cells <= limits.cells) {
      const xml = utf8.decode(raw);
      const sheet = attempt(() =>
        parseSheet(xml, { sharedStrings, styles, date1904: book?.date1904 ?? false, emptyResults, rels }),
      );
      if (sheet) parsed.set(s.id, sheet);
    }
  }
  if (cells > limits.cells) throw new TooManyCellsError(file, cells, limits.cells);
  const skippedBlocks = validationCells > limits.validationCells ? validated.map((n) => `${n}#dataValidations`) : [];

  // Every part kept proved whole, as preparePackage proves it (those no snapshot reads are dropped at once).
  if (sst.damaged || sty.damaged) throw new TruncatedFileError(file);
  for (const p of parts.values()) if (kept.has(p.name) && !verified.has(p.name)) await unpack(p, file);

  if (unreadable !== undefined) throw new UnreadableWorkbookError(file, unreadable);

  // The sheets ExcelJS lists (lib/xlsx/xform/book/workbook-xform.js reconcile, lib/doc/workbook.js `set model`):
  // each worksheet read takes the name, sheetId and state of the last <sheet> leading to it; the worksheets are
  // indexed by sheetId (a later one replaces an earlier; none at 0), then put in the order of their <sheet>.
  const defs = book?.sheets ?? [];
  const defOf = new Map<string, SheetDef>();
  for (const def of defs) if (def.rId !== undefined && parsed.has(def.rId)) defOf.set(def.rId, def);
  const made: Array<{ name: string; hidden: boolean; sheet: ParsedSheet; order: number }> = [];
  try {
    for (const s of sheetParts) {
      const sheet = parsed.get(s.id)!;
      const def = defOf.get(s.id);
      const id = def?.id;
      const name = sheetName(def ? def.name : `sheet${id}`, made.filter(Boolean));
      const order = defs.findIndex((d) => d.id === id);
      if (id !== undefined && Number.isInteger(id) && id >= 0)
        made[id] = { name, hidden: (def!.state || 'visible') !== 'visible', sheet, order };
    }
  } catch (e) {
    throw new UnreadableWorkbookError(file, e);
  }
  const ordered = made
    .slice(1)
    .filter(Boolean)
    .sort((a, b) => a.order - b.order);
  const budget = { cells: FILLED_CELLS };
  const names = ordered.map((w) => w.name);
  const sheets = ordered
    .filter((w) => !only || only.includes(w.name))
    .map((w) => finish(w.sheet, w.name, w.hidden, budget));

  const plumbing = (name: string) =>
    /(^|\/)_rels\/[^/]*\.rels$/i.test(name) || /^\/?\[Content_Types\]\.xml$/i.test(name);
  const skipped = [
    ...[...parts.values()].filter((p) => !kept.has(p.name) && !plumbing(p.name)).map((p) => p.name),
    ...skippedBlocks,
  ];
  return { sheets, skipped, names };
}

/** A unit's file read into snapshots, within the limits (a regular file only, as `XlsxWorkbook.open`). */
export async function readSnapshotFile(
  path: string,
  limits: ReadLimits = READ_LIMITS,
  only?: string[],
): Promise<ReadSnapshots> {
  return readSnapshots(await readWorkbookFile(path, limits), baseName(path), limits, only);
}
