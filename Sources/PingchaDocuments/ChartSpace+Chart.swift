import PingchaModel

extension ChartSpace {
    /// The native chart for a document's ``Chart``: the same figures and captions the HTML
    /// draws as SVG. The title is left to the document (a caption under the figure).
    ///
    /// - bars: horizontal when a label is long or there are many (problem groups,
    ///   departments), columns for a few short ones (grades);
    /// - intervals: horizontal bars from zero to the value (a bar's length is read as its
    ///   size: bars from 80 made 83.6 look a fifth of 97.4; the HTML's points keep the
    ///   chart's narrower axis), the 95 % interval as error bars, the caption at each bar;
    /// - trend: a line with markers per series.
    public init(_ chart: Chart, font: Font) {
        switch chart {
        case .bars(let c):
            let long = c.bars.contains { $0.label.count > 4 } || c.bars.count > 6
            self.init(kind: .bars(horizontal: long), categories: c.bars.map(\.label),
                      series: [Series(name: Self.plainTitle(c.title), values: c.bars.map(\.value),
                                      labels: c.bars.contains { !$0.caption.isEmpty } ? c.bars.map(\.caption) : nil)],
                      axisMinimum: min(0, c.bars.map(\.value).min() ?? 0), font: font)
        case .intervals(let c):
            let errors = c.points.map { ErrorRange(minus: max(0, $0.value - $0.low), plus: max(0, $0.high - $0.value)) }
            // A census has no intervals (every point's low and high is its value): no whiskers.
            let drawn = errors.contains { $0.minus > 0 || $0.plus > 0 }
            self.init(kind: .bars(horizontal: true), categories: c.points.map(\.label),
                      series: [Series(name: Self.plainTitle(c.title), values: c.points.map(\.value), errors: drawn ? errors : nil,
                                      labels: c.points.map(\.caption), colour: "9DC3E6")],
                      numberFormat: "0.0", axisNumberFormat: "0", axisMinimum: min(0, c.axisMinimum), axisMaximum: c.axisMaximum, font: font)
        case .trend(let c):
            self.init(kind: .lines, categories: c.points,
                      series: c.series.map { Series(name: $0.label, values: $0.values) },
                      numberFormat: "0.0", axisNumberFormat: "0", axisMinimum: c.axisMinimum, axisMaximum: c.axisMaximum,
                      showsValues: false, font: font)
        }
    }

    /// The title without its figure number, as a series name: "图2 各类别扣分" → "各类别扣分".
    static func plainTitle(_ title: String) -> String {
        FigureNumbers.number(in: title).map { String(title.dropFirst($0.prefixLength)).trimmingSpaces } ?? title
    }
}
