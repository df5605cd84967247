import Foundation
import PingchaCalendar
import PingchaIngest
import PingchaModel
import PingchaRubric
import PingchaStore

/// `pingcha followup record --file FILE`: the departments' replies and the bureau's acts, read
/// from a reply file and applied to the batch's register in one transaction, or not at all.
///
/// Refused (errors, with file, sheet, line and column): an unknown department, case or rule of
/// the register, an unknown event or date, a 送达 whose document is not named, and any
/// sequence the cycle does not allow (``FollowupCycle``: a reply before the notice was served,
/// a re-examination decided that nobody applied for …), a date after today, and a 送达 dated
/// before the document it serves was issued (as the register records it). Shown and kept
/// (warnings): late replies, a re-examination applied for after its 5 working days, and a
/// document served again. The same file recorded twice
/// (same SHA-256) changes nothing and says when it was recorded; a line identical to an event
/// already recorded is not recorded again.
public struct FollowupRecordJob {
    public var databasePath: String
    public var batchName: String?
    public var file: String
    public var periodsPath: String = FollowupPeriods.defaultPath
    public var calendarPath: String?
    /// The audit time; now unless a test fixes it.
    public var now: () -> String = { ISO8601DateFormatter().string(from: Date()) }
    /// No event is dated after this day (what has not happened cannot be recorded); today
    /// unless a test fixes it.
    public var today: CivilDate = .todayInChina

    public init(databasePath: String, batchName: String?, file: String) {
        self.databasePath = databasePath
        self.batchName = batchName
        self.file = file
    }

    public struct Outcome: Equatable, Sendable {
        public var batch: String
        /// Lines recorded, and the register items they concern.
        public var recorded: Int
        public var items: Int
        /// Lines already recorded before (skipped).
        public var duplicates: Int
        /// Flagged, not refused, each with its position.
        public var warnings: [String]
        /// Set when the same file was recorded before: nothing was done.
        public var earlier: FollowupRegister.AuditEntry?
        /// Set when this call made the register.
        public var registerOpened: Bool
        /// Said when periods were counted in years the calendar does not cover.
        public var calendarNotice: String? = nil
    }

    public func run() throws(PingchaError) -> Outcome {
        let periods = try FollowupPeriods.load(path: periodsPath)
        let calendar = try WorkingDayCalendar.load(optionalPath: calendarPath)
        let (rows, readErrors, sha256) = try ReplyFileReader.read(path: file)
        if rows.isEmpty && readErrors.isEmpty { throw .located(SourceLocation(file: file), "整改回复登记表没有任何数据行") }
        var outcome: Outcome?
        var refusal: PingchaError?
        do {
            let store = try Store(path: databasePath)
            try store.write { session in
                let name = try StoredBatch.name(batchName, orNewestIn: session)
                let register = FollowupRegister(batch: name)
                if let earlier = try register.earlier(session, action: "record", sha256: sha256) {
                    outcome = Outcome(batch: name, recorded: 0, items: 0, duplicates: rows.count, warnings: [], earlier: earlier, registerOpened: false)
                    return .rollback
                }
                let opened = try FollowupRegisterBuilder(batchName: name, periods: periods).open(session, at: now())
                var errors = readErrors
                let result = try apply(rows, register: register, session: session, periods: periods, calendar: calendar,
                                       sha256: sha256, errors: &errors)
                guard errors.isEmpty else {
                    refusal = .several(errors, summary: "整改回复登记表有 \(errors.count) 处错误，本次未登记任何内容")
                    return .rollback
                }
                outcome = Outcome(batch: name, recorded: result.recorded, items: result.items, duplicates: result.duplicates,
                                  warnings: result.warnings, earlier: nil, registerOpened: opened.created,
                                  calendarNotice: calendar.fallbackNotice)
                return .commit
            }
        } catch {
            throw Store.userError(error, path: databasePath)
        }
        if let refusal { throw refusal }
        return outcome!
    }

    struct Applied {
        var recorded = 0
        var items = 0
        var duplicates = 0
        var warnings: [String] = []
    }

