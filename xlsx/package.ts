/**
 * The .xlsx package (a zip of XML parts) made safe and plain before ExcelJS loads it:
 * - the central directory's sizes are checked against the limits before anything is unpacked;
 * - every part kept is unpacked once as a stream, in small chunks, to count what the sheets hold and to prove
 *   the declared sizes true, so nothing larger than the limits is ever held;
 * - only what the product reads is handed on: the workbook, its sheets, shared strings, styles, theme, the sheets'
 *   tables and hyperlinks, the document properties. Comments, VML and DrawingML drawings, charts, images, pivot
 *   tables and caches, external links, printer settings, custom XML, macros and any unknown part are dropped,
 *   with their relationships and content types, and named in `skipped`. (ExcelJS fails on some of them as other
 *   software writes them: openpyxl's comments and charts, for one.)
 * - parts are renamed to the names ExcelJS looks for (xl/workbook.xml, xl/worksheets/sheetN.xml…), whatever
 *   the producer called them.
 */
import JSZip from 'jszip';
import {
  CompressionRatioError,
  EncryptedWorkbookError,
  NotWorkbookZipError,
  OdsError,
  TooManyCellsError,
  TooManyMergesError,
  TruncatedFileError,
  UnzippedTooLargeError,
} from '../shared/errors/errors';
import { READ_LIMITS, ReadLimits } from './limits';
import { expectZip } from './sniff';

export interface PreparedPackage {
  /** The zip ExcelJS loads. */
  data: Uint8Array;
  /** Parts of the file the reader dropped (their names in the file), and "sheet.xml#dataValidations" blocks. */
  skipped: string[];
  /**
   * Formula cells whose cached result is an empty string, by sheetId: `<c t="str"><f>…</f><v></v></c>`, as Excel
   * and LibreOffice save `IF(…,"")`. ExcelJS hands these over with no result, as it does a formula never computed.
   */
  emptyResults: Map<number, Set<string>>;
}

/** JSZip's record of a part as the central directory gives it (private in its typings). */
export interface Compressed {
  compressedSize: number;
  uncompressedSize: number;
  compression: { magic: string } | null;
}
export interface Part {
  /** Its name in the zip. */
  name: string;
  entry: JSZip.JSZipObject;
  size: number;
  compressed: Compressed;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The attributes as written, to keep a relationship as it was. */
  xml: string;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SML = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const CONTENT_TYPES: Record<string, string> = {
  workbook: `${SML}.sheet.main+xml`,
  worksheet: `${SML}.worksheet+xml`,
  sharedStrings: `${SML}.sharedStrings+xml`,
  styles: `${SML}.styles+xml`,
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  table: `${SML}.table+xml`,
  'core-properties': 'application/vnd.openxmlformats-package.core-properties+xml',
  'extended-properties': 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
};
/** A relationship kept for its id only (a sheet's <drawing r:id> must resolve), pointing at nothing. */
const DROPPED_TYPE = 'urn:dx-report:dropped';

/** The last segment of a relationship type: the same in transitional and strict OOXML. */
export const kindOf = (type: string) => type.slice(type.lastIndexOf('/') + 1);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(parseInt(e[1] === 'x' || e[1] === 'X' ? e.slice(2) : e.slice(1), e[1] === 'x' ? 16 : 10))
      : (ENTITIES[e] ?? m),
  );
}
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[2] ?? m[3]);
  return out;
}

export function relationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\s([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    if (!a.Id || !a.Type || a.Target === undefined) continue;
    out.push({ id: a.Id, type: a.Type, target: a.Target, external: a.TargetMode === 'External', xml: m[1] });
  }
  return out;
}

/** A relationship's target as a part name: relative to the source part's folder, or absolute from the root. */
export function resolve(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURI(target);
  } catch {
    // written unencoded
  }
  const base = t.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

export const relsOf = (part: string) => {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
};

function relsXml(rels: string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">` +
    rels.join('') +
    '</Relationships>'
  );
}
const rel = (id: string, type: string, target: string) =>
  `<Relationship Id="${escapeXml(id)}" Type="${type}" Target="${escapeXml(target)}"/>`;

/** "B7" → [7, 2]; "C:C" → whole column; "3:3" → whole row. */
export function refArea(ref: string): number {
  const parse = (s: string) => {
    const m = /^\$?([A-Z]*)\$?(\d*)$/i.exec(s.trim());
    if (!m) return null;
    const col = m[1]
      ? m[1]
          .toUpperCase()
          .split('')
          .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)
      : null;
    const row = m[2] ? Number(m[2]) : null;
    return { col, row };
  };
  const [a, b = a] = ref.split(':');
  const p = parse(a);
  const q = parse(b);
  if (!p || !q) return 1;
  const rows = p.row === null || q.row === null ? 1048576 : Math.abs(q.row - p.row) + 1;
  const cols = p.col === null || q.col === null ? 16384 : Math.abs(q.col - p.col) + 1;
  return rows * cols;
}

