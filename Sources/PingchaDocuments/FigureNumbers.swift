/// Figures numbered 图1, 图2 … in the order the document shows them, the way the templates
/// number tables 表1, 表2 …: the number is part of the chart's title, so HTML (under the SVG)
/// and DOCX (under the native chart) print the same caption and the text can refer to it.
/// Numbered when the document is written rather than in the templates, so a bureau that
/// moves or drops a chart in its template never leaves a gap or a duplicate.
public enum FigureNumbers {
    /// "图3 各类别扣分" → (3, 3): the number and the characters of the prefix with its space.
    static func number(in title: String) -> (value: Int, prefixLength: Int)? {
        guard title.first == "图" else { return nil }
        let digits = title.dropFirst().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let value = Int(digits) else { return nil }
        let rest = title.dropFirst(1 + digits.count)
        let spaces = rest.prefix { $0 == " " || $0 == "　" }.count
        return (value, 1 + digits.count + spaces)
    }

    /// "图`n` `title`", replacing a number the title already has.
    public static func caption(_ title: String, number n: Int) -> String {
        let plain = number(in: title).map { String(title.dropFirst($0.prefixLength)) } ?? title
        return "图\(n) " + plain
    }
}

extension OfficialDocument {
    /// The document with its charts' titles numbered 图1, 图2 … in order.
    public func numberingFigures() -> OfficialDocument {
        var d = self
        var n = 0
        d.blocks = blocks.map { block in
            guard case .chart(let chart) = block else { return block }
            n += 1
            return .chart(chart.titled(FigureNumbers.caption(chart.title, number: n)))
        }
        return d
    }
}

extension Chart {
    /// The same chart under another title.
    public func titled(_ title: String) -> Chart {
        switch self {
        case .bars(var c): c.title = title; return .bars(c)
        case .intervals(var c): c.title = title; return .intervals(c)
        case .trend(var c): c.title = title; return .trend(c)
        }
    }
}
