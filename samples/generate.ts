/**
 * The sample city: a synthetic Nha Trang (its 12 offices, 9 public units and
 * 27 wards and communes) reporting every month from January to June 2023. A
 * fixed seed makes every run write the same figures. The wards' figures of the
 * six months add up to the city totals of seed 000, a 6-month report: flows
 * summed over the months consolidated (online dossiers 9.513 / 17.337; feedback
 * 65 = 55 + 10, 55 = 48 + 7), stocks as June stands (adults with e-ID
 * 103.223 / 311.736; feedback in process 10 = 1 + 9). A handful of units carry
 * the mistakes of seed 003; one unit does not report for May; one report is
 * completed late. A few units write their results, difficulties and proposals for June, in seed 000's words;
 * the offices and two public units list their information systems (seed 001 Annex I).
 * Cam Ranh, a second small city, reports for June.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createTemplate } from '../shared/operations/create-template';
import { readUnitWorkbook } from '../shared/reading/unit-workbook';
import { CAM_RANH } from '../shared/registry/data/cam-ranh';
import { NHA_TRANG } from '../shared/registry/data/nha-trang';
import { UnitMatcher } from '../shared/registry/match';
import { Unit } from '../shared/registry/schema';
import { NOTE_ROWS, NOTE_SECTIONS, NoteSection, NOTES_SHEET, notesSheet } from '../shared/templates/notes';
import { columnLetter, fitRowHeights } from '../shared/workbook/sheet-spec';
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

/** Tables whose template rows are blank lines until typed into. */
const FREE_LINES = ['T5', 'T6b'];

