import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PingchaDocuments
import PingchaModel
@testable import PingchaXlsx
import XCTest

/// Charts in a workbook: the drawing and chart parts, their content types and relationships,
/// the cells the series refer to and the figures they cache, numbering across sheets.
final class XlsxChartTests: XCTestCase {
    static let departments = ["市场监督管理局", "公安局", "城市管理综合行政执法局"]
    static let rates = [0.98, 0.912, 0.855]

    /// 部门汇总 with two charts, 问题 with one, and a sheet without any between them.
    private func written() throws -> XlsxPackage {
        let path = temporaryFolder() + "/charts.xlsx"
        let book = try Workbook(path: path, title: "图表")
        let summary = try book.addSheet("部门汇总", columns: [
            Column("名次", .integer), Column("行政执法主体"), Column("平均分", .decimal(places: 1)), Column("合格率", .percent(places: 1)),
        ])
        for (i, name) in Self.departments.enumerated() {
            try summary.append([.integer(i + 1), .text(name), .number(90 - Double(i) * 4), .percent(Self.rates[i])])
        }
        try summary.addChart(ChartSpace(kind: .bars(horizontal: true), title: "各行政执法主体平均分", categories: Self.departments,
                                        series: [.init(name: "平均分", values: [90, 86, 82])], numberFormat: "0.0", framed: true),
                             categoryColumn: 1, valueColumns: [2])
        let axis = ChartSpace.axisRange(around: Self.rates, within: 0...1, step: 0.05)
        try summary.addChart(ChartSpace(kind: .bars(horizontal: true), title: "各行政执法主体合格率", categories: Self.departments,
                                        series: [.init(name: "合格率", values: Self.rates)], numberFormat: "0.0%", axisNumberFormat: "0%",
                                        axisMinimum: axis.lowerBound, axisMaximum: axis.upperBound),
                             categoryColumn: 1, valueColumns: [3])
        let plain = try book.addSheet("说明", columns: [Column("说明")])
        try plain.append(["无图表"])
        let problems = try book.addSheet("问题", columns: [Column("问题"), Column("次数", .integer)])
        try problems.append(["三项制度", 258])
        try problems.append(["程序", 234])
        try problems.addChart(ChartSpace(kind: .bars(horizontal: true), title: "图9 各类问题数", categories: ["三项制度", "程序"],
                                         series: [.init(name: "次数", values: [258, 234])]),
                              categoryColumn: 0, valueColumns: [1])
        try book.close()
        return try XlsxPackage(path: path)
    }

    func testChartPartsAreListedTypedAndParse() throws {
        let package = try written()
        for part in ["xl/drawings/drawing1.xml", "xl/drawings/drawing2.xml", "xl/charts/chart1.xml", "xl/charts/chart2.xml",
                     "xl/charts/chart3.xml", "xl/worksheets/_rels/sheet1.xml.rels", "xl/worksheets/_rels/sheet3.xml.rels",
                     "xl/drawings/_rels/drawing1.xml.rels", "xl/drawings/_rels/drawing2.xml.rels"] {
            XCTAssertNotNil(package.parts[part], part)
        }
        XCTAssertNil(package.parts["xl/worksheets/_rels/sheet2.xml.rels"], "a sheet without charts has no drawing")
        for part in package.order { XCTAssertNoThrow(try package.xml(part), part) }

        let types = try package.xml("[Content_Types].xml")
        let overrides = Dictionary(uniqueKeysWithValues: types.elements("Override").map { ($0.attr("PartName")!, $0.attr("ContentType")!) })
        for n in 1...3 {
            XCTAssertEqual(overrides["/xl/charts/chart\(n).xml"], "application/vnd.openxmlformats-officedocument.drawingml.chart+xml")
        }
        for n in 1...2 {
            XCTAssertEqual(overrides["/xl/drawings/drawing\(n).xml"], "application/vnd.openxmlformats-officedocument.drawing+xml")
        }
        // Every part has a content type: an override, or the xml/rels default.
        for part in package.order where part != "[Content_Types].xml" {
            XCTAssertTrue(overrides["/" + part] != nil || part.hasSuffix(".rels") || part.hasSuffix(".xml"), part)
        }
    }

