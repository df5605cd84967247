import PingchaModel
import PingchaCalendar

/// The periods a bulletin and its notices state (Art. 30 of the 监督办法: correct and report,
/// apply for re-examination; and the time to help check items still unchecked), as
/// `rubrics/followup/periods.yaml` gives them — the lengths are law and live there; the job
/// that renders the documents reads the file and hands them here.
public struct RectificationPeriods: Sendable, Equatable {
    public struct Period: Sendable, Equatable {
        public var length: Int
        /// 工作日 (working days on the calendar) rather than 日.
        public var workingDays: Bool

        public init(length: Int, workingDays: Bool) {
            self.length = length
            self.workingDays = workingDays
        }

        /// “10个工作日”, “30日”.
        public var wording: String { "\(length)\(workingDays ? "个工作日" : "日")" }

        /// The last day of the period starting on `start`, counted as the rubric functions count.
        public func end(from start: CivilDate, calendar: WorkingDayCalendar) -> CivilDate {
            workingDays ? calendar.addWorkdays(start, length) : calendar.addDays(start, length)
        }
    }

    /// 自行纠正并书面报告 (art. 30(1)).
    public var correction: Period
    /// 申请复查 (art. 30(2)).
    public var objection: Period
    /// 答复通知书: the time a notice gives to help check the items still unchecked.
    public var answer: Period

    public init(correction: Period, objection: Period, answer: Period) {
        self.correction = correction
        self.objection = objection
        self.answer = answer
    }

    /// The template values: the periods in words and, counted from `issued`, their last days.
    func values(issued: CivilDate, calendar: WorkingDayCalendar) -> [String: Any] {
        ["correctionPeriod": correction.wording, "objectionPeriod": objection.wording, "answerPeriod": answer.wording,
         "correctionDeadline": correction.end(from: issued, calendar: calendar).chineseText,
         "objectionDeadline": objection.end(from: issued, calendar: calendar).chineseText]
    }
}

extension CivilDate {
    /// `2025年12月1日`.
    public var chineseText: String {
        let c = components
        return Figures.chineseDate(year: c.year, month: c.month, day: c.day)
    }
}
