import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PingchaModel
@testable import PingchaXlsx
import XCTest

/// Header, frozen pane, autofilter, widths, element order.
final class SheetLayoutTests: XCTestCase {
    private func sample() throws -> XlsxPackage {
        let path = temporaryFolder() + "/layout.xlsx"
        try SampleWorkbook.write(to: path)
        return try XlsxPackage(path: path)
    }

    func testHeaderIsStyledFrozenAndFiltered() throws {
        let package = try sample()
        let ws = try package.sheet(1)
        XCTAssertEqual(ws.value("A1"), "案卷编号")
        XCTAssertEqual(ws.value("F1"), "说明")
        let pane = try XCTUnwrap(ws.document.firstElement("pane"))
        XCTAssertEqual(pane.attr("ySplit"), "1")
        XCTAssertEqual(pane.attr("topLeftCell"), "A2")
        XCTAssertEqual(pane.attr("activePane"), "bottomLeft")
        XCTAssertEqual(pane.attr("state"), "frozen")
        XCTAssertEqual(ws.document.firstElement("autoFilter")?.attr("ref"), "A1:F4")
        XCTAssertEqual(ws.document.firstElement("dimension")?.attr("ref"), "A1:F4")
        XCTAssertEqual(try package.sheet(2).document.firstElement("autoFilter")?.attr("ref"), "A1:D3")

        let names = try package.xml("xl/workbook.xml").elements("definedName")
        let filter = try XCTUnwrap(names.first { $0.attr("name") == "_xlnm._FilterDatabase" && $0.attr("localSheetId") == "0" })
        XCTAssertEqual(filter.attr("hidden"), "1")
        XCTAssertEqual(filter.stringValue, "'案卷得分'!$A$1:$F$4")
        XCTAssertTrue(names.contains { $0.attr("name") == "_xlnm.Print_Titles" && $0.stringValue == "'问题／统计'!$1:$1" })

        // Header style: bold font, a solid fill, a border.
        let style = try XCTUnwrap(ws.cell("A1")?.attr("s").flatMap(Int.init))
        let xf = ws.styles.xfs[style]
        let styles = try package.xml("xl/styles.xml")
        let font = styles.firstElement("fonts")!.elements("font")[Int(xf.attr("fontId")!)!]
        XCTAssertNotNil(font.firstElement("b"))
        let fill = styles.firstElement("fills")!.elements("fill")[Int(xf.attr("fillId")!)!]
        XCTAssertEqual(fill.firstElement("patternFill")?.attr("patternType"), "solid")
        let border = styles.firstElement("borders")!.elements("border")[Int(xf.attr("borderId")!)!]
        XCTAssertEqual(border.firstElement("bottom")?.attr("style"), "thin")
    }

    func testWorksheetElementsFollowTheSchemaOrder() throws {
        let schema = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "autoFilter",
                      "pageMargins", "pageSetup", "headerFooter"]
        let package = try sample()
        for n in 1...2 {
            let names = try XCTUnwrap(package.xml("xl/worksheets/sheet\(n).xml").rootElement()).childNames
            XCTAssertEqual(names, schema)
        }
        let styleOrder = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles"]
        XCTAssertEqual(try package.xml("xl/styles.xml").rootElement()?.childNames, styleOrder)
        let bookOrder = ["workbookPr", "bookViews", "sheets", "definedNames", "calcPr"]
        XCTAssertEqual(try package.xml("xl/workbook.xml").rootElement()?.childNames, bookOrder)
        // Counts match the lists they describe.
        let styles = try package.xml("xl/styles.xml")
        for list in ["numFmts", "fonts", "fills", "borders", "cellXfs"] {
            let element = try XCTUnwrap(styles.firstElement(list))
            XCTAssertEqual(element.attr("count"), String(element.children?.count ?? 0), list)
        }
    }

    func testWidthsFitTheContentAndCJKCountsDouble() throws {
        let path = temporaryFolder() + "/widths.xlsx"
        let book = try Workbook(path: path)
        let sheet = try book.addSheet("宽度", columns: [Column("A"), Column("B"), Column("C"), Column("D", width: 30), Column("E", .date)])
        try sheet.append([.text("abcdefghijklmnopqrst"), .text("执法部门执法部门执法部门执法部门执法部门"),
                          .text(String(repeating: "长", count: 200)), .text("x"), .date(CivilDate(year: 2024, month: 1, day: 1)!)])
        try sheet.append([.text("ab"), .text("短")])
        try book.close()
        let widths = try XlsxPackage(path: path).sheet(1).widths
        XCTAssertEqual(widths.count, 5)
        XCTAssertGreaterThanOrEqual(widths[0], 20)  // 20 Latin letters
        XCTAssertGreaterThanOrEqual(widths[1], 40)  // 20 Chinese characters, two widths each
        XCTAssertGreaterThan(widths[1], widths[0] + 15)
        XCTAssertEqual(widths[2], ColumnWidth.maximum)  // clamped
        XCTAssertEqual(widths[3], 30)  // as asked
        XCTAssertGreaterThanOrEqual(widths[4], 10)  // yyyy-mm-dd
        XCTAssertLessThan(widths[4], 15)
    }

    func testDisplayWidth() {
        XCTAssertEqual(ColumnWidth.of("abc"), 3)
        XCTAssertEqual(ColumnWidth.of("案卷"), 4)
        XCTAssertEqual(ColumnWidth.of("（本级）"), 8)
        XCTAssertEqual(ColumnWidth.of("第一行\nab"), 6)
        XCTAssertEqual(ColumnWidth.fitted(header: 0, content: 1000), ColumnWidth.maximum)
        XCTAssertEqual(ColumnWidth.fitted(header: 0, content: 0), ColumnWidth.minimum)
    }

    func testColumnLetters() {
        XCTAssertEqual((0..<3).map(CellReference.columnLetters), ["A", "B", "C"])
        XCTAssertEqual(CellReference.columnLetters(25), "Z")
        XCTAssertEqual(CellReference.columnLetters(26), "AA")
        XCTAssertEqual(CellReference.columnLetters(701), "ZZ")
        XCTAssertEqual(CellReference.columnLetters(702), "AAA")
        XCTAssertEqual(CellReference.columnLetters(16383), "XFD")
    }
}
