import Foundation
import PingchaDocuments
@testable import PingchaHtml
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

final class SVGChartTests: XCTestCase {
    private func parse(_ svg: String) throws -> XMLDocument {
        try XMLDocument(data: Data(svg.utf8), options: [])
    }

    private func elements(_ name: String, class cssClass: String, in svg: String) throws -> [XMLElement] {
        XMLTree.elements(named: name, in: try parse(svg)).filter { XMLTree.hasClass(cssClass, $0) }
    }

    func testEveryChartIsAStandaloneAccessibleSVG() throws {
        for chart in [SampleDocument.gradeChart, SampleDocument.intervalChart, SampleDocument.trendChart] {
            let svg = SVGChart.render(chart)
            let root = try XCTUnwrap(try parse(svg).rootElement())
            XCTAssertEqual(root.name, "svg")
            XCTAssertEqual(XMLTree.attribute("role", of: root), "img")
            XCTAssertEqual(XMLTree.attribute("width", of: root), "640")
            let height = try XCTUnwrap(XMLTree.attribute("height", of: root))
            XCTAssertEqual(XMLTree.attribute("viewBox", of: root), "0 0 640 \(height)")
            XCTAssertEqual(XMLTree.elements(named: "title", in: root).first?.stringValue, chart.title)
            XCTAssertFalse(XMLTree.elements(named: "desc", in: root).first?.stringValue?.isEmpty ?? true)
            XCTAssertEqual(SVGChart.render(chart), svg, "same chart, same bytes")
        }
    }

    func testBarsAreProportionalToTheirValues() throws {
        // One-character labels and no captions: the baseline is at 12 + 13 + 8 = 33 and the
        // longest bar runs to 640 − 12 − 6 = 622, so it is 589 long.
        let chart = BarChart(title: "t", bars: [.init(label: "甲", value: 25, caption: ""),
                                                .init(label: "乙", value: 100, caption: ""),
                                                .init(label: "丙", value: 0, caption: "")])
        let layout = BarChartLayout(chart)
        XCTAssertEqual(layout.plotX, 33)
        XCTAssertEqual(layout.plotWidth, 589)
        let bars = try elements("rect", class: "bar", in: SVGChart.render(.bars(chart)))
        XCTAssertEqual(bars.map { XMLTree.attribute("width", of: $0) }, ["147.25", "589", "0"])
        XCTAssertEqual(bars.map { XMLTree.attribute("x", of: $0) }, ["33", "33", "33"])
    }

    func testBarCaptionsFollowTheirBars() throws {
        let chart = BarChart(title: "t", bars: [.init(label: "优秀", value: 10, caption: "10（50.0%）"),
                                                .init(label: "合格", value: 5, caption: "5（25.0%）")])
        let svg = SVGChart.render(.bars(chart))
        let bars = try elements("rect", class: "bar", in: svg)
        let captions = try elements("text", class: "caption", in: svg)
        XCTAssertEqual(captions.map(\.stringValue), ["10（50.0%）", "5（25.0%）"])
        for (bar, caption) in zip(bars, captions) {
            let end = try XCTUnwrap(XMLTree.number("x", of: bar)) + XCTUnwrap(XMLTree.number("width", of: bar))
            XCTAssertEqual(try XCTUnwrap(XMLTree.number("x", of: caption)), end + 6, accuracy: 0.011)
        }
        // The longest caption still fits inside the chart.
        let layout = BarChartLayout(chart)
        let longest = layout.plotX + layout.plotWidth + 6 + TextWidth.em("10（50.0%）") * SVGBuilder.fontSize
        XCTAssertLessThanOrEqual(longest, SVGBuilder.width - 11.99)
    }

    func testLongLabelsWidenTheLeftMarginAndWrapPastALimit() throws {
        let short = BarChartLayout(BarChart(title: "t", bars: [.init(label: "公安局", value: 1, caption: "1")]))
        let long = BarChartLayout(BarChart(title: "t", bars: [.init(label: "城市管理综合行政执法局", value: 1, caption: "1")]))
        XCTAssertEqual(long.plotX - short.plotX, 8 * 13, accuracy: 0.001)
        let huge = String(repeating: "长", count: 40)
        let wrapped = BarChartLayout(BarChart(title: "t", bars: [.init(label: huge, value: 1, caption: "1")]))
        XCTAssertEqual(wrapped.labelLines[0].count, 2)
        XCTAssertLessThanOrEqual(wrapped.plotX, 640 * 0.38 + 12 + 8 + 0.001)
        let texts = try elements("text", class: "label", in: SVGChart.render(.bars(
            BarChart(title: "t", bars: [.init(label: huge, value: 1, caption: "1")]))))
        XCTAssertEqual(XMLTree.elements(named: "tspan", in: texts[0]).count, 2)
    }

