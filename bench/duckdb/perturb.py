#!/usr/bin/env python3
"""Makes a harder file for the agreement check: a generated clean export with its penalty cases'
dates, flags and amounts shuffled so that every implemented rule meets fail, unknown and pass.

    perturb.py IN.csv OUT.csv [--seed 1]

The generator's cases are mostly consistent, so several rules (PRO-11, PRO-13, DIS-03, LAW-08 …)
never fail on them; here, for a seeded random half of the cases, a few fields each are blanked,
set to a value near a boundary (a date moved by -10..+120 days, by whole years, or onto another
date of the case; a flag flipped; an amount around the hearing thresholds) or given a placeholder
(/, N/A) or an invalid date (2024-13-01), which pingcha reads as missing.
"""
import argparse
import csv
import datetime as dt
import random

DATES = ["violation_date", "discovered_date", "filed_date", "notice_date", "hearing_notice_date", "hearing_date",
         "legal_review_date", "decision_date", "served_date", "publicized_date", "payment_date", "executed_date",
         "closed_date"]
FLAGS = ["subject_qualified", "entrusted", "entrustment_filed", "officers_certified", "hearing_notified",
         "hearing_requested", "major_decision", "legal_review_done", "extension_approved", "publicized",
         "document_sealed", "decision_enforceable"]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rnd = random.Random(a.seed)
    with open(a.input, newline="", encoding="utf-8") as f, open(a.output, "w", newline="", encoding="utf-8") as g:
        r = csv.DictReader(f)
        w = csv.DictWriter(g, fieldnames=r.fieldnames, lineterminator="\n")
        w.writeheader()
        for row in r:
            if row["enforcement_type"] == "行政处罚" and rnd.random() < 0.5:
                for _ in range(rnd.randint(1, 4)):
                    perturb(row, rnd)
            w.writerow(row)


def shift(value, days):
    try:
        return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
    except ValueError:
        return value


def perturb(row, rnd):
    k = rnd.random()
    if k < 0.35:
        f = rnd.choice(DATES)
        how = rnd.random()
        if how < 0.15:
            row[f] = ""
        elif how < 0.2:
            row[f] = rnd.choice(["/", "N/A", "2024-13-01"])
        elif how < 0.35:
            other = row[rnd.choice(DATES)]
            if other:
                row[f] = other
        elif how < 0.5:
            base = row[f] or row["decision_date"]
            row[f] = shift(base, -365 * rnd.choice([2, 3, 5, 6]) + rnd.randint(-3, 3))
        elif row[f]:
            row[f] = shift(row[f], rnd.randint(-10, 120))
        else:
            row[f] = shift(row["decision_date"], rnd.randint(-20, 20))
    elif k < 0.6:
        f = rnd.choice(FLAGS)
        row[f] = rnd.choice(["是", "否", ""])
    elif k < 0.7:
        row["fine_amount"] = str(rnd.choice([0, 1999, 2000, 9999, 10000, 99999, 100000, 250000]))
        row["party_type"] = rnd.choice(["自然人", "法人", "其他组织", ""])
    elif k < 0.75:
        row["confiscated_amount"] = rnd.choice(["", "0", "10000", "100000"])
    elif k < 0.8:
        row["discretion_level"] = rnd.choice(["不予处罚", "从轻", ""])
        if rnd.random() < 0.5:
            row["penalty_kinds"] = ""
            row["fine_amount"] = ""
    elif k < 0.85:
        row["evidence_types"] = rnd.choice(["", "书证", "书证;鉴定意见", "物证;书证;鉴定意见;现场笔录"])
        row["evidence_count"] = rnd.choice(["", "0", "1", "5"])
    elif k < 0.9:
        row["penalty_kinds"] = rnd.choice(["", "警告", "罚款", "吊销许可证件", "警告;责令停产停业"])
    elif k < 0.95:
        row["procedure"] = rnd.choice(["", "快速办理", "普通程序"])
        row["service_method"] = rnd.choice(["", "公告送达", "直接送达"])
    else:
        row["officers_count"] = rnd.choice(["", "1", "2", "3"])


if __name__ == "__main__":
    main()
