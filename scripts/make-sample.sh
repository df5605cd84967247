#!/usr/bin/env bash
# Regenerates data/sample/ exactly (the commands are also listed in data/sample/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/pingcha}
GB=市场监督管理局,生态环境局,交通运输局,公安局
MESSY=城市管理综合行政执法局,应急管理局,自然资源和规划局,卫生健康委员会
CLEAN=文化体育广电和旅游局,农业农村局,住房和城乡建设局,水利局
for year in 2023 2025; do
  dir=data/sample/$year
  rm -rf "$dir"; mkdir -p "$dir"
  "$BIN" generate --cases 700 --years $year --seed $year --messy --encoding gb18030 --departments $GB --split-dir "$dir" --quiet
  "$BIN" generate --cases 500 --years $year --seed $((year + 1)) --messy --departments $MESSY --split-dir "$dir" --quiet
  "$BIN" generate --cases 300 --years $year --seed $((year + 2)) --bom --departments $CLEAN --split-dir "$dir" --quiet
done
