/**
 * The command line's one table of commands and flags: parsing and `dx-report help` both read it, so what
 * the help lists is exactly what is accepted. Every flag's value is checked here, before any work.
 */
import * as fs from 'fs';
import { daysInMonth, parseDay } from '../shared/dates/date';
import { parsePeriod } from '../shared/dates/period';

/**
 * How a command is typed in what the product prints (usage lines, hints to copy): `dx-report` is the package's
 * bin, not on PATH after a clone; `npx` finds it inside the project folder (README, *Cách chạy*).
 */
export const PROGRAM = 'npx dx-report';

/** A wrong call: said in one Vietnamese line, exit 2. */
export class UsageError extends Error {}

/** A refusal before or instead of writing (a file that is not ours, a busy output…), with its exit code. */
export class Refused extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Exit codes of every command. */
export const EXIT = {
  ok: 0,
  /** Errors found (validate), nothing consolidated, an output refused. */
  failed: 1,
  /** A wrong call, a file that cannot be read. */
  usage: 2,
} as const;

export interface FlagSpec {
  name: string;
  /** The value's placeholder in the help; a flag without one is a switch. */
  value?: string;
  help: string;
  required?: boolean;
  /** Required unless this other switch is given, and then refused (`template --unit` without `--all`). */
  unless?: string;
  /** Only with this other switch (`template --out-dir` with `--all`). */
  with?: string;
  /** May be given more than once (--col, --mapping). */
  repeat?: boolean;
  /** Why the value is wrong, or undefined when it is right. */
  check?: (value: string) => string | undefined;
}

export interface CommandSpec {
  name: string;
  /** The words after the command, as the help shows them. */
  usage: string;
  summary: string;
  words: { min: number; max: number };
  flags: FlagSpec[];
}

let tableIdList: string[] | undefined;
/**
 * The ids of the tables `map --table` takes. The families (and zod, which checks them) are loaded when a table
 * is named or `map`'s help is shown, not for every command: `dx-report fn` starts in about a bare `node`'s time.
 */
function tableIds(): string[] {
  const { FAMILIES } = require('../shared/templates/families') as typeof import('../shared/templates/families');
  return (tableIdList ??= FAMILIES.flatMap((f) => f.tables.map((t) => t.id)));
}

// ---- value checks ----

const ends = (exts: string[]) => (v: string) =>
  exts.some((e) => v.toLowerCase().endsWith(e)) ? undefined : `tên tệp phải có đuôi ${exts.join(' hoặc ')}`;

/** A file to write: its extension; a file of another kind already there is not touched, and the message says so. */
const outputName = (exts: string[]) => (v: string) => {
  const ext = ends(exts)(v);
  return ext && fs.existsSync(v) ? `${ext} (tệp đã có: không ghi đè)` : ext;
};

/** An existing regular file with one of the extensions. */
const existingFile = (exts: string[]) => (v: string) => {
  const ext = ends(exts)(v);
  if (ext) return ext;
  let st: fs.Stats;
  try {
    st = fs.statSync(v);
  } catch {
    return `không tìm thấy tệp “${v}”`;
  }
  if (st.isDirectory()) return `“${v}” là một thư mục, không phải tệp`;
  if (!st.isFile()) return `“${v}” không phải là một tệp thông thường`;
  return undefined;
};

/** A reporting period: a month, a quarter, six or nine months, a year — not a single day, not "Thường xuyên". */
function periodCheck() {
  return (v: string): string | undefined => {
    const example = 'ví dụ: 2023-06, 6/2023, Quý II/2023, 2023';
    const p = parsePeriod(v);
    if (!p || !p.end) return `không đọc được kỳ (${example})`;
    if (p.start.d !== 1 || p.end.d !== daysInMonth(p.end.y, p.end.m))
      return `là một ngày, không phải một kỳ báo cáo (${example})`;
    return undefined;
  };
}

const dayOfMonth = (v: string) =>
  /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 31 ? undefined : 'là một ngày trong tháng, từ 1 đến 31';

