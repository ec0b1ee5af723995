import { isDxError } from './errors';

interface SystemError {
  code?: string;
  path?: string;
  message?: string;
}

/** What the operating system says, in the words a user reads (Node's codes; other hosts have none). */
const SYSTEM: Record<string, (path: string) => string> = {
  ENOENT: (p) => `Không tìm thấy tệp hoặc thư mục “${p}”.`,
  EISDIR: (p) => `“${p}” là một thư mục, không phải tệp.`,
  ENOTDIR: (p) => `“${p}” không phải là thư mục.`,
  EACCES: (p) => `Không có quyền đọc hoặc ghi “${p}”.`,
  EPERM: (p) => `Không có quyền đọc hoặc ghi “${p}”.`,
  ENOSPC: (p) => `Ổ đĩa đã đầy: không ghi được “${p}”.`,
  EROFS: (p) => `Ổ đĩa chỉ cho đọc: không ghi được “${p}”.`,
};

/** Zip and workbook libraries' words for a file that is not a readable .xlsx. */
const NOT_XLSX = /corrupted zip|end of central directory|end of data|invalid signature|is this a zip file/i;

/**
 * One sentence in Vietnamese for anything thrown: the product's own errors
 * carry theirs; system and library errors are translated here, once, for the
 * panes, the sidebar and the command line alike.
 */
export function describeError(e: unknown): string {
  if (isDxError(e)) return e.message;
  const s = (typeof e === 'object' && e !== null ? e : { message: String(e) }) as SystemError;
  const system = s.code ? SYSTEM[s.code] : undefined;
  if (system) return system(s.path ?? '');
  if (s.message && NOT_XLSX.test(s.message)) return 'Tệp hỏng hoặc không phải tệp Excel (.xlsx).';
  return s.message ?? String(e);
}
