import * as fs from 'fs';
import { parseCommandLine } from '../cli/args';
import { runMissing } from '../cli/missing';
import { consolidate } from '../shared/consolidate/consolidate';
import { digestLines, digestOf } from '../shared/consolidate/digest';
import { isMissingCsv, MISSING_SHEET, missingCsv } from '../shared/consolidate/missing-list';
import { SourceRef } from '../shared/consolidate/collect';
import { Registry } from '../shared/registry/schema';
import { SheetSnapshot } from '../shared/workbook/port';
import { XlsxWorkbook } from '../xlsx/workbook';
import { runMain } from './helpers/cli';
import { CONSISTENT, doneInJuly, Edit, unitSheets, unitWorkbook } from './helpers/unit-fixture';
import { tmpFile } from './helpers/xlsx';

/**
 * The registry of the tests: the four units that send something, one whose officer the registry names, and
 * eleven that never send: thirteen units not sent for June, more than the ten the pane used to show.
 */
const SILENT = Array.from({ length: 11 }, (_, i) => `Xã Thử Nghiệm ${i + 1}`);
const REGISTRY_DATA = {
  code: 'DM',
  name: 'Danh mục thử',
  units: [
    { code: 'P01', name: 'Phường Lộc Thọ', group: 'ubnd-xa-phuong' },
    { code: 'P02', name: 'Phường Vạn Thạnh', group: 'ubnd-xa-phuong' },
    { code: 'P03', name: 'Phường Tân Lập', group: 'ubnd-xa-phuong' },
    { code: 'P04', name: 'Phường Phước Hòa', group: 'ubnd-xa-phuong' },
    { code: 'P05', name: 'Phường Xương Huân', group: 'ubnd-xa-phuong', contact: 'xuonghuan@nhatrang.gov.vn' },
    ...SILENT.map((name, i) => ({ code: `X${String(i + 1).padStart(2, '0')}`, name, group: 'ubnd-xa-phuong' })),
  ],
};
const REGISTRY = Registry.parse(REGISTRY_DATA);

const stamp = (m: number, d: number): Edit => ({ cover: 'completedAt', value: new Date(Date.UTC(2023, m - 1, d, 9)) });

/** Who sends what: June on time, June late (and May late), May only with a contact, June with an error. */
const UNITS: Array<{ unit: string; period: string; edits: Edit[] }> = [
  { unit: 'Phường Lộc Thọ', period: '2023-06', edits: [...CONSISTENT, ...doneInJuly(10)] },
  { unit: 'Phường Vạn Thạnh', period: '2023-06', edits: [...CONSISTENT, ...doneInJuly(25)] },
  { unit: 'Phường Vạn Thạnh', period: '2023-05', edits: [...CONSISTENT, stamp(6, 23)] },
  {
    unit: 'Phường Tân Lập',
    period: '2023-05',
    edits: [
      ...CONSISTENT,
      stamp(6, 12),
      { cover: 'preparer', value: 'Trần Thị B' },
      { cover: 'phone', value: '0258 3822 111' },
    ],
  },
  {
    unit: 'Phường Phước Hòa',
    period: '2023-06',
    edits: [...CONSISTENT, ...doneInJuly(12), { table: 'T1', row: 'XHS.DDDT', field: 'numerator', value: '24 loại' }],
  },
];

let sources: Array<{ source: SourceRef; sheets: SheetSnapshot[] }>;
beforeAll(async () => {
  sources = [];
  for (const [i, u] of UNITS.entries())
    sources.push({ source: { file: `u${i}.xlsx` }, sheets: await unitSheets(u.edits, u.unit, u.period) });
}, 60000);

const NOW = new Date(Date.UTC(2023, 7, 1));