    func testIntervalWhiskersSitAtTheirValuesOnTheAxis() throws {
        let chart = IntervalChart(title: "t", points: [
            .init(label: "甲", value: 50, low: 40, high: 60, caption: ""),
            .init(label: "乙", value: 100, low: 0, high: 100, caption: ""),
        ], axisMinimum: 0, axisMaximum: 100, reference: 75)
        let layout = IntervalChartLayout(chart)
        // Half of the tick label "100" (3 × 0.58 em × 13 = 22.62) overhangs the right end.
        XCTAssertEqual(layout.plotX, 33)
        XCTAssertEqual(layout.plotWidth, 640 - 12 - 11.31 - 33, accuracy: 1e-9)
        func x(_ v: Double) -> String { SVGNumber.format(33 + v / 100 * layout.plotWidth) }
        let svg = SVGChart.render(.intervals(chart))
        let whiskers = try elements("line", class: "whisker", in: svg)
        XCTAssertEqual(whiskers.map { XMLTree.attribute("x1", of: $0) }, [x(40), x(0)])
        XCTAssertEqual(whiskers.map { XMLTree.attribute("x2", of: $0) }, [x(60), x(100)])
        XCTAssertEqual(x(40), "266.48")
        let points = try elements("circle", class: "point", in: svg)
        XCTAssertEqual(points.map { XMLTree.attribute("cx", of: $0) }, [x(50), x(100)])
        // The ticks run 0, 20, … 100 and the whiskers agree with them.
        let ticks = try elements("line", class: "tick", in: svg)
        XCTAssertEqual(ticks.map { XMLTree.attribute("x1", of: $0)! }, [0, 20, 40, 60, 80, 100].map(x))
        let tickLabels = try elements("text", class: "tick-label", in: svg).map(\.stringValue)
        XCTAssertEqual(tickLabels, ["0", "20", "40", "60", "80", "100"])
        let reference = try XCTUnwrap(try elements("line", class: "reference", in: svg).first)
        XCTAssertEqual(XMLTree.attribute("x1", of: reference), x(75))
        // The description gives an interval only where there is one (a census has none).
        let census = IntervalChart(title: "t", points: [.init(label: "甲", value: 98, low: 98, high: 98, caption: "98.0%"),
                                                         .init(label: "乙", value: 50, low: 40, high: 60, caption: "50.0%")],
                                   axisMinimum: 0, axisMaximum: 100)
        XCTAssertTrue(SVGChart.render(.intervals(census)).contains("<desc>甲：98.0%；乙：50.0%（95%区间 40–60）</desc>"))
        // A named reference line says what it is; near the right end its label runs leftwards.
        var named = chart
        named.referenceLabel = "全部评分案卷平均 75.0"
        let label = try XCTUnwrap(try elements("text", class: "reference-label", in: SVGChart.render(.intervals(named))).first)
        XCTAssertEqual(label.stringValue, "全部评分案卷平均 75.0")
        XCTAssertEqual(XMLTree.attribute("text-anchor", of: label), "end")
        XCTAssertEqual(XMLTree.attribute("stroke-dasharray", of: reference), "5 3")
    }

    func testIntervalValuesOutsideTheAxisAreClamped() throws {
        let chart = IntervalChart(title: "t", points: [.init(label: "甲", value: 1.2, low: -0.1, high: 1.5, caption: "")],
                                  axisMinimum: 0, axisMaximum: 1)
        let layout = IntervalChartLayout(chart)
        let whisker = try XCTUnwrap(try elements("line", class: "whisker", in: SVGChart.render(.intervals(chart))).first)
        XCTAssertEqual(XMLTree.attribute("x1", of: whisker), SVGNumber.format(layout.plotX))
        XCTAssertEqual(XMLTree.attribute("x2", of: whisker), SVGNumber.format(layout.plotX + layout.plotWidth))
    }

    func testTrendLinesBreakAtMissingFigures() throws {
        let chart = TrendChart(title: "t", points: ["一", "二", "三", "四", "五"], series: [
            .init(label: "甲", values: [70, 75, nil, 85, 90]),
            .init(label: "乙", values: [nil, 80, nil, nil, 60]),
            .init(label: "丙", values: [60, 65, 70, 75, 80]),
        ], axisMinimum: 50, axisMaximum: 100)
        let svg = SVGChart.render(.trend(chart))
        let document = try parse(svg)
        let series = XMLTree.elements(named: "g", in: document).filter { XMLTree.hasClass("series", $0) }
        XCTAssertEqual(series.count, 3)
        func path(_ g: XMLElement) -> String? {
            XMLTree.elements(named: "path", in: g).first.flatMap { XMLTree.attribute("d", of: $0) }
        }
        func markers(_ g: XMLElement) -> Int {
            (g.children ?? []).compactMap { $0 as? XMLElement }.filter { XMLTree.hasClass("marker", $0) }.count
        }
        let first = try XCTUnwrap(path(series[0]))
        XCTAssertEqual(first.filter { $0 == "M" }.count, 2, first)
        XCTAssertEqual(first.filter { $0 == "L" }.count, 2, first)
        XCTAssertEqual(markers(series[0]), 4)
        // No two adjacent figures: no line at all, only the two markers.
        XCTAssertNil(path(series[1]))
        XCTAssertEqual(markers(series[1]), 2)
        let third = try XCTUnwrap(path(series[2]))
        XCTAssertEqual(third.filter { $0 == "M" }.count, 1)
        XCTAssertEqual(third.filter { $0 == "L" }.count, 4)

        // Points sit mid-band and values on the y scale.
        let layout = TrendChartLayout(chart)
        let band = layout.plotWidth / 5
        let expectedStart = "M\(SVGNumber.format(layout.plotX + band / 2)) \(SVGNumber.format(layout.yScale.position(70)))"
        XCTAssertTrue(first.hasPrefix(expectedStart + " L"), first)
        XCTAssertEqual(layout.yScale.position(100), layout.plotTop)
        XCTAssertEqual(layout.yScale.position(50), layout.plotBottom)
    }

