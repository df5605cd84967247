import Foundation
import GRDB
@testable import PingchaStore
import PingchaTestSupport
import XCTest

/// Schema versions through GRDB's `DatabaseMigrator`: a new file, each older version moved
/// forward, files from before the migrator bridged, newer files refused untouched.
final class MigrationTests: XCTestCase {
    var folder: TemporaryFolder!

    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    /// The schema of the current version (6), table by table (docs/schema.md).
    static let current: [String] = [
        "index case_department ON case (batch_id, department)",
        "index followup_audit_batch ON followup_audit (batch, action, sha256)",
        "index followup_item_rule ON followup_item (batch, department, case_id, rule_id)",
        "table batch: id INTEGER PK1, name TEXT NOT NULL, year INTEGER, ran_at TEXT NOT NULL, tool_version TEXT NOT NULL, "
            + "calendar_version TEXT NOT NULL, catalogue_sha256 TEXT NOT NULL, cases_total INTEGER NOT NULL DEFAULT 0, "
            + "cases_scored INTEGER NOT NULL DEFAULT 0, cases_uncovered INTEGER NOT NULL DEFAULT 0, needs_review INTEGER NOT NULL DEFAULT 0, "
            + "rows_read INTEGER NOT NULL DEFAULT 0, rows_rejected INTEGER NOT NULL DEFAULT 0, fields TEXT",
        "table case WITHOUT ROWID: batch_id INTEGER NOT NULL PK1, case_no INTEGER NOT NULL PK2, input_ord INTEGER NOT NULL, "
            + "line INTEGER NOT NULL, case_id TEXT NOT NULL, department TEXT NOT NULL, district TEXT, enforcement_type TEXT NOT NULL, "
            + "decision_date TEXT, fields BLOB NOT NULL",
        "table decision: batch_id INTEGER NOT NULL, case_id TEXT NOT NULL, department TEXT, rule_id TEXT NOT NULL, outcome TEXT NOT NULL, "
            + "deduct TEXT, reviewer TEXT, note TEXT, source TEXT NOT NULL, line INTEGER NOT NULL",
        "table finding WITHOUT ROWID: batch_id INTEGER NOT NULL PK1, case_no INTEGER NOT NULL PK2, seq INTEGER NOT NULL PK3, "
            + "rubric_id TEXT NOT NULL, rule_id TEXT NOT NULL, category_id TEXT NOT NULL, problem TEXT NOT NULL, outcome TEXT NOT NULL, "
            + "deduct TEXT NOT NULL, deduct_value REAL NOT NULL, fields_read TEXT NOT NULL, automated TEXT, review TEXT, "
            + "conflict INTEGER NOT NULL DEFAULT 0, suspect INTEGER NOT NULL DEFAULT 0",
        "table followup_audit: id INTEGER PK1, batch TEXT NOT NULL, action TEXT NOT NULL, at TEXT NOT NULL, source TEXT, sha256 TEXT, "
            + "periods_sha256 TEXT, detail TEXT NOT NULL",
        "table followup_document: batch TEXT NOT NULL PK1, department TEXT NOT NULL PK2, kind TEXT NOT NULL PK3, number TEXT NOT NULL PK4, "
            + "issued_on TEXT NOT NULL, audit_id INTEGER NOT NULL",
        "table followup_event: batch TEXT NOT NULL PK1, seq INTEGER NOT NULL PK2, department TEXT NOT NULL, case_id TEXT, rule_id TEXT, "
            + "event TEXT NOT NULL, outcome TEXT, on_date TEXT NOT NULL, document_number TEXT, note TEXT, audit_id INTEGER NOT NULL, "
            + "sheet TEXT, line INTEGER NOT NULL",
        "table followup_item: batch TEXT NOT NULL PK1, item_no INTEGER NOT NULL PK2, department TEXT NOT NULL, case_id TEXT NOT NULL, "
            + "rubric_id TEXT NOT NULL, rule_id TEXT NOT NULL, disposition TEXT NOT NULL, stage TEXT NOT NULL, audit_id INTEGER NOT NULL",
        "table input: batch_id INTEGER NOT NULL PK1, ord INTEGER NOT NULL PK2, path TEXT NOT NULL, sha256 TEXT, encoding TEXT, "
            + "rows INTEGER NOT NULL, accepted INTEGER NOT NULL, rejected INTEGER NOT NULL, warnings INTEGER NOT NULL, "
            + "blank_rows INTEGER NOT NULL, refusal TEXT, skipped INTEGER NOT NULL DEFAULT 0",
        "table profile: batch_id INTEGER NOT NULL PK1, ord INTEGER NOT NULL, id TEXT NOT NULL PK2, title TEXT NOT NULL, "
            + "sha256 TEXT NOT NULL, path TEXT NOT NULL, definition TEXT NOT NULL",
        "table reject: batch_id INTEGER NOT NULL, input_ord INTEGER NOT NULL, line INTEGER NOT NULL, end_line INTEGER NOT NULL, "
            + "kinds TEXT NOT NULL, reason TEXT NOT NULL, raw TEXT NOT NULL, sheet TEXT",
        "table result WITHOUT ROWID: batch_id INTEGER NOT NULL PK1, case_no INTEGER NOT NULL PK2, rubric_id TEXT, score TEXT, "
            + "score_value REAL, grade TEXT, grade_rank INTEGER, pass INTEGER, excellent INTEGER, veto INTEGER NOT NULL, "
            + "disposition TEXT NOT NULL, needs_review INTEGER NOT NULL, category_scores TEXT, three_systems TEXT, profile TEXT, measures TEXT",
        "table rubric: batch_id INTEGER NOT NULL PK1, ord INTEGER NOT NULL, id TEXT NOT NULL PK2, version TEXT NOT NULL, "
            + "title TEXT NOT NULL, sha256 TEXT NOT NULL, files TEXT NOT NULL, definition TEXT NOT NULL",
        "table rule_tally: batch_id INTEGER NOT NULL PK1, rubric_id TEXT NOT NULL PK2, rule_id TEXT NOT NULL PK3, "
            + "applicable INTEGER NOT NULL, failed INTEGER NOT NULL, unknown INTEGER NOT NULL",
        "table warning: batch_id INTEGER NOT NULL, input_ord INTEGER NOT NULL, line INTEGER, column INTEGER, kind TEXT NOT NULL, "
            + "header TEXT, field TEXT, raw TEXT, detail TEXT NOT NULL, sheet TEXT",
    ]

