import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PingchaDocuments
import PingchaModel
@testable import PingchaXlsx
import XCTest

/// What each kind of cell becomes in the worksheet XML.
final class CellTests: XCTestCase {
    private func sample() throws -> XlsxPackage {
        let path = temporaryFolder() + "/cells.xlsx"
        try SampleWorkbook.write(to: path)
        return try XlsxPackage(path: path)
    }

    func testNumbersAreNumericCellsWithExactValues() throws {
        let package = try sample()
        let ws = try package.sheet(1)
        let expected = ["C2": "87.5", "D2": "3", "E2": "0.125", "C3": "100", "D3": "-12", "E3": "1.0",
                        "C4": "-3.25", "D4": "123456789.125", "B2": "45356"]
        for (reference, value) in expected {
            let c = try XCTUnwrap(ws.cell(reference), reference)
            XCTAssertNil(c.attr("t"), reference)  // numeric: no t="s", no t="inlineStr"
            XCTAssertEqual(ws.value(reference), value, reference)
        }
        XCTAssertEqual(ws.formatCode("C2"), "0.0")
        XCTAssertEqual(ws.formatCode("D2"), "0")
        XCTAssertEqual(ws.formatCode("E2"), "0.0%")
        let stats = try package.sheet(2)
        XCTAssertEqual(stats.value("C2"), "0.3456")
        XCTAssertNil(stats.cell("C2")?.attr("t"))
        XCTAssertEqual(stats.formatCode("C2"), "0.00%")
        XCTAssertEqual(stats.formatCode("B2"), "0")
    }

    func testDatesAreSerialsWithADateFormat() throws {
        let ws = try sample().sheet(1)
        XCTAssertEqual(ws.value("B2"), "45356")  // 2024-03-05
        XCTAssertEqual(ws.value("B3"), "61")  // 1900-03-01, after the fictitious 1900-02-29
        XCTAssertEqual(ws.formatCode("B2"), "yyyy-mm-dd")
        XCTAssertEqual(ws.formatCode("B3"), "yyyy-mm-dd")
        // Before 1900 the 1900 system has no serial: written as text.
        XCTAssertEqual(ws.cell("B4")?.attr("t"), "inlineStr")
        XCTAssertEqual(ws.value("B4"), "1899-12-31")
    }

    func testExcelSerialsAroundTheFakeLeapDay() {
        func serial(_ y: Int, _ m: Int, _ d: Int) -> Int? { ExcelDate.serial(CivilDate(year: y, month: m, day: d)!) }
        XCTAssertEqual(serial(1900, 1, 1), 1)
        XCTAssertEqual(serial(1900, 2, 28), 59)
        XCTAssertEqual(serial(1900, 3, 1), 61)
        XCTAssertEqual(serial(1970, 1, 1), 25569)
        XCTAssertEqual(serial(2024, 3, 5), 45356)
        XCTAssertEqual(serial(9999, 12, 31), 2_958_465)
        XCTAssertNil(serial(1899, 12, 31))
    }

    func testTextIsInlineAndEscaped() throws {
        let package = try sample()
        let ws = try package.sheet(1)
        XCTAssertEqual(ws.cell("A2")?.attr("t"), "inlineStr")
        XCTAssertEqual(ws.value("F2"), "A & B <c> \"引号\" 控制字符")  // control characters and U+FFFF dropped
        let raw = package.text("xl/worksheets/sheet1.xml")
        XCTAssertTrue(raw.contains("A &amp; B &lt;c&gt;"))
        XCTAssertFalse(raw.contains("\u{0001}"))
        XCTAssertEqual(ws.value("E4"), "是")
        XCTAssertEqual(ws.value("F4"), "否")
        let stats = try package.sheet(2)
        XCTAssertEqual(stats.value("A3"), "  前后空格  ")
        XCTAssertEqual(stats.cell("A3")?.firstElement("t")?.attr("xml:space"), "preserve")
        // A literal _x000D_ is protected from Excel's own escape decoding.
        XCTAssertEqual(stats.value("D3"), "_x005F_x000D_ 字面")
        // Text that is not a plain decimal stays text rather than a wrong number.
        XCTAssertEqual(stats.cell("C3")?.attr("t"), "inlineStr")
        XCTAssertEqual(stats.value("C3"), "1,234")
        // NaN has no Excel form: the cell is left empty.
        XCTAssertNil(stats.cell("B3"))
    }

    func testMultiLineTextWrapsAndItsRowIsTall() throws {
        let ws = try sample().sheet(1)
        XCTAssertEqual(ws.value("F3"), "第一行\n第二行")
        let style = try XCTUnwrap(ws.cell("F3")?.attr("s").flatMap(Int.init))
        XCTAssertEqual(ws.styles.xfs[style].firstElement("alignment")?.attr("wrapText"), "1")
        let row = ws.rows.first { $0.attr("r") == "3" }
        XCTAssertEqual(row?.attr("ht"), "30.0")
        XCTAssertEqual(row?.attr("customHeight"), "1")
        XCTAssertNil(ws.rows.first { $0.attr("r") == "2" }?.attr("ht"))
    }

    func testLongTextIsCappedAtExcelsLimit() throws {
        let path = temporaryFolder() + "/long.xlsx"
        let book = try Workbook(path: path)
        let sheet = try book.addSheet("长文本", columns: [Column("内容"), Column("表情")])
        try sheet.append([.text(String(repeating: "x", count: 40_000)), .text(String(repeating: "😀", count: 20_000))])
        try book.close()
        let ws = try XlsxPackage(path: path).sheet(1)
        XCTAssertEqual(ws.value("A2")?.count, 32_767)
        // Emoji are two UTF-16 units each: 16,383 of them fit, and none is cut in half.
        XCTAssertEqual(ws.value("B2"), String(repeating: "😀", count: 16_383))
    }

