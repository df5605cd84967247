import PingchaModel

/// 统计期间: the decisions one annual report counts, from the day after the previous report's
/// data cut-off to this report's (数据截止日期).
///
/// Art. 12 asks for the report by 12月20日, before the year ends, so a report may be made on
/// data read before 31 December. Its cut-off is the day the data was read (a stored batch: the
/// day it ran), or 31 December when that is later. Decisions after the cut-off are not lost:
/// they are counted apart in this report and go into the next one, whose period starts the day
/// after this cut-off (补报). Without such a gap a period is the calendar year.
public struct StatsPeriod: Sendable, Hashable {
    /// First day counted: 1 January, or the day after the previous report's cut-off.
    public var start: CivilDate
    /// 数据截止日期: last day counted.
    public var cutoff: CivilDate

    public init(start: CivilDate, cutoff: CivilDate) {
        self.start = start
        self.cutoff = cutoff
    }

    /// The calendar year.
    public static func year(_ year: Int) -> StatsPeriod {
        StatsPeriod(start: CivilDate(year: year, month: 1, day: 1)!, cutoff: CivilDate(year: year, month: 12, day: 31)!)
    }

    /// The period of `year`'s report made on data read on `dataDate`, after a report of the
    /// year before made on data read on `previousDataDate` (nil: none, or not known).
    public static func of(year: Int, dataDate: CivilDate, previousDataDate: CivilDate?) -> StatsPeriod {
        var period = StatsPeriod.year(year)
        if dataDate < period.cutoff && dataDate >= period.start { period.cutoff = dataDate }
        if let previousDataDate {
            let previous = StatsPeriod.of(year: year - 1, dataDate: previousDataDate, previousDataDate: nil)
            if previous.cutoff.year == year - 1 && previous.cutoff < CivilDate(year: year - 1, month: 12, day: 31)! {
                period.start = previous.cutoff.adding(days: 1)
            }
        }
        return period
    }

    /// The period is exactly the calendar year `year`.
    public func isCalendarYear(_ year: Int) -> Bool { self == .year(year) }

    public func contains(_ date: CivilDate) -> Bool { date >= start && date <= cutoff }
}
