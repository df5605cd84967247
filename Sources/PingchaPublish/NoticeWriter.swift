import Foundation
import PingchaAnalytics
import PingchaModel
import PingchaReports
import PingchaRubric
import PingchaStore
import PingchaCalendar
import PingchaCatalogue

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
    /// The pass's figures: each department's findings over all its cases.
    let figures: BatchFigures
    let definitions: [StoredRubric]
    let templates: ReportTemplates
    let calendar: WorkingDayCalendar
    let periods: RectificationPeriods

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
    func write(_ db: StoreSession, into folder: String) throws -> [String] {
        let catalogue = FieldCatalogue.builtIn()
        let names = RuleNames(definitions)
        let departments = Dictionary(summary.departments.map { ($0.summary.key ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let rankedCount = summary.departments.filter { $0.rank != nil }.count
        let limit = templates.settings.noticeCaseLimit
        let totals = self.totals(names: names)

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
            let (pending, pendingListed) = try pendingItems(db, department: name, names: names, catalogue: catalogue,
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
                    let document = try NoticeDocument.make(facts, templates: templates, calendar: calendar, periods: periods)
                    try DocumentFiles.write(document, folder: folder, name: file, formats: [.markdown, .docx])
                } catch {
                    failure.record(error)
                }
            }
        }
        defer { group.wait() }

        func add(_ f: StoredBatch.NoticeFailure) throws {
            if f.department != department {
                try finish()
                department = f.department
            }
            if f.caseNo != lastCase {
                listedCases += 1
                lastCase = f.caseNo
            }
            let rule = names.entry(rubric: f.rubricId, rule: f.ruleId)
            basis[rule.label] = rule.basis ?? "—"
            items.append(NoticeItem(
                caseId: f.caseId, partyName: f.partyName, partyType: f.partyType, rule: rule.label,
                finding: FindingWording.failure(fieldsRead: f.fieldsRead, review: f.review, reviewed: f.automated != nil, catalogue: catalogue),
                deduct: f.deduct, disposition: rule.disposition == .none ? "—" : rule.disposition.chineseName, veto: rule.veto))
        }
        // The failures of the lowest-scored `limit` failed cases per department (all with 0; the
        // pass chose them), departments in the order of their names' bytes.
        let listing = figures.departmentFindings.filter { !$0.value.listedCases.isEmpty }
            .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for (name, d) in listing {
            try batch.forEachNoticeFailure(db, department: name, caseNos: d.listedCases, catalogue: catalogue, add)
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
    /// pending cases and items, over all its cases (``BatchFigures/departmentFindings``).
    func totals(names: RuleNames) -> [String: Totals] {
        var totals: [String: Totals] = [:]
        for (department, d) in figures.departmentFindings {
            var t = Totals(failedCases: d.failedCases, pendingCases: d.pendingCases)
            for (key, counts) in d.rules {
                let rule = names.entry(rubric: key.rubricId, rule: key.ruleId)
                if counts.failed > 0 {
                    t.failedFindings += counts.failed
                    if rule.veto { t.vetoFindings += counts.failed }
                    t.dispositions[rule.disposition, default: 0] += counts.failed
                }
                t.pendingItems += counts.undecidedFlagged
                if Self.isPendingItem(manual: rule.manual, conflict: false, suspect: false) { t.pendingItems += counts.undecidedPlain }
            }
            totals[department] = t
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
    func pendingItems(_ db: StoreSession, department: String, names: RuleNames, catalogue: FieldCatalogue,
                      limit: Int, basis: inout [String: String]) throws -> ([PendingItem], Int) {
        var items: [PendingItem] = []
        var cases = 0, lastCase = -1
        try batch.forEachUndecidedFinding(db, department: department, catalogue: catalogue) { f in
            let rule = names.entry(rubric: f.rubricId, rule: f.ruleId)
            guard Self.isPendingItem(manual: rule.manual, conflict: f.conflict, suspect: f.suspect) else { return true }
            if f.caseNo != lastCase {
                if limit > 0 && cases == limit { return false }
                cases += 1
                lastCase = f.caseNo
            }
            basis[rule.label] = rule.basis ?? "—"
            items.append(PendingItem(caseId: f.caseId, partyName: f.partyName, partyType: f.partyType, rule: rule.label, code: rule.code,
                                     check: FindingWording.check(fieldsRead: f.fieldsRead, conflict: f.conflict, suspect: f.suspect,
                                                                 catalogue: catalogue)))
            return true
        }
        return (items, cases)
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
