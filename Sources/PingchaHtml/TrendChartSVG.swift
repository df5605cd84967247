import PingchaDocuments

/// Where the parts of a trend chart go: the y axis with its ticks on the left, one band per
/// point along the x axis (its label centred under it), the legend under the labels.
struct TrendChartLayout {
    static let padding = 12.0
    static let plotHeight = 200.0
    static let lineHeight = 16.0
    static let legendRowHeight = 20.0
    static let legendSample = 30.0
    static let legendSpacing = 18.0

    struct LegendItem {
        let series: Int
        let x: Double
        let y: Double
    }

    let plotX: Double
    let plotWidth: Double
    let plotTop: Double
    let plotBottom: Double
    let pointLabelLines: [[String]]
    let legend: [LegendItem]
    let height: Double
    let yScale: AxisScale

    init(_ chart: TrendChart) {
        let fs = SVGBuilder.fontSize
        let width = SVGBuilder.width
        let probe = AxisScale(minimum: chart.axisMinimum, maximum: chart.axisMaximum, start: 0, end: 1)
        let ticks = probe.ticks()
        let tickWidth = ticks.values.map { TextWidth.em(SVGNumber.fixed($0, decimals: ticks.decimals)) * 12 }.max() ?? 0
        plotX = Self.padding + tickWidth + 6
        plotWidth = width - Self.padding - plotX
        plotTop = Self.padding + 6
        plotBottom = plotTop + Self.plotHeight
        yScale = AxisScale(minimum: chart.axisMinimum, maximum: chart.axisMaximum, start: plotBottom, end: plotTop)

        let band = plotWidth / Double(max(chart.points.count, 1))
        pointLabelLines = chart.points.map { TextWidth.wrap($0, maxEm: max(band - 4, fs) / fs) }
        let labelLines = Double(pointLabelLines.map(\.count).max() ?? 1)
        let legendTop = plotBottom + 8 + labelLines * Self.lineHeight + 10

        // Legend items flow left to right and wrap; each row is then centred under the plot.
        let available = width - 2 * Self.padding
        var rows: [[(series: Int, width: Double)]] = [[]]
        var rowWidth = 0.0
        for (i, series) in chart.series.enumerated() {
            let labelWidth = min(TextWidth.em(series.label) * fs, available - Self.legendSample - 6)
            let itemWidth = Self.legendSample + 6 + labelWidth
            let needed = rows[rows.count - 1].isEmpty ? itemWidth : rowWidth + Self.legendSpacing + itemWidth
            if needed > available && !rows[rows.count - 1].isEmpty {
                rows.append([(i, itemWidth)])
                rowWidth = itemWidth
            } else {
                rows[rows.count - 1].append((i, itemWidth))
                rowWidth = needed
            }
        }
        var items: [LegendItem] = []
        for (r, row) in rows.enumerated() where !row.isEmpty {
            let total = row.map(\.width).reduce(0, +) + Self.legendSpacing * Double(row.count - 1)
            var x = (width - total) / 2
            let y = legendTop + (Double(r) + 0.5) * Self.legendRowHeight
            for item in row {
                items.append(LegendItem(series: item.series, x: x, y: y))
                x += item.width + Self.legendSpacing
            }
        }
        legend = items
        let legendRows = Double(rows.filter { !$0.isEmpty }.count)
        height = legendTop + legendRows * Self.legendRowHeight + Self.padding
    }

    /// The centre of the band of point `index`: points sit mid-band so their labels have
    /// the whole band's width and the first and last labels do not run off the chart.
    func x(ofPoint index: Int, count: Int) -> Double {
        plotX + (Double(index) + 0.5) * plotWidth / Double(max(count, 1))
    }
}

