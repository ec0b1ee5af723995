#!/usr/bin/env node
'use strict';
/*
 * Writes two committed samples the README's commands use (tests/readme.commands.test.ts runs them):
 * samples/danh-muc-cam-ranh.json, the sample city Cam Ranh's registry (shared/registry/data/cam-ranh.ts) as a
 * secretariat's `--registry` file for the workbooks of samples/cam-ranh/; and
 * samples/so-mot-cua.xlsx, a ward's own one-stop log as staff keep it, not the product's template. Its
 * headers are the ones the reader knows except "Số hồ sơ nhận" (the template says "Tổng số hồ sơ tiếp nhận"), so
 * `npx dx-report map samples/so-mot-cua.xlsx --sheet "Một cửa" --table T3b --col received=C` is the one mapping
 * it needs (README, "Reading the workbooks staff already use"). The file is committed; this is how it was made:
 *   npm run build:cli && node scripts/make-samples.js
 */
const path = require('path');
const ExcelJS = require('exceljs');

const ROWS = [
  ['Sổ theo dõi hồ sơ một cửa — Phường Lộc Thọ, tháng 6/2023'],
  [],
  ['STT', 'Tên đơn vị', 'Số hồ sơ nhận', 'Tổng số hồ sơ đã trả kết quả', null, 'Đang giải quyết'],
  [null, null, null, 'Đúng hạn', 'Trễ hạn', null],
  [1, 'Phường Lộc Thọ', 1250, 1200, 30, 20],
];

async function main() {
  const { CAM_RANH } = require('../dist/cli/shared/registry/data/cam-ranh');
  const registry = path.join(__dirname, '..', 'samples', 'danh-muc-cam-ranh.json');
  require('fs').writeFileSync(registry, `${JSON.stringify(CAM_RANH, null, 2)}\n`);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Một cửa');
  ROWS.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) sheet.getCell(r + 1, c + 1).value = v;
    }),
  );
  sheet.mergeCells('D3:E3');
  sheet.columns = [6, 22, 14, 14, 14, 16].map((width) => ({ width }));
  // Fixed dates: the same bytes each time it is made.
  book.created = book.modified = new Date(Date.UTC(2023, 6, 1));
  await book.xlsx.writeFile(path.join(__dirname, '..', 'samples', 'so-mot-cua.xlsx'));
}

main().catch((e) => {
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
});
