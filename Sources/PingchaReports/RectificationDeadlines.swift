import PingchaModel
import PingchaCalendar

/// The periods of Art. 30 of the 监督办法, counted from the document's date: 10 working days to
/// correct and report, 5 working days to object. Working days follow the holiday calendar
/// (the first working day after the date is day 1).
public struct RectificationDeadlines: Sendable, Equatable {
    public static let correctionWorkingDays = 10
    public static let objectionWorkingDays = 5

    public var issued: CivilDate
    public var correction: CivilDate
    public var objection: CivilDate

    public init(issued: CivilDate, calendar: WorkingDayCalendar) {
        self.issued = issued
        correction = calendar.addWorkdays(issued, Self.correctionWorkingDays)
        objection = calendar.addWorkdays(issued, Self.objectionWorkingDays)
    }
}

extension CivilDate {
    /// `2025年12月1日`.
    public var chineseText: String {
        let c = components
        return Figures.chineseDate(year: c.year, month: c.month, day: c.day)
    }
}
