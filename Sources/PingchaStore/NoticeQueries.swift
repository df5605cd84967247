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
    /// them with 0), by department (text order), then score, case and rule order.
    public func forEachNoticeFailure(_ session: StoreSession, limit: Int, catalogue: FieldCatalogue,
                                     _ body: (NoticeFailure) throws -> Void) throws {
        let layout = valueLayout(catalogue)
        let rows = try Row.fetchCursor(session.db, sql: """
            WITH listed AS (
                SELECT case_no, department, score_value FROM (
                    SELECT r.case_no, c.department, r.score_value,
                           ROW_NUMBER() OVER (PARTITION BY c.department ORDER BY r.score_value, r.case_no) AS n
                    FROM result r JOIN "case" c ON c.batch_id = r.batch_id AND c.case_no = r.case_no
                    WHERE r.batch_id = ? AND r.case_no IN (SELECT case_no FROM finding WHERE batch_id = ? AND outcome = 'fail'))
                WHERE ? = 0 OR n <= ?)
            SELECT l.department, c.case_no, c.case_id, c.fields, f.rubric_id, f.rule_id, f.deduct, f.fields_read, f.automated, f.review
            FROM listed l
            JOIN finding f ON f.batch_id = ? AND f.case_no = l.case_no
            JOIN "case" c ON c.batch_id = f.batch_id AND c.case_no = f.case_no
            WHERE f.outcome = 'fail'
            ORDER BY l.department, l.score_value, l.case_no, f.seq
            """, arguments: [id, id, limit, limit, id])
        while let row = try rows.next() {
            let party = Self.valueTexts(row["fields"], layout: layout, ["party_name", "party_type"])
            try body(NoticeFailure(department: row["department"], caseNo: row["case_no"], caseId: row["case_id"], partyName: party[0],
                                   partyType: party[1], rubricId: row["rubric_id"], ruleId: row["rule_id"], deduct: row["deduct"],
                                   fieldsRead: row["fields_read"], automated: row["automated"], review: row["review"]))
        }
    }

    /// How many findings of each rule failed or are undecided, per department.
    public struct FindingCount: Sendable {
        public var department: String
        public var rubricId: String
        public var ruleId: String
        /// `fail` or `unknown`.
        public var outcome: String
        /// Reviewers disagree.
        public var conflict: Bool
        /// A screen's suspicion (`on_fail: review`).
        public var suspect: Bool
        public var count: Int
    }

    /// Per department: how many findings of each rule failed or are undecided, how many cases
    /// failed a rule and how many cases are pending (see ``decided(result:)``) — a notice's
    /// figures over all the department's cases.
    public struct DepartmentTallies: Sendable {
        public var findingCounts: [FindingCount]
        public var failedCases: [String: Int]
        public var pendingCases: [String: Int]
    }

    /// The tallies in one read of each table. Counted here rather than by SQL's GROUP BY: a
    /// join of four million findings to their cases for the department, then a sort of them
    /// all, took a quarter of a million-case report; the department of each case comes from
    /// the department index once, and the findings are read in their own order.
    public func departmentTallies(_ session: StoreSession) throws -> DepartmentTallies {
        let db = session.db
        var departments: [String] = [], departmentIndex: [UTF8Key: Int32] = [:]
        var departmentOf: [Int: Int32] = [:]
        let cases = try RawQuery(db, sql: """
            SELECT case_no, department FROM "case" INDEXED BY case_department WHERE batch_id = ?
            """, arguments: [id])
        while try cases.next() {
            let name = UTF8Key(String(decoding: cases.bytes(1), as: UTF8.self))
            let index: Int32
            if let known = departmentIndex[name] { index = known } else {
                index = Int32(departments.count)
                departmentIndex[name] = index
                departments.append(name.text)
            }
            departmentOf[cases.int(0)] = index
        }

        struct Key: Hashable {
            var department: Int32, rubricId: String, ruleId: String, fail: Bool, conflict: Bool, suspect: Bool
        }
        var counts: [Key: Int] = [:]
        var failedCases = [Int](repeating: 0, count: departments.count)
        var lastFailedCase = -1
        let findings = try RawQuery(db, sql: """
            SELECT case_no, rubric_id, rule_id, outcome, conflict, suspect FROM finding
            WHERE batch_id = ? AND outcome IN ('fail', 'unknown') ORDER BY case_no, seq
            """, arguments: [id])
        // Rule ids repeat: one String per distinct id.
        var ids: [UTF8Key: String] = [:]
        func interned(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            let key = UTF8Key(String(decoding: bytes, as: UTF8.self))
            if let known = ids[key] { return known }
            ids[key] = key.text
            return key.text
        }
        while try findings.next() {
            let caseNo = findings.int(0)
            guard let department = departmentOf[caseNo] else { continue }
            let fail = findings.bytes(3).elementsEqual("fail".utf8)
            counts[Key(department: department, rubricId: interned(findings.bytes(1)), ruleId: interned(findings.bytes(2)), fail: fail,
                       conflict: findings.int(4) != 0, suspect: findings.int(5) != 0), default: 0] += 1
            if fail && caseNo != lastFailedCase {
                failedCases[Int(department)] += 1
                lastFailedCase = caseNo
            }
        }

        var pendingCases = [Int](repeating: 0, count: departments.count)
        let pending = try RawQuery(db, sql: """
            SELECT r.case_no FROM result r WHERE r.batch_id = ? AND NOT \(Self.decided(result: "r"))
            """, arguments: [id])
        while try pending.next() {
            if let department = departmentOf[pending.int(0)] { pendingCases[Int(department)] += 1 }
        }

        func byName(_ counts: [Int]) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: zip(departments, counts).filter { $0.1 > 0 })
        }
        return DepartmentTallies(
            findingCounts: counts.map { key, n in
                FindingCount(department: departments[Int(key.department)], rubricId: key.rubricId, ruleId: key.ruleId,
                             outcome: key.fail ? "fail" : "unknown", conflict: key.conflict, suspect: key.suspect, count: n)
            },
            failedCases: byName(failedCases), pendingCases: byName(pendingCases))
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
        let rows = try Row.fetchCursor(session.db, sql: """
            SELECT c.case_no, c.case_id, c.fields, f.rubric_id, f.rule_id, f.fields_read, f.conflict, f.suspect
            FROM "case" c JOIN finding f ON f.batch_id = c.batch_id AND f.case_no = c.case_no
            WHERE c.batch_id = ? AND c.department = ? AND f.outcome = 'unknown'
            ORDER BY c.case_no, f.seq
            """, arguments: [id, department])
        while let row = try rows.next() {
            let party = Self.valueTexts(row["fields"], layout: layout, ["party_name", "party_type"])
            let keepGoing = try body(UndecidedFinding(caseNo: row["case_no"], caseId: row["case_id"], partyName: party[0], partyType: party[1],
                                                      rubricId: row["rubric_id"], ruleId: row["rule_id"], fieldsRead: row["fields_read"],
                                                      conflict: row["conflict"], suspect: row["suspect"]))
            if !keepGoing { break }
        }
    }
}
