import { describeError } from '../shared/errors/describe';
import { SourceRef } from '../shared/consolidate/collect';
import { digestOf, DigestSection, sectionHeading } from '../shared/consolidate/digest';
import { MissingListSource } from '../shared/consolidate/missing-list';
import { ConsolidateSummary } from '../shared/operations/consolidate-op';
import { ReportOptions } from '../shared/report/schema';
import { SheetSnapshot } from '../shared/workbook/port';
import { clear, el } from './dom';
import { driveLink, offerDownload } from './download';
import { renderReportSection, ReportOutput } from './report-section';

export interface ConsolidateOptionsInput {
  period?: string;
  deadlineDay?: number;
  includeErrors: boolean;
  attachedTo?: string;
  /** The report the annexes go with: "1372/BC-BCĐCĐS", "11/5/2023", "Ban Chỉ đạo chuyển đổi số tỉnh Khánh Hòa". */
  reportNo?: string;
  reportDate?: string;
  issuer?: string;
  /** The moment of the run: the pane reads the clock, the core never does. */
  now?: Date;
}

/** What the consolidation panel needs from its host. */
export interface ConsolidationBridge {
  /** Excel: .xlsx files picked in the pane, read inside the pane. */
  readFile?(file: File): Promise<{ source: SourceRef; sheets: SheetSnapshot[] }>;
  /** Google Sheets: the unit spreadsheets listed in the registry sheet, and unit tabs. */
  listSources?(): Promise<Array<{ id: string; label: string }>>;
  readSource?(id: string): Promise<{ source: SourceRef; sheets: SheetSnapshot[] }>;
  write(
    sources: Array<{ source: SourceRef; sheets: SheetSnapshot[] }>,
    opts: ConsolidateOptionsInput,
    cancelled: () => boolean,
  ): Promise<ConsolidateSummary>;
  /**
   * "Ghi danh sách chưa nộp": the units that sent nothing, with whom to call, written as the product's own sheet
   * DX_ChuaNop (listed in DX_SoHuu: a later export replaces it, never a sheet of the user's); the message to show.
   */
  writeMissing?(list: MissingListSource): Promise<string>;
  /**
   * "Tải CSV": the same list as the command line's `missing --out chua-nop.csv` (UTF-8 with its byte order mark,
   * fields a spreadsheet would run guarded) — a download in the Excel pane, a file in Drive from the sidebar.
   */
  missingCsv?(list: MissingListSource): Promise<MissingCsvOutput>;
  /** Google Sheets: adds the registry sheet DX_NguonDuLieu to fill in. */
  makeSourceList?(): Promise<string>;
  /**
   * "Tạo báo cáo (Word)": the report of the last consolidation `write` made (issue 14), as the host can give
   * it — a download in the Excel pane, a Google Doc from the sidebar. Absent, the panel shows no report part.
   */
  report?(options: ReportOptions): Promise<ReportOutput>;
  /**
   * Google Sheets (issue 15): the host reads the units itself, in steps that save what they read, and writes the
   * annexes once every unit is read. A run stopped on the way ("Hủy", the sidebar closed, Apps Script's 6
   * minutes) goes on with "Tiếp tục", now or in a later session. Absent (Excel), the panel reads the sources.
   */
  chunked?: ChunkedConsolidation;
}

/** The CSV as the host gives it: bytes to download, or a Drive file's address. */
export type MissingCsvOutput =
  | { kind: 'file'; name: string; bytes: Uint8Array; message: string; note?: string }
  | { kind: 'link'; name: string; url: string; message: string };

/** How far a run read in steps got. */
export interface SavedProgress {
  read: number;
  total: number;
  /** The next unit's name; null when every unit is read. */
  next: string | null;
  /** When the run started (ISO). */
  startedAt: string;
  unreadable: Array<{ unit: string; reason: string }>;
}

