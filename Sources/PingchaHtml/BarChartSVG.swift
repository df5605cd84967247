import PingchaDocuments

/// Where the parts of a horizontal bar chart go: labels on the left, bars from a common
/// baseline, each bar's caption just past its end.
struct BarChartLayout {
    static let padding = 12.0
    static let labelGap = 8.0
    static let captionGap = 6.0
    static let barHeight = 18.0
    static let lineHeight = 16.0

    let labelLines: [[String]]
    /// x of the baseline (value 0) and the length of the longest bar.
    let plotX: Double
    let plotWidth: Double
    let rowPitch: Double
    let top: Double
    let height: Double
    let maximum: Double

    init(_ chart: BarChart) {
        let fs = SVGBuilder.fontSize
        let width = SVGBuilder.width
        let labels = LabelColumn(chart.bars.map(\.label))
        let labelWidth = labels.width
        labelLines = labels.lines
        let captionWidth = min(chart.bars.map { TextWidth.em($0.caption) * fs }.max() ?? 0, width * 0.3)
        plotX = Self.padding + labelWidth + Self.labelGap
        plotWidth = max(width - Self.padding - captionWidth - Self.captionGap - plotX, 60)
        let lines = Double(labelLines.map(\.count).max() ?? 1)
        rowPitch = max(Self.barHeight + 10, lines * Self.lineHeight + 10)
        top = Self.padding
        height = top + Double(max(chart.bars.count, 1)) * rowPitch + Self.padding
        maximum = chart.bars.map { $0.value.isFinite ? $0.value : 0 }.max() ?? 0
    }

    /// Bars are proportional to their value, the largest filling the plot; negative values
    /// (which a count never is) draw as empty bars rather than leftwards.
    func barLength(_ value: Double) -> Double {
        guard maximum > 0, value.isFinite, value > 0 else { return 0 }
        return value / maximum * plotWidth
    }

    func rowCentre(_ index: Int) -> Double {
        top + (Double(index) + 0.5) * rowPitch
    }
}

enum BarChartSVG {
    static func render(_ chart: BarChart) -> String {
        let layout = BarChartLayout(chart)
        let desc = chart.bars.map { "\($0.label)：\($0.caption)" }.joined(separator: "；")
        var svg = SVGBuilder(height: layout.height, title: chart.title, desc: desc, kind: "bar-chart")
        if chart.bars.isEmpty {
            svg.text(["无数据"], x: SVGBuilder.width / 2, y: SVGBuilder.baseline(centredOn: layout.rowCentre(0)),
                     anchor: .middle, fill: SVGBuilder.axisColour)
            return svg.finish()
        }
        let lh = BarChartLayout.lineHeight
        for (i, bar) in chart.bars.enumerated() {
            let centre = layout.rowCentre(i)
            let lines = layout.labelLines[i]
            let firstBaseline = SVGBuilder.baseline(centredOn: centre) - Double(lines.count - 1) * lh / 2
            svg.text(lines, x: layout.plotX - BarChartLayout.labelGap, y: firstBaseline, anchor: .end,
                     lineHeight: lh, cssClass: "label")
            let length = layout.barLength(bar.value)
            svg.rect(x: layout.plotX, y: centre - BarChartLayout.barHeight / 2, width: length,
                     height: BarChartLayout.barHeight, fill: ChartPalette.primary, cssClass: "bar")
            svg.text([bar.caption], x: layout.plotX + length + BarChartLayout.captionGap,
                     y: SVGBuilder.baseline(centredOn: centre), cssClass: "caption")
        }
        let bottom = layout.top + Double(chart.bars.count) * layout.rowPitch
        svg.line(x1: layout.plotX, y1: layout.top, x2: layout.plotX, y2: bottom, stroke: SVGBuilder.axisColour,
                 cssClass: "baseline")
        return svg.finish()
    }
}
