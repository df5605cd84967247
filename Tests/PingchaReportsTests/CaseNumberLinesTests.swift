import XCTest
@testable import PingchaReports

/// Case numbers in the 问题清单 break after their bracketed year, never before 号.
final class CaseNumberLinesTests: XCTestCase {
    func testBreaksAfterTheYear() {
        XCTAssertEqual(CaseNumberLines.split("克城管罚（2025）123号").head, "克城管罚（2025）")
        XCTAssertEqual(CaseNumberLines.split("克城管罚（2025）123号").tail, "123号")
        XCTAssertEqual(CaseNumberLines.split("克水罚〔2025〕7号").tail, "7号")
        XCTAssertEqual(CaseNumberLines.split("克公(治)行罚决字（2025）12号").head, "克公(治)行罚决字（2025）")
    }

    func testLeavesOtherNumbersWhole() {
        XCTAssertNil(CaseNumberLines.split("T-1").tail)                 // no bracket
        XCTAssertNil(CaseNumberLines.split("克公(治)行罚").tail)          // a bracket, but not a year
        XCTAssertNil(CaseNumberLines.split("罚〔2025〕").tail)            // nothing after the year
        XCTAssertNil(CaseNumberLines.split("〔2025〕1号").tail)           // too short to be worth two lines
    }
}
