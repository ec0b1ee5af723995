import { isErrorValue } from '../../tables/cells';
import { a1 } from '../../workbook/sheet-spec';
import { CheckContext } from '../context';

export const KINDS = ['LOI-CONG-THUC'] as const;

/** Spreadsheet error values (#REF!, #DIV/0!…) anywhere in the unit's sheets. */
export function run(ctx: CheckContext<(typeof KINDS)[number]>): void {
  for (const s of ctx.sheets.filter((x) => !x.name.startsWith('DX_'))) {
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (isErrorValue(v)) ctx.emit('LOI-CONG-THUC', { sheet: s.name, cell: a1(r, c) }, { error: String(v).trim() });
      }),
    );
  }
}
