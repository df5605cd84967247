import PingchaModel
@testable import PingchaCalendar
import XCTest
import PingchaCatalogue

/// The O(1) table arithmetic against the definitions applied day by day, over every start
/// date from mid-2019 to mid-2027 (so across both edges of the table and the fallback).
final class CalendarConsistencyTests: XCTestCase {
    let cal = WorkingDayCalendar.builtIn()

    /// Working days after `a` up to and including `b`, one day at a time.
    func slowWorkdays(_ a: CivilDate, _ b: CivilDate) -> Int {
        if b < a { return -slowWorkdays(b, a) }
        var n = 0
        var x = a.adding(days: 1)
        while x <= b {
            if cal.isWorkingDay(x) { n += 1 }
            x = x.adding(days: 1)
        }
        return n
    }

    func slowAddWorkdays(_ d: CivilDate, _ n: Int) -> CivilDate {
        var x = d
        var left = abs(n)
        while left > 0 {
            x = x.adding(days: n > 0 ? 1 : -1)
            if cal.isWorkingDay(x) { left -= 1 }
        }
        return x
    }

    func slowAddDays(_ d: CivilDate, _ n: Int) -> CivilDate {
        var x = d.adding(days: n)
        while !cal.isWorkingDay(x) { x = x.adding(days: 1) }
        return x
    }

    func testFastArithmeticMatchesDayByDay() {
        let start = Int(d("2019-06-01").dayNumber), end = Int(d("2027-06-30").dayNumber)
        let steps = [-40, -23, -7, -5, -1, 0, 1, 2, 5, 7, 10, 20, 45]
        for day in start...end {
            let a = CivilDate(dayNumber: Int32(day))
            for n in steps {
                XCTAssertEqual(cal.addWorkdays(a, n), slowAddWorkdays(a, n), "add_workdays(\(a), \(n))")
                XCTAssertEqual(cal.addDays(a, n * 3), slowAddDays(a, n * 3), "add_days(\(a), \(n * 3))")
                let b = a.adding(days: n * 2)
                XCTAssertEqual(cal.workdays(a, b), slowWorkdays(a, b), "workdays(\(a), \(b))")
            }
        }
    }

    /// `add_workdays` and `workdays` are inverse for n > 0 (and for n < 0 from a working day).
    func testAddWorkdaysInvertsWorkdays() {
        for day in everyDay("2019-11-01", "2027-02-28") {
            for n in [1, 3, 7, 15, 20] {
                XCTAssertEqual(cal.workdays(day, cal.addWorkdays(day, n)), n, "\(day) +\(n)")
                if cal.isWorkingDay(day) {
                    XCTAssertEqual(cal.workdays(day, cal.addWorkdays(day, -n)), -n, "\(day) −\(n)")
                }
            }
        }
    }

    /// Nonsense counts from a mistyped rubric must not trap.
    func testHugeCountsDoNotTrap() {
        XCTAssertGreaterThan(cal.addDays(d("2024-01-01"), Int.max), d("9999-12-31"))
        XCTAssertLessThan(cal.addWorkdays(d("2024-01-01"), Int.min), d("0001-01-01"))
    }
}
