internal import GRDB
import PingchaModel

/// The queries behind the rectification notices: each department's failures and the items
/// still to check, read in department order so that one notice is built at a time.
extension StoredBatch {
    /// A failed finding of a listed case, with what the notice prints of its case.
    public struct NoticeFailure: Sendable {
        public var department: String
        public var caseNo: Int
        public var caseId: String
        public var partyName: String?
        public var partyType: String?
        public var rubricId: String
        public var ruleId: String
        /// The deduction (exact decimal text).
        public var deduct: String
        /// The values the rule read (`{"field":value,…}`).
        public var fieldsRead: String
        /// Non-nil when a reviewer's scoresheet decided the rule.
        public var automated: String?
        /// The reviewers' decisions (`[{"outcome":…,"note":…},…]`).
        public var review: String?
    }

    /// The failures of the lowest-scored `limit` failed cases of every department (all of
    /// them with 0), by department (text order), then score, case and rule order: the
    /// rectification register's items. (The notices take their cases from the report's pass,
    /// in the same order, and read them with ``forEachNoticeFailure(_:department:caseNos:catalogue:_:)``.)
    public func forEachNoticeFailure(_ session: StoreSession, limit: Int, catalogue: FieldCatalogue,
                                     _ body: (NoticeFailure) throws -> Void) throws {
        let layout = valueLayout(catalogue)
        let rows = try RawQuery(session.db, sql: """
            WITH listed AS (
                SELECT case_no, department, score_value FROM (
                    SELECT r.case_no, c.department, r.score_value,
                           ROW_NUMBER() OVER (PARTITION BY c.department ORDER BY r.score_value, r.case_no) AS n
                    FROM result r JOIN "case" c ON c.batch_id = r.batch_id AND c.case_no = r.case_no
                    WHERE r.batch_id = ? AND r.case_no IN (SELECT case_no FROM finding WHERE batch_id = ? AND outcome = 'fail'))
                WHERE ? = 0 OR n <= ?)
            SELECT \(Self.noticeFailureColumns), l.department
            FROM listed l
            JOIN finding f ON f.batch_id = ? AND f.case_no = l.case_no
            JOIN "case" c ON c.batch_id = f.batch_id AND c.case_no = f.case_no
            WHERE f.outcome = 'fail'
            ORDER BY l.department, l.score_value, l.case_no, f.seq
            """, arguments: [id, id, Int64(limit), Int64(limit), id])
        while try rows.next() {
            try body(Self.noticeFailure(rows, department: rows.string(9) ?? "", party: Self.party(rows.bytes(2), layout: layout)))
        }
    }

    /// The failures of the cases numbered `caseNos` of `department`, case by case in that
    /// order, each case's in rule order (one lookup per case by primary key).
    public func forEachNoticeFailure(_ session: StoreSession, department: String, caseNos: [Int], catalogue: FieldCatalogue,
                                     _ body: (NoticeFailure) throws -> Void) throws {
        let layout = valueLayout(catalogue)
        let lookup = try RawQuery(session.db, sql: """
            SELECT \(Self.noticeFailureColumns)
            FROM "case" c JOIN finding f ON f.batch_id = c.batch_id AND f.case_no = c.case_no
            WHERE c.batch_id = ? AND c.case_no = ? AND f.outcome = 'fail'
            ORDER BY f.seq
            """, arguments: [id, 0])
        for caseNo in caseNos {
            lookup.rerun(with: [id, Int64(caseNo)])
            var party: [String?]?
            while try lookup.next() {
                if party == nil { party = Self.party(lookup.bytes(2), layout: layout) }
                try body(Self.noticeFailure(lookup, department: department, party: party!))
            }
        }
    }

    /// The columns ``noticeFailure(_:department:party:)`` reads, by position; a query may add its own after them.
    private static let noticeFailureColumns =
        "c.case_no, c.case_id, c.fields, f.rubric_id, f.rule_id, f.deduct, f.fields_read, f.automated, f.review"

    /// The failure on `q`'s current row (``noticeFailureColumns`` first).
    private static func noticeFailure(_ q: RawQuery, department: String, party: [String?]) -> NoticeFailure {
        NoticeFailure(department: department, caseNo: q.int(0), caseId: q.string(1) ?? "", partyName: party[0], partyType: party[1],
                      rubricId: q.string(3) ?? "", ruleId: q.string(4) ?? "", deduct: q.string(5) ?? "",
                      fieldsRead: q.string(6) ?? "", automated: q.string(7), review: q.string(8))
    }

    /// A case's party name and type, from its stored values.
    private static func party(_ stored: UnsafeBufferPointer<UInt8>, layout: StoredValues.Layout) -> [String?] {
        valueTexts(stored, layout: layout, ["party_name", "party_type"])
    }

    /// An undecided finding of a department's case.
    public struct UndecidedFinding: Sendable {
        public var caseNo: Int
        public var caseId: String
        public var partyName: String?
        public var partyType: String?
        public var rubricId: String
        public var ruleId: String
        public var fieldsRead: String
        public var conflict: Bool
        public var suspect: Bool
    }

    /// The department's undecided findings in case and rule order, until `body` returns false.
    public func forEachUndecidedFinding(_ session: StoreSession, department: String, catalogue: FieldCatalogue,
                                        _ body: (UndecidedFinding) throws -> Bool) throws {
        let layout = valueLayout(catalogue)
        let rows = try RawQuery(session.db, sql: """
            SELECT c.case_no, c.case_id, c.fields, f.rubric_id, f.rule_id, f.fields_read, f.conflict, f.suspect
            FROM "case" c JOIN finding f ON f.batch_id = c.batch_id AND f.case_no = c.case_no
            WHERE c.batch_id = ? AND c.department = ? AND f.outcome = 'unknown'
            ORDER BY c.case_no, f.seq
            """, bindings: [.integer(id), .text(department)])
        // A case's party, decoded from its stored values once for all its undecided findings.
        var party: [String?] = [], partyCase: Int?
        while try rows.next() {
            let caseNo = rows.int(0)
            if partyCase != caseNo {
                party = Self.party(rows.bytes(2), layout: layout)
                partyCase = caseNo
            }
            let keepGoing = try body(UndecidedFinding(caseNo: caseNo, caseId: rows.string(1) ?? "", partyName: party[0], partyType: party[1],
                                                      rubricId: rows.string(3) ?? "", ruleId: rows.string(4) ?? "",
                                                      fieldsRead: rows.string(5) ?? "", conflict: rows.int(6) != 0, suspect: rows.int(7) != 0))
            if !keepGoing { break }
        }
    }
}
