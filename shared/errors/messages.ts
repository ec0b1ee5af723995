/** The one place where what is thrown becomes Vietnamese: a code, its values, its sentence. */
import { unknownUnit } from '../messages/wording';
import { formatNumber } from '../numbers/format';

export interface ErrorValues {
  'sheet-exists': { sheets: string[]; where: 'tệp' | 'bảng tính' };
  'not-owned': { sheets: string[] };
  cancelled: Record<string, never>;
  'missing-sheet': { sheet: string };
  'host-mode': Record<string, never>;
  'no-period': Record<string, never>;
  'unknown-unit': { name: string; suggestion?: string };
  'unreadable-period': { text: string };
  config: { sheet: string; issues: Array<{ sheet: string; cell: string; message: string }> };
  busy: Record<string, never>;
  'not-a-file': { file: string; kind: NotAFileKind };
  'file-too-large': { file: string; bytes: number; limit: number };
  'unzipped-too-large': { file: string; bytes: number; limit: number; part?: string };
  'zip-ratio': { file: string; part: string; ratio: number; limit: number };
  'too-many-cells': { file: string; cells: number; limit: number };
  'too-many-merges': { file: string; merges: number; limit: number };
  'old-xls': { file: string };
  encrypted: { file: string };
  ods: { file: string };
  'text-file': { file: string; kind: TextKind };
  'zip-not-workbook': { file: string; kind?: OtherZipKind };
  'not-a-workbook': { file: string; kind?: string };
  'empty-file': { file: string };
  truncated: { file: string };
  'workbook-unreadable': { file: string };
}
/** What a path is when it is not a regular file. */
export type NotAFileKind = 'directory' | 'fifo' | 'device' | 'socket' | 'other';
/** Text a user may have renamed to .xlsx, or exported from a web system as "Excel". */
export type TextKind = 'csv' | 'html' | 'xml' | 'text';
/** A zip that holds another Office document, or Excel's binary workbook. */
export type OtherZipKind = 'docx' | 'pptx' | 'xlsb';
export type ErrorCode = keyof ErrorValues;

const quoted = (names: string[]) => `“${names.join('”, “')}”`;
/** "Tệp “a.xlsx”", or "Tệp" when the bytes came without a name (a browser upload gives one). */
const theFile = (file: string) => (file ? `Tệp “${file}”` : 'Tệp');
/** 52428800 → "50 MB"; 1572864 → "1,5 MB". */
const megabytes = (bytes: number) => `${formatNumber(bytes / (1024 * 1024), bytes % (1024 * 1024) ? 1 : 0)} MB`;
const NOT_A_FILE: Record<NotAFileKind, string> = {
  directory: 'một thư mục',
  fifo: 'một ống dẫn (FIFO)',
  device: 'một thiết bị',
  socket: 'một điểm kết nối mạng',
  other: 'không phải tệp thông thường',
};
const TEXT_KIND: Record<TextKind, string> = {
  csv: 'văn bản CSV',
  html: 'trang web (HTML) đặt tên như tệp Excel',
  xml: 'tệp XML',
  text: 'văn bản',
};
const OTHER_ZIP: Record<OtherZipKind, string> = {
  docx: 'văn bản Word (.docx), không phải sổ Excel: gửi tệp .xlsx của biểu mẫu',
  pptx: 'bản trình chiếu PowerPoint (.pptx), không phải sổ Excel: gửi tệp .xlsx của biểu mẫu',
  xlsb: 'sổ Excel nhị phân (.xlsb): mở bằng Excel, chọn Tệp → Lưu thành → Sổ làm việc Excel (.xlsx) rồi gửi lại',
};
const SAVE_AS_XLSX = 'mở bằng Excel, chọn Tệp → Lưu thành → Sổ làm việc Excel (.xlsx) rồi gửi lại';

