#!/usr/bin/env bash
# `make bench`, last part: pingcha side by side with a DuckDB baseline (issue 12, item 6), in one run
# on the same generated file.
#
#   bench/duckdb/run.sh [CASES]        (default 1000000; figures go to BENCHMARKS.md by hand)
#
# Environment: BIN (pingcha binary, default .build/release/pingcha), BENCH_DIR (working folder,
# default bench-data, shared with scripts/bench.sh so the file is generated once; it holds the CSV,
# a store of about 1 GB and the reports of about 2 GB), DUCKDB_VENV (default $BENCH_DIR/duckdb-venv),
# RUNS (rounds, default 3: each step's best wall time is reported with that run's peak RSS).
#
# Steps, each timed with /usr/bin/time -v (wall clock and maximum resident set size):
#   duckdb   bench/duckdb/run_sql.py: the calendar YAML into a table, then penalty_general.sql
#            (CSV -> 27 rules per case -> per-case results as Parquet -> department figures as CSV)
#   score    pingcha score --input FILE --quiet > score.jsonl   (every case, every rubric)
#   run      pingcha run with every document, into a fresh store
#   report   pingcha report of the batch that run stored (every document again, no rescoring)
# The rounds are interleaved (duckdb, score, run, report; again …) so that a noisy minute on the
# shared machine hits all of them alike.
set -euo pipefail
cd "$(dirname "$0")/../.."
CASES=${1:-1000000}
BIN=${BIN:-.build/release/pingcha}
DIR=${BENCH_DIR:-bench-data}
VENV=${DUCKDB_VENV:-$DIR/duckdb-venv}
RUNS=${RUNS:-3}
DATE=2026-12-01
mkdir -p "$DIR"
command -v /usr/bin/time >/dev/null || { ${SUDO:-} apt-get update -qq && ${SUDO:-} apt-get install -y -qq time; }

# DuckDB from PyPI, in a venv of the benchmark's own (never a dependency of pingcha).
if ! "$VENV/bin/python" -c "import duckdb, yaml" 2>/dev/null; then
  echo "== installing duckdb and pyyaml into $VENV"
  # Debian's python3 makes venvs only with the python3-venv package
  python3 -m venv "$VENV" 2>/dev/null || { rm -rf "$VENV"; ${SUDO:-} apt-get update -qq \
    && ${SUDO:-} apt-get install -y -qq python3-venv && python3 -m venv "$VENV"; }
  "$VENV/bin/pip" install -q --disable-pip-version-check duckdb pyyaml
fi
PY="$VENV/bin/python"

# The baseline evaluates the same rules as pingcha: per rule and case on 20,000 generated cases, and
# on the same cases with dates, flags and amounts shuffled (perturb.py) so that every rule meets failures and unknowns.
echo "== agreement of penalty_general.sql with pingcha score (27 rules, case by case)"
AGREE="$DIR/agreement"
mkdir -p "$AGREE"
"$BIN" generate --cases 20000 --years 2024,2025 --seed 7 --quiet --out "$AGREE/plain.csv"
"$PY" bench/duckdb/perturb.py "$AGREE/plain.csv" "$AGREE/perturbed.csv"
for f in plain perturbed; do
  "$BIN" score --input "$AGREE/$f.csv" --quiet > "$AGREE/$f.jsonl" 2> /dev/null
  "$PY" bench/duckdb/run_sql.py --csv "$AGREE/$f.csv" --out "$AGREE/$f-duckdb" 2> /dev/null
  echo "-- $f.csv"
  "$PY" bench/duckdb/check_agreement.py --results "$AGREE/$f-duckdb/case_results.parquet" --pingcha "$AGREE/$f.jsonl" \
    || { echo "penalty_general.sql and pingcha disagree on $f.csv: fix the SQL (or the rubric changed)"; exit 1; }
done

FILE="$DIR/cases-$CASES.csv"
if [ ! -f "$FILE" ]; then
  echo "== generate $CASES cases"
  "$BIN" generate --cases "$CASES" --years 2024,2025 --seed 7 --out "$FILE"
