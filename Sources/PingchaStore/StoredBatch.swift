import Foundation
internal import GRDB
import PingchaModel

/// Reading a stored batch back (for reports, `report`, `compare`, `stats`).
public struct StoredBatch: Sendable {
    public var id: Int64
    public var name: String
    public var year: Int?
    public var ranAt: String
    public var toolVersion: String
    public var calendarVersion: String
    public var catalogueSHA256: String
    public var casesTotal: Int
    public var casesScored: Int
    public var casesUncovered: Int
    public var needsReview: Int
    public var rowsRead: Int
    public var rowsRejected: Int
    /// The field ids the batch's stored values refer to (nil before schema 3).
    public var fieldIds: [String]?

    public struct Input: Sendable {
        public var ord: Int
        public var path: String
        public var sha256: String?
        public var encoding: String?
        public var rows, accepted, rejected, warnings, blankRows: Int
        /// Totals, notes and title rows skipped (schema 5; 0 before): rows = accepted +
        /// rejected + skipped.
        public var skipped: Int
    }

    public struct RubricRecord: Sendable {
        public var id: String
        public var version: String
        public var title: String
        public var sha256: String
        /// The rubric's structure as stored (JSON, see ``StoredRubric/json``).
        public var definition: String
        /// The same, read back.
        public var structure: StoredRubric
    }

    /// A profile in force for the batch (schema 4), decoded from its stored definition.
    public struct ProfileRecord: Sendable, Decodable {
        public struct Param: Sendable, Decodable {
            public var name: String
            public var title: String?
            public var value: String
            public var basis: String?
        }
        public struct Disabled: Sendable, Decodable {
            /// `rubric/RULE`.
            public var rule: String
            public var title: String?
            public var reason: String
        }
        public var id: String
        public var title: String
        /// The department names the profile names (matched as endings of the batch's names).
        public var departments: [String]
        public var params: [Param]
        public var disabled: [Disabled]
        /// SHA-256 of the profile file; filled from its column.
        public var sha256: String = ""

        enum CodingKeys: String, CodingKey { case id, title, departments, params, disabled }
    }

    /// A case and its result as scores.xlsx's case sheet shows them: where it came from and how
    /// it was judged, without the stored values a ``CaseRow`` carries (four hundred bytes a case,
    /// read and copied for nothing there) or its decided test (a search of its findings).
    public struct CaseLine: Sendable {
        public var caseNo: Int
        public var inputOrd: Int
        public var line: Int
        public var caseId: String
        public var department: String
        public var district: String?
        public var enforcementType: String
        public var decisionDate: String?
        public var rubricId: String?
        public var score: String?
        public var grade: String?
        public var pass: Bool?
        public var veto: Bool
        public var disposition: String
        public var needsReview: Bool
    }

    /// One case with its result, as stored: what the case sheet shows (``CaseLine``, read
    /// through as `row.caseId`, `row.score` …) and the rest of the stored row.
    @dynamicMemberLookup
    public struct CaseRow: Sendable {
        public var shown: CaseLine
        /// The values as stored: decode them with ``values(_:)``.
        public var storedValues: [UInt8]
        let layout: StoredValues.Layout
        public var gradeRank: Int?
        public var excellent: Bool?
        public var categoryScores: String?
        /// Three letters (公示, 全过程记录, 法制审核); nil for batches stored before schema 2.
        public var threeSystems: String?
        /// The result is final (``StoredBatch/decided(result:)``).
        public var decided: Bool

        public subscript<T>(dynamicMember path: KeyPath<CaseLine, T>) -> T { shown[keyPath: path] }

        /// The case's values by position in the catalogue of `layout` (``StoredBatch/valueLayout(_:)``,
        /// made once for all the cases of a batch).
        public func values(_ layout: StoredValues.Layout) -> [FieldValue?] {
            storedValues.withUnsafeBufferPointer { StoredValues.decode($0, layout: layout) }
        }

        /// The values as the JSON object batches stored before schema 3 keep.
        public var fields: String {
            storedValues.withUnsafeBufferPointer { StoredValues.json($0, fieldIds: layout.fieldIds) }
        }
    }

    public struct FindingRow: Sendable {
        public var caseNo: Int
        public var rubricId: String
        public var ruleId: String
        public var categoryId: String
        public var problem: String
        public var outcome: String
        public var deduct: String
        public var fieldsRead: String
        public var automated: String?
        public var review: String?
        public var conflict: Bool
        /// A screen's suspicion (`on_fail: review`).
        public var suspect: Bool
    }

    public struct RejectRow: Sendable {
        public var inputOrd: Int
        /// The worksheet of a workbook's row (schema 5).
        public var sheet: String?
        public var line: Int
        public var endLine: Int
        public var kinds: String
        public var reason: String
        public var raw: String
    }

    public struct WarningRow: Sendable {
        public var inputOrd: Int
        /// The worksheet of a workbook's cell (schema 5).
        public var sheet: String?
        public var line: Int?
        public var column: Int?
        public var kind: String
        public var header: String?
        public var field: String?
        public var raw: String?
        public var detail: String
    }