export type ChunkedOutcome =
  | { kind: 'done'; summary: ConsolidateSummary }
  /** Stopped between two steps: what was read stays saved. */
  | { kind: 'stopped'; progress: SavedProgress }
  /** "Tổng hợp" while another run is pending: nothing done, the user chooses to go on or start over. */
  | { kind: 'pending'; progress: SavedProgress };

export interface ChunkedConsolidation {
  /** The run left unfinished in this spreadsheet, if any. */
  pending(): Promise<SavedProgress | null>;
  /** 'start' a run (a pending one is answered, not replaced), 'restart' over a pending one, or 'resume' it. */
  run(
    how: 'start' | 'restart' | 'resume',
    opts: ConsolidateOptionsInput,
    progress: (p: SavedProgress) => void,
    cancelled: () => boolean,
  ): Promise<ChunkedOutcome>;
}

/** What the panel says of a run read in steps. */
export const RESUME_TEXT = {
  resume: 'Tiếp tục',
  restart: 'Làm lại từ đầu',
  reading: (p: SavedProgress) => `Đang tổng hợp ${p.read + 1}/${p.total} đơn vị — ${p.next ?? ''}`,
  writing: (p: SavedProgress) => `Đã đọc ${p.total}/${p.total} đơn vị; đang ghi các phụ lục…`,
  stopped: (p: SavedProgress) =>
    `Đã dừng: đã đọc ${p.read}/${p.total} đơn vị. Phần đã đọc được lưu; bấm “Tiếp tục” để đọc tiếp.`,
  pending: (p: SavedProgress) =>
    `Có một lần tổng hợp chưa xong (bắt đầu ${startedWords(p.startedAt)}): đã đọc ${p.read}/${p.total} đơn vị. ` +
    'Bấm “Tiếp tục” để đọc tiếp, hoặc “Làm lại từ đầu” để bỏ phần đã đọc.',
  unreadable: (n: number) => `Không mở được ${n} bảng tính:`,
} as const;

/** "14:05 ngày 2/12/2026" on the sidebar's clock. */
function startedWords(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return `${hm} ngày ${d.getDate()}/${d.getMonth() + 1}/${d.getFullYear()}`;
}

/** The ranges the pane offers, as the command line writes them. */
const SPANS: Array<[string, string]> = [
  ['month', 'Tháng'],
  ['quarter', 'Quý'],
  ['H1', '6 tháng đầu năm'],
  ['H2', '6 tháng cuối năm'],
  ['9M', '9 tháng'],
  ['year', 'Cả năm'],
];

/** "2023-08" and "quarter" → "2023-Q3"; an empty month → undefined (the latest range received). */
export function rangeOf(month: string, span: string): string | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return undefined;
  const [y, mm] = [m[1], Number(m[2])];
  if (span === 'quarter') return `${y}-Q${Math.ceil(mm / 3)}`;
  if (span === 'H1' || span === 'H2') return `${y}-${span}`;
  if (span === '9M') return `${y}-9M`;
  if (span === 'year') return y;
  return month;
}

/** What the summary part of the panel says itself; the summary's own sentences are the digest's. */
export const SUMMARY_TEXT = {
  /** Where the secretariat's registry comes from in a pane. */
  givenAs: '(trang “Danh mục đơn vị”)',
  /** The heading of the list of units not sent, with their contacts. */
  missingTitle: 'Danh sách chưa nộp',
  none: 'Không có.',
  exportButton: 'Ghi danh sách chưa nộp vào trang DX_ChuaNop',
  exporting: 'Đang ghi danh sách chưa nộp…',
  csvButton: 'Tải CSV',
  csvBusy: 'Đang tạo tệp CSV…',
  csvLink: (name: string) => `Mở tệp ${name} trong Google Drive`,
  badLink: 'Máy chủ trả về một địa chỉ không phải Google Drive: không hiển thị liên kết.',
} as const;

