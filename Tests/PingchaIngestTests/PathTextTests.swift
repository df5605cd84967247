import XCTest
import PingchaModel

/// Splitting the paths users type (`--out o` once trapped inside Foundation).
final class PathTextTests: XCTestCase {
    func testParentAndName() {
        XCTAssertEqual(PathText.parent("o"), "")
        XCTAssertEqual(PathText.name("o"), "o")
        XCTAssertEqual(PathText.parent("reports/2024/"), "reports")
        XCTAssertEqual(PathText.name("reports/2024/"), "2024")
        XCTAssertEqual(PathText.parent("/x"), "/")
        XCTAssertEqual(PathText.name("/x"), "x")
        XCTAssertEqual(PathText.parent("a/b/c.sqlite"), "a/b")
        XCTAssertEqual(PathText.name("a/b/c.sqlite"), "c.sqlite")
        XCTAssertEqual(PathText.parent("/"), "/")
    }
}
