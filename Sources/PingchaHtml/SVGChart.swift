import PingchaDocuments

/// Draws a chart as a self-contained SVG element (its own namespace, fonts and colours as
/// presentation attributes, no stylesheet needed), so it can be written to a `.svg` file or
/// put inline into HTML.
public enum SVGChart {
    public static func render(_ chart: Chart) -> String {
        switch chart {
        case .bars(let c): BarChartSVG.render(c)
        case .intervals(let c): IntervalChartSVG.render(c)
        case .trend(let c): TrendChartSVG.render(c)
        }
    }
}
