import { callFormula, formulaSpec } from '../shared/formulas/catalog';
import { displayValue } from './fn';

/** Figures quoted in the seed reports, run through the same core the spreadsheets call. */
const SEED_FIGURES: Array<{ source: string; fn: string; args: string[] }> = [
  { source: 'Nha Trang 6T/2023: tài khoản định danh điện tử', fn: 'DX_RATE', args: ['103.223', '311.736', '2'] },
  { source: 'Quy Nhơn: thanh toán trực tuyến cấp thành phố', fn: 'DX_RATE', args: ['5.909', '10.123', '2'] },
  { source: 'Quy Nhơn: 98,9% cho 4.837 hộ/4886 hộ', fn: 'DX_RATE_OK', args: ['98,9%', '4.837', '4886'] },
  { source: 'Vũng Tàu: 54.03% cho 118.103/142.378', fn: 'DX_RATE_OK', args: ['54.03%', '118.103', '142.378'] },
  { source: 'Vũng Tàu: “24 loại” trong cột số', fn: 'DX_NUMBER', args: ['24 loại'] },
  { source: 'Vũng Tàu: “421.62” (nhóm nghìn sai)', fn: 'DX_NUMBER', args: ['421.62'] },
  { source: 'Chỉ tiêu “30% đến cuối năm là 50%”, 9 tháng', fn: 'DX_TARGET_MET', args: ['42,5%', '30% đến cuối năm là 50%', '30/09/2023'] },
  { source: 'Nhiệm vụ 2023 chưa xong, báo cáo 15/01/2024', fn: 'DX_STATUS', args: ['2023', '', '15/01/2024'] },
  { source: 'Báo cáo tháng 4/2023 nộp 22/05/2023 (hạn ngày 20)', fn: 'DX_ONTIME', args: ['22/05/2023', '4/2023', '20'] },
  { source: 'Vũng Tàu: “Pường 1”', fn: 'DX_UNIT', args: ['Pường 1'] },
  { source: 'Nha Trang: “UBND phường Vạn Thạnh”', fn: 'DX_UNIT', args: ['UBND phường Vạn Thạnh'] },
];

export function runDemo(): string {
  const lines = ['Các hàm DX_ trên số liệu trích từ báo cáo mẫu', ''];
  for (const f of SEED_FIGURES) {
    const spec = formulaSpec(f.fn)!;
    const raw = callFormula(f.fn, f.args.map((a) => (a === '' ? null : a)));
    const v = Array.isArray(raw) ? raw[0][0] : raw;
    const decimals = f.fn === 'DX_RATE' ? Number(f.args[2]) : undefined;
    lines.push(`${f.source}`, `  ${f.fn}(${f.args.map((a) => JSON.stringify(a)).join('; ')}) = ${displayValue(spec, v, decimals)}`);
  }
  return `${lines.join('\n')}\n`;
}
