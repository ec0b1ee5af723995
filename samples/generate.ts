/**
 * The sample city: a synthetic Nha Trang (its 12 offices, 9 public units and
 * 27 wards and communes) reporting every month from January to June 2023. A
 * fixed seed makes every run write the same figures. The wards' figures of the
 * six months add up to the city totals of seed 000, a 6-month report: flows
 * summed over the months consolidated (online dossiers 9.513 / 17.337; feedback
 * 65 = 55 + 10, 55 = 48 + 7), stocks as June stands (adults with e-ID
 * 103.223 / 311.736; feedback in process 10 = 1 + 9). A handful of units carry
 * the mistakes of seed 003; one unit does not report for May; one report is
 * completed late. Cam Ranh, a second small city, reports for June.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createTemplate } from '../shared/operations/create-template';
import { readUnitWorkbook } from '../shared/reading/unit-workbook';
import { CAM_RANH } from '../shared/registry/data/cam-ranh';
import { NHA_TRANG } from '../shared/registry/data/nha-trang';
import { UnitMatcher } from '../shared/registry/match';
import { Unit } from '../shared/registry/schema';
import { columnLetter } from '../shared/workbook/sheet-spec';
import { XlsxWorkbook } from '../xlsx/workbook';

export const MONTHS = ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06'];
export const DEADLINE_DAY = 15;

/** mulberry32: small, fast, good enough for plausible figures. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits a total into n whole parts in proportion to random weights, exactly (largest remainder). */
export function split(total: number, n: number, rnd: () => number): number[] {
  const w = Array.from({ length: n }, () => 0.5 + rnd());
  const sum = w.reduce((a, b) => a + b, 0);
  const raw = w.map((x) => (x / sum) * total);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k++, left--) out[order[k % n][1]]++;
  return out;
}

type Cells = Record<string, Record<string, Record<string, string | number | Date>>>;

/** Fills a template: table → row (code, or "#n") → field → value. */
async function fill(book: XlsxWorkbook, cells: Cells, cover: Record<string, string | Date>): Promise<void> {
  const read = readUnitWorkbook(await book.read());
  for (const [key, value] of Object.entries(cover)) {
    const f = read.cover[key as keyof typeof read.cover]!;
    book.book.getWorksheet(f.sheet)!.getCell(f.cell).value = value;
  }
  for (const [table, rows] of Object.entries(cells)) {
    const t = read.tables.find((x) => x.table === table)!;
    const items = t.rows.filter((r) => r.kind === 'item');
    for (const [row, fields] of Object.entries(rows)) {
      const k = Number(row.slice(1));
      // The project table's rows are blank lines of the template, not yet items: the n-th line under the header.
      const r = row.startsWith('#')
        ? (items[k - 1] ?? (table === 'T5' ? { row: t.headerRow + t.headerRows - 1 + k } : undefined))
        : items.find((x) => x.cells.code === row);
      if (!r) continue;
      for (const [field, value] of Object.entries(fields))
        book.book.getWorksheet(t.sheet)!.getCell(`${columnLetter(t.columns[field])}${r.row + 1}`).value = value;
    }
  }
}

const monthEnd = (m: string) => {
  const [y, mm] = m.split('-').map(Number);
  return new Date(Date.UTC(y, mm, 0));
};
const stamp = (d: Date) =>
  `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()} 16:30`;

/** Feedback all resolved on time within the month: received = resolved = on time, nothing in process. */
const settled = (n: number) => ({
  received: n,
  resolved: n,
  resolvedOnTime: n,
  resolvedLate: 0,
  inProcess: 0,
  inProcessOnTime: 0,
  inProcessLate: 0,
});

export interface SampleFile {
  month: string;
  unit: string;
  file: string;
}

/** Reports that are not consolidated: not sent, or kept out by a mistake (the flows go to the other months). */
const SKIPPED = new Set(['2023-05 Phường Phương Sơn', '2023-05 Phường Vạn Thạnh']);
const SENT = (month: string, unit: string) => !(month === '2023-05' && unit === 'Phường Phương Sơn');

