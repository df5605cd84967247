import Foundation
import PingchaDocuments
@testable import PingchaHtml
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

final class HTMLRendererTests: XCTestCase {
    private let hostile = "<script>alert(1)</script> & \"quotes\" 'apostrophes'"

    /// Every block kind and all three chart kinds, with hostile text in every place text goes.
    private var everything: OfficialDocument {
        var document = SampleDocument.document
        document.recipients = hostile
        document.blocks.append(.heading(level: 2, text: hostile))
        document.blocks.append(.paragraph([Run(hostile), Run(hostile, strong: true)]))
        document.blocks.append(.table(Table(caption: hostile, header: [hostile, "数"], rows: [[hostile, "1"]],
                                            alignments: [.leading, .trailing])))
        document.blocks.append(.chart(.bars(BarChart(title: hostile, bars: [.init(label: hostile, value: 1, caption: hostile)]))))
        return document
    }

    private var chartCount: Int {
        everything.blocks.filter { if case .chart = $0 { true } else { false } }.count
    }

    func testStartsAsAnHTML5Page() {
        let html = HTMLRenderer.render(SampleDocument.document)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        XCTAssertTrue(html.contains("<meta charset=\"utf-8\"/>"))
        XCTAssertTrue(html.contains("<title>关于2025年度全市行政执法案卷评查情况的通报</title>"))
        XCTAssertTrue(html.hasSuffix("</html>\n"))
    }

    func testParsesAsXML() throws {
        let document = try XMLTree.parse(HTMLRenderer.render(everything))
        XCTAssertEqual(document.rootElement()?.name, "html")
        XCTAssertEqual(XMLTree.elements(named: "title", in: document).first?.stringValue,
                       "关于2025年度全市行政执法案卷评查情况的通报")
        XCTAssertEqual(XMLTree.elements(named: "h1", in: document).count, 1)
        // Every heading level comes out one below the title.
        XCTAssertFalse(XMLTree.elements(named: "h2", in: document).isEmpty)
        XCTAssertFalse(XMLTree.elements(named: "h3", in: document).isEmpty)
        XCTAssertFalse(XMLTree.elements(named: "h4", in: document).isEmpty)
        XCTAssertEqual(XMLTree.elements(named: "strong", in: document).count, 3)
        XCTAssertEqual(XMLTree.elements(named: "div", in: document).filter { XMLTree.hasClass("page-break", $0) }.count, 1)
    }