/** Fills a template: table → row (code, or "#n") → field → value (the benchmark's workbooks too). */
export async function fill(book: XlsxWorkbook, cells: Cells, cover: Record<string, string | Date>): Promise<void> {
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
      // The project and systems tables' rows are blank lines of the template, not yet items: the n-th line under
      // the header.
      const r = row.startsWith('#')
        ? (items[k - 1] ?? (FREE_LINES.includes(table) ? { row: t.headerRow + t.headerRows - 1 + k } : undefined))
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
      if (month === '2023-06' && NOTES[unit.name]) await fillNotes(book, NOTES[unit.name]);
      if (month === '2023-06' && OWN_NOTES[unit.name]) ownNotes(book, OWN_NOTES[unit.name]);
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
  const system = SYSTEMS[unit.name];
  if (system) cells.T6b = { '#1': systemCells(unit.name, system, month) };
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

/**
 * The information systems of seed 001 Annex I, one a unit, the same every month: fixed values, no draw from the
 * figures' random sequence, so no other figure moves. Each office runs "Hệ thống thông tin <office>" (the city's
 * own is the Văn phòng's), two public units one each; its level proposed, the deadline the province set
 * (Quý II/2021), the stage of its approval; approved ones with the date. Five are not approved yet, in seed 001's
 * stages; Phòng Giáo dục và Đào tạo's is approved in April (under appraisal before), so Phụ lục VIII reads the
 * latest report.
 */
type SystemLine = [name: string | null, level: 1 | 2, stage: string, approvedOn?: string, before?: string];

const SYSTEMS: Record<string, SystemLine> = {
  'Văn phòng HĐND và UBND': ['Hệ thống thông tin thành phố Nha Trang', 2, 'Hồ sơ đang được thẩm định'],
  'Phòng Nội vụ': [null, 1, 'Hồ sơ đang được thẩm định'],
  'Phòng Tư pháp': [null, 1, 'Đã phê duyệt', '2021-06-18'],
  'Phòng Tài chính - Kế hoạch': [null, 1, 'Đã phê duyệt', '2021-06-25'],
  'Phòng Tài nguyên và Môi trường': [null, 1, 'Chưa xây dựng'],
  'Phòng Lao động - Thương binh và Xã hội': [null, 2, 'Hồ sơ trình thẩm định chưa đạt yêu cầu'],
  'Phòng Văn hóa và Thông tin': [null, 2, 'Đã phê duyệt', '2021-05-20'],
  'Phòng Giáo dục và Đào tạo': [null, 2, 'Đã phê duyệt', '2023-04-14', 'Hồ sơ đang được thẩm định'],
  'Phòng Y tế': [null, 1, 'Đã phê duyệt', '2021-09-08'],
  'Thanh tra thành phố': [null, 1, 'Chưa xây dựng'],
  'Phòng Kinh tế': [null, 1, 'Đã phê duyệt', '2021-06-30'],
  'Phòng Quản lý đô thị': [null, 2, 'Đã phê duyệt', '2021-12-10'],
  'Trung tâm Văn hóa - Thông tin và Thể thao': [
    'Hệ thống thông tin nguồn thành phố Nha Trang',
    1,
    'Đã phê duyệt',
    '2022-03-15',
  ],
  'Trung tâm Y tế thành phố': ['Hệ thống thông tin quản lý bệnh viện', 2, 'Đã phê duyệt', '2021-11-22'],
};

function systemCells(unit: string, line: SystemLine, month: string): Cells[string][string] {
  const [name, level, stage, approvedOn, before] = line;
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const decided = !approvedOn || monthEnd(month) >= day(approvedOn);
  return {
    stt: 1,
    system: name ?? `Hệ thống thông tin ${unit}`,
    operator: unit,
    level: String(level),
    deadline: 'Quý II/2021',
    approval: decided ? stage : (before ?? stage),
    ...(approvedOn && decided ? { approvedOn: day(approvedOn) } : {}),
  };
}

/**
 * What a few units write for the report's qualitative sections in June (seed 000 §8, III.2, IV, V): fixed
 * text, no draw from the random sequence, so no figure moves.
 */
type Notes = Partial<Record<NoteSection, string[]>>;

const NOTES: Record<string, Notes> = {
  'Phòng Văn hóa và Thông tin': {
    results: [
      'Tham mưu UBND thành phố ban hành Kế hoạch chuyển đổi số năm 2023; 27/27 xã, phường đã ban hành Kế hoạch ' +
        'chuyển đổi số của đơn vị.',
      '27/27 xã, phường hợp nhất Tổ công nghệ số cộng đồng và Tổ công tác Đề án 06 tại 356/356 thôn, tổ dân phố ' +
        'với 2.888 thành viên.',
    ],
    difficulties: [
      'Nhiều chứng thư số của các cơ quan, đơn vị bị hỏng, phải chờ đợi Cục Chứng thực số và Bảo mật thông tin ' +
        'cấp mới.',
      'Phần mềm một cửa điện tử còn tồn tại hiện tượng mất kết nối, không thể đăng nhập trong một số thời điểm ' +
        'nhất định.',
      'Nhân lực phụ trách công nghệ thông tin tại các cơ quan, đơn vị còn thiếu, phải kiêm nhiệm nhiều việc.',
    ],
    proposals: [
      'Đề nghị Sở Thông tin và Truyền thông sớm triển khai thực hiện hệ thống ký số chuyên dùng tập trung để tạo ' +
        'điều kiện thuận lợi trong quá trình tác nghiệp.',
      'Đề nghị Sở Thông tin và Truyền thông hướng dẫn cách tính tỷ lệ cán bộ, công chức, viên chức sử dụng ' +
        'thường xuyên hộp thư điện tử công vụ.',
    ],
  },
  'Phường Vĩnh Phước': {
    results: [
      'Duy trì mô hình “Thanh niên xung kích tham gia cải cách hành chính”: Đoàn Thanh niên phường, dân quân ' +
        'thường trực hướng dẫn người dân thực hiện dịch vụ công và thủ tục hành chính.',
      'Tổ hỗ trợ nộp hồ sơ trực tuyến đã hướng dẫn 280 lượt công dân; công dân tự nộp trực tuyến tại điểm 72 hồ sơ.',
    ],
    difficulties: [
      'Đa số người dân đến làm thủ tục chưa biết cần mang những giấy tờ gì; người lớn tuổi cần hỗ trợ kê khai ' +
        'thông tin hồ sơ.',
    ],
    proposals: [
      'Kiến nghị UBND tỉnh hỗ trợ kinh phí hoạt động của các Tổ công nghệ số cộng đồng và triển khai Đề án 06 ở ' +
        'các thôn, tổ.',
    ],
  },
  'Phòng Nội vụ': {
    difficulties: [
      'Phần mềm Quản lý cán bộ, công chức, viên chức thường xuyên lỗi, chậm, thao tác phức tạp, nên hầu hết các ' +
        'cơ quan, đơn vị chưa hoàn thành việc cập nhật thông tin lên phần mềm.',
    ],
  },
};

/**
 * Into the template's sheet: each section's lines below its heading and hint, "- …" as units type them, each
 * row as tall as its text (typed by hand, Excel would grow it; a file written here does not grow by itself).
 */
async function fillNotes(book: XlsxWorkbook, notes: Notes): Promise<void> {
  const [sheet] = await book.read([NOTES_SHEET]);
  const spec = notesSheet();
  const ws = book.book.getWorksheet(NOTES_SHEET)!;
  for (const section of NOTE_SECTIONS) {
    const r = sheet.values.findIndex((row) => row[0] === section.heading);
    (notes[section.key] ?? []).slice(0, NOTE_ROWS).forEach((line, k) => {
      const text = `- ${line}`;
      ws.getCell(r + 3 + k, 2).value = text;
      const [height] = fitRowHeights({ ...spec, rows: [[null, { v: text, s: 'inputText' }]], merges: [] });
      if (height) ws.getRow(r + 3 + k).height = height;
    });
  }
}

/**
 * A unit that writes its points as it writes its reports (seed 000 §8, Vạn Thạnh): a sheet of its own, the
 * headings and lines "- …" in column A, the template's sheet left empty. The reader finds them by the headings.
 */
const OWN_NOTES: Record<string, string[]> = {
  'Phường Vạn Thạnh': [
    'Báo cáo của UBND phường Vạn Thạnh',
    '1. Kết quả nổi bật',
    '- Ban hành Kế hoạch số 221/KH-UBND ngày 21/02/2023 xây dựng mô hình “Ngày thứ 2, thứ 5 thông minh với Tổ ' +
      'công nghệ số cộng đồng phường Vạn Thạnh”.',
    '- Tổ công nghệ số cộng đồng đi từng ngõ, gõ từng nhà, hỗ trợ người dân cài đặt định danh điện tử VNeID, nộp ' +
      'hồ sơ và thanh toán trực tuyến.',
    '2. Khó khăn',
    '- Nhu cầu nộp hồ sơ trực tuyến của người dân chưa cao; nhiều người dân chưa có tài khoản thanh toán.',
  ],
};

function ownNotes(book: XlsxWorkbook, lines: string[]): void {
  const ws = book.book.addWorksheet('Báo cáo');
  ws.getColumn(1).width = 100;
  lines.forEach((line, i) => (ws.getCell(i + 1, 1).value = line));
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
