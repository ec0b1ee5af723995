import { plainSlug } from '../shared/text/slug';
import { describeError } from '../shared/errors/describe';
import { ReportOptions } from '../shared/report/schema';
import { clear, el } from './dom';

/**
 * What a host makes of the report: the .docx bytes the pane offers as a download (Excel), or a document
 * the host made and its address (Google Sheets: a Google Doc in the user's Drive). `note` says what the
 * host cannot do (Excel for Mac cannot save a download from a task pane).
 */
export type ReportOutput =
  | { kind: 'file'; name: string; bytes: Uint8Array; note?: string }
  | { kind: 'link'; name: string; url: string; note?: string };

/** The report's own fields; the issuer, number and date are the panel's, shared with the annexes' line. */
export type ReportFields = Omit<ReportOptions, 'issuer' | 'reportNo' | 'reportDate'>;

/** What the section says, in one table (Vietnamese first; the panes have no English copy yet). */
export const REPORT_TEXT = {
  summary: 'Báo cáo Word',
  help:
    'Báo cáo theo thể thức Nghị định 30/2020/NĐ-CP, viết từ số liệu của lần tổng hợp vừa chạy, kèm các phụ lục. ' +
    'Số, ngày và cơ quan ban hành lấy ở các ô phía trên.',
  parent: 'Cơ quan chủ quản (in phía trên cơ quan ban hành)',
  place: 'Địa danh (ghi trước ngày báo cáo)',
  recipients: 'Nơi nhận (mỗi dòng một nơi)',
  signerCapacity: 'Thẩm quyền ký',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Người ký',
  button: 'Tạo báo cáo (Word)',
  waiting: 'Bấm “Tổng hợp” trước: báo cáo viết từ kết quả tổng hợp.',
  busy: 'Đang tạo báo cáo…',
  tooMany: (n: number) => `Nơi nhận có ${n} dòng; tối đa 30 dòng.`,
  tooLong: (label: string) => `“${label}” dài quá 300 ký tự.`,
  fileDone: (name: string) => `Đã tạo báo cáo ${name}.`,
  fileLink: (name: string) => `Tải về ${name}`,
  fileAgain: 'Nếu tệp chưa tải về, bấm vào liên kết.',
  docDone: (name: string) => `Đã tạo tài liệu “${name}” trong Google Drive của bạn.`,
  docLink: 'Mở tài liệu',
  docWord: 'Bản Word: trong tài liệu chọn Tệp > Tải xuống > Microsoft Word (.docx).',
  badLink: 'Máy chủ trả về một địa chỉ không phải tài liệu Google: không hiển thị liên kết.',
} as const;

const PLACEHOLDER = {
  parent: 'UBND tỉnh Khánh Hòa',
  place: 'Khánh Hòa',
  recipients: 'UBND tỉnh Khánh Hòa\nSở Thông tin và Truyền thông',
  signerCapacity: 'TM. ỦY BAN NHÂN DÂN',
  signerTitle: 'CHỦ TỊCH',
  signerName: 'Nguyễn Văn A',
};

const MIME_DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** "6 tháng đầu năm 2023" → "bao-cao-6-thang-dau-nam-2023.docx": plain letters, so any disk and mail keep it. */
export function reportFileName(period: string | null | undefined): string {
  const slug = plainSlug(period);
  return slug ? `bao-cao-${slug}.docx` : 'bao-cao.docx';
}

