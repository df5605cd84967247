internal import GRDB
internal import GRDBSQLite

/// A SELECT stepped through SQLite's C API, its columns read as bytes in place: reports
/// read millions of rows, and a GRDB `Row` looked up by column name, or a Swift string for
/// every cell, costs more than writing the row out again.
public final class RawQuery {
    private let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }
    private let path: String

    /// A value bound to a parameter of the statement.
    enum Binding {
        case integer(Int64)
        case text(String)
    }

    convenience init(_ db: Database, sql: String, arguments: [Int64]) throws {
        try self.init(db, sql: sql, bindings: arguments.map(Binding.integer))
    }

    init(_ db: Database, sql: String, bindings: [Binding]) throws {
        statement = try db.makeStatement(sql: sql)
        path = db.configuration.label ?? "数据库"
        for (i, b) in bindings.enumerated() {
            switch b {
            case .integer(let n): sqlite3_bind_int64(handle, Int32(i + 1), n)
            // Copied by SQLite (SQLITE_TRANSIENT): the text need not outlive this call.
            case .text(let s): sqlite3_bind_text(handle, Int32(i + 1), s, -1, RawInsert.transient)
            }
        }
    }

    deinit { sqlite3_reset(handle) }

    /// Runs the statement again from its start with other arguments (a lookup by key repeated
    /// for many keys: prepared once).
    public func rerun(with arguments: [Int64]) {
        sqlite3_reset(handle)
        for (i, a) in arguments.enumerated() { sqlite3_bind_int64(handle, Int32(i + 1), a) }
    }

    /// Moves to the next row; false at the end.
    public func next() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let rc: throw StoreError.sqlite(path: path, detail: String(cString: sqlite3_errstr(rc)))
        }
    }

    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    public func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    public func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    /// The column's text (or blob) bytes, valid until the next ``next()``; empty for NULL.
    public func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        // The pointer first, then the length (SQLite's advice: a conversion may move the value).
        let p = sqlite3_column_blob(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let p else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: count)
    }

    public func string(_ column: Int32) -> String? {
        isNull(column) ? nil : String(decoding: bytes(column), as: UTF8.self)
    }
}

extension StoredBatch {
    /// Column positions of ``caseRows(_:)``.
    public enum CaseColumn {
        public static let caseNo: Int32 = 0, inputOrd: Int32 = 1, line: Int32 = 2, caseId: Int32 = 3, department: Int32 = 4,
                          district: Int32 = 5, enforcementType: Int32 = 6, decisionDate: Int32 = 7
    }

    /// Column positions of ``resultRows(_:)``.
    public enum ResultColumn {
        public static let caseNo: Int32 = 0, rubricId: Int32 = 1, score: Int32 = 2, grade: Int32 = 3, pass: Int32 = 4,
                          excellent: Int32 = 5, veto: Int32 = 6, disposition: Int32 = 7, needsReview: Int32 = 8,
                          categoryScores: Int32 = 9, threeSystems: Int32 = 10, profile: Int32 = 11
    }

    /// Every case in case order, as ``CaseColumn`` lists. A pass reads it beside
    /// ``resultRows(_:)`` and ``findingRows(_:)``, all three in case order, matching rows by
    /// case number: a join looked each result up by key, and the decided test
    /// (``decided(result:)``) searched the findings once more per case — together 2 of the
    /// 5 seconds SQLite spent on a million cases.
    public func caseRows(_ session: StoreSession) throws -> RawQuery {
        try RawQuery(session.db, sql: """
            SELECT case_no, input_ord, line, case_id, department, district, enforcement_type, decision_date
            FROM "case" WHERE batch_id = ? ORDER BY case_no
            """, arguments: [id])
    }

    /// Every case's result in case order, as ``ResultColumn`` lists (see ``caseRows(_:)``).
    public func resultRows(_ session: StoreSession) throws -> RawQuery {
        try RawQuery(session.db, sql: """
            SELECT case_no, rubric_id, score, grade, pass, excellent, veto, disposition, needs_review, category_scores, three_systems, profile
            FROM result WHERE batch_id = ? ORDER BY case_no
            """, arguments: [id])
    }

    /// Every case's number, id and department (columns 0, 1, 2) in case order: what
    /// findings.csv prints of a finding's case.
    public func caseKeyRows(_ session: StoreSession) throws -> RawQuery {
        try RawQuery(session.db, sql: """
            SELECT case_no, case_id, department FROM "case" WHERE batch_id = ? ORDER BY case_no
            """, arguments: [id])
    }

    /// Column positions of ``findingRows(_:)``.
    public enum FindingColumn {
        public static let caseNo: Int32 = 0, rubricId: Int32 = 1, ruleId: Int32 = 2, categoryId: Int32 = 3, problem: Int32 = 4,
                          outcome: Int32 = 5, deduct: Int32 = 6, fieldsRead: Int32 = 7, automated: Int32 = 8, review: Int32 = 9,
                          suspect: Int32 = 10, conflict: Int32 = 11
    }

    /// Every finding in case order (the order of ``forEachFinding(_:_:)``), as ``FindingColumn`` lists.
    public func findingRows(_ session: StoreSession) throws -> RawQuery {
        let db = session.db
        return try RawQuery(db, sql: """
            SELECT case_no, rubric_id, rule_id, category_id, problem, outcome, deduct, fields_read, automated, review, suspect, conflict
            FROM finding WHERE batch_id = ? ORDER BY case_no, seq
            """, arguments: [id])
    }
}
