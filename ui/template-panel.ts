import { describeError } from '../shared/errors/describe';
import { renderAllTemplates } from './all-templates';
import { HostBridge } from './bridge';
import { clear, el } from './dom';

function message(box: HTMLElement, kind: 'ok' | 'error' | 'busy', text: string): void {
  box.className = `msg ${kind}`;
  box.textContent = text;
}

/** "Tạo phiếu báo cáo": unit, period and preparer, then the sheets are added to the open workbook. */
export function renderTemplatePanel(root: HTMLElement, bridge: HostBridge): void {
  clear(root);
  const unit = el('input', { id: 'tpl-unit', type: 'text', list: 'tpl-units', autocomplete: 'off' });
  const units = el('datalist', { id: 'tpl-units' });
  const now = new Date();
  const lastMonth = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const period = el('input', {
    id: 'tpl-period',
    type: 'month',
    value: `${lastMonth.getFullYear()}-${String(lastMonth.getMonth() + 1).padStart(2, '0')}`,
  });
  const preparer = el('input', { id: 'tpl-preparer', type: 'text' });
  const result = el('div', { id: 'tpl-result', role: 'status' });
  const button = el('button', { id: 'tpl-create', type: 'button' }, 'Tạo phiếu báo cáo');
  const create = async () => {
    button.setAttribute('disabled', 'true');
    message(result, 'busy', 'Đang tạo các trang…');
    try {
      const r = await bridge.createTemplate({
        unit: unit.value,
        period: period.value,
        preparer: preparer.value || undefined,
      });
      message(result, 'ok', `Đã thêm ${r.sheets.length} trang cho ${r.unit}, ${r.period}: ${r.sheets.join(', ')}.`);
    } catch (e) {
      message(result, 'error', describeError(e));
    } finally {
      button.removeAttribute('disabled');
    }
  };
  button.addEventListener('click', () => void create());
  root.append(
    el('h2', {}, 'Tạo phiếu báo cáo'),
    el(
      'p',
      { class: 'help' },
      'Thêm các trang báo cáo (theo mẫu và DX_CauHinh nếu bảng tính có) vào bảng tính đang mở. ' +
        'Trang đã có không bị ghi đè.',
    ),
    el('label', { class: 'arg' }, el('span', {}, 'Đơn vị báo cáo'), unit),
    units,
    el('label', { class: 'arg' }, el('span', {}, 'Kỳ báo cáo (tháng)'), period),
    el('label', { class: 'arg' }, el('span', {}, 'Người lập'), preparer),
    button,
    result,
  );
  // Every unit's workbook, for the period and preparer above.
  if (bridge.allTemplates)
    root.appendChild(
      renderAllTemplates(bridge.allTemplates, () => ({
        period: period.value,
        preparer: preparer.value || undefined,
      })),
    );
  bridge.units().then(
    (names) => {
      for (const n of names) units.appendChild(el('option', { value: n }));
    },
    () => undefined,
  );
}

/** "Đọc bảng": which tables the product recognises, and a one-time column mapping for the others. */
export function renderMappingPanel(root: HTMLElement, bridge: HostBridge): void {
  clear(root);
  const list = el('div', { id: 'map-list' });
  const button = el('button', { id: 'map-read', type: 'button' }, 'Đọc bảng');
  const show = async () => {
    message(list, 'busy', 'Đang đọc bảng tính…');
    let t;
    try {
      t = await bridge.inspect();
    } catch (e) {
      message(list, 'error', describeError(e));
      return;
    }
    clear(list);
    list.className = '';
    const found = el('ul', { id: 'map-found' });
    for (const x of t.tables)
      found.appendChild(
        el(
          'li',
          {},
          `${x.title} — ${x.sheet}, tiêu đề dòng ${x.headerRow}, ${x.rows} dòng` +
            `${x.mapped ? ' (theo ánh xạ đã lưu)' : ''}`,
        ),
      );
    list.append(el('h3', {}, `Đã nhận ra ${t.tables.length} bảng`), found);
    for (const u of t.unmatched) list.appendChild(mappingForm(u, bridge, show));
    list.appendChild(manualForm(bridge, list, show));
  };
  button.addEventListener('click', () => void show());
  root.append(
    el('h2', {}, 'Bảng trong bảng tính'),
    el(
      'p',
      { class: 'help' },
      'Bảng do đơn vị tự lập được nhận ra theo tên cột. Nếu chưa nhận ra, chọn cột một lần; ' +
        'lựa chọn được lưu trong bảng tính (trang ẩn DX_AnhXa).',
    ),
    button,
    list,
  );
}

