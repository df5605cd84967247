/// The annual enforcement statistics (行政执法统计年报, 监督办法第十二条; 国办发〔2018〕118号):
/// per department and in total, the figures of the cases decided in one calendar year.
///
/// A case belongs to the year of its 决定日期 (statistical period 1 January – 31 December,
/// §4.2). Cases decided in other years are left out entirely; cases with no 决定日期 cannot be
/// placed and are counted apart (无决定日期, ``AnnualFigures/undated``) in every year's
/// statistics, in no figure. Timeliness and the three systems are the outcomes of the rules
/// that measure them (``StatsCase/measures``). Pure: the same cases and year give the same
/// value.
public struct AnnualStatistics: Sendable, Hashable {
    public var year: Int
    /// The version of the working-day calendar the measures' rules were judged on (the
    /// batch's), printed so the timeliness rates name their calendar.
    public var calendarVersion: String
    /// All departments together.
    public var total: AnnualFigures
    /// One entry per department with a case decided in the year or undated, in text order
    /// of the department (stable from year to year, unlike input order).
    public var departments: [AnnualFigures]
    /// Cases whose 决定日期 falls before the period or in a later year: not counted, only reported.
    public var otherYears: Int
    /// 统计期间 (1 January – 数据截止日期, or from the day after the previous cut-off).
    public var period: StatsPeriod
    /// Decided in the year after the cut-off: not counted here, they go to the next report.
    public var afterCutoff: Int
    /// Decided in the year before, after its report's cut-off: counted here (补报).
    public var carriedOver: Int

    /// The department name used for cases that have none.
    public static let unnamedDepartment = "未注明部门"

    public init(year: Int, calendarVersion: String, total: AnnualFigures, departments: [AnnualFigures],
                otherYears: Int, period: StatsPeriod? = nil, afterCutoff: Int = 0, carriedOver: Int = 0) {
        self.period = period ?? .year(year)
        self.afterCutoff = afterCutoff
        self.carriedOver = carriedOver
        self.year = year
        self.calendarVersion = calendarVersion
        self.total = total
        self.departments = departments
        self.otherYears = otherYears
    }

    /// The figures of one department, if it has any case this year (or undated).
    public func figures(for department: String) -> AnnualFigures? {
        departments.first { $0.department == department }
    }

    /// Computes the statistics of `year` from `cases` (any years, any order), whose measures
    /// were judged on the working-day calendar `calendarVersion`.
    ///
    /// Decisions are counted when their date is in `period` (default: the calendar year); one
    /// after its cut-off but in the year is counted apart (``afterCutoff``), one of the year
    /// before inside the period is a 补报 (``carriedOver``).
    public static func compute(cases: [StatsCase], year: Int, calendarVersion: String,
                               period: StatsPeriod? = nil) -> AnnualStatistics {
        let period = period ?? .year(year)
        var total = AnnualFigures(department: nil)
        var byDepartment: [String: AnnualFigures] = [:]
        var otherYears = 0
        var afterCutoff = 0
        var carriedOver = 0
        for c in cases {
            let name = c.department ?? unnamedDepartment
            // 复议 and 诉讼 go by their own dates, whatever the decision's year.
            if c.wasReconsidered || c.wasLitigated {
                total.addChallenges(c, year: year)
                byDepartment[name, default: AnnualFigures(department: name)].addChallenges(c, year: year)
            }
            // So do 立案 and 结案 of a penalty case.
            if c.isPenalty {
                total.penaltyProcedure.addDates(c, year: year)
                byDepartment[name, default: AnnualFigures(department: name)].penaltyProcedure.addDates(c, year: year)
            }
            guard let decided = c.decisionDate else {
                total.undated += 1
                byDepartment[name, default: AnnualFigures(department: name)].undated += 1
                continue
            }
            guard period.contains(decided) else {
                if decided > period.cutoff && decided.year == year { afterCutoff += 1 } else { otherYears += 1 }
                continue
            }
            if decided.year < year { carriedOver += 1 }
            total.add(c)
            byDepartment[name, default: AnnualFigures(department: name)].add(c)
        }
        let departments = byDepartment.keys.sorted().map { byDepartment[$0]! }
        return AnnualStatistics(year: year, calendarVersion: calendarVersion, total: total,
                                departments: departments, otherYears: otherYears, period: period,
                                afterCutoff: afterCutoff, carriedOver: carriedOver)
    }
}
