import PingchaDocuments

/// How one series is told apart from the others. Colour alone fails once the bulletin is
/// printed in black and white, so every series also has its own dash pattern and marker shape,
/// and the colours differ in lightness as well as hue.
struct SeriesStyle: Sendable {
    enum Marker: Sendable { case circle, square, triangle, diamond, invertedTriangle }

    let colour: String
    /// `stroke-dasharray`, nil for a solid line.
    let dash: String?
    let marker: Marker
    /// Hollow markers (white inside) double the number of distinct shapes.
    let hollow: Bool
}

enum ChartPalette {
    /// The bars and interval points: one dark blue, which prints as a solid dark grey.
    static let primary = "#1f4e79"
    /// Reference lines: the red of the masthead's rule (one red in the document).
    static let reference = "#" + OfficialLayout.red

    static let series: [SeriesStyle] = [
        SeriesStyle(colour: "#1f4e79", dash: nil, marker: .circle, hollow: false),
        SeriesStyle(colour: "#c0392b", dash: "7 3", marker: .square, hollow: false),
        SeriesStyle(colour: "#2e7d32", dash: "2 3", marker: .triangle, hollow: false),
        SeriesStyle(colour: "#d4860b", dash: "9 3 2 3", marker: .diamond, hollow: true),
        SeriesStyle(colour: "#6a1b9a", dash: "4 4", marker: .circle, hollow: true),
        SeriesStyle(colour: "#546e7a", dash: "1 3", marker: .invertedTriangle, hollow: false),
        SeriesStyle(colour: "#00838f", dash: "12 4", marker: .square, hollow: true),
        SeriesStyle(colour: "#8d6e63", dash: "5 2 1 2", marker: .diamond, hollow: false),
    ]

    /// Past the eighth series the styles repeat with the marker filled the other way, so
    /// sixteen series stay distinct.
    static func style(forSeries index: Int) -> SeriesStyle {
        let base = series[index % series.count]
        guard (index / series.count) % 2 == 1 else { return base }
        return SeriesStyle(colour: base.colour, dash: base.dash, marker: base.marker, hollow: !base.hollow)
    }
}

extension SVGBuilder {
    /// A marker of `style` centred on (x, y), about `size` across.
    mutating func marker(_ style: SeriesStyle, x: Double, y: Double, size: Double = 8, cssClass: String = "marker") {
        let r = size / 2
        let fill = style.hollow ? "#ffffff" : style.colour
        let common: [(String, String)] = [("class", cssClass), ("fill", fill), ("stroke", style.colour), ("stroke-width", "1.5")]
        func n(_ v: Double) -> String { SVGNumber.format(v) }
        func points(_ p: [(Double, Double)]) -> String { p.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ") }
        switch style.marker {
        case .circle:
            empty("circle", common + [("cx", n(x)), ("cy", n(y)), ("r", n(r))])
        case .square:
            let s = r * 0.9
            empty("rect", common + [("x", n(x - s)), ("y", n(y - s)), ("width", n(2 * s)), ("height", n(2 * s))])
        case .triangle:
            empty("polygon", common + [("points", points([(x, y - r * 1.15), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)]))])
        case .invertedTriangle:
            empty("polygon", common + [("points", points([(x, y + r * 1.15), (x + r * 1.1, y - r * 0.8), (x - r * 1.1, y - r * 0.8)]))])
        case .diamond:
            empty("polygon", common + [("points", points([(x, y - r * 1.2), (x + r * 1.2, y), (x, y + r * 1.2), (x - r * 1.2, y)]))])
        }
    }
}
