/// Whitespace around a cell and placeholders that mean "nothing was recorded".
///
/// Spreadsheet users pad cells with the ideographic space (U+3000), paste no-break spaces
/// from web pages and write `/` or `N/A` where a field does not apply; all of these must read
/// as a missing value rather than as text or as an unreadable value.
enum CellTrimming {
    /// The cell without surrounding ASCII whitespace, U+3000, U+00A0, U+200B or U+FEFF.
    static func trim(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end {
            let n = leadingSpaceLength(bytes, at: start, end: end)
            if n == 0 { break }
            start += n
        }
        while end > start {
            let n = trailingSpaceLength(bytes, start: start, end: end)
            if n == 0 { break }
            end -= n
        }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Trims a String the same way as the bytes of a cell.
    static func trim(_ text: Substring) -> Substring {
        var s = text
        while let first = s.unicodeScalars.first, isSpace(first) { s = s.dropFirst() }
        while let last = s.unicodeScalars.last, isSpace(last) { s = s.dropLast() }
        return s
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0xA0, 0x3000, 0x200B, 0xFEFF: return true
        default: return false
        }
    }

    /// True for the placeholders that exports write instead of leaving a cell empty.
    static func isPlaceholder(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The longest placeholder, `——`, is six bytes; most cells are longer or are numbers.
        guard bytes.count <= 6, let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "N"), UInt8(ascii: "n"), UInt8(ascii: "#"),
             0xEF, 0xE2:
            return placeholders.contains { $0.elementsEqual(bytes) }
        default:
            return false
        }
    }

    private static let placeholders: [[UInt8]] =
        ["/", "／", "-", "—", "——", "--", "N/A", "n/a", "NULL", "null", "#N/A"].map { Array($0.utf8) }

    private static func leadingSpaceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int {
        switch b[i] {
        case 0x09...0x0D, 0x20: return 1
        case 0xC2 where i + 1 < end && b[i + 1] == 0xA0: return 2
        case 0xE3 where i + 2 < end && b[i + 1] == 0x80 && b[i + 2] == 0x80: return 3
        case 0xE2 where i + 2 < end && b[i + 1] == 0x80 && b[i + 2] == 0x8B: return 3
        case 0xEF where i + 2 < end && b[i + 1] == 0xBB && b[i + 2] == 0xBF: return 3
        default: return 0
        }
    }

    private static func trailingSpaceLength(_ b: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int {
        let last = b[end - 1]
        if last < 0x80 { return (0x09...0x0D).contains(last) || last == 0x20 ? 1 : 0 }
        if end - start >= 2, last == 0xA0, b[end - 2] == 0xC2 { return 2 }
        guard end - start >= 3 else { return 0 }
        switch (b[end - 3], b[end - 2], last) {
        case (0xE3, 0x80, 0x80), (0xE2, 0x80, 0x8B), (0xEF, 0xBB, 0xBF): return 3
        default: return 0
        }
    }
}
