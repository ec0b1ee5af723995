import { describeError } from '../shared/errors/describe';
import { CheckResult } from '../shared/operations/check';
import { ISSUE_GROUPS, issueGroup } from '../shared/validation/issue';
import { HostBridge } from './bridge';
import { clear, el } from './dom';

/**
 * "Kiểm tra": the issues of the open workbook grouped by severity and importance ("Lỗi, mức độ cao"),
 * each naming its cell, in the workbook's order within its group; a click selects the cell. The heading,
 * the group and the colour of its issues come from one entry of ISSUE_GROUPS. "Hoàn thành" stamps the
 * report once no error is left.
 */
export function renderCheckPanel(root: HTMLElement, bridge: HostBridge, auto = false): void {
  clear(root);
  const run = el('button', { id: 'chk-run', type: 'button' }, 'Kiểm tra');
  const done = el('button', { id: 'chk-complete', type: 'button', disabled: 'true' }, 'Hoàn thành');
  // Office add-ins cannot show window.confirm: an earlier completion time is replaced only by this button.
  const again = el('button', { id: 'chk-replace', type: 'button', hidden: 'true' }, 'Ghi giờ hoàn thành mới');
  const status = el('div', { id: 'chk-status', role: 'status' });
  const list = el('div', { id: 'chk-list' });
  const draw = (r: CheckResult) => {
    clear(list);
    status.className = `msg ${r.summary.errors ? 'error' : r.summary.warnings ? 'busy' : 'ok'}`;
    status.textContent =
      r.summary.errors || r.summary.warnings
        ? `${r.summary.errors} lỗi, ${r.summary.warnings} cảnh báo trong ${r.summary.tables} bảng` +
          `${r.unit ? ` — ${r.unit}` : ''}${r.period ? `, ${r.period}` : ''}.`
        : `Không có lỗi (${r.summary.tables} bảng).` +
          `${r.completedAt ? ` Đã hoàn thành lúc ${r.completedAt}.` : ' Có thể bấm “Hoàn thành”.'}`;
    if (r.summary.errors) done.setAttribute('disabled', 'true');
    else done.removeAttribute('disabled');
    for (const g of ISSUE_GROUPS) {
      // The issues arrive in the workbook's order (sheet, row, column); the filter keeps it.
      const items = r.issues.filter((i) => issueGroup(i) === g);
      if (!items.length) continue;
      const ul = el('ul', {
        class: `issues ${g.severity}`,
        'data-group': g.key,
        'data-severity': g.severity,
        'data-importance': g.importance,
      });
      for (const i of items) {
        const link = el(
          'button',
          { type: 'button', class: `issue ${g.severity}`, 'data-sheet': i.sheet, 'data-cell': i.cell },
          el('span', { class: 'where' }, `${i.sheet}!${i.cell}`),
          ' ',
          el('span', { class: 'what' }, i.message),
          i.fix ? el('span', { class: 'fix' }, ` → ${i.fix}`) : null,
        );
        link.addEventListener(
          'click',
          () =>
            void bridge.select(i.sheet, i.cell).catch((e: Error) => {
              status.textContent = e.message;
            }),
        );
        ul.appendChild(el('li', {}, link));
      }
      list.append(el('h3', { class: g.severity, 'data-group': g.key }, `${g.heading}: ${items.length}`), ul);
    }
  };
  const check = async () => {
    run.setAttribute('disabled', 'true');
    status.className = 'msg busy';
    status.textContent = 'Đang kiểm tra…';
    try {
      draw(await bridge.check());
    } catch (e) {
      status.className = 'msg error';
      status.textContent = describeError(e);
    } finally {
      run.removeAttribute('disabled');
    }
  };
  run.addEventListener('click', () => void check());
  const complete = async (replace: boolean) => {
    again.setAttribute('hidden', 'true');
    try {
      const r = await bridge.complete(replace);
      draw(r.check);
      status.className = `msg ${r.ok ? 'ok' : r.confirm ? 'busy' : 'error'}`;
      status.textContent = r.message;
      if (r.confirm) again.removeAttribute('hidden');
    } catch (e) {
      status.className = 'msg error';
      status.textContent = describeError(e);
    }
  };
  done.addEventListener('click', () => void complete(false));
  again.addEventListener('click', () => void complete(true));
  root.append(
    el('h2', {}, 'Kiểm tra phiếu báo cáo'),
    el(
      'p',
      { class: 'help' },
      'Kiểm tra mọi bảng; ô có lỗi được tô đỏ, cảnh báo tô vàng (lần kiểm tra sau xóa màu cũ). ' +
        'Số liệu của đơn vị không bị sửa.',
    ),
    run,
    done,
    again,
    status,
    list,
  );
  if (auto) void check();
}