    func testRelationshipsRunFromSheetToDrawingToChart() throws {
        let package = try written()
        for (sheet, drawing, charts) in [(1, 1, [1, 2]), (3, 2, [3])] {
            let worksheet = try package.xml("xl/worksheets/sheet\(sheet).xml")
            let reference = try XCTUnwrap(worksheet.firstElement("drawing"))
            XCTAssertEqual(worksheet.rootElement()?.childNames.last, "drawing", "drawing comes last in CT_Worksheet")
            let sheetRels = try package.xml("xl/worksheets/_rels/sheet\(sheet).xml.rels").elements("Relationship")
            let toDrawing = try XCTUnwrap(sheetRels.first { $0.attr("Id") == reference.attr("r:id") })
            XCTAssertEqual(toDrawing.attr("Type"), "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing")
            XCTAssertEqual(toDrawing.attr("Target"), "../drawings/drawing\(drawing).xml")

            let drawingXML = try package.xml("xl/drawings/drawing\(drawing).xml")
            let anchors = drawingXML.elements("xdr:twoCellAnchor")
            XCTAssertEqual(anchors.count, charts.count)
            let drawingRels = try package.xml("xl/drawings/_rels/drawing\(drawing).xml.rels").elements("Relationship")
            for (anchor, chart) in zip(anchors, charts) {
                XCTAssertEqual(anchor.childNames, ["xdr:from", "xdr:to", "xdr:graphicFrame", "xdr:clientData"])
                let data = try XCTUnwrap(anchor.firstElement("a:graphicData"))
                XCTAssertEqual(data.attr("uri"), "http://schemas.openxmlformats.org/drawingml/2006/chart")
                let id = try XCTUnwrap(anchor.firstElement("c:chart")?.attr("r:id"))
                let rel = try XCTUnwrap(drawingRels.first { $0.attr("Id") == id })
                XCTAssertEqual(rel.attr("Type"), "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart")
                XCTAssertEqual(rel.attr("Target"), "../charts/chart\(chart).xml")
            }
        }
    }

    func testChartsSitUnderTheRowsOneBelowTheOther() throws {
        let anchors = try written().xml("xl/drawings/drawing1.xml").elements("xdr:twoCellAnchor")
        func row(_ a: XMLElement, _ end: String) -> Int { Int(a.firstElement(end)?.firstElement("xdr:row")?.stringValue ?? "") ?? -1 }
        // Four rows written (header and three departments): the first chart from row index 5.
        XCTAssertEqual(row(anchors[0], "xdr:from"), 5)
        XCTAssertGreaterThan(row(anchors[0], "xdr:to"), row(anchors[0], "xdr:from") + 5)
        XCTAssertGreaterThan(row(anchors[1], "xdr:from"), row(anchors[0], "xdr:to"))
    }

    func testSeriesReferTheCellsAndCacheTheirFigures() throws {
        let chart = try written().xml("xl/charts/chart2.xml")
        XCTAssertEqual(chart.rootElement()?.name, "c:chartSpace")
        XCTAssertEqual(chart.firstElement("c:barDir")?.attr("val"), "bar")
        let series = try XCTUnwrap(chart.firstElement("c:ser"))
        XCTAssertEqual(series.firstElement("c:tx")?.firstElement("c:f")?.stringValue, "'部门汇总'!$D$1")
        XCTAssertEqual(series.firstElement("c:tx")?.firstElement("c:v")?.stringValue, "合格率")
        let categories = try XCTUnwrap(series.firstElement("c:cat"))
        XCTAssertEqual(categories.firstElement("c:f")?.stringValue, "'部门汇总'!$B$2:$B$4")
        XCTAssertEqual(categories.firstElement("c:ptCount")?.attr("val"), "3")
        XCTAssertEqual(categories.elements("c:v").map(\.stringValue), Self.departments)
        let values = try XCTUnwrap(series.firstElement("c:val"))
        XCTAssertEqual(values.firstElement("c:f")?.stringValue, "'部门汇总'!$D$2:$D$4")
        XCTAssertEqual(values.firstElement("c:formatCode")?.stringValue, "0.0%")
        XCTAssertEqual(values.elements("c:v").compactMap { $0.stringValue.flatMap(Double.init) }, Self.rates)
        // The element order of CT_BarSer.
        XCTAssertEqual(series.childNames, ["c:idx", "c:order", "c:tx", "c:spPr", "c:invertIfNegative", "c:dLbls", "c:cat", "c:val"])
        // A rate axis around the figures (85.5 %–98 % → 80 %–100 %), labelled in whole percents.
        let axis = try XCTUnwrap(chart.firstElement("c:valAx"))
        XCTAssertEqual(axis.firstElement("c:min")?.attr("val"), "0.8")
        XCTAssertEqual(axis.firstElement("c:max")?.attr("val"), "1")
        XCTAssertEqual(axis.firstElement("c:numFmt")?.attr("formatCode"), "0%")
    }

