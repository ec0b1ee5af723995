/**
 * Every kind of problem the validator reports, as data: the id an issue
 * carries, its title, what it checks, its severity and importance, and the
 * templates of its message and fix. A check names a kind and hands over the
 * figures; the sentence is written here and only here. Each kind has one
 * example value set, rendered through its own template into the README's
 * rule table, so the documentation cannot drift from what users see.
 */
import { z } from 'zod';
import { CHUA_DAT } from '../formulas/target-met';
import { periodMismatch, unknownUnit } from '../messages/wording';
import { PLAUSIBLE_MAX } from '../numbers/bounds';
import { formatNumber, formatPercent, vi } from '../numbers/format';
import { parseNumber } from '../numbers/parse';
import { MAX_FUZZY_LENGTH, tooLongToMatch } from '../registry/match';
import { shortText, stripInvisible } from '../text/invisible';
import { Importance, Operator } from '../templates/schema';
import { TEMPLATE_VERSION } from '../templates/version';
import type { Severity } from './issue';

type ImportanceLevel = z.infer<typeof Importance>;

/** CONG-THUC's importance is the one its rule declares (DX_CauHinh / the families), not the kind's. */
export const BY_RULE = 'theo-quy-tac';

interface KindSpec<V> {
  /** Vietnamese name of the kind. */
  title: string;
  /** What it checks, one sentence. */
  checks: string;
  severity: Severity;
  importance: ImportanceLevel | typeof BY_RULE;
  message: (v: V) => string;
  fix?: (v: V) => string | undefined;
  /** One value set: the README's example is this, rendered through `message`. */
  example: NoInfer<V>;
}

/** The values type comes from the template's parameter; the example must fit it. */
const kind = <V>(k: KindSpec<V>): KindSpec<V> => k;

/** A rule's two sides, each with the operands it adds up. */
interface Side {
  values: Array<number | null>;
  total: number;
}

// Amounts in millions carry decimals (4,813): every figure through `vi`, never JavaScript's "4.813".
const sideText = (s: Side) =>
  s.values.length > 1 ? `${s.values.map((v) => vi`${v ?? 0}`).join(' + ')} = ${vi`${s.total}`}` : vi`${s.total}`;

/** The sign that says how a rule was broken: "=" broken reads "≠". */
const BROKEN: Record<z.infer<typeof Operator>, string> = {
  '=': '≠',
  '!=': '=',
  '<': '≥',
  '<=': '>',
  '>': '≤',
  '>=': '<',
  'compulsory-pair': '',
  'exclusive-pair': '',
};

/** A name not in the registry, quoted short; a name too long to compare for typos says so. */
function unitNotFound(name: string, suggestion?: string): string {
  const said = unknownUnit(shortText(name), suggestion);
  return name.length > MAX_FUZZY_LENGTH ? `${said} ${tooLongToMatch(name.length)}` : said;
}

const CONFIG_PART = { indicator: 'Chỉ tiêu', rule: 'Quy tắc', sheet: 'DX_CauHinh' } as const;

/** "421.62" read as thousands: "421.620"; undefined when it cannot be. */
function asThousands(text: string): string | undefined {
  const t = text.trim();
  if (!/^\d{1,3}\.\d{1,2}$/.test(t)) return undefined;
  const [int, frac] = t.split('.');
  return `${int}.${frac.padEnd(3, '0')}`;
}