const rowNumber = (v: string) =>
  /^\d{1,7}$/.test(v) && Number(v) >= 1 && Number(v) <= 1048576 ? undefined : 'là số dòng, từ 1 đến 1048576';

const nonEmpty = (v: string) => (v.trim() ? undefined : 'không được để trống');

/** Text for a title line: not empty, one line (a line break would split the annex's "(Kèm theo …)" line). */
const oneLine = (v: string) => nonEmpty(v) ?? (/[\r\n]/.test(v) ? 'phải viết trên một dòng' : undefined);

/** A report's date: a real day, as "11/5/2023" or "2023-05-11". */
const reportDay = (v: string) => (parseDay(v) ? undefined : 'không đọc được ngày (ví dụ: 11/5/2023 hoặc 2023-05-11)');

const columnPair = (v: string) => {
  const m = /^([A-Za-z][A-Za-z0-9]*)=([A-Za-z]{1,3})$/.exec(v);
  if (!m) return 'viết dạng khóa=CỘT (ví dụ: received=C)';
  const letters = m[2].toUpperCase();
  if (letters.length === 3 && letters > 'XFD') return `cột “${letters}” vượt quá cột cuối XFD`;
  return undefined;
};

const tableId = (v: string) => {
  const ids = tableIds();
  if (ids.includes(v)) return undefined;
  const near = nearest(v, ids);
  return `không có bảng “${v}”${near ? `; có phải ${near}?` : ''} (các bảng: ${ids.join(', ')})`;
};

// ---- the table ----

const JSON_FLAG: FlagSpec = { name: 'json', help: 'in kết quả dạng JSON' };
/** The deadline of `consolidate` and `missing`: the same day of the same rule (Phụ lục II's). */
const DEADLINE_FLAG: FlagSpec = {
  name: 'deadline-day',
  value: 'N',
  help: 'hạn nộp: ngày N của tháng sau kỳ (1–31, mặc định 20)',
  check: dayOfMonth,
};
/** A period that may be a month or a longer range (`consolidate`, `missing`), as `label` says it. */
const rangePeriodFlag = (label: string): FlagSpec => ({
  name: 'period',
  value: 'YYYY-MM',
  help:
    `${label}: tháng (2023-06), quý (2023-Q3), 6 tháng (2023-H1), 9 tháng (2023-9M), năm (2023); ` +
    'mặc định: kỳ mới nhất nhận được',
  check: periodCheck(),
});
const MAPPING_FLAG: FlagSpec = {
  name: 'mapping',
  value: 'ÁNH_XẠ.json',
  repeat: true,
  help: 'tệp ánh xạ cột do `map --out` ghi ở nơi khác (tệp <tên>.dx-anh-xa.json cạnh phiếu được đọc tự động)',
  check: existingFile(['.json']),
};

const CONFIG_FLAG: FlagSpec = {
  name: 'config',
  value: 'CẤU_HÌNH.xlsx',
  help: 'sổ mẫu của văn phòng có trang DX_CauHinh: danh mục chỉ tiêu, chỉ tiêu giao và quy tắc áp dụng (chỉ đọc)',
  check: existingFile(['.xlsx']),
};