export const ERROR_MESSAGES: { [C in ErrorCode]: (v: ErrorValues[C]) => string } = {
  'sheet-exists': (v) =>
    `${v.where === 'tệp' ? 'Tệp' : 'Bảng tính'} đã có trang ${quoted(v.sheets)}: không ghi đè. ` +
    'Đổi tên hoặc xóa các trang đó rồi làm lại.',
  'not-owned': (v) =>
    `Bảng tính đã có trang ${quoted(v.sheets)} không do phần mềm tạo: không ghi đè. ` +
    'Đổi tên các trang đó rồi tổng hợp lại.',
  cancelled: () => 'Đã hủy: không ghi phụ lục nào.',
  'missing-sheet': (v) => `Không có trang “${v.sheet}”.`,
  config: (v) =>
    `${v.sheet} có ${v.issues.length} dòng sai: ${v.issues.map((i) => `${i.sheet}!${i.cell} ${i.message}`).join('; ')}`,
  'unknown-unit': (v) => unknownUnit(v.name, v.suggestion),
  'unreadable-period': (v) => `Không đọc được kỳ báo cáo “${v.text}” (ví dụ: 2023-06, 6/2023, Quý II/2023).`,
  'no-period': () => 'Chưa có báo cáo nào và chưa chọn kỳ tổng hợp: hãy chọn kỳ (ví dụ 2023-06).',
  'host-mode': () =>
    'Thao tác trên Google Trang tính phải chạy liền một mạch nhưng lại gặp một bước phải chờ (lỗi của phần mềm).',
  busy: () => 'Một người khác đang làm việc trên bảng tính này; thử lại sau ít giây.',
  'not-a-file': (v) => `“${v.file}” là ${NOT_A_FILE[v.kind]}, không phải tệp: chỉ đọc tệp .xlsx thông thường.`,
  'file-too-large': (v) =>
    `${theFile(v.file)} nặng ${megabytes(v.bytes)}, quá giới hạn ${megabytes(v.limit)}: không đọc. ` +
    'Xóa các trang, hình ảnh không cần thiết rồi lưu lại, hoặc tách thành nhiều tệp.',
  'unzipped-too-large': (v) =>
    `${theFile(v.file)}${v.part ? ` có phần “${v.part}”` : ''} khi giải nén lên tới ${megabytes(v.bytes)}, ` +
    `quá giới hạn ${megabytes(v.limit)}${v.part ? ' cho một phần' : ''}: không đọc. ` +
    'Xóa các dòng, cột và trang thừa rồi lưu lại, hoặc tách thành nhiều tệp.',
  'zip-ratio': (v) =>
    `${theFile(v.file)} có phần “${v.part}” nén tới ${formatNumber(v.ratio)}:1, ` +
    `quá giới hạn ${formatNumber(v.limit)}:1 (dấu hiệu của tệp “bom nén”): không đọc.` +
    ' Mở bằng Excel, xóa các dòng, cột thừa rồi lưu lại.',
  'too-many-cells': (v) =>
    `${theFile(v.file)} có ${formatNumber(v.cells)} ô và dòng đã dùng (kể cả ô chỉ có định dạng), ` +
    `quá giới hạn ${formatNumber(v.limit)}: không đọc. ` +
    'Xóa các dòng, cột thừa rồi lưu lại, hoặc tách thành nhiều tệp.',
  'too-many-merges': (v) =>
    `${theFile(v.file)} có một trang với ${formatNumber(v.merges)} vùng gộp ô, ` +
    `quá giới hạn ${formatNumber(v.limit)}: không đọc.` +
    ' Bỏ gộp ô (Trang đầu → Hợp nhất và Căn giữa → Hủy hợp nhất ô) ở các vùng thừa rồi lưu lại.',
  'old-xls': (v) => `${theFile(v.file)} là định dạng Excel cũ (.xls): ${SAVE_AS_XLSX}.`,
  encrypted: (v) =>
    `${theFile(v.file)} có mật khẩu: mở bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu lại.`,
  ods: (v) =>
    `${theFile(v.file)} là bảng tính OpenDocument (.ods): mở bằng LibreOffice hoặc Excel, ` +
    'lưu thành Sổ làm việc Excel (.xlsx) rồi gửi lại.',
  'text-file': (v) => `${theFile(v.file)} là ${TEXT_KIND[v.kind]}, không phải sổ Excel: ${SAVE_AS_XLSX}.`,
  'zip-not-workbook': (v) =>
    v.kind
      ? `${theFile(v.file)} là ${OTHER_ZIP[v.kind]}.`
      : `${theFile(v.file)} là tệp nén nhưng không chứa sổ Excel (không có xl/workbook.xml): ` +
        'gửi tệp .xlsx của biểu mẫu.',
  'not-a-workbook': (v) =>
    `${theFile(v.file)} không phải sổ Excel (.xlsx)${v.kind ? ` mà là ${v.kind}` : ''}: gửi tệp .xlsx của biểu mẫu.`,
  'empty-file': (v) => `${theFile(v.file)} rỗng (0 byte): lưu lại trong Excel rồi gửi lại.`,
  truncated: (v) =>
    `${theFile(v.file)} bị cắt cụt hoặc hỏng (tải về hoặc sao chép chưa xong): tải lại, hoặc đề nghị đơn vị gửi lại.`,
  'workbook-unreadable': (v) =>
    `${theFile(v.file)} có nội dung sổ làm việc không đọc được: mở bằng Excel, lưu lại rồi gửi lại.`,
};

