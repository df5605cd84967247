#!/usr/bin/env bash
# Renders an HTML page from `pingcha` (or the PingchaHtml sample) the way a reader sees it:
# a screenshot of the screen layout and a PDF as printed on A4, plus PNGs of the PDF's pages.
# Needs chromium and poppler-utils (pdftoppm). Usage: scripts/render/html.sh page.html out-dir
#
# The sample comes from the tests:
#   PINGCHA_HTML_SAMPLE=/tmp/sample.html swift test --disable-swift-testing --filter testWriteSampleWhenAsked
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 page.html out-dir" >&2
  exit 2
fi
html=$(realpath "$1")
out=$2
mkdir -p "$out"
out=$(realpath "$out")
chrome=${CHROMIUM:-chromium}
# A throwaway profile, so runs do not share state or lock each other out.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --user-data-dir="$profile" --no-first-run --hide-scrollbars)

"$chrome" "${flags[@]}" --screenshot="$out/screen.png" --window-size=1000,2000 "file://$html" 2>/dev/null
"$chrome" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/print.pdf" "file://$html" 2>/dev/null
rm -f "$out"/page-*.png
pdftoppm -png -r 60 "$out/print.pdf" "$out/page"
echo "$out/screen.png"
echo "$out/print.pdf ($(pdfinfo "$out/print.pdf" | awk '/^Pages:/ {print $2}') pages)"
ls "$out"/page-*.png
