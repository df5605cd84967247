/// How a column header is compared with field ids and aliases.
///
/// Exports spell the same header many ways: `罚款金额（元）`, ` 罚款金额 `, `*罚款金额`,
/// `Fine_Amount`. Headers match when their keys are equal: full-width forms folded to
/// half-width, ASCII letters lowercased, spaces, `_`, `-` and a leading `*` removed, and a
/// trailing bracketed unit (`(元)`, `（万元）`, `【元】`) cut off and kept as ``unit``.
public struct HeaderKey: Hashable, Sendable {
    public var key: String
    /// The bracketed unit cut from the end of the header, if any (`元`, `万元`).
    public var unit: String?

    public init(_ header: String) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(header.unicodeScalars.count)
        for s in header.unicodeScalars {
            let folded = HeaderKey.fold(s)
            if folded.properties.isWhitespace || folded == "_" || folded == "-" || folded == "\u{FEFF}" { continue }
            scalars.append(folded)
        }
        // A required column's mark, before or after the name (*案件编号, 案件编号*).
        while let first = scalars.first, first == "*" || first == "※" { scalars.removeFirst() }
        while let last = scalars.last, last == "*" || last == "※" { scalars.removeLast() }
        // A name in brackets as a whole (【案件编号】) is the name, not a unit.
        if let last = scalars.last, let open = HeaderKey.opening(for: last), scalars.count > 2, scalars.first == open,
           !scalars.dropFirst().dropLast().contains(open) {
            scalars.removeFirst()
            scalars.removeLast()
        }
        var unit: String?
        if let last = scalars.last, let open = HeaderKey.opening(for: last),
           let start = scalars.lastIndex(of: open), start > 0 {
            var u = String.UnicodeScalarView()
            u.append(contentsOf: scalars[(start + 1)..<(scalars.count - 1)])
            unit = String(u)
            scalars.removeSubrange(start...)
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self.key = String(view)
        self.unit = unit
    }

    /// Full-width ASCII and the ideographic space to their half-width forms; ASCII lowercased.
    public static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        var v = s.value
        if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
        if v == 0x3000 { v = 0x20 }
        if v >= 0x41 && v <= 0x5A { v += 0x20 }
        return Unicode.Scalar(v) ?? s
    }

    /// `text` with every scalar folded (``fold(_:)``) and white space dropped: how an enum
    /// value, a department's name and a reviewer's department are compared (`市场监督 管理局`,
    /// `行政↵处罚`, full-width letters).
    public static func folded(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let f = fold(s)
            if !f.properties.isWhitespace { view.append(f) }
        }
        return String(view)
    }

    static func opening(for close: Unicode.Scalar) -> Unicode.Scalar? {
        switch close {
        case ")": return "("
        case "]": return "["
        case "】": return "【"
        case "〕": return "〔"
        default: return nil
        }
    }
}
