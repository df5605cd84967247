import Foundation
import XCTest
@testable import PingchaIngest
import PingchaModel

/// Excel's "Unicode 文本" (UTF-16 with a BOM, tab-separated) and the other separators a
/// department's export may use, found from the header row.
final class UnicodeTextTests: XCTestCase {
    func copy(_ name: String, into f: IngestFixture) {
        try! FileManager.default.copyItem(atPath: WorkbookInputTests.fixtures + "/" + name, toPath: f.dir + "/" + name)
    }

    func caseLines(_ f: IngestFixture) -> [String] {
        f.cases.map { JSONText.caseObject($0, catalogue: f.catalogue) }
    }

    /// LibreOffice's Unicode text of titled.xlsx reads as the workbook itself.
    func testUnicodeTextReadsAsTheWorkbookItCameFrom() {
        let text = IngestFixture()
        copy("unicode-text.txt", into: text)
        let r = text.ingest(["unicode-text.txt"])[0]
        XCTAssertNil(r.refusal)
        XCTAssertEqual(r.encoding, .utf16le)
        XCTAssertEqual(r.headerLine, 4)
        XCTAssertEqual(r.skippedRows, 2)
        let book = IngestFixture()
        copy("titled.xlsx", into: book)
        book.ingest(["titled.xlsx"])
        XCTAssertEqual(caseLines(text), caseLines(book))
        XCTAssertEqual(text.cases.count, 3)
    }

    func testBigEndianUTF16WithCRLFLines() {
        let f = IngestFixture()
        let text = "案件编号\t执法主体\t执法类别\t备注\r\n克市监罚〔2024〕1号\t市场监督管理局\t行政处罚\t\r\n克市监罚〔2024〕2号\t市场监督管理局\t行政处罚\t上报\r\n"
        f.write("be.txt", bytes: [0xFE, 0xFF] + Transcoder.encode(text, to: "UTF-16BE")!)
        let r = f.ingest(["be.txt"])[0]
        XCTAssertNil(r.refusal)
        XCTAssertEqual(r.encoding, .utf16be)
        XCTAssertEqual(r.accepted, 2)
        XCTAssertEqual(f.cases.map(\.line), [2, 3])
    }

    /// Empty fields between tabs stay fields: a tab is a separator, not white space.
    func testTabSeparatedUTF8KeepsEmptyFields() {
        let f = IngestFixture()
        f.write("a.tsv", "案件编号\t执法主体\t所属区县\t执法类别\n克市监罚〔2024〕1号\t市场监督管理局\t\t行政处罚\n")
        let r = f.ingest(["a.tsv"])[0]
        XCTAssertEqual(r.accepted, 1, "\(f.rejects)")
        XCTAssertNil(f.value(f.cases[0], "district"))
        XCTAssertEqual(f.text(f.cases[0], "enforcement_type"), "行政处罚")
    }

    func testSemicolonSeparated() {
        let f = IngestFixture()
        f.write("a.csv", "案件编号;执法主体;执法类别;罚款金额\n克市监罚〔2024〕1号;市场监督管理局;行政处罚;\"5,000\"\n")
        let r = f.ingest(["a.csv"])[0]
        XCTAssertEqual(r.accepted, 1, "\(f.rejects)")
        XCTAssertEqual(f.value(f.cases[0], "fine_amount"), .number(DecimalNumber(5000)))
    }

    /// A comma inside a tab-separated cell is text, and a title line without separators does
    /// not decide the separator.
    func testTitleLineDoesNotDecideTheSeparator() {
        let f = IngestFixture()
        f.write("a.txt", "克拉玛依市行政执法案件台账\n案件编号\t执法主体\t执法类别\t案由\n克市监罚〔2024〕1号\t市场监督管理局\t行政处罚\t无照经营，未按规定公示\n")
        let r = f.ingest(["a.txt"])[0]
        XCTAssertEqual(r.accepted, 1, "\(f.rejects)")
        XCTAssertEqual(f.text(f.cases[0], "cause"), "无照经营，未按规定公示")
    }
}