/** The lines of the "Nơi nhận" box: one recipient a line, blanks dropped. */
export function recipientLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Why the fields cannot make a report (ReportOptions' limits, said in words), or null. */
export function fieldProblem(fields: ReportFields): string | null {
  const n = fields.recipients?.length ?? 0;
  if (n > 30) return REPORT_TEXT.tooMany(n);
  const named: Array<[keyof typeof PLACEHOLDER, string | undefined]> = [
    ['parent', fields.parent],
    ['place', fields.place],
    ['signerCapacity', fields.signerCapacity],
    ['signerTitle', fields.signerTitle],
    ['signerName', fields.signerName],
  ];
  const long = named.find(([, v]) => (v?.length ?? 0) > 300);
  if (long) return REPORT_TEXT.tooLong(REPORT_TEXT[long[0]]);
  const line = fields.recipients?.find((r) => r.length > 300);
  return line ? REPORT_TEXT.tooLong(REPORT_TEXT.recipients) : null;
}

export interface ReportSection {
  root: HTMLElement;
  /** A consolidation ran: the button works from now on. */
  ready(): void;
  /** A consolidation is running or failed: the last result is gone. */
  reset(): void;
}

/**
 * The collapsible "Báo cáo Word" part of the Tổng hợp panel: the report's own fields, the button, its
 * progress and result. `make` is the host's (ConsolidationBridge.report); `base` gives the panel's issuer,
 * number and date at the moment of the click.
 */
export function renderReportSection(
  make: (options: ReportOptions) => Promise<ReportOutput>,
  base: () => Pick<ReportOptions, 'issuer' | 'reportNo' | 'reportDate'>,
): ReportSection {
  const text = (id: string, key: keyof typeof PLACEHOLDER) =>
    el('input', { id, type: 'text', placeholder: PLACEHOLDER[key] });
  const parent = text('rep-parent', 'parent');
  const place = text('rep-place', 'place');
  const recipients = el('textarea', {
    id: 'rep-recipients',
    rows: '3',
    placeholder: PLACEHOLDER.recipients,
    // The panel's stylesheet sizes text inputs only; the box takes the same width.
    style: 'width:100%;box-sizing:border-box;padding:5px;font:inherit',
  });
  const capacity = text('rep-signer-capacity', 'signerCapacity');
  const title = text('rep-signer-title', 'signerTitle');
  const name = text('rep-signer-name', 'signerName');
  const run = el('button', { id: 'rep-run', type: 'button', disabled: 'true' }, REPORT_TEXT.button);
  const status = el('div', { id: 'rep-status', role: 'status', class: 'help' }, REPORT_TEXT.waiting);
  const result = el('div', { id: 'rep-result' });
  let url: string | null = null;
  const field = (label: string, input: HTMLElement) => el('label', { class: 'arg' }, el('span', {}, label), input);
  const value = (input: HTMLInputElement | HTMLTextAreaElement) => input.value.trim() || undefined;

  const create = async () => {
    const fields: ReportFields = {
      parent: value(parent),
      place: value(place),
      recipients: recipientLines(recipients.value),
      signerCapacity: value(capacity),
      signerTitle: value(title),
      signerName: value(name),
    };
    const problem = fieldProblem(fields);
    if (problem) {
      status.className = 'msg error';
      status.textContent = problem;
      return;
    }
    run.setAttribute('disabled', 'true');
    clear(result);
    status.className = 'msg busy';
    status.textContent = REPORT_TEXT.busy;
    try {
      const out = await make({ ...base(), ...fields });
      status.className = 'msg ok';
      if (out.kind === 'file') {
        if (url) URL.revokeObjectURL(url);
        url = offerFile(out, result);
        status.textContent = REPORT_TEXT.fileDone(out.name);
      } else {
        status.textContent = REPORT_TEXT.docDone(out.name);
        showLink(out.url, result);
      }
      if (out.note) result.appendChild(el('p', { id: 'rep-note', class: 'help' }, out.note));
    } catch (e) {
      status.className = 'msg error';
      status.textContent = describeError(e);
    } finally {
      run.removeAttribute('disabled');
    }
  };
  run.addEventListener('click', () => void create());

  const root = el(
    'details',
    { id: 'rep-section' },
    el('summary', {}, REPORT_TEXT.summary),
    el('p', { class: 'help' }, REPORT_TEXT.help),
    field(REPORT_TEXT.parent, parent),
    field(REPORT_TEXT.place, place),
    field(REPORT_TEXT.recipients, recipients),
    field(REPORT_TEXT.signerCapacity, capacity),
    field(REPORT_TEXT.signerTitle, title),
    field(REPORT_TEXT.signerName, name),
    run,
    status,
    result,
  );
  return {
    root,
    ready: () => {
      run.removeAttribute('disabled');
      status.className = 'help';
      status.textContent = '';
    },
    reset: () => {
      if (url) URL.revokeObjectURL(url);
      url = null;
      run.setAttribute('disabled', 'true');
      status.className = 'help';
      status.textContent = REPORT_TEXT.waiting;
      clear(result);
    },
  };
}

/**
 * The bytes as a download: a Blob behind an object URL, an <a download> clicked once, and left on screen for
 * a second try where the first was not let through. Returns the URL, revoked when the next report replaces it.
 */
function offerFile(out: Extract<ReportOutput, { kind: 'file' }>, into: HTMLElement): string {
  const blob = new Blob([out.bytes as Uint8Array<ArrayBuffer>], { type: MIME_DOCX });
  const href = URL.createObjectURL(blob);
  const a = el('a', { id: 'rep-download', href, download: out.name }, REPORT_TEXT.fileLink(out.name));
  into.append(el('p', {}, a), el('p', { class: 'help' }, REPORT_TEXT.fileAgain));
  a.click();
  return href;
}

/** A Google Doc's address as a link, only if it is one (the text comes from the server: never markup). */
function showLink(href: string, into: HTMLElement): void {
  if (!/^https:\/\/docs\.google\.com\//.test(href)) {
    into.appendChild(el('p', { class: 'msg error' }, REPORT_TEXT.badLink));
    return;
  }
  // The sidebar's links open outside its frame (HtmlService IFRAME mode: target _blank or _top,
  // https://developers.google.com/apps-script/migration/iframe).
  into.append(
    el('p', {}, el('a', { id: 'rep-open', href, target: '_blank', rel: 'noopener' }, REPORT_TEXT.docLink)),
    el('p', { class: 'help' }, REPORT_TEXT.docWord),
  );
}
