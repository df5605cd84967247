import PingchaDocuments
import PingchaModel

/// Appending XML to a byte buffer without building intermediate strings: a million rows of
/// ten cells are ten million cells, and allocations per cell would dominate.
extension Array where Element == UInt8 {
    mutating func append(_ text: StaticString) { appendLiteral(text) }

    /// Disfavoured, so that a literal takes the `StaticString` overload above: a copy of its
    /// bytes, where a `String`'s UTF-8 view is appended through a generic sequence (a tenth of
    /// a workbook's cell encoding went there).
    @_disfavoredOverload
    mutating func append(_ text: String) { appendUTF8(text) }

    mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        appendDigits(UInt64(value.magnitude))
    }
}

extension Array where Element == UInt8 {
    /// Appends `text` as a cell's text, byte for byte what `append(Sheet.cellText(text))`
    /// writes (or `append(XMLText.escape(text))` without `protectingEscapes`). Most cells hold
    /// nothing to escape: one pass over the bytes finds that out and copies them as they are,
    /// where the general path builds two strings per cell.
    mutating func appendCellText(_ text: String, protectingEscapes: Bool) {
        var text = text
        let copied = text.withUTF8 { bytes -> Bool in
            let found = CellBytes.scan(bytes)
            if found & CellBytes.needsEscaping != 0 { return false }
            if protectingEscapes && found & CellBytes.underscore != 0 { return false }
            if found & CellBytes.mayBeNonCharacter != 0 && CellBytes.containsNonCharacter(bytes) { return false }
            append(contentsOf: bytes)
            return true
        }
        if !copied { append(protectingEscapes ? Sheet.cellText(text) : XMLText.escape(text)) }
    }
}

/// What the bytes of a cell's text hold that XML or SpreadsheetML treat specially.
enum CellBytes {
    /// `& < > " '` and the control characters other than tab, line feed and carriage return.
    static let needsEscaping: UInt8 = 1
    /// `_`, which may begin an `_xHHHH_` escape.
    static let underscore: UInt8 = 2
    /// 0xEF, the lead byte of U+FFFE and U+FFFF (and of the full-width punctuation of Chinese text).
    static let mayBeNonCharacter: UInt8 = 4

    nonisolated(unsafe) private static let table: UnsafePointer<UInt8> = {
        let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        t.initialize(repeating: 0, count: 256)
        for b in 0..<0x20 where b != 0x09 && b != 0x0A && b != 0x0D { t[b] = needsEscaping }
        for b in [0x26, 0x3C, 0x3E, 0x22, 0x27] { t[b] = needsEscaping }
        t[0x5F] = underscore
        t[0xEF] = mayBeNonCharacter
        return UnsafePointer(t)
    }()

    /// The flags of every byte, or-ed: no branch per byte.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var found: UInt8 = 0
        for b in bytes { found |= table[Int(b)] }
        return found
    }

    /// U+FFFE or U+FFFF (EF BF BE, EF BF BF), which XML does not allow.
    static func containsNonCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0xEF && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF) { return true }
            i += 1
        }
        return false
    }
}