    func state(_ path: String) throws -> (version: Int, applied: [String], schema: [String]) {
        try DatabaseQueue(path: path).read { db in
            let applied = try db.tableExists("grdb_migrations")
                ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") : []
            return (try Int.fetchOne(db, sql: "PRAGMA user_version")!, applied, try SchemaDump.of(db))
        }
    }

    func testANewFileGetsEveryVersionInOrder() throws {
        let path = folder.file("new.sqlite")
        _ = try StoreConnection.open(path: path, creating: true)
        let s = try state(path)
        XCTAssertEqual(s.version, 6)
        XCTAssertEqual(s.applied, ["v1", "v2", "v3", "v4", "v5", "v6"])
        XCTAssertEqual(s.schema, Self.current)
        XCTAssertEqual(Schema.migrator.migrations, ["v1", "v2", "v3", "v4", "v5", "v6"])
    }

    /// The migrator creates what the migrations executed one after the other create (the
    /// previous code's path for a new file).
    func testANewFileIsTheSchemaTheSQLAloneMakes() throws {
        try OldFile.create(at: folder.file("plain.sqlite"), version: Schema.currentVersion)
        _ = try StoreConnection.open(path: folder.file("new.sqlite"), creating: true)
        XCTAssertEqual(try state(folder.file("plain.sqlite")).schema, try state(folder.file("new.sqlite")).schema)
    }

