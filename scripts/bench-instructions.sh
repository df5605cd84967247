#!/usr/bin/env bash
# Instructions per case, counted by valgrind (cachegrind without its cache model), for `score`,
# `run` and `report` on a small generated batch: a figure that does not move with the load of a
# shared machine. Wall and CPU time here vary by ±10 % between two runs of the same binary
# (BENCHMARKS.md, 2026-12-04), so a change of a few per cent is judged by this count instead.
#
#   scripts/bench-instructions.sh [CASES]      (default 5000; about two minutes)
#
# Environment: BIN (default .build/release/pingcha), OUT (working folder, default
# bench-data/instructions). Each step is counted twice, on CASES cases and on none, and the
# difference is divided by CASES, so that starting up (loading the rubrics, about 0.4 billion
# instructions) is left out. The count of one binary repeats within 0.1 %; threads run one at a
# time under valgrind, so it measures work, not waiting.
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${1:-5000}
BIN=${BIN:-.build/release/pingcha}
OUT=${OUT:-bench-data/instructions}
command -v valgrind >/dev/null || { ${SUDO:-} apt-get update -qq && ${SUDO:-} apt-get install -y -qq valgrind; }
mkdir -p "$OUT"
# Debian 12's valgrind (3.19) cannot read the DWARF that Swift 6.3 writes: count a copy without
# it (the symbol table stays, so cg_annotate still names functions).
strip -g -o "$OUT/pingcha" "$BIN"
P="$OUT/pingcha"

count() { # label, then the command: prints the instructions it ran
  local label=$1; shift
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file="$OUT/$label.cg" "$@" > /dev/null 2> "$OUT/$label.log" \
    || { echo "failed: $*" >&2; tail -5 "$OUT/$label.log" >&2; exit 1; }
  grep -o 'I *refs: *[0-9,]*' "$OUT/$label.log" | tr -dc '0-9'
}

"$P" generate --cases "$CASES" --years 2024,2025 --seed 7 --quiet --out "$OUT/cases.csv"
# No cases: the header alone.
head -n 1 "$OUT/cases.csv" > "$OUT/none.csv"

per_case() { python3 -c "print(f'{($1 - $2) / $CASES:,.0f}')"; }
DATE=2026-12-01
rm -f "$OUT"/store*.sqlite*
s1=$(count score "$P" score --input "$OUT/cases.csv" --quiet)
s0=$(count score0 "$P" score --input "$OUT/none.csv" --quiet)
r1=$(count run "$P" run --input "$OUT/cases.csv" --db "$OUT/store.sqlite" --batch b --year 2025 --date $DATE --out "$OUT/run" --quiet)
r0=$(count run0 "$P" run --input "$OUT/none.csv" --db "$OUT/store0.sqlite" --batch b --year 2025 --date $DATE --out "$OUT/run0" --quiet)
p1=$(count report "$P" report --db "$OUT/store.sqlite" --batch b --date $DATE --out "$OUT/report")
p0=$(count report0 "$P" report --db "$OUT/store0.sqlite" --batch b --date $DATE --out "$OUT/report0")
echo "instructions per case, $CASES cases ($BIN):"
echo "  score   $(per_case "$s1" "$s0")"
echo "  run     $(per_case "$r1" "$r0")"
echo "  report  $(per_case "$p1" "$p0")"
echo "(where they go: cg_annotate $OUT/score.cg | head -40)"
