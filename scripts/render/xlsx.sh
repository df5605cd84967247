#!/usr/bin/env bash
# Renders an XLSX workbook the way a reader sees it in LibreOffice: a PDF of every sheet
# (as printed), PNGs of its pages, and one CSV per sheet with the values LibreOffice read.
# Needs LibreOffice (soffice) and poppler-utils (pdftoppm). Usage: scripts/render/xlsx.sh book.xlsx out-dir
#
# The sample comes from the tests:
#   PINGCHA_XLSX_SAMPLE=/tmp/sample.xlsx swift test --disable-swift-testing --filter testWriteSampleWhenAsked
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 book.xlsx out-dir" >&2
  exit 2
fi
book=$(realpath "$1")
out=$2
mkdir -p "$out"
out=$(realpath "$out")
name=$(basename "$book" .xlsx)
# A throwaway profile, so runs do not share state or wait on another instance's lock.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice=(soffice -env:UserInstallation="file://$profile" --headless)
# soffice warns about a missing Java runtime on every run; nothing here needs Java.
quiet() { "$@" 2> >(grep -v javaldx >&2); }

quiet "${soffice[@]}" --convert-to pdf --outdir "$out" "$book" >/dev/null
rm -f "$out/$name"-page-*.png
pdftoppm -png -r 60 "$out/$name.pdf" "$out/$name-page"
# UTF-8 (76), comma-separated, quoted text, values as shown (formatted); the last token (-1)
# writes every sheet to its own file, NAME-SHEETNAME.csv (LibreOffice 7.2 and later).
quiet "${soffice[@]}" --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
  --outdir "$out" "$book" >/dev/null
echo "$out/$name.pdf ($(pdfinfo "$out/$name.pdf" | awk '/^Pages:/ {print $2}') pages)"
ls "$out/$name"-page-*.png
ls "$out/$name"*.csv
