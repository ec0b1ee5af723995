import { ownedTable } from '../tables/owned-table';
import { SheetSnapshot } from '../workbook/port';
import { SheetSpec } from '../workbook/sheet-spec';

/** The counts stamped when the unit last completed a report, kept in the product's own hidden sheet. */
export const PREVIOUS_SHEET = 'DX_KyTruoc';

export interface PreviousValue {
  table: string;
  key: string;
  field: string;
  value: number;
  period: string;
}

const PREVIOUS = ownedTable('KyTruoc', PREVIOUS_SHEET, [
  { key: 'table', label: 'Bảng', width: 10 },
  { key: 'key', label: 'Dòng', width: 40 },
  { key: 'field', label: 'Trường', width: 18 },
  { key: 'value', label: 'Giá trị', kind: 'count' },
  { key: 'period', label: 'Kỳ', width: 16 },
]);

export function readPrevious(sheets: SheetSnapshot[]): PreviousValue[] {
  return PREVIOUS.read(sheets.find((x) => x.name === PREVIOUS_SHEET)?.values)
    .filter((r) => r.table !== null && Number.isFinite(Number(r.value)))
    .map((r) => ({
      table: String(r.table),
      key: String(r.key ?? ''),
      field: String(r.field),
      value: Number(r.value),
      period: String(r.period ?? ''),
    }));
}

export function previousSheet(values: PreviousValue[]): SheetSpec {
  return PREVIOUS.write(values.map((v) => ({ ...v })));
}
