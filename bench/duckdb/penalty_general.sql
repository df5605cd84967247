-- DuckDB baseline for `make bench` (issue 12, item 6): 27 of penalty-general's rules in SQL.
--
-- Run by bench/duckdb/run_sql.py, which first
--   * creates calendar_exceptions(day DATE, kind VARCHAR) from data/calendar/calendar.yaml:
--     'rest' for every listed rest day (ranges expanded), 'work' for every adjusted working day;
--   * sets the variable input_csv to the export (the same file `pingcha score`/`run` read);
--   * makes the output folder the working directory: this file writes case_results.parquet
--     and department_figures.csv there.
--
-- Input: a clean export as `pingcha generate` writes it without --messy (English field ids as
-- headers, dates YYYY-MM-DD, 是/否, whole yuan, lists joined by ';'). Values are read as
-- pingcha reads that file: an empty cell or a placeholder (/ - — N/A NULL #N/A) is missing;
-- a value that does not parse (2024-13-01) is missing (TRY_CAST). Synonyms and the other
-- spellings of --messy exports are not handled here (pingcha's ingestion does that).
--
-- Semantics (../shared/spec/rubric-format.md, "Scoring" and "Expressions"):
--   * three-valued logic: a missing field is NULL; SQL's AND/OR/NOT on NULL are Kleene's, as the
--     rubric language's; comparisons, arithmetic, IN and the date functions give NULL on NULL;
--     present(x) = x IS NOT NULL, missing(x) = x IS NULL, coalesce as in SQL.
--     max()/min() of the language are written kmax/kmin (NULL when an argument is NULL; SQL's
--     greatest/least would skip NULLs).
--   * outcome: `when` false -> na; `when` unknown -> unknown; check true -> pass; check false ->
--     fail (or unknown for an `on_fail: review` screen); check unknown -> unknown (every rule
--     here has the default `missing: review`: no deduction, case needs review).
--     count rules: unknown when the count is NULL; pass when floor(count) <= 0; else fail with
--     deduct x count capped by max.
--   * category deduction = min(category points, sum of failed rules' deductions); score =
--     100 - sum (here over the rules implemented, not all 47 of the rubric); a failed veto rule
--     gives score 0 (veto_score: zero) and grade 不合格 (veto_grade); grades >= 90 优秀,
--     >= 60 合格, else 不合格. Pass rate: any grade but the lowest, as pingcha's 合格率.
--   * rubric choice: penalty-general applies when enforcement_type = 行政处罚 and
--     (procedure missing or procedure <> 简易程序) (its applies_when; penalty-summary, priority
--     10, takes exactly the 简易程序 penalties, so nothing else falls through to this rubric).
--   * params: the rubric's defaults; profile gongan.yaml (departments whose name ends with
--     公安局, 公安分局, 交通警察支队, 交通警察大队, 交警支队, 交警大队 or 派出所) sets
--     large_fine_person = 2000 and large_fine_org = 10000 (read by PRO-04). It disables no rule
--     of penalty-general.
--
-- The calendar functions (data/calendar, WorkingDayCalendar.swift), over the table `cal`
-- (one row per day 1990-01-01 .. 2060-12-31):
--   is_work(d)         listed rest day -> false; listed 调休 working day -> true; otherwise
--                      Monday-Friday (also outside the covered years 2020-2026, pingcha's fallback)
--   rnk(d)             working days up to and including d (running count)
--   next_work(d)       first working day on or after d
--   add_days(d, n)     = next_work(d + n)                      (roll-over to the next working day)
--   add_years(d, n)    = next_work(d + n years), d + n years clamped to the month's last day
--                        (DuckDB's interval arithmetic: 2024-02-29 + 1 year = 2025-02-28)
--   add_workdays(d, n) = the working day w with rnk(w) = rnk(d) + n          (n > 0)
--   workdays(a, b)     = rnk(b) - rnk(a)                       (negative when b is before a)
--   days(a, b)         = b - a
--
-- Rules implemented (id: how it follows rubrics/penalty-general.yaml / common/three-systems.yaml;
-- category, deduct, veto as in the YAML):
--   LEG-01  check subject_qualified                                      subject 10 veto
--   LEG-02  check officers_count >= 2                                    subject 10 veto
--   LEG-03  check officers_certified                                     subject 10 veto
--   LEG-05  when coalesce(entrusted, false); check entrustment_filed     subject 2
--   EVD-01  check coalesce(evidence_count, len(evidence_types)) >= 1     evidence 20 veto
--   EVD-02  when missing(procedure) or procedure <> 快速办理; count 3 - len(evidence_types),
--           deduct 1, max 2                                                  evidence
--   LAW-07  when present(violation_date) and (discovered_date <= add_years(violation_date, 5)
--           or filed_date <= add_years(violation_date, 5)); check the same with 2 years;
--           on_fail: review (screen)                                     law 10 veto
--   LAW-08  when present(violation_date); check discovered_date <= add_years(violation_date, 5)
--           or filed_date <= add_years(violation_date, 5); on_fail: review (screen)   law 10 veto
--   PRO-01  check filed_date <= coalesce(notice_date, decision_date)     procedure 3
--   PRO-02  check notice_date <= decision_date                           procedure 5 veto
--   PRO-11  when present(notice_date) and notice_date <= decision_date and
--           (missing(procedure) or procedure <> 快速办理); check notice_date < decision_date
--           or statement_heard; on_fail: review (screen)                procedure 3
--   PRO-04  when any_of(penalty_kinds, $hearing_penalty_kinds) (if present) or fine /
--           confiscated amount (missing = 0) >= the large amount for the party type (自然人 /
--           otherwise; party_type missing -> that term unknown); check hearing_notified  procedure 5
--   PRO-05  when not (present(hearing_date) or (present(evidence_types) and contains(evidence_types,
--           鉴定意见))); check decision_date <= add_days(filed_date, 90) or extension_approved   procedure 3
--   PRO-12  when present(hearing_date) or (...鉴定意见); same check; on_fail: review   procedure 3
--   PRO-06  when coalesce(hearing_requested, false); check hearing_date <= decision_date   procedure 5 veto
--   PRO-07  when coalesce(hearing_requested, false); check hearing_date >=
--           add_workdays(hearing_notice_date, 7)                         procedure 2
--   PRO-08  when coalesce(hearing_notified, false); check decision_date > add_workdays(notice_date, 5)
--                                                                        procedure 2
--   PRO-10  when missing(service_method) or service_method not in [公告送达, 邮寄送达]; count
--           max(workdays(D, served_date), min(days(D, served_date), 1)) with
--           D = add_workdays(decision_date, 7); deduct 0.5, max 2        procedure
--   PRO-13  check the four date orders, each only when both dates are present   procedure 3
--   PRO-14  when coalesce(fine_amount, 0) > 0 and present(closed_date); check present(payment_date)
--           or present(executed_date) or coalesce(court_enforcement_applied, false)
--           (申请法院强制执行, written by `pingcha generate` since 2026-12-03)    procedure 2
--   DIS-03  when present(discretion_level) and discretion_level = 不予处罚; check
--           missing(penalty_kinds) and coalesce(fine_amount, 0) = 0 and coalesce(confiscated_amount, 0) = 0
--                                                                        discretion 4
--   DOC-01  check document_sealed                                        documents 10 veto
--   DOC-02  check decision_enforceable                                   documents 10 veto
--   TSY-01  when not (present(discretion_level) and discretion_level = 不予处罚) and
--           (missing(penalty_kinds) or any_of(penalty_kinds, $publicity_penalty_kinds))
--           (enforcement_type is 行政处罚 here); check publicized or present(publicized_date)
--                                                                        tsy_publicity 3
--   TSY-02  when TSY-01's when and (publicized or present(publicized_date)); check
--           publicized_date <= add_workdays(decision_date, 7) ($publicity_days_penalty; the
--           行政许可 and other branches are false for a penalty)        tsy_publicity 2
--   TSY-04  when major_decision or present(hearing_date); check legal_review_done   tsy_review 5 veto
--   TSY-05  when coalesce(legal_review_done, false); check legal_review_date <= decision_date
--                                                                        tsy_review 2
-- Not implemented: the regex screens (LAW-01, LAW-02, LAW-03, LAW-05), the remaining presence
-- checks (LEG-04, PRO-03, PRO-09, DIS-01, DOC-03, DOC-04, TSY-03), REM-01..04 and the manual rules.

-- ---------------------------------------------------------------- working-day calendar
CREATE OR REPLACE TEMP TABLE cal AS
WITH days AS (
    SELECT CAST(range AS DATE) AS day
    FROM range(DATE '1990-01-01', DATE '2061-01-01', INTERVAL 1 DAY)
), marked AS (
    SELECT d.day,
           CASE WHEN e.kind = 'rest' THEN false
                WHEN e.kind = 'work' THEN true
                ELSE isodow(d.day) <= 5 END AS is_work
    FROM days d LEFT JOIN calendar_exceptions e ON e.day = d.day
)
SELECT day, is_work,
       CAST(sum(CAST(is_work AS INTEGER)) OVER (ORDER BY day) AS INTEGER) AS rnk,
       min(CASE WHEN is_work THEN day END)
           OVER (ORDER BY day ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS next_work
FROM marked;

-- working day by rank: add_workdays(d, n) = wd(rnk(d) + n)
CREATE OR REPLACE TEMP TABLE wd AS SELECT rnk, day FROM cal WHERE is_work;

-- ---------------------------------------------------------------- helpers
CREATE OR REPLACE TEMP MACRO yn(v) AS CASE v WHEN '是' THEN true WHEN '否' THEN false END;
CREATE OR REPLACE TEMP MACRO kmax(a, b) AS CASE WHEN a IS NULL OR b IS NULL THEN NULL WHEN a >= b THEN a ELSE b END;
CREATE OR REPLACE TEMP MACRO kmin(a, b) AS CASE WHEN a IS NULL OR b IS NULL THEN NULL WHEN a <= b THEN a ELSE b END;
CREATE OR REPLACE TEMP MACRO if_is(o, v, id) AS CASE WHEN o = v THEN id END;
-- outcome of a check rule: w = when (true when the rule has none), c = check, screen = on_fail: review
CREATE OR REPLACE TEMP MACRO outcome(w, c, screen) AS
    CASE WHEN w IS NULL THEN 'unknown' WHEN NOT w THEN 'na'
         WHEN c IS NULL THEN 'unknown' WHEN c THEN 'pass'
         WHEN screen THEN 'unknown' ELSE 'fail' END;
-- outcome of a count rule
CREATE OR REPLACE TEMP MACRO count_outcome(w, n) AS
    CASE WHEN w IS NULL THEN 'unknown' WHEN NOT w THEN 'na'
         WHEN n IS NULL THEN 'unknown' WHEN floor(n) <= 0 THEN 'pass' ELSE 'fail' END;

-- ---------------------------------------------------------------- the cases penalty-general applies to
CREATE OR REPLACE TEMP TABLE pg AS
WITH raw AS (
    SELECT *
    FROM read_csv(getvariable('input_csv'), header = true, all_varchar = true, delim = ',', quote = '"',
                  escape = '"', nullstr = ['', '/', '-', '—', 'N/A', 'NULL', '#N/A'])
)
SELECT
    case_id, department, procedure, party_type, service_method, discretion_level,
    yn(subject_qualified) AS subject_qualified,
    yn(entrusted) AS entrusted,
    yn(entrustment_filed) AS entrustment_filed,
    TRY_CAST(officers_count AS DECIMAL(18, 4)) AS officers_count,
    yn(officers_certified) AS officers_certified,
    TRY_CAST(violation_date AS DATE) AS violation_date,
    TRY_CAST(discovered_date AS DATE) AS discovered_date,
    TRY_CAST(filed_date AS DATE) AS filed_date,
    TRY_CAST(notice_date AS DATE) AS notice_date,
    yn(statement_heard) AS statement_heard,
    yn(hearing_notified) AS hearing_notified,
    yn(hearing_requested) AS hearing_requested,
    TRY_CAST(hearing_notice_date AS DATE) AS hearing_notice_date,
    TRY_CAST(hearing_date AS DATE) AS hearing_date,
    yn(major_decision) AS major_decision,
    yn(legal_review_done) AS legal_review_done,
    TRY_CAST(legal_review_date AS DATE) AS legal_review_date,
    yn(extension_approved) AS extension_approved,
    TRY_CAST(decision_date AS DATE) AS decision_date,
    TRY_CAST(served_date AS DATE) AS served_date,
    yn(publicized) AS publicized,
    TRY_CAST(publicized_date AS DATE) AS publicized_date,
    TRY_CAST(payment_date AS DATE) AS payment_date,
    TRY_CAST(executed_date AS DATE) AS executed_date,
    TRY_CAST(closed_date AS DATE) AS closed_date,
    string_split(penalty_kinds, ';') AS penalty_kinds,
    TRY_CAST(fine_amount AS DECIMAL(18, 2)) AS fine_amount,
    TRY_CAST(confiscated_amount AS DECIMAL(18, 2)) AS confiscated_amount,
    string_split(evidence_types, ';') AS evidence_types,
    TRY_CAST(evidence_count AS DECIMAL(18, 4)) AS evidence_count,
    yn(document_sealed) AS document_sealed,
    yn(decision_enforceable) AS decision_enforceable,
    yn(court_enforcement_applied) AS court_enforcement_applied,
    -- profile gongan.yaml: the department's name ends with one of its departments
    (suffix(department, '公安局') OR suffix(department, '公安分局') OR suffix(department, '交通警察支队')
     OR suffix(department, '交通警察大队') OR suffix(department, '交警支队') OR suffix(department, '交警大队')
     OR suffix(department, '派出所')) AS gongan
FROM raw
WHERE enforcement_type = '行政处罚' AND (procedure IS NULL OR procedure <> '简易程序');

-- ---------------------------------------------------------------- calendar values each case needs
CREATE OR REPLACE TEMP TABLE pgd AS
SELECT c.*,
    y2.next_work AS lim2,                -- add_years(violation_date, $limitation_years = 2)
    y5.next_work AS lim5,                -- add_years(violation_date, $limitation_years_long = 5)
    f90.next_work AS d90,                -- add_days(filed_date, 90)
    hn7.day AS hearing_notice_7,         -- add_workdays(hearing_notice_date, 7)
    nt5.day AS notice_5,                 -- add_workdays(notice_date, 5)
    dc7.day AS decision_7,               -- add_workdays(decision_date, 7) (PRO-10; TSY-02 with $publicity_days_penalty = 7)
    rs.rnk - (dcr.rnk + 7) AS late_workdays,  -- workdays(add_workdays(decision_date, 7), served_date): rnk(wd(r)) = r
    c.served_date - dc7.day AS late_days -- days(add_workdays(decision_date, 7), served_date)
FROM pg c
LEFT JOIN cal y2  ON y2.day  = CAST(c.violation_date + to_years(2) AS DATE)
LEFT JOIN cal y5  ON y5.day  = CAST(c.violation_date + to_years(5) AS DATE)
LEFT JOIN cal f90 ON f90.day = c.filed_date + 90
LEFT JOIN cal hnr ON hnr.day = c.hearing_notice_date
LEFT JOIN wd  hn7 ON hn7.rnk = hnr.rnk + 7
LEFT JOIN cal ntr ON ntr.day = c.notice_date
LEFT JOIN wd  nt5 ON nt5.rnk = ntr.rnk + 5
LEFT JOIN cal dcr ON dcr.day = c.decision_date
LEFT JOIN wd  dc7 ON dc7.rnk = dcr.rnk + 7
LEFT JOIN cal rs  ON rs.day  = c.served_date;

-- ---------------------------------------------------------------- rule outcomes
CREATE OR REPLACE TEMP TABLE outcomes AS
WITH w AS (
    SELECT *,
        CASE WHEN gongan THEN 2000 ELSE 10000 END AS large_fine_person,
        CASE WHEN gongan THEN 10000 ELSE 100000 END AS large_fine_org,
        10000 AS large_confiscation_person,
        100000 AS large_confiscation_org,
        (evidence_types IS NOT NULL AND list_contains(evidence_types, '鉴定意见')) AS appraisal,
        (coalesce(discretion_level, '') <> '不予处罚')
        AND (penalty_kinds IS NULL
         OR list_has_any(penalty_kinds, ['通报批评', '罚款', '没收违法所得', '没收非法财物', '暂扣许可证件', '降低资质等级',
                                         '吊销许可证件', '限制开展生产经营活动', '责令停产停业', '责令关闭', '限制从业', '行政拘留']))
            AS publicity_required,
        kmax(late_workdays, kmin(late_days, 1)) AS late_count
    FROM pgd
)
SELECT case_id, department,
    outcome(true, subject_qualified, false) AS "LEG-01",
    outcome(true, officers_count >= 2, false) AS "LEG-02",
    outcome(true, officers_certified, false) AS "LEG-03",
    outcome(coalesce(entrusted, false), entrustment_filed, false) AS "LEG-05",
    outcome(true, coalesce(evidence_count, len(evidence_types)) >= 1, false) AS "EVD-01",
    count_outcome(procedure IS NULL OR procedure <> '快速办理', 3 - len(evidence_types)) AS "EVD-02",
    least(1 * (3 - len(evidence_types)), 2) AS "EVD-02_n",
    outcome(violation_date IS NOT NULL AND (discovered_date <= lim5 OR filed_date <= lim5),
            discovered_date <= lim2 OR filed_date <= lim2, true) AS "LAW-07",
    outcome(violation_date IS NOT NULL, discovered_date <= lim5 OR filed_date <= lim5, true) AS "LAW-08",
    outcome(true, filed_date <= coalesce(notice_date, decision_date), false) AS "PRO-01",
    outcome(true, notice_date <= decision_date, false) AS "PRO-02",
    outcome(notice_date IS NOT NULL AND notice_date <= decision_date AND (procedure IS NULL OR procedure <> '快速办理'),
            notice_date < decision_date OR statement_heard, true) AS "PRO-11",
    outcome((penalty_kinds IS NOT NULL
             AND list_has_any(penalty_kinds, ['降低资质等级', '吊销许可证件', '责令停产停业', '责令关闭', '限制从业']))
            OR (party_type = '自然人' AND coalesce(fine_amount, 0) >= large_fine_person)
            OR (party_type <> '自然人' AND coalesce(fine_amount, 0) >= large_fine_org)
            OR (party_type = '自然人' AND coalesce(confiscated_amount, 0) >= large_confiscation_person)
            OR (party_type <> '自然人' AND coalesce(confiscated_amount, 0) >= large_confiscation_org),
            hearing_notified, false) AS "PRO-04",
    outcome(NOT (hearing_date IS NOT NULL OR appraisal),
            decision_date <= d90 OR extension_approved, false) AS "PRO-05",
    outcome(hearing_date IS NOT NULL OR appraisal,
            decision_date <= d90 OR extension_approved, true) AS "PRO-12",
    outcome(coalesce(hearing_requested, false), hearing_date <= decision_date, false) AS "PRO-06",
    outcome(coalesce(hearing_requested, false), hearing_date >= hearing_notice_7, false) AS "PRO-07",
    outcome(coalesce(hearing_notified, false), decision_date > notice_5, false) AS "PRO-08",
    count_outcome(service_method IS NULL OR service_method NOT IN ('公告送达', '邮寄送达'), late_count) AS "PRO-10",
    least(0.5 * late_count, 2) AS "PRO-10_n",
    outcome(true,
            (served_date IS NULL OR decision_date IS NULL OR served_date >= decision_date)
            AND (payment_date IS NULL OR decision_date IS NULL OR payment_date >= decision_date)
            AND (legal_review_date IS NULL OR filed_date IS NULL OR legal_review_date >= filed_date)
            AND (hearing_date IS NULL OR hearing_notice_date IS NULL OR hearing_date >= hearing_notice_date),
            false) AS "PRO-13",
    outcome(coalesce(fine_amount, 0) > 0 AND closed_date IS NOT NULL,
            payment_date IS NOT NULL OR executed_date IS NOT NULL OR coalesce(court_enforcement_applied, false),
            false) AS "PRO-14",
    outcome(discretion_level IS NOT NULL AND discretion_level = '不予处罚',
            penalty_kinds IS NULL AND coalesce(fine_amount, 0) = 0 AND coalesce(confiscated_amount, 0) = 0,
            false) AS "DIS-03",
    outcome(true, document_sealed, false) AS "DOC-01",
    outcome(true, decision_enforceable, false) AS "DOC-02",
    outcome(publicity_required, publicized OR publicized_date IS NOT NULL, false) AS "TSY-01",
    outcome(publicity_required AND (publicized OR publicized_date IS NOT NULL),
            publicized_date <= decision_7, false) AS "TSY-02",
    outcome(major_decision OR hearing_date IS NOT NULL, legal_review_done, false) AS "TSY-04",
    outcome(coalesce(legal_review_done, false), legal_review_date <= decision_date, false) AS "TSY-05"
FROM w;

-- ---------------------------------------------------------------- scores
CREATE OR REPLACE TEMP TABLE case_results AS
WITH d AS (   -- deduction of each failed rule (the rule's own, before the category cap)
    SELECT *,
        CASE WHEN "LEG-01" = 'fail' THEN 10 ELSE 0 END
      + CASE WHEN "LEG-02" = 'fail' THEN 10 ELSE 0 END
      + CASE WHEN "LEG-03" = 'fail' THEN 10 ELSE 0 END
      + CASE WHEN "LEG-05" = 'fail' THEN 2 ELSE 0 END AS d_subject,
        CASE WHEN "EVD-01" = 'fail' THEN 20 ELSE 0 END
      + CASE WHEN "EVD-02" = 'fail' THEN "EVD-02_n" ELSE 0 END AS d_evidence,
        CASE WHEN "LAW-07" = 'fail' THEN 10 ELSE 0 END
      + CASE WHEN "LAW-08" = 'fail' THEN 10 ELSE 0 END AS d_law,
        CASE WHEN "PRO-01" = 'fail' THEN 3 ELSE 0 END
      + CASE WHEN "PRO-02" = 'fail' THEN 5 ELSE 0 END
      + CASE WHEN "PRO-11" = 'fail' THEN 3 ELSE 0 END
      + CASE WHEN "PRO-04" = 'fail' THEN 5 ELSE 0 END
      + CASE WHEN "PRO-05" = 'fail' THEN 3 ELSE 0 END
      + CASE WHEN "PRO-12" = 'fail' THEN 3 ELSE 0 END
      + CASE WHEN "PRO-06" = 'fail' THEN 5 ELSE 0 END
      + CASE WHEN "PRO-07" = 'fail' THEN 2 ELSE 0 END
      + CASE WHEN "PRO-08" = 'fail' THEN 2 ELSE 0 END
      + CASE WHEN "PRO-10" = 'fail' THEN "PRO-10_n" ELSE 0 END
      + CASE WHEN "PRO-13" = 'fail' THEN 3 ELSE 0 END
      + CASE WHEN "PRO-14" = 'fail' THEN 2 ELSE 0 END AS d_procedure,
        CASE WHEN "DIS-03" = 'fail' THEN 4 ELSE 0 END AS d_discretion,
        CASE WHEN "DOC-01" = 'fail' THEN 10 ELSE 0 END
      + CASE WHEN "DOC-02" = 'fail' THEN 10 ELSE 0 END AS d_documents,
        CASE WHEN "TSY-01" = 'fail' THEN 3 ELSE 0 END
      + CASE WHEN "TSY-02" = 'fail' THEN 2 ELSE 0 END AS d_tsy_publicity,
        CASE WHEN "TSY-04" = 'fail' THEN 5 ELSE 0 END
      + CASE WHEN "TSY-05" = 'fail' THEN 2 ELSE 0 END AS d_tsy_review,
        ('fail' IN ("LEG-01", "LEG-02", "LEG-03", "EVD-01", "LAW-07", "LAW-08", "PRO-02", "PRO-06",
                    "DOC-01", "DOC-02", "TSY-04")) AS veto
    FROM outcomes
), s AS (
    SELECT *,
        CASE WHEN veto THEN 0.0 ELSE
            100 - least(d_subject, 10) - least(d_evidence, 20) - least(d_law, 10) - least(d_procedure, 25)
                - least(d_discretion, 10) - least(d_documents, 10) - least(d_tsy_publicity, 5)
                - least(d_tsy_review, 5)
        END::DECIMAL(5, 1) AS score
    FROM d
)
SELECT department, case_id, score,
    CASE WHEN veto THEN '不合格' WHEN score >= 90 THEN '优秀' WHEN score >= 60 THEN '合格' ELSE '不合格' END AS grade,
    veto,
    concat_ws(';', if_is("LEG-01", 'fail', 'LEG-01'), if_is("LEG-02", 'fail', 'LEG-02'),
              if_is("LEG-03", 'fail', 'LEG-03'), if_is("LEG-05", 'fail', 'LEG-05'),
              if_is("EVD-01", 'fail', 'EVD-01'), if_is("EVD-02", 'fail', 'EVD-02'),
              if_is("LAW-07", 'fail', 'LAW-07'), if_is("LAW-08", 'fail', 'LAW-08'),
              if_is("PRO-01", 'fail', 'PRO-01'), if_is("PRO-02", 'fail', 'PRO-02'),
              if_is("PRO-11", 'fail', 'PRO-11'), if_is("PRO-04", 'fail', 'PRO-04'),
              if_is("PRO-05", 'fail', 'PRO-05'), if_is("PRO-12", 'fail', 'PRO-12'),
              if_is("PRO-06", 'fail', 'PRO-06'), if_is("PRO-07", 'fail', 'PRO-07'),
              if_is("PRO-08", 'fail', 'PRO-08'), if_is("PRO-10", 'fail', 'PRO-10'),
              if_is("PRO-13", 'fail', 'PRO-13'), if_is("PRO-14", 'fail', 'PRO-14'),
              if_is("DIS-03", 'fail', 'DIS-03'), if_is("DOC-01", 'fail', 'DOC-01'),
              if_is("DOC-02", 'fail', 'DOC-02'), if_is("TSY-01", 'fail', 'TSY-01'),
              if_is("TSY-02", 'fail', 'TSY-02'), if_is("TSY-04", 'fail', 'TSY-04'),
              if_is("TSY-05", 'fail', 'TSY-05')) AS failed_rules,
    concat_ws(';', if_is("LEG-01", 'unknown', 'LEG-01'), if_is("LEG-02", 'unknown', 'LEG-02'),
              if_is("LEG-03", 'unknown', 'LEG-03'), if_is("LEG-05", 'unknown', 'LEG-05'),
              if_is("EVD-01", 'unknown', 'EVD-01'), if_is("EVD-02", 'unknown', 'EVD-02'),
              if_is("LAW-07", 'unknown', 'LAW-07'), if_is("LAW-08", 'unknown', 'LAW-08'),
              if_is("PRO-01", 'unknown', 'PRO-01'), if_is("PRO-02", 'unknown', 'PRO-02'),
              if_is("PRO-11", 'unknown', 'PRO-11'), if_is("PRO-04", 'unknown', 'PRO-04'),
              if_is("PRO-05", 'unknown', 'PRO-05'), if_is("PRO-12", 'unknown', 'PRO-12'),
              if_is("PRO-06", 'unknown', 'PRO-06'), if_is("PRO-07", 'unknown', 'PRO-07'),
              if_is("PRO-08", 'unknown', 'PRO-08'), if_is("PRO-10", 'unknown', 'PRO-10'),
              if_is("PRO-13", 'unknown', 'PRO-13'), if_is("PRO-14", 'unknown', 'PRO-14'),
              if_is("DIS-03", 'unknown', 'DIS-03'), if_is("DOC-01", 'unknown', 'DOC-01'),
              if_is("DOC-02", 'unknown', 'DOC-02'), if_is("TSY-01", 'unknown', 'TSY-01'),
              if_is("TSY-02", 'unknown', 'TSY-02'), if_is("TSY-04", 'unknown', 'TSY-04'),
              if_is("TSY-05", 'unknown', 'TSY-05')) AS review_rules,
    "LEG-01", "LEG-02", "LEG-03", "LEG-05", "EVD-01", "EVD-02", "EVD-02_n", "LAW-07", "LAW-08", "PRO-01", "PRO-02",
    "PRO-11", "PRO-04", "PRO-05", "PRO-12", "PRO-06", "PRO-07", "PRO-08", "PRO-10", "PRO-10_n", "PRO-13", "PRO-14",
    "DIS-03", "DOC-01", "DOC-02", "TSY-01", "TSY-02", "TSY-04", "TSY-05"
FROM s;

COPY case_results TO 'case_results.parquet' (FORMAT parquet);

-- ---------------------------------------------------------------- department figures
COPY (
    SELECT department,
           count(*) AS cases,
           round(avg(score), 2) AS mean_score,
           round(avg(CASE WHEN grade <> '不合格' THEN 1.0 ELSE 0.0 END), 4) AS pass_rate,
           count(*) FILTER (WHERE veto) AS veto_cases
    FROM case_results
    GROUP BY department
    ORDER BY mean_score DESC, department
) TO 'department_figures.csv' (HEADER, DELIMITER ',');
