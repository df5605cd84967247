import PingchaModel
import PingchaCalendar

/// The periods of the rectification cycle (整改期限) after a bulletin, as
/// `rubrics/followup/periods.yaml` states them: the answer to a supervision notice
/// (监督通知书, art. 29), correcting after a supervision opinion (意见书, art. 30), applying
/// for and deciding a re-examination (复查, art. 30), and reporting the execution of a
/// supervision decision (决定书, art. 31). The lengths and units are facts of law, so they are
/// read from the file; Swift knows only which stage each period belongs to.
public struct FollowupPeriods: Sendable, Equatable {
    /// The periods the cycle needs, by the key the file gives them.
    public enum Kind: String, CaseIterable, Sendable {
        case noticeAnswer = "notice_answer"
        case opinionCorrect = "opinion_correct"
        case reexamApply = "reexam_apply"
        case reexamDecide = "reexam_decide"
        case decisionReport = "decision_report"
    }

    public let id: String
    public let version: String
    public let title: String
    /// Where the file was read from, and its text (whose SHA-256 the register records, so that
    /// a status names the periods it used; hashing is the stage that reads files, Ingest).
    public let path: String
    public let source: String
    let periods: [Kind: Period]
    /// How near a due date counts as 黄 (within this many units, the due day included).
    public let warnWithin: Period

    public subscript(kind: Kind) -> Period { periods[kind]! }

    /// One statutory period (期限): its length in working days (工作日) or days (日).
    public struct Period: Sendable, Equatable {
        public let title: String
        public let length: Int
        public let unit: Unit
        /// The day it runs from, in words (“《行政执法监督意见书》送达之日”).
        public let from: String
        /// The article it quotes.
        public let basis: String

        /// The last day of the period that starts on `start` (the starting day not counted),
        /// counted as the rubric functions count: `add_workdays` for 工作日, `add_days` (a last
        /// day that is a rest day moves to the next working day) for 日.
        public func end(from start: CivilDate, calendar: WorkingDayCalendar) -> CivilDate {
            switch unit {
            case .workingDays: return calendar.addWorkdays(start, length)
            case .days: return calendar.addDays(start, length)
            }
        }

        /// “10个工作日”, “30日”: the period as the documents state it.
        public var wording: String { "\(length)\(unit == .workingDays ? "个工作日" : "日")" }
    }

    /// 工作日 (working days on the calendar) or 日 (calendar days, the last rolled over rest days).
    public enum Unit: String, Sendable, CaseIterable {
        case workingDays = "工作日"
        case days = "日"
    }

    init(id: String, version: String, title: String, path: String, source: String, periods: [Kind: Period], warnWithin: Period) {
        self.id = id
        self.version = version
        self.title = title
        self.path = path
        self.source = source
        self.periods = periods
        self.warnWithin = warnWithin
    }

    /// The last day to correct under an opinion served on `served` when the department applied
    /// for re-examination on `applied` and the bureau's decision upholding or changing the
    /// opinion came on `decided`: the opinion is suspended while the re-examination runs
    /// (复查期间暂停执行, art. 30(3)), so the working days used before the application count,
    /// and the rest run from the decision (the decision day not counted, like a starting day).
    /// A period counted in 日 is suspended the same way in calendar days.
    public func opinionEnd(served: CivilDate, reexamApplied applied: CivilDate, decided: CivilDate,
                           calendar: WorkingDayCalendar) -> CivilDate {
        let period = self[.opinionCorrect]
        switch period.unit {
        case .workingDays:
            let used = min(max(calendar.workdays(served, applied), 0), period.length)
            return calendar.addWorkdays(decided, period.length - used)
        case .days:
            let used = min(max(calendar.days(served, applied), 0), period.length)
            return calendar.addDays(decided, period.length - used)
        }
    }

    /// The warning level of a period due on `due`, seen on `asOf`: 红 once the day has passed,
    /// 黄 from ``warnWithin`` before it up to and including the due day, none before.
    public func level(due: CivilDate, asOf: CivilDate, calendar: WorkingDayCalendar) -> WarningLevel {
        if asOf > due { return .red }
        let left = warnWithin.unit == .workingDays ? calendar.workdays(asOf, due) : calendar.days(asOf, due)
        return left <= warnWithin.length ? .yellow : .none
    }

    /// 网上预警: how near a deadline is.
    public enum WarningLevel: String, Sendable, Comparable {
        case none = ""
        case yellow = "黄"
        case red = "红"

        public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
        private var rank: Int { self == .none ? 0 : (self == .yellow ? 1 : 2) }
    }
}
