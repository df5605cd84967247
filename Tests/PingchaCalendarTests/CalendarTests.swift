import Foundation
import PingchaModel
@testable import PingchaCalendar
import XCTest
import PingchaCatalogue

/// The embedded calendar against the State Council notices (law-and-practice.md §3) and the
/// four rubric functions over real holidays.
final class CalendarTests: XCTestCase {
    let cal = WorkingDayCalendar.builtIn()

    // MARK: The embedded file

    /// The binary must carry a calendar that loads (builtIn() uses try!) and covers 2020–2026.
    func testEmbeddedCalendarLoadsAndCovers2020To2026() {
        XCTAssertEqual(cal.coveredYears, 2020...2026)
        XCTAssertEqual(cal.version, "2026.1")
        XCTAssertFalse(cal.usedFallback)
    }

    /// The repository file and the embedded copy are the same data (the symlink is embedded).
    func testRepositoryFileLoadsTheSameCalendar() throws {
        let here = URL(fileURLWithPath: #filePath)
        let path = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data/calendar/calendar.yaml").path
        let file = try WorkingDayCalendar.load(path: path)
        XCTAssertEqual(file.version, cal.version)
        XCTAssertEqual(file.coveredYears, cal.coveredYears)
        for day in everyDay("2020-01-01", "2026-12-31") {
            XCTAssertEqual(file.isWorkingDay(day), cal.isWorkingDay(day), "\(day)")
        }
    }

    /// A missing `--calendar` file is reported with its path.
    func testMissingFileIsReported() {
        XCTAssertThrowsError(try WorkingDayCalendar.load(path: "/nonexistent/calendar.yaml")) { error in
            XCTAssertEqual(error as? PingchaError, .fileNotFound("/nonexistent/calendar.yaml"))
        }
    }

    /// Per year: rest days that fall on Monday–Friday, weekend working days and working days
    /// in all. The figures were counted from §3's table separately from this code (and match
    /// the usual 248–251 working days of a Chinese year); they catch a block or an adjusted
    /// day lost while editing the file.
    func testEveryYearHasTheNoticesWorkingDayCount() {
        let expected: [Int: (weekdayRest: Int, weekendWork: Int, working: Int)] = [
            2020: (19, 6, 249), 2021: (18, 7, 250), 2022: (18, 7, 249), 2023: (18, 7, 249),
            2024: (19, 8, 251), 2025: (18, 5, 248), 2026: (19, 6, 248),
        ]
        for (year, e) in expected {
            var weekdayRest = 0, weekendWork = 0
            for day in everyDay("\(year)-01-01", "\(year)-12-31") {
                let working = cal.isWorkingDay(day)
                if day.weekday <= 5 && !working { weekdayRest += 1 }
                if day.weekday >= 6 && working { weekendWork += 1 }
            }
            XCTAssertEqual(weekdayRest, e.weekdayRest, "\(year) weekday rest days")
            XCTAssertEqual(weekendWork, e.weekendWork, "\(year) weekend working days")
            XCTAssertEqual(cal.workdays(d("\(year - 1)-12-31"), d("\(year)-12-31")), e.working, "\(year) working days")
        }
    }

    // MARK: Holiday blocks and adjusted working days

    /// 2024 春节: 02-10–02-17 off; Sun 02-04 and Sun 02-18 are 调休上班; 除夕 02-09 (Friday) was
    /// only recommended as a day off, not part of the notice's block: an ordinary working day.
    func test2024SpringFestival() {
        for day in everyDay("2024-02-10", "2024-02-17") { XCTAssertFalse(cal.isWorkingDay(day), "\(day)") }
        XCTAssertEqual(d("2024-02-04").weekday, 7)
        XCTAssertTrue(cal.isWorkingDay(d("2024-02-04")))
        XCTAssertEqual(d("2024-02-18").weekday, 7)
        XCTAssertTrue(cal.isWorkingDay(d("2024-02-18")))
        XCTAssertEqual(d("2024-02-09").weekday, 5)
        XCTAssertTrue(cal.isWorkingDay(d("2024-02-09")))
        // An ordinary weekend next to the block stays a rest day.
        XCTAssertFalse(cal.isWorkingDay(d("2024-02-03")))
    }

    /// 2026 春节: the first nine-day block (02-15–02-23) under the 2025 办法; Sat 02-14 and Sat
    /// 02-28 are working days.
    func test2026SpringFestival() {
        for day in everyDay("2026-02-15", "2026-02-23") { XCTAssertFalse(cal.isWorkingDay(day), "\(day)") }
        XCTAssertEqual(d("2026-02-14").weekday, 6)
        XCTAssertTrue(cal.isWorkingDay(d("2026-02-14")))
        XCTAssertEqual(d("2026-02-28").weekday, 6)
        XCTAssertTrue(cal.isWorkingDay(d("2026-02-28")))
        XCTAssertTrue(cal.isWorkingDay(d("2026-02-24")))  // the Tuesday after the block
    }

    /// 2023 中秋+国庆: 09-29–10-06 off; Sat 10-07 and Sun 10-08 are working days.
    func test2023NationalDay() {
        for day in everyDay("2023-09-29", "2023-10-06") { XCTAssertFalse(cal.isWorkingDay(day), "\(day)") }
        XCTAssertTrue(cal.isWorkingDay(d("2023-10-07")))
        XCTAssertTrue(cal.isWorkingDay(d("2023-10-08")))
        XCTAssertTrue(cal.isWorkingDay(d("2023-09-28")))
    }

    /// 2023 元旦 starts in the previous year: Sat 2022-12-31 is listed under 2023 and Mon
    /// 2023-01-02 is a rest day.
    func test2023NewYearStartsIn2022() {
        XCTAssertFalse(cal.isWorkingDay(d("2022-12-31")))
        XCTAssertFalse(cal.isWorkingDay(d("2023-01-02")))
        XCTAssertTrue(cal.isWorkingDay(d("2023-01-03")))
    }

    /// 2020 春节 extended by 国办发明电〔2020〕1号 to 02-02: 01-24–02-02 all off, and the Saturday
    /// 02-01 that the first notice made a working day is NOT one any more.
    func test2020SpringFestivalExtension() {
        for day in everyDay("2020-01-24", "2020-02-02") { XCTAssertFalse(cal.isWorkingDay(day), "\(day)") }
        XCTAssertEqual(d("2020-02-01").weekday, 6)
        XCTAssertFalse(cal.isWorkingDay(d("2020-02-01")))
        XCTAssertTrue(cal.isWorkingDay(d("2020-01-19")))  // Sunday 调休上班 of the first notice stands
        XCTAssertTrue(cal.isWorkingDay(d("2020-02-03")))  // Monday: back to work
        // Thursday 01-23 to Monday 02-03: the only working day counted is 02-03.
        XCTAssertEqual(cal.workdays(d("2020-01-23"), d("2020-02-03")), 1)
    }

    /// An adjusted working Sunday counts in `workdays`: Fri 02-02 → Mon 02-05 2024 spans Sat
    /// (rest), Sun 02-04 (调休上班) and Mon: two working days, not one.
    func testAdjustedWorkingSundayIsCounted() {
        XCTAssertEqual(cal.workdays(d("2024-02-02"), d("2024-02-05")), 2)
        XCTAssertEqual(cal.workdays(d("2024-02-03"), d("2024-02-04")), 1)
    }

    // MARK: days / add_days

    /// `days` is plain b − a, across years and backwards.
    func testDays() {
        XCTAssertEqual(cal.days(d("2024-02-10"), d("2024-02-17")), 7)
        XCTAssertEqual(cal.days(d("2024-02-17"), d("2024-02-10")), -7)
        XCTAssertEqual(cal.days(d("2023-12-31"), d("2024-12-31")), 366)
    }

    /// A 90-day period (行政处罚法第60条) whose last day is 2025-10-01, inside the 10-01–10-08
    /// block, ends on the first working day after the holiday: Thursday 10-09.
    func testNinetyDayPeriodEndingInHolidayRollsForward() {
        XCTAssertEqual(cal.days(d("2025-07-03"), d("2025-10-01")), 90)
        XCTAssertEqual(cal.addDays(d("2025-07-03"), 90), d("2025-10-09"))
    }

    /// The first working day after a holiday can be an adjusted weekend day: 90 days from
    /// 2023-07-03 is 2023-10-01 (block 09-29–10-06); the next working day is Saturday 10-07.
    func testRollForwardLandsOnAdjustedWorkingSaturday() {
        XCTAssertEqual(cal.addDays(d("2023-07-03"), 90), d("2023-10-07"))
        // 2024-02-12 (春节) rolls to the 调休上班 Sunday 02-18.
        XCTAssertEqual(cal.addDays(d("2023-11-14"), 90), d("2024-02-18"))
    }

    /// An ordinary weekend is a rest day too: Saturday 2024-03-09 moves to Monday 03-11; a
    /// working last day stays; n = 0 on a holiday still moves forward.
    func testAddDaysOrdinaryCases() {
        XCTAssertEqual(cal.addDays(d("2024-03-01"), 8), d("2024-03-11"))
        XCTAssertEqual(cal.addDays(d("2024-03-01"), 6), d("2024-03-07"))
        XCTAssertEqual(cal.addDays(d("2024-02-12"), 0), d("2024-02-18"))
        // Backwards (negative n) still rolls forward: 2024-02-20 − 5 = 02-15 → 02-18.
        XCTAssertEqual(cal.addDays(d("2024-02-20"), -5), d("2024-02-18"))
    }

    // MARK: add_workdays

    /// 2024 春节: from Thursday 02-08, working days are 02-09 (除夕), 02-18 (Sun), 02-19 …
    /// so the 5th is Wed 02-21 and the 7th Fri 02-23.
    func testAddWorkdaysAcross2024SpringFestival() {
        XCTAssertEqual(cal.addWorkdays(d("2024-02-08"), 5), d("2024-02-21"))
        XCTAssertEqual(cal.addWorkdays(d("2024-02-08"), 7), d("2024-02-23"))
    }

    /// 2023 国庆: from Wed 09-27: 09-28, then 10-07 (Sat), 10-08 (Sun), 10-09 … so the 5th is
    /// Tue 10-10 and the 7th Thu 10-12.
    func testAddWorkdaysAcross2023NationalDay() {
        XCTAssertEqual(cal.addWorkdays(d("2023-09-27"), 5), d("2023-10-10"))
        XCTAssertEqual(cal.addWorkdays(d("2023-09-27"), 7), d("2023-10-12"))
    }

    /// 2026 春节: from Thu 02-12: 02-13, 02-14 (Sat), then 02-24 … 02-27, 02-28 (Sat): the 5th
    /// is Thu 02-26 and the 7th the 调休上班 Saturday 02-28.
    func testAddWorkdaysAcross2026SpringFestival() {
        XCTAssertEqual(cal.addWorkdays(d("2026-02-12"), 5), d("2026-02-26"))
        XCTAssertEqual(cal.addWorkdays(d("2026-02-12"), 7), d("2026-02-28"))
    }

    /// n = 0 is the day itself even on a holiday; from a holiday the count starts after it;
    /// negative n counts back over the block (02-18 Sun, then 除夕 02-09).
    func testAddWorkdaysZeroAndNegative() {
        XCTAssertEqual(cal.addWorkdays(d("2024-02-12"), 0), d("2024-02-12"))
        XCTAssertEqual(cal.addWorkdays(d("2024-02-12"), 1), d("2024-02-18"))
        XCTAssertEqual(cal.addWorkdays(d("2024-02-19"), -1), d("2024-02-18"))
        XCTAssertEqual(cal.addWorkdays(d("2024-02-19"), -2), d("2024-02-09"))
        XCTAssertEqual(cal.addWorkdays(d("2024-02-18"), -1), d("2024-02-09"))
        XCTAssertEqual(cal.addWorkdays(d("2024-02-12"), -1), d("2024-02-09"))
    }

    // MARK: workdays

    /// Zero for the same day and for a span that is all holiday, in either direction.
    func testWorkdaysZero() {
        XCTAssertEqual(cal.workdays(d("2024-02-12"), d("2024-02-12")), 0)
        XCTAssertEqual(cal.workdays(d("2024-02-09"), d("2024-02-17")), 0)
        XCTAssertEqual(cal.workdays(d("2024-02-17"), d("2024-02-09")), 0)
    }

    /// Negative when b is before a, mirroring: −(working days after b up to and including a).
    /// 2023-09-28 → 10-09 has 10-07, 10-08, 10-09 = 3; backwards −3. 2024-02-18 back to
    /// 02-09 has only 02-18 after 02-09: −1.
    func testWorkdaysNegative() {
        XCTAssertEqual(cal.workdays(d("2023-09-28"), d("2023-10-09")), 3)
        XCTAssertEqual(cal.workdays(d("2023-10-09"), d("2023-09-28")), -3)
        XCTAssertEqual(cal.workdays(d("2024-02-18"), d("2024-02-09")), -1)
    }

    /// A whole year's working days: 2024 has 262 Mon–Fri days − 19 weekday rest days + 8
    /// weekend working days = 251; the whole table 2020–2026 sums the yearly figures.
    func testWorkdaysOverWholeYears() {
        XCTAssertEqual(cal.workdays(d("2023-12-31"), d("2024-12-31")), 251)
        XCTAssertEqual(cal.workdays(d("2019-12-31"), d("2026-12-31")), 249 + 250 + 249 + 249 + 251 + 248 + 248)
    }
}
