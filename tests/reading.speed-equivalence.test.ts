/**
 * Issue 15 (finding tables cheaply): label keys computed once per cell, the labels of the specs made ready as
 * set lookups, a pre-filter before any row is tried as a header, and headers already tried (a template's, the
 * same in every unit's workbook) not tried again. None of it may change a read: these tests hold the new
 * matching to the rule it replaced, and the reading of a workbook to a fresh reading of a copy of it.
 */
import fc from 'fast-check';
import { readUnitWorkbook } from '../shared/reading/unit-workbook';
import { FAMILIES } from '../shared/templates/families';
import { keysMatch, labelKey, labelMatches, labelSet, textKeys } from '../shared/tables/labels';
import { findTable, findTables, Grid, readRows } from '../shared/tables/read';
import { ColumnSpec, TableSpec } from '../shared/tables/schema';
import { UNCOLLECTED } from '../shared/tables/uncollected';
import { SheetSnapshot } from '../shared/workbook/port';
import { CONSISTENT, unitSheets } from './helpers/unit-fixture';

/** The rule as it was written before issue 15: every label normalised again at every call. */
function referenceMatches(cell: unknown, labels: string[]): boolean {
  if (typeof cell !== 'string' || !/\p{L}/u.test(cell)) return false;
  const bare = (t: unknown) => labelKey(String(t ?? '').replace(/\([^)]*\)/g, ' '));
  const short = (k: string) => (k.startsWith('tongso') ? `tong${k.slice(6)}` : k);
  const k = labelKey(cell);
  if (!k) return false;
  const kb = bare(cell);
  const ks = short(k);
  return labels.some((l) => {
    const lk = labelKey(l);
    if (/(…|\.\.\.)\s*$/.test(l)) return lk.length >= 8 && k.startsWith(lk);
    if (lk === k || short(lk) === ks) return true;
    const lb = bare(l);
    if (lb && lb === kb) return true;
    return k.length >= 8 && lk.startsWith(k) && k.length >= lk.length * 0.8;
  });
}

const SPECS: TableSpec[] = [...FAMILIES.flatMap((f) => f.tables), ...UNCOLLECTED.map((u) => u.spec)];
const labelsOf = (c: ColumnSpec) => [c.label, ...c.variants];
const ALL_LABELS = [
  ...new Set(SPECS.flatMap((t) => t.columns.flatMap((c) => [...labelsOf(c), ...(c.group ? [c.group] : [])]))),
];

const stripMarks = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

/** A label as staff retype it: other case, extra or missing spaces, no diacritics, a number, cut short. */
const retyped = (label: string) =>
  fc
    .record({
      upper: fc.boolean(),
      lower: fc.boolean(),
      marks: fc.boolean(),
      spaces: fc.constantFrom('', ' ', '  ', '\u00a0'),
      suffix: fc.constantFrom('', ' (1)', ' (dự kiến)', ' …', ':', ' 2023'),
      cut: fc.integer({ min: 0, max: 4 }),
      tong: fc.boolean(),
    })
    .map((v) => {
      let s = label;
      if (v.tong) s = s.replace(/^Tổng số/, 'Tổng');
      if (v.marks) s = stripMarks(s);
      if (v.upper) s = s.toUpperCase();
      else if (v.lower) s = s.toLowerCase();
      s = s.replace(/ /g, v.spaces === '' ? '' : v.spaces === ' ' ? ' ' : v.spaces);
      if (v.cut) s = s.slice(0, Math.max(1, s.length - v.cut));
      return `${v.spaces}${s}${v.suffix}${v.spaces}`;
    });

const text = fc.oneof(
  fc.constantFrom(...ALL_LABELS).chain(retyped),
  fc.string({ maxLength: 20 }),
  fc.constantFrom('Tổng cộng:', 'Phường Vĩnh Hòa', '(1)', '(3)=(2)/(1)', 'Kế hoạch chuyển đổi số năm 2024', '', ' '),
);

describe('label matching as set lookups: the same answers as the rule it replaced', () => {
  test('every label list of the specs, every retyped label and random texts', () => {
    const lists = [
      ...SPECS.flatMap((t) =>
        t.columns.flatMap((c) => [labelsOf(c), ...(c.group ? [[c.group, ...c.groupVariants]] : [])]),
      ),
      ...SPECS.map((t) =>
        t.columns
          .filter((c) => c.kind !== 'stt' && c.kind !== 'rate' && !['unit', 'name'].includes(c.key))
          .flatMap(labelsOf),
      ),
    ];
    fc.assert(
      fc.property(text, fc.constantFrom(...lists), (t, labels) => {
        const want = referenceMatches(t, labels);
        expect(labelMatches(t, labels)).toBe(want);
        expect(typeof t === 'string' && /\p{L}/u.test(t) && keysMatch(textKeys(t), labelSet(labels))).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });

  test('a label retyped in other case, spacing or without diacritics still names it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_LABELS.filter((l) => labelKey(l).length > 0)),
        fc.boolean(),
        fc.constantFrom('', ' ', '   '),
        (label, upper, pad) => {
          const t = `${pad}${upper ? stripMarks(label).toUpperCase() : stripMarks(label).toLowerCase()}${pad}`;
          expect(labelMatches(t, [label])).toBe(referenceMatches(t, [label]));
          expect(labelMatches(t, [label])).toBe(true);
        },
      ),
    );
  });
});

