import Foundation
import GRDB
import PingchaAnalytics
import PingchaModel
import PingchaReports
import PingchaRubric
import PingchaStore

/// The store queries behind the bulletin, the notices and scores.xlsx: aggregates and short
/// lists straight from SQL, so the documents never need every case in memory.
extension StoredBatch {
    /// Per department: scored cases, mean score and mean of squared scores (for the interval
    /// of the mean).
    func scoreSpread(_ db: Database) throws -> [String: (count: Int, mean: Double, meanOfSquares: Double)] {
        var out: [String: (Int, Double, Double)] = [:]
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.department AS department, COUNT(r.score_value) AS n, AVG(r.score_value) AS mean,
                   AVG(r.score_value * r.score_value) AS squares
            FROM result r JOIN "case" c ON c.batch_id = r.batch_id AND c.case_no = r.case_no
            WHERE r.batch_id = ? AND r.score_value IS NOT NULL GROUP BY c.department
            """, arguments: [id])
        for row in rows { out[row["department"]] = (row["n"], row["mean"] ?? 0, row["squares"] ?? 0) }
        return out
    }

    /// How many cases are excellent (or failed), how many of them are decided, and the case
    /// numbers of the best (or worst) `limit` decided ones: a pending case is never named.
    /// Among equal scores the departments take turns (each one's first case, then each one's
    /// second …), so a capped list does not name one department only.
    func listedCases(_ db: Database, excellent: Bool, limit: Int) throws -> (total: Int, decided: Int, caseNos: [Int]) {
        let condition = excellent ? "r.excellent = 1" : "r.pass = 0"
        let direction = excellent ? "DESC" : "ASC"
        let decided = StoredBatch.decided(result: "r")
        let counts = try Row.fetchOne(db, sql: """
            SELECT COUNT(*) AS total, COALESCE(SUM(\(decided)), 0) AS decided FROM result r WHERE r.batch_id = ? AND \(condition)
            """, arguments: [id])
        let nos = try Int.fetchAll(db, sql: """
            SELECT case_no FROM (
                SELECT r.case_no, r.score_value, c.department,
                       ROW_NUMBER() OVER (PARTITION BY c.department, r.score_value ORDER BY r.case_no) AS turn
                FROM result r JOIN "case" c ON c.batch_id = r.batch_id AND c.case_no = r.case_no
                WHERE r.batch_id = ? AND \(condition) AND \(decided))
            ORDER BY score_value \(direction), turn, department, case_no LIMIT ?
            """, arguments: [id, limit])
        return (counts?["total"] ?? 0, counts?["decided"] ?? 0, nos)
    }

    /// For each rule and department, the first `perDepartment` decided cases (in case order)
    /// that failed the rule: the candidates for the bulletin's examples. One pass over the
    /// failures.
    func failureExamples(_ db: Database, perDepartment: Int) throws -> [RuleKey: [String: [(caseNo: Int, caseId: String)]]] {
        var out: [RuleKey: [String: [(caseNo: Int, caseId: String)]]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT rubric_id, rule_id, department, case_no, case_id FROM (
                SELECT f.rubric_id, f.rule_id, c.department, c.case_no, c.case_id,
                       ROW_NUMBER() OVER (PARTITION BY f.rubric_id, f.rule_id, c.department ORDER BY f.case_no) AS turn
                FROM finding f
                JOIN result r ON r.batch_id = f.batch_id AND r.case_no = f.case_no
                JOIN "case" c ON c.batch_id = f.batch_id AND c.case_no = f.case_no
                WHERE f.batch_id = ? AND f.outcome = 'fail' AND \(StoredBatch.decided(result: "r")))
            WHERE turn <= ? ORDER BY rubric_id, rule_id, department, case_no
            """, arguments: [id, perDepartment]) {
            let key = RuleKey(rubricId: row["rubric_id"], ruleId: row["rule_id"])
            out[key, default: [:]][row["department"] as String, default: []].append((row["case_no"], row["case_id"]))
        }
        return out
    }

    /// The cases with case id `caseId` (in `department` when given), and whether each is decided.
    func cases(_ db: Database, caseId: String, department: String?) throws -> [(caseNo: Int, department: String, decided: Bool)] {
        try Row.fetchAll(db, sql: """
            SELECT c.case_no, c.department, \(StoredBatch.decided(result: "r")) AS decided
            FROM "case" c JOIN result r ON r.batch_id = c.batch_id AND r.case_no = c.case_no
            WHERE c.batch_id = ? AND c.case_id = ? AND (? IS NULL OR c.department = ?) ORDER BY c.case_no
            """, arguments: [id, caseId, department, department]).map { ($0["case_no"], $0["department"], $0["decided"]) }
    }

    /// The cases `caseNos` as the documents name them, in the order given.
    func listedCases(_ db: Database, caseNos: [Int], catalogue: FieldCatalogue,
                     titles: (String, String) -> String? = { _, _ in nil }) throws -> [ListedCase] {
        guard !caseNos.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: caseNos.count).joined(separator: ",")
        var byNo: [Int: ListedCase] = [:]
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.case_no, c.case_id, c.department, c.fields, r.score, r.grade, r.veto, r.disposition
            FROM "case" c JOIN result r ON r.batch_id = c.batch_id AND r.case_no = c.case_no
            WHERE c.batch_id = ? AND c.case_no IN (\(marks))
            """, arguments: StatementArguments([id] + caseNos))
        let reasons = try problems(db, caseNos: caseNos, titles: titles)
        let layout = valueLayout(catalogue)
        for row in rows {
            let caseNo: Int = row["case_no"]
            byNo[caseNo] = ListedCase(row: row, layout: layout, reasons: reasons[caseNo] ?? [])
        }
        return caseNos.compactMap { byNo[$0] }
    }

    /// The titles of each case's failed rules, largest deduction first, each once.
    func problems(_ db: Database, caseNos: [Int], titles: (String, String) -> String?) throws -> [Int: [String]] {
        guard !caseNos.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: caseNos.count).joined(separator: ",")
        var out: [Int: [String]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT case_no, rubric_id, rule_id, problem FROM finding WHERE batch_id = ? AND outcome = 'fail' AND case_no IN (\(marks))
            ORDER BY case_no, deduct_value DESC, seq
            """, arguments: StatementArguments([id] + caseNos)) {
            let no: Int = row["case_no"]
            let problem = titles(row["rubric_id"], row["rule_id"]) ?? row["problem"]
            if !(out[no]?.contains(problem) ?? false) { out[no, default: []].append(problem) }
        }
        return out
    }

    /// Cases with at least one scoresheet decision.
    func casesReviewedByHand(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM (SELECT DISTINCT case_id, IFNULL(department, '') FROM decision WHERE batch_id = ?)
            """, arguments: [id]) ?? 0
    }

    /// The day the batch ran, in China's time zone (UTC+8), where the bureau dates its documents.
    var ranOn: CivilDate {
        let formatter = ISO8601DateFormatter()
        guard let instant = formatter.date(from: ranAt) else {
            return CivilDate(iso: String(ranAt.prefix(10))) ?? CivilDate(year: 2000, month: 1, day: 1)!
        }
        return CivilDate.inChina(instant)
    }
}

extension CivilDate {
    /// The day `instant` falls on in China's time zone (UTC+8).
    static func inChina(_ instant: Date) -> CivilDate {
        let days = Int(((instant.timeIntervalSince1970 + 8 * 3600) / 86400).rounded(.down))
        return CivilDate(year: 1970, month: 1, day: 1)!.adding(days: days)
    }

    /// Today in China, for documents dated when they are made.
    static var todayInChina: CivilDate { inChina(Date()) }
}

extension ListedCase {
    /// A case row of the report queries (`department`, `case_id`, `fields`, `score`, `grade`,
    /// `veto`, `disposition`), with the cause and party read from its stored values.
    init(row: Row, layout: StoredValues.Layout, reasons: [String] = []) {
        let values = StoredValues.bytes(row["fields"]).withUnsafeBufferPointer { StoredValues.decode($0, layout: layout) }
        let catalogue = layout.catalogue
        func text(_ field: String) -> String? { catalogue.index(of: field).flatMap { values[$0]?.displayText } }
        self.init(department: row["department"], caseId: row["case_id"], cause: text("cause"), partyName: text("party_name"),
                  partyType: text("party_type"), score: (row["score"] as String?).flatMap { DecimalNumber($0) },
                  grade: row["grade"], veto: row["veto"],
                  disposition: (Disposition(rawValue: row["disposition"]) ?? .none).chineseName, reasons: reasons)
    }
}
