import * as fs from 'fs';
import * as path from 'path';
import { defaultCatalogue } from '../shared/catalogue/catalogue';
import { consolidate, Consolidation } from '../shared/consolidate/consolidate';
import { tidyCsv } from '../shared/consolidate/tidy';
import { CAM_RANH } from '../shared/registry/data/cam-ranh';
import { KHANH_HOA } from '../shared/registry/data/khanh-hoa';
import { NHA_TRANG } from '../shared/registry/data/nha-trang';
import { provinceRegistry } from '../shared/registry/dvhc';
import { crosswalk } from '../shared/registry/history';
import { SheetSnapshot } from '../shared/workbook/port';
import { htmlReport } from '../shared/consolidate/html-report';
import { formatNumber, formatPercent } from '../shared/numbers/format';
import { annexBuffer, markedHtml } from './consolidate';
import { checkTargets, commitFiles, existingOwned, OutputTarget, withLocks } from './output';
import { DEADLINE_DAY, generateSampleCity, generateSecondCity, MONTHS, SampleFile } from '../samples/generate';
import { XlsxWorkbook } from '../xlsx/workbook';
import { readSnapshotFile } from '../xlsx/snapshots';
import { reportDocument } from '../shared/report/report';
import { ReportOptions } from '../shared/report/schema';
import { reportBytes } from '../word/report-docx';

/** One consolidation of the demo, written through a temporary file and a rename, owned by the product. */
interface DemoRun {
  title: string;
  file: string;
  result: Consolidation;
}

async function readAll(files: SampleFile[], base: string): Promise<Source[]> {
  const out: Source[] = [];
  for (const f of files)
    out.push({ source: { file: path.relative(base, f.file) }, sheets: (await readSnapshotFile(f.file)).sheets });
  return out;
}

type Source = { source: { file: string }; sheets: SheetSnapshot[] };

/** The sample city's report: who issues it, to whom, who signs (the number and date per report below). */
const REPORT: ReportOptions = {
  issuer: 'UBND thành phố Nha Trang',
  parent: 'UBND tỉnh Khánh Hòa',
  place: 'Nha Trang',
  recipients: [
    'UBND tỉnh Khánh Hòa',
    'Sở Thông tin và Truyền thông',
    'TT Thành ủy, TT HĐND thành phố',
    'Các phòng, ban, đơn vị',
  ],
  signerCapacity: 'TM. Ủy ban nhân dân',
  signerTitle: 'Chủ tịch',
};
const JUNE = { reportNo: '4890/BC-UBND', reportDate: '2023-07-05' };
const HALF = { reportNo: '5123/BC-UBND', reportDate: '2023-07-10' };

/**
 * `npm run demo`: the sample city end to end — its unit workbooks for January to June 2023 written, checked and
 * consolidated for June (out/annexes.xlsx, out/report.html), for the June quarter (out/quy-2.xlsx) and for the
 * six months (out/6-thang.xlsx, with out/du-lieu-6-thang.csv); a second city, Cam Ranh, for June; and the
 * province of Khánh Hòa consolidated from the two cities' June annexes (out/tinh-khanh-hoa.xlsx).
 */
