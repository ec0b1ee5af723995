/**
 * The one table of formula cases. The core, the Excel custom functions
 * (built functions.js), the Apps Script bundle (built Code.js) and the command
 * line are all tested against it, so the three wrappers cannot drift apart.
 * Arguments are text or numbers so every host (and a shell) can pass them.
 */
export type Expected = { value: number | string | boolean } | { error: '#DIV/0!' | '#VALUE!' | '#N/A' | '#NUM!' };

export interface FormulaCase {
  fn: string;
  args: Array<string | number | null>;
  expect: Expected;
  /** What figure of which seed the case comes from, or what it guards. */
  why: string;
}

export const FORMULA_CASES: FormulaCase[] = [
  // DX_RATE
  {
    fn: 'DX_RATE',
    args: ['103.223', '311.736', 2],
    expect: { value: 0.3311 },
    why: 'seed 000 §8: e-ID 103.223/311.736 = 33,11%',
  },
  {
    fn: 'DX_RATE',
    args: [103223, 311736],
    expect: { value: 103223 / 311736 },
    why: 'numbers as cells hold them, unrounded',
  },
  { fn: 'DX_RATE', args: ['5.909', '10.123', 2], expect: { value: 0.5837 }, why: 'seed 002 fn 13: 58,37%' },
  { fn: 'DX_RATE', args: ['4.173', '12.306', 1], expect: { value: 0.339 }, why: 'seed 002: 33,9% digitised results' },
  {
    fn: 'DX_RATE',
    args: ['486.272', '427.963', 2],
    expect: { value: 1.1362 },
    why: 'seed 000 §8: subscriptions per population may exceed 100%',
  },
  {
    fn: 'DX_RATE',
    args: ['48 682', '56.422', 0],
    expect: { value: 0.86 },
    why: 'space as thousands separator (seed 004 "48 682")',
  },
  { fn: 'DX_RATE', args: ['5', '0'], expect: { error: '#DIV/0!' }, why: 'zero denominator' },
  {
    fn: 'DX_RATE',
    args: ['24 loại', '265'],
    expect: { error: '#VALUE!' },
    why: 'seed 003 §3: "24 loại" in a count column',
  },
  {
    fn: 'DX_RATE',
    args: ['100%', '55'],
    expect: { error: '#VALUE!' },
    why: 'seed 003 §5a: "100%" typed into a count column',
  },
  {
    fn: 'DX_RATE',
    args: ['421.62', '527.025'],
    expect: { error: '#VALUE!' },
    why: 'seed 003 III.05: "421.62" is ambiguous',
  },
  { fn: 'DX_RATE', args: ['10', '16', 11], expect: { error: '#NUM!' }, why: 'decimals out of range' },
  { fn: 'DX_RATE', args: ['00', '09'], expect: { value: 0 }, why: 'seed 003 §1: "00" and "09" with leading zeros' },
  // DX_SUMRATE (ranges are written as JSON on the command line)
  { fn: 'DX_SUMRATE', args: ['[10,6]', '[16,10]'], expect: { value: 16 / 26 }, why: 'pooled, not averaged' },
  {
    fn: 'DX_SUMRATE',
    args: ['[3996,9513]', '[5819,17337]'],
    expect: { value: 13509 / 23156 },
    why: 'seed 000 §6: city 3.996 (68,67%) + wards 9.513 (54,87%); denominators derived from the rates',
  },
  {
    fn: 'DX_SUMRATE',
    args: ['[10,null,6]', '[16,50,10]'],
    expect: { value: 16 / 26 },
    why: 'a blank numerator skips its row',
  },
  { fn: 'DX_SUMRATE', args: ['[0,0]', '[0,0]'], expect: { error: '#DIV/0!' }, why: 'all denominators zero' },
  { fn: 'DX_SUMRATE', args: ['[1,2,3]', '[4,5]'], expect: { error: '#N/A' }, why: 'ranges of different sizes' },
  // DX_NUMBER
  { fn: 'DX_NUMBER', args: ['4.602'], expect: { value: 4602 }, why: 'seed 003 §1: vi thousands' },
  { fn: 'DX_NUMBER', args: ['4311'], expect: { value: 4311 }, why: 'seed 003 §1: no separator' },
  { fn: 'DX_NUMBER', args: ['48 682'], expect: { value: 48682 }, why: 'seed 004: space separator' },
  { fn: 'DX_NUMBER', args: ['68,67%'], expect: { value: 0.6867 }, why: 'seed 000 §6: vi percentage' },
  { fn: 'DX_NUMBER', args: ['98.27%'], expect: { value: 0.9827 }, why: 'seed 003 §5b: decimal point in a percentage' },
  { fn: 'DX_NUMBER', args: ['4.837 hộ/4886 hộ'], expect: { value: 4837 / 4886 }, why: 'seed 002: ratio with units' },
  { fn: 'DX_NUMBER', args: ['00'], expect: { value: 0 }, why: 'seed 003 §1: "00"' },
  { fn: 'DX_NUMBER', args: ['09'], expect: { value: 9 }, why: 'seed 003 §1: "09"' },
  { fn: 'DX_NUMBER', args: ['129.165.000'], expect: { value: 129165000 }, why: 'seed 000 §6: money in đồng' },
  { fn: 'DX_NUMBER', args: ['100%'], expect: { value: 1 }, why: 'a percentage is a fraction' },
  {
    fn: 'DX_NUMBER',
    args: ['421.62'],
    expect: { error: '#VALUE!' },
    why: 'seed 003: malformed thousands group is ambiguous',
  },
  { fn: 'DX_NUMBER', args: ['24 loại'], expect: { error: '#VALUE!' }, why: 'seed 003 §3: a count with a word' },
  {
    fn: 'DX_NUMBER',
    args: ['Hiện đang thống kê'],
    expect: { error: '#VALUE!' },
    why: 'seed 003 III.04: text in a result cell',
  },
  { fn: 'DX_NUMBER', args: ['1,234'], expect: { error: '#VALUE!' }, why: 'comma + 3 digits reads two ways' },
  { fn: 'DX_NUMBER', args: ['5/0'], expect: { error: '#DIV/0!' }, why: 'ratio with zero denominator' },
  // DX_RATE_OK
  {
    fn: 'DX_RATE_OK',
    args: ['98,9%', '4.837', '4886'],
    expect: { value: true },
    why: 'seed 002: 98,997% truncated to 98,9%',
  },
  {
    fn: 'DX_RATE_OK',
    args: ['54.03%', '118.103', '142.378'],
    expect: { value: false },
    why: 'seed 003 III.03: is 82,95%',
  },
  { fn: 'DX_RATE_OK', args: ['33,11%', '103.223', '311.736'], expect: { value: true }, why: 'seed 000 §8' },
  { fn: 'DX_RATE_OK', args: ['42,5%', '100.985', '237.649'], expect: { value: true }, why: 'seed 002: 42,49% rounded' },
  { fn: 'DX_RATE_OK', args: ['66,5%', '14.655', '22.022'], expect: { value: true }, why: 'seed 002: 66,547% → 66,5%' },
  {
    fn: 'DX_RATE_OK',
    args: ['90,2%', '81.930', '89.035'],
    expect: { value: false },
    why: 'seed 003 III.09: 81.930/89.035 = 92,02%',
  },
  { fn: 'DX_RATE_OK', args: ['98.27%', '23.391', '23.802'], expect: { value: true }, why: 'seed 003 I.07' },
  {
    fn: 'DX_RATE_OK',
    args: ['98.27%', '23.802', '23.391'],
    expect: { value: false },
    why: 'seed 003 §5b: (3)=(2)/(1) computed upside down',
  },
  { fn: 'DX_RATE_OK', args: ['34%', '18', '52'], expect: { value: true }, why: 'seed 003 I.09: 34,6% truncated' },
  {
    fn: 'DX_RATE_OK',
    args: ['54%', '1.147', '2.154'],
    expect: { value: false },
    why: 'seed 003 III.15: 1.147/2.154 = 53,25%',
  },
  { fn: 'DX_RATE_OK', args: ['98,9%', '4.837', '0'], expect: { error: '#DIV/0!' }, why: 'zero denominator' },
  // DX_TARGET_MET
  { fn: 'DX_TARGET_MET', args: ['100%', '100%'], expect: { value: 'Đạt' }, why: 'seed 003 I.01' },
  { fn: 'DX_TARGET_MET', args: ['22,4%', '100%'], expect: { value: 'Chưa đạt' }, why: 'seed 003 I.05' },
  { fn: 'DX_TARGET_MET', args: ['8,5%', 'Trên 8,5%.'], expect: { value: 'Chưa đạt' }, why: '"Trên" is strictly above' },
  { fn: 'DX_TARGET_MET', args: ['9,5%', 'Trên 8,5%.'], expect: { value: 'Đạt' }, why: 'seed 003 II.01 target' },
  {
    fn: 'DX_TARGET_MET',
    args: ['70%', 'tối thiểu 70%'],
    expect: { value: 'Đạt' },
    why: '"tối thiểu" includes the bound',
  },
  {
    fn: 'DX_TARGET_MET',
    args: ['60%', 'Trên 60%'],
    expect: { value: 'Chưa đạt' },
    why: 'seed 003 III.06: 60% is not above 60%',
  },
  {
    fn: 'DX_TARGET_MET',
    args: ['42,5%', '30% đến cuối năm là 50%', '30/09/2023'],
    expect: { value: 'Đạt' },
    why: 'seed 002 e-ID, 9-month stage',
  },
  {
    fn: 'DX_TARGET_MET',
    args: ['42,5%', '30% đến cuối năm là 50%', '15/12/2023'],
    expect: { value: 'Chưa đạt' },
    why: 'year-end stage from December',
  },
  {
    fn: 'DX_TARGET_MET',
    args: ['54,03%', '30% đến cuối năm là 50%', '20/12/2023'],
    expect: { value: 'Đạt' },
    why: 'seed 003 III.03',
  },
  {
    fn: 'DX_TARGET_MET',
    args: ['52%; 86%', '50% sản phẩm; 85% hộ có tài khoản trên sàn TMĐT'],
    expect: { value: 'Đạt' },
    why: 'seed 003 II.06: two-part target',
  },
  {
    fn: 'DX_TARGET_MET',
    args: ['52%', '50% sản phẩm; 85% hộ có tài khoản trên sàn TMĐT'],
    expect: { error: '#VALUE!' },
    why: 'two-part target needs two values',
  },
  { fn: 'DX_TARGET_MET', args: ['1', 'Tổ chức 03 lớp'], expect: { error: '#VALUE!' }, why: 'not a percentage target' },
  // DX_STATUS
  {
    fn: 'DX_STATUS',
    args: ['2023', '15/11/2023', '30/06/2024'],
    expect: { value: 'Hoàn thành, đúng hạn' },
    why: 'done inside the period',
  },
  {
    fn: 'DX_STATUS',
    args: ['2023', '15/02/2024', '30/06/2024'],
    expect: { value: 'Hoàn thành, trễ hạn' },
    why: 'done after the period',
  },
  {
    fn: 'DX_STATUS',
    args: ['2023 - 2025', null, '30/06/2023'],
    expect: { value: 'Đang thực hiện theo tiến độ' },
    why: 'seed 000 Annex: period not over',
  },
  {
    fn: 'DX_STATUS',
    args: ['2022-2024', null, '15/01/2025'],
    expect: { value: 'Đang thực hiện, trễ hạn' },
    why: 'period ended, not finished',
  },
  {
    fn: 'DX_STATUS',
    args: ['Thường xuyên', null, '30/06/2023'],
    expect: { value: 'Đang thực hiện theo tiến độ' },
    why: 'ongoing tasks are never late',
  },
  {
    fn: 'DX_STATUS',
    args: ['Quý II/2021', null, '11/05/2023'],
    expect: { value: 'Đang thực hiện, trễ hạn' },
    why: 'seed 001 Annex I: Quý II/2021 approvals still pending',
  },
  {
    fn: 'DX_STATUS',
    args: ['2023', 'x', '30/06/2023'],
    expect: { value: 'Hoàn thành, đúng hạn' },
    why: 'marked done before the deadline',
  },
  {
    fn: 'DX_STATUS',
    args: ['2022', 'x', '30/06/2023'],
    expect: { error: '#VALUE!' },
    why: 'past deadline: needs the completion date',
  },
  {
    fn: 'DX_STATUS',
    args: ['2023', '15/07/2023', '30/06/2023'],
    expect: { error: '#VALUE!' },
    why: 'completion after the report date',
  },
  { fn: 'DX_STATUS', args: ['sắp tới', null, '30/06/2023'], expect: { error: '#VALUE!' }, why: 'unreadable period' },
  // DX_ONTIME
  {
    fn: 'DX_ONTIME',
    args: ['20/05/2023', '4/2023', 20],
    expect: { value: 'Đúng hạn' },
    why: 'deadline day itself is on time',
  },
  {
    fn: 'DX_ONTIME',
    args: ['22/05/2023', 'tháng 4/2023', 20],
    expect: { value: 'Trễ hạn' },
    why: 'Khánh Hòa: 20th of the next month',
  },
  { fn: 'DX_ONTIME', args: ['16/07/2024', '6/2024', 15], expect: { value: 'Trễ hạn' }, why: 'Nha Trang 2024: 15th' },
  {
    fn: 'DX_ONTIME',
    args: ['10/01/2024', '12/2023'],
    expect: { value: 'Đúng hạn' },
    why: 'December report due in January; default day 20',
  },
  { fn: 'DX_ONTIME', args: ['18/07/2023', 'Quý II/2023'], expect: { value: 'Đúng hạn' }, why: 'quarter report' },
  { fn: 'DX_ONTIME', args: [null, '4/2023'], expect: { value: 'Chưa nộp' }, why: 'not submitted' },
  { fn: 'DX_ONTIME', args: ['22/05/2023', '4/2023', 40], expect: { error: '#NUM!' }, why: 'deadline day out of range' },
  { fn: 'DX_ONTIME', args: ['hôm qua', '4/2023'], expect: { error: '#VALUE!' }, why: 'not a date' },
  // DX_UNIT
  {
    fn: 'DX_UNIT',
    args: ['UBND phường Vạn Thạnh'],
    expect: { value: 'Phường Vạn Thạnh' },
    why: 'seed 000 §8: with prefix',
  },
  { fn: 'DX_UNIT', args: ['Vạn Thạnh'], expect: { value: 'Phường Vạn Thạnh' }, why: 'without kind' },
  { fn: 'DX_UNIT', args: ['Phường Phước Hoà'], expect: { value: 'Phường Phước Hòa' }, why: 'old tone-mark placement' },
  {
    fn: 'DX_UNIT',
    args: ['Phường Lộc Thọ'.normalize('NFD')],
    expect: { value: 'Phường Lộc Thọ' },
    why: 'NFD text pasted from a PDF',
  },
  {
    fn: 'DX_UNIT',
    args: ['UBND TP.VT'],
    expect: { value: 'UBND thành phố Vũng Tàu' },
    why: 'seed 003 §2 abbreviation',
  },
  { fn: 'DX_UNIT', args: ['UBND TPVT'], expect: { value: 'UBND thành phố Vũng Tàu' }, why: 'seed 003 §4 abbreviation' },
  {
    fn: 'DX_UNIT',
    args: ['Sở Thông tin và Truyền thông'],
    expect: { value: 'Sở Thông tin và Truyền thông' },
    why: 'seed 001 Annex III',
  },
  {
    fn: 'DX_UNIT',
    args: ['UBND thị xã Ninh Hoà'],
    expect: { value: 'UBND thị xã Ninh Hòa' },
    why: 'seed 001 with old tone mark',
  },
  {
    fn: 'DX_UNIT',
    args: ['Phòng LĐTB và XH'],
    expect: { value: 'Phòng Lao động - Thương binh và Xã hội' },
    why: 'seed 003 §1 abbreviation',
  },
  { fn: 'DX_UNIT', args: ['Pường 1'], expect: { error: '#N/A' }, why: 'seed 003 §1 typo: suggested, never guessed' },
  { fn: 'DX_UNIT', args: ['Phường Không Có'], expect: { error: '#N/A' }, why: 'unknown unit is never created' },
];
