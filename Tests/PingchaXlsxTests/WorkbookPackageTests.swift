import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PingchaDocuments
import PingchaModel
@testable import PingchaXlsx
import XCTest

/// The package as a whole: parts, relationships, content types, names, staging, determinism.
final class WorkbookPackageTests: XCTestCase {
    private func sample() throws -> XlsxPackage {
        let path = temporaryFolder() + "/scores.xlsx"
        try SampleWorkbook.write(to: path)
        return try XlsxPackage(path: path)
    }

    func testEveryPartIsPresentAndParses() throws {
        let package = try sample()
        let required = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                        "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                        "docProps/core.xml", "docProps/app.xml"]
        XCTAssertEqual(Set(package.order), Set(required))
        XCTAssertEqual(package.order.first, "[Content_Types].xml")
        for part in package.order {
            XCTAssertNoThrow(try package.xml(part), part)
        }
    }

    func testRelationshipsAndContentTypes() throws {
        let package = try sample()
        let types = try package.xml("[Content_Types].xml")
        let defaults = Dictionary(uniqueKeysWithValues: types.elements("Default").map { ($0.attr("Extension")!, $0.attr("ContentType")!) })
        XCTAssertEqual(defaults["rels"], "application/vnd.openxmlformats-package.relationships+xml")
        XCTAssertEqual(defaults["xml"], "application/xml")
        let overrides = Dictionary(uniqueKeysWithValues: types.elements("Override").map { ($0.attr("PartName")!, $0.attr("ContentType")!) })
        XCTAssertEqual(overrides["/xl/workbook.xml"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
        XCTAssertEqual(overrides["/xl/styles.xml"], "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml")
        XCTAssertEqual(overrides["/docProps/core.xml"], "application/vnd.openxmlformats-package.core-properties+xml")
        XCTAssertEqual(overrides["/docProps/app.xml"], "application/vnd.openxmlformats-officedocument.extended-properties+xml")
        for n in 1...2 {
            XCTAssertEqual(overrides["/xl/worksheets/sheet\(n).xml"], "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")
        }
        for name in overrides.keys { XCTAssertNotNil(package.parts[String(name.dropFirst())], name) }

        let root = try package.xml("_rels/.rels").elements("Relationship")
        let office = root.first { $0.attr("Type")?.hasSuffix("/officeDocument") == true }
        XCTAssertEqual(office?.attr("Target"), "xl/workbook.xml")
        for r in root { XCTAssertNotNil(package.parts[r.attr("Target")!], r.attr("Target")!) }

        let bookRels = try package.xml("xl/_rels/workbook.xml.rels").elements("Relationship")
        var targets: [String: String] = [:]
        for r in bookRels {
            XCTAssertNotNil(package.parts["xl/" + r.attr("Target")!], r.attr("Target")!)
            targets[r.attr("Id")!] = r.attr("Target")
        }
        XCTAssertTrue(bookRels.contains { $0.attr("Type")?.hasSuffix("/styles") == true })
        // Every sheet's r:id points at its worksheet part.
        let sheets = try package.xml("xl/workbook.xml").elements("sheet")
        XCTAssertEqual(sheets.map { targets[$0.attr("r:id")!] }, ["worksheets/sheet1.xml", "worksheets/sheet2.xml"])
        XCTAssertEqual(sheets.map { $0.attr("sheetId") }, ["1", "2"])
    }

    func testSheetNamesAreSanitised() throws {
        XCTAssertEqual(try sample().sheetNames(), ["案卷得分", "问题／统计"])
    }

    func testSheetNameRules() {
        XCTAssertEqual(SheetName.sanitise("a[b]c:d*e?f/g\\h"), "a［b］c：d＊e？f／g＼h")
        XCTAssertEqual(SheetName.sanitise(String(repeating: "长", count: 40)), String(repeating: "长", count: 31))
        XCTAssertEqual(SheetName.sanitise("'引号'"), "引号")
        XCTAssertEqual(SheetName.sanitise(""), "工作表")
        XCTAssertEqual(SheetName.sanitise("  "), "工作表")
        XCTAssertEqual(SheetName.sanitise("制表\u{0009}符"), "制表符")
        XCTAssertEqual(SheetName.sanitise("History"), "History_")
        // An emoji is two UTF-16 units: never cut in half.
        let emoji = SheetName.sanitise(String(repeating: "a", count: 30) + "😀")
        XCTAssertEqual(emoji, String(repeating: "a", count: 30))
        XCTAssertEqual(SheetName.unique("案卷", taken: ["案卷"]), "案卷(2)")
        XCTAssertEqual(SheetName.unique("Sheet", taken: ["sheet", "sheet(2)"]), "Sheet(3)")
        let long = String(repeating: "x", count: 31)
        XCTAssertEqual(SheetName.unique(long, taken: [long]), String(repeating: "x", count: 28) + "(2)")
    }

    func testDuplicateSheetNamesBecomeUnique() throws {
        let path = temporaryFolder() + "/dup.xlsx"
        let book = try Workbook(path: path)
        let a = try book.addSheet("汇总", columns: [Column("A")])
        let b = try book.addSheet("汇总", columns: [Column("A")])
        let c = try book.addSheet("SUMMARY", columns: [Column("A")])
        let d = try book.addSheet("summary", columns: [Column("A")])
        XCTAssertEqual([a.name, b.name, c.name, d.name], ["汇总", "汇总(2)", "SUMMARY", "summary(2)"])
        try book.close()
        XCTAssertEqual(try XlsxPackage(path: path).sheetNames(), ["汇总", "汇总(2)", "SUMMARY", "summary(2)"])
    }

    func testRowLimitContinuesOnNewSheetWithTheHeader() throws {
        let path = temporaryFolder() + "/limit.xlsx"
        let book = try Workbook(path: path, rowLimit: 3)
        let sheet = try book.addSheet("案卷得分", columns: [Column("编号"), Column("得分", .integer)])
        let other = try book.addSheet("部门汇总", columns: [Column("部门")])
        for i in 1...5 { try sheet.append([.text("AJ-\(i)"), .integer(i)]) }
        try other.append(["市场监督管理局"])
        XCTAssertEqual(sheet.rowCount, 5)
        try book.close()

        let package = try XlsxPackage(path: path)
        XCTAssertEqual(try package.sheetNames(), ["案卷得分", "案卷得分(2)", "案卷得分(3)", "部门汇总"])
        var seen: [String] = []
        for n in 1...3 {
            let ws = try package.sheet(n)
            XCTAssertEqual(ws.value("A1"), "编号")
            XCTAssertEqual(ws.value("B1"), "得分")
            XCTAssertEqual(ws.rows.map { $0.attr("r") }, n < 3 ? ["1", "2", "3"] : ["1", "2"])
            XCTAssertEqual(ws.document.firstElement("autoFilter")?.attr("ref"), n < 3 ? "A1:B3" : "A1:B2")
            XCTAssertNotNil(ws.document.firstElement("pane"))
            for r in 2...3 { if let v = ws.value("A\(r)") { seen.append(v) } }
        }
        XCTAssertEqual(seen, ["AJ-1", "AJ-2", "AJ-3", "AJ-4", "AJ-5"])
        XCTAssertEqual(try package.sheet(4).value("A2"), "市场监督管理局")
        let filters = try package.xml("xl/workbook.xml").elements("definedName").filter { $0.attr("name") == "_xlnm._FilterDatabase" }
        XCTAssertEqual(filters.map { $0.stringValue ?? "" },
                       ["'案卷得分'!$A$1:$B$3", "'案卷得分(2)'!$A$1:$B$3", "'案卷得分(3)'!$A$1:$B$2", "'部门汇总'!$A$1:$A$2"])
    }

    func testNothingAtThePathBeforeClose() throws {
        let folder = temporaryFolder()
        let path = folder + "/scores.xlsx"
        let book = try Workbook(path: path)
        let sheet = try book.addSheet("案卷得分", columns: [Column("编号")])
        for i in 0..<1000 { try sheet.append([.text("AJ-\(i)")]) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        try book.close()
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        // The working folder is gone: only the workbook is left.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["scores.xlsx"])
        XCTAssertThrowsError(try sheet.append([.text("late")]))
        XCTAssertThrowsError(try book.addSheet("late", columns: [Column("x")]))
        XCTAssertThrowsError(try book.close())
    }

    func testAnUnclosedWorkbookLeavesNothingAndKeepsTheOldFile() throws {
        let folder = temporaryFolder()
        let path = folder + "/scores.xlsx"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        do {
            let book = try Workbook(path: path)
            let sheet = try book.addSheet("案卷得分", columns: [Column("编号")])
            try sheet.append(["AJ-1"])
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["scores.xlsx"])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), Data("old".utf8))
    }

    func testAMissingFolderIsReported() {
        XCTAssertThrowsError(try Workbook(path: "/nonexistent-pingcha-folder/x.xlsx")) { error in
            guard case PingchaError.unwritable = error else { return XCTFail("\(error)") }
        }
    }

    func testSameInputGivesSameBytes() throws {
        let folder = temporaryFolder()
        try SampleWorkbook.write(to: folder + "/a.xlsx")
        try SampleWorkbook.write(to: folder + "/b.xlsx")
        let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/a.xlsx"))
        let b = try Data(contentsOf: URL(fileURLWithPath: folder + "/b.xlsx"))
        XCTAssertFalse(a.isEmpty)
        XCTAssertEqual(a, b)
    }

    func testAWorkbookWithoutSheetsStillHasOne() throws {
        let path = temporaryFolder() + "/empty.xlsx"
        try Workbook(path: path).close()
        let package = try XlsxPackage(path: path)
        XCTAssertEqual(try package.sheetNames(), ["工作表"])
        XCTAssertNoThrow(try package.xml("xl/worksheets/sheet1.xml"))
        XCTAssertNoThrow(try package.xml("xl/workbook.xml"))
    }

    func testZipPackageJoinsPieces() throws {
        let folder = temporaryFolder()
        let big = String(repeating: "行", count: 200_000)  // several of the zip's chunks
        try Data(big.utf8).write(to: URL(fileURLWithPath: folder + "/middle.txt"))
        try Data().write(to: URL(fileURLWithPath: folder + "/empty.txt"))
        let zip = try ZipPackage(path: folder + "/p.zip")
        try zip.add("joined.txt", pieces: [.data(Data("头".utf8)), .file(folder + "/empty.txt"), .data(Data()),
                                           .file(folder + "/middle.txt"), .data(Data("尾".utf8))])
        try zip.add("plain.txt", text: "纯文本")
        try zip.add("file.txt", contentsOf: folder + "/middle.txt")
        XCTAssertThrowsError(try zip.add("missing.txt", pieces: [.file(folder + "/nope.txt")]))
        try zip.finish()
        let package = try XlsxPackage(path: folder + "/p.zip")
        XCTAssertEqual(package.text("joined.txt"), "头" + big + "尾")
        XCTAssertEqual(package.text("plain.txt"), "纯文本")
        XCTAssertEqual(package.text("file.txt"), big)
        XCTAssertThrowsError(try zip.add("late.txt", text: "写完之后"))
    }

    /// Pieces compressed elsewhere (a worksheet's rows, on the thread that wrote them) join
    /// the texts around them into one valid stream, whatever their place in the part.
    func testPiecesCompressedElsewhereJoinTheirNeighbours() throws {
        let folder = temporaryFolder()
        func deflated(_ name: String, _ text: String, chunks: Int) throws -> ZipPackage.DeflatedPiece {
            let file = try DeflatedFile(path: folder + "/" + name)
            for _ in 0..<chunks { try file.write(Array(text.utf8)) }
            return try file.finish()
        }
        let rows = try deflated("rows", "<row>第一行</row>", chunks: 50_000)
        let more = try deflated("more", "<row>第二段</row>", chunks: 3)
        let none = try deflated("none", "", chunks: 0)
        XCTAssertEqual(rows.uncompressedSize, Int64("<row>第一行</row>".utf8.count * 50_000))
        let zip = try ZipPackage(path: folder + "/p.zip")
        try zip.add("middle.xml", pieces: [.data(Data("<head>".utf8)), .deflated(rows), .data(Data("</head>".utf8))])
        try zip.add("end.xml", pieces: [.data(Data("头".utf8)), .deflated(more), .deflated(none)])
        try zip.add("alone.xml", pieces: [.deflated(more)])
        try zip.finish()
        let package = try XlsxPackage(path: folder + "/p.zip")
        XCTAssertEqual(package.order, ["middle.xml", "end.xml", "alone.xml"])
        XCTAssertEqual(package.text("middle.xml"), "<head>" + String(repeating: "<row>第一行</row>", count: 50_000) + "</head>")
        XCTAssertEqual(package.text("end.xml"), "头" + String(repeating: "<row>第二段</row>", count: 3))
        XCTAssertEqual(package.text("alone.xml"), String(repeating: "<row>第二段</row>", count: 3))
    }

    /// Writes the sample for scripts/render/xlsx.sh when PINGCHA_XLSX_SAMPLE names a path;
    /// skipped otherwise.
    func testWriteSampleWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["PINGCHA_XLSX_SAMPLE"], !path.isEmpty else {
            throw XCTSkip("PINGCHA_XLSX_SAMPLE not set")
        }
        try SampleWorkbook.write(to: path)
    }
}
