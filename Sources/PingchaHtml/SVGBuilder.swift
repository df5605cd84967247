import PingchaDocuments

/// Writes SVG markup. Every attribute value and text node goes through `XMLText.escape`
/// and every number through `SVGNumber`, so callers cannot forget either.
struct SVGBuilder {
    static let width = 640.0
    static let fontSize = 13.0
    static let textColour = "#222222"
    static let axisColour = "#555555"
    static let gridColour = "#dddddd"
    /// Fonts present on Linux (Noto), Windows (Microsoft YaHei, SimHei) and macOS (PingFang).
    static let fontFamily = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC','SimHei',sans-serif"

    private(set) var markup = ""

    /// Opens the root element; `title` and `desc` give the chart its accessible name and a
    /// text version of its figures.
    init(height: Double, title: String, desc: String, kind: String) {
        let w = SVGNumber.format(Self.width)
        let h = SVGNumber.format(height)
        markup += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg \(kind)\" role=\"img\""
        markup += " width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
        markup += " font-family=\"\(XMLText.escape(Self.fontFamily))\" font-size=\"\(SVGNumber.format(Self.fontSize))\""
        markup += " fill=\"\(Self.textColour)\">"
        markup += "<title>\(XMLText.escape(title))</title>"
        markup += "<desc>\(XMLText.escape(desc))</desc>"
    }

    mutating func finish() -> String {
        markup += "</svg>"
        return markup
    }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        markup += "<\(name)\(Self.attributeText(attributes))>"
    }

    mutating func close(_ name: String) {
        markup += "</\(name)>"
    }

    /// An element with no content, self-closed so the output is also well-formed XML.
    mutating func empty(_ name: String, _ attributes: [(String, String)]) {
        markup += "<\(name)\(Self.attributeText(attributes))/>"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
                       dash: String? = nil, cssClass: String? = nil) {
        var a: [(String, String)] = []
        if let cssClass { a.append(("class", cssClass)) }
        a += [("x1", n(x1)), ("y1", n(y1)), ("x2", n(x2)), ("y2", n(y2)), ("stroke", stroke), ("stroke-width", n(width))]
        if let dash { a.append(("stroke-dasharray", dash)) }
        empty("line", a)
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, cssClass: String? = nil) {
        var a: [(String, String)] = []
        if let cssClass { a.append(("class", cssClass)) }
        a += [("x", n(x)), ("y", n(y)), ("width", n(max(width, 0))), ("height", n(max(height, 0))), ("fill", fill)]
        empty("rect", a)
    }

    enum Anchor: String { case start, middle, end }

    /// Text whose first line's baseline is at `y`; further lines follow `lineHeight` apart.
    mutating func text(_ lines: [String], x: Double, y: Double, anchor: Anchor = .start, size: Double? = nil,
                       fill: String? = nil, lineHeight: Double = 16, halo: Bool = false, cssClass: String? = nil) {
        var a: [(String, String)] = []
        if let cssClass { a.append(("class", cssClass)) }
        a += [("x", n(x)), ("y", n(y))]
        if anchor != .start { a.append(("text-anchor", anchor.rawValue)) }
        if let size { a.append(("font-size", n(size))) }
        if let fill { a.append(("fill", fill)) }
        if halo {
            // A white outline drawn under the glyphs keeps text readable where it crosses
            // a grid or reference line.
            a += [("stroke", "#ffffff"), ("stroke-width", "3"), ("stroke-linejoin", "round"), ("paint-order", "stroke")]
        }
        open("text", a)
        if lines.count == 1 {
            markup += XMLText.escape(lines[0])
        } else {
            for (i, line) in lines.enumerated() {
                let dy = i == 0 ? "0" : n(lineHeight)
                markup += "<tspan x=\"\(n(x))\" dy=\"\(dy)\">\(XMLText.escape(line))</tspan>"
            }
        }
        close("text")
    }

    /// Where to put the baseline so text looks vertically centred on `y`: CJK glyphs sit
    /// about 0.35 em above the baseline's middle. `dominant-baseline` would do this, but
    /// print engines and viewers disagree on it.
    static func baseline(centredOn y: Double, size: Double = fontSize) -> Double {
        y + size * 0.36
    }

    private func n(_ v: Double) -> String { SVGNumber.format(v) }

    private static func attributeText(_ attributes: [(String, String)]) -> String {
        var s = ""
        for (name, value) in attributes { s += " \(name)=\"\(XMLText.escape(value))\"" }
        return s
    }
}
