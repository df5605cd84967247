import Foundation
import GRDB
import PingchaAnalytics
import PingchaModel
import PingchaReports
import PingchaRubric
import PingchaStore

/// `notices/<部门>.md` and `.docx`: one rectification notice per department with a decided
/// failure, and a notice asking for the missing material (核实通知书) to each department with
/// items still to check and no decided failure. The notice itself is short (the department's figures, the requirements); its
/// attachment 问题清单 lists one row per failed rule of the listed cases, then, apart, the
/// rules still waiting for a reviewer (待核实事项: no deduction, no disposition — an undecided
/// rule is not a failure).
///
/// Failures are read in department order and each notice is written as soon as its department
/// is complete. A notice lists at most `notice_case_limit` cases (the lowest scores; it says how
/// many there are in all), so a batch of any size holds a bounded part of one department at a time.
struct NoticeWriter {
    let batch: StoredBatch
    let summary: SummaryJSON
    let definitions: [RubricDefinition]
    let templates: ReportTemplates
    let calendar: WorkingDayCalendar

    /// A department's figures over all its cases, whatever the list shows.
    struct Totals {
        var failedCases = 0
        var failedFindings = 0
        var vetoFindings = 0
        var dispositions: [Disposition: Int] = [:]
        var pendingCases = 0
        var pendingItems = 0
    }

