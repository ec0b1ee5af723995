import { STATUSES } from '../formulas/status';
import { FamilySpec } from './schema';

const STT = {
  key: 'stt',
  label: 'STT',
  variants: ['T T', 'TT', 'T', 'Số TT', 'Số thứ tự'],
  kind: 'stt' as const,
  input: false,
  width: 6,
};
const UNIT = {
  key: 'unit',
  label: 'Tên cơ quan, đơn vị',
  variants: ['Tên đơn vị', 'Đơn vị', 'Cơ quan, đơn vị', 'Tên cơ quan, địa phương'],
  kind: 'text' as const,
  width: 34,
};
// Stocks and states: what stands at the end of the period, never summed over months (issue 12).
const OFFERED = {
  aggregation: 'last' as const,
  aggregationReason: 'Số thủ tục, dịch vụ đang cung cấp: lấy số mới nhất.',
};
const PENDING = { aggregation: 'last' as const, aggregationReason: 'Số đang giải quyết cuối kỳ: lấy số mới nhất.' };
const BUDGET = { aggregation: 'last' as const, aggregationReason: 'Mức vốn, kế hoạch kinh phí: lấy số mới nhất.' };
const DISTINCT = {
  aggregation: 'none' as const,
  aggregationReason: 'Số thủ tục có phát sinh trong kỳ: một thủ tục phát sinh nhiều tháng, không cộng được.',
};

/** The years a plan's column headers name ("Kế hoạch kinh phí năm 2024"): read as the column whatever the year. */
const PLAN_YEARS = Array.from({ length: 12 }, (_, k) => 2020 + k);

/**
 * Where a system's proposed-level dossier stands (seed 001 Annex I, "Trễ hạn (hồ sơ đang được thẩm định)"):
 * the first is the approved state the annex counts; the others are said in its "Ghi chú" column.
 */
export const APPROVAL_STATES = [
  'Đã phê duyệt',
  'Hồ sơ đang được thẩm định',
  'Hồ sơ trình thẩm định chưa đạt yêu cầu',
  'Đang xây dựng hồ sơ',
  'Chưa xây dựng',
] as const;

// Blank when either count is missing: a blank numerator is not 0% (the core's rate refuses it too).
const RATE = (n: string, d: string) => `=IF(AND(ISNUMBER({${n}}),ISNUMBER({${d}}),{${d}}>0),{${n}}/{${d}},"")`;

/**
 * The report families of DOMAIN.md §2, as data: the columns of the official
 * tables (labels and their common variants), which cells are computed, and the
 * arithmetic that must hold. The validator reads the rules; the templates and
 * the reader read the columns.
 */