type Unmatched = Awaited<ReturnType<HostBridge['inspect']>>['unmatched'][number];

/** One table's column choices; saving stores the mapping and reads the workbook again. */
function mappingForm(u: Unmatched, bridge: HostBridge, done: () => Promise<void>): HTMLElement {
  const form = el('form', { class: 'mapping', 'data-table': u.table });
  form.append(el('h3', {}, `Chưa nhận ra đủ cột: ${u.title} (${u.sheet}, dòng ${u.headerRow})`));
  const selects: Array<[string, HTMLSelectElement]> = [];
  for (const f of u.fields) {
    const sel = el('select', { 'data-field': f.key });
    sel.appendChild(el('option', { value: '' }, f.required ? '— chọn cột —' : '(không có)'));
    for (const ch of u.choices) {
      const opt = el('option', { value: ch.column }, `${ch.column}: ${ch.label}`);
      if (ch.column === f.column) opt.setAttribute('selected', 'selected');
      sel.appendChild(opt);
    }
    selects.push([f.key, sel]);
    form.append(el('label', { class: 'arg' }, el('span', {}, `${f.label}${f.required ? ' *' : ''}`), sel));
  }
  const save = el('button', { type: 'submit' }, 'Lưu ánh xạ');
  const status = el('div', { role: 'status' });
  form.append(save, status);
  const submit = async (ev: Event) => {
    ev.preventDefault();
    const columns: Record<string, string> = {};
    for (const [k, s] of selects) if (s.value) columns[k] = s.value;
    try {
      await bridge.saveMapping({ sheet: u.sheet, table: u.table, headerRow: u.headerRow, columns });
      await done();
    } catch (e) {
      message(status, 'error', describeError(e));
    }
  };
  form.addEventListener('submit', (ev) => void submit(ev));
  return form;
}

/** For a table nothing was recognised in: the user names the table, the sheet and the header row. */
function manualForm(bridge: HostBridge, list: HTMLElement, done: () => Promise<void>): HTMLElement {
  const box = el('form', { id: 'map-manual', class: 'mapping' });
  const table = el('select', { id: 'map-table' });
  const sheet = el('select', { id: 'map-sheet' });
  const row = el('input', { id: 'map-row', type: 'number', min: '1', value: '1' });
  const status = el('div', { role: 'status' });
  box.append(
    el('h3', {}, 'Bảng chưa được nhận ra? Chỉ ra bảng và dòng tiêu đề'),
    el('label', { class: 'arg' }, el('span', {}, 'Loại bảng'), table),
    el('label', { class: 'arg' }, el('span', {}, 'Trang tính'), sheet),
    el('label', { class: 'arg' }, el('span', {}, 'Dòng tiêu đề'), row),
    el('button', { type: 'submit' }, 'Chọn cột'),
    status,
  );
  bridge.mappingTargets().then(
    (t) => {
      for (const x of t.tables) table.appendChild(el('option', { value: x.id }, x.title));
      for (const n of t.sheets) sheet.appendChild(el('option', { value: n }, n));
    },
    (e: unknown) => message(status, 'error', describeError(e)),
  );
  const submit = async (ev: Event) => {
    ev.preventDefault();
    try {
      const u = await bridge.manualMapping(sheet.value, table.value, Number(row.value));
      list.insertBefore(mappingForm(u, bridge, done), box);
    } catch (e) {
      message(status, 'error', describeError(e));
    }
  };
  box.addEventListener('submit', (ev) => void submit(ev));
  return box;
}
