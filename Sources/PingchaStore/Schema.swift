internal import GRDB

/// The store's schema: one GRDB migration per schema version, registered with a
/// `DatabaseMigrator` as `v1` … `v6` (``migrator``). Each migration also sets `PRAGMA
/// user_version` to its version, so the version stays readable in the file's header the way
/// pingcha read it before the migrator (and older pingchas still refuse a newer file);
/// ``migrate(_:)`` (Schema+Opening.swift) bridges files written before the migrator.
/// docs/schema.md describes every table.
enum Schema {
    /// The SQL of each version, in order: `migrations[n - 1]` moves a file from version n - 1
    /// to n. Never edit one that has shipped; add a version instead.
    static let migrations: [String] = [
        // Version 1.
        """
        CREATE TABLE batch (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            year INTEGER,
            ran_at TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            calendar_version TEXT NOT NULL,
            catalogue_sha256 TEXT NOT NULL,
            cases_total INTEGER NOT NULL DEFAULT 0,
            cases_scored INTEGER NOT NULL DEFAULT 0,
            cases_uncovered INTEGER NOT NULL DEFAULT 0,
            needs_review INTEGER NOT NULL DEFAULT 0,
            rows_read INTEGER NOT NULL DEFAULT 0,
            rows_rejected INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE input (
            batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            path TEXT NOT NULL,
            sha256 TEXT,
            encoding TEXT,
            rows INTEGER NOT NULL,
            accepted INTEGER NOT NULL,
            rejected INTEGER NOT NULL,
            warnings INTEGER NOT NULL,
            blank_rows INTEGER NOT NULL,
            refusal TEXT,
            PRIMARY KEY (batch_id, ord)
        );
        CREATE TABLE rubric (
            batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            id TEXT NOT NULL,
            version TEXT NOT NULL,
            title TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            files TEXT NOT NULL,
            definition TEXT NOT NULL,
            PRIMARY KEY (batch_id, id)
        );
        CREATE TABLE "case" (
            batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
            case_no INTEGER NOT NULL,
            input_ord INTEGER NOT NULL,
            line INTEGER NOT NULL,
            case_id TEXT NOT NULL,
            department TEXT NOT NULL,
            district TEXT,
            enforcement_type TEXT NOT NULL,
            decision_date TEXT,
            fields TEXT NOT NULL,
            PRIMARY KEY (batch_id, case_no)
        );
        CREATE INDEX case_department ON "case" (batch_id, department);
        CREATE TABLE result (
            batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
            case_no INTEGER NOT NULL,
            rubric_id TEXT,
            score TEXT,
            score_value REAL,
            grade TEXT,
            grade_rank INTEGER,
            pass INTEGER,
            excellent INTEGER,
            veto INTEGER NOT NULL,
            disposition TEXT NOT NULL,
            needs_review INTEGER NOT NULL,
            category_scores TEXT,
            PRIMARY KEY (batch_id, case_no)
        );
        CREATE TABLE finding (
            batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
            case_no INTEGER NOT NULL,
            rubric_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            category_id TEXT NOT NULL,
            problem TEXT NOT NULL,
            outcome TEXT NOT NULL,
            deduct TEXT NOT NULL,
            deduct_value REAL NOT NULL,
            fields_read TEXT NOT NULL,
            automated TEXT,
            review TEXT,
            conflict INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX finding_case ON finding (batch_id, case_no);
        CREATE TABLE rule_tally (
            batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
            rubric_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            applicable INTEGER NOT NULL,
            failed INTEGER NOT NULL,
            unknown INTEGER NOT NULL,
            PRIMARY KEY (batch_id, rubric_id, rule_id)
        );
        CREATE TABLE reject (
            batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
            input_ord INTEGER NOT NULL,
            line INTEGER NOT NULL,
            end_line INTEGER NOT NULL,
            kinds TEXT NOT NULL,
            reason TEXT NOT NULL,
            raw TEXT NOT NULL
        );
        CREATE TABLE warning (
            batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
            input_ord INTEGER NOT NULL,
            line INTEGER,
            "column" INTEGER,
            kind TEXT NOT NULL,
            header TEXT,
            field TEXT,
            raw TEXT,
            detail TEXT NOT NULL
        );
        CREATE TABLE decision (
            batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
            case_id TEXT NOT NULL,
            department TEXT,
            rule_id TEXT NOT NULL,
            outcome TEXT NOT NULL,
            deduct TEXT,
            reviewer TEXT,
            note TEXT,
            source TEXT NOT NULL,
            line INTEGER NOT NULL
        );
        """,
        // Version 2: each result keeps its three-systems facts (see MeasureCode), so that
        // reports need not read every case's values back.
        """
        ALTER TABLE result ADD COLUMN three_systems TEXT;
        """,
        // Version 3: a case's values are a compact binary record (StoredValues) whose field
        // positions refer to the batch's field list; batches stored before keep their JSON
        // text (and a NULL field list), which is still read (the `fields` column takes both).
        // The three big tables are also rebuilt WITHOUT ROWID, keyed by case: a table with
        // a rowid and a separate key (or index) is two B-trees to insert every row into, and
        // a run inserts millions. A finding's `seq` is its order within its case. A file that
        // already holds cases is moved forward in place instead (``version3InPlace``).
        """
        ALTER TABLE batch ADD COLUMN fields TEXT;
        CREATE TABLE case_v3 (
            batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
            case_no INTEGER NOT NULL,
            input_ord INTEGER NOT NULL,
            line INTEGER NOT NULL,
            case_id TEXT NOT NULL,
            department TEXT NOT NULL,
            district TEXT,
            enforcement_type TEXT NOT NULL,
            decision_date TEXT,
            fields BLOB NOT NULL,
            PRIMARY KEY (batch_id, case_no)
        ) WITHOUT ROWID;
        INSERT INTO case_v3 SELECT batch_id, case_no, input_ord, line, case_id, department, district, enforcement_type,
            decision_date, fields FROM "case";
        DROP TABLE "case";
        ALTER TABLE case_v3 RENAME TO "case";
        CREATE INDEX case_department ON "case" (batch_id, department);
        CREATE TABLE result_v3 (
            batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
            case_no INTEGER NOT NULL,
            rubric_id TEXT,
            score TEXT,
            score_value REAL,
            grade TEXT,
            grade_rank INTEGER,
            pass INTEGER,
            excellent INTEGER,
            veto INTEGER NOT NULL,
            disposition TEXT NOT NULL,
            needs_review INTEGER NOT NULL,
            category_scores TEXT,
            three_systems TEXT,
            PRIMARY KEY (batch_id, case_no)
        ) WITHOUT ROWID;
        INSERT INTO result_v3 SELECT batch_id, case_no, rubric_id, score, score_value, grade, grade_rank, pass, excellent, veto,
            disposition, needs_review, category_scores, three_systems FROM result;
        DROP TABLE result;
        ALTER TABLE result_v3 RENAME TO result;
        CREATE TABLE finding_v3 (
            batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
            case_no INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            rubric_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            category_id TEXT NOT NULL,
            problem TEXT NOT NULL,
            outcome TEXT NOT NULL,
            deduct TEXT NOT NULL,
            deduct_value REAL NOT NULL,
            fields_read TEXT NOT NULL,
            automated TEXT,
            review TEXT,
            conflict INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (batch_id, case_no, seq)
        ) WITHOUT ROWID;
        INSERT INTO finding_v3 SELECT batch_id, case_no, rowid, rubric_id, rule_id, category_id, problem, outcome, deduct,
            deduct_value, fields_read, automated, review, conflict FROM finding;
        DROP TABLE finding;
        ALTER TABLE finding_v3 RENAME TO finding;
        """,
        // Version 4: the profiles in force (rubrics/profiles), the profile that tailored each
        // case, every measure a case's rules fed (MeasureCode; the statistics read these, not
        // the case's values), and which findings are a screen's suspicion (`on_fail: review`).
        """
        CREATE TABLE profile (
            batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            id TEXT NOT NULL,
            title TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            path TEXT NOT NULL,
            definition TEXT NOT NULL,
            PRIMARY KEY (batch_id, id)
        );
        ALTER TABLE result ADD COLUMN profile TEXT;
        ALTER TABLE result ADD COLUMN measures TEXT;
        ALTER TABLE finding ADD COLUMN suspect INTEGER NOT NULL DEFAULT 0;
        """,
        // Version 5: workbooks. The sheet of a rejected row or a warning (a workbook's line
        // numbers are per sheet), and the totals, notes and title rows skipped per input, so
        // that rows = accepted + rejected + skipped holds for every file.
        """
        ALTER TABLE input ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE reject ADD COLUMN sheet TEXT;
        ALTER TABLE warning ADD COLUMN sheet TEXT;
        """,
        // Version 6: the rectification register (整改台账, `pingcha followup`, Karamay arts.
        // 29–31). Its tables name their batch by name, not by `batch.id`, and have no foreign
        // key to it: re-running a batch deletes and re-inserts its row, and the office's record
        // of notices served and replies received must outlive that. Items are named by
        // department, case id and rule, which a re-run keeps. Every change is one audit row
        // (what, when, from which file and its SHA-256); items, documents and events point to it.
        """
        CREATE TABLE followup_audit (
            id INTEGER PRIMARY KEY,
            batch TEXT NOT NULL,
            action TEXT NOT NULL,
            at TEXT NOT NULL,
            source TEXT,
            sha256 TEXT,
            periods_sha256 TEXT,
            detail TEXT NOT NULL
        );
        CREATE INDEX followup_audit_batch ON followup_audit (batch, action, sha256);
        CREATE TABLE followup_item (
            batch TEXT NOT NULL,
            item_no INTEGER NOT NULL,
            department TEXT NOT NULL,
            case_id TEXT NOT NULL,
            rubric_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            disposition TEXT NOT NULL,
            stage TEXT NOT NULL,
            audit_id INTEGER NOT NULL,
            PRIMARY KEY (batch, item_no)
        );
        CREATE UNIQUE INDEX followup_item_rule ON followup_item (batch, department, case_id, rule_id);
        CREATE TABLE followup_document (
            batch TEXT NOT NULL,
            department TEXT NOT NULL,
            kind TEXT NOT NULL,
            number TEXT NOT NULL,
            issued_on TEXT NOT NULL,
            audit_id INTEGER NOT NULL,
            PRIMARY KEY (batch, department, kind, number)
        );
        CREATE TABLE followup_event (
            batch TEXT NOT NULL,
            seq INTEGER NOT NULL,
            department TEXT NOT NULL,
            case_id TEXT,
            rule_id TEXT,
            event TEXT NOT NULL,
            outcome TEXT,
            on_date TEXT NOT NULL,
            document_number TEXT,
            note TEXT,
            audit_id INTEGER NOT NULL,
            sheet TEXT,
            line INTEGER NOT NULL,
            PRIMARY KEY (batch, seq)
        );
        """,
    ]

