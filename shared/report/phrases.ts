import { formatNumber as n, formatPercent } from '../numbers/format';

/*
 * The report's wording, in one table: each sentence as the seeds write it, filled with the consolidated
 * figures. Seed 000 §6: "UBND các xã, phường đã tiếp nhận 65 phản ánh kiến nghị, đã giải quyết 55 (đúng hạn 48,
 * trễ hạn 7), đang giải quyết 10 (đúng hạn 1, trễ hạn 9)"; §3's digitisation lines; §10's task counts; seed 001's
 * "25/30 hệ thống thông tin …"; seed 003's "54,03% (118.103/142.378)" (written right here, never retyped).
 */

/** One figure per field of a unit table, summed over a group; null where no unit of it filled the field. */
export type Values = Record<string, number | null>;

const v = (x: Values, k: string) => n(x[k] ?? 0);
const sum = (x: Values, ...ks: string[]) => ks.reduce((s, k) => s + (x[k] ?? 0), 0);
/** "99,35%", or nothing when there is no denominator. */
const rate = (num: number, den: number) => (den > 0 ? formatPercent(num / den) : null);

/** A table's sub-heading in the report, and its sentence for one group (or the total). */
export interface TablePhrase {
  heading: string;
  /** The fields a group must have filled for its sentence to be written. */
  needs: string[];
  lines: (subject: string, x: Values) => string[];
}

export const TABLE_PHRASES: Record<string, TablePhrase> = {
  T2: {
    heading: 'Phần mềm quản lý văn bản và điều hành',
    needs: ['sentOn'],
    lines: (s, x) => {
      const r = rate(x.sentOn ?? 0, sum(x, 'sentOn', 'sentOff'));
      return [
        `- ${s} đã gửi ${v(x, 'sentOn')} văn bản đi, nhận ${v(x, 'receivedOn')} văn bản đến trên phần mềm` +
          (r
            ? `; tỷ lệ văn bản đi trên phần mềm đạt ${r} (${v(x, 'sentOn')}/${n(sum(x, 'sentOn', 'sentOff'))}).`
            : '.'),
      ];
    },
  },
  T3a: {
    heading: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
    needs: ['dossiers'],
    lines: (s, x) => [
      `- Đối với ${lower(s)}:`,
      `+ Tổng số hồ sơ: ${v(x, 'dossiers')}`,
      `+ Hồ sơ đã được gắn file kết quả: ${v(x, 'withResult')}`,
      `+ Hồ sơ đã được gắn file kết quả có giá trị pháp lý (ký số): ${v(x, 'signed')}`,
      `+ Thực hiện số hóa hồ sơ, kết quả giải quyết TTHC gửi kho lưu trữ: ${v(x, 'archived')}.`,
    ],
  },
  T3b: {
    heading: 'Hệ thống thông tin một cửa điện tử',
    needs: ['received'],
    lines: (s, x) => [
      `- ${s} đã tiếp nhận ${v(x, 'received')} hồ sơ, đã giải quyết đúng hạn ${v(x, 'onTime')}, ` +
        `trễ hạn ${v(x, 'late')}` +
        (x.inProcess === null || x.inProcess === undefined ? '.' : `, đang giải quyết ${v(x, 'inProcess')}.`),
    ],
  },
  T3c: {
    heading: 'Dịch vụ công trực tuyến',
    needs: ['procedures'],
    lines: (s, x) => {
      const online = sum(x, 'onlinePartial', 'onlineFull');
      const r = rate(online, online + sum(x, 'directPartial', 'directFull'));
      return [
        `- ${s}: ${v(x, 'procedures')} thủ tục hành chính, trong đó ${v(x, 'partial')} dịch vụ công trực tuyến ` +
          `một phần, ${v(x, 'full')} toàn trình; đã xử lý ${n(online)} hồ sơ trực tuyến (một phần ` +
          `${v(x, 'onlinePartial')}, toàn trình ${v(x, 'onlineFull')})${r ? `, đạt tỷ lệ ${r}` : ''}.`,
      ];
    },
  },
  T3e: {
    heading: 'Thanh toán trực tuyến',
    needs: ['transactions'],
    lines: (s, x) => {
      const r = rate(x.paidDossiers ?? 0, x.feeDossiers ?? 0);
      return [
        `- ${s}: ${v(x, 'successful')}/${v(x, 'transactions')} giao dịch thanh toán trực tuyến thành công` +
          (r ? `; ${v(x, 'paidDossiers')}/${v(x, 'feeDossiers')} hồ sơ có phí, lệ phí được thanh toán ` : '') +
          (r ? `trực tuyến, đạt tỷ lệ ${r}.` : '.'),
      ];
    },
  },
  T4: {
    heading: 'Tiếp nhận, xử lý phản ánh, kiến nghị',
    needs: ['received'],
    lines: (s, x) => [
      `- ${s} đã tiếp nhận ${v(x, 'received')} phản ánh kiến nghị, đã giải quyết ${v(x, 'resolved')} ` +
        `(đúng hạn ${v(x, 'resolvedOnTime')}, trễ hạn ${v(x, 'resolvedLate')}), đang giải quyết ` +
        `${v(x, 'inProcess')} (đúng hạn ${v(x, 'inProcessOnTime')}, trễ hạn ${v(x, 'inProcessLate')}).`,
    ],
  },
};