fi
cat "$FILE" > /dev/null   # warm the page cache

# timed NAME COMMAND...: runs it under /usr/bin/time -v; appends "NAME wall_s peak_kb cpu_s load" to
# $DIR/times.txt (cpu = user + system seconds over all threads, the steadier figure on a shared machine;
# load = the 1-minute load average when the step started)
timed() {
  local name=$1; shift
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v -o "$DIR/time-$name.txt" "$@"
  local wall kb cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$DIR/time-$name.txt")
  kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$DIR/time-$name.txt")
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$DIR/time-$name.txt")
  echo "$name $wall $kb $cpu $load" >> "$DIR/times.txt"
  echo "   $name: $wall s, $cpu CPU-s, peak $((kb / 1024)) MB (load average $load at start)"
}

: > "$DIR/times.txt"
: > "$DIR/run-timings.txt"
for round in $(seq 1 "$RUNS"); do
  echo "== round $round of $RUNS on $FILE ($(du -h "$FILE" | cut -f1))"
  rm -rf "$DIR/duckdb-out"
  timed duckdb "$PY" bench/duckdb/run_sql.py --csv "$FILE" --out "$DIR/duckdb-out"
  timed score sh -c "\"$BIN\" score --input \"$FILE\" --quiet > \"$DIR/score.jsonl\""
  rm -f "$DIR/score.jsonl"
  rm -rf "$DIR"/side.sqlite* "$DIR/side-run-reports" "$DIR/side-report-out"
  timed run "$BIN" run --quiet --timings --input "$FILE" --db "$DIR/side.sqlite" --batch bench --year 2025 \
    --date "$DATE" --out "$DIR/side-run-reports" 2> >(tee -a "$DIR/run-timings.txt" >&2)
  timed report "$BIN" report --batch bench --db "$DIR/side.sqlite" --date "$DATE" --out "$DIR/side-report-out"
done

echo
echo "Side by side, $CASES cases, best of $RUNS by wall time (CPU and peak RSS of that run)"
echo "DuckDB $("$PY" -c 'import duckdb; print(duckdb.__version__)'), pingcha $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "| step | wall | ratio to DuckDB (wall) | CPU (user + sys) | ratio to DuckDB (CPU) | peak RSS |"
echo "|---|---|---|---|---|---|"
awk '
  { if (!($1 in best) || $2 < best[$1]) { best[$1] = $2; kb[$1] = $3; cpu[$1] = $4 } }
  END {
    split("duckdb score run report", order, " ")
    label["duckdb"] = "DuckDB: penalty_general.sql end to end"
    label["score"] = "`pingcha score`"
    label["run"] = "`pingcha run` (every document)"
    label["report"] = "`pingcha report` (stored batch)"
    for (i = 1; i <= 4; i++) { k = order[i]
      printf "| %s | %.2f s | %.2f× | %.1f s | %.2f× | %.0f MB |\n", label[k], best[k], best[k] / best["duckdb"],
        cpu[k], cpu[k] / cpu["duckdb"], kb[k] / 1024 }
  }' "$DIR/times.txt"
echo
echo "Every run (step, wall s, peak KB, CPU s, load average at start):"
cat "$DIR/times.txt"
echo
echo "pingcha run --timings, every round:"
cat "$DIR/run-timings.txt"
echo
echo "What the last run wrote (the report stage's outputs):"
( cd "$DIR/side-run-reports" && du -b -- * | sort -rn | awk '{ printf "  %8.1f MB  %s\n", $1 / 1e6, $2 }' | head -12 )
echo "  store: $(du -b "$DIR/side.sqlite" | awk '{ printf "%.1f MB", $1 / 1e6 }')"
echo "DuckDB wrote: $(cd "$DIR/duckdb-out" && du -b -- * | awk '{ printf "%s %.1f MB; ", $2, $1 / 1e6 }')"
