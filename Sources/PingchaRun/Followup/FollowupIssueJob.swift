import Foundation
import PingchaCalendar
import PingchaDocuments
import PingchaIngest
import PingchaModel
import PingchaPublish
import PingchaReports
import PingchaRubric
import PingchaStore

/// `pingcha followup issue --stage notice|opinion|decision`: one 行政执法监督通知书, 意见书 or
/// 决定书 per department whose items reached that stage on the document's date, as Markdown
/// and DOCX (`followup.md.mustache`, the notices' layout), each recorded in the register with
/// its number and date. Which items reached a stage (``items(for:in:)``):
///
/// - 通知书 (art. 29(一)): items nothing was served for yet;
/// - 意见书 (art. 29(四)): items answered, reported partly or not corrected after a notice, or
///   whose notice period has passed unanswered;
/// - 决定书 (art. 31): items whose opinion period has passed, or reported partly or not
///   corrected after an opinion.
///
/// A department already given this kind of document for the batch is left out (and named).
public struct FollowupIssueJob {
    public var databasePath: String
    public var batchName: String?
    public var kind: FollowupDocumentKind
    public var request: ReportRequest
    public var outputDirectory: String?
    public var periodsPath: String = FollowupPeriods.defaultPath
    public var calendarPath: String?
    public var now: () -> String = { ISO8601DateFormatter().string(from: Date()) }

    public init(databasePath: String, batchName: String?, kind: FollowupDocumentKind, request: ReportRequest, outputDirectory: String?) {
        self.databasePath = databasePath
        self.batchName = batchName
        self.kind = kind
        self.request = request
        self.outputDirectory = outputDirectory
    }

    /// The number patterns when `--doc-number` gives none: 克司监通, 克司监意, 克司监决.
    public static func defaultPattern(_ kind: FollowupDocumentKind) -> String {
        switch kind {
        case .notice: return "克司监通〔{year}〕{number}号"
        case .opinion: return "克司监意〔{year}〕{number}号"
        case .decision: return "克司监决〔{year}〕{number}号"
        }
    }

    public struct Outcome: Sendable {
        public var batch: String
        public var outputDirectory: String
        /// The documents written, in department order.
        public var documents: [FollowupRegister.Document]
        public var items: Int
        /// Departments left out: already given this kind of document.
        public var alreadyIssued: [String]
    }

    static func refusal(_ kind: FollowupDocumentKind, calendar: WorkingDayCalendar, years: [Int]) -> PingchaError {
        let named = years.map(String.init).joined(separator: "、")
        return .invalidOption("《\(kind.chineseName)》的期限要数到 \(named) 年的工作日，日历只覆盖 "
            + "\(calendar.coveredYears.lowerBound)–\(calendar.coveredYears.upperBound) 年，没有 \(named) 年的放假安排，"
            + "算出的届满日期可能有误，文书没有制发。请用 --calendar 指定载有 \(named) 年放假安排的日历后重新制发")
    }

    public func run() throws(PingchaError) -> Outcome {
        let periods = try FollowupPeriods.load(path: periodsPath)
        let calendar = try WorkingDayCalendar.load(optionalPath: calendarPath)
        var request = self.request
        // `--doc-number` is the first number (5) or a pattern; the settings' patterns are the bulletin's.
        let given = request.documentNumber?.trimmingSpaces ?? ""
        let firstNumber = Int(given)
        let pattern = given.isEmpty || firstNumber != nil ? Self.defaultPattern(kind) : String(given)
        request.documentNumber = nil
        let templates = try request.loadTemplates()
        let date = request.date ?? CivilDate.todayInChina
        var outcome: Outcome?
        var failure: PingchaError?
        do {
            let store = try Store(path: databasePath)
            try store.write { s in
                let name = try StoredBatch.name(batchName, orNewestIn: s)
                _ = try FollowupRegisterBuilder(batchName: name, periods: periods).open(s, at: now())
                let register = FollowupRegister(batch: name)
                let issue = try FollowupIssue(s, batch: name, kind: kind, date: date, periods: periods, calendar: calendar)
                let folder = outputDirectory ?? "reports/followup-\(name)/\(kind.rawValue)"
                var documents: [FollowupRegister.Document] = []
                var skipped: [String] = []
                var usedNames: Set<String> = []
                var count = 0
                do throws(PingchaError) {
                    let out = try OutputFolder(destination: folder)
                    do throws(PingchaError) {
                        for (department, rows) in issue.departments {
                            if issue.issued.contains(department) { skipped.append(department); continue }
                            let number = DocumentNumber.resolve(DocumentNumber.numbered(pattern, firstNumber.map { $0 + documents.count }),
                                                                date: date.description)
                            let document = try FollowupDocument.make(issue.facts(department: department, rows: rows, number: number),
                                                                     templates: templates)
                            try DocumentFiles.write(document, folder: out.staging, name: FollowupIssue.fileName(department, taken: &usedNames),
                                                    formats: [.markdown, .docx])
                            documents.append(.init(department: department, kind: kind, number: number, issuedOn: date))
                            count += rows.count
                        }
                        // A document states its periods' last days: one counted Monday to Friday
                        // across holidays the calendar does not hold (元旦 of a year whose
                        // arrangement is not yet loaded) would be a wrong date in an issued text.
                        if calendar.usedFallback { throw Self.refusal(kind, calendar: calendar, years: calendar.fallbackYears()) }
                    } catch {
                        throw out.discard(after: error)
                    }
                    guard !documents.isEmpty else {
                        out.discard()
                        outcome = Outcome(batch: name, outputDirectory: folder, documents: [], items: 0, alreadyIssued: skipped)
                        return .rollback
                    }
                    // Into a folder that already holds files (other documents, a status), beside them.
                    try out.commitAdding()
                } catch {
                    failure = error
                    return .rollback
                }
                let detail = "制发《\(kind.chineseName)》\(documents.count)份（\(documents.map(\.department).joined(separator: "、"))），"
                    + "涉及\(count)个问题，成文日期 \(date)，写入 \(folder)"
                try register.issue(s, documents: documents, audit: .init(action: "issue", at: now(), source: folder, sha256: nil,
                                                                         periodsSHA256: SHA256Digest.hex(of: periods.source), detail: detail))
                outcome = Outcome(batch: name, outputDirectory: folder, documents: documents, items: count, alreadyIssued: skipped)
                return .commit
            }
        } catch {
            throw Store.userError(error, path: databasePath)
        }
        if let failure { throw failure }
        return outcome!
    }
}
