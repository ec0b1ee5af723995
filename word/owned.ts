/**
 * Is an existing .docx a report the product wrote that nobody has saved since? The product writes
 * creator and lastModifiedBy "dx-report" into docProps/core.xml; Word and LibreOffice put the user's name
 * into lastModifiedBy when they save, so an edited report (its qualitative sections are meant to be
 * edited) is never replaced by a re-run.
 * https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500 (core properties, [ISO/IEC 29500-2] §11)
 */
import JSZip from 'jszip';
import { REPORT_CREATOR } from './report-docx';

export type ReportOwnership = 'own' | 'edited' | 'foreign';

const field = (xml: string, tag: string) => new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`).exec(xml)?.[1]?.trim() ?? null;

export async function reportOwnership(bytes: Uint8Array): Promise<ReportOwnership> {
  let xml: string | undefined;
  try {
    xml = await (await JSZip.loadAsync(bytes)).file('docProps/core.xml')?.async('string');
  } catch {
    return 'foreign';
  }
  if (!xml || field(xml, 'dc:creator') !== REPORT_CREATOR) return 'foreign';
  return field(xml, 'cp:lastModifiedBy') === REPORT_CREATOR ? 'own' : 'edited';
}