export const FAMILIES: FamilySpec[] = [
  {
    id: 'T1',
    sheet: 'T1 Chỉ tiêu',
    title: 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ',
    tables: [
      {
        id: 'T1',
        title: 'Kết quả thực hiện chỉ tiêu',
        rows: 'indicators',
        columns: [
          STT,
          { key: 'code', label: 'Mã chỉ tiêu', variants: ['Mã', 'Mã số'], kind: 'code', input: false, width: 12 },
          {
            key: 'name',
            label: 'Tên chỉ tiêu',
            variants: ['Nội dung triển khai thực hiện', 'Chỉ tiêu', 'Nội dung'],
            kind: 'text',
            input: false,
            width: 52,
          },
          {
            key: 'measure',
            label: 'Đơn vị tính',
            variants: ['ĐVT'],
            kind: 'text',
            input: false,
            optional: true,
            width: 14,
          },
          { key: 'numerator', label: 'Tử số', kind: 'count', width: 13 },
          { key: 'denominator', label: 'Mẫu số', kind: 'count', width: 13 },
          {
            key: 'rate',
            label: 'Tỷ lệ (%)',
            variants: ['Tỷ lệ', 'Tỷ lệ %', 'Kết quả thực hiện'],
            kind: 'rate',
            input: false,
            formula: RATE('numerator', 'denominator'),
            width: 11,
          },
          {
            key: 'target',
            label: 'Chỉ tiêu giao',
            variants: ['Chỉ tiêu của thành phố', 'Chỉ tiêu của tỉnh', 'Chỉ tiêu quốc gia', 'Chỉ tiêu'],
            kind: 'text',
            input: false,
            width: 16,
          },
          { key: 'assessment', label: 'Đánh giá', kind: 'status', list: ['Đạt', 'Chưa đạt'], width: 11 },
          { key: 'remark', label: 'Ghi chú', kind: 'text', optional: true, width: 28 },
        ],
      },
      {
        // Seed 003 §6.2 as cities type it: targets per level and the result written "54.03% (118.103/142.378)".
        id: 'T1b',
        title: 'Kết quả thực hiện các tiêu chí',
        rows: 'indicators',
        generate: false,
        columns: [
          { ...STT, variants: [...STT.variants, 'TT'] },
          { key: 'name', label: 'Nội dung triển khai thực hiện', variants: ['Tên chỉ tiêu', 'Nội dung'], kind: 'text' },
          { key: 'targetNational', label: 'Chỉ tiêu quốc gia', kind: 'text' },
          {
            key: 'targetProvince',
            label: 'Chỉ tiêu của tỉnh',
            variants: ['Chỉ tiêu tỉnh'],
            kind: 'text',
            optional: true,
          },
          {
            key: 'targetCity',
            label: 'Chỉ tiêu của thành phố',
            variants: ['Chỉ tiêu thành phố'],
            kind: 'text',
            optional: true,
          },
          { key: 'result', label: 'Kết quả thực hiện', variants: ['Kết quả'], kind: 'text' },
        ],
      },
    ],
    // Numerator ≤ denominator depends on the indicator (some may exceed 100%):
    // the validator checks it with the catalogue.
    rules: [],
  },
  {
    id: 'T2',
    sheet: 'T2 Văn bản',
    title: 'PHẦN MỀM QUẢN LÝ VĂN BẢN VÀ ĐIỀU HÀNH',
    tables: [
      {
        id: 'T2',
        title: 'Số lượng văn bản',
        rows: 'unit',
        columns: [
          STT,
          UNIT,
          {
            key: 'sentOn',
            group: 'Số lượng VB được thực hiện trên phần mềm',
            label: 'VB đi',
            kind: 'count',
            width: 13,
          },
          {
            key: 'receivedOn',
            group: 'Số lượng VB được thực hiện trên phần mềm',
            label: 'VB đến',
            kind: 'count',
            width: 13,
          },
          {
            key: 'sentOff',
            group: 'Số lượng VB không thực hiện trên phần mềm (trừ VB mật)',
            label: 'VB đi',
            kind: 'count',
            width: 13,
          },
          {
            key: 'receivedOff',
            group: 'Số lượng VB không thực hiện trên phần mềm (trừ VB mật)',
            label: 'VB đến',
            kind: 'count',
            width: 13,
          },
          {
            key: 'sentRate',
            label: 'Tỷ lệ VB đi trên phần mềm (%)',
            kind: 'rate',
            input: false,
            optional: true,
            formula: '=IF(SUM({sentOn},{sentOff})>0,{sentOn}/SUM({sentOn},{sentOff}),"")',
            width: 14,
          },
        ],
      },
    ],
    rules: [],
  },
  {
    id: 'T3',
    sheet: 'T3 TTHC',
    title: 'THỦ TỤC HÀNH CHÍNH, MỘT CỬA ĐIỆN TỬ VÀ THANH TOÁN TRỰC TUYẾN',
    tables: [
      {
        id: 'T3a',
        title: 'Kết quả số hóa hồ sơ TTHC',
        rows: 'unit',
        columns: [
          STT,
          UNIT,
          { key: 'dossiers', label: 'Tổng số hồ sơ', kind: 'count', width: 14 },
          { key: 'withResult', label: 'Hồ sơ đã được gắn file kết quả', kind: 'count', width: 16 },
          {
            key: 'signed',
            label: 'Hồ sơ đã được gắn file kết quả có giá trị pháp lý (ký số)',
            variants: ['Hồ sơ đã ký số'],
            kind: 'count',
            width: 18,
          },
          {
            key: 'archived',
            label: 'Hồ sơ số hóa gửi kho lưu trữ',
            variants: ['Thực hiện số hóa hồ sơ, kết quả giải quyết TTHC gửi kho lưu trữ'],
            kind: 'count',
            optional: true,
            width: 16,
          },
        ],
      },
      {
        // Seed 003 §3 counts procedures and looked-up dossiers rather than dossiers.
        id: 'T3f',
        title: 'Kết quả số hóa hồ sơ TTHC (theo danh mục TTHC)',
        rows: 'unit',
        generate: false,
        columns: [
          STT,
          UNIT,
          { key: 'procedures', label: 'Tổng số TTHC theo quy định được thực hiện số hóa', kind: 'count', ...OFFERED },
          {
            key: 'dossiersLookedUp',
            label: 'Tổng số hồ sơ được tra kết quả theo danh mục TTHC được số hóa',
            kind: 'count',
            optional: true,
          },
          { key: 'resultsDigitised', label: 'Số kết quả giải quyết TTHC được thực hiện số hóa', kind: 'count' },
        ],
      },
      {
        id: 'T3b',
        title: 'HTTT Một cửa điện tử',
        rows: 'unit',
        columns: [
          STT,
          UNIT,
          { key: 'received', label: 'Tổng số hồ sơ tiếp nhận', kind: 'count', width: 14 },
          {
            key: 'onTime',
            group: 'Tổng số hồ sơ đã trả kết quả',
            groupVariants: ['Tổng số hồ sơ đã tra kết quả', 'Đã giải quyết'],
            label: 'Đúng hạn',
            kind: 'count',
            width: 13,
          },
          {
            key: 'late',
            group: 'Tổng số hồ sơ đã trả kết quả',
            groupVariants: ['Tổng số hồ sơ đã tra kết quả', 'Đã giải quyết'],
            label: 'Trễ hạn',
            kind: 'count',
            width: 13,
          },
          { key: 'inProcess', label: 'Đang giải quyết', kind: 'count', optional: true, width: 13, ...PENDING },
        ],
      },
      {
        id: 'T3c',
        title: 'Cổng Dịch vụ công tỉnh',
        rows: 'unit',
        columns: [
          STT,
          UNIT,
          {
            key: 'procedures',
            label: 'Tổng số TTHC',
            variants: ['Tổng số TTH C'],
            kind: 'count',
            width: 11,
            ...OFFERED,
          },
          { key: 'partial', group: 'Số DVCTT', label: 'Một phần', kind: 'count', width: 11, ...OFFERED },
          { key: 'full', group: 'Số DVCTT', label: 'Toàn trình', kind: 'count', width: 11, ...OFFERED },
          { key: 'onlinePartial', group: 'Số hồ sơ xử lý trực tuyến', label: 'Một phần', kind: 'count', width: 12 },
          { key: 'onlineFull', group: 'Số hồ sơ xử lý trực tuyến', label: 'Toàn trình', kind: 'count', width: 12 },
          {
            key: 'directPartial',
            group: 'Số hồ sơ xử lý trực tiếp',
            label: 'Một phần',
            kind: 'count',
            optional: true,
            width: 12,
          },
          {
            key: 'directFull',
            group: 'Số hồ sơ xử lý trực tiếp',
            label: 'Toàn trình',
            kind: 'count',
            optional: true,
            width: 12,
          },
        ],
      },
      {
        id: 'T3d',
        title: 'Số thủ tục hành chính được triển khai thanh toán trực tuyến',
        rows: 'unit',
        columns: [
          STT,
          UNIT,
          {
            key: 'feeProcedures',
            number: '(1)',
            label: 'Tổng số TTHC có yêu cầu thực hiện nghĩa vụ tài chính (phí, lệ phí)',
            kind: 'count',
            width: 16,
            ...OFFERED,
          },
          {
            key: 'syncedProcedures',
            number: '(2)',
            label:
              'Số TTHC có yêu cầu thực hiện nghĩa vụ tài chính (phí, lệ phí) được cập nhật, đồng bộ trên Cổng DVC ' +
              'tỉnh/ Cổng DVCQG',
            kind: 'count',
            width: 18,
            ...OFFERED,
          },
          {
            key: 'syncedRate',
            number: '(3)',
            label: 'Tỷ lệ (%) (3)=(2)/(1)',
            kind: 'rate',
            input: false,
            formula: RATE('syncedProcedures', 'feeProcedures'),
            width: 11,
          },
          {
            key: 'chargedProcedures',
            number: '(4)',
            label: 'Tổng số TTHC có phát sinh phí, lệ phí',
            kind: 'count',
            width: 14,
            ...DISTINCT,
          },
          {
            key: 'paidProcedures',
            number: '(5)',
            label: 'Số TTHC có phát sinh giao dịch thanh toán trực tuyến (phí, lệ phí trực tuyến)',
            kind: 'count',
            width: 16,
            ...DISTINCT,
          },
          {
            key: 'paidRate',
            number: '(6)',
            label: 'Tỷ lệ (%) (6)=(5)/(4)',
            kind: 'rate',
            input: false,
            formula: RATE('paidProcedures', 'chargedProcedures'),
            width: 11,
          },
        ],
      },
      {
        id: 'T3e',
        title: 'Số giao dịch, hồ sơ được thanh toán trực tuyến',
        rows: 'unit',
        columns: [
          STT,
          UNIT,
          {
            key: 'transactions',
            number: '(1)',
            label: 'Tổng số giao dịch thanh toán được thực hiện trên Cổng DVC tỉnh/ Cổng DVCQG',
            kind: 'count',
            width: 16,
          },
          {
            key: 'successful',
            number: '(2)',
            label: 'Số giao dịch thanh toán trực tuyến được thực hiện thành công trên Cổng DVC tỉnh/ Cổng DVCQG',
            kind: 'count',
            width: 18,
          },
          {
            key: 'successRate',
            number: '(3)',
            label: 'Tỷ lệ (%) (3)=(2)/(1)',
            kind: 'rate',
            input: false,
            formula: RATE('successful', 'transactions'),
            width: 11,
          },
          {
            key: 'feeDossiers',
            number: '(4)',
            label: 'Tổng số hồ sơ có phát sinh phí, lệ phí',
            kind: 'count',
            width: 14,
          },
          {
            key: 'paidDossiers',
            number: '(5)',
            label: 'Số hồ sơ có phát sinh giao dịch thanh toán trực tuyến (phí, lệ phí trực tuyến)',
            kind: 'count',
            width: 16,
          },
          {
            key: 'paidDossierRate',
            number: '(6)',
            label: 'Tỷ lệ (%) (6)=(5)/(4)',
            kind: 'rate',
            input: false,
            formula: RATE('paidDossiers', 'feeDossiers'),
            width: 11,
          },
        ],
      },
    ],
    rules: [
      {
        id: 'T3.SOHOA-GAN-FILE',
        table: 'T3a',
        left: ['dossiers'],
        op: '>=',
        right: ['withResult'],
        instruction: 'Tổng số hồ sơ phải lớn hơn hoặc bằng số hồ sơ đã gắn file kết quả.',
      },
      {
        id: 'T3.SOHOA-KY-SO',
        table: 'T3a',
        left: ['withResult'],
        op: '>=',
        right: ['signed'],
        instruction: 'Số hồ sơ gắn file kết quả phải lớn hơn hoặc bằng số hồ sơ đã ký số.',
      },
      {
        id: 'T3.MOT-CUA-TONG',
        table: 'T3b',
        left: ['received'],
        op: '=',
        right: ['onTime', 'late', 'inProcess'],
        missing: 'skip-if-all',
        instruction: 'Hồ sơ tiếp nhận = đã giải quyết đúng hạn + trễ hạn + đang giải quyết.',
      },
      {
        id: 'T3.DVC-TONG',
        table: 'T3c',
        left: ['procedures'],
        op: '=',
        right: ['partial', 'full'],
        instruction: 'Tổng số TTHC = DVC một phần + DVC toàn trình.',
      },
      {
        id: 'T3.TT-2-LE-1',
        table: 'T3d',
        left: ['syncedProcedures'],
        op: '<=',
        right: ['feeProcedures'],
        instruction: 'Cột (2) không được lớn hơn cột (1).',
      },
      {
        id: 'T3.TT-5-LE-4',
        table: 'T3d',
        left: ['paidProcedures'],
        op: '<=',
        right: ['chargedProcedures'],
        instruction: 'Cột (5) không được lớn hơn cột (4).',
      },
      {
        id: 'T3.TT-4-LE-1',
        table: 'T3d',
        left: ['chargedProcedures'],
        op: '<=',
        right: ['feeProcedures'],
        importance: 'trung-binh',
        instruction: 'Số TTHC có phát sinh phí (4) không được lớn hơn tổng số TTHC có nghĩa vụ tài chính (1).',
      },
      {
        id: 'T3.GD-2-LE-1',
        table: 'T3e',
        left: ['successful'],
        op: '<=',
        right: ['transactions'],
        instruction: 'Giao dịch thành công (2) không được lớn hơn tổng số giao dịch (1).',
      },
      {
        id: 'T3.GD-5-LE-4',
        table: 'T3e',
        left: ['paidDossiers'],
        op: '<=',
        right: ['feeDossiers'],
        instruction: 'Cột (5) không được lớn hơn cột (4).',
      },
    ],
  },
  {
    id: 'T4',
    sheet: 'T4 Phản ánh',
    title: 'TIẾP NHẬN, XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ',
    tables: [
      {
        id: 'T4',
        title: 'Phản ánh, kiến nghị',
        rows: 'unit',
        columns: [
          STT,
          UNIT,
          {
            key: 'received',
            label: 'Tổng số tiếp nhận',
            variants: ['Tiếp nhận', 'Đã tiếp nhận'],
            kind: 'count',
            width: 12,
          },
          { key: 'resolved', group: 'Đã giải quyết', label: 'Tổng số', kind: 'count', width: 11 },
          { key: 'resolvedOnTime', group: 'Đã giải quyết', label: 'Đúng hạn', kind: 'count', width: 11 },
          { key: 'resolvedLate', group: 'Đã giải quyết', label: 'Trễ hạn', kind: 'count', width: 11 },
          { key: 'inProcess', group: 'Đang giải quyết', label: 'Tổng số', kind: 'count', width: 11, ...PENDING },
          { key: 'inProcessOnTime', group: 'Đang giải quyết', label: 'Đúng hạn', kind: 'count', width: 11, ...PENDING },
          { key: 'inProcessLate', group: 'Đang giải quyết', label: 'Trễ hạn', kind: 'count', width: 11, ...PENDING },
        ],
      },
    ],
    rules: [
      {
        id: 'T4.TIEP-NHAN',
        table: 'T4',
        left: ['received'],
        op: '=',
        right: ['resolved', 'inProcess'],
        instruction: 'Tiếp nhận = đã giải quyết + đang giải quyết.',
      },
      {
        id: 'T4.DA-GIAI-QUYET',
        table: 'T4',
        left: ['resolved'],
        op: '=',
        right: ['resolvedOnTime', 'resolvedLate'],
        instruction: 'Đã giải quyết = đúng hạn + trễ hạn.',
      },
      {
        id: 'T4.DANG-GIAI-QUYET',
        table: 'T4',
        left: ['inProcess'],
        op: '=',
        right: ['inProcessOnTime', 'inProcessLate'],
        instruction: 'Đang giải quyết = đúng hạn + trễ hạn.',
      },
    ],
  },
  {
    id: 'T5',
    sheet: 'T5 Dự án',
    title: 'DANH MỤC DỰ ÁN, NHIỆM VỤ CNTT, CHUYỂN ĐỔI SỐ',
    tables: [
      {
        id: 'T5',
        title: 'Dự án, nhiệm vụ',
        rows: 'free',
        freeRows: 12,
        unitNote: 'Đơn vị tính: triệu đồng.',
        columns: [
          STT,
          {
            key: 'name',
            label: 'Tên dự án, nhiệm vụ',
            variants: ['Tên dự án', 'Tên nhiệm vụ'],
            kind: 'text',
            width: 36,
          },
          { key: 'lead', label: 'Cơ quan chủ trì', kind: 'text', width: 22 },
          {
            key: 'content',
            label: 'Mục tiêu, nội dung',
            variants: ['Mục tiêu, nội dung đầu tư (dự kiến)', 'Mục tiêu, nội dung đầu tư'],
            kind: 'text',
            optional: true,
            width: 30,
          },
          { key: 'period', label: 'Thời gian triển khai', kind: 'text', width: 14 },
          {
            key: 'fundSource',
            label: 'Nguồn vốn',
            variants: ['Nguồn vốn (ghi rõ)'],
            kind: 'text',
            list: ['NS thành phố', 'NS tỉnh', 'NS tỉnh, NS thành phố', 'NS trung ương', 'Khác'],
            width: 16,
          },
          {
            key: 'fundKind',
            label: 'Loại vốn',
            kind: 'status',
            list: ['Vốn đầu tư', 'Vốn sự nghiệp'],
            optional: true,
            width: 14,
          },
          {
            key: 'total',
            label: 'Tổng mức đầu tư',
            variants: ['Tổng mức đầu tư (dự kiến)'],
            kind: 'money',
            width: 14,
            ...BUDGET,
          },
          {
            key: 'yearBudget',
            label: 'Kế hoạch kinh phí năm',
            variants: PLAN_YEARS.flatMap((y) => [`Kế hoạch kinh phí năm ${y}`, `Kế hoạch phí năm ${y}`]),
            kind: 'money',
            optional: true,
            width: 14,
            ...BUDGET,
          },
          {
            key: 'started',
            label: 'Ngày bắt đầu',
            variants: ['Vận hành thử', 'Ngày vận hành thử'],
            kind: 'date',
            optional: true,
            width: 13,
          },
          {
            key: 'completed',
            label: 'Ngày hoàn thành',
            variants: ['Vận hành chính thức', 'Ngày vận hành chính thức'],
            kind: 'date',
            optional: true,
            width: 13,
          },
          { key: 'assessment', label: 'Đánh giá', kind: 'status', list: [...STATUSES], width: 24 },
          {
            key: 'progress',
            label: 'Tiến độ, ghi chú',
            variants: [
              'Ghi chú',
              'Tiến độ',
              'Tiến độ thực hiện',
              ...PLAN_YEARS.map((y) => `Tiến độ thực hiện năm ${y}`),
            ],
            kind: 'text',
            optional: true,
            width: 28,
          },
          // A plan (seed 004 Annex II/III) says what the year's money buys; the annex prints it when units fill it.
          {
            key: 'planContent',
            label: 'Dự kiến nội dung đầu tư năm',
            variants: [
              'Dự kiến nội dung thực hiện năm',
              'Dự kiến nội dung đầu tư',
              ...PLAN_YEARS.flatMap((y) => [`Dự kiến nội dung đầu tư năm ${y}`, `Dự kiến nội dung thực hiện năm ${y}`]),
            ],
            kind: 'text',
            optional: true,
            width: 28,
          },
        ],
      },
    ],
    rules: [
      {
        id: 'T5.KINH-PHI-NAM',
        table: 'T5',
        left: ['yearBudget'],
        op: '<=',
        right: ['total'],
        importance: 'trung-binh',
        instruction: 'Kinh phí năm không được lớn hơn tổng mức đầu tư.',
      },
    ],
  },
  {
    id: 'T6',
    sheet: 'T6 Tuân thủ',
    title: 'BAN HÀNH KẾ HOẠCH VÀ AN TOÀN HỆ THỐNG THÔNG TIN',
    tables: [
      {
        id: 'T6a',
        title: 'Kế hoạch đã ban hành',
        rows: 'fixed',
        fixedRows: ['Kế hoạch chuyển đổi số năm', 'Kế hoạch ứng phó sự cố'],
        columns: [
          STT,
          { key: 'plan', label: 'Loại kế hoạch', kind: 'text', width: 34 },
          { key: 'issued', label: 'Đã ban hành', variants: ['Đã thực hiện'], kind: 'mark', list: ['X'], width: 12 },
          { key: 'document', label: 'Số, ngày văn bản', kind: 'text', optional: true, width: 30 },
        ],
      },
      {
        id: 'T6b',
        title: 'Hệ thống thông tin và cấp độ an toàn',
        rows: 'free',
        freeRows: 5,
        columns: [
          STT,
          { key: 'system', label: 'Tên hệ thống thông tin', kind: 'text', width: 34 },
          { key: 'operator', label: 'Đơn vị vận hành', kind: 'text', width: 22 },
          { key: 'level', label: 'Cấp độ đề xuất', kind: 'level', list: ['1', '2', '3', '4', '5'], width: 10 },
          // Seed 001 Annex I: "Thời gian phê duyệt HSDXCĐ (theo Công văn số …)", the letter set aside as any
          // parentheses are; HSĐXCĐ is hồ sơ đề xuất cấp độ, and Đ folds to D.
          {
            key: 'deadline',
            label: 'Thời gian phê duyệt',
            variants: ['Thời hạn phê duyệt', 'Thời gian phê duyệt HSĐXCĐ'],
            kind: 'text',
            width: 14,
          },
          { key: 'state', label: 'Tình trạng', variants: ['Ghi chú'], kind: 'text', optional: true, width: 30 },
          // Seed 001 Annex I: the approval of the proposed level, chosen from a list so the annex can count it.
          {
            key: 'approval',
            label: 'Tình trạng phê duyệt',
            variants: ['Tình trạng phê duyệt hồ sơ', 'Phê duyệt hồ sơ đề xuất cấp độ'],
            kind: 'status',
            list: [...APPROVAL_STATES],
            optional: true,
            width: 30,
          },
          {
            key: 'approvedOn',
            label: 'Ngày phê duyệt',
            variants: ['Ngày phê duyệt hồ sơ'],
            kind: 'date',
            optional: true,
            width: 13,
          },
        ],
      },
    ],
    rules: [
      {
        id: 'T6.KE-HOACH-VAN-BAN',
        table: 'T6a',
        left: ['issued'],
        op: 'compulsory-pair',
        right: ['document'],
        // Low importance: a warning at the cell, never a reason to leave the unit out (the "X" still counts).
        importance: 'thap',
        missing: 'never',
        instruction: 'Kế hoạch đã ban hành thì ghi số, ngày văn bản.',
      },
    ],
  },
].map((f) => FamilySpec.parse(f));

export function family(id: string): FamilySpec {
  const f = FAMILIES.find((x) => x.id === id);
  if (!f) throw new Error(`Unknown family ${id}`);
  return f;
}

export function tableSpec(id: string) {
  for (const f of FAMILIES) for (const t of f.tables) if (t.id === id) return t;
  throw new Error(`Unknown table ${id}`);
}