    /// Writes the notices into `folder`; returns the departments written.
    @discardableResult
    func write(_ db: Database, into folder: String) throws -> [String] {
        let catalogue = FieldCatalogue.builtIn()
        let layout = batch.valueLayout(catalogue)
        let names = RuleNames(definitions)
        let departments = Dictionary(summary.departments.map { ($0.summary.key ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let rankedCount = summary.departments.filter { $0.rank != nil }.count
        let limit = templates.settings.noticeCaseLimit
        let totals = try self.totals(db, names: names)

        // The failures of the lowest-scored `limit` failed cases per department (all with 0).
        let rows = try Row.fetchCursor(db, sql: """
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
            """, arguments: [batch.id, batch.id, limit, limit, batch.id])
        var written: [String] = []
        var department: String?
        var items: [NoticeItem] = []
        var listedCases = 0
        var lastCase = -1
        var usedNames: Set<String> = []
        var basis: [String: String] = [:]
        // Departments are written two at a time while the next one is read: building a notice
        // (template, document, DOCX) costs far more than reading its rows.
        let inFlight = DispatchSemaphore(value: 2)
        let group = DispatchGroup()
        let failure = FirstFailure()
        let templates = self.templates, calendar = self.calendar

        func finish() throws {
            guard let name = department, !items.isEmpty || (totals[name]?.pendingItems ?? 0) > 0 else { return }
            let d = departments[name]?.summary
            let t = totals[name] ?? Totals()
            let (pending, pendingListed) = try pendingItems(db, department: name, names: names, catalogue: catalogue, layout: layout,
                                                            limit: limit, basis: &basis)
            var rules: [RuleBasis] = []
            var seen: Set<String> = []
            for rule in items.map(\.rule) + pending.map(\.rule) where seen.insert(rule).inserted {
                rules.append(RuleBasis(rule: rule, basis: basis[rule] ?? "—"))
            }
            let facts = NoticeFacts(
                batchName: batch.name, ranOn: batch.ranOn, department: name, cases: d?.cases ?? 0, scored: d?.scored,
                mean: d?.mean, passRate: d?.passRate, rank: departments[name]?.rank, rankedCount: rankedCount,
                failedCases: max(t.failedCases, listedCases), failedFindings: max(t.failedFindings, items.count), vetoFindings: t.vetoFindings,
                dispositions: Disposition.gravestFirst.compactMap { disposition in
                    t.dispositions[disposition].flatMap { $0 > 0 && disposition != .none ? NoticeFacts.Count(disposition.chineseName, $0) : nil }
                },
                pendingCases: t.pendingCases, pendingItemsTotal: max(t.pendingItems, pending.count), items: items,
                listedCases: listedCases, pendingItems: pending, listedPendingCases: pendingListed, rules: rules)
            let file = Self.fileName(name, taken: &usedNames)
            written.append(name)
            items = []
            listedCases = 0
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
                try finish()
                department = name
            }
            let caseNo: Int = row["case_no"]
            if caseNo != lastCase {
                listedCases += 1
                lastCase = caseNo
            }
            let party = Self.party(row, layout: layout)
            let rule = names.entry(rubric: row["rubric_id"], rule: row["rule_id"])
            basis[rule.label] = rule.basis ?? "—"
            items.append(NoticeItem(
                caseId: row["case_id"], partyName: party.name, partyType: party.type, rule: rule.label,
                finding: FindingWording.failure(fieldsRead: row["fields_read"], review: row["review"],
                                                reviewed: (row["automated"] as String?) != nil, catalogue: catalogue),
                deduct: row["deduct"], disposition: rule.disposition == .none ? "—" : rule.disposition.chineseName, veto: rule.veto))
        }
        try finish()
        // Departments with items to check and no decided failure: the cursor above never met them.
        for name in totals.keys.sorted() where !written.contains(name) && totals[name]!.pendingItems > 0 {
            department = name
            try finish()
        }
        group.wait()
        if let error = failure.error { throw error }
        return written
    }

    /// Per department: its failures (cases, findings, veto findings, by disposition) and its
    /// pending cases and items, over all its cases.
    func totals(_ db: Database, names: RuleNames) throws -> [String: Totals] {
        var totals: [String: Totals] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT c.department, f.rubric_id, f.rule_id, f.outcome, f.conflict, f.suspect, COUNT(*) AS n
            FROM finding f JOIN "case" c ON c.batch_id = f.batch_id AND c.case_no = f.case_no
            WHERE f.batch_id = ? AND f.outcome IN ('fail', 'unknown')
            GROUP BY c.department, f.rubric_id, f.rule_id, f.outcome, f.conflict, f.suspect
            """, arguments: [batch.id]) {
            let department: String = row["department"], n: Int = row["n"]
            let rule = names.entry(rubric: row["rubric_id"], rule: row["rule_id"])
            if (row["outcome"] as String) == "fail" {
                totals[department, default: Totals()].failedFindings += n
                if rule.veto { totals[department, default: Totals()].vetoFindings += n }
                totals[department, default: Totals()].dispositions[rule.disposition, default: 0] += n
            } else if Self.isPendingItem(manual: rule.manual, conflict: row["conflict"], suspect: row["suspect"]) {
                totals[department, default: Totals()].pendingItems += n
            }
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT c.department, COUNT(DISTINCT f.case_no) AS n
            FROM finding f JOIN "case" c ON c.batch_id = f.batch_id AND c.case_no = f.case_no
            WHERE f.batch_id = ? AND f.outcome = 'fail' GROUP BY c.department
            """, arguments: [batch.id]) {
            totals[row["department"], default: Totals()].failedCases = row["n"]
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT c.department, COUNT(*) AS n FROM result r JOIN "case" c ON c.batch_id = r.batch_id AND c.case_no = r.case_no
            WHERE r.batch_id = ? AND NOT \(StoredBatch.decided(result: "r")) GROUP BY c.department
            """, arguments: [batch.id]) {
            totals[row["department"], default: Totals()].pendingCases = row["n"]
        }
        return totals
    }

    /// An undecided rule a reviewer must look at: reviewers who disagree, a screen's suspicion,
    /// or an automated rule the export could not decide. A manual rule no scoresheet decided is
    /// not one: manual rules are decided only for the cases drawn for review.
    static func isPendingItem(manual: Bool, conflict: Bool, suspect: Bool) -> Bool {
        conflict || suspect || !manual
    }

    /// The department's pending items, in case order, of at most `limit` cases (0: all), with
    /// how many cases they cover.
    func pendingItems(_ db: Database, department: String, names: RuleNames, catalogue: FieldCatalogue,
                      layout: StoredValues.Layout, limit: Int, basis: inout [String: String]) throws -> ([PendingItem], Int) {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT c.case_no, c.case_id, c.fields, f.rubric_id, f.rule_id, f.fields_read, f.conflict, f.suspect
            FROM "case" c JOIN finding f ON f.batch_id = c.batch_id AND f.case_no = c.case_no
            WHERE c.batch_id = ? AND c.department = ? AND f.outcome = 'unknown'
            ORDER BY c.case_no, f.seq
            """, arguments: [batch.id, department])
        var items: [PendingItem] = []
        var cases = 0, lastCase = -1
        while let row = try rows.next() {
            let rule = names.entry(rubric: row["rubric_id"], rule: row["rule_id"])
            let conflict: Bool = row["conflict"], suspect: Bool = row["suspect"]
            guard Self.isPendingItem(manual: rule.manual, conflict: conflict, suspect: suspect) else { continue }
            let caseNo: Int = row["case_no"]
            if caseNo != lastCase {
                if limit > 0 && cases == limit { break }
                cases += 1
                lastCase = caseNo
            }
            let party = Self.party(row, layout: layout)
            basis[rule.label] = rule.basis ?? "—"
            items.append(PendingItem(caseId: row["case_id"], partyName: party.name, partyType: party.type, rule: rule.label, code: rule.code,
                                     check: FindingWording.check(fieldsRead: row["fields_read"], conflict: conflict, suspect: suspect,
                                                                 catalogue: catalogue)))
        }
        return (items, cases)
    }

    /// The party of a case row (for masking its text when everything is masked).
    static func party(_ row: Row, layout: StoredValues.Layout) -> (name: String?, type: String?) {
        let values = StoredValues.bytes(row["fields"]).withUnsafeBufferPointer { StoredValues.decode($0, layout: layout) }
        func text(_ field: String) -> String? { layout.catalogue.index(of: field).flatMap { values[$0]?.displayText } }
        return (text("party_name"), text("party_type"))
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
