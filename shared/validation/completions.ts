import { ownedTable } from '../tables/owned-table';
import { SheetSnapshot } from '../workbook/port';
import { SheetSpec } from '../workbook/sheet-spec';

/** Every time the unit pressed "Hoàn thành", in the product's own hidden sheet: the first time stays. */
export const COMPLETIONS_SHEET = 'DX_LichSu';

export interface Completion {
  /** "10/07/2023 09:30". */
  at: string;
  period: string;
  warnings: number;
  /** Fingerprint of the tables' figures when it was stamped. */
  figures: string;
  note: string;
}

const COMPLETIONS = ownedTable('LichSu', COMPLETIONS_SHEET, [
  { key: 'at', label: 'Hoàn thành lúc', width: 18 },
  { key: 'period', label: 'Kỳ', width: 16 },
  { key: 'warnings', label: 'Cảnh báo', kind: 'count', width: 10 },
  { key: 'figures', label: 'Dấu số liệu', width: 12 },
  { key: 'note', label: 'Ghi chú', width: 40 },
]);

export function readCompletions(sheets: SheetSnapshot[]): Completion[] {
  return COMPLETIONS.read(sheets.find((x) => x.name === COMPLETIONS_SHEET)?.values)
    .filter((r) => r.at !== null)
    .map((r) => ({
      at: String(r.at),
      period: String(r.period ?? ''),
      warnings: Number(r.warnings ?? 0),
      figures: String(r.figures ?? ''),
      note: String(r.note ?? ''),
    }));
}

export function completionsSheet(list: Completion[]): SheetSpec {
  return COMPLETIONS.write(list.map((c) => ({ ...c })));
}
