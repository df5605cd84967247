#!/usr/bin/env bash
# `make bench`: ingestion throughput and peak memory on 1,000,000 generated cases, beside
# `cat FILE > /dev/null` and a bare libcsv parse of the same file, all in the same run.
# Usage: scripts/bench.sh [CASES]   (figures go to BENCHMARKS.md by hand, with this command)
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${1:-1000000}
BIN=.build/release/pingcha
DIR=bench-data
mkdir -p "$DIR"
command -v /usr/bin/time >/dev/null || { ${SUDO:-} apt-get update -qq && ${SUDO:-} apt-get install -y -qq time; }

gcc -O2 -o "$DIR/bare_libcsv" bench/bare_libcsv.c -lcsv

FILE="$DIR/cases-$CASES.csv"
if [ ! -f "$FILE" ]; then
  echo "== generate $CASES cases"
  /usr/bin/time -f "generate: %e s, peak %M KB" "$BIN" generate --cases "$CASES" --years 2024,2025 --seed 7 --out "$FILE"
fi
GBFILE="$DIR/cases-$CASES-gb18030.csv"
if [ ! -f "$GBFILE" ]; then
  "$BIN" generate --cases "$CASES" --years 2024,2025 --seed 7 --messy --encoding gb18030 --out "$GBFILE"
fi

measure() { # label, command...
  local label=$1; shift
  local best=""
  for i in 1 2 3; do
    local t
    t=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null 2>/dev/null; } 2>&1 | tail -1 )
    best=$(printf "%s\n%s\n" "$best" "$t" | grep -v '^$' | sort -n | head -1)
  done
  local secs=${best%% *} kb=${best##* }
  local mb; mb=$(du -m "$TARGET" | cut -f1)
  local size; size=$(stat -c %s "$TARGET")
  awk -v l="$label" -v s="$secs" -v kb="$kb" -v sz="$size" -v n="$CASES" \
    'BEGIN { printf "| %-34s | %7.2f s | %8.0f MB/s | %10.0f cases/s | %6.0f MB |\n", l, s, sz/1e6/s, n/s, kb/1024 }'
}

for TARGET in "$FILE" "$GBFILE"; do
  cat "$TARGET" > /dev/null   # warm the page cache
  echo
  echo "$TARGET ($(du -h "$TARGET" | cut -f1))"
  echo "| step | wall (best of 3) | throughput | cases | peak RSS |"
  echo "|---|---|---|---|---|"
  measure "cat FILE > /dev/null" cat "$TARGET"
  measure "bare libcsv parse (C)" "$DIR/bare_libcsv" "$TARGET"
  measure "pingcha inspect" "$BIN" inspect --input "$TARGET"
done
