/** The workbooks a command reads: files named on the command line, folders walked with their subfolders. */
import * as fs from 'fs';
import * as path from 'path';
import { describeError } from '../shared/errors/describe';
import { OWNED } from '../shared/consolidate/consolidate';
import { SheetSnapshot } from '../shared/workbook/port';
import { readSnapshotFile } from '../xlsx/snapshots';
import { MappingFile, mappingsFor, readMappingFile, withMappings } from './mapping-file';
import { UsageError } from './args';
import { realPath } from './output';

export interface Inputs {
  files: string[];
  /** Folders walked (the named ones and their subfolders). */
  folders: number;
  /** Named paths that do not exist. */
  missing: string[];
  /** Files named or found more than once (the same real file): read once. */
  repeated: string[];
}

/** Excel's lock files (`~$Báo cáo.xlsx`) and hidden files (`.x.xlsx`, temporaries) are not workbooks. */
const skipped = (name: string) => name.startsWith('.') || name.startsWith('~$');

/**
 * Files as named; folders walked recursively (month subfolders), in name order, hidden entries and Excel
 * lock files skipped, each real folder walked once (a link back up is not followed twice).
 */
export function expandInputs(inputs: string[]): Inputs {
  const out: Inputs = { files: [], folders: 0, missing: [], repeated: [] };
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const addFile = (f: string) => {
    const real = realPath(f);
    if (seenFiles.has(real)) {
      out.repeated.push(f);
      return;
    }
    seenFiles.add(real);
    out.files.push(f);
  };
  const walk = (dir: string) => {
    const real = realPath(dir);
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    out.folders++;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new UsageError(`Không đọc được thư mục “${dir}”: ${describeError(e)}`);
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (skipped(e.name)) continue;
      const p = path.join(dir, e.name);
      let st: fs.Stats;
      try {
        st = fs.statSync(p);
      } catch {
        continue; // a broken link
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && /\.xlsx$/i.test(e.name)) addFile(p);
    }
  };
  for (const p of inputs) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      out.missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else addFile(p);
  }
  return out;
}

/** "Tìm thấy 27 tệp .xlsx trong 3 thư mục." — said whenever a folder was walked. */
export function foundLine(i: Inputs): string {
  return (
    (i.folders ? `Tìm thấy ${i.files.length} tệp .xlsx trong ${i.folders} thư mục.\n` : '') +
    i.repeated.map((f) => `${f}: tệp này được nêu hai lần, chỉ đọc một lần.\n`).join('')
  );
}

/** The mapping files given with --mapping, each checked once. */
export function givenMappings(files: string[]): MappingFile[] {
  return files.map((f) => {
    try {
      return readMappingFile(f);
    } catch (e) {
      throw new UsageError(describeError(e));
    }
  });
}

/**
 * The product's own annexes (every sheet listed in its DX_SoHuu, as `consolidate --out` writes them): found in
 * a folder of reports, they are last run's output, not a unit's report.
 */
export function isProductAnnex(sheets: SheetSnapshot[]): boolean {
  const listing = sheets.find((s) => s.name === OWNED.sheet);
  if (!listing) return false;
  const owned = new Set(OWNED.read(listing.values).map((r) => String(r.sheet)));
  return sheets.every((s) => s === listing || owned.has(s.name));
}

export const ANNEX_SKIPPED = 'phụ lục do dx-report tạo, không phải phiếu báo cáo: bỏ qua';

/** A unit's workbook, read only, with its mapping file applied. Errors name the file. */
export async function readInput(file: string, given: MappingFile[]): Promise<SheetSnapshot[]> {
  let sheets: SheetSnapshot[];
  try {
    // Straight from the file's XML to the snapshot (xlsx/snapshots.ts): what ExcelJS would give, at a
    // fraction of its cost and memory, within the same limits.
    sheets = (await readSnapshotFile(file)).sheets;
  } catch (e) {
    throw new InputError(file, describeError(e));
  }
  try {
    return withMappings(sheets, mappingsFor(file, given));
  } catch (e) {
    throw new InputError(file, describeError(e));
  }
}

/** An input that could not be read: reported with its file, and skipped. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`Không đọc được tệp “${file}”: ${reason}`);
  }
}
