import { roman } from '../templates/version';
import { SheetSpec } from '../workbook/sheet-spec';
import { AnnexOptions, c, opening, sheet } from './annex';
import { LEVEL_LABEL, ProjectRow, projectTotals, statusCounts } from './projects';

/** Phụ lục of projects (investment or recurrent funds): by unit, subtotals by budget level, status counts. */
export function projectAnnex(name: string, caption: string, projects: ProjectRow[], opts: AnnexOptions): SheetSpec {
  const headers = [
    'STT',
    'Tên dự án, nhiệm vụ',
    'Cơ quan chủ trì',
    'Mục tiêu, nội dung',
    'Thời gian triển khai',
    'Nguồn vốn',
    'Tổng mức đầu tư',
    'Kế hoạch kinh phí năm',
    'Đánh giá',
  ];
  const { rows, merges } = opening(name, caption, headers.length, opts, 'Đơn vị tính: triệu đồng.');
  const top = rows.length;
  rows.push(headers.map((h) => c(h, 'header')));
  // The units' own section headings when they wrote them, else one section per unit.
  const heading = (p: ProjectRow) => p.section ?? p.unit.toUpperCase();
  const sections = [...new Set(projects.map(heading))];
  sections.forEach((title, ui) => {
    rows.push([c(roman(ui + 1), 'group'), c(title, 'group'), ...Array(headers.length - 2).fill(c(null, 'group'))]);
    projects
      .filter((p) => heading(p) === title)
      .forEach((p, i) =>
        rows.push([
          c(`${i + 1}`, 'text'),
          c(p.name, 'text'),
          c(p.lead, 'text'),
          c(p.content, 'text'),
          c(p.period, 'text'),
          c(p.fundSource, 'text'),
          c(p.total, 'money'),
          c(p.yearBudget, 'money'),
          c(p.assessment, 'text'),
        ]),
      );
  });
  const totals = projectTotals(projects);
  for (const l of totals.byLevel)
    rows.push([
      c(null, 'total'),
      c(LEVEL_LABEL[l.level], 'total'),
      c(null, 'total'),
      c(null, 'total'),
      c(null, 'total'),
      c(null, 'total'),
      c(l.total, 'total'),
      c(l.yearBudget, 'total'),
      c(null, 'total'),
    ]);
  rows.push([
    c(null, 'total'),
    c('Tổng cộng:', 'total'),
    c(null, 'total'),
    c(null, 'total'),
    c(null, 'total'),
    c(null, 'total'),
    c(totals.total, 'total'),
    c(totals.yearBudget, 'total'),
    c(null, 'total'),
  ]);
  const st = statusCounts(projects);
  rows.push(
    [],
    [
      c(
        `Tổng số nhiệm vụ: ${st.total}, trong đó: ${st.byStatus.map((s) => `${s.status}: ${s.count}`).join('; ')}` +
          `${st.other ? `; chưa đánh giá: ${st.other}` : ''}.`,
        'note',
      ),
    ],
  );
  return sheet(name, rows, merges, [6, 36, 22, 30, 14, 16, 14, 14, 24], top, 1);
}
