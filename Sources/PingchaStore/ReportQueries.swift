import Foundation
internal import GRDB
import PingchaModel
import PingchaRubric

/// The queries behind the bulletin and analysis: aggregates and short lists straight from
/// SQL, so the documents never need every case in memory.
extension StoredBatch {
    /// Per department, the rules its cases failed (rubric id, rule id) and the rubrics its scored
    /// cases were scored under: what comparing two reviews needs, without loading the cases.
    public func failedRulesByDepartment(_ session: StoreSession) throws
        -> (failed: [(department: String, rubricId: String, ruleId: String)], pending: [(department: String, rubricId: String, ruleId: String)],
            used: [(department: String, rubricId: String)]) {
        func rules(_ outcome: String) throws -> [(department: String, rubricId: String, ruleId: String)] {
            try Row.fetchAll(session.db, sql: """
                SELECT DISTINCT c.department AS department, f.rubric_id AS rubric, f.rule_id AS rule
                FROM finding f JOIN "case" c ON c.batch_id = f.batch_id AND c.case_no = f.case_no
                WHERE f.batch_id = ? AND f.outcome = ?
                """, arguments: [id, outcome]).map { (department: $0["department"] as String, rubricId: $0["rubric"] as String, ruleId: $0["rule"] as String) }
        }
        let failed = try rules("fail"), pending = try rules("unknown")
        let used = try Row.fetchAll(session.db, sql: """
            SELECT DISTINCT c.department AS department, r.rubric_id AS rubric
            FROM result r JOIN "case" c ON c.batch_id = r.batch_id AND c.case_no = r.case_no
            WHERE r.batch_id = ? AND r.score IS NOT NULL AND r.rubric_id IS NOT NULL
            """, arguments: [id]).map { (department: $0["department"] as String, rubricId: $0["rubric"] as String) }
        return (failed, pending, used)
    }

    /// The cases with case id `caseId` (in `department` when given), and whether each is decided.
    public func cases(_ session: StoreSession, caseId: String, department: String?) throws -> [(caseNo: Int, department: String, decided: Bool)] {
        try Row.fetchAll(session.db, sql: """
            SELECT c.case_no, c.department, \(StoredBatch.decided(result: "r")) AS decided
            FROM "case" c JOIN result r ON r.batch_id = c.batch_id AND r.case_no = c.case_no
            WHERE c.batch_id = ? AND c.case_id = ? AND (? IS NULL OR c.department = ?) ORDER BY c.case_no
            """, arguments: [id, caseId, department, department]).map { ($0["case_no"], $0["department"], $0["decided"]) }
    }

    /// A case as the documents name it: its result, the cause and party from its values, and
    /// its failed rules, the largest deduction first.
    public struct CaseSummary: Sendable, Equatable {
        public var caseNo: Int
        public var department: String
        public var caseId: String
        public var cause: String?
        public var partyName: String?
        public var partyType: String?
        public var score: DecimalNumber?
        public var grade: String?
        public var veto: Bool
        public var disposition: Disposition
        /// (rubric id, rule id, the rule's problem label), each rule once.
        public var failures: [(rubricId: String, ruleId: String, problem: String)]

        public static func == (a: Self, b: Self) -> Bool {
            a.caseNo == b.caseNo && a.department == b.department && a.caseId == b.caseId && a.cause == b.cause
                && a.partyName == b.partyName && a.partyType == b.partyType && a.score == b.score && a.grade == b.grade
                && a.veto == b.veto && a.disposition == b.disposition
                && a.failures.map { [$0.rubricId, $0.ruleId, $0.problem] } == b.failures.map { [$0.rubricId, $0.ruleId, $0.problem] }
        }
    }

