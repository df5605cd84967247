import PingchaDocuments

/// Where the parts of an interval chart go: one row per item, labels on the left, the axis
/// with its ticks under the rows, each point's caption just right of its whisker.
struct IntervalChartLayout {
    static let padding = 12.0
    static let labelGap = 8.0
    static let captionGap = 6.0
    static let lineHeight = 16.0
    static let capHeight = 8.0
    static let dotRadius = 4.5

    let labelLines: [[String]]
    let plotX: Double
    let plotWidth: Double
    let rowPitch: Double
    /// y of the first row's top edge and of the axis line.
    let top: Double
    let axisY: Double
    let height: Double
    let scale: AxisScale

    init(_ chart: IntervalChart) {
        let fs = SVGBuilder.fontSize
        let width = SVGBuilder.width
        let labels = LabelColumn(chart.points.map(\.label))
        labelLines = labels.lines
        // Half a tick label may stick out past either end of the axis.
        let probe = AxisScale(minimum: chart.axisMinimum, maximum: chart.axisMaximum, start: 0, end: 1)
        let ticks = probe.ticks()
        let tickHalf = (ticks.values.map { TextWidth.em(SVGNumber.fixed($0, decimals: ticks.decimals)) * fs }.max() ?? 0) / 2
        let captionWidth = min(chart.points.map { TextWidth.em($0.caption) * fs }.max() ?? 0, width * 0.25)
        plotX = Self.padding + max(labels.width + Self.labelGap, tickHalf)
        let right = max(captionWidth + Self.captionGap, tickHalf)
        plotWidth = max(width - Self.padding - right - plotX, 60)
        let lines = Double(labelLines.map(\.count).max() ?? 1)
        rowPitch = max(26, lines * Self.lineHeight + 8)
        // Room above the rows for the reference line's label.
        top = Self.padding + (chart.reference == nil ? 0 : 16)
        axisY = top + Double(max(chart.points.count, 1)) * rowPitch
        height = axisY + 6 + fs + Self.padding
        scale = AxisScale(minimum: chart.axisMinimum, maximum: chart.axisMaximum, start: plotX, end: plotX + plotWidth)
    }

    func rowCentre(_ index: Int) -> Double {
        top + (Double(index) + 0.5) * rowPitch
    }
}

enum IntervalChartSVG {
    static func render(_ chart: IntervalChart) -> String {
        let layout = IntervalChartLayout(chart)
        let scale = layout.scale
        let ticks = scale.ticks()
        func tickText(_ v: Double) -> String { SVGNumber.fixed(v, decimals: ticks.decimals) }
        // A census has no interval (each point's low and high are its value): none is described.
        let desc = chart.points.map {
            $0.low == $0.value && $0.high == $0.value ? "\($0.label)：\($0.caption)"
                : "\($0.label)：\($0.caption)（95%区间 \(SVGNumber.format($0.low))–\(SVGNumber.format($0.high))）"
        }.joined(separator: "；")
        var svg = SVGBuilder(height: layout.height, title: chart.title, desc: desc, kind: "interval-chart")

        // Grid and axis first, so the data is drawn over them.
        for v in ticks.values {
            let x = scale.position(v)
            svg.line(x1: x, y1: layout.top, x2: x, y2: layout.axisY, stroke: SVGBuilder.gridColour, cssClass: "grid")
            svg.line(x1: x, y1: layout.axisY, x2: x, y2: layout.axisY + 4, stroke: SVGBuilder.axisColour, cssClass: "tick")
            svg.text([tickText(v)], x: x, y: layout.axisY + 6 + SVGBuilder.fontSize * 0.9, anchor: .middle,
                     size: 12, fill: SVGBuilder.axisColour, cssClass: "tick-label")
        }
        svg.line(x1: scale.start, y1: layout.axisY, x2: scale.end, y2: layout.axisY, stroke: SVGBuilder.axisColour,
                 cssClass: "axis")
        if let reference = chart.reference, reference.isFinite {
            let x = scale.position(reference)
            svg.line(x1: x, y1: layout.top - 2, x2: x, y2: layout.axisY, stroke: ChartPalette.reference, width: 1.2,
                     dash: "5 3", cssClass: "reference")
            // A label near either end of the axis runs inwards, so that it stays on the page.
            let share = (x - scale.start) / max(scale.end - scale.start, 1)
            let anchor: SVGBuilder.Anchor = chart.referenceLabel == nil ? .middle : share > 0.7 ? .end : share < 0.3 ? .start : .middle
            svg.text([chart.referenceLabel ?? SVGNumber.format(reference)], x: x, y: layout.top - 5, anchor: anchor, size: 12,
                     fill: ChartPalette.reference, halo: true, cssClass: "reference-label")
        }
        if chart.points.isEmpty {
            svg.text(["无数据"], x: scale.start + (scale.end - scale.start) / 2,
                     y: SVGBuilder.baseline(centredOn: layout.rowCentre(0)), anchor: .middle, fill: SVGBuilder.axisColour)
        }
        let lh = IntervalChartLayout.lineHeight
        for (i, point) in chart.points.enumerated() {
            let centre = layout.rowCentre(i)
            let lines = layout.labelLines[i]
            svg.text(lines, x: layout.plotX - IntervalChartLayout.labelGap,
                     y: SVGBuilder.baseline(centredOn: centre) - Double(lines.count - 1) * lh / 2,
                     anchor: .end, lineHeight: lh, cssClass: "label")
            // An interval given the wrong way round still draws as an interval.
            let xLow = scale.position(min(point.low, point.high))
            let xHigh = scale.position(max(point.low, point.high))
            let xValue = scale.position(point.value)
            let cap = IntervalChartLayout.capHeight / 2
            svg.open("g", [("class", "interval")])
            svg.line(x1: xLow, y1: centre, x2: xHigh, y2: centre, stroke: ChartPalette.primary, width: 1.5, cssClass: "whisker")
            svg.line(x1: xLow, y1: centre - cap, x2: xLow, y2: centre + cap, stroke: ChartPalette.primary, width: 1.5,
                     cssClass: "whisker-cap")
            svg.line(x1: xHigh, y1: centre - cap, x2: xHigh, y2: centre + cap, stroke: ChartPalette.primary, width: 1.5,
                     cssClass: "whisker-cap")
            svg.empty("circle", [("class", "point"), ("cx", SVGNumber.format(xValue)), ("cy", SVGNumber.format(centre)),
                                 ("r", SVGNumber.format(IntervalChartLayout.dotRadius)), ("fill", ChartPalette.primary)])
            svg.close("g")
            svg.text([point.caption], x: max(xHigh, xValue + IntervalChartLayout.dotRadius) + IntervalChartLayout.captionGap,
                     y: SVGBuilder.baseline(centredOn: centre), halo: true, cssClass: "caption")
        }
        return svg.finish()
    }
}
