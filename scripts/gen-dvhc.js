#!/usr/bin/env node
'use strict';
/*
 * Writes shared/registry/data/dvhc-2025.ts from the two CSV files of the dvhc-2025 data folder
 * (units.csv, merged-from.csv): the 34 provinces and their 3,321 communes, wards and special zones since
 * 1 July 2025, each with the former units it was formed from. Plain node, no dependencies, so that it runs
 * anywhere the data folder is; the product carries the generated file (CI has no network).
 *
 *   node scripts/gen-dvhc.js [DATA_FOLDER] [--check]
 *
 * DATA_FOLDER defaults to ../shared/data/dvhc-2025 (beside the repository). With --check nothing is written:
 * the exit code says whether the committed file is what the CSV files give (0) or not (1).
 * `generate(folder)` is exported for the test that compares the two.
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'shared', 'registry', 'data', 'dvhc-2025.ts');
const DEFAULT_FOLDER = path.join(ROOT, '..', 'shared', 'data', 'dvhc-2025');
const WIDTH = 120;
/** The units whose merger row carried a namesake's code (the header comment lists them). */
let reassigned = [];

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f !== ''));
}

/** Rows as objects by the header line; the columns named must be there. */
function readTable(file, columns) {
  // The source mixes composed and decomposed letters ("Vạn" as a + U+0323): every text is stored in NFC.
  const [header, ...rows] = parseCsv(
    fs
      .readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .normalize('NFC'),
  );
  const at = columns.map((c) => header.indexOf(c));
  const lacking = columns.filter((_, i) => at[i] < 0);
  if (lacking.length) throw new Error(`${file}: thiếu cột ${lacking.join(', ')}`);
  return rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, (r[at[i]] ?? '').trim()])));
}

/**
 * "A, B (phần còn lại sau khi sáp nhập vào phường X, phường Y), C": the commas between former units,
 * not those inside a parenthesis. shared/registry/history.ts `splitFormedFrom` splits the same way.
 */
function splitFormedFrom(text) {
  const out = [];
  let depth = 0;
  let part = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if ((ch === ',' || ch === ';' || ch === '\n') && depth === 0) {
      if (part.trim()) out.push(part.trim().replace(/\s+/g, ' '));
      part = '';
    } else part += ch;
  }
  if (part.trim()) out.push(part.trim().replace(/\s+/g, ' '));
  return out;
}

const KIND = /^(phường|xã|thị trấn|đặc khu)\s+/u;
/** "Xã Tân Thạnh (huyện Thanh Bình)" → "tân thạnh": the name without its kind and its notes. */
const core = (name) =>
  name
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(KIND, '');
/** Without any diacritics: "Văn Lăng" and "Văn Lang" have the same loose key. */
const loose = (name) =>
  core(name)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');

/**
 * The formed-from list of each unit, by "province/code". The dataset joined its merger table to the units by a
 * name folded without diacritics, so where two units of a province differ only by diacritics (Xã Văn Lăng and
 * Xã Văn Lang, Xã Ba Tô and Xã Ba Tơ…) both merger rows carry one code and the other unit has none. Each such
 * row is given back to the unit whose own name its former units carry (Xã Văn Lang ← …, Xã Văn Lang), exactly
 * by diacritics; a case this cannot decide stops the script rather than guess.
 */
