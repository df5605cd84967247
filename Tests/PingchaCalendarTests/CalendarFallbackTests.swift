import Foundation
import PingchaModel
@testable import PingchaCalendar
import XCTest
import PingchaCatalogue

/// Dates outside the notices' years fall back to Monday–Friday, and the run learns which years
/// did so that it can print one warning.
final class CalendarFallbackTests: XCTestCase {
    /// 2027-01-01 (Friday) will surely be 元旦, but without a notice the calendar can only say
    /// Monday–Friday: a working day, and 2027 is recorded.
    func testDateIn2027FallsBackAndIsRecorded() {
        let cal = WorkingDayCalendar.builtIn()
        XCTAssertFalse(cal.usedFallback)
        XCTAssertTrue(cal.isWorkingDay(d("2027-01-01")))
        XCTAssertFalse(cal.isWorkingDay(d("2027-01-02")))  // Saturday
        XCTAssertTrue(cal.usedFallback)
        XCTAssertEqual(cal.fallbackYears(), [2027])
    }

    /// 2019-10-01 was National Day, but 2019 is not covered: Tuesday, so a working day.
    func testDateIn2019FallsBackAndIsRecorded() {
        let cal = WorkingDayCalendar.builtIn()
        XCTAssertTrue(cal.isWorkingDay(d("2019-10-01")))
        XCTAssertEqual(cal.fallbackYears(), [2019])
    }

    /// Questions answered entirely inside 2020–2026 leave no trace, and each builtIn() has its
    /// own record (a test's fallback does not leak into another calendar).
    func testCoveredQuestionsRecordNothing() {
        let other = WorkingDayCalendar.builtIn()
        _ = other.isWorkingDay(d("2027-03-01"))
        let cal = WorkingDayCalendar.builtIn()
        _ = cal.isWorkingDay(d("2020-01-01"))
        _ = cal.isWorkingDay(d("2026-12-31"))
        _ = cal.addDays(d("2024-02-12"), 30)
        _ = cal.addWorkdays(d("2024-02-08"), 100)
        _ = cal.addWorkdays(d("2024-02-08"), -100)
        _ = cal.workdays(d("2020-01-01"), d("2026-12-31"))
        XCTAssertFalse(cal.usedFallback)
        XCTAssertEqual(cal.fallbackYears(), [])
        XCTAssertEqual(other.fallbackYears(), [2027])
    }

    /// Only days whose status is consulted count: `workdays` looks at the days after the start,
    /// so 2019-12-31 → 2020-01-03 uses 2020 only; `add_days` from 2019 ending in 2020 likewise.
    func testStartDayOutsideIsNotConsulted() {
        let cal = WorkingDayCalendar.builtIn()
        XCTAssertEqual(cal.workdays(d("2019-12-31"), d("2020-01-03")), 2)  // 01-01 is 元旦
        XCTAssertEqual(cal.addDays(d("2019-12-01"), 31), d("2020-01-02"))  // 01-01 rolls to 01-02
        XCTAssertFalse(cal.usedFallback)
    }

    /// Counting across the end of the table continues over Monday–Friday: after 2026-12-30
    /// come Thu 12-31, Fri 2027-01-01, Mon 01-04, Tue 01-05.
    func testCountingAcrossTheEndOfTheTable() {
        let cal = WorkingDayCalendar.builtIn()
        XCTAssertEqual(cal.workdays(d("2026-12-30"), d("2027-01-05")), 4)
        XCTAssertEqual(cal.workdays(d("2027-01-05"), d("2026-12-30")), -4)
        XCTAssertEqual(cal.addWorkdays(d("2026-12-30"), 4), d("2027-01-05"))
        // Back from Tue 01-05: Mon 01-04, Fri 01-01, Thu 12-31, Wed 12-30.
        XCTAssertEqual(cal.addWorkdays(d("2027-01-05"), -4), d("2026-12-30"))
        XCTAssertEqual(cal.addDays(d("2026-12-01"), 32), d("2027-01-04"))  // Sat 01-02 → Mon
        XCTAssertEqual(cal.fallbackYears(), [2027])
    }

    /// Counting across the start of the table: before 2020-01-02 come 元旦 (rest) and then
    /// 2019's plain Tuesday 12-31 and Monday 12-30.
    func testCountingAcrossTheStartOfTheTable() {
        let cal = WorkingDayCalendar.builtIn()
        XCTAssertEqual(cal.addWorkdays(d("2020-01-02"), -2), d("2019-12-30"))
        XCTAssertEqual(cal.workdays(d("2020-01-02"), d("2019-12-27")), -3)
        XCTAssertEqual(cal.fallbackYears(), [2019])
    }

    /// Far outside the table, in both directions, several years are recorded, sorted.
    func testYearsFarOutsideAreAllRecordedSorted() {
        let cal = WorkingDayCalendar.builtIn()
        // 2030-01-01 (Tue) back to 2017-12-29 (Fri): spans 2017–2019 and 2027–2030.
        _ = cal.workdays(d("2030-01-01"), d("2017-12-29"))
        XCTAssertEqual(cal.fallbackYears(), [2017, 2018, 2019, 2027, 2028, 2029, 2030])
    }

    /// The record is shared by threads scoring cases in parallel.
    func testRecordingFromManyThreads() {
        let cal = WorkingDayCalendar.builtIn()
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            _ = cal.isWorkingDay(d(i % 2 == 0 ? "2027-06-01" : "2019-06-03"))
            _ = cal.isWorkingDay(d("2024-06-03"))
        }
        XCTAssertEqual(cal.fallbackYears(), [2019, 2027])
    }
}