    /// The cases `caseNos`, in the order given (numbers the batch does not have are left out).
    public func caseSummaries(_ session: StoreSession, caseNos: [Int], catalogue: FieldCatalogue) throws -> [CaseSummary] {
        guard !caseNos.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: caseNos.count).joined(separator: ",")
        var failures: [Int: [(rubricId: String, ruleId: String, problem: String)]] = [:]
        for row in try Row.fetchAll(session.db, sql: """
            SELECT case_no, rubric_id, rule_id, problem FROM finding WHERE batch_id = ? AND outcome = 'fail' AND case_no IN (\(marks))
            ORDER BY case_no, deduct_value DESC, seq
            """, arguments: StatementArguments([id] + caseNos)) {
            failures[row["case_no"], default: []].append((row["rubric_id"], row["rule_id"], row["problem"]))
        }
        let layout = valueLayout(catalogue)
        var byNo: [Int: CaseSummary] = [:]
        for row in try Row.fetchAll(session.db, sql: """
            SELECT c.case_no, c.case_id, c.department, c.fields, r.score, r.grade, r.veto, r.disposition
            FROM "case" c JOIN result r ON r.batch_id = c.batch_id AND r.case_no = c.case_no
            WHERE c.batch_id = ? AND c.case_no IN (\(marks))
            """, arguments: StatementArguments([id] + caseNos)) {
            let caseNo: Int = row["case_no"]
            let party = Self.valueTexts(row["fields"], layout: layout, ["cause", "party_name", "party_type"])
            byNo[caseNo] = CaseSummary(caseNo: caseNo, department: row["department"], caseId: row["case_id"], cause: party[0],
                                       partyName: party[1], partyType: party[2], score: (row["score"] as String?).flatMap { DecimalNumber($0) },
                                       grade: row["grade"], veto: row["veto"], disposition: Disposition(rawValue: row["disposition"]) ?? .none,
                                       failures: failures[caseNo] ?? [])
        }
        return caseNos.compactMap { byNo[$0] }
    }

    /// Cases a scoresheet decided item by item (逐项核实): some reviewer's decision names the
    /// case (by its number, and its department when the sheet gives one) and no rule of it is
    /// left undecided (`finding.outcome = 'unknown'`: a manual rule nobody judged yet, an
    /// automated one the export could not decide, reviewers who disagree). A half-filled sheet
    /// was counted as a case verified.
    public func casesReviewedByHand(_ session: StoreSession) throws -> Int {
        try Int.fetchOne(session.db, sql: """
            SELECT COUNT(*) FROM (
                SELECT DISTINCT c.case_no FROM (SELECT DISTINCT case_id, department FROM decision WHERE batch_id = ?1) d
                JOIN "case" c ON c.batch_id = ?1 AND c.case_id = d.case_id AND (d.department IS NULL OR c.department = d.department)
            ) k
            WHERE NOT EXISTS (SELECT 1 FROM finding f WHERE f.batch_id = ?1 AND f.case_no = k.case_no AND f.outcome = 'unknown')
            """, arguments: [id]) ?? 0
    }

    /// The texts of some fields of a case's stored values (nil: missing, or not in the catalogue).
    static func valueTexts(_ stored: DatabaseValue, layout: StoredValues.Layout, _ fields: [String]) -> [String?] {
        StoredValues.bytes(stored).withUnsafeBufferPointer { valueTexts($0, layout: layout, fields) }
    }

    /// The same, from the column's bytes in place (a ``RawQuery``'s).
    static func valueTexts(_ stored: UnsafeBufferPointer<UInt8>, layout: StoredValues.Layout, _ fields: [String]) -> [String?] {
        let positions = fields.map { layout.catalogue.index(of: $0) }
        let values = StoredValues.decode(stored, layout: layout, only: positions.compactMap { $0 })
        return positions.map { $0.flatMap { values[$0]?.displayText } }
    }

    /// The day the batch ran, in China's time zone (UTC+8), where the bureau dates its documents.
    public var ranOn: CivilDate {
        let formatter = ISO8601DateFormatter()
        guard let instant = formatter.date(from: ranAt) else {
            return CivilDate(iso: String(ranAt.prefix(10))) ?? CivilDate(year: 2000, month: 1, day: 1)!
        }
        return CivilDate.inChina(instant)
    }
}

extension CivilDate {
    /// The day `instant` falls on in China's time zone (UTC+8).
    public static func inChina(_ instant: Date) -> CivilDate {
        let days = Int(((instant.timeIntervalSince1970 + 8 * 3600) / 86400).rounded(.down))
        return CivilDate(year: 1970, month: 1, day: 1)!.adding(days: days)
    }

    /// Today in China, for documents dated when they are made.
    public static var todayInChina: CivilDate { inChina(Date()) }
}