/** The header rows a template writes for a table (as shared/templates/build.ts lays them). */
function headerLines(spec: TableSpec, label: (l: string) => string = (l) => l): Grid {
  const two = spec.columns.some((c) => c.group);
  const name = (c: ColumnSpec) => label(c.number && !c.label.includes(c.number) ? `${c.label} ${c.number}` : c.label);
  if (!two) return [spec.columns.map(name)];
  const upper = spec.columns.map((c, i) =>
    !c.group ? name(c) : i === 0 || spec.columns[i - 1].group !== c.group ? label(c.group) : null,
  );
  const lower = spec.columns.map((c) => (c.group ? name(c) : null));
  return [upper, lower];
}

const dataRow = (spec: TableSpec, k: number): Array<string | number | null> =>
  spec.columns.map((c) =>
    c.kind === 'stt' ? k : c.kind === 'text' ? `Đơn vị ${k}` : c.kind === 'count' ? 10 * k : null,
  );

describe('the pre-filter never passes over a header the search reads', () => {
  const findable = SPECS.filter((s) => findTable(headerLines(s), s)?.missing.length === 0);

  test('every table the search reads from its own header lines', () => {
    // Nearly all: a table whose header only another's labels name is no test of the pre-filter.
    expect(findable.length).toBeGreaterThan(SPECS.length - 4);
  });

  test('headers retyped, rows inserted above them: found where they are, with the columns of the plain header', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...findable),
        // Lines of one text (a title, a note): two texts over a header would make a two-level header of it.
        fc.array(
          fc.tuple(fc.oneof(fc.constant(null), fc.constantFrom('BÁO CÁO', 'Kèm theo Công văn số 12/UBND', 2023))),
          { maxLength: 6 },
        ),
        fc.boolean(),
        fc.boolean(),
        (spec, above, upper, marks) => {
          const label = (l: string) => {
            const s = marks ? stripMarks(l) : l;
            return upper ? s.toUpperCase() : ` ${s}  `;
          };
          const plain = findTable(headerLines(spec), spec)!;
          const grid: Grid = [...above, ...headerLines(spec, label), dataRow(spec, 1), dataRow(spec, 2)];
          const l = findTable(grid, spec);
          // Retyped labels match as the reference rule says; where they all match, the reading is the plain one.
          const same = headerLines(spec)
            .flat()
            .every((h, i) => h === null || referenceMatches(headerLines(spec, label).flat()[i], [h as string]));
          if (!same) return;
          checked++;
          expect(l).not.toBeNull();
          expect(l!.headerRow).toBe(above.length);
          expect(l!.columns).toEqual(plain.columns);
          expect(l!.missing).toEqual([]);
          expect(readRows(grid, spec, l!).filter((r) => r.kind === 'item')).toHaveLength(2);
        },
      ),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(100);
  });
});

/** A fresh copy: no cache kept for the grids of the original can answer for it. */
const copy = (sheets: SheetSnapshot[]): SheetSnapshot[] => structuredClone(sheets);

describe("the product's own templates, read again and edited", () => {
  let sheets: SheetSnapshot[];
  beforeAll(async () => {
    sheets = await unitSheets(CONSISTENT);
  });

  test('read twice, or a copy read: the same read (the header tried once gives what trying it again gives)', () => {
    const first = JSON.stringify(readUnitWorkbook(sheets));
    expect(JSON.stringify(readUnitWorkbook(sheets))).toBe(first);
    expect(JSON.stringify(readUnitWorkbook(copy(sheets)))).toBe(first);
    expect(JSON.parse(first).tables.length).toBeGreaterThanOrEqual(10);
  });

  test('a row inserted above a table: every table still read, its rows one lower', () => {
    const before = readUnitWorkbook(sheets);
    const fam = FAMILIES.find((f) => f.id === 'T3')!;
    const edited = copy(sheets);
    const s = edited.find((x) => x.name === fam.sheet)!;
    s.values.splice(2, 0, ['Ghi chú của đơn vị: số liệu tạm tính']);
    const after = readUnitWorkbook(edited);
    expect(after.tables.map((t) => t.table)).toEqual(before.tables.map((t) => t.table));
    for (const [i, t] of after.tables.entries()) {
      const b = before.tables[i];
      const shift = t.sheet === fam.sheet ? 1 : 0;
      expect({ ...t, headerRow: t.headerRow - shift, rows: t.rows.map((r) => ({ ...r, row: r.row - shift })) }).toEqual(
        b,
      );
    }
  });

  test('a grid changed after it was read is read as it now is', () => {
    const edited = copy(sheets);
    const fam = FAMILIES.find((f) => f.id === 'T4')!;
    const s = edited.find((x) => x.name === fam.sheet)!;
    const spec = fam.tables[0];
    const l = findTables(s.values, spec)[0];
    expect(l.missing).toEqual([]);
    // Retype the header's labels as something else: the same grid no longer holds the table's header.
    const row = s.values[l.headerRow];
    for (let c = 0; c < row.length; c++) if (typeof row[c] === 'string') row[c] = `Cột ${c}`;
    if (l.headerRows === 2) s.values[l.headerRow + 1] = s.values[l.headerRow + 1].map((v, c) => (v ? `Cột ${c}` : v));
    expect(JSON.stringify(findTables(s.values, spec))).toBe(JSON.stringify(findTables(copy([s])[0].values, spec)));
    expect(JSON.stringify(readUnitWorkbook(edited))).toBe(JSON.stringify(readUnitWorkbook(copy(edited))));
  });

  test('a header moved to another row and another grid: the same columns, at its new row', () => {
    const fam = FAMILIES.find((f) => f.id === 'T2')!;
    const spec = fam.tables[0];
    const grid = sheets.find((x) => x.name === fam.sheet)!.values;
    const l = findTable(grid, spec)!;
    const moved: Grid = [[], [], [], [], ...copy([{ name: 'x', values: grid }])[0].values];
    const m = findTable(moved, spec)!;
    expect({ ...m, headerRow: m.headerRow - 4 }).toEqual(l);
  });
});
