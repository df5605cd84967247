import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PingchaDocuments
import PingchaDocx
import XCTest

private extension XMLNode {
    /// Names of the direct child elements.
    var childNames: [String] { (children ?? []).compactMap { ($0 as? XMLElement)?.name } }
}

/// Charts in the DOCX as native Word charts: a chart part each, its content type and
/// relationship, the inline drawing that places it, the figures it caches, its caption.
final class DocxChartTests: XCTestCase {
    override class func tearDown() {
        removeTemporaryFiles()
        super.tearDown()
    }

    static let grades = BarChart(title: "图1 评查等次分布（件）", bars: [
        .init(label: "优秀", value: 1348, caption: "1348（93.9%）"), .init(label: "合格", value: 6, caption: "6（0.4%）"),
        .init(label: "不合格", value: 82, caption: "82（5.7%）"),
    ])
    static let scores = IntervalChart(title: "图2 各行政执法主体平均分及其 95% 置信区间", points: [
        .init(label: "市场监督管理局", value: 97.4, low: 95.5, high: 99.1, caption: "97.4"),
        .init(label: "城市管理综合行政执法局", value: 85.6, low: 81.2, high: 90, caption: "85.6"),
    ], axisMinimum: 70, axisMaximum: 100, reference: 93)
    static let trend = TrendChart(title: "图3 平均分变化", points: ["2023年度", "2025年度"], series: [
        .init(label: "公安局", values: [95.7, 97]), .init(label: "水利局", values: [nil, 94.4]),
    ], axisMinimum: 80, axisMaximum: 100)

    private func written() throws -> DocxPackage {
        let document = OfficialDocument(title: "通报", blocks: [
            .text("等次分布见下图。"), .chart(.bars(Self.grades)), .heading(level: 1, text: "二、各部门"),
            .chart(.intervals(Self.scores)), .pageBreak, .chart(.trend(Self.trend)), .text("完。"),
        ])
        let path = temporaryPath("charts.docx")
        try DocxWriter.write(document, to: path)
        return try DocxPackage(path: path)
    }

    func testAChartPartPerChartWithItsContentTypeAndRelationship() throws {
        let package = try written()
        let charts = (1...3).map { "word/charts/chart\($0).xml" }
        XCTAssertEqual(package.order.filter { $0.hasPrefix("word/charts/chart") }, charts)
        for part in package.order where !part.hasSuffix(".xlsx") { XCTAssertNoThrow(try package.xml(part), part) }

        let types = try package.xml("[Content_Types].xml").elements("Override")
        for chart in charts {
            XCTAssertEqual(types.first { $0.attr("PartName") == "/" + chart }?.attr("ContentType"),
                           "application/vnd.openxmlformats-officedocument.drawingml.chart+xml")
        }
        let rels = try package.xml("word/_rels/document.xml.rels").elements("Relationship")
        let references = try package.xml("word/document.xml").elements("c:chart").compactMap { $0.attr("r:id") }
        XCTAssertEqual(references.count, 3)
        for (n, id) in references.enumerated() {
            let rel = try XCTUnwrap(rels.first { $0.attr("Id") == id })
            XCTAssertEqual(rel.attr("Type"), "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart")
            XCTAssertEqual(rel.attr("Target"), "charts/chart\(n + 1).xml")
        }
        XCTAssertEqual(Set(rels.compactMap { $0.attr("Id") }).count, rels.count, "relationship ids are unique")
    }

    func testEachChartIsAnInlineDrawingWithItsCaptionUnderIt() throws {
        let document = try written().xml("word/document.xml")
        let body = try XCTUnwrap(document.firstElement("w:body"))
        let paragraphs = (body.children ?? []).compactMap { $0 as? XMLElement }
        let drawings = paragraphs.indices.filter { !paragraphs[$0].elements("w:drawing").isEmpty }
        XCTAssertEqual(drawings.count, 3)
        for (i, at) in drawings.enumerated() {
            let p = paragraphs[at]
            let inline = try XCTUnwrap(p.firstElement("wp:inline"))
            XCTAssertEqual(inline.childNames, ["wp:extent", "wp:effectExtent", "wp:docPr", "wp:cNvGraphicFramePr", "a:graphic"])
            // The full width of the 156 mm type area.
            XCTAssertEqual(inline.firstElement("wp:extent")?.attr("cx"), String((11906 - 1587 - 1474) * 635))
            XCTAssertEqual(inline.firstElement("wp:docPr")?.attr("id"), String(i + 1))
            XCTAssertEqual(p.firstElement("a:graphicData")?.attr("uri"), "http://schemas.openxmlformats.org/drawingml/2006/chart")
            XCTAssertNotNil(p.firstElement("w:keepNext"), "kept with its caption")
            XCTAssertEqual(p.firstElement("w:jc")?.attr("w:val"), "center")
            let caption = paragraphs[at + 1]
            XCTAssertEqual(caption.firstElement("w:pStyle")?.attr("w:val"), "Caption")
            XCTAssertEqual(caption.wordText, [Self.grades.title, Self.scores.title, Self.trend.title][i])
        }
        // The page break before the third chart starts its page.
        XCTAssertNotNil(paragraphs[drawings[2]].firstElement("w:pageBreakBefore"))
        // The alternative text carries the figures.
        XCTAssertTrue(paragraphs[drawings[0]].firstElement("wp:docPr")?.attr("descr")?.contains("不合格 82（5.7%）") == true)
    }

