import { describeError } from '../shared/errors/describe';
import { SourceRef } from '../shared/consolidate/collect';
import { ConsolidateSummary } from '../shared/operations/consolidate-op';
import { ReportOptions } from '../shared/report/schema';
import { SheetSnapshot } from '../shared/workbook/port';
import { clear, el } from './dom';
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
  /** Google Sheets: adds the registry sheet DX_NguonDuLieu to fill in. */
  makeSourceList?(): Promise<string>;
  /**
   * "Tạo báo cáo (Word)": the report of the last consolidation `write` made (issue 14), as the host can give
   * it — a download in the Excel pane, a Google Doc from the sidebar. Absent, the panel shows no report part.
   */
  report?(options: ReportOptions): Promise<ReportOutput>;
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
  const consolidate = async () => {
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
      const s = await bridge.write(
        sources,
        {
          period: rangeOf(period.value, span.value),
          deadlineDay: Number(deadline.value) || 20,
          includeErrors: include.checked,
          reportNo: reportNo.value.trim() || undefined,
          reportDate: reportDate.value.trim() || undefined,
          issuer: issuer.value.trim() || undefined,
          now: new Date(),
        },
        () => stop,
      );
      status.className = 'msg ok';
      status.textContent =
        `Đã tổng hợp ${s.period ?? ''}: ${s.included.length} đơn vị vào ${s.sheets.join(', ')}.` +
        (s.registry ? ` Danh mục: ${s.registry.name} (${s.registry.units} đơn vị).` : '');
      const ul = el('ul', { id: 'con-excluded' });
      for (const e of s.excluded) ul.appendChild(el('li', {}, `${e.unit ?? e.source}: ${e.reason}`));
      result.append(
        el(
          'p',
          {},
          `Không tổng hợp: ${s.excluded.length}. Chưa nộp: ${s.missing.length}` +
            `${s.missing.length ? ` (${s.missing.join(', ')})` : ''}.`,
        ),
        el(
          'p',
          { id: 'con-config', class: 'help' },
          s.configuration === 'master'
            ? 'Kiểm tra theo cấu hình DX_CauHinh của sổ này (danh mục, chỉ tiêu giao, quy tắc).'
            : 'Kiểm tra theo cấu hình mẫu có sẵn.',
        ),
        ul,
      );
      for (const w of s.warnings) result.appendChild(el('p', { class: 'help' }, w));
      report?.ready();
    } catch (e) {
      status.className = 'msg error';
      status.textContent = describeError(e);
    } finally {
      run.removeAttribute('disabled');
      cancel.setAttribute('disabled', 'true');
    }
  };
  run.addEventListener('click', () => void consolidate());
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
    bar,
    status,
    result,
    ...(report ? [report.root] : []),
  );
}
