import PingchaAnalytics
import PingchaModel
import XCTest

/// 统计期间 and 数据截止日期: a report made before the year ends leaves the later decisions to
/// the next report, which counts them (补报); none is lost between the two.
final class StatsPeriodTests: XCTestCase {
    static func day(_ s: String) -> CivilDate { CivilDate(iso: s)! }

    func testPeriods() {
        // Data read after the year: the calendar year.
        XCTAssertEqual(StatsPeriod.of(year: 2025, dataDate: Self.day("2026-01-05"), previousDataDate: nil), .year(2025))
        // Read on 15 December (Art. 12: report by 20 December): cut-off that day.
        let early = StatsPeriod.of(year: 2025, dataDate: Self.day("2025-12-15"), previousDataDate: nil)
        XCTAssertEqual(early, StatsPeriod(start: Self.day("2025-01-01"), cutoff: Self.day("2025-12-15")))
        // The next year's report starts the day after that cut-off.
        let next = StatsPeriod.of(year: 2026, dataDate: Self.day("2027-01-10"), previousDataDate: Self.day("2025-12-15"))
        XCTAssertEqual(next, StatsPeriod(start: Self.day("2025-12-16"), cutoff: Self.day("2026-12-31")))
        // A previous report on the whole year leaves nothing.
        XCTAssertEqual(StatsPeriod.of(year: 2026, dataDate: Self.day("2027-01-10"), previousDataDate: Self.day("2026-02-01")), .year(2026))
        // Data read before the year began cannot cut it: the calendar year.
        XCTAssertEqual(StatsPeriod.of(year: 2025, dataDate: Self.day("2024-12-01"), previousDataDate: nil), .year(2025))
    }

    static func decided(_ date: String) -> StatsCase {
        StatsCase(values: ["department": .text("水利局"), "enforcement_type": .text("行政检查"),
                           "decision_date": .date(day(date))], measures: [:])
    }

    /// 2025 read on 12-15: 3 counted (01-02, 06-30, 12-15), 2 after the cut-off (12-16, 12-31),
    /// 1 of 2024 outside. 2026 after it: the two 2025 ones are 补报, plus 2026-03-01.
    func testCutOffAndCarryOver() {
        let cases = ["2024-12-31", "2025-01-02", "2025-06-30", "2025-12-15", "2025-12-16", "2025-12-31", "2026-03-01"].map(Self.decided)
        let period2025 = StatsPeriod.of(year: 2025, dataDate: Self.day("2025-12-15"), previousDataDate: nil)
        let s2025 = AnnualStatistics.compute(cases: cases, year: 2025, calendarVersion: "t", period: period2025)
        XCTAssertEqual(s2025.total.cases, 3)
        XCTAssertEqual(s2025.afterCutoff, 2)
        XCTAssertEqual(s2025.otherYears, 2)  // 2024-12-31 and 2026-03-01
        XCTAssertEqual(s2025.carriedOver, 0)
        XCTAssertEqual(s2025.notes(previous: nil, label: nil)[0],
                       "统计范围：决定日期在2025年1月1日至12月15日之间的案件，共3件；决定日期在其他年度的2件不计入；"
                       + "决定日期在数据截止日期之后的2件不计入本报告，计入下一年度报告（补报）；无决定日期的0件单列，不计入本年度各项数字。")
        XCTAssertEqual(s2025.periodNote(dataDate: Self.day("2025-12-15"), source: "批次“A”导入数据之日"),
                       "统计期间：2025年1月1日至2025年12月15日；数据截止日期2025年12月15日（批次“A”导入数据之日）；"
                       + "数据截止日期之后至12月31日作出的决定计入下一年度报告（补报）。")

        let period2026 = StatsPeriod.of(year: 2026, dataDate: Self.day("2027-01-04"), previousDataDate: Self.day("2025-12-15"))
        let s2026 = AnnualStatistics.compute(cases: cases, year: 2026, calendarVersion: "t", period: period2026)
        XCTAssertEqual(s2026.total.cases, 3)
        XCTAssertEqual(s2026.carriedOver, 2)
        XCTAssertEqual(s2026.afterCutoff, 0)
        XCTAssertEqual(s2025.total.cases + s2026.total.cases, 6)  // every case after 2024 in exactly one report
        XCTAssertTrue(s2026.notes(previous: nil, label: nil)[0].hasPrefix(
            "统计范围：决定日期在2025年12月16日至2026年12月31日之间的案件，共3件；其中2025年报告数据截止日期之后作出、在本报告补报的2件；"))
        XCTAssertEqual(s2026.periodNote(dataDate: Self.day("2027-01-04"), source: "批次“B”导入数据之日"),
                       "统计期间：2025年12月16日至2026年12月31日；数据截止日期2026年12月31日（批次“B”导入数据之日为2027年1月4日，晚于年末，按12月31日）。")
    }
}
