/// Column widths fitted to what was written. Excel measures widths in digit widths of the
/// default font; a CJK character is about two of them.
enum ColumnWidth {
    static let minimum = 6.0
    static let maximum = 60.0

    /// Display width of the longest line of `text`, in digit widths. Stops counting once
    /// past the maximum: wider text is clamped anyway.
    static func of(_ text: String) -> Int {
        var widest = 0
        var line = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                widest = max(widest, line)
                line = 0
                continue
            }
            line += isWide(scalar) ? 2 : 1
            if line > Int(maximum) { return line }
        }
        return max(widest, line)
    }

    /// Lines `text` takes in a wrapping column `width` digit widths wide: each of its own
    /// lines broken where the next character would not fit. An estimate (Excel breaks Latin
    /// text at spaces), erring on the tall side so no text is cut off.
    static func lines(_ text: String, width: Double) -> Int {
        // A little kept in hand: LibreOffice's substitute for 等线 sets some text wider.
        let room = max(Int(width * 0.95) - 1, 2)
        var lines = 1
        var line = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                lines += 1
                line = 0
                continue
            }
            let w = isWide(scalar) ? 2 : 1
            if line + w > room {
                lines += 1
                line = 0
            }
            line += w
        }
        return lines
    }

    /// East Asian wide and full-width characters (Unicode's EastAsianWidth W and F, in
    /// the blocks that occur in Chinese documents) and emoji.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x1100 { return false }
        return (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v)
            || (0x3041...0x33FF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// The `<col>` width for the widest content seen (`header` is the title's display width).
    /// The title gets room for the bold face and the filter button.
    static func fitted(header: Int, content: Int) -> Double {
        let needed = max(Double(header) * 1.1 + 3, Double(content) + 1.5)
        let clamped = min(maximum, max(minimum, needed))
        return (clamped * 4).rounded(.up) / 4
    }

    /// Digits of `value`, with its sign.
    static func digits(_ value: Int) -> Int {
        digits(magnitude: value.magnitude) + (value < 0 ? 1 : 0)
    }

    static func digits(magnitude: UInt) -> Int {
        var n = magnitude
        var count = 1
        while n >= 10 { n /= 10; count += 1 }
        return count
    }
}
