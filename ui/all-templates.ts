import { describeError } from '../shared/errors/describe';
import { ALL_TEMPLATES_TEXT, AllTemplatesInput, RegistryChoice } from '../shared/operations/templates-all';
import { clear, el } from './dom';
import { driveLink, offerDownload } from './download';

/** What a host makes of "Tạo phiếu cho tất cả đơn vị": a .zip to download (Excel), a Drive folder (Sheets). */
export type AllTemplatesOutput =
  | { kind: 'file'; name: string; bytes: Uint8Array; message: string; note?: string }
  /** `done` false: the run stopped before Apps Script's time limit; the same button goes on. */
  | { kind: 'folder'; name: string; url: string; message: string; done: boolean };

export interface AllTemplatesBridge {
  /** The registries the pane offers, the open workbook's own first. */
  registries(): Promise<RegistryChoice[]>;
  make(input: AllTemplatesInput, progress: (done: number, total: number) => void): Promise<AllTemplatesOutput>;
}

const MIME_ZIP = 'application/zip';

const PANEL_TEXT = {
  help:
    'Mỗi đơn vị trong danh mục (có trong kỳ) một phiếu riêng, ghi sẵn tên, mã và liên hệ của đơn vị. ' +
    'Bảng tính đang mở không bị sửa.',
  busy: 'Đang tạo các phiếu…',
  folderLink: (name: string) => `Mở thư mục “${name}”`,
  badLink: 'Máy chủ trả về một địa chỉ không phải Google Drive: không hiển thị liên kết.',
} as const;

/**
 * The part of "Tạo phiếu báo cáo" that makes every unit's workbook: the registry, the period and preparer of the
 * panel above (`fields`), progress, then the host's result.
 */
export function renderAllTemplates(
  bridge: AllTemplatesBridge,
  fields: () => { period: string; preparer?: string },
): HTMLElement {
  const registry = el('select', { id: 'tpl-all-registry' });
  const province = el('input', { id: 'tpl-all-province', type: 'text', placeholder: '56' });
  const button = el('button', { id: 'tpl-all', type: 'button' }, ALL_TEMPLATES_TEXT.button);
  const bar = el('progress', { id: 'tpl-all-progress', max: '1', value: '0' });
  const status = el('div', { id: 'tpl-all-status', role: 'status' });
  const result = el('div', { id: 'tpl-all-result' });
  let url: string | null = null;
  const run = async () => {
    button.setAttribute('disabled', 'true');
    clear(result);
    if (url) URL.revokeObjectURL(url);
    url = null;
    status.className = 'msg busy';
    status.textContent = PANEL_TEXT.busy;
    try {
      const out = await bridge.make(
        { registry: registry.value, province: province.value.trim() || undefined, ...fields() },
        (done, total) => {
          status.textContent = ALL_TEMPLATES_TEXT.making(done, total);
          bar.setAttribute('max', String(Math.max(1, total)));
          bar.setAttribute('value', String(done));
        },
      );
      status.className = out.kind === 'folder' && !out.done ? 'msg' : 'msg ok';
      status.textContent = out.message;
      if (out.kind === 'file') {
        url = offerDownload(result, { id: 'tpl-all-download', name: out.name, bytes: out.bytes, mime: MIME_ZIP });
        if (out.note) result.appendChild(el('p', { id: 'tpl-all-note', class: 'help' }, out.note));
      } else if (!driveLink(result, 'tpl-all-folder', out.url, PANEL_TEXT.folderLink(out.name))) {
        result.appendChild(el('p', { class: 'msg error' }, PANEL_TEXT.badLink));
      }
    } catch (e) {
      status.className = 'msg error';
      status.textContent = describeError(e);
    } finally {
      button.removeAttribute('disabled');
    }
  };
  button.addEventListener('click', () => void run());
  // Asked again when the list is opened: a "Danh mục đơn vị" sheet added since the pane opened is offered too.
  const load = () =>
    bridge.registries().then(
      (choices) => {
        // Unchanged: left alone (an open list is not rebuilt under the user's pointer).
        const ids = [...registry.options].map((o) => o.value).join('\n');
        if (ids === choices.map((c) => c.id).join('\n')) return;
        const kept = registry.value;
        clear(registry);
        for (const c of choices) registry.appendChild(el('option', { value: c.id }, c.label));
        if (choices.some((c) => c.id === kept)) registry.value = kept;
      },
      (e: unknown) => {
        status.className = 'msg error';
        status.textContent = describeError(e);
      },
    );
  registry.addEventListener('focus', () => void load());
  void load();
  return el(
    'div',
    { id: 'tpl-all-section' },
    el('h3', {}, ALL_TEMPLATES_TEXT.button),
    el('p', { class: 'help' }, PANEL_TEXT.help),
    el('label', { class: 'arg' }, el('span', {}, ALL_TEMPLATES_TEXT.registry), registry),
    el('label', { class: 'arg' }, el('span', {}, ALL_TEMPLATES_TEXT.province), province),
    button,
    bar,
    status,
    result,
  );
}
