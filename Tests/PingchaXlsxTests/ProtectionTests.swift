import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PingchaModel
@testable import PingchaXlsx
import XCTest

/// Data validation (drop-downs, number ranges), unlocked input cells and sheet protection:
/// what a reviewer's workbook needs.
final class ProtectionTests: XCTestCase {
    private func write() throws -> XlsxPackage {
        let path = temporaryFolder() + "/decide.xlsx"
        let book = try Workbook(path: path)
        let sheet = try book.addSheet("评查表", columns: [Column("细则"), Column("结论", editable: true), Column("扣分", editable: true)],
                                      options: SheetOptions(protected: true))
        let outcome = CellValidation.list(["符合", "不符合", "不适用"])
        // Rows 2–3 and 5 deduct up to 3, row 4 up to 2.5: consecutive rows share a range.
        for (rule, max) in [("A-1", "3"), ("A-2", "3"), ("B-1", "2.5"), ("A-3", "3")] {
            try sheet.append([.text(rule), .empty, rule == "A-2" ? .decimal("1.5") : .empty],
                             validations: [1: outcome, 2: .decimal(min: "0", max: max)])
        }
        let plain = try book.addSheet("说明", columns: [Column("细则")])
        try plain.append(["A-1"])
        try book.close()
        return try XlsxPackage(path: path)
    }

    func testValidationsAreRangesInOrderOfFirstUse() throws {
        let ws = try write().sheet(1)
        let validations = ws.document.elements("dataValidation")
        XCTAssertEqual(validations.map { $0.attr("type") }, ["list", "decimal", "decimal"])
        XCTAssertEqual(validations.map { $0.attr("sqref") }, ["B2:B5", "C2:C3 C5", "C4"])
        XCTAssertEqual(validations[0].firstElement("formula1")?.stringValue, "\"符合,不符合,不适用\"")
        XCTAssertEqual(validations[0].attr("error"), "请从下拉列表中选择：符合、不符合、不适用")
        XCTAssertEqual(validations[2].attr("operator"), "between")
        XCTAssertEqual(validations[2].firstElement("formula1")?.stringValue, "0")
        XCTAssertEqual(validations[2].firstElement("formula2")?.stringValue, "2.5")
        XCTAssertEqual(validations[2].attr("error"), "请填写 0 至 2.5 之间的数字")
        XCTAssertEqual(validations.map { $0.attr("allowBlank") }, ["1", "1", "1"])
    }

    /// The sheet is protected without a password; the editable columns' cells are written
    /// even when empty, with a style that unlocks them; the keys keep the locked default.
    func testEditableCellsAreUnlockedUnderProtection() throws {
        let package = try write()
        let ws = try package.sheet(1)
        let protection = try XCTUnwrap(ws.document.firstElement("sheetProtection"))
        XCTAssertEqual(protection.attr("sheet"), "1")
        XCTAssertNil(protection.attr("password"))
        XCTAssertNil(protection.attr("hashValue"))
        XCTAssertEqual(protection.attr("autoFilter"), "0", "filtering stays allowed")
        XCTAssertNil(try package.sheet(2).document.firstElement("sheetProtection"))
        XCTAssertNil(try package.sheet(2).document.firstElement("dataValidations"))
        func locked(_ reference: String) -> Bool {
            let s = ws.cell(reference)?.attr("s").flatMap(Int.init) ?? 0
            return ws.styles.xfs[s].firstElement("protection")?.attr("locked") != "0"
        }
        XCTAssertEqual(["A2", "B2", "C2", "A5", "B5", "C5"].map(locked), [true, false, false, true, false, false])
        XCTAssertEqual(ws.value("C3"), "1.5")
        XCTAssertNil(ws.cell("C3")?.attr("t"), "a number stays a number")
        XCTAssertEqual(ws.rows.count, 5)
    }

    /// Schema order: sheetProtection right after sheetData, dataValidations after the filter
    /// and before the page margins (Excel repairs files that break it).
    func testElementOrder() throws {
        let names = try write().sheet(1).document.rootElement()!.children!.map { $0.name ?? "" }
        XCTAssertEqual(names.filter { ["sheetData", "sheetProtection", "autoFilter", "dataValidations", "pageMargins"].contains($0) },
                       ["sheetData", "sheetProtection", "autoFilter", "dataValidations", "pageMargins"])
    }
}