    func testChartsAreNumberedAcrossTheWorkbook() throws {
        let package = try written()
        let titles = try (1...3).map { n in try package.xml("xl/charts/chart\(n).xml").firstElement("c:title")?.elements("a:t").map { $0.stringValue ?? "" }.joined() }
        // A number the caller gave is replaced: the workbook counts.
        XCTAssertEqual(titles, ["图1 各行政执法主体平均分", "图2 各行政执法主体合格率", "图3 各类问题数"])
        let names = try package.xml("xl/drawings/drawing1.xml").elements("xdr:cNvPr").map { $0.attr("descr") }
        XCTAssertEqual(names, ["图1 各行政执法主体平均分", "图2 各行政执法主体合格率"])
    }

    func testAxisRangeAroundTheFigures() {
        XCTAssertEqual(ChartSpace.axisRange(around: [0.72, 0.95], within: 0...1, step: 0.1), 0.6...1)
        XCTAssertEqual(ChartSpace.axisRange(around: [83.6, 97.4], within: 0...100, step: 5), 80...100)
        XCTAssertEqual(ChartSpace.axisRange(around: [0, 0.5], within: 0...1, step: 0.1), 0...0.6)
        XCTAssertEqual(ChartSpace.axisRange(around: [1, 1], within: 0...1, step: 0.1), 0.9...1)
        XCTAssertEqual(ChartSpace.axisRange(around: [], within: 0...1, step: 0.1), 0...1)
    }
}

/// Headers in two levels, a note over the header, wrapped columns and the print layout.
final class XlsxSheetOptionsTests: XCTestCase {
    func testTwoLevelHeaderMergesGroupsAndFreezesBothRows() throws {
        let path = temporaryFolder() + "/groups.xlsx"
        let book = try Workbook(path: path)
        let sheet = try book.addSheet("比较", columns: [
            Column("行政执法主体"), Column("案卷数", .integer, group: "2023年度"), Column("平均分", .decimal(places: 1), group: "2023年度"),
            Column("案卷数", .integer, group: "2025年度"), Column("平均分", .decimal(places: 1), group: "2025年度"), Column("结论"),
        ])
        try sheet.append(["公安局", 10, .decimal("90.5"), 12, .decimal("92.0"), "无明显变化"])
        try sheet.addChart(ChartSpace(kind: .bars(horizontal: true), title: "平均分", categories: ["公安局"],
                                      series: [.init(name: "2023年度", values: [90.5]), .init(name: "2025年度", values: [92])]),
                           categoryColumn: 0, valueColumns: [2, 4])
        try book.close()
        let package = try XlsxPackage(path: path)
        let ws = try package.sheet(1)
        XCTAssertEqual(ws.value("A1"), "行政执法主体")
        XCTAssertEqual(ws.value("B1"), "2023年度")
        XCTAssertEqual(ws.value("D1"), "2025年度")
        XCTAssertEqual(ws.value("B2"), "案卷数")
        XCTAssertEqual(ws.value("E2"), "平均分")
        XCTAssertNil(ws.value("A2"))
        XCTAssertEqual(ws.value("A3"), "公安局")
        XCTAssertEqual(ws.document.elements("mergeCell").map { $0.attr("ref") }, ["A1:A2", "B1:C1", "D1:E1", "F1:F2"])
        XCTAssertEqual(ws.document.firstElement("mergeCells")?.attr("count"), "4")
        XCTAssertEqual(ws.document.firstElement("pane")?.attr("ySplit"), "2")
        XCTAssertEqual(ws.document.firstElement("pane")?.attr("topLeftCell"), "A3")
        XCTAssertEqual(ws.document.firstElement("autoFilter")?.attr("ref"), "A2:F3")
        // Merged header cells keep the header style, so the fill and borders run across.
        XCTAssertEqual(ws.cell("C1")?.attr("s"), ws.cell("B1")?.attr("s"))
        let names = try package.xml("xl/workbook.xml").elements("definedName")
        XCTAssertTrue(names.contains { $0.attr("name") == "_xlnm.Print_Titles" && $0.stringValue == "'比较'!$1:$2" })
        XCTAssertTrue(names.contains { $0.attr("name") == "_xlnm._FilterDatabase" && $0.stringValue == "'比较'!$A$2:$F$3" })
        // One measure under two batches: each series is named by its batch's cell.
        let series = try package.xml("xl/charts/chart1.xml").elements("c:ser")
        XCTAssertEqual(series.map { $0.firstElement("c:tx")?.firstElement("c:f")?.stringValue }, ["'比较'!$B$1", "'比较'!$D$1"])
        XCTAssertEqual(series.map { $0.firstElement("c:val")?.firstElement("c:f")?.stringValue }, ["'比较'!$C$3", "'比较'!$E$3"])
        let schema = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "autoFilter", "mergeCells",
                      "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "drawing"]
        let order = try XCTUnwrap(ws.document.rootElement()).childNames
        XCTAssertEqual(order, schema.filter(order.contains))
    }

