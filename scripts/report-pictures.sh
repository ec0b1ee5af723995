#!/usr/bin/env bash
# The README's pictures of the Word report: the demo's 6-month report (out/bao-cao-6-thang.docx, written by
# `npm run demo`) printed by LibreOffice headless, its first page saved as docs/img/bao-cao-trang-1.png and the
# first page of its appended annexes as docs/img/bao-cao-phu-luc.png.
#
#   npm run demo && scripts/report-pictures.sh [REPORT.docx] [FOLDER]      (DPI=60 by default)
#
# Needs soffice (Debian: libreoffice-writer-nogui) and pdftoppm, pdftotext (poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."

IN="${1:-out/bao-cao-6-thang.docx}"
OUT="${2:-docs/img}"
DPI="${DPI:-60}"

for tool in soffice pdftoppm pdftotext; do
  if ! command -v "$tool" >/dev/null; then
    echo "Thiếu $tool: apt-get install -y libreoffice-writer-nogui poppler-utils." >&2
    exit 2
  fi
done
if [ ! -f "$IN" ]; then
  echo "Không thấy $IN: chạy npm run demo trước." >&2
  exit 2
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
cp "$IN" "$WORK/report.docx"
# A profile of its own: no first-start dialogs, no lock shared with another LibreOffice.
soffice --headless -env:UserInstallation="file://$WORK/profile" --convert-to pdf --outdir "$WORK" \
  "$WORK/report.docx" >/dev/null 2>&1
PDF="$WORK/report.pdf"
PAGES="$(pdfinfo "$PDF" 2>/dev/null | awk '/^Pages:/ {print $2}')"
# The first annex: the first page whose text opens with "Phụ lục".
ANNEX=""
for p in $(seq 2 "${PAGES:-1}"); do
  if pdftotext -f "$p" -l "$p" "$PDF" - | grep -m1 -v '^\s*$' | grep -qi '^phụ lục'; then
    ANNEX="$p"
    break
  fi
done
pdftoppm -png -r "$DPI" -f 1 -l 1 -singlefile "$PDF" "$OUT/bao-cao-trang-1"
if [ -n "$ANNEX" ]; then
  pdftoppm -png -r "$DPI" -f "$ANNEX" -l "$ANNEX" -singlefile "$PDF" "$OUT/bao-cao-phu-luc"
fi
echo "$OUT/bao-cao-trang-1.png${ANNEX:+ $OUT/bao-cao-phu-luc.png (trang $ANNEX/$PAGES)}"