/**
 * The lists scroll inside a box of a few lines, whatever their length: a list is never cut, and the panel stays
 * short. Set on the element (the panes share one stylesheet, ui/panel.css, which the digest does not need).
 */
const LIST_BOX = 'max-height: 12em; overflow: auto; margin: 2px 0 6px; padding-left: 18px;';

/** One section of the digest: its heading with the count, then every item, in a scrolling list. */
function digestSection(x: DigestSection): HTMLElement {
  const title = x.key === 'notSent' ? { ...x, title: SUMMARY_TEXT.missingTitle } : x;
  const box = el('div', { id: `con-${x.key}`, class: 'digest', 'data-count': String(x.count) });
  box.appendChild(el('h3', {}, sectionHeading(title)));
  if (!x.items.length) {
    box.appendChild(el('p', { class: 'help' }, SUMMARY_TEXT.none));
    return box;
  }
  const ul = el('ul', { class: 'digest-list', style: LIST_BOX, tabindex: '0' });
  for (const i of x.items) ul.appendChild(el('li', {}, i.text));
  box.appendChild(ul);
  return box;
}

/** A button that runs `act` with its status line: busy, then the message or the error. */
function actionButton(
  id: string,
  label: string,
  busy: string,
  said: HTMLElement,
  act: () => Promise<string>,
): HTMLButtonElement {
  const button = el('button', { id, type: 'button' }, label);
  button.addEventListener('click', () => {
    button.setAttribute('disabled', 'true');
    said.className = 'msg busy';
    said.textContent = busy;
    act()
      .then((message) => {
        said.className = 'msg ok';
        said.textContent = message;
      })
      .catch((e: unknown) => {
        said.className = 'msg error';
        said.textContent = describeError(e);
      })
      .finally(() => button.removeAttribute('disabled'));
  });
  return button;
}

const MIME_CSV = 'text/csv;charset=utf-8';

/** The export of the list not sent: the product's sheet DX_ChuaNop, and the CSV the command line writes. */
function missingExport(bridge: ConsolidationBridge, s: ConsolidateSummary): HTMLElement {
  const said = el('div', { id: 'con-missing-status', role: 'status' });
  const got = el('div', { id: 'con-missing-file' });
  let url: string | null = null;
  const sheet = bridge.writeMissing
    ? actionButton('con-missing-export', SUMMARY_TEXT.exportButton, SUMMARY_TEXT.exporting, said, () =>
        bridge.writeMissing!(s),
      )
    : null;
  const csv = bridge.missingCsv
    ? actionButton('con-missing-csv', SUMMARY_TEXT.csvButton, SUMMARY_TEXT.csvBusy, said, async () => {
        clear(got);
        if (url) URL.revokeObjectURL(url);
        url = null;
        const out = await bridge.missingCsv!(s);
        if (out.kind === 'file') {
          url = offerDownload(got, { id: 'con-missing-download', name: out.name, bytes: out.bytes, mime: MIME_CSV });
          if (out.note) got.appendChild(el('p', { class: 'help' }, out.note));
        } else if (!driveLink(got, 'con-missing-link', out.url, SUMMARY_TEXT.csvLink(out.name))) {
          got.appendChild(el('p', { class: 'msg error' }, SUMMARY_TEXT.badLink));
        }
        return out.message;
      })
    : null;
  return el('div', { id: 'con-missing' }, sheet, csv, said, got);
}

/**
 * "Tổng hợp": the unit files the secretariat received, read one by one with
 * progress ("Đang tổng hợp 12/27 đơn vị"), cancellable until the single
 * write of the annexes.
 */
