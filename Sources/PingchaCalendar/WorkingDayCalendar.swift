import PingchaModel

/// The working-day calendar (工作日历) behind `days`, `add_days`, `workdays` and
/// `add_workdays`: the State Council's yearly holiday notices (部分节假日安排的通知) for the
/// covered years — holiday blocks are rest days, adjusted weekend days (调休上班日) are working
/// days — and plain Monday–Friday outside them, recorded so that the run can warn once.
///
/// Everything over the covered years is precomputed (``WorkingDayTable``): `isWorkingDay`,
/// `workdays`, `addDays` and `addWorkdays` are O(1) there, and stay O(1) outside through
/// closed-form Monday–Friday arithmetic. Copies share one fallback record.
public struct WorkingDayCalendar: Sendable {
    /// The file's `version`, shown in reports so that a result names the calendar it used.
    public let version: String
    /// The years whose notices the calendar holds.
    public let coveredYears: ClosedRange<Int>
    let table: WorkingDayTable
    let recorder: FallbackRecorder

    init(version: String, coveredYears: ClosedRange<Int>, table: WorkingDayTable) {
        self.version = version
        self.coveredYears = coveredYears
        self.table = table
        self.recorder = FallbackRecorder()
    }

    /// Covered years: Monday–Friday that is not a rest day, or a listed 调休上班日.
    /// Outside them: Monday–Friday, and the year is recorded as a fallback.
    public func isWorkingDay(_ d: CivilDate) -> Bool {
        let day = Int(d.dayNumber)
        if table.contains(day) { return table.isWorking(day) }
        noteFallback(day, day)
        return MondayToFriday.isWeekday(day)
    }

    /// Calendar days from `a` to `b` (b − a); no calendar involved.
    public func days(_ a: CivilDate, _ b: CivilDate) -> Int {
        Int(b.dayNumber) - Int(a.dayNumber)
    }

    /// `d` + `n` calendar days, moved forward to the next working day when that day is a rest
    /// day: a period counted in days whose last day is a holiday ends on the first working day
    /// after it (民事诉讼法第85条, 民法典第203条, copied by the sector procedure rules).
    public func addDays(_ d: CivilDate, _ n: Int) -> CivilDate {
        let end = Int(d.dayNumber) + Self.clamp(n)
        if table.contains(end) && table.isWorking(end) { return CivilDate(dayNumber: Int32(end)) }
        // The first working day on or after `end` is the one ranked after the day before it.
        let day = table.workingDay(rank: table.rank(end - 1) + 1)
        noteFallback(end, day)
        return CivilDate(dayNumber: Int32(day))
    }

    /// `d` + `n` months (民法典第二百零二条: the corresponding day, or the month's last day where
    /// there is none), then moved forward to the next working day like ``addDays(_:_:)``
    /// (第二百零三条). Years are twelve months (`add_years`). Nil outside years 1–9999.
    public func addMonths(_ d: CivilDate, _ n: Int) -> CivilDate? {
        guard let end = d.adding(months: n) else { return nil }
        return addDays(end, 0)
    }

    /// Working days after `a` up to and including `b` (the starting day is not counted, as in
    /// every statutory period). When `b` is before `a` the count mirrors: −(working days after
    /// `b` up to and including `a`).
    public func workdays(_ a: CivilDate, _ b: CivilDate) -> Int {
        let x = Int(a.dayNumber), y = Int(b.dayNumber)
        if x == y { return 0 }
        // The days whose status matters are those after the earlier date up to the later one.
        noteFallback(min(x, y) + 1, max(x, y))
        return table.rank(y) - table.rank(x)
    }

    /// The `n`-th working day after `d` (`d` itself when `n` is 0); for negative `n` the
    /// |n|-th working day before `d`. For `n > 0`, `workdays(d, addWorkdays(d, n)) == n`.
    public func addWorkdays(_ d: CivilDate, _ n: Int) -> CivilDate {
        if n == 0 { return d }
        let n = Self.clamp(n)
        let start = Int(d.dayNumber)
        let day: Int
        if n > 0 {
            day = table.workingDay(rank: table.rank(start) + n)
            noteFallback(start + 1, day)
        } else {
            // Working days strictly before `d` rank up to rank(d − 1); step back from there.
            day = table.workingDay(rank: table.rank(start - 1) + n + 1)
            noteFallback(day, start - 1)
        }
        return CivilDate(dayNumber: Int32(day))
    }

    /// Keeps a nonsensical count (from a mistyped rubric) from overflowing ``CivilDate``'s
    /// 32-bit day number: ±10⁹ days is far beyond any real period and any real date.
    @inline(__always)
    static func clamp(_ n: Int) -> Int { min(max(n, -1_000_000_000), 1_000_000_000) }

    /// True once any date outside ``coveredYears`` was consulted.
    public var usedFallback: Bool { !recorder.isEmpty }

    /// The years that fell back to Monday–Friday, sorted, for the one warning a run prints.
    public func fallbackYears() -> [Int] { recorder.sortedYears() }

    /// The one warning a command prints once it is done, when it counted working days in years
    /// the calendar does not cover (the State Council publishes a year's holidays only weeks
    /// before it begins); nil when it did not.
    public var fallbackNotice: String? {
        let years = fallbackYears()
        guard !years.isEmpty else { return nil }
        return "注意：日历只覆盖 \(coveredYears.lowerBound)–\(coveredYears.upperBound) 年，"
            + "\(years.map(String.init).joined(separator: "、")) 年的日期按周一至周五为工作日计算（可用 --calendar 指定日历）"
    }

    /// Records the years of the consulted days `lo...hi` that lie outside the table; only the
    /// bounds check runs when everything is covered.
    @inline(__always)
    private func noteFallback(_ lo: Int, _ hi: Int) {
        guard lo < table.firstDay || hi > table.lastDay else { return }
        let first = CivilDate(dayNumber: Int32(lo)).year
        let last = CivilDate(dayNumber: Int32(hi)).year
        recorder.note(years: first...last, outside: coveredYears)
    }
}
