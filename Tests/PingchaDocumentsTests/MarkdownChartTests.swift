import XCTest
@testable import PingchaDocuments

/// Charts in bulletin.md: an image link to the drawing written beside it, under its caption, in
/// the order the charts appear (body, then attachments); without drawings nothing is written.
final class MarkdownChartTests: XCTestCase {
    let grades = Chart.bars(BarChart(title: "图1 评查等次分布（件）", bars: [.init(label: "优秀", value: 3, caption: "3")]))
    let scores = Chart.bars(BarChart(title: "图2 各部门*平均分*", bars: [.init(label: "水利局", value: 90, caption: "90")]))

    var document: OfficialDocument {
        var d = OfficialDocument(title: "通报", blocks: [.text("各等次见下图。"), .chart(grades), .text("后文。")])
        d.attachments = [Attachment(title: "附表", blocks: [.chart(scores)])]
        return d
    }

    func testEachChartIsAnImageLinkUnderItsCaptionInOrder() {
        let text = MarkdownWriter.write(document, chartImages: ["charts/通报-图1.svg", "charts/通报 附件-图2.svg"])
        XCTAssertEqual(text, """
            # 通报

            各等次见下图。

            ![图1 评查等次分布（件）](charts/通报-图1.svg)

            图1 评查等次分布（件）

            后文。

            附件：附表

            # 附件：附表

            ![图2 各部门\\*平均分\\*](charts/通报%20附件-图2.svg)

            图2 各部门\\*平均分\\*

            """)
    }

    func testWithoutDrawingsChartsAreLeftOut() {
        XCTAssertEqual(MarkdownWriter.write(document), "# 通报\n\n各等次见下图。\n\n后文。\n\n附件：附表\n\n# 附件：附表\n")
        // One drawing for two charts: the second is left out, never given the first one's file.
        XCTAssertFalse(MarkdownWriter.write(document, chartImages: ["a.svg"]).contains("图2"))
    }
}
