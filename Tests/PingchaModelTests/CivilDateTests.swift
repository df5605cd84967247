import PingchaModel
import XCTest

/// Calendar dates as day numbers: the proleptic Gregorian edges, strict ISO text, weekdays and
/// month arithmetic by 民法典第二百零二条.
final class CivilDateTests: XCTestCase {
    func testDayNumbersAroundTheEpoch() {
        XCTAssertEqual(CivilDate(year: 1970, month: 1, day: 1)?.dayNumber, 0)
        XCTAssertEqual(CivilDate(year: 1969, month: 12, day: 31)?.dayNumber, -1)
        XCTAssertEqual(CivilDate(year: 2000, month: 3, day: 1)?.dayNumber, 11_017)
        XCTAssertEqual(CivilDate(dayNumber: 19_783).description, "2024-03-01")
        XCTAssertEqual(CivilDate(dayNumber: -1).description, "1969-12-31")
    }

    func testTheFirstAndLastDayOfTheRange() {
        let first = CivilDate(year: 1, month: 1, day: 1)!
        let last = CivilDate(year: 9999, month: 12, day: 31)!
        XCTAssertEqual(first.dayNumber, -719_162)
        XCTAssertEqual(last.dayNumber, 2_932_896)
        XCTAssertEqual(first.description, "0001-01-01")
        XCTAssertEqual(last.description, "9999-12-31")
        XCTAssertEqual(first.components.year, 1)
        XCTAssertEqual(last.components.day, 31)
        XCTAssertNil(CivilDate(year: 0, month: 12, day: 31))
        XCTAssertNil(CivilDate(year: 10000, month: 1, day: 1))
    }

    func testLeapYearsByTheGregorianRules() {
        XCTAssertTrue(CivilDate.isLeap(2024))
        XCTAssertFalse(CivilDate.isLeap(2023))
        XCTAssertFalse(CivilDate.isLeap(1900))
        XCTAssertTrue(CivilDate.isLeap(2000))
        XCTAssertNotNil(CivilDate(year: 2000, month: 2, day: 29))
        XCTAssertNil(CivilDate(year: 1900, month: 2, day: 29))
        XCTAssertNil(CivilDate(year: 2023, month: 2, day: 29))
        XCTAssertEqual(CivilDate.daysInMonth(year: 2024, month: 2), 29)
        XCTAssertEqual(CivilDate.daysInMonth(year: 2025, month: 4), 30)
        XCTAssertEqual(CivilDate.daysInMonth(year: 2025, month: 12), 31)
    }

    func testImpossibleDatesAreNil() {
        XCTAssertNil(CivilDate(year: 2024, month: 13, day: 1))
        XCTAssertNil(CivilDate(year: 2024, month: 0, day: 1))
        XCTAssertNil(CivilDate(year: 2024, month: 4, day: 31))
        XCTAssertNil(CivilDate(year: 2024, month: 1, day: 0))
    }

    func testEveryDayOfFourHundredYearsRoundTrips() {
        // One full Gregorian cycle: components and the initializer agree on every day.
        let start = CivilDate(year: 1900, month: 1, day: 1)!.dayNumber
        for n in start..<(start + 146_097) {
            let (y, m, d) = CivilDate(dayNumber: n).components
            XCTAssertEqual(CivilDate(year: y, month: m, day: d)?.dayNumber, n)
        }
        XCTAssertEqual(CivilDate(dayNumber: start + 146_097).description, "2300-01-01")
    }

    func testISOTextIsExactlyYearMonthDay() {
        XCTAssertEqual(CivilDate(iso: "2024-02-29")?.description, "2024-02-29")
        for text in ["2024-2-29", "24-02-29", "2024-02-30", "2024/02/29", "2024-02-29T00:00", "2024-02", "", "20240229", "２０２４-02-29", "+202-02-01", " 2024-02-29", "2024-02-29 ", "2024-0a-01", "2024--2-01"] {
            XCTAssertNil(CivilDate(iso: text), text)
        }
    }

    func testWeekdaysFromMondayOne() {
        XCTAssertEqual(CivilDate(iso: "1970-01-01")!.weekday, 4)  // Thursday
        XCTAssertEqual(CivilDate(iso: "1969-12-28")!.weekday, 7)  // Sunday, before the epoch
        XCTAssertEqual(CivilDate(iso: "2024-03-01")!.weekday, 5)  // Friday
        XCTAssertEqual(CivilDate(iso: "2024-03-04")!.weekday, 1)  // Monday
    }

    func testAddingDaysAndMonths() {
        let d = CivilDate(iso: "2024-01-31")!
        XCTAssertEqual(d.adding(days: 30).description, "2024-03-01")
        XCTAssertEqual(d.adding(days: -31).description, "2023-12-31")
        XCTAssertEqual(d.adding(months: 1)?.description, "2024-02-29")
        XCTAssertEqual(d.adding(months: 13)?.description, "2025-02-28")
        XCTAssertEqual(d.adding(months: -2)?.description, "2023-11-30")
        XCTAssertEqual(d.adding(months: -13)?.description, "2022-12-31")
        XCTAssertEqual(d.adding(months: 0)?.description, "2024-01-31")
        XCTAssertEqual(CivilDate(iso: "2024-02-29")!.adding(months: 12)?.description, "2025-02-28")
        XCTAssertEqual(CivilDate(iso: "2024-12-15")!.adding(months: 1)?.description, "2025-01-15")
        XCTAssertNil(CivilDate(iso: "9999-12-01")!.adding(months: 1))
        XCTAssertNil(CivilDate(iso: "0001-01-31")!.adding(months: -1))
    }

    func testOrderFollowsTheDays() {
        XCTAssertLessThan(CivilDate(iso: "2023-12-31")!, CivilDate(iso: "2024-01-01")!)
        XCTAssertEqual(CivilDate(iso: "2024-01-01"), CivilDate(year: 2024, month: 1, day: 1))
    }

    /// The bytes result lines print are the description's, across the whole range (every
    /// 97th day, the first and the last) — years below 1000 zero-padded.
    func testAppendedTextIsTheDescription() {
        for day in stride(from: Int32(-719_162), through: 2_932_896, by: 97) + [-719_162, 2_932_896] {
            let date = CivilDate(dayNumber: day)
            var bytes: [UInt8] = []
            date.appendText(to: &bytes)
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), date.description)
        }
        var bytes: [UInt8] = Array("x".utf8)
        CivilDate(year: 7, month: 3, day: 9)!.appendText(to: &bytes)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "x0007-03-09")
    }
}
