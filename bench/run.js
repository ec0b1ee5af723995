#!/usr/bin/env node
'use strict';
// Prints throughput figures for the core on the compiled command-line build (npm run build:cli first).
const path = require('path');
const dist = path.join(__dirname, '..', 'dist', 'cli', 'shared');
const { parseNumber } = require(path.join(dist, 'numbers', 'parse.js'));
const { callFormula } = require(path.join(dist, 'formulas', 'catalog.js'));
const { defaultMatcher } = require(path.join(dist, 'registry', 'default.js'));

function time(label, n, unit, fn) {
  fn(); // warm-up
  const t0 = process.hrtime.bigint();
  fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rate = Math.round((n / ms) * 1000);
  console.log(
    `${label.padEnd(44)} ${String(n).padStart(8)} ${unit.padEnd(6)} ${ms.toFixed(1).padStart(9)} ms  ${rate.toLocaleString('vi-VN').padStart(12)} ${unit}/s`,
  );
}

const samples = [
  '4.602',
  '4311',
  '48 682',
  '68,67%',
  '98.27%',
  '4.837 hộ/4886 hộ',
  '00',
  '421.62',
  '24 loại',
  '100%',
  '129.165.000',
  '0,76%',
];
const texts = Array.from({ length: 200000 }, (_, i) => samples[i % samples.length]);
time('parseNumber (seed writings)', texts.length, 'ô', () => {
  for (const t of texts) parseNumber(t);
});

const rows = 100000;
const nums = Array.from({ length: rows }, (_, i) => [String(1000 + i)]);
const dens = Array.from({ length: rows }, (_, i) => [`${(2000 + i).toLocaleString('vi-VN')}`]);
time('DX_RATE over a column (text cells)', rows, 'ô', () => callFormula('DX_RATE', [nums, dens, 2]));
time('DX_SUMRATE over a column', rows, 'ô', () => callFormula('DX_SUMRATE', [nums, dens]));

const { validateSheets } = require(path.join(dist, 'validation', 'validate.js'));
const feedback = [
  ['T T', 'Tên cơ quan, đơn vị', 'Tổng số tiếp nhận', 'Đã giải quyết', null, null, 'Đang giải quyết', null, null],
  [null, null, null, 'Tổng số', 'Đúng hạn', 'Trễ hạn', 'Tổng số', 'Đúng hạn', 'Trễ hạn'],
];
for (let i = 1; i <= 5000; i++) feedback.push([i, `Phường ${(i % 12) + 1}`, i % 7 ? 16 : 17, 10, 6, 4, 6, 2, 4]);
time('validate a 5.000-row feedback table', 5000, 'dòng', () =>
  validateSheets([{ name: 'Phản ánh', values: feedback }]),
);

const names = ['UBND phường Vạn Thạnh', 'Phường Phước Hoà', 'UBND TP.VT', 'Pường 1', 'Sở Y tế', 'Vĩnh Ngọc'];
const many = Array.from({ length: 20000 }, (_, i) => names[i % names.length]);
const m = defaultMatcher();
time('unit matching (incl. typo suggestions)', many.length, 'tên', () => {
  for (const n of many) m.match(n);
});