export const COMMANDS: CommandSpec[] = [
  {
    name: 'fn',
    usage: 'TÊN_HÀM ĐỐI_SỐ...',
    summary: `tính một hàm DX_ (ví dụ: ${PROGRAM} fn DX_RATE 103.223 311.736)`,
    words: { min: 0, max: Infinity },
    flags: [
      JSON_FLAG,
      {
        name: 'batch',
        help:
          'mỗi dòng của đầu vào chuẩn là một lời gọi JSON: ["DX_RATE", "103.223", "311.736"] hoặc ' +
          '{"fn": "DX_RATE", "args": [...]} (chữ đọc như trên dòng lệnh; số, true/false, null là đúng ô đó; mảng là ' +
          'vùng ô); in mỗi lời gọi một dòng JSON như --json, thêm "line" (số dòng) và "code" (0 xong, 1 hàm trả ' +
          'lỗi, 2 dòng sai, kèm "message"); dòng trống bỏ qua, dòng sai không dừng lô; mã thoát 0 (2: không đọc ' +
          'được đầu vào)',
      },
    ],
  },
  {
    name: 'template',
    usage: '',
    summary: 'tạo phiếu báo cáo của một đơn vị',
    words: { min: 0, max: 0 },
    flags: [
      {
        name: 'unit',
        value: 'TÊN',
        required: true,
        unless: 'all',
        help: 'đơn vị báo cáo (theo danh mục)',
        check: nonEmpty,
      },
      {
        name: 'period',
        value: 'YYYY-MM',
        required: true,
        help: 'kỳ báo cáo (2023-06, 6/2023, Quý II/2023, 2023)',
        check: periodCheck(),
      },
      {
        name: 'out',
        value: 'TỆP.xlsx',
        required: true,
        unless: 'all',
        help: 'tệp sẽ tạo (tệp đã có: không ghi đè)',
        check: outputName(['.xlsx']),
      },
      { name: 'preparer', value: 'TÊN', help: 'người lập', check: nonEmpty },
      CONFIG_FLAG,
      {
        name: 'all',
        help:
          'tạo phiếu cho mọi đơn vị của danh mục có trong kỳ, mỗi đơn vị một tệp ' +
          '(cần --registry hoặc --province, và --out-dir)',
      },
      {
        name: 'registry',
        value: 'DANH_MUC.xlsx|.json',
        help:
          'danh mục đơn vị của văn phòng (điện thoại, thư điện tử của đơn vị, nếu có, được ghi vào phiếu; ' +
          'chỉ tiêu không áp dụng được đánh dấu)',
        check: existingFile(['.xlsx', '.json']),
      },
      {
        name: 'province',
        value: 'MÃ|TÊN',
        with: 'all',
        help: 'hoặc: các xã, phường, đặc khu của một tỉnh từ 01/07/2025 (mã như 56 hoặc tên)',
        check: (v) => (require('./registry') as typeof import('./registry')).provinceCheck(v),
      },
      {
        name: 'out-dir',
        value: 'THƯ_MỤC',
        with: 'all',
        help: 'thư mục chứa các phiếu (chưa có thì được tạo)',
        check: nonEmpty,
      },
      { name: 'force', help: 'ghi đè tệp đã có (vẫn ghi an toàn: tệp cũ còn nguyên nếu ghi hỏng)' },
      JSON_FLAG,
    ],
  },
  {
    name: 'validate',
    usage: 'TỆP_HOẶC_THƯ_MỤC...',
    summary:
      'kiểm tra phiếu báo cáo (0: không lỗi, 1: có lỗi, 2: không đọc được tệp); thư mục được duyệt cả thư mục con',
    words: { min: 1, max: Infinity },
    flags: [
      {
        name: 'period',
        value: 'YYYY-MM',
        help: 'kỳ đang kiểm tra: phiếu của kỳ khác là lỗi',
        check: periodCheck(),
      },
      CONFIG_FLAG,
      MAPPING_FLAG,
      JSON_FLAG,
    ],
  },
  {
    name: 'consolidate',
    usage: 'TỆP_HOẶC_THƯ_MỤC...',
    summary: 'tổng hợp các phiếu thành phụ lục (Phụ lục I–VIII, Nguồn số liệu); thư mục được duyệt cả thư mục con',
    words: { min: 1, max: Infinity },
    flags: [
      {
        name: 'out',
        value: 'PHU_LUC.xlsx',
        required: true,
        help: 'tệp phụ lục (chỉ ghi đè tệp do dx-report tạo)',
        check: outputName(['.xlsx']),
      },
      {
        name: 'html',
        value: 'BAO_CAO.html',
        help: 'báo cáo HTML in được (chỉ ghi đè báo cáo do dx-report tạo)',
        check: outputName(['.html', '.htm']),
      },
      {
        name: 'docx',
        value: 'BAO_CAO.docx',
        help:
          'báo cáo Word theo thể thức Nghị định 30/2020/NĐ-CP, kèm các phụ lục ' +
          '(chỉ ghi đè báo cáo dx-report tạo mà chưa ai sửa)',
        check: outputName(['.docx']),
      },
      {
        name: 'tidy',
        value: 'DU_LIEU.csv',
        help: 'dữ liệu dạng bảng dọc (mỗi đơn vị × kỳ × số liệu một dòng) cho Power BI, Looker Studio, DuckDB',
        check: outputName(['.csv']),
      },
      {
        name: 'registry',
        value: 'DANH_MUC.xlsx|.json',
        help: 'danh mục đơn vị của văn phòng',
        check: existingFile(['.xlsx', '.json']),
      },
      rangePeriodFlag('kỳ tổng hợp'),
      DEADLINE_FLAG,
      {
        name: 'report-no',
        value: 'SỐ',
        help: 'số, ký hiệu báo cáo kèm theo (ví dụ: 1372/BC-BCĐCĐS), ghi vào dòng “(Kèm theo Báo cáo số …)”',
        check: oneLine,
      },
      {
        name: 'report-date',
        value: 'NGÀY',
        help: 'ngày của báo cáo (11/5/2023 hoặc 2023-05-11), ghi dạng 11/5/2023',
        check: reportDay,
      },
      {
        name: 'issuer',
        value: 'CƠ_QUAN',
        help: 'cơ quan ban hành báo cáo (ví dụ: “Ban Chỉ đạo chuyển đổi số tỉnh Khánh Hòa”)',
        check: oneLine,
      },
      {
        name: 'parent',
        value: 'CƠ_QUAN',
        help: 'cơ quan chủ quản, in trên cơ quan ban hành (ví dụ: “UBND tỉnh Khánh Hòa”)',
        check: oneLine,
      },
      {
        name: 'place',
        value: 'ĐỊA_DANH',
        help: 'địa danh ghi trước ngày của báo cáo (ví dụ: “Khánh Hòa”)',
        check: oneLine,
      },
      {
        name: 'recipient',
        value: 'NƠI_NHẬN',
        repeat: true,
        help: 'một dòng “Nơi nhận” (nhắc lại cho mỗi nơi)',
        check: oneLine,
      },
      {
        name: 'signer-capacity',
        value: 'THẨM_QUYỀN',
        help: 'thẩm quyền ký (ví dụ: “TM. ỦY BAN NHÂN DÂN”, “KT. TRƯỞNG BAN”)',
        check: oneLine,
      },
      { name: 'signer-title', value: 'CHỨC_VỤ', help: 'chức vụ người ký (ví dụ: “Chủ tịch”)', check: oneLine },
      { name: 'signer-name', value: 'HỌ_TÊN', help: 'họ và tên người ký', check: oneLine },
      { name: 'include-errors', help: 'tổng hợp cả đơn vị còn lỗi' },
      { name: 'allow-empty', help: 'vẫn ghi phụ lục khi không có đơn vị nào được tổng hợp' },
      CONFIG_FLAG,
      MAPPING_FLAG,
      JSON_FLAG,
    ],
  },
  {
    name: 'missing',
    usage: 'TỆP_HOẶC_THƯ_MỤC...',
    summary:
      'danh sách đơn vị chưa nộp báo cáo của kỳ, kèm người lập, điện thoại của báo cáo gần nhất ' +
      '(đọc cả các tháng trước); thư mục được duyệt cả thư mục con',
    words: { min: 1, max: Infinity },
    flags: [
      {
        name: 'registry',
        value: 'DANH_MUC.xlsx|.json',
        help: 'danh mục đơn vị của văn phòng (liên hệ: cột Thư điện tử/Điện thoại)',
        check: existingFile(['.xlsx', '.json']),
      },
      rangePeriodFlag('kỳ'),
      DEADLINE_FLAG,
      {
        name: 'out',
        value: 'CHUA_NOP.csv|.xlsx',
        help: 'ghi danh sách ra CSV hoặc .xlsx (trang DX_ChuaNop); chỉ ghi đè tệp do dx-report tạo',
        check: outputName(['.csv', '.xlsx']),
      },
      CONFIG_FLAG,
      MAPPING_FLAG,
      JSON_FLAG,
    ],
  },
  { name: 'catalogue', usage: '', summary: 'danh mục chỉ tiêu', words: { min: 0, max: 0 }, flags: [JSON_FLAG] },
  {
    name: 'registry',
    usage: '',
    summary: 'danh mục đơn vị (có sẵn, hoặc xã, phường, đặc khu của một tỉnh từ 01/07/2025)',
    words: { min: 0, max: 0 },
    flags: [
      {
        name: 'code',
        value: 'MÃ',
        help: 'chỉ một danh mục có sẵn (NT, KH, VT); với --json: một danh mục, lưu được làm tệp --registry',
        // Loaded on use, as --province.
        check: (v) => (require('./lists') as typeof import('./lists')).builtInCheck(v),
      },
      {
        name: 'province',
        value: 'MÃ|TÊN',
        help: 'tỉnh, thành phố từ 01/07/2025 (mã như 56 hoặc tên như “Khánh Hòa”): các xã, phường, đặc khu theo mã',
        // Loaded on use: the 34 provinces' data is not read by the other commands.
        check: (v) => (require('./registry') as typeof import('./registry')).provinceCheck(v),
      },
      JSON_FLAG,
    ],
  },
  {
    name: 'tables',
    usage: 'TỆP.xlsx',
    summary: 'các bảng nhận ra trong một tệp',
    words: { min: 1, max: 1 },
    flags: [MAPPING_FLAG, JSON_FLAG],
  },
  {
    name: 'map',
    usage: 'TỆP.xlsx',
    summary: 'lưu ánh xạ cột cho bảng có tiêu đề lạ vào tệp <tên>.dx-anh-xa.json cạnh TỆP.xlsx (TỆP.xlsx không bị ghi)',
    words: { min: 1, max: 1 },
    flags: [
      { name: 'sheet', value: 'TRANG', required: true, help: 'trang tính chứa bảng', check: nonEmpty },
      {
        name: 'table',
        value: 'BẢNG',
        required: true,
        get help() {
          return `loại bảng (${tableIds().join(', ')})`;
        },
        check: tableId,
      },
      {
        name: 'header-row',
        value: 'N',
        help: 'dòng tiêu đề (dòng cuối nếu tiêu đề hai dòng); mặc định: dòng tiêu đề đã nhận ra',
        check: rowNumber,
      },
      {
        name: 'col',
        value: 'khóa=CỘT',
        repeat: true,
        help:
          'cột của một trường còn thiếu (ví dụ: received=C); các cột đã nhận ra được lấy sẵn; ' +
          'chạy không có --col để xem các trường còn thiếu và các khóa dùng được',
        check: columnPair,
      },
      {
        name: 'out',
        value: 'ÁNH_XẠ.json',
        help: 'ghi ánh xạ vào tệp khác (đọc lại bằng --mapping)',
        check: outputName(['.json']),
      },
      { name: 'force', help: 'ghi đè tệp --out đã có không do dx-report tạo' },
      JSON_FLAG,
    ],
  },
  {
    name: 'demo',
    usage: '',
    summary: 'thành phố mẫu: tạo phiếu, kiểm tra, tổng hợp vào out/',
    words: { min: 0, max: 0 },
    flags: [],
  },
  { name: 'help', usage: '[LỆNH]', summary: 'hướng dẫn này (hoặc của một lệnh)', words: { min: 0, max: 1 }, flags: [] },
];