    /// Each chart's figures are also in a workbook embedded beside it, laid out where the
    /// chart's formulas point, so that Word's "编辑数据" opens them.
    func testEachChartHasItsFiguresInAnEmbeddedWorkbookWhereItsFormulasPoint() throws {
        let package = try written()
        XCTAssertEqual(try package.xml("[Content_Types].xml").elements("Default").first { $0.attr("Extension") == "xlsx" }?.attr("ContentType"),
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        for n in 1...3 {
            let rel = try XCTUnwrap(package.xml("word/charts/_rels/chart\(n).xml.rels").elements("Relationship").first)
            XCTAssertEqual(rel.attr("Type"), "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package")
            XCTAssertEqual(rel.attr("Target"), "../embeddings/Microsoft_Excel_Worksheet\(n).xlsx")
            let chart = try package.xml("word/charts/chart\(n).xml")
            XCTAssertEqual(chart.firstElement("c:externalData")?.attr("r:id"), rel.attr("Id"))
            XCTAssertEqual(chart.firstElement("c:autoUpdate")?.attr("val"), "0")
        }
        // The bars: the series' name over column B, the categories in A, the figures beside them.
        let path = temporaryPath("chart1.xlsx")
        try XCTUnwrap(package.parts["word/embeddings/Microsoft_Excel_Worksheet1.xlsx"]).write(to: URL(fileURLWithPath: path))
        let workbook = try DocxPackage(path: path)
        XCTAssertEqual(workbook.order, ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"])
        let cells = try workbook.xml("xl/worksheets/sheet1.xml").elements("c").map { cell in
            (cell.attr("r") ?? "", cell.firstElement("t")?.stringValue ?? cell.firstElement("v")?.stringValue ?? "")
        }
        XCTAssertEqual(cells.map { "\($0.0)=\($0.1)" }, ["B1=评查等次分布（件）", "A2=优秀", "B2=1348", "A3=合格", "B3=6", "A4=不合格", "B4=82"])
        let chart = try package.xml("word/charts/chart1.xml")
        XCTAssertEqual(chart.elements("c:f").map(\.stringValue), ["Sheet1!$B$1", "Sheet1!$A$2:$A$4", "Sheet1!$B$2:$B$4"])
        // Two series with a gap: the missing figure is an empty cell, as in the chart's cache.
        try XCTUnwrap(package.parts["word/embeddings/Microsoft_Excel_Worksheet3.xlsx"]).write(to: URL(fileURLWithPath: path))
        let trend = try DocxPackage(path: path).xml("xl/worksheets/sheet1.xml").elements("c").map { $0.attr("r") ?? "" }
        XCTAssertEqual(trend, ["B1", "C1", "A2", "B2", "A3", "B3", "C3"])
    }

    func testBarsCacheTheirFiguresAndCaptions() throws {
        let chart = try written().xml("word/charts/chart1.xml")
        XCTAssertEqual(chart.rootElement()?.name, "c:chartSpace")
        XCTAssertEqual(chart.rootElement()?.childNames, ["c:date1904", "c:lang", "c:roundedCorners", "c:chart", "c:spPr", "c:txPr", "c:externalData"])
        // The caption under the figure is its title: none inside the chart.
        XCTAssertEqual(chart.firstElement("c:chart")?.childNames, ["c:autoTitleDeleted", "c:plotArea", "c:plotVisOnly", "c:dispBlanksAs"])
        XCTAssertEqual(chart.firstElement("c:autoTitleDeleted")?.attr("val"), "1")
        // Three short labels: columns.
        XCTAssertEqual(chart.firstElement("c:barDir")?.attr("val"), "col")
        let series = try XCTUnwrap(chart.firstElement("c:ser"))
        XCTAssertEqual(series.firstElement("c:cat")?.elements("c:v").map(\.stringValue), ["优秀", "合格", "不合格"])
        XCTAssertEqual(series.firstElement("c:val")?.elements("c:v").map(\.stringValue), ["1348", "6", "82"])
        XCTAssertEqual(series.firstElement("c:tx")?.firstElement("c:v")?.stringValue, "评查等次分布（件）")
        let labels = series.elements("c:dLbl").map { $0.elements("a:t").map { $0.stringValue ?? "" }.joined() }
        XCTAssertEqual(labels, ["1348（93.9%）", "6（0.4%）", "82（5.7%）"])
        let plot = try XCTUnwrap(chart.firstElement("c:plotArea"))
        XCTAssertEqual(plot.childNames, ["c:layout", "c:barChart", "c:catAx", "c:valAx"])
        // Both axes name each other.
        let ids = plot.firstElement("c:barChart")!.elements("c:axId").compactMap { $0.attr("val") }
        XCTAssertEqual(plot.firstElement("c:catAx")?.firstElement("c:crossAx")?.attr("val"), ids[1])
        XCTAssertEqual(plot.firstElement("c:valAx")?.firstElement("c:crossAx")?.attr("val"), ids[0])
    }

    func testIntervalsAreBarsWithTheirIntervalAsErrorBars() throws {
        let chart = try written().xml("word/charts/chart2.xml")
        XCTAssertEqual(chart.firstElement("c:barDir")?.attr("val"), "bar")
        // Read top-down in the table's order.
        XCTAssertEqual(chart.firstElement("c:catAx")?.firstElement("c:orientation")?.attr("val"), "maxMin")
        let errors = try XCTUnwrap(chart.firstElement("c:errBars"))
        XCTAssertEqual(errors.firstElement("c:errValType")?.attr("val"), "cust")
        let plus = errors.firstElement("c:plus")?.elements("c:v").compactMap { $0.stringValue.flatMap(Double.init) } ?? []
        let minus = errors.firstElement("c:minus")?.elements("c:v").compactMap { $0.stringValue.flatMap(Double.init) } ?? []
        XCTAssertEqual(plus.count, 2)
        XCTAssertEqual(plus[0], 1.7, accuracy: 1e-9)
        XCTAssertEqual(minus[1], 4.4, accuracy: 1e-9)
        let axis = try XCTUnwrap(chart.firstElement("c:valAx"))
        // Bars start at zero, whatever narrower axis the chart gives its points.
        XCTAssertEqual(axis.firstElement("c:min")?.attr("val"), "0")
        XCTAssertEqual(axis.firstElement("c:max")?.attr("val"), "100")
        XCTAssertEqual(chart.firstElement("c:ser")?.childNames,
                       ["c:idx", "c:order", "c:tx", "c:spPr", "c:invertIfNegative", "c:dLbls", "c:errBars", "c:cat", "c:val"])
    }

    func testATrendIsALinePerSeriesWithGapsForMissingFigures() throws {
        let chart = try written().xml("word/charts/chart3.xml")
        let series = chart.elements("c:ser")
        XCTAssertNotNil(chart.firstElement("c:lineChart"))
        XCTAssertEqual(series.map { $0.firstElement("c:tx")?.firstElement("c:v")?.stringValue }, ["公安局", "水利局"])
        // 水利局 has no figure for 2023: the point is left out of the cache.
        let second = try XCTUnwrap(series.last?.firstElement("c:numCache"))
        XCTAssertEqual(second.firstElement("c:ptCount")?.attr("val"), "2")
        XCTAssertEqual(second.elements("c:pt").map { $0.attr("idx") }, ["1"])
        XCTAssertNotNil(chart.firstElement("c:legend"), "several series need a legend")
        XCTAssertEqual(chart.firstElement("c:dispBlanksAs")?.attr("val"), "gap")
    }

    func testHostileTextIsEscapedAndTheSameChartGivesTheSameBytes() throws {
        let hostile = "A & B <c> \"引号\" 控制\u{0001}字符"
        let chart = Chart.bars(BarChart(title: hostile, bars: [.init(label: hostile, value: 1, caption: hostile)]))
        let document = OfficialDocument(title: "t", blocks: [.chart(chart)])
        let first = temporaryPath("hostile1.docx"), second = temporaryPath("hostile2.docx")
        try DocxWriter.write(document, to: first)
        try DocxWriter.write(document, to: second)
        let package = try DocxPackage(path: first)
        XCTAssertNoThrow(try package.xml("word/charts/chart1.xml"))
        XCTAssertNoThrow(try package.xml("word/document.xml"))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: first)), try Data(contentsOf: URL(fileURLWithPath: second)))
    }

    func testADocumentWithoutChartsHasNoChartParts() throws {
        let path = temporaryPath("plain.docx")
        try DocxWriter.write(OfficialDocument(title: "t", blocks: [.text("正文")]), to: path)
        let package = try DocxPackage(path: path)
        XCTAssertFalse(package.order.contains { $0.contains("chart") })
        XCTAssertFalse(package.text("[Content_Types].xml").contains("chart"))
    }

    func testFiguresAreNumberedInOrder() {
        let document = OfficialDocument(title: "t", blocks: [
            .chart(.bars(BarChart(title: "等次", bars: []))), .text("x"), .chart(.bars(BarChart(title: "图7 问题", bars: []))),
        ]).numberingFigures()
        let titles = document.blocks.compactMap { if case .chart(let c) = $0 { c.title } else { nil } }
        XCTAssertEqual(titles, ["图1 等次", "图2 问题"])
    }
}
