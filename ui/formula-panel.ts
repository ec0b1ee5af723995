import { callFormula, FORMULAS, FormulaSpec } from '../shared/formulas/catalog';
import { isFormulaError } from '../shared/formulas/result';
import { formatNumber, formatPercent } from '../shared/numbers/format';
import { clear, el } from './dom';

/** Excel always shows the namespace (=DX.RATE); Google Sheets keeps the underscore (=DX_RATE). */
export type Spelling = 'excel' | 'sheets';

export function spell(spec: FormulaSpec, spelling: Spelling): string {
  return spelling === 'excel' ? `DX.${spec.excelId}` : spec.name;
}

function show(spec: FormulaSpec, v: unknown): string {
  if (isFormulaError(v)) return `${v.error} — ${v.message}`;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number')
    return spec.display === 'percent' ? formatPercent(v, 2) : formatNumber(v, 6).replace(/,?0+$/, '');
  return String(v);
}

/**
 * The formula reference with a "Thử" (try) box: each formula runs in the panel
 * on the same core the cells use, so staff can test a figure before typing it.
 */
export function renderFormulaPanel(root: HTMLElement, spelling: Spelling): void {
  clear(root);
  const select = el('select', { id: 'fx-name', 'aria-label': 'Hàm' });
  for (const f of FORMULAS) select.appendChild(el('option', { value: f.name }, spell(f, spelling)));
  const inputs = el('div', { id: 'fx-args' });
  const result = el('output', { id: 'fx-result', 'aria-live': 'polite' });
  const help = el('p', { id: 'fx-help', class: 'help' });

  const current = () => FORMULAS.find((f) => f.name === select.value) ?? FORMULAS[0];
  const drawInputs = () => {
    const spec = current();
    clear(inputs);
    clear(result);
    help.textContent = spec.vi;
    spec.params.forEach((p, i) => {
      inputs.appendChild(
        el(
          'label',
          { class: 'arg' },
          el('span', {}, `${p.name}${p.optional ? ' (tùy chọn)' : ''}: ${p.vi}`),
          el('input', { type: 'text', 'data-arg': String(i), title: p.vi }),
        ),
      );
    });
  };
  const run = () => {
    const spec = current();
    const args = [...inputs.querySelectorAll('input')].map((i) => (i.value === '' ? null : i.value));
    const raw = callFormula(spec.name, args);
    const v = Array.isArray(raw) ? raw[0][0] : raw;
    result.textContent = `=${spell(spec, spelling)}(…) → ${show(spec, v)}`;
    result.className = isFormulaError(v) ? 'error' : 'ok';
  };
  select.addEventListener('change', drawInputs);
  const button = el('button', { id: 'fx-run', type: 'button' }, 'Thử');
  button.addEventListener('click', run);

  const list = el('ul', { class: 'formulas' });
  for (const f of FORMULAS) {
    list.appendChild(
      el(
        'li',
        {},
        el('code', {}, f.example.replace(/DX_([A-Z_]+)/, spelling === 'excel' ? 'DX.$1' : 'DX_$1')),
        ' ',
        f.vi,
      ),
    );
  }
  root.append(el('h2', {}, 'Thử hàm DX'), select, help, inputs, button, result, el('h2', {}, 'Các hàm'), list);
  drawInputs();
}
