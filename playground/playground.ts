/*
 * The playground: the task pane's panels (the same ui/ code and the same core
 * operations the add-in ships) over a workbook host backed by an .xlsx file
 * the person opens in the page and can download again. Nothing leaves the page.
 */
import { check, complete } from '../shared/operations/check';
import { createTemplate } from '../shared/operations/create-template';
import { REGISTRY_SHEET, writeAnnexes } from '../shared/operations/consolidate-op';
import { registryChoices } from '../shared/operations/templates-all';
import { allTemplatesZip } from '../addin/taskpane/all-templates';
import { inspectWorkbook, manualMapping, mappingTargets, saveMapping } from '../shared/operations/mapping-ops';
import { runAsync } from '../shared/operations/run';
import { listSourcesOp } from '../shared/operations/sources-op';
import { DEFAULT_REGISTRIES } from '../shared/registry/default';
import { parseA1 } from '../shared/workbook/sheet-spec';
import { HostBridge } from '../ui/bridge';
import { renderCheckPanel } from '../ui/check-panel';
import { ConsolidationBridge, renderConsolidatePanel } from '../ui/consolidate-panel';
import { clear, el } from '../ui/dom';
import { renderFormulaPanel } from '../ui/formula-panel';
import { renderMappingPanel, renderTemplatePanel } from '../ui/template-panel';
import { XlsxWorkbook } from '../xlsx/workbook';

let book = new XlsxWorkbook();
let fileName = 'bang-tinh.xlsx';
let active = '';

const $ = (id: string) => document.getElementById(id)!;

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10).split('-').reverse().join('/');
  return String(v);
}

/** The sheet as a grid: values, the fills the product painted, the selected cell. */
async function drawGrid(): Promise<void> {
  const names = (await book.sheetNames()).filter((n) => book.book.getWorksheet(n)!.state === 'visible');
  if (!names.includes(active)) active = names[0] ?? '';
  const tabs = $('tabs');
  clear(tabs);
  for (const n of names) {
    const b = el('button', { type: 'button', class: n === active ? 'active' : '', 'data-sheet': n }, n);
    b.addEventListener('click', () => {
      active = n;
      void drawGrid();
    });
    tabs.appendChild(b);
  }
  const grid = $('grid');
  clear(grid);
  if (!active) return;
  const [snap] = await book.read([active]);
  const ws = book.book.getWorksheet(active)!;
  const width = Math.max(1, ...snap.values.map((r) => r.length));
  const head = el('tr', {}, el('th', {}, ''));
  for (let c = 0; c < width; c++)
    head.appendChild(el('th', {}, String.fromCharCode(65 + (c % 26)).repeat(c < 26 ? 1 : 2)));
  grid.appendChild(head);
  const sel = book.selected && book.selected.sheet === active ? parseA1(book.selected.cell) : null;
  snap.values.forEach((row, r) => {
    const tr = el('tr', {}, el('th', {}, String(r + 1)));
    for (let c = 0; c < width; c++) {
      const td = el('td', { 'data-cell': `${String.fromCharCode(65 + c)}${r + 1}` }, cellText(row[c]));
      const fill = ws.getCell(r + 1, c + 1).fill as { pattern?: string; fgColor?: { argb?: string } } | undefined;
      if (fill?.pattern === 'solid' && fill.fgColor?.argb) td.style.background = `#${fill.fgColor.argb.slice(-6)}`;
      if (sel && sel.row === r && sel.col === c) {
        td.classList.add('selected');
        setTimeout(() => td.scrollIntoView({ block: 'center', inline: 'center' }), 0);
      }
      tr.appendChild(td);
    }
    grid.appendChild(tr);
  });
}

/** Every panel action is followed by a redraw of the grid. */
const after = <T>(p: Promise<T>) =>
  p.then(async (v) => {
    await drawGrid();
    return v;
  });

const bridge: HostBridge = {
  units: async () => [...new Set(DEFAULT_REGISTRIES.flatMap((r) => r.units.map((u) => u.name)))],
  createTemplate: (input) => after(createTemplate(book, input)),
  inspect: () => inspectWorkbook(book),
  saveMapping: (m) => after(saveMapping(book, m)),
  mappingTargets: () => mappingTargets(book),
  manualMapping: (sheet, table, row) => manualMapping(book, sheet, table, row),
  check: () => after(check(book)),
  select: async (sheet, cell) => {
    await book.select({ sheet, cell });
    active = sheet;
    await drawGrid();
  },
  complete: (replace) => after(complete(book, new Date(), {}, { replace })),
  // As in the Excel pane: every unit's workbook in one .zip, the open workbook only read.
  allTemplates: {
    registries: async () => registryChoices((await book.sheetNames()).includes(REGISTRY_SHEET), DEFAULT_REGISTRIES),
    make: (input, progress) => allTemplatesZip(book, input, progress),
  },
};

const consolidation: ConsolidationBridge = {
  readFile: async (file) => ({
    source: { file: file.name },
    sheets: await (await XlsxWorkbook.fromBuffer(new Uint8Array(await file.arrayBuffer()))).read(),
  }),
  listSources: async () => (await runAsync(listSourcesOp(book))).filter((x) => x.id.startsWith('tab:')),
  readSource: async (id) => ({ source: { sheets: [id.slice(4)] }, sheets: await book.read([id.slice(4)]) }),
  write: (sources, opts, cancelled) => after(writeAnnexes(book, sources, opts, cancelled)),
};

async function open(file: File): Promise<void> {
  book = await XlsxWorkbook.fromBuffer(new Uint8Array(await file.arrayBuffer()));
  fileName = file.name;
  // What the reader dropped (charts, comments, pictures…) is not in the file downloaded again: said at once.
  const lost = book.skipped.length
    ? ` — cảnh báo: tệp tải xuống sẽ không còn ${book.skipped.length} phần phần mềm không đọc ` +
      `(biểu đồ, ghi chú, hình ảnh…: ${book.skipped.slice(0, 3).join(', ')}${book.skipped.length > 3 ? '…' : ''}); ` +
      'hãy giữ tệp gốc.'
    : '';
  $('pg-file').textContent = `${file.name}${lost}`;
  active = '';
  await drawGrid();
}

function start(): void {
  renderCheckPanel($('check'), bridge);
  renderTemplatePanel($('template'), bridge);
  renderMappingPanel($('mapping'), bridge);
  renderConsolidatePanel($('consolidate'), consolidation);
  renderFormulaPanel($('formulas'), 'excel');
  const input = $('pg-open') as HTMLInputElement;
  input.addEventListener('change', () => {
    if (input.files?.[0]) void open(input.files[0]);
  });
  $('pg-new').addEventListener('click', () => {
    book = new XlsxWorkbook();
    fileName = 'bang-tinh.xlsx';
    $('pg-file').textContent = '';
    active = '';
    void drawGrid();
  });
  const download = async () => {
    const blob = new Blob([(await book.toBuffer()) as Uint8Array<ArrayBuffer>], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const a = el('a', { href: URL.createObjectURL(blob), download: fileName });
    document.body.appendChild(a);
    a.click();
    a.remove();
  };
  $('pg-download').addEventListener('click', () => void download());
  void drawGrid();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
