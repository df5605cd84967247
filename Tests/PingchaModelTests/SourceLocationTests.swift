import PingchaModel
import XCTest

/// `file:line:col`, the prefix of every located message.
final class SourceLocationTests: XCTestCase {
    func testRenderingWithWhatIsKnown() {
        XCTAssertEqual(SourceLocation(file: "rubrics/fields.yaml").description, "rubrics/fields.yaml")
        XCTAssertEqual(SourceLocation(file: "a.csv", line: 12).description, "a.csv:12")
        XCTAssertEqual(SourceLocation(file: "a.csv", line: 12, column: 3).description, "a.csv:12:3")
        XCTAssertEqual(SourceLocation(file: "数据/二〇二四.csv", line: 1, column: 1).description, "数据/二〇二四.csv:1:1")
    }

    func testAMessageStartsWithItsLocation() {
        let error = PingchaError.enumWithoutValues(SourceLocation(file: "f.yaml", line: 4, column: 5), field: "procedure")
        XCTAssertEqual(error.location, SourceLocation(file: "f.yaml", line: 4, column: 5))
        XCTAssertEqual(error.message, "f.yaml:4:5: 枚举字段 procedure 没有列出取值（values）")
        XCTAssertEqual(PingchaError.invalidOption("--year 应为四位数").message, "--year 应为四位数")
    }
}