    func testANoteStandsOverTheHeaderAcrossTheColumns() throws {
        let path = temporaryFolder() + "/note.xlsx"
        let book = try Workbook(path: path)
        let note = "注意：本表含个人信息，仅供内部使用。"
        let sheet = try book.addSheet("退回记录", columns: [Column("行号", .integer), Column("原因"), Column("原始内容")],
                                      options: SheetOptions(note: note))
        try sheet.append([3, "缺少必填字段", "张三,13912345678"])
        try book.close()
        let package = try XlsxPackage(path: path)
        let ws = try package.sheet(1)
        XCTAssertEqual(ws.value("A1"), note)
        XCTAssertEqual(ws.value("A2"), "行号")
        XCTAssertEqual(ws.value("C3"), "张三,13912345678")
        XCTAssertEqual(ws.document.elements("mergeCell").map { $0.attr("ref") }, ["A1:C1"])
        XCTAssertEqual(ws.document.firstElement("pane")?.attr("ySplit"), "2")
        XCTAssertEqual(ws.document.firstElement("autoFilter")?.attr("ref"), "A2:C3")
        // The note wraps in bold dark red, and prints on every page with the header.
        let style = try XCTUnwrap(ws.cell("A1")?.attr("s").flatMap(Int.init))
        XCTAssertEqual(ws.styles.xfs[style].firstElement("alignment")?.attr("wrapText"), "1")
        let fonts = try package.xml("xl/styles.xml").firstElement("fonts")!.elements("font")
        let font = fonts[Int(ws.styles.xfs[style].attr("fontId")!)!]
        XCTAssertNotNil(font.firstElement("b"))
        XCTAssertEqual(font.firstElement("color")?.attr("rgb"), "FFC00000")
        let names = try package.xml("xl/workbook.xml").elements("definedName")
        XCTAssertTrue(names.contains { $0.attr("name") == "_xlnm.Print_Titles" && $0.stringValue == "'退回记录'!$1:$2" })
    }

    func testLongTextWrapsInAColumnOfBoundedWidthAndTheRowGrows() throws {
        let path = temporaryFolder() + "/wrap.xlsx"
        let book = try Workbook(path: path)
        let sheet = try book.addSheet("依据", columns: [Column("细则"), Column("依据", width: 20, wraps: true), Column("备注", wraps: true)])
        let basis = String(repeating: "《中华人民共和国行政处罚法》第四十四条", count: 3)
        try sheet.append(["PRO-03", .text(basis), "短"])
        try sheet.append(["PRO-04", "短", "短"])
        try book.close()
        let ws = try XlsxPackage(path: path).sheet(1)
        XCTAssertEqual(ws.widths[1], 20)
        XCTAssertLessThan(ws.widths[2], Column.wrapWidth, "a wrapping column with short text is fitted to it")
        let style = try XCTUnwrap(ws.cell("B2")?.attr("s").flatMap(Int.init))
        XCTAssertEqual(ws.styles.xfs[style].firstElement("alignment")?.attr("wrapText"), "1")
        // 57 characters at 2 widths each on lines of 18: seven lines of 15 points.
        let height = try XCTUnwrap(ws.rows[1].attr("ht").flatMap(Double.init))
        XCTAssertGreaterThanOrEqual(height, 6 * 15)
        XCTAssertEqual(ws.rows[1].attr("customHeight"), "1")
        XCTAssertNil(ws.rows[2].attr("ht"))
    }