export function renderConsolidatePanel(root: HTMLElement, bridge: ConsolidationBridge): void {
  clear(root);
  const files = el('input', { id: 'con-files', type: 'file', multiple: 'true', accept: '.xlsx' });
  const period = el('input', { id: 'con-period', type: 'month' });
  // The range: the month chosen, or the quarter, half-year, nine months or year it falls in.
  const span = el('select', { id: 'con-span' }, ...SPANS.map(([value, label]) => el('option', { value }, label)));
  const deadline = el('input', { id: 'con-deadline', type: 'number', min: '1', max: '31', value: '20' });
  const include = el('input', { id: 'con-include', type: 'checkbox' });
  // The "(Kèm theo Báo cáo số … ngày … của …)" line of every annex; left empty, blanks to fill by hand.
  const reportNo = el('input', { id: 'con-report-no', type: 'text', placeholder: '1372/BC-BCĐCĐS' });
  const reportDate = el('input', { id: 'con-report-date', type: 'text', placeholder: '11/5/2023' });
  const issuer = el('input', {
    id: 'con-issuer',
    type: 'text',
    placeholder: 'Ban Chỉ đạo chuyển đổi số tỉnh Khánh Hòa',
  });
  const run = el('button', { id: 'con-run', type: 'button' }, 'Tổng hợp');
  const cancel = el('button', { id: 'con-cancel', type: 'button', disabled: 'true' }, 'Hủy');
  // A run read in steps (Google Sheets): shown while one is left unfinished.
  const resume = el('button', { id: 'con-resume', type: 'button', hidden: 'true' }, RESUME_TEXT.resume);
  const restart = el('button', { id: 'con-restart', type: 'button', hidden: 'true' }, RESUME_TEXT.restart);
  const bar = el('progress', { id: 'con-progress', max: '1', value: '0' });
  const status = el('div', { id: 'con-status', role: 'status' });
  const result = el('div', { id: 'con-result' });
  // The report is written from the run just made, with the number, date and issuer typed above.
  const report = bridge.report
    ? renderReportSection(bridge.report.bind(bridge), () => ({
        issuer: issuer.value.trim() || undefined,
        reportNo: reportNo.value.trim() || undefined,
        reportDate: reportDate.value.trim() || undefined,
      }))
    : null;
  let stop = false;
  cancel.addEventListener('click', () => {
    stop = true;
    status.textContent = 'Đang hủy…';
  });
  const options = (): ConsolidateOptionsInput => ({
    period: rangeOf(period.value, span.value),
    deadlineDay: Number(deadline.value) || 20,
    includeErrors: include.checked,
    reportNo: reportNo.value.trim() || undefined,
    reportDate: reportDate.value.trim() || undefined,
    issuer: issuer.value.trim() || undefined,
    now: new Date(),
  });
  const showSummary = (s: ConsolidateSummary) => {
    const d = digestOf(s, SUMMARY_TEXT.givenAs);
    status.className = 'msg ok';
    status.textContent =
      `Đã tổng hợp ${s.period ?? ''}: ${s.included.length} đơn vị vào ${s.sheets.join(', ')}.` +
      (s.registry ? ` Danh mục: ${s.registry.name} (${s.registry.units} đơn vị).` : '');
    result.append(el('p', { id: 'con-summary-period' }, d.periodLine));
    for (const x of d.sections) result.appendChild(digestSection(x));
    result.append(
      el('p', { id: 'con-registry', class: 'help' }, d.registryLine),
      el(
        'p',
        { id: 'con-config', class: 'help' },
        s.configuration === 'master'
          ? 'Kiểm tra theo cấu hình DX_CauHinh của sổ này (danh mục, chỉ tiêu giao, quy tắc).'
          : 'Kiểm tra theo cấu hình mẫu có sẵn.',
      ),
    );
    if ((bridge.writeMissing || bridge.missingCsv) && s.registry) result.appendChild(missingExport(bridge, s));
    for (const w of s.warnings) result.appendChild(el('p', { class: 'help' }, w));
    report?.ready();
  };
  const offerResume = (show: boolean) => {
    for (const b of [resume, restart]) {
      if (show) b.removeAttribute('hidden');
      else b.setAttribute('hidden', 'true');
    }
  };
  /** A run read in steps by the host (Google Sheets): progress per unit, "Tiếp tục" when it stops. */
  const chunkedRun = async (how: 'start' | 'restart' | 'resume') => {
    const chunked = bridge.chunked!;
    stop = false;
    for (const b of [run, resume, restart]) b.setAttribute('disabled', 'true');
    cancel.removeAttribute('disabled');
    clear(result);
    report?.reset();
    status.className = 'msg busy';
    status.textContent = how === 'resume' ? 'Đang tiếp tục…' : 'Đang lập danh sách đơn vị…';
    try {
      const outcome = await chunked.run(
        how,
        options(),
        (p) => {
          status.textContent = p.next ? RESUME_TEXT.reading(p) : RESUME_TEXT.writing(p);
          bar.setAttribute('max', String(Math.max(1, p.total)));
          bar.setAttribute('value', String(p.read));
        },
        () => stop,
      );
      if (outcome.kind === 'done') {
        offerResume(false);
        showSummary(outcome.summary);
        return;
      }
      status.className = 'msg';
      status.textContent = (outcome.kind === 'stopped' ? RESUME_TEXT.stopped : RESUME_TEXT.pending)(outcome.progress);
      if (outcome.progress.unreadable.length) {
        const ul = el('ul', { id: 'con-unreadable' });
        for (const u of outcome.progress.unreadable) ul.appendChild(el('li', {}, `${u.unit}: ${u.reason}`));
        result.append(el('p', {}, RESUME_TEXT.unreadable(outcome.progress.unreadable.length)), ul);
      }
      offerResume(true);
    } catch (e) {
      status.className = 'msg error';
      status.textContent = describeError(e);
      // What was read before the error stays saved: "Tiếp tục" is offered if the run is still there.
      offerResume(Boolean(await chunked.pending().catch(() => null)));
    } finally {
      for (const b of [run, resume, restart]) b.removeAttribute('disabled');
      cancel.setAttribute('disabled', 'true');
    }
  };
  const consolidate = async () => {
    if (bridge.chunked) return chunkedRun('start');
    type Item = { label: string; read: () => Promise<{ source: SourceRef; sheets: SheetSnapshot[] }> };
    let picked: Item[] = [];
    try {
      // Files picked in the pane (Excel), then the sources the host knows: listed spreadsheets, unit tabs.
      picked = [
        ...(bridge.readFile
          ? [...(files.files ?? [])].map((f) => ({ label: f.name, read: () => bridge.readFile!(f) }))
          : []),
        ...(bridge.listSources
          ? (await bridge.listSources()).map((x) => ({ label: x.label, read: () => bridge.readSource!(x.id) }))
          : []),
      ];
    } catch (e) {
      status.className = 'msg error';
      status.textContent = describeError(e);
      return;
    }
    if (!picked.length) {
      status.className = 'msg error';
      status.textContent = bridge.readFile
        ? 'Chọn các tệp .xlsx của đơn vị (hoặc thêm trang báo cáo của đơn vị vào bảng tính này).'
        : 'Chưa có nguồn: ghi địa chỉ bảng tính của các đơn vị vào trang DX_NguonDuLieu (nút “Tạo danh sách nguồn”).';
      return;
    }
    stop = false;
    run.setAttribute('disabled', 'true');
    cancel.removeAttribute('disabled');
    clear(result);
    report?.reset();
    status.className = 'msg busy';
    try {
      const sources = [];
      for (let i = 0; i < picked.length; i++) {
        if (stop) throw new Error('Đã hủy: không ghi phụ lục nào.');
        status.textContent = `Đang tổng hợp ${i + 1}/${picked.length} đơn vị — ${picked[i].label}`;
        bar.setAttribute('max', String(picked.length));
        bar.setAttribute('value', String(i));
        sources.push(await picked[i].read());
      }
      bar.setAttribute('value', String(picked.length));
      status.textContent = 'Đang ghi các phụ lục…';
      showSummary(await bridge.write(sources, options(), () => stop));
    } catch (e) {
      status.className = 'msg error';
      status.textContent = describeError(e);
    } finally {
      run.removeAttribute('disabled');
      cancel.setAttribute('disabled', 'true');
    }
  };
  run.addEventListener('click', () => void consolidate());
  resume.addEventListener('click', () => void chunkedRun('resume'));
  restart.addEventListener('click', () => void chunkedRun('restart'));
  // A run left unfinished in this spreadsheet (an earlier session, another user): offered at once.
  if (bridge.chunked)
    void bridge.chunked
      .pending()
      .then((p) => {
        if (!p || run.hasAttribute('disabled')) return;
        status.className = 'msg';
        status.textContent = RESUME_TEXT.pending(p);
        bar.setAttribute('max', String(Math.max(1, p.total)));
        bar.setAttribute('value', String(p.read));
        offerResume(true);
      })
      .catch(() => undefined);
  const listButton = el('button', { id: 'con-make-list', type: 'button' }, 'Tạo danh sách nguồn');
  const makeSourceList = async () => {
    try {
      status.className = 'msg ok';
      status.textContent = await bridge.makeSourceList!();
    } catch (e) {
      status.className = 'msg error';
      status.textContent = describeError(e);
    }
  };
  listButton.addEventListener('click', () => void makeSourceList());
  root.append(
    el('h2', {}, 'Tổng hợp phụ lục'),
    bridge.readFile
      ? el(
          'p',
          { class: 'help' },
          'Chọn các tệp báo cáo (.xlsx) đơn vị gửi qua thư điện tử, Zalo…; ' +
            'tệp được đọc ngay trong khung này, không gửi đi đâu. ' +
            'Các phụ lục được ghi vào bảng tính đang mở; trang của đơn vị không bị sửa.',
        )
      : el(
          'p',
          { class: 'help' },
          'Nguồn: các bảng tính ghi trong trang DX_NguonDuLieu (địa chỉ hoặc ID) ' +
            'và các trang báo cáo của đơn vị trong bảng tính này. Bảng tính của đơn vị chỉ được đọc.',
        ),
    bridge.readFile
      ? el(
          'label',
          { class: 'arg' },
          el('span', {}, 'Tệp của các đơn vị (và các trang báo cáo đơn vị trong bảng tính này)'),
          files,
        )
      : listButton,
    el(
      'p',
      { class: 'help', id: 'con-settings-help' },
      'Trang “Danh mục đơn vị” trong bảng tính này (Mã đơn vị, Tên đơn vị, Nhóm hoặc Cấp, Hiệu lực từ, ' +
        'Hiệu lực đến, Hình thành từ) là danh mục của văn phòng: chỉ các đơn vị trong đó được tổng hợp và ' +
        'đối chiếu chưa nộp. Trang DX_CauHinh (nếu có) là cấu hình dùng để kiểm tra mọi phiếu.',
    ),
    el('label', { class: 'arg' }, el('span', {}, 'Kỳ tổng hợp (để trống: kỳ mới nhất)'), period),
    el('label', { class: 'arg' }, el('span', {}, 'Tổng hợp theo'), span),
    el('label', { class: 'arg' }, el('span', {}, 'Hạn nộp: ngày … của tháng sau kỳ'), deadline),
    el('label', { class: 'arg' }, include, ' Tổng hợp cả đơn vị còn lỗi'),
    el('label', { class: 'arg' }, el('span', {}, 'Kèm theo Báo cáo số (số, ký hiệu)'), reportNo),
    el('label', { class: 'arg' }, el('span', {}, 'Ngày báo cáo'), reportDate),
    el('label', { class: 'arg' }, el('span', {}, 'Cơ quan ban hành báo cáo'), issuer),
    run,
    cancel,
    ...(bridge.chunked ? [resume, restart] : []),
    bar,
    status,
    result,
    ...(report ? [report.root] : []),
  );
}