/** Indicators the seeds put into sentences, each as its seed words it (seed 000 §6 and §8). */
export const INDICATOR_PHRASES: Record<string, (s: string, num: number, den: number, r: string) => string> = {
  'CQS.HSTT': (s, num, den, r) =>
    `- ${s} đã tiếp nhận ${n(num)} hồ sơ trực tuyến, đạt tỷ lệ ${r} (${n(num)}/${n(den)})`,
  'CQS.TTTT': (s, num, den, r) =>
    `- ${s}: ${n(num)} hồ sơ thanh toán trực tuyến trên ${n(den)} hồ sơ có phát sinh phí, lệ phí, đạt tỷ lệ ${r}`,
  'CQS.BCCI': (s, num, _den, r) => `- Số hồ sơ bưu chính công ích của ${lower(s)} là ${n(num)} hồ sơ, đạt tỷ lệ ${r}`,
  'CQS.VBDT': (s, num, den, r) => `- ${s}: tỷ lệ văn bản đi được gửi dưới dạng điện tử đạt ${r} (${n(num)}/${n(den)})`,
  'XHS.DDDT': (s, num, den, r) =>
    `- Tỷ lệ dân số trưởng thành có tài khoản định danh điện tử (${lower(s)}): đã kích hoạt ` +
    `${n(num)}/${n(den)}, đạt tỷ lệ ${r}`,
};

/** "UBND các xã, phường" stays; "Toàn thành phố" inside a sentence becomes "toàn thành phố". */
export function lower(s: string): string {
  return /^(Toàn|Các|Tổng)\s/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

/** Who a group is in a sentence (seed 000: "UBND thành phố", "Các phòng, ban, đơn vị", "UBND các xã, phường"). */
export const GROUP_SUBJECT: Record<string, string> = {
  'so-ban-nganh': 'Các sở, ban, ngành',
  'co-quan-chuyen-mon': 'Các cơ quan chuyên môn',
  'don-vi-su-nghiep': 'Các đơn vị sự nghiệp',
  'ubnd-huyen': 'UBND các huyện, thị xã, thành phố',
  'ubnd-xa-phuong': 'UBND các xã, phường',
  'cap-tinh': 'Cấp tỉnh, thành phố',
};

/** The order groups are told in: the body itself first, then its offices, then the lower level. */
export const GROUP_ORDER = [
  'cap-tinh',
  'so-ban-nganh',
  'co-quan-chuyen-mon',
  'don-vi-su-nghiep',
  'ubnd-huyen',
  'ubnd-xa-phuong',
];

/** The four statuses as seed 000 §10 and issue 14 word them. */
export const STATUS_WORDS: Record<string, string> = {
  'Hoàn thành, đúng hạn': 'hoàn thành đúng hạn',
  'Hoàn thành, trễ hạn': 'hoàn thành trễ hạn',
  'Đang thực hiện theo tiến độ': 'đang thực hiện theo tiến độ',
  'Đang thực hiện, trễ hạn': 'đang thực hiện trễ hạn',
};

/** The report's fixed headings and lines. */
export const REPORT_TEXT = {
  motto: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  mottoLine: 'Độc lập - Tự do - Hạnh phúc',
  title: 'BÁO CÁO',
  results: 'KẾT QUẢ TRIỂN KHAI CHUYỂN ĐỔI SỐ',
  indicators: 'Kết quả thực hiện các chỉ tiêu chuyển đổi số',
  plans: 'Ban hành kế hoạch',
  systems: 'Bảo đảm an toàn hệ thống thông tin theo cấp độ',
  tasks: 'Tiến độ triển khai các nhiệm vụ, dự án chuyển đổi số',
  reporting: 'Tình hình gửi báo cáo',
  highlights: 'Kết quả nổi bật của các cơ quan, đơn vị',
  difficulties: 'KHÓ KHĂN, VƯỚNG MẮC',
  proposals: 'ĐỀ XUẤT, KIẾN NGHỊ',
  annexes: 'CÁC PHỤ LỤC KÈM THEO',
  recipients: 'Nơi nhận:',
  archive: '- Lưu: VT.',
  /** Where nothing was written: marked, so nobody sends the report with the gap unnoticed. */
  placeholder: '[Chưa có nội dung: các đơn vị chưa ghi mục này trong phiếu báo cáo; bổ sung trước khi ban hành.]',
  noFigures: '[Chưa có số liệu: không đơn vị nào báo cáo bảng này trong kỳ.]',
  blank: '…',
} as const;
