import Foundation
import GRDB
import PingchaAnalytics
import PingchaModel
import PingchaReports
import PingchaRubric
import PingchaStore

/// `notices/<部门>.md` and `.docx`: one rectification notice per department with failed
/// findings. Findings are read in department order and each notice is written as soon as its
/// department is complete. A notice lists at most `notice_case_limit` cases (the lowest scores;
/// it says how many there are in all and where the rest are), so a batch of any size holds
/// a bounded part of one department at a time.
struct NoticeWriter {
    let batch: StoredBatch
    let summary: SummaryJSON
    let definitions: [RubricDefinition]
    let templates: ReportTemplates
    let calendar: WorkingDayCalendar

    /// Writes the notices into `folder`; returns the departments written.
    @discardableResult
    func write(_ db: Database, into folder: String) throws -> [String] {
        let catalogue = FieldCatalogue.builtIn()
        let layout = batch.valueLayout(catalogue)
        let departments = Dictionary(summary.departments.map { ($0.summary.key ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let rankedCount = summary.departments.filter { $0.rank != nil }.count
        let limit = templates.settings.noticeCaseLimit
        // Per department: the cases with a failed finding and their findings, in all.
        var totals: [String: (cases: Int, findings: Int)] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT c.department, COUNT(DISTINCT f.case_no) AS cases, COUNT(*) AS findings
            FROM finding f JOIN "case" c ON c.batch_id = f.batch_id AND c.case_no = f.case_no
            WHERE f.batch_id = ? AND f.outcome IN ('fail', 'unknown')
              AND f.case_no IN (SELECT case_no FROM finding WHERE batch_id = ? AND outcome = 'fail')
            GROUP BY c.department
            """, arguments: [batch.id, batch.id]) {
            totals[row["department"]] = (row["cases"], row["findings"])
        }
        // The lowest-scored `limit` of them per department (all with a limit of 0).
        let rows = try Row.fetchCursor(db, sql: """
            WITH listed AS (
                SELECT case_no, department, score_value FROM (
                    SELECT r.case_no, c.department, r.score_value,
                           ROW_NUMBER() OVER (PARTITION BY c.department ORDER BY r.score_value, r.case_no) AS n
                    FROM result r JOIN "case" c ON c.batch_id = r.batch_id AND c.case_no = r.case_no
                    WHERE r.batch_id = ? AND r.case_no IN (SELECT case_no FROM finding WHERE batch_id = ? AND outcome = 'fail'))
                WHERE ? = 0 OR n <= ?)
            SELECT l.department, c.case_no, c.case_id, c.fields, r.score, r.grade, r.veto, r.disposition,
                   f.rubric_id, f.rule_id, f.problem, f.outcome, f.deduct
            FROM listed l
            JOIN finding f ON f.batch_id = ? AND f.case_no = l.case_no
            JOIN "case" c ON c.batch_id = f.batch_id AND c.case_no = f.case_no
            JOIN result r ON r.batch_id = f.batch_id AND r.case_no = f.case_no
            WHERE f.outcome IN ('fail', 'unknown')
            ORDER BY l.department, l.score_value, l.case_no, f.seq
            """, arguments: [batch.id, batch.id, limit, limit, batch.id])
        var written: [String] = []
        var department: String?
        var cases: [NoticeCase] = []
        var usedNames: Set<String> = []
        // Departments are written two at a time while the next one is read: building a notice
        // (template, document, DOCX) costs far more than reading its rows.
        let inFlight = DispatchSemaphore(value: 2)
        let group = DispatchGroup()
        let failure = FirstFailure()
        let templates = self.templates, calendar = self.calendar

        func finish() {
            guard let name = department, !cases.isEmpty else { return }
            let d = departments[name]?.summary
            let facts = NoticeFacts(batchName: batch.name, ranOn: batch.ranOn, department: name, cases: d?.cases ?? 0,
                                    mean: d?.mean, passRate: d?.passRate, rank: departments[name]?.rank,
                                    rankedCount: rankedCount, failedCases: cases,
                                    failedCasesTotal: totals[name]?.cases, failedFindingsTotal: totals[name]?.findings)
            let file = Self.fileName(name, taken: &usedNames)
            written.append(name)
            cases = []
            inFlight.wait()
            group.enter()
            DispatchQueue.global().async {
                defer {
                    inFlight.signal()
                    group.leave()
                }
                do {
                    let document = try NoticeDocument.make(facts, templates: templates, calendar: calendar)
                    try DocumentFiles.write(document, folder: folder, name: file, formats: [.markdown, .docx])
                } catch {
                    failure.record(error)
                }
            }
        }
        defer { group.wait() }

        while let row = try rows.next() {
            let name: String = row["department"]
            if name != department {
                finish()
                department = name
            }
            let caseNo: Int = row["case_no"]
            if cases.last?.caseNo != caseNo {
                cases.append(NoticeCase(listed: ListedCase(row: row, layout: layout), findings: [], caseNo: caseNo))
            }
            let rubricId: String = row["rubric_id"], ruleId: String = row["rule_id"]
            let rule = definitions.first { $0.id == rubricId }?.rules[ruleId]
            cases[cases.count - 1].findings.append(NoticeFinding(
                ruleId: ruleId, title: rule?.title ?? "", problem: row["problem"], deduct: row["deduct"], basis: rule?.basis,
                disposition: (Disposition(rawValue: rule?.disposition ?? "none") ?? .none).chineseName,
                undecided: (row["outcome"] as String) == "unknown"))
        }
        finish()
        group.wait()
        if let error = failure.error { throw error }
        return written
    }

    /// A department's name as a file name: path separators and characters Windows refuses
    /// replaced; two departments that clean up to the same name get a number.
    static func fileName(_ department: String, taken: inout Set<String>) -> String {
        var name = String(department.map { "/\\:*?\"<>|".contains($0) || $0.isNewline ? "_" : $0 })
        if name.isEmpty || name.hasPrefix(".") { name = "_" + name }
        var candidate = name
        var n = 2
        while taken.contains(candidate) {
            candidate = "\(name)-\(n)"
            n += 1
        }
        taken.insert(candidate)
        return candidate
    }
}

/// The first error of work done on other threads.
final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Error?

    func record(_ error: Error) {
        lock.lock()
        if first == nil { first = error }
        lock.unlock()
    }

    var error: Error? {
        lock.lock()
        defer { lock.unlock() }
        return first
    }
}