/** What one sheet's XML holds, counted from its tags as it streams past. */
export interface SheetCount {
  cells: number;
  rows: number;
  merges: number;
  mergedCells: number;
  validationCells: number;
  emptyResults: Set<string>;
}

/**
 * Counts the tags that cost memory in ExcelJS: cells, rows, merged areas and validation ranges. The XML is read
 * as Latin-1 (one character a byte: the markup is ASCII); a tag cut by a chunk boundary is carried over.
 */
export class SheetScanner {
  readonly count: SheetCount = {
    cells: 0,
    rows: 0,
    merges: 0,
    mergedCells: 0,
    validationCells: 0,
    emptyResults: new Set(),
  };
  private carry = '';
  private readonly decoder = new TextDecoder('latin1');
  private static readonly TAG = /<(?:[A-Za-z_][\w.-]*:)?(c|row|mergeCell|dataValidation)(?=[\s/>])([^>]*)>/g;

  feed(chunk: Uint8Array): void {
    const text = this.carry + this.decoder.decode(chunk);
    const re = SheetScanner.TAG;
    re.lastIndex = 0;
    let end = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      end = re.lastIndex;
      this.tag(m[1], m[2]);
    }
    const open = text.lastIndexOf('<');
    // An unfinished tag waits for the next chunk (a tag longer than 64 KB is no cell: it is let go).
    this.carry = open >= end && text.indexOf('>', open) < 0 && text.length - open < 65536 ? text.slice(open) : '';
  }

  private tag(name: string, attrs: string): void {
    const c = this.count;
    if (name === 'c') {
      c.cells++;
      // (A cell with no "str" in its attributes is no t="str" cell: most are not, and cost no test.)
      if (attrs.includes('str') && /\st\s*=\s*["']str["']/.test(` ${attrs}`)) {
        const r = /\br\s*=\s*["']([A-Za-z]+\d+)["']/.exec(attrs);
        if (r) c.emptyResults.add(r[1].toUpperCase());
      }
    } else if (name === 'row') c.rows++;
    else if (name === 'mergeCell') {
      const ref = /\bref\s*=\s*["']([^"']+)["']/.exec(attrs);
      c.merges++;
      if (ref) c.mergedCells += refArea(ref[1]) - 1;
    } else {
      const sqref = /\bsqref\s*=\s*["']([^"']+)["']/.exec(attrs);
      if (sqref) for (const ref of sqref[1].trim().split(/\s+/)) c.validationCells += refArea(ref);
    }
  }
}

/** Parts already unpacked once and found to be the size they declare. */
const verified = new WeakSet<JSZip.JSZipObject>();

/** Unpacks a part as a stream, refusing it as damaged past its declared size: memory stays one chunk. */
function streamPart(part: Part, file: string, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      helper.pause();
      reject(e);
    };
    const helper = (part.entry as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream(
      'uint8array',
    );
    helper
      .on('data', (chunk: Uint8Array) => {
        if (settled) return;
        seen += chunk.length;
        if (seen > part.size) return fail(new TruncatedFileError(file));
        try {
          onChunk(chunk);
        } catch (e) {
          fail(e);
        }
      })
      .on('error', () => fail(new TruncatedFileError(file)))
      .on('end', () => {
        if (settled) return;
        settled = true;
        if (seen !== part.size) return reject(new TruncatedFileError(file));
        verified.add(part.entry);
        resolve();
      })
      .resume();
  });
}
interface StreamHelper {
  on(event: 'data', fn: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'error' | 'end', fn: (e?: unknown) => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

async function partText(part: Part, file: string): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let out = '';
  await streamPart(part, file, (chunk) => {
    out += decoder.decode(chunk, { stream: true });
  });
  return out + decoder.decode();
}

/** The zip's directory, loaded (nothing unpacked): a zip JSZip cannot read is damaged, or encrypted. */
export async function loadZip(data: Uint8Array, file: string): Promise<JSZip> {
  expectZip(data, file);
  try {
    return await JSZip.loadAsync(data, { checkCRC32: false });
  } catch (e) {
    if (/encrypted/i.test(String((e as Error)?.message))) throw new EncryptedWorkbookError(file);
    throw new TruncatedFileError(file);
  }
}

/** One part's unpacked size and its ratio to its packed size, against the limits. */
export function checkPart(part: Part, file: string, limits: ReadLimits): void {
  if (part.size > limits.partBytes) throw new UnzippedTooLargeError(file, part.size, limits.partBytes, part.name);
  if (part.size > limits.ratioFromBytes) {
    const ratio = part.size / Math.max(1, part.compressed.compressedSize);
    if (ratio > limits.ratio) throw new CompressionRatioError(file, part.name, Math.round(ratio), limits.ratio);
  }
}

/**
 * The central directory's sizes checked against the limits, before anything is unpacked: the parts by their
 * names in lower case (part names are case-insensitive in OPC; some writers add a leading slash). `each`: the
 * caller unpacks only some parts and checks each one it does (`checkPart`), not the whole.
 */
export function centralDirectory(zip: JSZip, file: string, limits: ReadLimits, each = false): Map<string, Part> {
  const parts = new Map<string, Part>();
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const compressed = (entry as unknown as { _data: Compressed })._data;
    const size = compressed.uncompressedSize;
    const part = { name: entry.name, entry, size, compressed };
    if (!each) checkPart(part, file, limits);
    total += size;
    parts.set(entry.name.replace(/^\/+/, '').toLowerCase(), part);
  }
  if (!each && total > limits.unzippedBytes) throw new UnzippedTooLargeError(file, total, limits.unzippedBytes);
  return parts;
}