    func testDecimalText() {
        XCTAssertEqual(CellText.plainDecimal("87.5")?.text, "87.5")
        XCTAssertEqual(CellText.plainDecimal("+3")?.text, "3")
        XCTAssertEqual(CellText.plainDecimal("-0.25")?.integerDigits, 1)
        for bad in ["", "-", ".5", "5.", "1,234", "1e5", " 1", "1.2.3", "NaN"] {
            XCTAssertNil(CellText.plainDecimal(bad), bad)
        }
    }

    func testIntegerDigits() {
        var bytes: [UInt8] = []
        for v in [0, 7, -7, 10, 1234567890, Int.min, Int.max] {
            bytes.removeAll()
            bytes.appendDecimal(v)
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), String(v))
        }
    }

    func testCellTextBytesAreTheEscapedText() {
        // Markup, dropped control characters, U+FFFE/U+FFFF (dropped) beside full-width
        // punctuation that shares their lead byte 0xEF, and `_xHHHH_` that must stay literal —
        // also when a dropped control character is what joins it.
        let texts = ["", "公安局", "A&B <c> \"d\" 'e'", "a\u{1}b\u{1F}c\td\ne\rf", "（罚款）：5000元；", "\u{FFFE}x\u{FFFF}y\u{FFFD}",
                     "_x0041_", "a_x00e9_b_x12_", "_x00\u{1}41_", "x_", "😀_xABCD_😀", String(repeating: "立案日期 2024-03-01；", count: 40)]
        for text in texts {
            for protecting in [false, true] {
                var bytes: [UInt8] = Array("<t>".utf8)
                bytes.appendCellText(text, protectingEscapes: protecting)
                let expected = "<t>" + (protecting ? Sheet.cellText(text) : XMLText.escape(text))
                XCTAssertEqual(String(decoding: bytes, as: UTF8.self), expected, "\(text.debugDescription) \(protecting)")
            }
        }
    }

    func testARowWiderThanTheColumnsIsRefused() throws {
        let book = try Workbook(path: temporaryFolder() + "/wide.xlsx")
        let sheet = try book.addSheet("表", columns: [Column("A")])
        XCTAssertThrowsError(try sheet.append(["1", "2"]))
        try sheet.append([])  // a short row is fine
        XCTAssertThrowsError(try book.addSheet("太宽", columns: Array(repeating: Column("x"), count: Workbook.maxColumns + 1)))
        try book.close()
    }
}

final class SharedStringTests: XCTestCase {
    func testTextsAreNumberedInTheOrderFirstMetAndFoundAgainAfterTheTableGrows() {
        let table = SharedStrings()
        let texts = (0..<5_000).map { "行政执法主体\($0)" } + ["", "a", "ab", "ab\u{0}"]
        for (i, text) in texts.enumerated() { XCTAssertEqual(table.index(of: text)?.index, i, text) }
        for (i, text) in texts.enumerated().reversed() { XCTAssertEqual(table.index(of: text)?.index, i, text) }
        XCTAssertEqual(table.index(of: "行政执法主体1")?.width, ColumnWidth.of("行政执法主体1"))
        XCTAssertEqual(table.all, texts)
    }

    func testAFullTableKeepsItsTextsAndTakesNoMore() {
        let table = SharedStrings()
        for i in 0..<SharedStrings.limit { _ = table.index(of: String(i)) }
        XCTAssertNil(table.index(of: "new"))
        XCTAssertEqual(table.index(of: "65535")?.index, 65_535)
        XCTAssertEqual(table.all.count, SharedStrings.limit)
    }

    func testRepeatingColumnsShareTheirTextsAndReadBack() throws {
        let path = NSTemporaryDirectory() + "shared-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let book = try Workbook(path: path)
        let sheet = try book.addSheet("案卷", columns: [Column("案号"), Column("部门", repeats: true), Column("合格", repeats: true)])
        try sheet.append([.text("A-1"), .text("公安局"), .bool(true)])
        try sheet.append([.text("A-2"), .text("公安局 "), .bool(false)])
        try sheet.append([.text("A-3"), .text("公安局"), .text("多行\n文本")])
        try book.close()
        let zip = try XlsxPackage(path: path)
        XCTAssertEqual(zip.text("xl/sharedStrings.xml"),
                       #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
                       + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="4">"#
                       + #"<si><t>公安局</t></si><si><t>是</t></si><si><t xml:space="preserve">公安局 </t></si><si><t>否</t></si></sst>"#)
        let rows = zip.text("xl/worksheets/sheet1.xml")
        XCTAssertTrue(rows.contains(#"<c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c>"#), rows)
        XCTAssertTrue(rows.contains(#"<c r="B4" t="s"><v>0</v></c>"#), rows)
        // Unique texts and texts with line breaks stay in their cells.
        XCTAssertTrue(rows.contains(#"<c r="A2" t="inlineStr"><is><t>A-1</t></is></c>"#), rows)
        XCTAssertTrue(rows.contains("多行\n文本"), rows)
        XCTAssertTrue(zip.text("[Content_Types].xml").contains("/xl/sharedStrings.xml"))
        XCTAssertTrue(zip.text("xl/_rels/workbook.xml.rels").contains(#"Target="sharedStrings.xml""#))
        _ = try zip.xml("xl/sharedStrings.xml")
    }
}
