#!/usr/bin/env python3
"""Checks the DuckDB baseline against pingcha on the same file, rule by rule and case by case.

    check_agreement.py --results DIR/case_results.parquet --pingcha SCORE.jsonl

SCORE.jsonl is `pingcha score --input FILE --quiet` (one object per case, with every failed or
unknown rule among its findings). For each rule the SQL implements, and each case pingcha scored
under penalty-general, pingcha's outcome is `fail` or `unknown` when the rule is among the case's
findings, and `pass/na` otherwise; the SQL's outcome is folded the same way. Prints, per rule, the
counts on both sides and the cases that disagree; then whether both chose penalty-general for the
same cases, whether the deductions of failed rules agree, and whether the score over the implemented
rules (recomputed from pingcha's findings with the rubric's category caps and veto) agrees with the
SQL's. Exit status 1 on any disagreement.
"""
import argparse
import sys

import duckdb

RULES = ["LEG-01", "LEG-02", "LEG-03", "LEG-05", "EVD-01", "EVD-02", "LAW-07", "LAW-08", "PRO-01", "PRO-02",
         "PRO-11", "PRO-04", "PRO-05", "PRO-12", "PRO-06", "PRO-07", "PRO-08", "PRO-10", "PRO-13", "PRO-14",
         "DIS-03", "DOC-01", "DOC-02", "TSY-01", "TSY-02", "TSY-04", "TSY-05"]
CATEGORY_POINTS = {"subject": 10, "evidence": 20, "law": 10, "procedure": 25, "discretion": 10, "documents": 10,
                   "tsy_publicity": 5, "tsy_recording": 5, "tsy_review": 5}
VETO = ["LEG-01", "LEG-02", "LEG-03", "EVD-01", "LAW-07", "LAW-08", "PRO-02", "PRO-06", "DOC-01", "DOC-02", "TSY-04"]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--results", required=True)
    p.add_argument("--pingcha", required=True)
    a = p.parse_args()
    con = duckdb.connect()
    rules_sql = ", ".join(f"'{r}'" for r in RULES)
    con.execute(f"""
        CREATE TABLE pc AS SELECT department, case_id, rubric, findings
        FROM read_json('{a.pingcha}', format = 'newline_delimited',
                       columns = {{case_id: 'VARCHAR', department: 'VARCHAR', rubric: 'VARCHAR',
                                  findings: 'STRUCT(rule VARCHAR, category VARCHAR, outcome VARCHAR, deduct DECIMAL(6,1))[]'}})""")
    con.execute(f"""
        CREATE TABLE pcf AS SELECT department, case_id, f.rule, f.category, f.outcome, f.deduct
        FROM (SELECT department, case_id, unnest(findings) AS f FROM pc WHERE rubric = 'penalty-general')
        WHERE f.rule IN ({rules_sql})""")
    con.execute(f"CREATE TABLE dk AS SELECT * FROM read_parquet('{a.results}')")
    bad = 0

    only_pc, only_dk = con.execute("""
        SELECT (SELECT count(*) FROM pc WHERE rubric = 'penalty-general'
                  AND (department, case_id) NOT IN (SELECT (department, case_id) FROM dk)),
               (SELECT count(*) FROM dk WHERE (department, case_id) NOT IN
                  (SELECT (department, case_id) FROM pc WHERE rubric = 'penalty-general'))""").fetchone()
    n_pg = con.execute("SELECT count(*) FROM dk").fetchone()[0]
    print(f"cases under penalty-general: DuckDB {n_pg}; only in pingcha {only_pc}, only in DuckDB {only_dk}")
    bad += only_pc + only_dk

    print(f"{'rule':7} {'fail pingcha':>13} {'fail DuckDB':>12} {'unknown pingcha':>16} {'unknown DuckDB':>15} {'cases differing':>16}")
    for r in RULES:
        q = f"""
            WITH d AS (SELECT department, case_id,
                              CASE WHEN "{r}" IN ('fail', 'unknown') THEN "{r}" ELSE 'pass/na' END AS o FROM dk),
                 p AS (SELECT department, case_id, outcome AS o FROM pcf WHERE rule = '{r}'),
                 j AS (SELECT d.o AS dko, coalesce(p.o, 'pass/na') AS pco FROM d LEFT JOIN p USING (department, case_id))
            SELECT count(*) FILTER (WHERE pco = 'fail'), count(*) FILTER (WHERE dko = 'fail'),
                   count(*) FILTER (WHERE pco = 'unknown'), count(*) FILTER (WHERE dko = 'unknown'),
                   count(*) FILTER (WHERE pco <> dko) FROM j"""
        pf, df, pu, du, diff = con.execute(q).fetchone()
        bad += diff
        print(f"{r:7} {pf:>13} {df:>12} {pu:>16} {du:>15} {diff:>16}")
        if diff:
            print(con.execute(f"""
                SELECT d.department, d.case_id, d."{r}" AS duckdb, coalesce(p.outcome, 'pass/na') AS pingcha
                FROM dk d LEFT JOIN (SELECT * FROM pcf WHERE rule = '{r}') p USING (department, case_id)
                WHERE CASE WHEN d."{r}" IN ('fail', 'unknown') THEN d."{r}" ELSE 'pass/na' END
                      <> coalesce(p.outcome, 'pass/na') LIMIT 5""").fetchall())

    # deductions of the failed count rules (the check rules deduct their fixed `deduct`)
    ded = con.execute("""
        SELECT count(*) FROM pcf p JOIN dk d USING (department, case_id)
        WHERE p.outcome = 'fail' AND ((p.rule = 'EVD-02' AND p.deduct <> d."EVD-02_n")
                                   OR (p.rule = 'PRO-10' AND p.deduct <> d."PRO-10_n"))""").fetchone()[0]
    print(f"failed count rules (EVD-02, PRO-10) whose deduction differs: {ded}")
    bad += ded

    # the score over the implemented rules, recomputed from pingcha's findings
    caps = " UNION ALL ".join(f"SELECT '{c}' AS category, {v} AS points" for c, v in CATEGORY_POINTS.items())
    veto_sql = ", ".join(f"'{r}'" for r in VETO)
    diff_scores = con.execute(f"""
        WITH caps AS ({caps}),
        cat AS (SELECT department, case_id, category, sum(deduct) AS d FROM pcf WHERE outcome = 'fail'
                GROUP BY ALL),
        sc AS (SELECT department, case_id,
                      100 - coalesce((SELECT sum(least(cat.d, caps.points)) FROM cat JOIN caps USING (category)
                                      WHERE cat.department = dk.department AND cat.case_id = dk.case_id), 0) AS s,
                      EXISTS (SELECT 1 FROM pcf WHERE pcf.department = dk.department AND pcf.case_id = dk.case_id
                              AND pcf.outcome = 'fail' AND pcf.rule IN ({veto_sql})) AS v
               FROM dk)
        SELECT count(*) FROM sc JOIN dk USING (department, case_id)
        WHERE CASE WHEN sc.v THEN 0 ELSE sc.s END <> dk.score OR sc.v <> dk.veto""").fetchone()[0]
    print(f"cases whose score over these rules (or veto) differs: {diff_scores}")
    bad += diff_scores
    print("AGREE" if bad == 0 else f"DISAGREE ({bad})")
    sys.exit(0 if bad == 0 else 1)


if __name__ == "__main__":
    main()