    static var currentVersion: Int { migrations.count }

    /// The migrator's identifier of schema version `version` (from 1).
    static func identifier(_ version: Int) -> String { "v\(version)" }

    /// Version 3 for a file that already holds cases: rebuilding its tables would copy every
    /// row (a minute and three times the file size for a million cases, the old pages left
    /// free), so they keep their rowid layout and index, which every query reads the same
    /// way; findings get `seq` from their rowid, which keeps their order within each case.
    static let version3InPlace = """
        ALTER TABLE batch ADD COLUMN fields TEXT;
        ALTER TABLE finding ADD COLUMN seq INTEGER;
        UPDATE finding SET seq = rowid;
        """

    /// One registered migration per version. Foreign keys stay on while they run
    /// (`.immediate`), as they did before the migrator: no migration rebuilds a table that
    /// another references, and GRDB's deferred check would scan every row of an old file.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        for (index, sql) in migrations.enumerated() {
            let version = index + 1
            migrator.registerMigration(identifier(version), foreignKeyChecks: .immediate) { db in
                if version == 3, try Bool.fetchOne(db, sql: #"SELECT EXISTS (SELECT 1 FROM "case") OR EXISTS (SELECT 1 FROM finding)"#) == true {
                    try db.execute(sql: version3InPlace)
                } else {
                    try db.execute(sql: sql)
                }
                try db.execute(sql: "PRAGMA user_version = \(version)")
            }
        }
        return migrator
    }()
}

/// The first migration's SQL, for tests that build a file as an older pingcha left it.
public enum StoreSchemaForTests {
    public static var version1: String { Schema.migrations[0] }
}