describe('the secretariat’s summary, as data', () => {
  test('June: period in words, included, late after the deadline day, left out, and every unit not sent', () => {
    const result = consolidate(sources, { registry: REGISTRY, period: '2023-06', now: NOW });
    const d = digestOf(result.summary, '(--registry)');
    expect(d.period).toBe('tháng 6/2023');
    expect(d.periodLine).toBe('Kỳ tổng hợp: tháng 6/2023.');
    const section = (k: string) => d.sections.find((x) => x.key === k)!;
    expect(section('included').items.map((i) => i.name)).toEqual(['Phường Lộc Thọ', 'Phường Vạn Thạnh']);
    // Phụ lục II's rule: completed on 25/07 for June, due on the 20th of July.
    expect(section('late').items.map((i) => i.text)).toEqual([
      'Phường Vạn Thạnh — tháng 6/2023: hoàn thành 25/07/2023, hạn 20/07/2023',
    ]);
    expect(section('late').note).toBe('hoàn thành sau ngày 20 của tháng sau kỳ');
    expect(section('withErrors').items).toHaveLength(1);
    expect(section('withErrors').items[0].name).toBe('Phường Phước Hòa');
    expect(section('withErrors').items[0].detail).toMatch(/^u4\.xlsx: Còn 1 lỗi/);
    // Every unit not sent, none cut: the thirteen of the registry, in its order, with whom to call.
    const notSent = section('notSent');
    expect(notSent.count).toBe(13);
    expect(notSent.items.map((i) => i.name)).toEqual(['Phường Tân Lập', 'Phường Xương Huân', ...SILENT]);
    expect(notSent.items[0].detail).toBe('người lập Trần Thị B, điện thoại 0258 3822 111 (theo báo cáo tháng 5/2023)');
    expect(notSent.items[1].detail).toBe('liên hệ theo danh mục xuonghuan@nhatrang.gov.vn');
    expect(notSent.items[2].detail).toBe('chưa có báo cáo nào, danh mục không ghi liên hệ');
    expect(notSent.note).toBe('theo danh mục đơn vị; hạn nộp 20/07/2023');
    expect(d.counts).toEqual({ included: 2, late: 1, withErrors: 1, notSent: 13 });
    expect(d.registryLine).toBe('Danh mục đơn vị của văn phòng (--registry): Danh mục thử (DM), 16 đơn vị.');
    // No unstamped report: no such section.
    expect(d.sections.map((x) => x.key)).toEqual(['included', 'late', 'withErrors', 'notSent']);
  });

  test('a quarter: a unit late in two months is one late unit with both months; the range said as the seeds say it', () => {
    const d = digestOf(consolidate(sources, { registry: REGISTRY, period: '2023-Q2', now: NOW }).summary);
    expect(d.periodLine).toBe('Kỳ tổng hợp: quý II/2023.');
    const late = d.sections.find((x) => x.key === 'late')!;
    expect(late.items).toEqual([
      {
        name: 'Phường Vạn Thạnh',
        detail:
          'tháng 5/2023: hoàn thành 23/06/2023, hạn 20/06/2023; tháng 6/2023: hoàn thành 25/07/2023, hạn 20/07/2023',
        text: expect.stringContaining('Phường Vạn Thạnh — tháng 5/2023'),
      },
    ]);
    // Tân Lập's May report is inside the quarter: sent, not missing.
    expect(d.sections.find((x) => x.key === 'notSent')!.items.map((i) => i.name)).not.toContain('Phường Tân Lập');
    // A deadline day of 25: the same reports are on time.
    const later = digestOf(
      consolidate(sources, { registry: REGISTRY, period: '2023-Q2', deadlineDay: 25, now: NOW }).summary,
    );
    expect(later.counts.late).toBe(0);
  });

  test('a report without a completion stamp is said apart: neither on time nor late', async () => {
    const unstamped = await unitSheets([...CONSISTENT], 'Phường Lộc Thọ', '2023-06');
    const d = digestOf(
      consolidate([{ source: { file: 'x.xlsx' }, sheets: unstamped }], { registry: REGISTRY, now: NOW }).summary,
    );
    const x = d.sections.find((s) => s.key === 'unstamped')!;
    expect(x.items.map((i) => i.text)).toEqual(['Phường Lộc Thọ — tháng 6/2023']);
    expect(d.counts.late).toBe(0);
    const lines = digestLines(d);
    expect(lines).toContain(
      '  Chưa bấm Hoàn thành (1; đã gửi nhưng chưa ghi giờ hoàn thành: không biết đúng hạn hay trễ hạn):',
    );
  });

  test('the CSV of the list: UTF-8 with BOM, one unit a row, a formula-like phone guarded', () => {
    const s = consolidate(sources, { registry: REGISTRY, period: '2023-06', now: NOW }).summary;
    const csv = missingCsv({
      ...s,
      notSent: [{ ...s.notSent[0], phone: '=HYPERLINK("x")' }, ...s.notSent.slice(1)],
    });
    expect(isMissingCsv(csv)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'STT,Mã đơn vị,Tên đơn vị,Người lập (báo cáo gần nhất),Điện thoại (báo cáo gần nhất),Báo cáo gần nhất,' +
        'Liên hệ (danh mục đơn vị)',
    );
    expect(lines[1]).toBe('1,P03,Phường Tân Lập,Trần Thị B,"\'=HYPERLINK(""x"")",tháng 5/2023,');
    expect(lines[2]).toBe('2,P05,Phường Xương Huân,,,chưa có báo cáo nào,xuonghuan@nhatrang.gov.vn');
    expect(lines).toHaveLength(15); // header, 13 units, the last CRLF
  });
});