/** Seed 000's 6-month flows, split over wards, then over each ward's consolidated months. */
type WardMonths = Record<string, number[][]>;

function wardFlows(wards: Unit[], rnd: () => number): { flows: WardMonths; stocks: Record<string, number[]> } {
  const totals = { online: 9513, received: 17337 - 9513, resolvedOnTime: 48, resolvedLate: 7 };
  const flows: WardMonths = {};
  for (const [k, total] of Object.entries(totals))
    flows[k] = split(total, wards.length, rnd).map((share, w) => {
      const months = MONTHS.filter((m) => !SKIPPED.has(`${m} ${wards[w].name}`));
      const parts = split(share, months.length, rnd);
      return MONTHS.map((m) => (months.includes(m) ? parts[months.indexOf(m)] : Math.round(share / 6)));
    });
  const stocks = {
    eid: split(103223, wards.length, rnd),
    adults: split(311736 - 103223, wards.length, rnd),
    inProcessOnTime: split(1, wards.length, rnd),
    inProcessLate: split(9, wards.length, rnd),
  };
  return { flows, stocks };
}

export async function generateSampleCity(dir: string, seed = 20230630): Promise<SampleFile[]> {
  const rnd = random(seed);
  const units = NHA_TRANG.units.filter((u) => u.parent === 'NT');
  const wards = units.filter((u) => u.group === 'ubnd-xa-phuong');
  const out: SampleFile[] = [];
  const figures = wardFlows(wards, rnd);
  for (const [mi, month] of MONTHS.entries()) {
    fs.mkdirSync(path.join(dir, month), { recursive: true });
    for (const unit of units) {
      // Phường Phương Sơn sent nothing for May.
      if (!SENT(month, unit.name)) continue;
      const book = new XlsxWorkbook();
      await createTemplate(book, { unit: unit.name, period: month, preparer: 'Cán bộ phụ trách CĐS' });
      const end = monthEnd(month);
      const reportDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 5 + Math.floor(rnd() * 8)));
      // Phòng Kinh tế completed its June report on the 22nd, after the 15th.
      const done = unit.name === 'Phòng Kinh tế' && month === '2023-06' ? new Date(Date.UTC(2023, 6, 22)) : reportDay;
      await fill(book, unitFigures(unit, wards, month, mi, figures, rnd), {
        reportDate: reportDay,
        completedAt: stamp(done),
      });
      const file = path.join(dir, month, `${unit.code} ${unit.name}.xlsx`);
      await book.save(file);
      out.push({ month, unit: unit.name, file });
    }
  }
  return out;
}

/** Cam Ranh's wards and communes for June 2023: plausible figures, no mistakes. */
export async function generateSecondCity(dir: string, seed = 20230601): Promise<SampleFile[]> {
  const rnd = random(seed);
  const matcher = new UnitMatcher([CAM_RANH]);
  const out: SampleFile[] = [];
  const month = '2023-06';
  fs.mkdirSync(dir, { recursive: true });
  for (const unit of CAM_RANH.units.filter((u) => u.parent === 'CR')) {
    const book = new XlsxWorkbook();
    await createTemplate(book, { unit: unit.name, period: month, preparer: 'Cán bộ phụ trách CĐS', matcher });
    const r = (lo: number, hi: number) => Math.round(lo + rnd() * (hi - lo));
    const online = r(80, 400);
    const eid = r(1500, 6000);
    const fb = r(0, 4);
    const received = r(200, 1200);
    await fill(
      book,
      {
        T1: {
          'CQS.HSTT': { numerator: online, denominator: online + r(50, 500) },
          'XHS.DDDT': { numerator: eid, denominator: eid + r(2000, 9000) },
        },
        T2: { '#1': { sentOn: r(100, 600), receivedOn: r(300, 1500), sentOff: 0, receivedOff: 0 } },
        T3b: { '#1': { received, onTime: received, late: 0, inProcess: 0 } },
        T4: { '#1': settled(fb) },
      },
      { reportDate: new Date(Date.UTC(2023, 6, 8)), completedAt: '08/07/2023 16:30' },
    );
    const file = path.join(dir, `${unit.code} ${unit.name}.xlsx`);
    await book.save(file);
    out.push({ month, unit: unit.name, file });
  }
  return out;
}

