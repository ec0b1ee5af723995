import type { FormulaSpec, FormulaSpecInput } from './schema';
import { elementwise, Grid } from './grid';
import { toNumber } from './number';
import { onTime } from './ontime';
import { rate, rateOk, sumRate } from './rate';
import { FormulaOutput, Scalar } from './result';
import { taskStatus } from './status';
import { targetMet } from './target-met';
import { unitName } from './unit';

// The specs' schema lives in ./schema: this module, on the path of every `dx-report fn`, loads no zod (its
// load costs most of a bare node start); tests/formulas.generated.test.ts parses every spec with it.
export type { FormulaParam, FormulaShape, FormulaSpec, FormulaType } from './schema';

/** What a host may hand a formula: one value or a range. */
export type FormulaArg = Scalar | Scalar[][];
export type FormulaImpl = (...args: FormulaArg[]) => FormulaOutput | Grid<FormulaOutput>;

/*
 * The one source of the formulas' documentation: scripts/gen-formulas.js writes the Excel wrappers
 * (addin/functions/functions.ts) and the Apps Script globals (appsscript/server/custom-functions.ts)
 * from these specs (`npm run gen:formulas`; tests/formulas.generated.test.ts fails while they differ).
 */
export const FORMULA_SPECS: FormulaSpecInput[] = [
  {
    name: 'DX_RATE',
    excelId: 'RATE',
    display: 'percent',
    example: '=DX_RATE(C5;D5)',
    vi:
      'Tỷ lệ = tử số / mẫu số (dạng phân số, định dạng ô là %). ' +
      'Nhận số hoặc chữ số kiểu Việt Nam, tính từng ô trên vùng.',
    en: 'Rate = numerator / denominator as a fraction; vi-VN text accepted; element-wise over ranges.',
    params: [
      {
        name: 'tu_so',
        vi: 'Tử số (số lượng), một ô hoặc một vùng.',
        shape: 'cellOrRange',
        types: ['number', 'string'],
      },
      {
        name: 'mau_so',
        vi: 'Mẫu số (số lượng), một ô hoặc một vùng.',
        shape: 'cellOrRange',
        types: ['number', 'string'],
      },
      {
        name: 'so_chu_so_thap_phan',
        vi: 'Số chữ số thập phân của tỷ lệ phần trăm; bỏ trống để không làm tròn.',
        optional: true,
        shape: 'cell',
        types: ['number'],
      },
    ],
    returns: { vi: 'Tỷ lệ dạng phân số.', shape: 'cellOrRange', types: ['number'] },
  },
  {
    name: 'DX_SUMRATE',
    excelId: 'SUMRATE',
    display: 'percent',
    example: '=DX_SUMRATE(C5:C31;D5:D31)',
    vi: 'Tỷ lệ chung = tổng tử số / tổng mẫu số, bỏ qua các dòng trống (không lấy trung bình các tỷ lệ).',
    en: 'Pooled rate Σnumerator / Σdenominator, skipping blank rows.',
    params: [
      { name: 'vung_tu_so', vi: 'Vùng tử số.', shape: 'range', types: ['number', 'string'] },
      { name: 'vung_mau_so', vi: 'Vùng mẫu số, cùng kích thước.', shape: 'range', types: ['number', 'string'] },
    ],
    returns: { vi: 'Tỷ lệ chung dạng phân số.', shape: 'cell', types: ['number'] },
  },
  {
    name: 'DX_NUMBER',
    excelId: 'NUMBER',
    display: 'number',
    example: '=DX_NUMBER("48 682")',
    vi: 'Đọc số viết kiểu Việt Nam (“4.602”, “68,67%”, “48 682”) thành số; báo lỗi khi viết không rõ.',
    en: 'Reads a number written the vi-VN way; refuses ambiguous writings.',
    params: [{ name: 'van_ban', vi: 'Chữ cần đọc, một ô hoặc một vùng.', shape: 'cellOrRange', types: ['string'] }],
    returns: { vi: 'Số đã đọc.', shape: 'cellOrRange', types: ['number'] },
  },
  {
    name: 'DX_RATE_OK',
    excelId: 'RATE_OK',
    display: 'boolean',
    example: '=DX_RATE_OK(E5;C5;D5)',
    vi: 'TRUE khi tỷ lệ báo cáo khớp tử số/mẫu số (làm tròn hoặc cắt bớt theo số chữ số thập phân đã ghi).',
    en: 'TRUE when a reported rate equals a/b rounded or truncated at the reported precision.',
    params: [
      {
        name: 'ty_le_bao_cao',
        vi: 'Tỷ lệ đã báo cáo (ví dụ “98,9%”).',
        shape: 'cellOrRange',
        types: ['number', 'string'],
      },
      { name: 'tu_so', vi: 'Tử số.', shape: 'cellOrRange', types: ['number', 'string'] },
      { name: 'mau_so', vi: 'Mẫu số.', shape: 'cellOrRange', types: ['number', 'string'] },
    ],
    returns: { vi: 'TRUE hoặc FALSE.', shape: 'cellOrRange', types: ['boolean'] },
  },
  {
    name: 'DX_TARGET_MET',
    excelId: 'TARGET_MET',
    display: 'text',
    example: '=DX_TARGET_MET(F5;G5;$C$3)',
    vi:
      '“Đạt” hoặc “Chưa đạt” khi so giá trị với chỉ tiêu ' +
      '(“100%”, “Trên 8,5%”, “tối thiểu 70%”, “30% đến cuối năm là 50%”).',
    en: '"Đạt" / "Chưa đạt" for a value against a target phrase.',
    params: [
      { name: 'gia_tri', vi: 'Giá trị đạt được (tỷ lệ).', shape: 'cellOrRange', types: ['number', 'string'] },
      { name: 'chi_tieu', vi: 'Chỉ tiêu giao, ghi như trong kế hoạch.', shape: 'cellOrRange', types: ['string'] },
      {
        name: 'ngay_bao_cao',
        vi: 'Ngày báo cáo: từ tháng 12 áp dụng mức “đến cuối năm”.',
        optional: true,
        shape: 'cell',
        types: ['Date', 'string'],
      },
    ],
    returns: { vi: 'Đạt hoặc Chưa đạt.', shape: 'cellOrRange', types: ['string'] },
  },
  {
    name: 'DX_STATUS',
    excelId: 'STATUS',
    display: 'text',
    example: '=DX_STATUS(E5;H5;$C$3)',
    vi:
      'Tiến độ: “Hoàn thành, đúng hạn”, “Hoàn thành, trễ hạn”, ' +
      '“Đang thực hiện theo tiến độ” hay “Đang thực hiện, trễ hạn”.',
    en: 'One of the four task assessment statuses.',
    params: [
      {
        name: 'thoi_gian',
        vi: 'Thời gian (“2023”, “2022-2024”, “Quý II/2023”, “Thường xuyên”)',
        shape: 'cellOrRange',
        types: ['string'],
      },
      {
        name: 'ngay_hoan_thanh',
        vi: 'Ngày hoàn thành, hoặc “x”, hoặc để trống khi chưa xong.',
        shape: 'cellOrRange',
        types: ['Date', 'string', 'boolean'],
      },
      { name: 'ngay_bao_cao', vi: 'Ngày báo cáo.', shape: 'cellOrRange', types: ['Date', 'string'] },
    ],
    returns: { vi: 'Một trong bốn mức đánh giá.', shape: 'cellOrRange', types: ['string'] },
  },
  {
    name: 'DX_ONTIME',
    excelId: 'ONTIME',
    display: 'text',
    example: '=DX_ONTIME(D5;"6/2023";20)',
    vi:
      '“Đúng hạn” hoặc “Trễ hạn”: báo cáo kỳ nào nộp trước ngày hạn của tháng sau (mặc định ngày 20); ' +
      '“Chưa nộp” khi trống.',
    en: '"Đúng hạn" / "Trễ hạn" by the deadline day of the month after the period.',
    params: [
      { name: 'ngay_nop', vi: 'Ngày nộp báo cáo.', shape: 'cellOrRange', types: ['Date', 'string'] },
      {
        name: 'ky_bao_cao',
        vi: 'Kỳ báo cáo (“6/2023”, “tháng 6/2023”, “Quý II/2023”).',
        shape: 'cellOrRange',
        types: ['string', 'Date'],
      },
      {
        name: 'ngay_han',
        vi: 'Ngày hạn nộp trong tháng sau kỳ (mặc định 20).',
        optional: true,
        shape: 'cell',
        types: ['number'],
      },
    ],
    returns: { vi: 'Đúng hạn, Trễ hạn hoặc Chưa nộp.', shape: 'cellOrRange', types: ['string'] },
  },
  {
    name: 'DX_UNIT',
    excelId: 'UNIT',
    display: 'text',
    example: '=DX_UNIT(B5)',
    vi:
      'Tên đơn vị trong danh mục, dù viết có hay không “UBND”, dấu cũ/mới, NFC/NFD; ' +
      'gợi ý tên gần nhất khi gõ sai.',
    en: 'The registered unit name, folding prefixes, tone-mark placement and Unicode forms.',
    params: [{ name: 'ten_don_vi', vi: 'Tên đơn vị như đã ghi.', shape: 'cellOrRange', types: ['string'] }],
    returns: { vi: 'Tên đơn vị trong danh mục.', shape: 'cellOrRange', types: ['string'] },
  },
];

