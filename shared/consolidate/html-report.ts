import { Indicator } from '../catalogue/schema';
import { maxOf } from '../numbers/bounds';
import { formatNumber, formatPercent } from '../numbers/format';
import { stripInvisible } from '../text/invisible';
import { describe } from './collect';
import { Consolidation } from './consolidate';
import { rateOf } from './kpi';

/** Every string that reaches the page goes through here: escaped, without invisible characters. */
export function escapeHtml(s: unknown): string {
  return stripInvisible(String(s ?? '')).replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}

/**
 * A horizontal bar chart, drawn as SVG by hand: one bar per unit for one
 * indicator, the consolidated rate as a line. No script, no network.
 */
export function barChartSvg(
  title: string,
  bars: Array<{ label: string; value: number }>,
  total: number | null,
): string {
  const rowH = 22;
  const left = 210;
  const width = 640;
  const plot = width - left - 70;
  const height = 40 + bars.length * rowH + 30;
  const max = maxOf(
    bars.map((b) => b.value).filter(Number.isFinite),
    Math.max(1, Number.isFinite(total) ? (total as number) : 0),
  );
  const x = (v: number) => left + (v / max) * plot;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" ` +
      `aria-label="${escapeHtml(title)}" font-family="Arial, sans-serif" font-size="12">`,
    `<text x="0" y="16" font-weight="bold">${escapeHtml(title)}</text>`,
  ];
  bars.forEach((b, i) => {
    const y = 32 + i * rowH;
    parts.push(`<text x="${left - 6}" y="${y + 14}" text-anchor="end">${escapeHtml(b.label)}</text>`);
    parts.push(
      `<rect x="${left}" y="${y + 3}" width="${Math.max(0, x(b.value) - left).toFixed(1)}" height="${rowH - 6}" ` +
        `fill="#1b7f4c"><title>${escapeHtml(`${b.label}: ${formatPercent(b.value)}`)}</title></rect>`,
    );
    parts.push(`<text x="${(x(b.value) + 4).toFixed(1)}" y="${y + 14}">${escapeHtml(formatPercent(b.value))}</text>`);
  });
  if (total !== null) {
    const tx = x(total).toFixed(1);
    parts.push(`<line x1="${tx}" x2="${tx}" y1="28" y2="${height - 24}" stroke="#cf222e" stroke-dasharray="4 3"/>`);
    parts.push(
      `<text x="${tx}" y="${height - 8}" text-anchor="middle" fill="#cf222e">` +
        `Chung: ${escapeHtml(formatPercent(total))}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The main indicators for the chart: those most units reported. */
export function mainIndicators(c: Consolidation, n = 3): string[] {
  return [...c.kpi.codes]
    .sort((a, b) => c.kpi.total.get(b)!.units - c.kpi.total.get(a)!.units || a.localeCompare(b))
    .slice(0, n);
}

/** The printable HTML report of a consolidation, in Vietnamese. */
export function htmlReport(c: Consolidation, catalogue: Indicator[], title = 'Báo cáo tổng hợp chuyển đổi số'): string {
  const s = c.summary;
  const charts = mainIndicators(c).map((code) => {
    const ind = catalogue.find((i) => i.code === code)!;
    const bars = c.kpi.byUnit
      .filter((u) => u.values.has(code))
      .map((u) => ({ label: u.unit, value: rateOf(u.values.get(code)!) ?? 0 }));
    // Titled by the indicator's name, as the annexes are: codes are the product's, not the reader's.
    return barChartSvg(ind.name, bars, rateOf(c.kpi.total.get(code)!));
  });
  const issues = [
    ...c.collected.included.flatMap((x) =>
      x.issues.map((i) => ({ ...i, unit: x.unit.name, file: describe(x.source) })),
    ),
    ...c.collected.excluded.flatMap((x) =>
      (x.issues ?? []).map((i) => ({ ...i, unit: x.unit ?? '', file: describe(x.source) })),
    ),
  ];
  const row = (cells: unknown[]) => `<tr>${cells.map((x) => `<td>${escapeHtml(x)}</td>`).join('')}</tr>`;
  return (
    `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font-family:"Times New Roman",serif;margin:24px;color:#111}h1{font-size:20px}h2{font-size:16px;margin-top:24px}
table{border-collapse:collapse;width:100%;font-size:13px}` +
    `td,th{border:1px solid #999;padding:3px 6px;vertical-align:top}th{background:#d9ead3}
td.num{text-align:right}.note{color:#555;font-size:12px}@media print{body{margin:0}h2{page-break-after:avoid}}
</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p>Đã tổng hợp <b>${s.included.length}</b> đơn vị; ` +
    `không tổng hợp ${s.excluded.length}; chưa nộp ${s.missing.length}.</p>
<h2>Chỉ tiêu (tổng tử số / tổng mẫu số)</h2>
<table><tr><th>Mã</th><th>Chỉ tiêu</th><th>Tử số</th><th>Mẫu số</th><th>Tỷ lệ</th><th>Số đơn vị</th></tr>
${s.indicators
  .map(
    (i) =>
      `<tr><td>${escapeHtml(i.code)}</td><td>${escapeHtml(i.name)}</td>` +
      `<td class="num">${escapeHtml(formatNumber(i.numerator))}</td>` +
      `<td class="num">${escapeHtml(formatNumber(i.denominator))}</td>` +
      `<td class="num">${escapeHtml(i.rate === null ? '—' : formatPercent(i.rate))}</td>` +
      `<td class="num">${i.units}</td></tr>`,
  )
  .join('\n')}
</table>
<h2>Lỗi và cảnh báo trong các phiếu (${issues.length})</h2>
${
  issues.length
    ? `<table><tr><th>Đơn vị</th><th>Tệp</th><th>Ô</th><th>Quy tắc</th><th>Mức</th><th>Nội dung</th></tr>
${issues
  .map((i) =>
    row([
      i.unit,
      i.file ?? '',
      `${i.sheet}!${i.cell}`,
      i.rule,
      i.severity === 'loi' ? 'lỗi' : 'cảnh báo',
      i.message + (i.fix ? ` → ${i.fix}` : ''),
    ]),
  )
  .join('\n')}</table>`
    : '<p>Không có.</p>'
}
<h2>Biểu đồ</h2>
${charts.join('\n')}
<h2>Đơn vị không tổng hợp</h2>
<table><tr><th>Đơn vị</th><th>Nguồn</th><th>Lý do</th></tr>${s.excluded
      .map((e) => row([e.unit ?? '', e.source, e.reason]))
      .join('')}</table>
<h2>Chưa nộp</h2><p>${escapeHtml(s.missing.join(', ') || 'Không có')}</p>
${s.warnings.length ? `<h2>Cảnh báo</h2><ul>${s.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>` : ''}
<p class="note">Tỷ lệ chung luôn là tổng tử số chia tổng mẫu số của các đơn vị, không lấy trung bình các tỷ lệ.</p>
</body></html>
`
  );
}
