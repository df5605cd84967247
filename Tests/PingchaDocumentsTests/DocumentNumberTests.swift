import XCTest
@testable import PingchaDocuments

final class DocumentNumberTests: XCTestCase {
    func testPatternNumberedThenResolvedWithTheYear() {
        let pattern = DocumentNumber.defaultPattern
        XCTAssertEqual(pattern, "克司通〔{year}〕{number}号")
        XCTAssertEqual(DocumentNumber.resolve(DocumentNumber.numbered(pattern, 3), date: "2025年12月3日"), "克司通〔2025〕3号")
        XCTAssertEqual(DocumentNumber.resolve(DocumentNumber.numbered(pattern, nil), date: "2025-12-03"), "克司通〔2025〕\u{3000}\u{3000}号")
        // A number typed in full stays as it is.
        XCTAssertEqual(DocumentNumber.resolve("克司通〔2024〕12号", date: "2025年1月2日"), "克司通〔2024〕12号")
    }

    func testTheBlankIsVisibleWidth() {
        // Two full-width spaces: as wide as two characters, and not collapsed by HTML or Word.
        XCTAssertEqual(DocumentNumber.blank.unicodeScalars.map(\.value), [0x3000, 0x3000])
        XCTAssertEqual(TableLayout.displayWidth("克司通〔2025〕" + DocumentNumber.blank + "号"), 20)
    }
}