describe('dx-report consolidate: the summary in words', () => {
  let files: string[];
  let registry: string;
  beforeAll(async () => {
    files = [];
    for (const u of UNITS) files.push((await unitWorkbook(u.edits, u.unit, u.period)).file);
    registry = tmpFile('danh-muc.json');
    fs.writeFileSync(registry, JSON.stringify(REGISTRY_DATA));
  }, 60000);

  test('text: the period, the four lists complete, the registry; --json carries the digest', async () => {
    const out = tmpFile('phu-luc.xlsx');
    const r = await runMain(['consolidate', ...files, '--out', out, '--registry', registry, '--period', '2023-06']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã tổng hợp 2 đơn vị vào');
    expect(r.stdout).toContain('\n  Kỳ tổng hợp: tháng 6/2023.\n');
    expect(r.stdout).toContain('\n  Đã tổng hợp (2): Phường Lộc Thọ, Phường Vạn Thạnh.\n');
    expect(r.stdout).toContain(
      '\n  Nộp trễ hạn (1; hoàn thành sau ngày 20 của tháng sau kỳ):\n' +
        '    Phường Vạn Thạnh — tháng 6/2023: hoàn thành 25/07/2023, hạn 20/07/2023\n',
    );
    expect(r.stdout).toMatch(/\n {2}Không tổng hợp \(1; [^\n]+\):\n {4}Phường Phước Hòa — unit\.xlsx: Còn 1 lỗi/);
    expect(r.stdout).toContain('\n  Chưa nộp (13; theo danh mục đơn vị; hạn nộp 20/07/2023):\n');
    for (const name of SILENT) expect(r.stdout).toContain(`\n    ${name} — chưa có báo cáo nào`);
    expect(r.stdout).toContain('Danh mục đơn vị của văn phòng (--registry): Danh mục thử (DM), 16 đơn vị.');
    const j = await runMain([
      'consolidate',
      ...files,
      '--out',
      out,
      '--registry',
      registry,
      '--period',
      '2023-06',
      '--json',
    ]);
    const parsed = JSON.parse(j.stdout);
    expect(parsed.digest.period).toBe('tháng 6/2023');
    expect(parsed.digest.counts).toEqual({ included: 2, late: 1, withErrors: 1, notSent: 13 });
    expect(parsed.late).toEqual([
      {
        unit: 'Phường Vạn Thạnh',
        code: 'P02',
        period: 'tháng 6/2023',
        completed: '25/07/2023',
        deadline: '20/07/2023',
      },
    ]);
    expect(parsed.notSent[0]).toEqual({
      unit: 'Phường Tân Lập',
      code: 'P03',
      preparer: 'Trần Thị B',
      phone: '0258 3822 111',
      lastReport: 'tháng 5/2023',
      contact: null,
    });
    // The former fields stay as they were.
    expect(parsed.missing).toHaveLength(13);
  }, 60000);

  describe('dx-report missing', () => {
    const run = async (argv: string[]) => {
      const parsed = parseCommandLine(['missing', ...argv]);
      if (!('args' in parsed)) throw new Error('help');
      let stdout = '';
      const code = await runMissing(parsed.args, (s) => {
        stdout += s;
      });
      return { code, stdout };
    };

    test('the list with contacts, to the screen, to a CSV re-written by a later run, and to an .xlsx', async () => {
      const csv = tmpFile('chua-nop.csv');
      const r = await run([...files, '--registry', registry, '--period', '2023-06', '--out', csv]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Danh sách chưa nộp tháng 6/2023 (hạn nộp 20/07/2023): 13 đơn vị.\n');
      expect(r.stdout).toContain(
        '  1. Phường Tân Lập — người lập Trần Thị B, điện thoại 0258 3822 111 (theo báo cáo tháng 5/2023)\n',
      );
      expect(r.stdout).toContain('  2. Phường Xương Huân — liên hệ theo danh mục xuonghuan@nhatrang.gov.vn\n');
      expect(r.stdout).toContain(`  13. ${SILENT[10]} — `);
      const text = fs.readFileSync(csv, 'utf8');
      expect(text.split('\r\n')).toHaveLength(15);
      // May: only Lộc Thọ, Phước Hòa and the silent ones sent nothing; the list is replaced, not refused.
      const again = await run([...files, '--registry', registry, '--period', '2023-05', '--out', csv]);
      expect(again.code).toBe(0);
      expect(fs.readFileSync(csv, 'utf8')).not.toBe(text);
      expect(fs.readFileSync(csv, 'utf8')).not.toContain('Phường Tân Lập');
      // A CSV of someone else's is never replaced.
      const foreign = tmpFile('cua-toi.csv');
      fs.writeFileSync(foreign, 'tên,số\r\nA,1\r\n');
      await expect(run([...files, '--registry', registry, '--out', foreign])).rejects.toThrow('không ghi đè');
      expect(fs.readFileSync(foreign, 'utf8')).toBe('tên,số\r\nA,1\r\n');
      // The .xlsx: the product's sheet DX_ChuaNop, owned, so a re-run replaces it.
      const xlsx = tmpFile('chua-nop.xlsx');
      for (let i = 0; i < 2; i++)
        expect((await run([...files, '--registry', registry, '--period', '2023-06', '--out', xlsx])).code).toBe(0);
      const sheets = await (await XlsxWorkbook.open(xlsx)).read();
      const list = sheets.find((s) => s.name === MISSING_SHEET)!;
      expect(String(list.values[0][0])).toBe('DANH SÁCH ĐƠN VỊ CHƯA NỘP BÁO CÁO THÁNG 6/2023');
      expect(list.values[3].slice(0, 3)).toEqual(['STT', 'Mã đơn vị', 'Tên đơn vị']);
      expect(list.values.slice(4).map((r) => r[2])).toEqual(['Phường Tân Lập', 'Phường Xương Huân', ...SILENT]);
      expect(list.values[4][4]).toBe('0258 3822 111');
      expect(sheets.find((s) => s.name === 'DX_SoHuu')!.values.flat()).toContain(MISSING_SHEET);
    }, 60000);

    test('--json: the units not sent with their contacts', async () => {
      const r = await run([...files, '--registry', registry, '--period', '2023-06', '--json']);
      const j = JSON.parse(r.stdout);
      expect(j.period).toBe('tháng 6/2023');
      expect(j.deadline).toBe('20/07/2023');
      expect(j.notSent).toHaveLength(13);
      expect(j.notSent[1]).toMatchObject({ unit: 'Phường Xương Huân', contact: 'xuonghuan@nhatrang.gov.vn' });
      expect(j.written).toEqual([]);
    }, 60000);
  });
});