    /// An empty file at each older version ends at the current version with the same schema as a new one.
    func testEachOlderVersionMovesForward() throws {
        for version in 1...5 {
            let path = folder.file("v\(version).sqlite")
            try OldFile.create(at: path, version: version)
            XCTAssertEqual(try state(path).applied, [], "no migrator table before")
            _ = try StoreConnection.open(path: path, creating: true)
            let s = try state(path)
            XCTAssertEqual(s.version, 6, "from version \(version)")
            XCTAssertEqual(s.applied, ["v1", "v2", "v3", "v4", "v5", "v6"], "from version \(version)")
            XCTAssertEqual(s.schema, Self.current, "from version \(version)")
        }
    }

    /// Version 2 → 3 for a file that holds cases keeps its rowid tables and gives findings
    /// their order from the rowid; version 4 then adds its columns to them.
    func testAVersion2FileWithRowsMovesInPlace() throws {
        let path = folder.file("v2.sqlite")
        try OldFile.create(at: path, version: 2, then: """
            INSERT INTO batch (id, name, ran_at, tool_version, calendar_version, catalogue_sha256) VALUES (1, 'Old', 't', '0', 'c', 'x');
            INSERT INTO "case" VALUES (1, 1, 0, 2, 'X-1', '司法局', NULL, '行政处罚', NULL, '{"case_id":"X-1"}');
            INSERT INTO finding VALUES (1, 1, 'r', 'B', 'c', 'q', 'fail', '6', 6.0, '{}', NULL, NULL, 0);
            INSERT INTO finding VALUES (1, 1, 'r', 'A', 'c', 'p', 'fail', '4', 4.0, '{}', NULL, NULL, 0);
            """)
        _ = try StoreConnection.open(path: path, creating: true)
        let s = try state(path)
        XCTAssertEqual(s.version, 6)
        XCTAssertEqual(s.applied, ["v1", "v2", "v3", "v4", "v5", "v6"])
        XCTAssertTrue(s.schema.contains("index finding_case ON finding (batch_id, case_no)"), s.schema.joined(separator: "\n"))
        XCTAssertTrue(s.schema.contains { $0.hasPrefix("table case: ") && $0.hasSuffix("decision_date TEXT, fields TEXT NOT NULL") },
                      s.schema.joined(separator: "\n"))
        try DatabaseQueue(path: path).read { db in
            XCTAssertEqual(try Row.fetchAll(db, sql: "SELECT rule_id, seq, suspect FROM finding ORDER BY seq").map { "\($0[0] as String)\($0[1] as Int)\($0[2] as Int)" },
                           ["B10", "A20"])
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT fields FROM batch"), nil)
            XCTAssertEqual(try String.fetchOne(db, sql: #"SELECT fields FROM "case""#), #"{"case_id":"X-1"}"#)
        }
    }

    /// A version-4 file from before the migrator: its four versions are recorded as applied
    /// (nothing of them is run again), then version 5 adds its columns; the rows stay.
    func testAFileFromBeforeTheMigratorIsBridged() throws {
        let path = folder.file("v4.sqlite")
        try OldFile.create(at: path, version: 4, then: """
            INSERT INTO batch (id, name, ran_at, tool_version, calendar_version, catalogue_sha256) VALUES (1, 'Old', 't', '0', 'c', 'x');
            """)
        let before = try state(path)
        XCTAssertEqual(before.applied, [])
        _ = try StoreConnection.open(path: path, creating: true)
        let after = try state(path)
        XCTAssertEqual(after.version, 6)
        XCTAssertEqual(after.applied, ["v1", "v2", "v3", "v4", "v5", "v6"])
        XCTAssertEqual(after.schema, Self.current)
        XCTAssertNotEqual(before.schema, after.schema)
        XCTAssertEqual(try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT name FROM batch") }, ["Old"])
    }

    func testAFileFromANewerPingchaIsRefusedUntouched() throws {
        // Written by a newer pingcha before the migrator existed or after: `user_version` 7.
        let path = folder.file("v7.sqlite")
        try OldFile.create(at: path, version: 6, then: "CREATE TABLE later (x)")
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "PRAGMA user_version = 7") }
        XCTAssertThrowsError(try StoreConnection.open(path: path, creating: true)) { error in
            XCTAssertEqual("\(error)", "数据库由更新版本的 pingcha 创建（结构版本 7，本程序支持到 6），请升级 pingcha")
        }
        let s = try state(path)
        XCTAssertEqual(s.version, 7)
        XCTAssertEqual(s.applied, [], "nothing recorded in a file this pingcha does not know")

        // A migration this pingcha does not know, recorded by the migrator.
        let other = folder.file("v6-plus.sqlite")
        _ = try StoreConnection.open(path: other, creating: true)
        try DatabaseQueue(path: other).write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v7')") }
        XCTAssertThrowsError(try StoreConnection.open(path: other, creating: true)) { error in
            XCTAssertEqual("\(error)", "数据库由更新版本的 pingcha 创建（结构版本 7，本程序支持到 6），请升级 pingcha")
        }
    }

    /// Opening a current file writes nothing, so a reader does not wait for a run that is
    /// writing: here another connection holds the write lock and the open still succeeds at once.
    func testOpeningACurrentFileTakesNoWriteLock() throws {
        let path = folder.file("busy.sqlite")
        _ = try StoreConnection.open(path: path, creating: true)
        let writer = try DatabaseQueue(path: path)
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "INSERT INTO batch (name, ran_at, tool_version, calendar_version, catalogue_sha256) VALUES ('W', 't', '0', 'c', 'x')")
            let queue = try StoreConnection.open(path: path, busyTimeout: 0.05, creating: true)
            XCTAssertEqual(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM batch") }, 0)
            try db.execute(sql: "ROLLBACK")
        }
        // A file that needs migrating does wait, and says it is busy when the wait runs out.
        let old = folder.file("old.sqlite")
        try OldFile.create(at: old, version: 1, wal: true)
        let holder = try DatabaseQueue(path: old)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            XCTAssertThrowsError(try StoreConnection.open(path: old, busyTimeout: 0.05, creating: true)) { error in
                XCTAssertEqual((error as? DatabaseError)?.resultCode, .SQLITE_BUSY, "\(error)")
            }
            try db.execute(sql: "ROLLBACK")
        }
        XCTAssertEqual(try state(old).version, 1)
    }

    /// Several pingchas opening the same old file at once: each ends with the file at the current
    /// version (the bridge decides inside a write transaction; a migration another applied first is
    /// read again; the up-to-date check reads one snapshot). The race is narrow: 300 rounds of the
    /// check without a snapshot failed 2–5 times, so 60 rounds catch it more often than not.
    func testConcurrentOpensOfAnOldFile() throws {
        for round in 0..<60 {
            let path = folder.file("shared-\(round).sqlite")
            try OldFile.create(at: path, version: round % 3, wal: true)
            let errors = ErrorList()
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do { _ = try StoreConnection.open(path: path, creating: true) } catch { errors.append("\(error)") }
            }
            XCTAssertEqual(errors.items, [], "round \(round)")
            let s = try state(path)
            XCTAssertEqual(s.version, 6)
            XCTAssertEqual(s.applied, ["v1", "v2", "v3", "v4", "v5", "v6"])
            XCTAssertEqual(s.schema, Self.current)
        }
    }
}

/// Errors collected from several threads.
final class ErrorList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func append(_ s: String) { lock.lock(); list.append(s); lock.unlock() }
    var items: [String] { lock.lock(); defer { lock.unlock() }; return list }
}