const KIND_SPECS = {
  'BAT-BUOC': kind({
    title: 'Bắt buộc',
    checks: 'Thông tin chung phải ghi đơn vị, kỳ và ngày báo cáo.',
    severity: 'loi',
    importance: 'cao',
    message: (v: { field: string }) => `Thiếu “${v.field}”.`,
    example: { field: 'Ngày báo cáo' },
  }),
  'THIEU-NGUOI-LAP': kind({
    title: 'Người lập',
    checks: 'Thông tin chung phải ghi người lập.',
    severity: 'loi',
    importance: 'thap',
    message: (v: { field: string }) => `Thiếu “${v.field}”.`,
    example: { field: 'Người lập' },
  }),
  'THONG-TIN-CHUNG': kind({
    title: 'Thông tin chung',
    checks: 'Sổ có phần thông tin chung (đơn vị, kỳ, ngày báo cáo, người lập).',
    severity: 'canh-bao',
    importance: 'trung-binh',
    message: (_: Record<string, never>) =>
      'Không tìm thấy thông tin chung (Đơn vị báo cáo, Kỳ báo cáo, Ngày báo cáo, Người lập).',
    fix: () => 'Dùng “Tạo phiếu báo cáo” hoặc thêm các dòng đó.',
    example: {},
  }),
  'THIEU-TU-MAU': kind({
    title: 'Tử số đi cùng mẫu số',
    checks: 'Chỉ tiêu có tử số thì phải có mẫu số, và ngược lại.',
    severity: 'loi',
    importance: 'cao',
    message: (v: { missing: 'tử số' | 'mẫu số'; code?: string }) =>
      `Có ${v.missing === 'tử số' ? 'mẫu số' : 'tử số'} mà thiếu ${v.missing}${v.code ? ` (${v.code})` : ''}.`,
    example: { missing: 'mẫu số', code: 'CQS.07' },
  }),
  'KHONG-AP-DUNG': kind({
    title: 'Chỉ tiêu không áp dụng',
    checks:
      'Chỉ tiêu mà danh mục đơn vị ghi “Không áp dụng” cho đơn vị (hoặc nhóm của đơn vị) để trống: số liệu ' +
      'có nhập cũng không được tổng hợp.',
    severity: 'canh-bao',
    importance: 'thap',
    message: (v: { code: string }) => `Chỉ tiêu ${v.code} không áp dụng cho đơn vị này: số liệu không được tổng hợp.`,
    fix: () =>
      'Xóa số liệu của dòng này; nếu chỉ tiêu có áp dụng cho đơn vị, đề nghị cơ quan thường trực sửa danh mục ' +
      'đơn vị (mục “Không áp dụng” của đơn vị hoặc của nhóm) và cấp lại phiếu.',
    example: { code: 'XHS.03' },
  }),
  'KIEU-SO-DEM': kind({
    title: 'Số đếm',
    checks: 'Cột số lượng chỉ nhận số nguyên không âm.',
    severity: 'loi',
    importance: 'cao',
    message: (v: { text: string; column: string }) =>
      `Số lượng phải là số nguyên không âm: “${v.text}” (cột “${v.column}”).`,
    example: { text: '-3', column: 'Tổng số hồ sơ' },
  }),
  'KIEU-SO-TIEN': kind({
    title: 'Số tiền',
    checks: 'Cột số tiền không nhận số âm.',
    severity: 'loi',
    importance: 'cao',
    message: (v: { text: string }) => `Số tiền không được âm: “${v.text}”.`,
    example: { text: '-1500000' },
  }),
  'SO-QUA-LON': kind({
    title: 'Số quá lớn',
    checks:
      `Số đếm và số tiền không vượt ${formatNumber(PLAUSIBLE_MAX)} (10^12): số lớn hơn là gõ hoặc dán nhầm, ` +
      'không được cộng vào tổng hợp.',
    severity: 'loi',
    importance: 'cao',
    message: (v: { text: string; column: string }) =>
      `“${shortText(v.text)}” vượt giới hạn ${formatNumber(PLAUSIBLE_MAX)} của cột “${v.column}”.`,
    fix: () => 'Kiểm tra lại số (thừa chữ số, dán nhầm ô).',
    example: { text: '1e+308', column: 'Tổng số hồ sơ' },
  }),
  'KIEU-PHAN-TRAM': kind({
    title: 'Tỷ lệ trong cột số lượng',
    checks: 'Một tỷ lệ phần trăm gõ vào cột số lượng.',
    severity: 'loi',
    importance: 'cao',
    message: (v: { text: string; column: string }) => `“${v.text}” là tỷ lệ, cột “${v.column}” cần số lượng.`,
    fix: () => 'Ghi số lượng (số đếm), tỷ lệ tự tính.',
    example: {
      text: '100%',
      column: 'Số TTHC có phát sinh giao dịch thanh toán trực tuyến (phí, lệ phí trực tuyến)',
    },
  }),
  'KIEU-CHU': kind({
    title: 'Chữ trong cột số',
    checks: 'Chữ (hoặc số kèm chữ) trong cột số.',
    severity: 'loi',
    importance: 'cao',
    /** `note` is what the number reader says about the text, when it says something. */
    message: (v: { text: string; column: string; note?: string; digits?: string }) =>
      v.note ?? `“${v.text}” không phải là số (cột “${v.column}”).`,
    fix: (v) => (v.digits !== undefined ? `Chỉ ghi số: ${v.digits}` : undefined),
    example: {
      text: '24 loại',
      column: 'Hồ sơ đã được gắn file kết quả',
      note: parseNumber('24 loại').note,
      digits: '24',
    },
  }),
  'KIEU-MO-HO': kind({
    title: 'Số viết không rõ',
    checks: 'Cách viết đọc được hai nghĩa (dấu chấm/phẩy).',
    severity: 'loi',
    importance: 'trung-binh',
    /** `inResult`: the number sits inside a written result "33,11% (103.223/311.736)". */
    message: (v: { text: string; note: string; inResult?: boolean }) =>
      v.inResult ? `Trong “${v.text}”: ${v.note}` : v.note,
    fix: (v) => {
      if (v.inResult) return undefined;
      const thousands = asThousands(v.text);
      return thousands ? `Nếu là số hàng nghìn: ${thousands}` : 'Ghi lại rõ ràng (dấu chấm phân cách hàng nghìn).';
    },
    example: { text: '421.62', note: parseNumber('421.62').note ?? '' },
  }),
  'KIEU-NGAY': kind({
    title: 'Ngày không đọc được',
    checks: 'Cột ngày chỉ nhận ngày (dd/mm/yyyy) hoặc tháng, năm.',
    severity: 'loi',
    importance: 'trung-binh',
    message: (v: { text: string }) => `“${v.text}” không phải là ngày (dd/mm/yyyy).`,
    example: { text: '31/06/2023' },
  }),
  'KIEU-DANH-SACH': kind({
    title: 'Ngoài danh sách chọn',
    checks: 'Cột có danh sách chọn chỉ nhận một giá trị trong danh sách.',
    severity: 'loi',
    importance: 'trung-binh',
    message: (v: { text: string; column: string; list: readonly string[] }) =>
      `“${v.text}” không có trong danh sách của cột “${v.column}”.`,
    fix: (v) => `Chọn một trong: ${v.list.join('; ')}`,
    example: { text: 'Vốn khác', column: 'Loại vốn', list: ['Vốn đầu tư', 'Vốn sự nghiệp'] },
  }),
  'TY-LE': kind({
    title: 'Tỷ lệ báo cáo',
    checks: 'Tỷ lệ ghi khớp tử số/mẫu số (làm tròn hoặc cắt bớt theo số chữ số đã ghi).',
    severity: 'loi',
    importance: 'cao',
    /** `reported` is the written rate as a fraction, `decimals` the places it was written with. */
    message: (v: { reported: number; decimals: number; numerator: number; denominator: number }) =>
      vi`Tỷ lệ báo cáo ${formatPercent(v.reported, v.decimals)} không khớp ${v.numerator}/${v.denominator} = ` +
      formatPercent(v.numerator / v.denominator, 2),
    fix: (v) => `Tỷ lệ đúng: ${formatPercent(v.numerator / v.denominator, Math.max(v.decimals, 2))}`,
    example: { reported: 0.5403, decimals: 2, numerator: 118103, denominator: 142378 },
  }),
  'TU-LON-HON-MAU': kind({
    title: 'Tử số ≤ mẫu số',
    checks: 'Tử số không vượt mẫu số, trừ chỉ tiêu được phép vượt 100%.',
    severity: 'loi',
    importance: 'cao',
    message: (v: { numerator: number; denominator: number; code?: string }) =>
      vi`Tử số ${v.numerator} lớn hơn mẫu số ${v.denominator}` +
      `${v.code ? ` (${v.code} không được vượt 100%)` : ''}.`,
    example: { numerator: 23802, denominator: 23391, code: 'CQS.07' },
  }),
  'CONG-THUC': kind({
    title: 'Quy tắc của bảng',
    checks:
      'Các quy tắc khai báo trong DX_CauHinh và trong mẫu: phần cộng bằng tổng, chuỗi ≥, cột (2) ≤ (1)…; ' +
      'mức quan trọng theo từng quy tắc; quy tắc mức thấp là cảnh báo, không loại đơn vị.',
    severity: 'loi',
    importance: BY_RULE,
    /** The rule's own instruction; the figures when the rule compares sums (not for pairs). */
    message: (v: {
      instruction: string;
      importance: ImportanceLevel;
      figures?: { left: Side; op: z.infer<typeof Operator>; right: Side };
    }) =>
      v.figures
        ? `${v.instruction} Đang là ${sideText(v.figures.left)} ${BROKEN[v.figures.op]} ` +
          `${v.figures.right.values.length ? sideText(v.figures.right) : '0'}.`
        : v.instruction,
    example: {
      instruction: 'Tiếp nhận = đã giải quyết + đang giải quyết.',
      importance: 'cao',
      figures: { left: { values: [16], total: 16 }, op: '=', right: { values: [10, 5], total: 15 } },
    },
  }),
  'TIEN-DO': kind({
    title: 'Đánh giá tiến độ',
    checks: 'Đánh giá nhiệm vụ khớp thời gian triển khai, ngày hoàn thành và ngày báo cáo.',
    severity: 'loi',
    importance: 'cao',
    /** `completed`: the completion day when written; `saysDone`: the assessment says it is done. */
    message: (v: {
      period: string;
      completed?: string;
      saysDone: boolean;
      reportDate: string;
      expected: string;
      written: string;
    }) =>
      `Nhiệm vụ “${v.period}”${v.completed ? `, hoàn thành ${v.completed}` : v.saysDone ? '' : ' chưa hoàn thành'}` +
      `, báo cáo ${v.reportDate}: phải là “${v.expected}”, không phải “${v.written}”.`,
    fix: (v) => v.expected,
    example: {
      period: '2022-2024',
      saysDone: false,
      reportDate: '15/01/2025',
      expected: 'Đang thực hiện, trễ hạn',
      written: 'Đang thực hiện theo tiến độ',
    },
  }),
  'THU-TU-NGAY': kind({
    title: 'Thứ tự ngày',
    checks: 'Ngày hoàn thành nhiệm vụ không sau ngày báo cáo.',
    severity: 'loi',
    importance: 'cao',
    message: (v: { completed: string; reportDate: string }) =>
      `Ngày hoàn thành ${v.completed} sau ngày báo cáo ${v.reportDate}.`,
    example: { completed: '15/07/2023', reportDate: '30/06/2023' },
  }),
  'NGAY-BAT-DAU': kind({
    title: 'Hoàn thành trước khi bắt đầu',
    checks: 'Ngày hoàn thành / vận hành chính thức không trước ngày bắt đầu / vận hành thử.',
    severity: 'loi',
    importance: 'cao',
    message: (v: { completed: string; started: string }) =>
      `Hoàn thành / vận hành chính thức “${v.completed}” trước khi bắt đầu / vận hành thử “${v.started}”.`,
    example: { completed: '01/2023', started: '12/2023' },
  }),
  'NGAY-TRIEN-KHAI': kind({
    title: 'Hoàn thành trước thời gian triển khai',
    checks: 'Ngày hoàn thành nhiệm vụ không trước thời gian triển khai của nó.',
    severity: 'loi',
    importance: 'trung-binh',
    message: (v: { completed: string; period: string }) =>
      `Ngày hoàn thành ${v.completed} trước thời gian triển khai “${v.period}”.`,
    example: { completed: '15/12/2022', period: '2023-2024' },
  }),
  'DAT-CHUA-DAT': kind({
    title: 'Đạt / Chưa đạt',
    checks: 'Đánh giá khớp tỷ lệ và chỉ tiêu giao.',
    severity: 'loi',
    importance: 'trung-binh',
    /** `rate` as a fraction. */
    message: (v: { written: string; rate: number; target: string; expected: string }) =>
      `Ghi “${v.written}” nhưng ${formatPercent(v.rate)} so với chỉ tiêu “${v.target}” là “${v.expected}”.`,
    fix: (v) => v.expected,
    example: { written: 'Đạt', rate: 118103 / 527025, target: '100%', expected: CHUA_DAT },
  }),
  'TEN-DON-VI': kind({
    title: 'Tên đơn vị',
    checks: 'Tên đơn vị trong bảng có trong danh mục; gõ sai thì gợi ý tên gần nhất.',
    severity: 'loi',
    importance: 'trung-binh',
    message: (v: { name: string; suggestion: string }) => unknownUnit(v.name, v.suggestion),
    fix: (v) => v.suggestion,
    example: { name: 'Pường 1', suggestion: 'Phường 1' },
  }),
  'TEN-DON-VI-LA': kind({
    title: 'Tên ngoài danh mục',
    checks:
      'Tên trong cột đơn vị không gần tên nào của danh mục (dòng nhóm như “UBND các phường, xã”); ' +
      `tên dài hơn ${MAX_FUZZY_LENGTH} ký tự không được so gần đúng.`,
    severity: 'canh-bao',
    importance: 'trung-binh',
    message: (v: { name: string }) => unitNotFound(v.name),
    example: { name: 'UBND các phường, xã' },
  }),
  'DON-VI-BAO-CAO': kind({
    title: 'Đơn vị báo cáo',
    checks: 'Đơn vị báo cáo ở thông tin chung có trong danh mục.',
    severity: 'loi',
    importance: 'cao',
    message: (v: { name: string; suggestion?: string }) => unitNotFound(v.name, v.suggestion),
    fix: (v) => v.suggestion,
    example: { name: 'Phường Lộc Thợ', suggestion: 'Phường Lộc Thọ' },
  }),
  'KY-BAO-CAO': kind({
    title: 'Kỳ báo cáo',
    checks: 'Kỳ báo cáo ở thông tin chung đúng kỳ đang kiểm tra hoặc tổng hợp.',
    severity: 'loi',
    importance: 'cao',
    message: (v: { written: string; wanted: string }) => periodMismatch(v.written, v.wanted),
    example: { written: 'tháng 5/2023', wanted: 'tháng 6/2023' },
  }),
  'KY-KHONG-RO': kind({
    title: 'Kỳ báo cáo không đọc được',
    checks: 'Kỳ báo cáo ở thông tin chung đọc được (tháng, quý, 6 tháng, năm).',
    severity: 'loi',
    importance: 'cao',
    message: (v: { text: string }) => `Không đọc được kỳ báo cáo “${v.text}”.`,
    example: { text: 'tháng 13/2023' },
  }),
  'NGAY-BAO-CAO': kind({
    title: 'Ngày báo cáo không đọc được',
    checks: 'Ngày báo cáo ở thông tin chung là một ngày.',
    severity: 'loi',
    importance: 'cao',
    message: (v: { text: string }) => `Ngày báo cáo “${v.text}” không phải là ngày.`,
    example: { text: '31/06/2023' },
  }),
  'BAO-CAO-SOM': kind({
    title: 'Báo cáo trước khi hết kỳ',
    checks: 'Ngày báo cáo không trước ngày kết thúc kỳ báo cáo.',
    severity: 'canh-bao',
    importance: 'trung-binh',
    message: (v: { reportDate: string; period: string }) =>
      `Ngày báo cáo ${v.reportDate} trước khi kỳ “${v.period}” kết thúc.`,
    example: { reportDate: '20/06/2023', period: 'tháng 6/2023' },
  }),
  'PHIEN-BAN': kind({
    title: 'Phiên bản mẫu',
    checks: 'Phiếu được tạo theo phiên bản mẫu hiện hành.',
    severity: 'canh-bao',
    importance: 'thap',
    message: (v: { written: string; current: string }) =>
      `Phiên bản mẫu “${v.written}” khác phiên bản hiện hành ${v.current}.`,
    fix: () => 'Tạo lại phiếu theo mẫu mới.',
    example: { written: 'DX-2025.2', current: TEMPLATE_VERSION },
  }),
  'TRUNG-DONG': kind({
    title: 'Dòng trùng',
    checks: 'Một đơn vị, một chỉ tiêu hay một nhiệm vụ xuất hiện hai lần trong một bảng.',
    severity: 'canh-bao',
    importance: 'trung-binh',
    /** Row numbers as the sheet shows them (from 1). */
    // A row number is an address, as the sheet's margin shows it ("Dòng 1234"), not a quantity to group.
    message: (v: { row: number; first: number; text: string }) =>
      `Dòng ${String(v.row)} trùng dòng ${String(v.first)} (“${v.text}”).`,
    example: { row: 14, first: 9, text: 'Phường 1' },
  }),
  'TONG-NHOM': kind({
    title: 'Tổng của nhóm',
    checks:
      'Dòng nhóm có số liệu (“I. UBND TP”) là tổng của nhóm: bằng tổng các dòng đơn vị bên dưới, từng cột; ' +
      'dòng nhóm không có dòng nào bên dưới (“UBND cấp xã”) là số liệu của cả nhóm, không kiểm tra. Chỉ cảnh ' +
      'báo: số tổng hợp luôn cộng từ các dòng đơn vị, không lấy dòng nhóm, nên không loại báo cáo.',
    // A warning, not an error: the items are what is consolidated, so a wrong subtotal changes no consolidated
    // figure, and refusing the report for it would drop every correct row under it (seed 003 §1: 12 offices).
    severity: 'canh-bao',
    importance: 'cao',
    /** `items`: how many item rows are under the group; `sum` their figures in the column. */
    message: (v: { group: string; column: string; value: number; sum: number; items: number }) =>
      vi`Dòng nhóm “${v.group}” ghi ${v.column} là ${v.value}, tổng ${v.items} dòng bên dưới là ${v.sum}.`,
    fix: (v) =>
      vi`Sửa thành ${v.sum} nếu là tổng của nhóm; nếu là số liệu riêng của ` +
      'cơ quan (không phải tổng), ghi thành một dòng đơn vị có số thứ tự 1, 2….',
    example: { group: 'UBND TP. Vũng Tàu', column: 'VB đi', value: 4602, sum: 16791, items: 12 },
  }),
  'LOI-CONG-THUC': kind({
    title: 'Giá trị lỗi',
    checks: 'Ô có giá trị lỗi của bảng tính (#REF!, #DIV/0!, #VALUE!, #N/A…).',
    severity: 'loi',
    importance: 'cao',
    message: (v: { error: string }) => `Ô có giá trị lỗi ${v.error}.`,
    fix: () => 'Sửa công thức hoặc số liệu mà công thức dùng.',
    example: { error: '#REF!' },
  }),
  'CONG-THUC-CHUA-TINH': kind({
    title: 'Công thức chưa có giá trị',
    checks:
      'Ô công thức trong vùng số liệu có giá trị đã tính (tệp do một thư viện ghi, chưa mở trong bảng tính, ' +
      'không lưu giá trị).',
    severity: 'loi',
    importance: 'cao',
    message: (v: { column: string }) =>
      `Ô công thức ở cột “${v.column}” chưa có giá trị đã tính: số liệu đang được đọc là trống, ` +
      'hãy mở và lưu lại trong Excel.',
    fix: () => 'Mở tệp và lưu lại trong Excel (hoặc LibreOffice, Google Sheets) để công thức được tính.',
    example: { column: 'Tử số' },
  }),
  'GOP-O': kind({
    title: 'Ô gộp trong vùng nhập',
    checks: 'Ô gộp (hợp nhất ô) nằm trong vùng số liệu của một bảng.',
    severity: 'loi',
    importance: 'trung-binh',
    message: (v: { range: string; table: string }) =>
      `Các ô ${v.range} bị gộp trong vùng nhập số liệu của bảng “${v.table}”.`,
    fix: () => 'Bỏ gộp ô, mỗi ô một số.',
    example: { range: 'E6:F6', table: 'Phản ánh, kiến nghị' },
  }),
  'CAU-HINH': kind({
    title: 'Cấu hình',
    checks: 'Dòng sai trong DX_CauHinh (báo kèm ô, không bỏ qua).',
    severity: 'loi',
    importance: 'cao',
    /** The configuration reader's own sentence about the row. */
    message: (v: { problem: string }) => v.problem,
    example: { problem: 'Nhóm “VI” không hợp lệ (I, II, III, IV hoặc V).' },
  }),
  'CAU-HINH-KHAC': kind({
    title: 'Cấu hình khác bản phát hành',
    checks:
      'DX_CauHinh của đơn vị khớp cấu hình được phát hành (mẫu chuẩn, hoặc cấu hình gốc của đơn vị chủ trì); ' +
      'quy tắc và chỉ tiêu của bản phát hành được áp dụng, không phải bản sao của đơn vị.',
    severity: 'loi',
    importance: 'cao',
    message: (v: {
      what: 'indicator' | 'rule' | 'sheet';
      key: string;
      change: 'missing' | 'extra' | 'changed' | 'edited';
      column?: string;
      written?: string;
      issued?: string;
    }) => {
      const who = `${CONFIG_PART[v.what]} ${v.key}`;
      if (v.change === 'missing') return `${who} của bản phát hành không còn trong DX_CauHinh; vẫn được áp dụng.`;
      if (v.change === 'extra') return `${who} không có trong bản phát hành; không được áp dụng.`;
      if (v.change === 'edited')
        return (
          'DX_CauHinh đã bị sửa sau khi phát hành (dấu cấu hình không khớp nội dung); ' +
          'cần cấu hình gốc của đơn vị chủ trì để biết chỗ sửa.'
        );
      return (
        `${who}: “${v.column}” ghi “${shortText(v.written ?? '', 60)}”, bản phát hành là ` +
        `“${shortText(v.issued ?? '', 60)}”; áp dụng theo bản phát hành.`
      );
    },
    fix: (v) =>
      v.change === 'edited'
        ? 'Kiểm tra kèm cấu hình gốc của đơn vị chủ trì, hoặc tạo lại phiếu từ mẫu được phát hành.'
        : 'Khôi phục DX_CauHinh như bản phát hành, hoặc tạo lại phiếu từ mẫu được phát hành.',
    example: {
      what: 'indicator',
      key: 'CQS.09',
      change: 'changed',
      column: 'Chỉ tiêu thành phố',
      written: '10%',
      issued: '30%',
    },
  }),
  'BIEN-DONG': kind({
    title: 'Biến động bất thường',
    checks: 'Số đếm tăng hoặc giảm quá hệ số cho phép so với kỳ trước.',
    severity: 'canh-bao',
    importance: 'thap',
    message: (v: { column: string; before: number; beforePeriod: string; now: number }) => {
      const ratio = v.now / v.before;
      const change =
        ratio > 1
          ? vi`tăng từ ${v.before} (${v.beforePeriod}) lên ${v.now}, gấp ${formatNumber(ratio, 1)} lần`
          : vi`giảm từ ${v.before} (${v.beforePeriod}) xuống ${v.now}, còn 1/${formatNumber(1 / ratio, 1)}`;
      return `“${v.column}” ${change} so với kỳ trước.`;
    },
    fix: () => 'Kiểm tra lại số liệu; nếu đúng, ghi lý do ở cột ghi chú.',
    example: { column: 'Tổng số hồ sơ', before: 800, beforePeriod: 'tháng 5/2023', now: 8122 },
  }),
  'KHONG-CO-BANG': kind({
    title: 'Không có bảng báo cáo',
    checks: 'Sổ có ít nhất một bảng báo cáo nhận ra được (theo nhãn cột, hoặc theo ánh xạ cột đã lưu).',
    severity: 'loi',
    importance: 'cao',
    /** `partial`: tables recognised only in part, "Sheet1 (Phản ánh, kiến nghị)". */
    message: (v: { partial: string[] }) =>
      `Không tìm thấy bảng báo cáo nào trong sổ${
        v.partial.length
          ? ` (nhận ra một phần: ${v.partial
              .slice(0, 5)
              .map((p) => shortText(p))
              .join('; ')})`
          : ''
      }: không có số liệu nào để kiểm tra.`,
    fix: () => 'Dùng Tạo phiếu báo cáo hoặc ánh xạ cột (Bảng trong bảng tính → Đọc bảng).',
    example: { partial: [] },
  }),
  'BANG-CHUA-DOC': kind({
    title: 'Bảng thấy nhưng chưa đọc',
    checks:
      'Mỗi bảng thấy trong sổ đều được đọc: bảng chỉ nhận ra một phần (thiếu cột), bảng phần mềm ' +
      'không thu thập, hoặc phụ lục tổng hợp do phần mềm lập được báo tại dòng tiêu đề, không bị bỏ qua lặng lẽ.',
    severity: 'canh-bao',
    importance: 'trung-binh',
    /**
     * `missing`: labels of the required columns not found; empty for a table the product does not collect.
     * `made`: the table is one of the product's own annexes (Phụ lục II, III), laid out from the units' reports.
     */
    message: (v: { table: string; missing: string[]; made?: boolean }) =>
      v.missing.length
        ? `Bảng “${v.table}” chỉ nhận ra một phần, chưa thấy cột: ${v.missing
            .map((m) => `“${shortText(m, 60)}”`)
            .join(', ')}; số liệu của bảng chưa được đọc.`
        : v.made
          ? `${v.table}: bảng tổng hợp do phần mềm lập từ các phiếu, không phải phiếu báo cáo của đơn vị ` +
            '(số liệu không được đọc).'
          : `${v.table}: chưa thu thập (phần mềm không tổng hợp bảng này, số liệu không được kiểm tra).`,
    fix: (v) =>
      v.missing.length
        ? 'Ánh xạ các cột còn thiếu (Bảng trong bảng tính → Đọc bảng, hoặc dx-report map), hoặc sửa tiêu đề cột.'
        : v.made
          ? 'Tổng hợp từ phiếu báo cáo của từng đơn vị; bảng này không cần kiểm tra.'
          : undefined,
    example: { table: 'Phản ánh, kiến nghị', missing: ['Đã giải quyết — Tổng số'] },
  }),
  'PHIEU-TRONG': kind({
    title: 'Phiếu trống',
    checks: 'Phiếu do phần mềm tạo có số liệu: một phiếu chưa điền gì không phải là một báo cáo.',
    severity: 'loi',
    importance: 'cao',
    message: (_: Record<string, never>) => 'Phiếu chưa có số liệu nào: mọi ô nhập của các bảng đều trống.',
    fix: () => 'Điền số liệu vào các ô nền vàng rồi kiểm tra lại.',
    example: {},
  }),
  'KY-TU-AN': kind({
    title: 'Ký tự ẩn',
    checks:
      'Ô không có ký tự điều khiển hướng chữ (U+202A–202E, U+2066–2069, U+200E/200F, U+061C) hay ký tự ' +
      'độ rộng 0 (U+200B–200D, U+2060, U+FEFF): chúng được bỏ khi đối chiếu và khi ghi ra.',
    severity: 'canh-bao',
    importance: 'trung-binh',
    /** `chars`: the code points found, "U+202E". */
    message: (v: { text: string; chars: string[] }) =>
      `“${shortText(v.text, 60)}” có ký tự ẩn hoặc ký tự đổi hướng chữ (${v.chars.join(', ')}); ` +
      'đã bỏ khi đối chiếu và khi ghi ra.',
    fix: (v) => `Gõ lại: ${shortText(v.text, 60)}`,
    example: { text: '\u202EPhường 1', chars: ['U+202E'] },
  }),
};