    /// Checks every row against the register and the cycle, then (when nothing is wrong)
    /// writes the events, the items' new stages and the audit row.
    func apply(_ rows: [FollowupReplyRow], register: FollowupRegister, session: StoreSession, periods: FollowupPeriods,
               calendar: WorkingDayCalendar, sha256: String, errors: inout [PingchaError]) throws -> Applied {
        let items = try register.items(session)
        let stored = try register.events(session)
        let documents = try register.documents(session)
        var out = Applied()
        var departments: [String: [String: Set<String>]] = [:]
        for item in items { departments[item.department, default: [:]][item.caseId, default: []].insert(item.ruleId) }

        var fresh: [(row: FollowupReplyRow, event: FollowupRegister.Event)] = []
        for row in rows {
            guard let cases = departments[row.department] else {
                let near = Suggestion.nearest(to: row.department, among: Array(departments.keys)).map { "，是否为“\($0)”？" } ?? ""
                errors.append(.located(row.at("department"), "执法主体“\(row.department)”在整改台账中没有待整改事项\(near)"))
                continue
            }
            if let caseId = row.caseId {
                guard let rules = cases[caseId] else {
                    errors.append(.located(row.at("case_id"), "案件“\(caseId)”不在\(row.department)的整改事项中"))
                    continue
                }
                if let rule = row.rule, !rules.contains(rule) {
                    errors.append(.located(row.at("rule"), "案件“\(caseId)”没有细则 \(rule) 的整改事项（该案的事项：\(rules.sorted().joined(separator: "、"))）"))
                    continue
                }
            }
            if row.date > today {
                errors.append(.located(row.at("date"), "日期 \(row.date) 晚于今天（\(today)），尚未发生的事不能登记"))
                continue
            }
            var document = row.document
            if row.event == .served, document == nil, let number = row.number {
                document = documents.first { $0.department == row.department && $0.number == number }?.kind
            }
            if row.event == .served, let kind = document, let problem = Self.servedBeforeIssued(row, kind: kind, documents: documents) {
                errors.append(.located(row.at("date"), problem))
                continue
            }
            if row.event == .served, let kind = document,
               let earlier = (stored + fresh.map(\.event)).first(where: {
                   $0.event == .served && $0.document == kind && $0.department == row.department && $0.caseId == row.caseId
                       && $0.ruleId == row.rule && $0.date != row.date }) {
                out.warnings.append("\(row.at("date")): 《\(kind.chineseName)》已登记于 \(earlier.date) 送达，本行再次送达，期限按在后的送达计算")
            }
            let event = FollowupRegister.Event(seq: 0, department: row.department, caseId: row.caseId, ruleId: row.rule, event: row.event,
                                               outcome: row.outcome, document: row.event == .served ? document : nil, date: row.date,
                                               number: row.number, note: row.note, auditId: 0, sheet: row.location.sheet,
                                               line: row.location.line ?? 0)
            if stored.contains(where: { Self.same($0, event) }) || fresh.contains(where: { Self.same($0.event, event) }) {
                out.duplicates += 1
                out.warnings.append("\(row.location): 与已登记的事项相同，未重复登记")
                continue
            }
            fresh.append((row, event))
        }
        // The lines that named known items are checked against the cycle even when others were
        // refused, so that one pass reports every mistake of the file.

        // Fold every item the new lines concern, with what was recorded before.
        var stages: [Int: FollowupStage] = [:]
        var reported: Set<String> = []
        for item in items {
            let mine = fresh.enumerated().filter { $0.element.event.concerns(item) }
            guard !mine.isEmpty else { continue }
            let before = stored.filter { $0.concerns(item) }.map {
                FollowupCycle.Event(kind: $0.event, outcome: $0.outcome, document: $0.document, date: $0.date, note: $0.note, ref: -1)
            }
            let new = mine.map {
                FollowupCycle.Event(kind: $0.element.event.event, outcome: $0.element.event.outcome, document: $0.element.event.document,
                                    date: $0.element.event.date, note: $0.element.event.note, ref: $0.offset)
            }
            let (state, problems) = FollowupCycle.fold(before + new, periods: periods, calendar: calendar)
            for p in problems where p.ref >= 0 {
                let row = fresh[p.ref].row
                // A line for a department or a case meets the same problem in each of its items: it is said once.
                guard reported.insert("\(p.ref)|\(p.message)").inserted else { continue }
                let column = p.message.hasPrefix("送达须写明") ? "document" : "date"
                let scope = row.caseId == nil ? "" : (row.rule == nil ? "（\(item.caseId)）" : "")
                if p.isError { errors.append(.located(row.at(column), p.message + scope)) }
                else { out.warnings.append("\(row.at(column)): \(p.message)\(scope)") }
            }
            if state.stage != item.stage { stages[item.itemNo] = state.stage }
            out.items += 1
        }
        guard errors.isEmpty else { return out }
        let detail = "登记整改回复：\(fresh.count)行，涉及\(out.items)个问题" + (out.duplicates > 0 ? "；\(out.duplicates)行与已登记的相同，未重复登记" : "")
            + (out.warnings.count > out.duplicates ? "；\(out.warnings.count - out.duplicates)处提示" : "")
        let auditId = try register.append(session, audit: .init(action: "record", at: now(), source: file, sha256: sha256,
                                                               periodsSHA256: SHA256Digest.hex(of: periods.source), detail: detail))
        try register.record(session, events: fresh.map(\.event), stages: stages, auditId: auditId)
        out.recorded = fresh.count
        return out
    }

    /// Why a 送达 cannot be: the department's documents of that kind that the register holds
    /// (the one numbered on the line, when it names one) were all issued after it was served.
    /// Nothing is said of a document issued outside the register.
    static func servedBeforeIssued(_ row: FollowupReplyRow, kind: FollowupDocumentKind, documents: [FollowupRegister.Document]) -> String? {
        let candidates = documents.filter { $0.department == row.department && $0.kind == kind && (row.number == nil || $0.number == row.number) }
        guard let first = candidates.map(\.issuedOn).min(), row.date < first else { return nil }
        return "送达日期 \(row.date) 早于《\(kind.chineseName)》的成文日期 \(first)，文书不能在制发之前送达"
    }

    /// The same event: same items, kind, decision, document, date and number (the note aside).
    static func same(_ a: FollowupRegister.Event, _ b: FollowupRegister.Event) -> Bool {
        a.department == b.department && a.caseId == b.caseId && a.ruleId == b.ruleId && a.event == b.event && a.outcome == b.outcome
            && a.document == b.document && a.date == b.date && a.number == b.number
    }
}
