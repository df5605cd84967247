import XCTest
@testable import PingchaReports

/// Case numbers in the 问题清单 break at their bracketed year where the longer line is
/// shorter, never before 号.
final class CaseNumberLinesTests: XCTestCase {
    func testBreaksWhereTheLongerLineIsShortest() {
        // 克城管罚 (8) | （2025）123号 (13) beats 克城管罚（2025） (16) | 123号.
        XCTAssertEqual(CaseNumberLines.split("克城管罚（2025）123号").head, "克城管罚")
        XCTAssertEqual(CaseNumberLines.split("克城管罚（2025）123号").tail, "（2025）123号")
        XCTAssertEqual(CaseNumberLines.split("克公(治)行罚决字（2025）12号").head, "克公(治)行罚决字")
        XCTAssertEqual(CaseNumberLines.split("克公(治)行罚决字（2025）12号").tail, "（2025）12号")
        // A short organ and a long number: after the year (克水罚〔2025〕 14 | 1234567号 11).
        XCTAssertEqual(CaseNumberLines.split("克水罚〔2025〕1234567号").head, "克水罚〔2025〕")
        XCTAssertEqual(CaseNumberLines.split("克水罚〔2025〕1234567号").tail, "1234567号")
    }

    func testATieBreaksAfterTheYear() {
        // 克水罚〔2025〕 (14) | 1234号 (6) against 克水罚 (6) | 〔2025〕1234号 (14).
        XCTAssertEqual(CaseNumberLines.split("克水罚〔2025〕1234号").head, "克水罚〔2025〕")
        // 克水罚 (6) | 〔2025〕7号 (11) against 克水罚〔2025〕 (14) | 7号.
        XCTAssertEqual(CaseNumberLines.split("克水罚〔2025〕7号").tail, "〔2025〕7号")
    }

    func testLeavesOtherNumbersWhole() {
        XCTAssertNil(CaseNumberLines.split("T-1").tail)                       // no bracket
        XCTAssertNil(CaseNumberLines.split("克公(治)行罚决字第12号").tail)      // a bracket, but not a year
        XCTAssertEqual(CaseNumberLines.split("克城管罚〔2025〕").head, "克城管罚")   // nothing after: before the year
        XCTAssertNil(CaseNumberLines.split("〔2025〕1号").tail)                 // too short to be worth two lines
    }
}