export async function runDemo(root: string, out: (s: string) => void): Promise<number> {
  const samples = path.join(root, 'samples', 'nha-trang');
  const second = path.join(root, 'samples', 'cam-ranh');
  const outDir = path.join(root, 'out');
  const at = (name: string) => path.join(outDir, name);
  const files = {
    june: at('annexes.xlsx'),
    report: at('report.html'),
    word: at('bao-cao.docx'),
    wordHalf: at('bao-cao-6-thang.docx'),
    quarter: at('quy-2.xlsx'),
    half: at('6-thang.xlsx'),
    tidy: at('du-lieu-6-thang.csv'),
    camRanh: at('cam-ranh.xlsx'),
    province: at('tinh-khanh-hoa.xlsx'),
  };
  const targets: OutputTarget[] = Object.entries(files).map(([role, file]) => ({
    file,
    role,
    kind: file.endsWith('.html') ? 'html' : file.endsWith('.csv') ? 'csv' : file.endsWith('.docx') ? 'docx' : 'xlsx',
  }));
  fs.mkdirSync(outDir, { recursive: true });
  checkTargets(targets, []);
  // out/ may hold files of the user's: only the product's own annexes, data and report are ever replaced.
  for (const t of targets) await existingOwned(t);
  fs.rmSync(samples, { recursive: true, force: true });
  fs.rmSync(second, { recursive: true, force: true });
  out('Thành phố mẫu: Nha Trang (12 cơ quan chuyên môn, 9 đơn vị sự nghiệp, 27 xã phường), tháng 1–6/2023.\n');
  const made = await generateSampleCity(samples);
  out(`  Đã tạo ${made.length} phiếu báo cáo trong ${path.relative(root, samples)}/\n`);
  const sources = await readAll(made, samples);
  const opts = { deadlineDay: DEADLINE_DAY, issuer: REPORT.issuer };
  const june = consolidate(sources, { ...opts, ...JUNE, period: MONTHS[MONTHS.length - 1] });
  const runs: DemoRun[] = [
    { title: 'tháng 6/2023', file: files.june, result: june },
    { title: 'quý II/2023', file: files.quarter, result: consolidate(sources, { ...opts, period: '2023-Q2' }) },
    {
      title: '6 tháng đầu năm 2023',
      file: files.half,
      result: consolidate(sources, { ...opts, ...HALF, period: '2023-H1' }),
    },
  ];
  out('Thành phố thứ hai: Cam Ranh (8 phường, 6 xã), tháng 6/2023.\n');
  const camRanh = await generateSecondCity(second);
  const cr = consolidate(await readAll(camRanh, second), { ...opts, period: '2023-06', registry: CAM_RANH });
  runs.push({ title: 'Cam Ranh, tháng 6/2023', file: files.camRanh, result: cr });
  // The province takes the two cities' annexes as they were written: each city is one unit of it.
  const annexOf = async (r: Consolidation, name: string): Promise<Source> => {
    const book = new XlsxWorkbook();
    await book.write(r.sheets);
    return {
      source: { file: name },
      sheets: await XlsxWorkbook.fromBuffer(await book.toBuffer()).then((b) => b.read()),
    };
  };
  const province = consolidate(
    [await annexOf(june, path.basename(files.june)), await annexOf(cr, path.basename(files.camRanh))],
    { ...opts, period: '2023-06', registry: KHANH_HOA },
  );
  runs.push({
    title: 'tỉnh Khánh Hòa (từ phụ lục của hai thành phố), tháng 6/2023',
    file: files.province,
    result: province,
  });
  const half = runs[2].result;
  await withLocks(targets, async () => {
    for (const t of targets) await existingOwned(t);
    await commitFiles([
      ...(await Promise.all(runs.map(async (r) => ({ file: r.file, data: await annexBuffer(r.result) })))),
      { file: files.tidy, data: tidyCsv(half.tidy) },
      { file: files.word, data: await reportBytes(reportDocument(june, { ...REPORT, ...JUNE })) },
      {
        file: files.wordHalf,
        data: await reportBytes(reportDocument(half, { ...REPORT, ...HALF })),
      },
      {
        file: files.report,
        data: markedHtml(
          htmlReport(june, defaultCatalogue(), 'Báo cáo tổng hợp chuyển đổi số — Nha Trang, tháng 6/2023'),
        ),
      },
    ]);
  });
  const s = june.summary;
  const issues = [
    ...june.collected.included.flatMap((x) => x.issues),
    ...june.collected.excluded.flatMap((x) => x.issues ?? []),
  ];
  const errors = issues.filter((i) => i.severity === 'loi').length;
  out(
    `Kiểm tra tháng 6/2023: ${s.included.length + s.excluded.length} phiếu, ` +
      `${errors} lỗi, ${issues.length - errors} cảnh báo.\n`,
  );
  for (const e of s.excluded) out(`  Không tổng hợp ${e.unit}: ${e.reason}\n`);
  for (const r of runs) {
    const x = r.result.summary;
    out(`Tổng hợp ${r.title}: ${x.included.length} đơn vị; chưa nộp ${x.missing.length}.\n`);
    for (const i of x.indicators.filter((k) => ['CQS.HSTT', 'XHS.DDDT'].includes(k.code)))
      out(
        `  ${i.code.padEnd(10)} ${formatNumber(i.numerator)}/${formatNumber(i.denominator)} = ` +
          `${i.rate === null ? '—' : formatPercent(i.rate)}  ${i.name}\n`,
      );
    for (const w of x.warnings.filter((k) => k.includes('chưa có báo cáo được tổng hợp'))) out(`  ${w}\n`);
  }
  // Today's map: the 2023 sample city's units as today's wards of Khánh Hòa, where the merger table allows.
  const walk = crosswalk(NHA_TRANG, provinceRegistry('56')!);
  const wards = walk.unplaced.filter((u) => u.group === 'ubnd-xa-phuong');
  out(
    `Bản đồ từ 01/07/2025: ${walk.placed.length} phường, xã của Nha Trang năm 2023 thuộc ` +
      `${new Set(walk.placed.map((p) => p.to.code)).size} phường, xã mới của tỉnh Khánh Hòa (56); ` +
      `không xếp được ${wards.length} (đã sáp nhập trước đó): ${wards.map((u) => u.name).join(', ')}.\n`,
  );
  out('Kết quả:\n');
  for (const r of runs)
    out(
      `  ${path.relative(root, r.file)}  ${r.title} (${r.result.sheets
        .filter((x) => !x.hidden)
        .map((x) => x.name)
        .join(', ')})\n`,
    );
  out(`  ${path.relative(root, files.tidy)}  dữ liệu 6 tháng, mỗi đơn vị × số liệu một dòng\n`);
  out(`  ${path.relative(root, files.report)}\n`);
  out(`  ${path.relative(root, files.word)}  báo cáo Word tháng 6/2023, kèm các phụ lục\n`);
  out(`  ${path.relative(root, files.wordHalf)}  báo cáo Word 6 tháng đầu năm 2023, kèm các phụ lục\n`);
  return 0;
}