/**
 * The workbook part: where the package's relationships say, else where Excel puts it. A zip without one is
 * named for what it holds instead (.xlsb, .docx, .pptx, .ods), by its named error.
 */
export function workbookPartName(
  get: (name: string) => Part | undefined,
  rootRels: Relationship[],
  file: string,
): string {
  const officeDoc = rootRels.find((r) => kindOf(r.type) === 'officeDocument' && !r.external);
  let workbookName = officeDoc ? resolve('', officeDoc.target) : 'xl/workbook.xml';
  if (!get(workbookName)) workbookName = 'xl/workbook.xml';
  const workbook = get(workbookName);
  if (!workbook || !/\.xml$/i.test(workbookName)) {
    if (get('xl/workbook.bin')) throw new NotWorkbookZipError(file, 'xlsb');
    if (get('word/document.xml')) throw new NotWorkbookZipError(file, 'docx');
    if (get('ppt/presentation.xml')) throw new NotWorkbookZipError(file, 'pptx');
    if (get('content.xml') && get('meta-inf/manifest.xml')) throw new OdsError(file);
    throw new NotWorkbookZipError(file);
  }
  return workbookName;
}

/**
 * Checks a workbook's bytes against the limits and rebuilds the package with only what the product reads.
 * Throws the named error of whatever the bytes turn out to be when they are not a readable .xlsx.
 */
