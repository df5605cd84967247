#!/usr/bin/env python3
"""Runs bench/duckdb/penalty_general.sql end to end: the DuckDB baseline of `make bench` (issue 12).

    run_sql.py --csv CASES.csv --out DIR [--calendar data/calendar/calendar.yaml] [--sql FILE] [--threads N]

1. Loads the working-day calendar (data/calendar/calendar.yaml, the file pingcha carries as its
   default) into the table `calendar_exceptions(day DATE, kind VARCHAR)`: one row per listed rest day
   ('rest', ranges `A..B` expanded) and per adjusted working day ('work'). The SQL builds the full
   day-by-day calendar from it (every other day: Monday-Friday working, weekend rest, as pingcha).
2. Sets the DuckDB variable `input_csv` to the CSV path (the SQL reads it with getvariable).
3. Runs the SQL with DIR as the working directory: it writes case_results.parquet and
   department_figures.csv there.

DuckDB is a benchmark tool only (installed into a venv by bench/duckdb/run.sh), never a
dependency of pingcha.
"""
import argparse
import datetime as dt
import os
import sys
import time

import duckdb
import yaml


def calendar_rows(path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    rows = []
    for year, spec in (doc.get("years") or {}).items():
        for kind in ("rest", "work"):
            for item in spec.get(kind) or []:
                if isinstance(item, dt.date):
                    first = last = item
                else:
                    text = str(item)
                    a, _, b = text.partition("..")
                    first = dt.date.fromisoformat(a.strip())
                    last = dt.date.fromisoformat((b or a).strip())
                d = first
                while d <= last:
                    rows.append((d, kind))
                    d += dt.timedelta(days=1)
    return rows


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    p = argparse.ArgumentParser()
    p.add_argument("--csv", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--calendar", default=os.path.join(repo, "data/calendar/calendar.yaml"))
    p.add_argument("--sql", default=os.path.join(here, "penalty_general.sql"))
    p.add_argument("--threads", type=int, default=0, help="DuckDB threads (0: DuckDB's default, all cores)")
    a = p.parse_args()

    t0 = time.monotonic()
    csv = os.path.abspath(a.csv)
    sql = open(a.sql, encoding="utf-8").read()
    os.makedirs(a.out, exist_ok=True)
    con = duckdb.connect()
    if a.threads:
        con.execute(f"SET threads = {a.threads}")
    con.execute("CREATE TABLE calendar_exceptions (day DATE, kind VARCHAR)")
    rows = calendar_rows(a.calendar)
    con.executemany("INSERT INTO calendar_exceptions VALUES (?, ?)", rows)
    con.execute("SET VARIABLE input_csv = ?", [csv])
    os.chdir(a.out)
    con.execute(sql)
    scored, depts = con.execute("SELECT count(*), count(DISTINCT department) FROM case_results").fetchone()
    print(f"duckdb {duckdb.__version__}: {scored} cases scored under penalty-general, {depts} departments, "
          f"{len(rows)} calendar exceptions, {time.monotonic() - t0:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
