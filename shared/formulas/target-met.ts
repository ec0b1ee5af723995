import { parseDay } from '../dates/date';
import { compare, parseTarget, stageFor } from '../targets/target';
import { isBlank, rateValue } from './inputs';
import { fail, FormulaOutput, isFormulaError, Scalar } from './result';

export const DAT = 'Đạt';
export const CHUA_DAT = 'Chưa đạt';

/**
 * DX_TARGET_MET: "Đạt" / "Chưa đạt" for a value against a target phrase. A
 * target with several parts ("50% sản phẩm; 85% hộ ...") needs as many values,
 * written in one cell separated by ";".
 */
export function targetMet(value: Scalar, target: Scalar, reportDate?: Scalar): FormulaOutput {
  const t = parseTarget(target);
  if (!t)
    return fail(
      '#VALUE!',
      `Không đọc được chỉ tiêu “${String(target ?? '')}”: ` +
        'cần một tỷ lệ phần trăm như “100%”, “Trên 8,5%”, “tối thiểu 70%”.',
    );
  let month: number | undefined;
  if (!isBlank(reportDate)) {
    const day = parseDay(reportDate);
    if (!day) return fail('#VALUE!', `Ngày báo cáo “${String(reportDate)}” không phải là ngày (dd/mm/yyyy).`);
    month = day.m;
  }
  const pieces = typeof value === 'string' && value.includes(';') ? value.split(';') : [value];
  if (pieces.length !== t.parts.length) {
    return fail(
      '#VALUE!',
      `Chỉ tiêu “${t.verbatim}” có ${t.parts.length} phần nhưng có ${pieces.length} giá trị; ` +
        'ghi các giá trị cách nhau bằng “;”.',
    );
  }
  for (let i = 0; i < pieces.length; i++) {
    const v = rateValue(pieces[i], 'Giá trị');
    if (isFormulaError(v)) return v;
    if (!compare(v.value, stageFor(t.parts[i], month))) return CHUA_DAT;
  }
  return DAT;
}