    /// A sheet read a row at a time (``SheetOptions/fitsPageWidth``) is fitted to one landscape
    /// page width however wide: no key columns repeated, the header row on every page.
    func testASheetCanAskToFitThePageWidthWhateverItsWidth() throws {
        let path = temporaryFolder() + "/fitted.xlsx"
        let book = try Workbook(path: path)
        let wide = try book.addSheet("宽", columns: (1...14).map { Column("第\($0)列", width: 20, wraps: true) },
                                     options: SheetOptions(keyColumns: 2, fitsPageWidth: true))
        try wide.append(["A-1"])
        try book.close()
        let package = try XlsxPackage(path: path)
        let setup = try XCTUnwrap(package.sheet(1).document.firstElement("pageSetup"))
        XCTAssertEqual(setup.attr("orientation"), "landscape")
        XCTAssertEqual(setup.attr("fitToWidth"), "1")
        XCTAssertEqual(setup.attr("fitToHeight"), "0")
        XCTAssertEqual(try package.sheet(1).document.firstElement("pageSetUpPr")?.attr("fitToPage"), "1")
        let titles = try package.xml("xl/workbook.xml").elements("definedName").filter { $0.attr("name") == "_xlnm.Print_Titles" }
        XCTAssertEqual(titles.map(\.stringValue), ["'宽'!$1:$1"])
        XCTAssertEqual(PageLayout(widths: [200], alwaysFits: true).scale, 770.0 / 1050.0, accuracy: 1e-9)
        XCTAssertEqual(PageLayout(widths: [80], alwaysFits: true), PageLayout(widths: [80]))
    }

    func testNarrowSheetsFitThePageWidthAndWideOnesPrintAtFullSize() throws {
        let path = temporaryFolder() + "/print.xlsx"
        let book = try Workbook(path: path)
        _ = try book.addSheet("窄", columns: [Column("问题"), Column("次数", .integer)])
        let wide = try book.addSheet("宽", columns: (1...14).map { Column("第\($0)列", width: 20) }, options: SheetOptions(keyColumns: 2))
        try wide.append(["A-1"])
        let landscape = try book.addSheet("中", columns: (1...6).map { Column("第\($0)列", width: 25) })
        try landscape.append(["B"])
        try book.close()
        let package = try XlsxPackage(path: path)
        func setup(_ n: Int) throws -> XMLElement { try XCTUnwrap(package.sheet(n).document.firstElement("pageSetup")) }
        func fit(_ n: Int) throws -> String? { try package.sheet(n).document.firstElement("pageSetUpPr")?.attr("fitToPage") }
        XCTAssertEqual(try setup(1).attr("orientation"), "portrait")
        XCTAssertEqual(try setup(1).attr("fitToWidth"), "1")
        XCTAssertEqual(try fit(1), "1")
        // 280 widths ≈ 1470 pt: fitted, it would print below three quarters of its size.
        XCTAssertEqual(try setup(2).attr("orientation"), "landscape")
        XCTAssertNil(try setup(2).attr("fitToWidth"))
        XCTAssertEqual(try setup(2).attr("pageOrder"), "overThenDown")
        XCTAssertEqual(try fit(2), "0")
        // 150 widths ≈ 790 pt: landscape, fitted at about 97 %.
        XCTAssertEqual(try setup(3).attr("orientation"), "landscape")
        XCTAssertEqual(try setup(3).attr("fitToWidth"), "1")
        let titles = try package.xml("xl/workbook.xml").elements("definedName").filter { $0.attr("name") == "_xlnm.Print_Titles" }
        XCTAssertEqual(titles.map(\.stringValue), ["'窄'!$1:$1", "'宽'!$A:$B,'宽'!$1:$1", "'中'!$1:$1"])
        XCTAssertEqual(PageLayout(widths: [200]), PageLayout(landscape: true, fitsWidth: false))
    }

    func testAChartThatWouldNotFitUnderTheRowsStartsAPage() throws {
        let path = temporaryFolder() + "/breaks.xlsx"
        let book = try Workbook(path: path)
        let sheet = try book.addSheet("部门", columns: [Column("部门"), Column("案卷数", .integer)])
        let names = (1...20).map { "部门\($0)" }
        for (i, name) in names.enumerated() { try sheet.append([.text(name), .integer(i)]) }
        for title in ["甲", "乙"] {
            try sheet.addChart(ChartSpace(kind: .bars(horizontal: true), title: title, categories: names,
                                          series: [.init(name: "案卷数", values: names.indices.map(Double.init))]),
                               categoryColumn: 0, valueColumns: [1])
        }
        try book.close()
        let package = try XlsxPackage(path: path)
        let breaks = try package.sheet(1).document.elements("brk").compactMap { $0.attr("id").flatMap(Int.init) }
        let starts = try package.xml("xl/drawings/drawing1.xml").elements("xdr:from").compactMap { $0.firstElement("xdr:row")?.stringValue.flatMap(Int.init) }
        // 21 rows and a 17.8 cm chart exceed a portrait page: each chart starts one.
        XCTAssertEqual(breaks, starts)
        XCTAssertEqual(try package.sheet(1).document.firstElement("rowBreaks")?.attr("manualBreakCount"), "2")
    }
}
