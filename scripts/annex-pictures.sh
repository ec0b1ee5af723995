#!/usr/bin/env bash
# The README's annex pictures: each annex sheet of the demo's consolidation (out/annexes.xlsx, written by
# `npm run demo`) printed by LibreOffice headless as a user's "Export as PDF" would, its first page saved as
# docs/img/annex-i.png … docs/img/annex-viii.png.
#
#   npm run demo && scripts/annex-pictures.sh [WORKBOOK] [FOLDER]      (DPI=60 by default)
#
# Needs soffice (Debian: libreoffice-calc-nogui), pdftoppm (poppler-utils) and Carlito (fonts-crosextra-carlito),
# Calibri's metric twin: column widths are counted in the default font's digits (the workbook's Calibri), and a
# stand-in such as DejaVu Sans makes every column a third wider than Excel's, each wrapped row a line too tall.
# Each annex is printed from a copy of the workbook holding that sheet alone, so a page is never another annex's
# (sheets print one after another).
set -euo pipefail
cd "$(dirname "$0")/.."

IN="${1:-out/annexes.xlsx}"
OUT="${2:-docs/img}"
DPI="${DPI:-60}"
# A README picture is downloaded by every reader: kept under this size.
MAX_BYTES=$((150 * 1024))

for tool in soffice pdftoppm node; do
  if ! command -v "$tool" >/dev/null; then
    echo "Thiếu $tool: apt-get install -y libreoffice-calc-nogui poppler-utils (node: xem README)." >&2
    exit 2
  fi
done
if ! fc-match Calibri 2>/dev/null | grep -qi carlito; then
  echo "Thiếu phông Carlito (thay Calibri): apt-get install -y fonts-crosextra-carlito; nếu không, cột in rộng hơn Excel." >&2
  exit 2
fi
if [ ! -f "$IN" ]; then
  echo "Không thấy $IN: chạy npm run demo trước." >&2
  exit 2
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

# One workbook per annex ("Phụ lục VIII" → annex-viii.xlsx), every other sheet removed; ExcelJS keeps the
# annex's own page setup (A4 landscape, fit to width, repeated header rows, "Trang n/N" footer).
node - "$IN" "$WORK" <<'JS'
const path = require('path');
const ExcelJS = require(path.resolve('node_modules/exceljs'));
const [input, dir] = process.argv.slice(2);
(async () => {
  const names = [];
  const probe = new ExcelJS.Workbook();
  await probe.xlsx.readFile(input);
  for (const ws of probe.worksheets) if (/^Phụ lục [IVX]+$/.test(ws.name)) names.push(ws.name);
  if (!names.length) throw new Error(`${input}: không có trang “Phụ lục …”`);
  for (const name of names) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(input);
    for (const ws of [...book.worksheets]) if (ws.name !== name) book.removeWorksheet(ws.id);
    const file = path.join(dir, `annex-${name.split(' ').pop().toLowerCase()}.xlsx`);
    await book.xlsx.writeFile(file);
  }
  console.log(names.join(', '));
})().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
JS

# A fresh profile: the user's own LibreOffice settings and a running instance play no part. Its locale is
# vi-VN, as the secretariat's computers: 17.000 and 99,16% as the annexes are read, not 17,000 and 99.16%.
mkdir -p "$WORK/profile/user"
cat >"$WORK/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>vi-VN</value></prop></item>
</oor:items>
XCU
soffice "-env:UserInstallation=file://$WORK/profile" --headless --norestore --nolockcheck \
  --convert-to pdf --outdir "$WORK" "$WORK"/annex-*.xlsx >/dev/null 2>&1

status=0
for xlsx in "$WORK"/annex-*.xlsx; do
  name="$(basename "$xlsx" .xlsx)"
  pdf="$WORK/$name.pdf"
  if [ ! -f "$pdf" ]; then
    echo "$name: LibreOffice không in được." >&2
    status=1
    continue
  fi
  pages="$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')"
  pdftoppm -png -r "$DPI" -f 1 -l 1 -singlefile "$pdf" "$OUT/$name"
  bytes="$(stat -c %s "$OUT/$name.png")"
  echo "$OUT/$name.png  $((bytes / 1024)) KB  (trang 1/${pages:-?})"
  if [ "$bytes" -gt "$MAX_BYTES" ]; then
    echo "$name.png lớn hơn 150 KB: giảm DPI." >&2
    status=1
  fi
done
exit "$status"
