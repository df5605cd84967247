/// Text the way SpreadsheetML needs it beyond XML escaping.
enum CellText {
    /// Excel's limit for one cell.
    static let maxLength = 32_767

    /// Excel decodes `_xHHHH_` in cell text as the character U+HHHH; a literal one is kept by
    /// escaping its underscore as `_x005F_`.
    static func protectingEscapes(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "_"), i + 6 < bytes.count, bytes[i + 1] == UInt8(ascii: "x"),
               bytes[i + 6] == UInt8(ascii: "_"), bytes[(i + 2)...(i + 5)].allSatisfy(isHexDigit) {
                out.append("_x005F_")
            } else {
                out.append(bytes[i])
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isHexDigit(_ b: UInt8) -> Bool {
        (48...57).contains(b) || (65...70).contains(b) || (97...102).contains(b)
    }

    /// At most `maxLength` UTF-16 units (Excel's measure), never splitting a character.
    static func capped(_ text: String) -> String {
        // UTF-8 is never shorter than UTF-16, so short texts need no counting.
        guard text.utf8.count > maxLength, text.utf16.count > maxLength else { return text }
        return SheetName.truncated(text, to: maxLength)
    }

    /// `-12`, `87.5`, `+3` (the plus dropped): a number Excel reads exactly as written.
    /// Nil for anything else (exponents, grouping, spaces), which is then written as text.
    static func plainDecimal(_ text: String) -> (text: String, integerDigits: Int, negative: Bool)? {
        var utf8 = text.utf8[...]
        var negative = false
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        var integerDigits = 0
        var fractionDigits = 0
        var seenPoint = false
        for b in utf8 {
            if b == UInt8(ascii: ".") {
                if seenPoint || integerDigits == 0 { return nil }
                seenPoint = true
            } else if (48...57).contains(b) {
                if seenPoint { fractionDigits += 1 } else { integerDigits += 1 }
            } else {
                return nil
            }
        }
        guard integerDigits > 0, !seenPoint || fractionDigits > 0 else { return nil }
        return (text.first == "+" ? String(text.dropFirst()) : text, integerDigits, negative)
    }
}