export const commandSpec = (name: string) => COMMANDS.find((c) => c.name === name);

// ---- parsing ----

export interface Args {
  command: string;
  words: string[];
  flags: Record<string, string[]>;
}

/** The command line read against the table: a command and its checked flags, or a request for help. */
export type Parsed = { help: string | null } | { args: Args };

/** Optimal-string-alignment distance: "peroid" is one step from "period". */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/** The closest candidate, when it is close enough to be a typo. */
export function nearest(word: string, candidates: string[]): string | undefined {
  const w = word.toLowerCase().slice(0, 64);
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

const isFlag = (a: string) => /^--?[A-Za-z]/.test(a);

function unknownFlag(spec: CommandSpec, name: string): UsageError {
  const dashed = `--${name}`;
  const near = nearest(
    name,
    spec.flags.map((f) => f.name),
  );
  if (near) return new UsageError(`${dashed}: không có tùy chọn này; có phải --${near}?`);
  const elsewhere = COMMANDS.filter((c) => c.flags.some((f) => f.name === name)).map((c) => c.name);
  if (elsewhere.length)
    return new UsageError(
      `${dashed}: lệnh ${spec.name} không có tùy chọn này (chỉ dùng với: ${elsewhere.join(', ')}).`,
    );
  const list = spec.flags.map((f) => `--${f.name}`).join(', ');
  return new UsageError(`${dashed}: không có tùy chọn này${list ? ` (lệnh ${spec.name} nhận: ${list})` : ''}.`);
}

export function parseCommandLine(argv: string[]): Parsed {
  const [first, ...rest] = argv;
  if (first === undefined) return { help: '' };
  if (first === '--help' || first === '-h' || first === 'help') {
    if (rest.length > 1) throw new UsageError(`Thừa đối số “${rest[1]}”: ${PROGRAM} help [LỆNH]`);
    if (rest[0] !== undefined && !commandSpec(rest[0])) throw unknownCommand(rest[0]);
    return { help: rest[0] ?? null };
  }
  const spec = commandSpec(first);
  if (!spec) throw unknownCommand(first);
  const args: Args = { command: spec.name, words: [], flags: {} };
  let literal = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (literal || !isFlag(a)) {
      args.words.push(a);
      continue;
    }
    if (a === '--') {
      literal = true;
      continue;
    }
    if (a === '--help' || a === '-h') return { help: spec.name };
    if (!a.startsWith('--')) throw new UsageError(`${a}: không có tùy chọn này (tùy chọn viết dạng --tên).`);
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    const f = spec.flags.find((x) => x.name === name);
    if (!f) throw unknownFlag(spec, name);
    let value: string;
    if (!f.value) {
      if (eq > 0) throw new UsageError(`--${name} không nhận giá trị.`);
      value = 'true';
    } else if (eq > 0) value = a.slice(eq + 1);
    else {
      const next = rest[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2))
        throw new UsageError(`Thiếu giá trị cho --${name} (${f.value}).`);
      value = next;
      i++;
    }
    if (args.flags[name] && !f.repeat) throw new UsageError(`--${name} chỉ được ghi một lần.`);
    const wrong = f.value ? f.check?.(value) : undefined;
    if (wrong) throw new UsageError(`--${name} ${value}: ${wrong}.`);
    (args.flags[name] ??= []).push(value);
  }
  // A flag out of place first: it says more than the missing one it implies (--out-dir without --all).
  for (const f of spec.flags) {
    const given = Boolean(args.flags[f.name]);
    if (f.unless && args.flags[f.unless] && given)
      throw new UsageError(`--${f.name} không dùng cùng --${f.unless}. Cách dùng: ${usageLine(spec)}`);
    if (f.with && given && !args.flags[f.with])
      throw new UsageError(`--${f.name} chỉ dùng cùng --${f.with}. Cách dùng: ${usageLine(spec)}`);
  }
  for (const f of spec.flags)
    if (f.required && !args.flags[f.name] && !(f.unless && args.flags[f.unless]))
      throw new UsageError(`Cần --${f.name} ${f.value}. Cách dùng: ${usageLine(spec)}`);
  if (args.words.length < spec.words.min)
    throw new UsageError(`Thiếu ${spec.usage.replace(/\.\.\.$/, '')}. Cách dùng: ${usageLine(spec)}`);
  if (args.words.length > spec.words.max)
    throw new UsageError(`Thừa đối số “${args.words[spec.words.max]}”. Cách dùng: ${usageLine(spec)}`);
  return { args };
}