    func testTrendSeriesDifferInMoreThanColour() throws {
        let svg = SVGChart.render(SampleDocument.trendChart)
        let lines = XMLTree.elements(named: "path", in: try parse(svg)).filter { XMLTree.hasClass("series-line", $0) }
        let looks = lines.map { "\(XMLTree.attribute("stroke", of: $0)!)|\(XMLTree.attribute("stroke-dasharray", of: $0) ?? "-")" }
        XCTAssertEqual(Set(looks).count, lines.count)
        let dashes = lines.map { XMLTree.attribute("stroke-dasharray", of: $0) ?? "-" }
        XCTAssertEqual(Set(dashes).count, lines.count)
        // Sixteen series: the second eight flip their markers between filled and hollow.
        let styles = (0..<16).map { ChartPalette.style(forSeries: $0) }
        XCTAssertEqual(Set(styles.map { "\($0.colour)|\($0.dash ?? "-")|\($0.marker)|\($0.hollow)" }).count, 16)
        let legend = try elements("text", class: "legend-label", in: svg).map(\.stringValue)
        XCTAssertEqual(legend, ["市场监督管理局", "生态环境局", "交通运输局", "城市管理综合行政执法局", "卫生健康委员会"])
    }

    func testEmptyChartsStillDraw() throws {
        for chart: Chart in [.bars(BarChart(title: "空", bars: [])),
                             .intervals(IntervalChart(title: "空", points: [], axisMinimum: 0, axisMaximum: 0)),
                             .trend(TrendChart(title: "空", points: [], series: [], axisMinimum: 1, axisMaximum: 1))] {
            let svg = SVGChart.render(chart)
            XCTAssertTrue(svg.contains("无数据"))
            XCTAssertNoThrow(try parse(svg))
        }
    }

    func testNumbers() {
        XCTAssertEqual(SVGNumber.format(12.5), "12.5")
        XCTAssertEqual(SVGNumber.format(12), "12")
        XCTAssertEqual(SVGNumber.format(0.1 + 0.2), "0.3")
        XCTAssertEqual(SVGNumber.format(-0.001), "0")
        XCTAssertEqual(SVGNumber.format(-3.456), "-3.46")
        XCTAssertEqual(SVGNumber.format(1.005, decimals: 0), "1")
        XCTAssertEqual(SVGNumber.format(0.07), "0.07")
        XCTAssertEqual(SVGNumber.format(.nan), "0")
        XCTAssertEqual(SVGNumber.fixed(0.5, decimals: 2), "0.50")
        XCTAssertEqual(SVGNumber.fixed(1, decimals: 1), "1.0")
        XCTAssertEqual(SVGNumber.fixed(0.25, decimals: 2), "0.25")
    }

    func testTicks() {
        let ticks = { (lo: Double, hi: Double) in AxisScale(minimum: lo, maximum: hi, start: 0, end: 1).ticks() }
        XCTAssertEqual(ticks(0, 100).values, [0, 20, 40, 60, 80, 100])
        XCTAssertEqual(ticks(60, 100).values, [60, 70, 80, 90, 100])
        XCTAssertEqual(ticks(0, 1).values, [0, 0.2, 0.4, 0.6, 0.8, 1])
        XCTAssertEqual(ticks(0, 1).decimals, 1)
        XCTAssertEqual(ticks(0.5, 1).values, [0.5, 0.6, 0.7, 0.8, 0.9, 1])
    }

    func testTextWidthAndWrapping() {
        XCTAssertEqual(TextWidth.em("公安局"), 3)
        XCTAssertEqual(TextWidth.em("（一）"), 3)
        XCTAssertLessThan(TextWidth.em("86.1"), 2.5)
        XCTAssertEqual(TextWidth.wrap("一二三四五", maxEm: 3), ["一二三", "四五"])
        XCTAssertEqual(TextWidth.wrap("一二三四五六七八", maxEm: 3), ["一二三", "四五…"])
        XCTAssertEqual(TextWidth.wrap("一二", maxEm: 3), ["一二"])
    }
}
