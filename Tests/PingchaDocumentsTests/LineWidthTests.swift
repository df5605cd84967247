import XCTest
@testable import PingchaDocuments

/// GB/T 9704: 28 characters of 3号 (16 pt) to the 156 mm line.
final class LineWidthTests: XCTestCase {
    func testTwentyEightCharactersFitTheLineAndTwentyNineDoNot() {
        let line = OfficialLayout.points(millimetres: 156)
        XCTAssertEqual(line, 442.2047, accuracy: 0.0001)
        // At the font's own pitch only 27 fit: that is what the spacing is for.
        XCTAssertEqual(Int(line / 16), 27)
        XCTAssertEqual(OfficialLayout.bodySpacingTwentieths, -5)
        XCTAssertEqual(OfficialLayout.bodySpacing, -0.25)
        XCTAssertEqual(OfficialLayout.bodyPitch, 15.75)
        XCTAssertLessThanOrEqual(28 * OfficialLayout.bodyPitch, line)
        XCTAssertGreaterThan(29 * OfficialLayout.bodyPitch, line)
        XCTAssertEqual(Int(line / OfficialLayout.bodyPitch), 28)
        // The first line of a paragraph, two characters in, holds 26.
        XCTAssertEqual(Int((line - 2 * OfficialLayout.bodyPitch) / OfficialLayout.bodyPitch), 26)
    }

    func testTwentyTwoLinesFitTheTypeArea() {
        let height = OfficialLayout.points(millimetres: 225)
        XCTAssertEqual(Int(height / OfficialLayout.linePitchPoints), 22)
        XCTAssertEqual(OfficialLayout.linePitchPoints * 20, 579, accuracy: 0.001)
    }

    func testOneRed() {
        XCTAssertEqual(OfficialLayout.red, "FF0000")
    }
}