type Specs = typeof KIND_SPECS;
export type RuleKindId = keyof Specs;
/** The figures a kind's message is written from. */
export type KindValues<K extends RuleKindId> = Parameters<Specs[K]['message']>[0];

export const RULE_KIND_IDS = Object.keys(KIND_SPECS) as [RuleKindId, ...RuleKindId[]];
export const RuleKindIdSchema = z.enum(RULE_KIND_IDS);

export interface RuleKind {
  id: RuleKindId;
  title: string;
  checks: string;
  severity: Severity;
  importance: ImportanceLevel | typeof BY_RULE;
  message: (v: never) => string;
  fix?: (v: never) => string | undefined;
  example: unknown;
}

/** The table, in the order the README lists it. */
export const RULE_KINDS: readonly RuleKind[] = RULE_KIND_IDS.map((id) => ({ id, ...KIND_SPECS[id] }) as RuleKind);

/** The parts of an issue a kind decides: id, severity, importance, message and fix. */
export interface Rendered {
  rule: RuleKindId;
  severity: Severity;
  importance: ImportanceLevel;
  message: string;
  fix?: string;
}

/** Renders a kind with its values; the only place an issue's sentence is written. */
export function render<K extends RuleKindId>(id: K, values: KindValues<K>): Rendered {
  const k = KIND_SPECS[id] as unknown as KindSpec<KindValues<K>>;
  const importance = k.importance === BY_RULE ? (values as { importance: ImportanceLevel }).importance : k.importance;
  // A rule of low importance ("thấp" in DX_CauHinh) warns at its cell and never leaves a unit out (issue 13):
  // a plan marked "X" without its document number is still a plan issued.
  const severity: Severity = k.importance === BY_RULE && importance === 'thap' ? 'canh-bao' : k.severity;
  // Nothing a unit typed reaches a message with its bidirectional controls or zero-width characters.
  const fix = k.fix?.(values);
  return {
    rule: id,
    severity,
    importance,
    message: stripInvisible(k.message(values)),
    ...(fix !== undefined ? { fix: stripInvisible(fix) } : {}),
  };
}

const SEVERITY_TEXT: Record<Severity, string> = { loi: 'lỗi', 'canh-bao': 'cảnh báo' };
const IMPORTANCE_TEXT: Record<ImportanceLevel | typeof BY_RULE, string> = {
  cao: 'cao',
  'trung-binh': 'trung bình',
  thap: 'thấp',
  [BY_RULE]: 'theo quy tắc',
};

const cellText = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The README's rule table: one row per kind, its example rendered through the real template. */
export function ruleTableMarkdown(): string {
  const rows = RULE_KIND_IDS.map((id) => {
    const k = KIND_SPECS[id] as unknown as KindSpec<unknown>;
    const example = render(id, k.example as never).message;
    return (
      `| \`${id}\` | ${cellText(k.title)} | ${cellText(k.checks)} | ${SEVERITY_TEXT[k.severity]} | ` +
      `${IMPORTANCE_TEXT[k.importance]} | ${cellText(example)} |`
    );
  });
  return ['| Mã | Tên | Kiểm tra gì | Mức | Quan trọng | Ví dụ |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