/*
 * What the operating system, the libraries and zod say, in the words a user reads: describe.ts picks the
 * sentence, these tables hold them (one place for every sentence of this layer).
 */

/** Node's error codes for a path: the sentence names the path (other hosts have no codes). */
export const SYSTEM_MESSAGES: Record<string, (path: string) => string> = {
  ENOENT: (p) => `Không tìm thấy tệp hoặc thư mục “${p}”.`,
  EISDIR: (p) => `“${p}” là một thư mục, không phải tệp.`,
  ENOTDIR: (p) => `“${p}” không phải là thư mục.`,
  EACCES: (p) => `Không có quyền đọc hoặc ghi “${p}”.`,
  EPERM: (p) => `Không có quyền đọc hoặc ghi “${p}”.`,
  ENOSPC: (p) => `Ổ đĩa đã đầy: không ghi được “${p}”.`,
  EROFS: (p) => `Ổ đĩa chỉ cho đọc: không ghi được “${p}”.`,
  EEXIST: (p) => `“${p}” đã có: không ghi đè.`,
  EBUSY: (p) => `“${p}” đang được chương trình khác dùng (đóng tệp trong Excel rồi làm lại).`,
  EMFILE: (p) => `Mở quá nhiều tệp cùng lúc khi đọc “${p}”: làm lại với ít tệp hơn.`,
  ENAMETOOLONG: (p) => `Tên hoặc đường dẫn quá dài: “${p}”.`,
  ELOOP: (p) => `Đường dẫn “${p}” trỏ vòng (liên kết tượng trưng lặp).`,
  ENOTEMPTY: (p) => `Thư mục “${p}” không trống.`,
  EXDEV: (p) => `Không chuyển được “${p}” sang ổ đĩa khác.`,
  EIO: (p) => `Lỗi đọc ghi ổ đĩa ở “${p}”.`,
};

/** "Tệp “a.xlsx” …" or "Tệp …" when the caller does not know the file. */
const named = (file?: string) => (file ? `Tệp “${file}”` : 'Tệp');

/**
 * What the zip and workbook libraries (JSZip, ExcelJS) and JSON.parse throw, by a pattern of their English
 * message: each sentence says what is wrong with the file and what to do, never the library's words. The
 * patterns are English phrases only (a product sentence quoting "JSON" or ".docx" is not matched); what the
 * docx library throws is a fault of the product, said as UNEXPECTED.
 */
export const LIBRARY_MESSAGES: Array<{ pattern: RegExp; say: (file?: string) => string }> = [
  {
    pattern: /encrypted zip/i,
    say: (f) => `${named(f)} có mật khẩu: mở bằng Excel, bỏ mật khẩu rồi lưu lại.`,
  },
  {
    pattern: /corrupted zip|end of central directory|end of data|invalid signature|is this a zip file|crc32|bug :/i,
    say: (f) => `${named(f)} hỏng hoặc không phải tệp Excel (.xlsx): mở bằng Excel, lưu lại rồi gửi lại.`,
  },
  {
    pattern: /^File not found: (.*)$/,
    say: (f) => `Không tìm thấy tệp “${f ?? ''}”.`,
  },
  {
    pattern: /Unexpected token|Unexpected end of JSON|in JSON at position|Expected property name|is not valid JSON/,
    say: (f) =>
      `${named(f)} không phải JSON hợp lệ: mở bằng trình soạn thảo văn bản, sửa dấu ngoặc, dấu phẩy rồi lưu lại.`,
  },
  {
    pattern: /worksheet name|exceeds 31 chars|cannot merge|invalid address|out of bounds|shared formula/i,
    say: (f) => `${named(f)} có nội dung sổ làm việc không đọc hoặc ghi được: mở bằng Excel, lưu lại rồi làm lại.`,
  },
];