function unitFigures(
  unit: Unit,
  wards: Unit[],
  month: string,
  mi: number,
  figures: ReturnType<typeof wardFlows>,
  rnd: () => number,
): Cells {
  const w = wards.indexOf(unit);
  const last = mi === MONTHS.length - 1;
  const r = (lo: number, hi: number) => Math.round(lo + rnd() * (hi - lo));
  const cells: Cells = { T1: {}, T2: { '#1': {} }, T3a: { '#1': {} }, T3b: { '#1': {} }, T4: { '#1': {} }, T6a: {} };
  if (w >= 0) {
    const flow = (k: string) => figures.flows[k][w][mi];
    // Stocks grow towards June's, which are seed 000's; nothing is in process before June.
    const stock = (k: string, growth: number) => Math.round(figures.stocks[k][w] * (last ? 1 : 1 - growth * (5 - mi)));
    const online = flow('online');
    const eid = stock('eid', 0.03);
    cells.T1['CQS.HSTT'] = { numerator: online, denominator: online + flow('received') };
    cells.T1['XHS.DDDT'] = { numerator: eid, denominator: eid + stock('adults', 0.002) };
    const [rot, rl] = [flow('resolvedOnTime'), flow('resolvedLate')];
    const [iot, il] = last ? [stock('inProcessOnTime', 0), stock('inProcessLate', 0)] : [0, 0];
    cells.T4['#1'] = {
      received: rot + rl + iot + il,
      resolved: rot + rl,
      resolvedOnTime: rot,
      resolvedLate: rl,
      inProcess: iot + il,
      inProcessOnTime: iot,
      inProcessLate: il,
    };
  } else {
    cells.T1['CQS.VBDT'] = { numerator: r(180, 420), denominator: 0 };
    cells.T1['CQS.VBDT'].denominator = (cells.T1['CQS.VBDT'].numerator as number) + r(0, 4);
    const fb = r(0, 3);
    cells.T4['#1'] = settled(fb);
  }
  const total = r(300, 2500);
  const withResult = Math.round(total * (0.6 + rnd() * 0.3));
  cells.T3a['#1'] = {
    dossiers: total,
    withResult,
    signed: Math.round(withResult * (0.3 + rnd() * 0.5)),
    archived: r(0, 120),
  };
  const received = r(200, 2000);
  const late = r(0, 12);
  cells.T3b['#1'] = { received, onTime: received - late - r(0, 5), late, inProcess: 0 };
  (cells.T3b['#1'] as Record<string, number>).inProcess = received - (cells.T3b['#1'].onTime as number) - late;
  cells.T2['#1'] = { sentOn: r(150, 900), receivedOn: r(400, 2500), sentOff: 0, receivedOff: 0 };
  cells.T6a['#1'] =
    unit.name.startsWith('Phòng Tài nguyên') ||
    unit.name.startsWith('Phòng Giáo dục') ||
    unit.name.startsWith('Phòng Y tế')
      ? {}
      : { issued: 'X', document: `Kế hoạch số ${r(10, 300)}/KH-UBND` };
  const projects = PROJECTS[unit.name];
  if (projects) cells.T5 = projectCells(unit.name, projects);
  mistakes(unit, month, cells);
  return cells;
}

/**
 * A few units' projects and tasks in the style of seed 004 / 000 (names, lead agencies, "NS tỉnh, NS thành phố"),
 * the same every month: fixed values, no draw from the figures' random sequence, so no other figure moves.
 * A row of a name alone in capitals is a section heading; amounts in triệu đồng, blank where the seeds leave them.
 */
type ProjectLine =
  string | [name: string, period: string, source: string, kind: string, total: number | null, year: number | null];

