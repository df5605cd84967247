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

measure() { # label, command...: best wall time of 3 runs, with that run's peak RSS
  local label=$1; shift
  local best_s="" best_kb="" s kb
  for i in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$DIR/time.txt" "$@" > /dev/null 2>&1 || true
    read -r s kb < "$DIR/time.txt"
    if [ -z "$best_s" ] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then best_s=$s; best_kb=$kb; fi
  done
  local size; size=$(stat -c %s "$TARGET")
  awk -v l="$label" -v s="$best_s" -v kb="$best_kb" -v sz="$size" -v n="$CASES" \
    'BEGIN { if (s <= 0) s = 0.01; printf "| %-24s | %6.2f s | %5.0f MB/s | %9.0f | %5.0f MB |\n", l, s, sz/1e6/s, n/s, kb/1024 }'
}

for TARGET in "$FILE" "$GBFILE"; do
  cat "$TARGET" > /dev/null   # warm the page cache
  echo
  echo "$TARGET ($(du -h "$TARGET" | cut -f1))"
  echo "| step | wall (best of 3) | throughput | cases/s | peak RSS |"
  echo "|---|---|---|---|---|"
  measure "cat FILE > /dev/null" cat "$TARGET"
  measure "bare libcsv parse (C)" "$DIR/bare_libcsv" "$TARGET"
  measure "pingcha inspect" "$BIN" inspect --input "$TARGET"
done

echo
echo "Scoring alone, default rubrics, cases already normalised in memory"
echo "(hot: 5,000 cases scored 200 times, as in the pipeline where a case is scored right after it is read;"
echo " cold: 200,000 cases, most of them out of cache)"
.build/release/PingchaBench rubrics 5000 200
.build/release/PingchaBench rubrics 200000 3

echo
echo "pingcha run end to end (ingest, score, store, analyse, report) on $FILE"
rm -f "$DIR"/run.sqlite*
/usr/bin/time -f "run: %e s wall, peak %M KB" "$BIN" run --quiet --timings --input "$FILE" --db "$DIR/run.sqlite" \
  --batch bench --year 2025 --out "$DIR/run-reports"
