import { renderCheckPanel } from '../../ui/check-panel';
import { renderConsolidatePanel } from '../../ui/consolidate-panel';
import { gasConsolidation } from './gas-consolidation';
import { renderFormulaPanel } from '../../ui/formula-panel';
import { renderMappingPanel, renderTemplatePanel } from '../../ui/template-panel';
import { gasBridge, openGuide } from './gas-bridge';

/** The formulas run in the browser; workbook work goes to the server through google.script.run. */
function start(): void {
  const tpl = document.getElementById('template');
  const map = document.getElementById('mapping');
  const chk = document.getElementById('check');
  // The menu item "Kiểm tra" opens the sidebar with window.dxAutoCheck set: it checks at once.
  if (chk) renderCheckPanel(chk, gasBridge, Boolean((window as unknown as { dxAutoCheck?: boolean }).dxAutoCheck));
  if (tpl) renderTemplatePanel(tpl, gasBridge);
  if (map) renderMappingPanel(map, gasBridge);
  const con = document.getElementById('consolidate');
  if (con) renderConsolidatePanel(con, gasConsolidation);
  const root = document.getElementById('formulas');
  if (root) renderFormulaPanel(root, 'sheets');
  const guide = () => void openGuide().catch(() => undefined);
  document.getElementById('open-guide')?.addEventListener('click', guide);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
