import { renderFormulaPanel } from '../../ui/formula-panel';

/** The sidebar runs the same core in the browser; the formulas need no server round trip. */
function start(): void {
  const root = document.getElementById('formulas');
  if (root) renderFormulaPanel(root, 'sheets');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
