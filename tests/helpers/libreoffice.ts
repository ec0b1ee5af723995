import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The `soffice` on PATH (Debian's libreoffice-calc-nogui, installed by .ci/run), or null. */
export function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'soffice');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/**
 * A user profile that makes LibreOffice recalculate every formula when it loads a file.
 * By default (Tools → Options → Calc → Formula → "Recalculation on File Load": never) it keeps
 * the cached results an .xlsx carries, even stale ones; ExcelJS writes formulas without results,
 * which LibreOffice computes anyway, but a file with results (a patched copy, an Excel-saved
 * workbook) would be read back unchanged. OOXMLRecalcMode / ODFRecalcMode: 0 = always.
 */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Has one LibreOffice process open each .xlsx, recalculate it and save a copy as .xlsx into
 * `outDir` (same base name, so the inputs' base names must differ). The profile is fresh and
 * temporary, so the user's own settings and a running LibreOffice play no part.
 * Returns the copies' paths, in the order of `files`.
 */
export function recalculateXlsx(soffice: string, files: string[], outDir: string): Promise<string[]> {
  return convert(soffice, files, outDir, 'xlsx:Calc MS Excel 2007 XML', 'xlsx', RECALC_ALWAYS);
}

/**
 * Has LibreOffice open each file (a .docx: Writer, from Debian's libreoffice-writer-nogui) and print it to PDF
 * into `outDir`, as a user's "Export as PDF" would. A file LibreOffice cannot open without repair gives no PDF.
 */
export function convertToPdf(soffice: string, files: string[], outDir: string): Promise<string[]> {
  return convert(soffice, files, outDir, 'pdf', 'pdf');
}

/** The text of a PDF in reading order (pdftotext from poppler-utils), its lines joined as printed. */
export function pdfText(file: string): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout) =>
      err ? reject(err) : resolve(stdout),
    ),
  );
}

function convert(
  soffice: string,
  files: string[],
  outDir: string,
  filter: string,
  ext: string,
  settings?: string,
): Promise<string[]> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-lo-profile-'));
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  if (settings) fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), settings);
  fs.mkdirSync(outDir, { recursive: true });
  const names = files.map((f) => path.basename(f).replace(/\.[^.]+$/, `.${ext}`));
  if (new Set(names).size !== names.length) throw new Error(`soffice: base names must differ: ${names}`);
  const args = [
    `-env:UserInstallation=file://${profile}`,
    '--headless',
    '--norestore',
    '--nolockcheck',
    '--convert-to',
    filter,
    '--outdir',
    outDir,
    ...files,
  ];
  return new Promise((resolve, reject) => {
    execFile(soffice, args, { timeout: 180000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      fs.rmSync(profile, { recursive: true, force: true });
      const outs = names.map((n) => path.join(outDir, n));
      const missing = outs.filter((o) => !fs.existsSync(o));
      if (err || missing.length)
        reject(new Error(`soffice failed (${err?.message ?? `no ${missing.join(', ')}`})\n${stdout}\n${stderr}`));
      else resolve(outs);
    });
  });
}
