import { renderCheckPanel } from '../../ui/check-panel';
import { renderConsolidatePanel } from '../../ui/consolidate-panel';
import { officeConsolidation } from './consolidate-bridge';
import { renderFormulaPanel } from '../../ui/formula-panel';
import { renderMappingPanel, renderTemplatePanel } from '../../ui/template-panel';
import { officeBridge } from './bridge';

/** The shared runtime loads this page once; the functions bundle rides in the same page. */
void Office.onReady((info) => {
  const inExcel = info.host === Office.HostType.Excel;
  const status = document.getElementById('host-status');
  if (status) {
    status.textContent = inExcel
      ? 'Đã kết nối Excel. Các hàm dùng dạng =DX.RATE(C5;D5).'
      : 'Chưa mở trong Excel: các hàm vẫn thử được ở đây.';
  }
  const tpl = document.getElementById('template');
  const map = document.getElementById('mapping');
  const chk = document.getElementById('check');
  // Where the webview saves no download (report-download.ts); compared with the enum's members, as the
  // typings declare Office.PlatformType without its values.
  const P = Office.PlatformType;
  const platform = info.platform === P.Mac ? 'Mac' : info.platform === P.iOS ? 'iOS' : undefined;
  const bridge = officeBridge(undefined, platform);
  if (inExcel && chk) renderCheckPanel(chk, bridge);
  if (inExcel && tpl) renderTemplatePanel(tpl, bridge);
  if (inExcel && map) renderMappingPanel(map, bridge);
  const con = document.getElementById('consolidate');
  if (inExcel && con) renderConsolidatePanel(con, officeConsolidation(undefined, platform));
  const root = document.getElementById('formulas');
  if (root) renderFormulaPanel(root, 'excel');
});
