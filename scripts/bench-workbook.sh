#!/usr/bin/env bash
# `make bench`, workbook part (issue 11): the same generated cases as CSV and as `.xlsx`
# written by the project's own xlsx writer (PingchaBench xlsx), and the time and peak memory
# of `pingcha inspect` reading each. Target: the workbook in at most 3× the CSV's time, peak
# memory under 300 MB.
# Usage: scripts/bench-workbook.sh [CASES] [RUNS]   (needs the release build of make bench)
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${1:-1000000}
RUNS=${2:-3}
BIN=.build/release/pingcha
DIR=bench-data
mkdir -p "$DIR"
CSV="$DIR/cases-$CASES.csv"
XLSX="$DIR/cases-$CASES.xlsx"
[ -f "$CSV" ] || "$BIN" generate --cases "$CASES" --years 2024,2025 --seed 7 --out "$CSV" --quiet
if [ ! -f "$XLSX" ]; then
  /usr/bin/time -f "writing the workbook (PingchaBench xlsx): %e s wall, %U+%S s CPU, peak %M KB" \
    .build/release/PingchaBench xlsx "$CSV" "$XLSX"
fi
echo
echo "Reading the same $CASES cases (pingcha inspect --input FILE; best wall time of $RUNS, with its CPU and peak RSS;"
echo "the two files are read in turns, so that both see the same load on a shared machine)"
echo "| input | size | wall | CPU (user + sys) | peak RSS | rows |"
echo "|---|---|---|---|---|---|"
cat "$CSV" "$XLSX" > /dev/null
declare -A best rows
for run in $(seq "$RUNS"); do
  for TARGET in "$CSV" "$XLSX"; do
    /usr/bin/time -f "%e %U %S %M" -o "$DIR/time.txt" "$BIN" inspect --input "$TARGET" > "$DIR/inspect.txt" 2>&1 || true
    read -r s u y kb < "$DIR/time.txt"
    echo "run $run: $(basename "$TARGET") $s s wall, $u + $y s CPU, $kb KB" >&2
    previous=${best[$TARGET]:-}
    if [ -z "$previous" ] || awk -v a="$s" -v b="${previous%% *}" 'BEGIN { exit !(a < b) }'; then best[$TARGET]="$s $u $y $kb"; fi
    rows[$TARGET]=$(grep -oE "记录 [0-9]+ 行 = 接受 [0-9]+" "$DIR/inspect.txt" | tail -1)
  done
done
for TARGET in "$CSV" "$XLSX"; do
  read -r s u y kb <<< "${best[$TARGET]}"
  awk -v f="$(basename "$TARGET")" -v sz="$(du -h "$TARGET" | cut -f1)" -v s="$s" -v u="$u" -v y="$y" -v kb="$kb" -v r="${rows[$TARGET]}" \
    'BEGIN { printf "| %s | %s | %.1f s | %.1f s | %.0f MB | %s |\n", f, sz, s, u + y, kb / 1024, r }'
done
read -r c _ <<< "${best[$CSV]}"
read -r x _ <<< "${best[$XLSX]}"
awk -v c="$c" -v x="$x" 'BEGIN { printf "workbook / CSV, best wall times: %.2f× (target ≤ 3×)\n", x / c }'