function unknownCommand(name: string): UsageError {
  const near = nearest(
    name,
    COMMANDS.map((c) => c.name),
  );
  return new UsageError(
    `Lệnh không rõ: ${name}${near ? `; có phải ${near}?` : ''} (các lệnh: ${COMMANDS.map((c) => c.name).join(', ')}).`,
  );
}

function declared(args: Args, name: string): void {
  if (!commandSpec(args.command)?.flags.some((f) => f.name === name))
    throw new Error(`--${name} chưa được khai báo cho lệnh ${args.command} trong cli/args.ts`);
}

/** The value of a flag declared for the command (undefined when not given). */
export function flag(args: Args, name: string): string | undefined {
  declared(args, name);
  const v = args.flags[name];
  return v?.[v.length - 1];
}

/** Every value of a repeatable flag. */
export function flags(args: Args, name: string): string[] {
  declared(args, name);
  return args.flags[name] ?? [];
}

/** Whether a switch was given. */
export function has(args: Args, name: string): boolean {
  declared(args, name);
  return Boolean(args.flags[name]);
}

// ---- help ----

export function usageLine(spec: CommandSpec): string {
  const parts = [`${PROGRAM} ${spec.name}`];
  if (spec.usage) parts.push(spec.usage);
  for (const f of spec.flags) {
    const text = `--${f.name}${f.value ? ` ${f.value}` : ''}${f.repeat ? ' ...' : ''}`;
    parts.push(f.required ? text : `[${text}]`);
  }
  return parts.join(' ');
}