    func testOneSVGPerChartBlockInAFigureWithItsTitle() throws {
        let html = HTMLRenderer.render(everything)
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, chartCount)
        let document = try XMLTree.parse(html)
        let figures = XMLTree.elements(named: "figure", in: document)
        XCTAssertEqual(figures.count, chartCount)
        for figure in figures {
            XCTAssertEqual(XMLTree.elements(named: "svg", in: figure).count, 1)
            XCTAssertEqual(XMLTree.elements(named: "figcaption", in: figure).count, 1)
        }
        XCTAssertEqual(XMLTree.elements(named: "figcaption", in: document).first?.stringValue, "图1 案卷评查等次分布")
        XCTAssertEqual(XMLTree.elements(named: "svg", in: document).count, chartCount)
    }

    func testSelfContained() {
        let html = HTMLRenderer.render(everything)
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertFalse(html.contains("<link"))
        XCTAssertFalse(html.contains("<img"))
        XCTAssertFalse(html.contains("url("))
        XCTAssertFalse(html.contains("@import"))
        let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        XCTAssertFalse(withoutNamespace.contains("http://"))
        XCTAssertFalse(withoutNamespace.contains("https://"))
    }

    func testTextIsEscapedEverywhere() throws {
        let html = HTMLRenderer.render(everything)
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &apos;apostrophes&apos;"))
        // And it reads back as the original text in each place it was put.
        let document = try XMLTree.parse(html)
        for place in ["p", "h3", "strong", "caption", "th", "td", "figcaption", "title", "text"] {
            XCTAssertTrue(XMLTree.elements(named: place, in: document).contains { $0.stringValue == hostile }, place)
        }
        // The chart's text version too.
        XCTAssertTrue(XMLTree.elements(named: "desc", in: document).contains { $0.stringValue?.contains(hostile) ?? false })
    }

    func testPrintsOnA4WithTheStandardMargins() {
        let html = HTMLRenderer.render(SampleDocument.document)
        XCTAssertTrue(html.contains("size: A4;"))
        XCTAssertTrue(html.contains("margin: 37mm 26mm 35mm 28mm;"))
        XCTAssertTrue(html.contains("display: table-header-group"))
        XCTAssertTrue(html.contains(".page-break {\n  break-before: page;"))
    }

    func testTablesHaveAHeaderAndRightAlignedFigures() throws {
        let document = try XMLTree.parse(HTMLRenderer.render(SampleDocument.document))
        let table = try XCTUnwrap(XMLTree.elements(named: "table", in: document).first)
        XCTAssertEqual(XMLTree.elements(named: "caption", in: table).first?.stringValue, "表1 2025年度各部门行政执法案卷评查结果")
        let thead = try XCTUnwrap(XMLTree.elements(named: "thead", in: table).first)
        XCTAssertEqual(XMLTree.elements(named: "th", in: thead).count, 8)
        let rows = XMLTree.elements(named: "tr", in: XMLTree.elements(named: "tbody", in: table)[0])
        XCTAssertEqual(rows.count, 8)
        let cells = XMLTree.elements(named: "td", in: rows[0])
        XCTAssertEqual(cells.map { XMLTree.attribute("class", of: $0) },
                       ["align-center", nil, "align-right", "align-right", "align-right", "align-right", "align-right", "align-right"])
        XCTAssertEqual(cells[1].stringValue, "市场监督管理局")
    }

    func testShortRowsArePaddedToTheHeader() throws {
        let table = Table(header: ["a", "b", "c"], rows: [["1"]], alignments: [.leading, .trailing])
        let html = HTMLRenderer.render(OfficialDocument(title: "t", blocks: [.table(table)]))
        XCTAssertTrue(html.contains("<tr><td>1</td><td class=\"align-right\"></td><td></td></tr>"))
    }

    func testMastheadAndSignature() throws {
        let document = try XMLTree.parse(HTMLRenderer.render(SampleDocument.document))
        let paragraphs = XMLTree.elements(named: "p", in: document)
        func text(ofClass c: String) -> String? { paragraphs.first { XMLTree.hasClass(c, $0) }?.stringValue }
        XCTAssertEqual(text(ofClass: "issuer"), "克拉玛依市司法局")
        XCTAssertEqual(text(ofClass: "document-number"), "克司通〔2025〕3号")
        XCTAssertEqual(text(ofClass: "recipients"), "各行政执法部门：")
        XCTAssertEqual(text(ofClass: "organisation"), "克拉玛依市司法局")
        XCTAssertEqual(text(ofClass: "date"), "2025年12月1日")
    }

    func testNoMastheadWithoutIssuerOrNumber() {
        let html = HTMLRenderer.render(OfficialDocument(title: "标题"))
        XCTAssertFalse(html.contains("class=\"masthead\""))
        XCTAssertFalse(html.contains("class=\"signature\""))
    }

    func testLongIssuerIsSetSmallerToStayOnOneLine() {
        XCTAssertEqual(HTMLRenderer.issuerStyle("克拉玛依市司法局"), "")
        let long = HTMLRenderer.issuerStyle("克拉玛依市全面依法治市委员会办公室克拉玛依市司法局")
        XCTAssertTrue(long.hasPrefix(" style=\"--issuer-size: 1."), long)
    }

    func testLineBreaksInTextBecomeBrElements() {
        let html = HTMLRenderer.render(OfficialDocument(title: "t", blocks: [.text("第一行\n第二行")]))
        XCTAssertTrue(html.contains("<p>第一行<br/>第二行</p>"))
    }

    func testOptions() throws {
        let html = HTMLRenderer.render(SampleDocument.document,
                                       options: HTMLOptions(language: "en", extraCSS: "a > b { x: 1 } </style><script>", generator: nil))
        XCTAssertTrue(html.contains("<html lang=\"en\">"))
        XCTAssertFalse(html.contains("name=\"generator\""))
        XCTAssertFalse(html.contains("</style><script>"))
        XCTAssertTrue(html.contains("a > b { x: 1 }"))
        _ = try XMLTree.parse(html)
        XCTAssertTrue(HTMLRenderer.render(SampleDocument.document).contains("<meta name=\"generator\" content=\"Pingcha\"/>"))
    }

    func testDeterministic() {
        let first = HTMLRenderer.render(everything)
        for _ in 0..<3 { XCTAssertEqual(HTMLRenderer.render(everything), first) }
    }

    /// Writes the sample to the path in PINGCHA_HTML_SAMPLE, for scripts/render/html.sh and
    /// for looking at; skipped without it.
    func testWriteSampleWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["PINGCHA_HTML_SAMPLE"], !path.isEmpty else {
            throw XCTSkip("PINGCHA_HTML_SAMPLE not set")
        }
        try HTMLRenderer.render(SampleDocument.document).write(toFile: path, atomically: true, encoding: .utf8)
    }
}