export async function preparePackage(
  data: Uint8Array,
  file: string,
  limits: ReadLimits = READ_LIMITS,
): Promise<PreparedPackage> {
  const zip = await loadZip(data, file);
  const parts = centralDirectory(zip, file, limits);
  const get = (name: string) => parts.get(name.toLowerCase());
  const text = async (name: string) => {
    const p = get(name);
    return p ? partText(p, file) : null;
  };

  const mimetype = get('mimetype');
  if (mimetype && mimetype.size < 200) {
    const m = (await partText(mimetype, file)).trim();
    if (m.startsWith('application/vnd.oasis.opendocument.spreadsheet')) throw new OdsError(file);
  }

  // The workbook: where the package's relationships say, else where Excel puts it.
  const rootRels = relationships((await text('_rels/.rels')) ?? '');
  const workbookName = workbookPartName(get, rootRels, file);
  const workbook = get(workbookName)!;

  const out = new JSZip();
  const kept = new Set<string>();
  const types: Array<[string, string]> = [];
  /** Adds a part as its packed bytes are (never unpacked and packed again). */
  const keep = (part: Part, as: string, type: string) => {
    kept.add(part.name);
    types.push([as, CONTENT_TYPES[type]]);
    out.file(as, part.compressed as never, {
      binary: true,
      createFolders: false,
      compression: part.compressed.compression?.magic === '\x08\x00' ? 'DEFLATE' : 'STORE',
    });
  };

  // Document properties (ExcelJS reads core and app); a thumbnail or custom properties are dropped.
  const rootOut: string[] = [rel('rId1', `${REL}/officeDocument`, 'xl/workbook.xml')];
  for (const r of rootRels) {
    const kind = kindOf(r.type);
    const part = r.external ? undefined : get(resolve('', r.target));
    if (!part) continue;
    if (kind === 'core-properties' || kind === 'extended-properties') {
      const as = kind === 'core-properties' ? 'docProps/core.xml' : 'docProps/app.xml';
      if (kept.has(part.name)) continue;
      keep(part, as, kind);
      rootOut.push(rel(`rId${rootOut.length + 1}`, r.type, as));
    }
  }

  // The workbook's own relationships: its sheets, shared strings, styles and theme; nothing else.
  const workbookXml = await partText(workbook, file);
  keep(workbook, 'xl/workbook.xml', 'workbook');
  const bookRels = relationships((await text(relsOf(workbookName))) ?? '');
  const bookOut: string[] = [];
  const sheets: Array<{ id: string; part: Part; as: string }> = [];
  const single: Record<string, string> = {
    sharedStrings: 'xl/sharedStrings.xml',
    styles: 'xl/styles.xml',
    theme: 'xl/theme/theme1.xml',
  };
  for (const r of bookRels) {
    const part = r.external ? undefined : get(resolve(workbookName, r.target));
    if (!part) continue;
    const kind = kindOf(r.type);
    if (kind === 'worksheet') {
      if (kept.has(part.name)) continue;
      const as = `xl/worksheets/sheet${sheets.length + 1}.xml`;
      sheets.push({ id: r.id, part, as });
      keep(part, as, 'worksheet');
      bookOut.push(rel(r.id, `${REL}/worksheet`, as.slice(3)));
    } else if (single[kind] && !types.some(([as]) => as === single[kind])) {
      keep(part, single[kind], kind);
      bookOut.push(rel(r.id, `${REL}/${kind}`, single[kind].slice(3)));
    }
  }

  // Each sheet: counted as it streams; its relationships kept for hyperlinks and tables, every other one kept
  // by id only, pointing nowhere, so the sheet's <drawing r:id>, <legacyDrawing r:id>… resolve to nothing.
  const emptyResults = new Map<number, Set<string>>();
  const sheetIds = new Map<string, number>();
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\s([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    const rid = Object.entries(a).find(([k]) => /^[\w.-]+:id$/.test(k))?.[1];
    if (rid && a.sheetId) sheetIds.set(rid, Number(a.sheetId));
  }
  let cells = 0;
  let validationCells = 0;
  const counts: SheetCount[] = [];
  let tables = 0;
  for (const s of sheets) {
    const scanner = new SheetScanner();
    await streamPart(s.part, file, (chunk) => scanner.feed(chunk));
    const c = scanner.count;
    counts.push(c);
    if (c.merges > limits.merges) throw new TooManyMergesError(file, c.merges, limits.merges);
    cells += c.cells + c.rows + c.mergedCells;
    validationCells += c.validationCells;
    const id = sheetIds.get(s.id);
    if (id !== undefined && c.emptyResults.size) emptyResults.set(id, c.emptyResults);

    const sheetRels = relationships((await text(relsOf(s.part.name.replace(/^\/+/, '')))) ?? '');
    const relOut: string[] = [];
    for (const r of sheetRels) {
      const kind = kindOf(r.type);
      const part = r.external ? undefined : get(resolve(s.part.name.replace(/^\/+/, ''), r.target));
      if (kind === 'hyperlink') relOut.push(`<Relationship ${r.xml}/>`);
      else if (kind === 'table' && part && !kept.has(part.name)) {
        const as = `xl/tables/table${++tables}.xml`;
        keep(part, as, 'table');
        relOut.push(rel(r.id, `${REL}/table`, `../tables/table${tables}.xml`));
      } else relOut.push(rel(r.id, DROPPED_TYPE, 'dropped'));
    }
    if (relOut.length) out.file(relsOf(s.as), relsXml(relOut));
  }

  if (cells > limits.cells) throw new TooManyCellsError(file, cells, limits.cells);

  // Validation lists over whole columns: ExcelJS would keep an entry per cell; the sheets go without them.
  const skippedBlocks: string[] = [];
  if (validationCells > limits.validationCells) {
    for (const [i, s] of sheets.entries()) {
      if (!counts[i].validationCells) continue;
      const xml = await partText(s.part, file);
      const without = xml.replace(/<((?:[\w.-]+:)?)dataValidations\b(?:[^>]*\/>|[\s\S]*?<\/\1dataValidations>)/g, '');
      out.file(s.as, without, { compression: 'DEFLATE' });
      skippedBlocks.push(`${s.part.name}#dataValidations`);
    }
  }

  // Every part handed on is proved to unpack to its declared size (ExcelJS unpacks each whole, in memory).
  for (const p of parts.values()) if (kept.has(p.name) && !verified.has(p.entry)) await streamPart(p, file, () => {});

  out.file('_rels/.rels', relsXml(rootOut));
  out.file('xl/_rels/workbook.xml.rels', relsXml(bookOut));
  out.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      types.map(([as, type]) => `<Override PartName="/${as}" ContentType="${type}"/>`).join('') +
      '</Types>',
  );

  const plumbing = (name: string) =>
    /(^|\/)_rels\/[^/]*\.rels$/i.test(name) || /^\/?\[Content_Types\]\.xml$/i.test(name);
  const skipped = [
    ...[...parts.values()].filter((p) => !kept.has(p.name) && !plumbing(p.name)).map((p) => p.name),
    ...skippedBlocks,
  ];
  return { data: await out.generateAsync({ type: 'uint8array' }), skipped, emptyResults };
}