function assignRows(units, merged) {
  const rowsOf = new Map();
  for (const m of merged) {
    const key = `${m.province_code}/${m.code}`;
    rowsOf.set(key, [...(rowsOf.get(key) ?? []), m]);
  }
  const unitOf = new Map(units.map((u) => [`${u.province_code}/${u.code}`, u]));
  const out = new Map();
  const lacking = units.filter((u) => !rowsOf.has(`${u.province_code}/${u.code}`));
  for (const [key, rows] of rowsOf) {
    const unit = unitOf.get(key);
    if (!unit) throw new Error(`merged-from.csv: mã ${key} không có trong units.csv`);
    if (rows.length === 1) {
      out.set(key, splitFormedFrom(rows[0].formed_from));
      continue;
    }
    const namesakes = lacking.filter(
      (u) => u.province_code === unit.province_code && loose(u.name) === loose(unit.name),
    );
    const candidates = [unit, ...namesakes];
    if (rows.length !== 2 || candidates.length !== 2)
      throw new Error(`merged-from.csv: mã ${key} có ${rows.length} dòng, không phân định được`);
    const score = (row, u) => splitFormedFrom(row.formed_from).filter((f) => core(f) === core(u.name)).length;
    const straight = score(rows[0], candidates[0]) + score(rows[1], candidates[1]);
    const crossed = score(rows[0], candidates[1]) + score(rows[1], candidates[0]);
    if (straight === crossed) throw new Error(`merged-from.csv: mã ${key}: không phân định được hai dòng`);
    const [a, b] = straight > crossed ? rows : [rows[1], rows[0]];
    out.set(key, splitFormedFrom(a.formed_from));
    out.set(`${candidates[1].province_code}/${candidates[1].code}`, splitFormedFrom(b.formed_from));
    reassigned.push(`${candidates[1].code} ${candidates[1].name}`);
  }
  return out;
}
function lit(s) {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A string literal that fits the width at this indent, cut between words into `'…' +` lines when it does not. */
function literalLines(s, indent, suffix) {
  const pad = ' '.repeat(indent);
  const one = `${pad}${lit(s)}${suffix}`;
  if (one.length <= WIDTH) return [one];
  const lines = [];
  let rest = s;
  while (`${pad}${lit(rest)}${suffix}`.length > WIDTH) {
    let cut = rest.lastIndexOf(' ', WIDTH - indent - 6);
    if (cut <= 0) cut = WIDTH - indent - 6;
    lines.push(`${pad}${lit(rest.slice(0, cut + 1))} +`);
    rest = rest.slice(cut + 1);
  }
  lines.push(`${pad}${lit(rest)}${suffix}`);
  return lines;
}

/** Items joined by ", " into comment lines of the width. */
function wrapList(items, prefix) {
  const lines = [];
  let line = '';
  for (const [i, item] of items.entries()) {
    const piece = `${item}${i < items.length - 1 ? ',' : '.'}`;
    if (line && prefix.length + line.length + 1 + piece.length > WIDTH) {
      lines.push(`${prefix}${line}`);
      line = '';
    }
    line = line ? `${line} ${piece}` : piece;
  }
  if (line) lines.push(`${prefix}${line}`);
  return lines;
}

/** The module's text from the two CSV files of `folder`. */
function generate(folder = DEFAULT_FOLDER) {
  reassigned = [];
  const units = readTable(path.join(folder, 'units.csv'), ['province_code', 'province', 'code', 'name', 'kind']);
  const merged = readTable(path.join(folder, 'merged-from.csv'), ['province_code', 'code', 'name', 'formed_from']);
  const formedFrom = assignRows(units, merged);
  const provinces = [];
  const byCode = new Map();
  const seen = new Set();
  for (const u of units) {
    if (!/^\d{2}$/.test(u.province_code) || !/^\d{5}$/.test(u.code))
      throw new Error(`units.csv: mã không đúng dạng (${u.province_code}, ${u.code})`);
    if (seen.has(u.code)) throw new Error(`units.csv: mã ${u.code} lặp lại`);
    seen.add(u.code);
    let p = byCode.get(u.province_code);
    if (!p) {
      p = { code: u.province_code, name: u.province, units: [] };
      byCode.set(p.code, p);
      provinces.push(p);
    } else if (p.name !== u.province) throw new Error(`units.csv: tỉnh ${p.code} có hai tên`);
    const from = formedFrom.get(`${u.province_code}/${u.code}`);
    if (!from) throw new Error(`merged-from.csv: không có dòng cho ${u.province_code}/${u.code} ${u.name}`);
    formedFrom.delete(`${u.province_code}/${u.code}`);
    p.units.push({ code: u.code, name: u.name, kind: u.kind, from });
  }
  if (formedFrom.size) throw new Error(`merged-from.csv: mã không có trong units.csv: ${[...formedFrom.keys()]}`);

  const lines = [
    '/*',
    " * Vietnam's administrative units since 1 July 2025: 34 provinces and centrally-run cities, their communes,",
    ' * wards and special zones with the official 5-digit codes, and the former units each was formed from as the',
    ' * merger map writes them ("(một phần)", "(phần còn lại …)" kept; "giữ nguyên": kept unchanged).',
    ' *',
    ' * Source: the MIT-licensed dataset thanglequoc/vietnamese-provinces-database (its JSON export and its merger',
    ' * table bando_co_dvch.sql), as ../shared/data/dvhc-2025/ holds it (units.csv, merged-from.csv); texts in NFC.',
    ' *',
    ` * Merger rows given back to the unit they name (the source gave them a namesake's code, see the script):`,
    ...wrapList(reassigned.sort(), ' *   '),
    ' *',
    ` * ${provinces.length} provinces, ${units.length} units. Generated by scripts/gen-dvhc.js; do not edit.`,
    ' */',
    '',
    '/** A unit: official code, name, kind (Phường / Xã / Đặc khu), the former units it was formed from. */',
    'export type DvhcUnitRow = readonly [code: string, name: string, kind: string, formedFrom: readonly string[]];',
    '',
    'export interface DvhcProvinceRow {',
    '  code: string;',
    '  name: string;',
    '  units: readonly DvhcUnitRow[];',
    '}',
    '',
    '// prettier-ignore',
    'export const DVHC_2025: readonly DvhcProvinceRow[] = [',
  ];
  for (const p of provinces) {
    lines.push(`  { code: ${lit(p.code)}, name: ${lit(p.name)}, units: [`);
    for (const u of p.units) {
      const head = `    [${lit(u.code)}, ${lit(u.name)}, ${lit(u.kind)}, [`;
      const whole = `${head}${u.from.map(lit).join(', ')}]],`;
      if (whole.length <= WIDTH) {
        lines.push(whole);
        continue;
      }
      lines.push(head);
      let line = '';
      for (const f of u.from) {
        const item = `${lit(f)},`;
        if (line && 6 + line.length + 1 + item.length > WIDTH) {
          lines.push(`      ${line}`);
          line = '';
        }
        if (6 + item.length > WIDTH) lines.push(...literalLines(f, 6, ','));
        else line = line ? `${line} ${item}` : item;
      }
      if (line) lines.push(`      ${line}`);
      lines.push('    ]],');
    }
    lines.push('  ] },');
  }
  lines.push('];', '');
  return lines.join('\n');
}

module.exports = { generate, splitFormedFrom, OUT, DEFAULT_FOLDER };

if (require.main === module) {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const folder = path.resolve(args.find((a) => a !== '--check') ?? DEFAULT_FOLDER);
  const text = generate(folder);
  if (check) {
    const same = fs.existsSync(OUT) && fs.readFileSync(OUT, 'utf8') === text;
    process.stdout.write(same ? `${OUT}: khớp với ${folder}\n` : `${OUT}: KHÁC với ${folder}\n`);
    process.exit(same ? 0 : 1);
  }
  fs.writeFileSync(OUT, text);
  process.stdout.write(`Đã ghi ${path.relative(process.cwd(), OUT)} từ ${folder}\n`);
}
