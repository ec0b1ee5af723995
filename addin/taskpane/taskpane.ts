import { renderFormulaPanel } from '../../ui/formula-panel';

/** The shared runtime loads this page once; the functions bundle rides in the same page. */
Office.onReady((info) => {
  const status = document.getElementById('host-status');
  if (status) {
    status.textContent = info.host === Office.HostType.Excel
      ? 'Đã kết nối Excel. Các hàm dùng dạng =DX.RATE(C5;D5).'
      : 'Chưa mở trong Excel: các hàm vẫn thử được ở đây.';
  }
  const root = document.getElementById('formulas');
  if (root) renderFormulaPanel(root, 'excel');
});