const PROJECTS: Record<string, ProjectLine[]> = {
  'Phòng Văn hóa và Thông tin': [
    'XÂY DỰNG ĐÔ THỊ THÔNG MINH',
    [
      'Xây dựng Trung tâm Điều hành đô thị thông minh thành phố Nha Trang',
      '2023 - 2025',
      'NS thành phố',
      'Vốn đầu tư',
      17000,
      3000,
    ],
    [
      'Đầu tư nền tảng hạ tầng phục vụ đô thị thông minh thành phố Nha Trang',
      '2023 - 2025',
      'NS tỉnh, NS thành phố',
      'Vốn đầu tư',
      50000,
      13000,
    ],
    'NHIỆM VỤ CHUYỂN ĐỔI SỐ',
    ['Học tập kinh nghiệm chuyển đổi số', '2023', 'NS thành phố', 'Vốn sự nghiệp', null, null],
  ],
  'Văn phòng HĐND và UBND': [
    [
      'Đánh giá an toàn thông tin Hệ thống thông tin thành phố Nha Trang',
      '2023',
      'NS thành phố',
      'Vốn sự nghiệp',
      162,
      162,
    ],
  ],
  'Phòng Quản lý đô thị': [
    [
      'Phần mềm quản lý dự án đầu tư xây dựng trên địa bàn thành phố Nha Trang',
      '2022 - 2025',
      'NS thành phố',
      'Vốn sự nghiệp',
      1700,
      null,
    ],
  ],
  'Phòng Giáo dục và Đào tạo': [
    ['Phần mềm quản lý văn bằng, chứng chỉ', '2022 - 2024', 'NS thành phố', 'Vốn sự nghiệp', 500, 500],
  ],
  'Trung tâm Văn hóa - Thông tin và Thể thao': [
    [
      'Dự án Đài truyền thanh ứng dụng công nghệ thông tin – viễn thông phường Vĩnh Nguyên',
      '2023',
      'NS tỉnh',
      'Vốn đầu tư',
      920,
      920,
    ],
  ],
};

function projectCells(unit: string, lines: ProjectLine[]): Cells[string] {
  const out: Cells[string] = {};
  let n = 0;
  lines.forEach((line, i) => {
    if (typeof line === 'string') {
      out[`#${i + 1}`] = { name: line };
      return;
    }
    const [name, period, fundSource, fundKind, total, yearBudget] = line;
    out[`#${i + 1}`] = {
      stt: ++n,
      name,
      lead: unit,
      period,
      fundSource,
      fundKind,
      ...(total === null ? {} : { total }),
      ...(yearBudget === null ? {} : { yearBudget }),
      assessment: 'Đang thực hiện theo tiến độ',
    };
  });
  return out;
}

/** Seed 003's mistakes, put where a careful secretariat would catch them. */
function mistakes(unit: Unit, month: string, cells: Cells): void {
  const at = (name: string, m: string) => unit.name === name && month === m;
  if (at('Phòng Tư pháp', '2023-06')) cells.T3a['#1'].withResult = '24 loại';
  if (at('Phòng Y tế', '2023-06')) cells.T4['#1'].resolved = '100%';
  if (at('Ban quản lý Vịnh Nha Trang', '2023-06')) cells.T3a['#1'].signed = (cells.T3a['#1'].withResult as number) + 57;
  if (at('Phường Vạn Thạnh', '2023-05')) cells.T2['#1'].unit = 'Pường Vạn Thạnh';
  if (at('Trung tâm Y tế thành phố', '2023-06'))
    cells.T1['CQS.VBDT'] = { numerator: '118.103', denominator: '142.378', rate: '54.03%' };
}

if (require.main === module) {
  const dir = process.argv[2] ?? path.join(__dirname, '..', '..', '..', 'samples', 'nha-trang');
  void generateSampleCity(dir).then((files) =>
    process.stdout.write(`Đã tạo ${files.length} phiếu báo cáo mẫu trong ${dir}\n`),
  );
}
