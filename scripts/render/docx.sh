#!/usr/bin/env bash
# Renders a .docx to PDF with LibreOffice and the PDF to PNG pages, to look at what a reader
# will see (fonts, margins, the red line, table borders, page numbers).
#
#   scripts/render/docx.sh FILE.docx OUTDIR
#
# Writes OUTDIR/NAME.pdf and OUTDIR/NAME-N.png (60 dpi), and prints the page count and the
# fonts the PDF embeds (a font name that is not the one asked for shows the fallback used).
# Linux machines rarely have the 公文 fonts (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体), and
# fontconfig would then set every one of them in the same sans-serif CJK face; a private
# fontconfig file maps each to the nearest installed kind (Noto Serif CJK SC for the 宋/仿宋/楷
# faces, Noto Sans CJK SC for 黑体, a Times-like serif for Times New Roman) so the pages show
# which text is in which face. The installed fonts are used first where present.
# A sample 通报 with every block kind comes from the DOCX tests:
#   PINGCHA_DOCX_SAMPLE=/tmp/sample.docx swift test --disable-swift-testing \
#     --filter PingchaDocxTests.DocxPackageTests/testWriteRenderSampleWhenAsked
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 FILE.docx OUTDIR" >&2
  exit 2
fi
docx=$1
out=$2
[ -f "$docx" ] || { echo "no such file: $docx" >&2; exit 1; }
for tool in soffice pdftoppm pdfinfo pdffonts; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install libreoffice-writer poppler-utils fonts-noto-cjk)" >&2; exit 1; }
done
mkdir -p "$out"
name=$(basename "${docx%.*}")
# A private profile: a LibreOffice already running (or a first-start dialog) cannot block it.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
{
  echo '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
  echo '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
  alias() {
    local name=$1; shift
    printf '<alias binding="same"><family>%s</family><prefer>' "$name"
    for f in "$@"; do printf '<family>%s</family>' "$f"; done
    echo '</prefer></alias>'
  }
  serif="Noto Serif CJK SC"
  alias "方正小标宋简体" "方正小标宋简体" "宋体" "SimSun" "$serif"
  alias "宋体" "宋体" "SimSun" "$serif"
  alias "仿宋_GB2312" "仿宋_GB2312" "仿宋" "FangSong" "$serif"
  alias "仿宋" "仿宋" "FangSong" "$serif"
  alias "楷体_GB2312" "楷体_GB2312" "楷体" "KaiTi" "$serif"
  alias "楷体" "楷体" "KaiTi" "$serif"
  alias "黑体" "黑体" "SimHei" "Noto Sans CJK SC"
  alias "Times New Roman" "Times New Roman" "Liberation Serif" "Tinos" "$serif"
  echo '</fontconfig>'
} >"$profile/fonts.conf"
FONTCONFIG_FILE="$profile/fonts.conf" soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$out" "$docx" >/dev/null
pdf="$out/$name.pdf"
[ -f "$pdf" ] || { echo "LibreOffice wrote no PDF" >&2; exit 1; }
rm -f "$out/$name"-*.png
pdftoppm -png -r 60 "$pdf" "$out/$name"
pdfinfo "$pdf" | grep -E '^(Pages|Page size):'
pdffonts "$pdf" | tail -n +3 | awk '{print "font: " $1}' | sort -u
ls "$out/$name"-*.png