/** Anything else thrown whose words are not Vietnamese: said plainly, the details behind DX_DEBUG=1. */
export const UNEXPECTED = (file?: string) =>
  `Lỗi của phần mềm${file ? ` khi xử lý tệp “${file}”` : ''}, không phải do số liệu: ` +
  'thử lại; nếu vẫn lỗi, báo người hỗ trợ.';

/** zod's kinds of type, as a user would name what a cell or a field holds. */
const TYPE_VI: Record<string, string> = {
  string: 'chữ',
  number: 'số',
  boolean: 'đúng/sai',
  object: 'một mục',
  array: 'một danh sách',
  undefined: 'trống',
  null: 'trống',
  date: 'ngày',
};
const typeVi = (t: unknown) => TYPE_VI[String(t)] ?? String(t);

/** One issue of zod (v4), in the fields a user's file gives it; `where` is the cell or field it is about. */
export interface SchemaIssue {
  code: string;
  path?: ReadonlyArray<PropertyKey>;
  expected?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  values?: readonly unknown[];
  keys?: readonly string[];
  format?: unknown;
  message?: string;
}

/** What zod found wrong, as a clause: "phải là số", "đang trống", "chỉ nhận: a, b". */
export const ISSUE_MESSAGES: Record<string, (i: SchemaIssue) => string> = {
  invalid_type: (i) => (/received undefined/.test(i.message ?? '') ? 'đang thiếu' : `phải là ${typeVi(i.expected)}`),
  too_small: (i) =>
    i.origin === 'string' && Number(i.minimum) <= 1
      ? 'đang trống'
      : i.origin === 'array'
        ? `cần ít nhất ${formatNumber(Number(i.minimum))} mục`
        : `phải từ ${formatNumber(Number(i.minimum))} trở lên`,
  too_big: (i) =>
    i.origin === 'string'
      ? `dài quá ${formatNumber(Number(i.maximum))} ký tự`
      : i.origin === 'array'
        ? `nhiều quá ${formatNumber(Number(i.maximum))} mục`
        : `không được lớn hơn ${formatNumber(Number(i.maximum))}`,
  invalid_value: (i) => `chỉ nhận: ${(i.values ?? []).map((v) => `“${String(v)}”`).join(', ')}`,
  invalid_format: () => 'viết không đúng dạng',
  unrecognized_keys: (i) => `có trường không dùng đến: ${(i.keys ?? []).map((k) => `“${k}”`).join(', ')}`,
  not_multiple_of: () => 'không đúng bước số',
  invalid_union: () => 'giá trị không đúng',
  invalid_key: () => 'có tên trường không đúng',
  invalid_element: () => 'có phần tử không đúng',
  custom: () => 'giá trị không đúng',
};

/** "mục 4 › “name”": a path in a JSON file, list positions counted from 1 as a reader counts. */
export const issuePath = (path: ReadonlyArray<PropertyKey> = []) =>
  path.map((p) => (typeof p === 'number' ? `mục ${p + 1}` : `“${String(p)}”`)).join(' › ');

/** One issue as a sentence part: "“units” › mục 4 › “name”: đang trống". */
export function issueSentence(i: SchemaIssue): string {
  const what = (ISSUE_MESSAGES[i.code] ?? ISSUE_MESSAGES.custom)(i);
  const where = issuePath(i.path);
  return where ? `${where}: ${what}` : what;
}

/** A schema's refusal of a user's file (a registry, a mapping), each issue where it is, at most `max` listed. */
export function schemaRefusal(issues: readonly SchemaIssue[], file?: string, max = 5): string {
  const listed = issues.slice(0, max).map(issueSentence).join('; ');
  const more = issues.length > max ? `; và ${formatNumber(issues.length - max)} chỗ khác` : '';
  return `${file ? `Tệp “${file}”` : 'Dữ liệu'} không đúng mẫu: ${listed}${more}.`;
}
