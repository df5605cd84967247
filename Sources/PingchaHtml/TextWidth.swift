/// Estimates how wide text will be when drawn, in em, without access to the font.
///
/// Charts place labels before any browser has seen them, so margins are computed from these
/// estimates: CJK ideographs and full-width punctuation take a full em in every CJK font, Latin
/// letters and digits roughly half. The figures err on the wide side so labels are not clipped.
enum TextWidth {
    static func em(_ text: String) -> Double {
        var total = 0.0
        for scalar in text.unicodeScalars { total += em(of: scalar) }
        return total
    }

    static func em(of scalar: Unicode.Scalar) -> Double {
        let v = scalar.value
        if isWide(v) { return 1.0 }
        switch scalar {
        case " ": return 0.3
        case ".", ",", ":", ";", "'", "!", "|", "i", "l", "j": return 0.3
        case "(", ")", "[", "]", "-", "/", "f", "t", "r": return 0.4
        case "%", "m", "w", "M", "W", "@": return 0.9
        case "A"..."Z": return 0.68
        case "0"..."9": return 0.58
        default:
            // Other narrow characters (Latin lower case, symbols): the average of a sans face.
            return v < 0x1100 ? 0.56 : 0.6
        }
    }

    /// East Asian wide and full-width ranges, plus the dashes and quotes CJK fonts draw full width.
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x2014, 0x2015, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2460...0x24FF, 0x25A0...0x25FF: return true
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default: return false
        }
    }

    /// Splits `text` into lines no wider than `maxEm`, breaking between any two characters
    /// (CJK needs no spaces to break; a Latin word in a label is rare and short). Never
    /// returns more than `maxLines`; the last line ends in "…" if text had to be dropped.
    static func wrap(_ text: String, maxEm: Double, maxLines: Int = 2) -> [String] {
        if em(text) <= maxEm { return [text] }
        var lines: [String] = []
        var current = ""
        var width = 0.0
        for ch in text {
            let w = em(String(ch))
            if width + w > maxEm && !current.isEmpty {
                lines.append(current)
                current = ""
                width = 0
                if lines.count == maxLines { break }
            }
            current.append(ch)
            width += w
        }
        if lines.count < maxLines {
            if !current.isEmpty { lines.append(current) }
            return lines
        }
        // Out of lines: shorten the last one so the ellipsis still fits.
        var last = lines.removeLast()
        while !last.isEmpty && em(last) + 1 > maxEm { last.removeLast() }
        lines.append(last + "…")
        return lines
    }
}

/// The labels at the left of a chart's rows: up to 38 % of the chart's width, longer ones
/// wrapped onto more lines.
struct LabelColumn {
    /// Each label's lines.
    let lines: [[String]]
    /// The width the column takes (the longest label, or the cap).
    let width: Double

    init(_ labels: [String], fontSize fs: Double = SVGBuilder.fontSize, chartWidth: Double = SVGBuilder.width) {
        let cap = chartWidth * 0.38
        let longest = labels.map { TextWidth.em($0) * fs }.max() ?? 0
        width = min(longest, cap)
        lines = labels.map { TextWidth.wrap($0, maxEm: cap / fs) }
    }
}
