import PingchaModel
import PingchaReports
import PingchaRubric

extension RectificationPeriods {
    /// The periods a bulletin and its notices state, from the follow-up periods
    /// (`rubrics/followup/periods.yaml`): correcting and applying for re-examination as after an
    /// opinion (art. 30), and answering as a notice asks (art. 29).
    init(_ periods: FollowupPeriods) {
        func period(_ p: FollowupPeriods.Period) -> Period { Period(length: p.length, workingDays: p.unit == .workingDays) }
        self.init(correction: period(periods[.opinionCorrect]), objection: period(periods[.reexamApply]),
                  answer: period(periods[.noticeAnswer]))
    }

    /// From the periods file in the working folder, or the copy built into the program.
    public static func load() throws(PingchaError) -> RectificationPeriods {
        RectificationPeriods(try FollowupPeriods.load())
    }
}
