/**
 * A unit's template opened by LibreOffice (Debian's libreoffice-calc-nogui, installed by .ci/run), as a unit
 * without Excel would: it opens without repair, keeps the sheets' protection and the unlocked input cells when it
 * saves, and prints without DX_CauHinh (a hidden sheet is not printed; issue 16 counted 33 of 43 pages from it).
 */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { createTemplate } from '../shared/operations/create-template';
import { XlsxWorkbook } from '../xlsx/workbook';
import { convertToPdf, findSoffice, pdfText, recalculateXlsx } from './helpers/libreoffice';
import { tmpFile } from './helpers/xlsx';

const soffice = findSoffice();
const maybe = soffice ? test : test.skip;

maybe(
  'LibreOffice opens the protected template, keeps its protection, and prints it without DX_CauHinh',
  async () => {
    const file = tmpFile('phieu-bao-ve.xlsx');
    const book = new XlsxWorkbook();
    await createTemplate(book, { unit: 'UBND thành phố Nha Trang', period: '2023-06', preparer: 'A' });
    fs.writeFileSync(file, await book.toBuffer());
    const dir = path.join(path.dirname(file), 'lo-out');
    const [pdf] = await convertToPdf(soffice!, [file], dir);
    const text = await pdfText(pdf);
    expect(text).toContain('PHIẾU BÁO CÁO CHUYỂN ĐỔI SỐ');
    // DX_CauHinh's own column captions: none of its pages is printed.
    expect(text).not.toContain('Đơn vị mẫu số');
    expect(text).not.toContain('Digital transformation');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBeLessThan(20);

    const [saved] = await recalculateXlsx(soffice!, [file], path.join(path.dirname(file), 'lo-xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    // LibreOffice writes sheet="true" (an xsd:boolean), which ExcelJS does not read: the parts are read as XML.
    const zip = await JSZip.loadAsync(fs.readFileSync(saved));
    const parts = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const xml = await Promise.all(parts.map((n) => zip.file(n)!.async('string')));
    const protectedParts = xml.filter((x) => /<sheetProtection[^>]*\bsheet="(1|true)"/.test(x));
    expect(protectedParts).toHaveLength(wb.worksheets.filter((w) => !w.name.startsWith('DX_')).length);
    for (const x of protectedParts) expect(x).not.toMatch(/<sheetProtection[^>]*(hashValue|password)=/);
    expect(wb.getWorksheet('DX_CauHinh')!.state).toBe('hidden');
    // The input cells' style stays unlocked (locked="false", as LibreOffice writes it), the others locked.
    const styles = await zip.file('xl/styles.xml')!.async('string');
    expect(styles).toMatch(/<protection[^>]*locked="(false|0)"/);
    expect(styles).toMatch(/<protection[^>]*locked="(true|1)"/);
  },
  240000,
);
