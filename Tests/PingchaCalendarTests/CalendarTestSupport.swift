import PingchaModel
@testable import PingchaCalendar
import XCTest

/// `d("2024-02-10")`: dates in tests read as they are written in the notices.
func d(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> CivilDate {
    guard let date = CivilDate(iso: text) else {
        XCTFail("bad test date \(text)", file: file, line: line)
        return CivilDate(dayNumber: 0)
    }
    return date
}

/// Every day of an inclusive range, for checking whole holiday blocks.
func everyDay(_ from: String, _ to: String) -> [CivilDate] {
    (Int(d(from).dayNumber)...Int(d(to).dayNumber)).map { CivilDate(dayNumber: Int32($0)) }
}