function commandHelp(spec: CommandSpec): string {
  const width = Math.max(0, ...spec.flags.map((f) => `--${f.name}${f.value ? ` ${f.value}` : ''}`.length));
  const lines = [`  ${usageLine(spec)}`, `      ${spec.summary}`];
  for (const f of spec.flags) {
    const left = `--${f.name}${f.value ? ` ${f.value}` : ''}`.padEnd(width);
    const must = f.required ? (f.unless ? ` (bắt buộc, trừ khi có --${f.unless})` : ' (bắt buộc)') : '';
    const only = f.with ? ` (chỉ cùng --${f.with})` : '';
    lines.push(`      ${left}  ${f.help}${must}${only}${f.repeat ? ' (lặp lại được)' : ''}`);
  }
  return lines.join('\n');
}

const FOOTER = `Mã thoát: 0 xong; 1 có lỗi trong phiếu, không tổng hợp được đơn vị nào, hoặc từ chối ghi
(tệp đã có không do dx-report tạo, đang có lần chạy khác ghi cùng tệp); 2 gọi sai lệnh (kể cả tệp kết quả trùng
tệp đầu vào, thư mục không có) hoặc không đọc được tệp.
Mọi tệp kết quả được ghi vào tệp tạm cạnh nó rồi mới đổi tên: ghi hỏng hay bị ngắt thì tệp cũ còn nguyên.
Một vùng ô viết dạng JSON: ${PROGRAM} fn DX_SUMRATE '[10,6]' '[16,10]'. Tên tệp bắt đầu bằng -- đặt sau --.
DX_DEBUG=1: in chi tiết kỹ thuật khi có lỗi không mong đợi. --help sau một lệnh: hướng dẫn của lệnh đó.`;

export function helpText(command?: string | null): string {
  const spec = command ? commandSpec(command) : undefined;
  if (spec) return `${commandHelp(spec)}\n`;
  return (
    `dx-report — báo cáo chuyển đổi số (Digital-transformation reporting)\n` +
    `Chạy trong thư mục dự án: ${PROGRAM} LỆNH … (hoặc node bin/dx-report LỆNH …).\n\nCách dùng:\n` +
    `${COMMANDS.map(commandHelp).join('\n')}\n\n${FOOTER}\n`
  );
}
