import { COVER_LABELS } from '../templates/version';
import { labelMatches } from '../tables/labels';
import { ownedTable } from '../tables/owned-table';
import { SheetSnapshot, WorkbookPort } from '../workbook/port';
import { Op } from './run';

/** The secretariat's list of unit spreadsheets (URL or ID per unit), in its own consolidation spreadsheet. */
export const SOURCES = ownedTable('NguonDuLieu', 'DX_NguonDuLieu', [
  { key: 'unit', label: 'Đơn vị', width: 34 },
  { key: 'spreadsheet', label: 'Bảng tính (địa chỉ hoặc ID)', width: 80 },
]);

/** "https://docs.google.com/spreadsheets/d/ID/edit#gid=0" or a bare ID → the ID. */
export function spreadsheetId(text: string): string | null {
  const t = text.trim();
  const m = /\/spreadsheets\/d\/([a-zA-Z0-9_-]{20,})/.exec(t);
  if (m) return m[1];
  return /^[a-zA-Z0-9_-]{20,}$/.test(t) ? t : null;
}

export interface SourceItem {
  id: string;
  label: string;
}

/** Sources: each listed spreadsheet ("ss:ID"), and each tab of this spreadsheet holding a unit's cover ("tab:NAME"). */
export function* listSourcesOp(port: WorkbookPort): Op<SourceItem[]> {
  return sourcesIn((yield port.read()) as SheetSnapshot[]);
}

/** The sources a workbook's sheets name or are (`listSourcesOp` without the read). */
export function sourcesIn(sheets: SheetSnapshot[]): SourceItem[] {
  const out: SourceItem[] = [];
  const list = sheets.find((s) => s.name === SOURCES.sheet);
  for (const r of SOURCES.read(list?.values)) {
    const id = spreadsheetId(String(r.spreadsheet ?? ''));
    if (id) out.push({ id: `ss:${id}`, label: String(r.unit ?? id) });
  }
  for (const s of sheets) {
    if (s.name.startsWith('DX_') || s.name.startsWith('Phụ lục') || ['Nguồn số liệu', 'Biểu đồ'].includes(s.name))
      continue;
    if (s.values.some((row) => row.some((v) => labelMatches(v, [COVER_LABELS.unit]))))
      out.push({ id: `tab:${s.name}`, label: s.name });
  }
  return out;
}

/** Adds an empty DX_NguonDuLieu to fill in; an existing one (with the secretariat's list) is kept. */
export function* makeSourceListOp(port: WorkbookPort): Op<string> {
  const names = (yield port.sheetNames()) as string[];
  if (names.includes(SOURCES.sheet)) return `Đã có trang ${SOURCES.sheet}: ghi mỗi đơn vị một dòng.`;
  const spec = SOURCES.write([]);
  yield port.write([{ ...spec, hidden: false }]);
  return `Đã thêm trang ${SOURCES.sheet}: ghi mỗi đơn vị một dòng (tên đơn vị, địa chỉ bảng tính).`;
}
