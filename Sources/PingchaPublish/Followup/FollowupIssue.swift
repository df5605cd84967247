import PingchaCalendar
import PingchaModel
import PingchaReports
import PingchaRubric
import PingchaStore

/// One stage's documents of the rectification cycle (`followup issue`): the items that reached
/// the stage on the documents' date, department by department (``items(for:in:)``), and each
/// department's facts for the `followup` template (the items named as the notices name their
/// rules, the periods counted from the date).
public struct FollowupIssue {
    public let kind: FollowupDocumentKind
    let batchName: String
    let date: CivilDate
    let names: RuleNames
    let periods: FollowupPeriods
    let calendar: WorkingDayCalendar
    /// The departments whose items reached the stage, in the register's order, with those items.
    public let departments: [(department: String, rows: [FollowupStatus.Row])]
    /// The departments already given this kind of document for the batch.
    public let issued: Set<String>

    /// Reads the register of `batch` (opened) in `s`.
    public init(_ s: StoreSession, batch name: String, kind: FollowupDocumentKind, date: CivilDate, periods: FollowupPeriods,
                calendar: WorkingDayCalendar) throws {
        let register = FollowupRegister(batch: name)
        let batch = try StoredBatch.named(name, in: s)
        names = RuleNames(try batch.rubrics(s).map(\.structure))
        let status = FollowupStatus.compute(batch: name, items: try register.items(s), events: try register.events(s), asOf: date,
                                            periods: periods, calendar: calendar)
        issued = Set(try register.documents(s).filter { $0.kind == kind }.map(\.department))
        var byDepartment: [(department: String, rows: [FollowupStatus.Row])] = []
        for row in Self.items(for: kind, in: status) {
            if byDepartment.last?.department != row.item.department { byDepartment.append((row.item.department, [])) }
            byDepartment[byDepartment.count - 1].rows.append(row)
        }
        departments = byDepartment
        self.kind = kind
        self.batchName = name
        self.date = date
        self.periods = periods
        self.calendar = calendar
    }

    /// The document of `department` for its `rows`, numbered `number`.
    public func facts(department: String, rows: [FollowupStatus.Row], number: String) -> FollowupDocumentFacts {
        FollowupDocumentFacts(
            kind: kind, department: department, batchName: batchName, number: number, date: date,
            items: rows.map { .init(caseId: $0.item.caseId, rule: names.entry(rubric: $0.item.rubricId, rule: $0.item.ruleId).label,
                                    disposition: $0.item.disposition) },
            periods: Self.periods(kind, periods: periods, from: date, calendar: calendar),
            noticeServed: rows.compactMap(\.state.noticeServed).max(), opinionServed: rows.compactMap(\.state.opinionServed).max())
    }

    /// A department's name as a file name, as the notices name theirs.
    public static func fileName(_ department: String, taken: inout Set<String>) -> String {
        NoticeWriter.fileName(department, taken: &taken)
    }

    /// The items of `status` that reached the stage of `kind`.
    static func items(for kind: FollowupDocumentKind, in status: FollowupStatus) -> [FollowupStatus.Row] {
        status.rows.filter { r in
            let s = r.state
            switch kind {
            case .notice:
                return s.stage == .registered
            case .opinion:
                return s.opinionServed == nil && ([.answered, .partlyCorrected, .notCorrected].contains(s.stage)
                    || (s.stage == .notice && r.level == .red))
            case .decision:
                return s.decisionServed == nil && ((s.opinionServed != nil && [.partlyCorrected, .notCorrected].contains(s.stage))
                    || (s.stage == .opinion && r.level == .red))
            }
        }
    }

    /// The periods a document states, counted from its date.
    static func periods(_ kind: FollowupDocumentKind, periods p: FollowupPeriods, from date: CivilDate,
                        calendar: WorkingDayCalendar) -> [String: FollowupDocumentFacts.Period] {
        func period(_ k: FollowupPeriods.Kind) -> FollowupDocumentFacts.Period {
            .init(wording: p[k].wording, end: p[k].end(from: date, calendar: calendar))
        }
        switch kind {
        case .notice: return ["answer": period(.noticeAnswer)]
        case .opinion: return ["correct": period(.opinionCorrect), "reexam": period(.reexamApply), "decide": period(.reexamDecide)]
        case .decision: return ["report": period(.decisionReport)]
        }
    }
}