/** The specs with the schema's one default applied (a parameter is required unless it says otherwise). */
export const FORMULAS: FormulaSpec[] = FORMULA_SPECS.map((s) => ({
  ...s,
  params: s.params.map((p) => ({ ...p, optional: p.optional ?? false })),
}));

/** One implementation per formula; hosts only convert values and errors. */
export const IMPLEMENTATIONS: Record<string, FormulaImpl> = {
  DX_RATE: (n, d, k) => elementwise(rate, n, d, k as Scalar),
  DX_SUMRATE: (n, d) => sumRate(n, d),
  DX_NUMBER: (t) => elementwise(toNumber, t),
  DX_RATE_OK: (r, n, d) => elementwise(rateOk, r, n, d),
  DX_TARGET_MET: (v, t, day) => elementwise(targetMet, v, t, day as Scalar),
  DX_STATUS: (p, c, day) => elementwise(taskStatus, p, c, day),
  DX_ONTIME: (s, p, k) => elementwise(onTime, s, p, k as Scalar),
  DX_UNIT: (name) => elementwise((x) => unitName(x), name),
};

export function formulaSpec(name: string): FormulaSpec | undefined {
  const upper = name.toUpperCase().replace(/^DX\./, 'DX_');
  return FORMULAS.find((f) => f.name === upper);
}

/** Calls a formula by name; the result is a grid for element-wise formulas. */
export function callFormula(name: string, args: FormulaArg[]): FormulaOutput | Grid<FormulaOutput> {
  const spec = formulaSpec(name);
  if (!spec) throw new Error(`Không có hàm ${name} (các hàm: ${FORMULAS.map((f) => f.name).join(', ')}).`);
  return IMPLEMENTATIONS[spec.name](...args);
}