enum TrendChartSVG {
    static func render(_ chart: TrendChart) -> String {
        let layout = TrendChartLayout(chart)
        let scale = layout.yScale
        let ticks = scale.ticks()
        let count = chart.points.count
        let desc = chart.series.map { series in
            let figures = chart.points.indices.map { i -> String in
                let v = i < series.values.count ? series.values[i] : nil
                return "\(chart.points[i]) \(v.map { SVGNumber.format($0) } ?? "—")"
            }
            return "\(series.label)：\(figures.joined(separator: "，"))"
        }.joined(separator: "；")
        var svg = SVGBuilder(height: layout.height, title: chart.title, desc: desc, kind: "trend-chart")

        let right = layout.plotX + layout.plotWidth
        for v in ticks.values {
            let y = scale.position(v)
            svg.line(x1: layout.plotX, y1: y, x2: right, y2: y, stroke: SVGBuilder.gridColour, cssClass: "grid")
            svg.text([SVGNumber.fixed(v, decimals: ticks.decimals)], x: layout.plotX - 6,
                     y: SVGBuilder.baseline(centredOn: y, size: 12), anchor: .end, size: 12,
                     fill: SVGBuilder.axisColour, cssClass: "tick-label")
        }
        svg.line(x1: layout.plotX, y1: layout.plotTop, x2: layout.plotX, y2: layout.plotBottom,
                 stroke: SVGBuilder.axisColour, cssClass: "axis")
        svg.line(x1: layout.plotX, y1: layout.plotBottom, x2: right, y2: layout.plotBottom,
                 stroke: SVGBuilder.axisColour, cssClass: "axis")
        for (i, lines) in layout.pointLabelLines.enumerated() {
            let x = layout.x(ofPoint: i, count: count)
            svg.line(x1: x, y1: layout.plotBottom, x2: x, y2: layout.plotBottom + 4, stroke: SVGBuilder.axisColour,
                     cssClass: "tick")
            svg.text(lines, x: x, y: layout.plotBottom + 8 + SVGBuilder.fontSize * 0.9, anchor: .middle,
                     lineHeight: TrendChartLayout.lineHeight, cssClass: "point-label")
        }
        if count == 0 || chart.series.isEmpty {
            svg.text(["无数据"], x: layout.plotX + layout.plotWidth / 2,
                     y: SVGBuilder.baseline(centredOn: (layout.plotTop + layout.plotBottom) / 2), anchor: .middle,
                     fill: SVGBuilder.axisColour)
        }

        for (s, series) in chart.series.enumerated() {
            let style = ChartPalette.style(forSeries: s)
            let positions: [(x: Double, y: Double)?] = (0..<count).map { i in
                guard i < series.values.count, let v = series.values[i], v.isFinite else { return nil }
                return (layout.x(ofPoint: i, count: count), scale.position(v))
            }
            svg.open("g", [("class", "series")])
            if let d = pathData(positions) {
                var a: [(String, String)] = [("class", "series-line"), ("d", d), ("fill", "none"),
                                             ("stroke", style.colour), ("stroke-width", "2"),
                                             ("stroke-linejoin", "round")]
                if let dash = style.dash { a.append(("stroke-dasharray", dash)) }
                svg.empty("path", a)
            }
            for p in positions.compactMap({ $0 }) {
                svg.marker(style, x: p.x, y: p.y)
            }
            svg.close("g")
        }

        for item in layout.legend {
            let style = ChartPalette.style(forSeries: item.series)
            let sample = TrendChartLayout.legendSample
            svg.open("g", [("class", "legend-item")])
            svg.line(x1: item.x, y1: item.y, x2: item.x + sample, y2: item.y, stroke: style.colour, width: 2,
                     dash: style.dash)
            svg.marker(style, x: item.x + sample / 2, y: item.y, size: 7, cssClass: "legend-marker")
            let label = chart.series[item.series].label
            let maxEm = (SVGBuilder.width - 2 * TrendChartLayout.padding - sample - 6) / SVGBuilder.fontSize
            svg.text(TextWidth.wrap(label, maxEm: maxEm, maxLines: 1), x: item.x + sample + 6,
                     y: SVGBuilder.baseline(centredOn: item.y), cssClass: "legend-label")
            svg.close("g")
        }
        return svg.finish()
    }

    /// A path through consecutive figures, restarting (`M`) after every missing one so a gap
    /// shows where a series has no figure instead of a line bridging it. A figure with
    /// missing neighbours on both sides gets no line, only its marker. Nil when no two
    /// figures are adjacent.
    static func pathData(_ positions: [(x: Double, y: Double)?]) -> String? {
        var parts: [String] = []
        var run: [(x: Double, y: Double)] = []
        func flush() {
            if run.count >= 2 {
                var segment = "M\(SVGNumber.format(run[0].x)) \(SVGNumber.format(run[0].y))"
                for p in run.dropFirst() { segment += " L\(SVGNumber.format(p.x)) \(SVGNumber.format(p.y))" }
                parts.append(segment)
            }
            run.removeAll()
        }
        for p in positions {
            if let p { run.append(p) } else { flush() }
        }
        flush()
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