    public struct RuleTally: Sendable {
        public var rubricId: String
        public var ruleId: String
        public var applicable: Int
        public var failed: Int
        public var unknown: Int
    }

    /// Every stored batch, newest first.
    public static func list(_ session: StoreSession) throws -> [StoredBatch] {
        let db = session.db
        return try Row.fetchAll(db, sql: "SELECT * FROM batch ORDER BY ran_at DESC, id DESC").map(Self.init(row:))
    }

    /// The name given, or the newest stored batch's when none is (what `followup` works on by
    /// default; a register may outlive its batch, so a given name is not looked up here).
    public static func name(_ name: String?, orNewestIn session: StoreSession) throws -> String {
        if let name { return name }
        guard let newest = try list(session).first else { throw StoreError.noSuchBatch("（未指定）", known: []) }
        return newest.name
    }

    public static func named(_ name: String, in session: StoreSession) throws -> StoredBatch {
        let db = session.db
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM batch WHERE name = ?", arguments: [name]) else {
            throw StoreError.noSuchBatch(name, known: try String.fetchAll(db, sql: "SELECT name FROM batch ORDER BY id"))
        }
        return StoredBatch(row: row)
    }

    init(row: Row) {
        id = row["id"]
        name = row["name"]
        year = row["year"]
        ranAt = row["ran_at"]
        toolVersion = row["tool_version"]
        calendarVersion = row["calendar_version"]
        catalogueSHA256 = row["catalogue_sha256"]
        casesTotal = row["cases_total"]
        casesScored = row["cases_scored"]
        casesUncovered = row["cases_uncovered"]
        needsReview = row["needs_review"]
        rowsRead = row["rows_read"]
        rowsRejected = row["rows_rejected"]
        fieldIds = StoredValues.fieldIds(json: row["fields"])
    }

    /// How this batch's stored values map onto `catalogue`.
    public func valueLayout(_ catalogue: FieldCatalogue) -> StoredValues.Layout {
        StoredValues.Layout(fieldIds: fieldIds, catalogue: catalogue)
    }

    public func inputs(_ session: StoreSession) throws -> [Input] {
        let db = session.db
        return try Row.fetchAll(db, sql: "SELECT * FROM input WHERE batch_id = ? ORDER BY ord", arguments: [id]).map {
            Input(ord: $0["ord"], path: $0["path"], sha256: $0["sha256"], encoding: $0["encoding"], rows: $0["rows"],
                  accepted: $0["accepted"], rejected: $0["rejected"], warnings: $0["warnings"], blankRows: $0["blank_rows"],
                  skipped: $0["skipped"])
        }
    }

    public func rubrics(_ session: StoreSession) throws -> [RubricRecord] {
        let db = session.db
        return try Row.fetchAll(db, sql: "SELECT * FROM rubric WHERE batch_id = ? ORDER BY ord", arguments: [id]).map {
            RubricRecord(id: $0["id"], version: $0["version"], title: $0["title"], sha256: $0["sha256"], definition: $0["definition"],
                         structure: try StoredRubric(json: $0["definition"]))
        }
    }

    /// The profiles in force for the batch, in load order (none before schema 4).
    public func profiles(_ session: StoreSession) throws -> [ProfileRecord] {
        let db = session.db
        guard try db.tableExists("profile") else { return [] }
        return try Row.fetchAll(db, sql: "SELECT definition, sha256 FROM profile WHERE batch_id = ? ORDER BY ord", arguments: [id])
            .compactMap { row in
                let text: String = row["definition"]
                guard var record = try? JSONDecoder().decode(ProfileRecord.self, from: Data(text.utf8)) else { return nil }
                record.sha256 = row["sha256"]
                return record
            }
    }

    /// Every case with its result, in case order, without loading them all at once.
    public func forEachCase(_ session: StoreSession, _ body: (CaseRow) throws -> Void) throws {
        try forEachCase(session, order: "c.case_no", limit: nil, body)
    }

    func forEachCase(_ session: StoreSession, order: String, limit: Int?, _ body: (CaseRow) throws -> Void) throws {
        let db = session.db
        let rows = try Row.fetchCursor(db, sql: """
            SELECT \(Self.caseRowColumns)
            FROM "case" c JOIN result r ON r.batch_id = c.batch_id AND r.case_no = c.case_no
            WHERE c.batch_id = ? ORDER BY \(order) LIMIT ?
            """, arguments: [id, limit ?? -1])
        let layout = StoredValues.Layout(fieldIds: fieldIds, catalogue: .init(fields: []))
        while let r = try rows.next() {
            try body(caseRow(r, layout: layout))
        }
    }

    /// The columns ``caseRow(_:layout:)`` reads, by position: GRDB looks a column up by name
    /// through a lowercased copy of the name, twenty times a row.
    static let caseRowColumns = """
        c.case_no, c.input_ord, c.line, c.case_id, c.department, c.district, c.enforcement_type, c.decision_date, c.fields,
               r.rubric_id, r.score, r.grade, r.grade_rank, r.pass, r.excellent, r.veto, r.disposition,
               r.needs_review, r.category_scores, r.three_systems, \(decided(result: "r")) AS decided
        """

    func caseRow(_ r: Row, layout: StoredValues.Layout) -> CaseRow {
        CaseRow(shown: CaseLine(caseNo: r[0], inputOrd: r[1], line: r[2], caseId: r[3], department: r[4], district: r[5],
                                enforcementType: r[6], decisionDate: r[7], rubricId: r[9], score: r[10], grade: r[11], pass: r[13],
                                veto: r[15], disposition: r[16], needsReview: r[17]),
                storedValues: StoredValues.bytes(r[8]), layout: layout, gradeRank: r[12], excellent: r[14], categoryScores: r[18],
                threeSystems: r[19], decided: r[20])
    }

    public func forEachFinding(_ session: StoreSession, _ body: (FindingRow) throws -> Void) throws {
        let rows = try RawQuery(session.db, sql: "SELECT \(Self.findingColumns) FROM finding f WHERE f.batch_id = ? ORDER BY f.case_no, f.seq",
                                arguments: [id])
        while try rows.next() { try body(Self.findingRow(rows)) }
    }

    /// The columns ``findingRow(_:)`` reads, by position (see ``caseRowColumns``); a query may
    /// add its own after them.
    static let findingColumns = """
        f.case_no, f.rubric_id, f.rule_id, f.category_id, f.problem, f.outcome, f.deduct, f.fields_read, f.automated, f.review, f.conflict,
        f.suspect
        """
    static let findingColumnCount: Int32 = 12

    /// The finding on `q`'s current row (``findingColumns`` first), read by position.
    static func findingRow(_ q: RawQuery) -> FindingRow {
        FindingRow(caseNo: q.int(0), rubricId: q.string(1) ?? "", ruleId: q.string(2) ?? "", categoryId: q.string(3) ?? "",
                   problem: q.string(4) ?? "", outcome: q.string(5) ?? "", deduct: q.string(6) ?? "", fieldsRead: q.string(7) ?? "",
                   automated: q.string(8), review: q.string(9), conflict: q.int(10) != 0, suspect: q.int(11) != 0)
    }

    public func rejects(_ session: StoreSession) throws -> [RejectRow] {
        let db = session.db
        return try Row.fetchAll(db, sql: "SELECT * FROM reject WHERE batch_id = ? ORDER BY input_ord, line", arguments: [id]).map {
            RejectRow(inputOrd: $0["input_ord"], sheet: $0["sheet"], line: $0["line"], endLine: $0["end_line"], kinds: $0["kinds"], reason: $0["reason"], raw: $0["raw"])
        }
    }

    public func forEachWarning(_ session: StoreSession, _ body: (WarningRow) throws -> Void) throws {
        let db = session.db
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM warning WHERE batch_id = ? ORDER BY input_ord, line, rowid", arguments: [id])
        while let r = try rows.next() {
            try body(WarningRow(inputOrd: r["input_ord"], sheet: r["sheet"], line: r["line"], column: r["column"], kind: r["kind"], header: r["header"],
                                field: r["field"], raw: r["raw"], detail: r["detail"]))
        }
    }

    /// Scoresheet rows merged into the batch: case, department, rule, outcome, reviewer.
    public func decisions(_ session: StoreSession) throws -> [(caseId: String, department: String?, rule: String, outcome: String, reviewer: String?)] {
        let db = session.db
        return try Row.fetchAll(db, sql: "SELECT * FROM decision WHERE batch_id = ? ORDER BY rowid", arguments: [id]).map {
            ($0["case_id"], $0["department"], $0["rule_id"], $0["outcome"], $0["reviewer"])
        }
    }

    /// The scoresheet rows merged into the batch, as they were read (a re-scored batch applies
    /// them again).
    public func scoresheetRows(_ session: StoreSession) throws -> [ScoresheetRow] {
        try Row.fetchAll(session.db, sql: "SELECT * FROM decision WHERE batch_id = ? ORDER BY rowid", arguments: [id]).compactMap { r in
            guard let verdict = ScoresheetRow.Verdict(rawValue: r["outcome"]) else { return nil }
            return ScoresheetRow(caseId: r["case_id"], department: r["department"], rule: r["rule_id"], verdict: verdict,
                                 deduct: (r["deduct"] as String?).flatMap { DecimalNumber($0) }, reviewer: r["reviewer"], note: r["note"],
                                 file: r["source"], line: r["line"])
        }
    }

    public func ruleTallies(_ session: StoreSession) throws -> [RuleTally] {
        let db = session.db
        return try Row.fetchAll(db, sql: "SELECT * FROM rule_tally WHERE batch_id = ? ORDER BY rowid", arguments: [id]).map {
            RuleTally(rubricId: $0["rubric_id"], ruleId: $0["rule_id"], applicable: $0["applicable"], failed: $0["failed"], unknown: $0["unknown"])
        }
    }
}
