import PingchaModel

/// Appending XML to a byte buffer without building intermediate strings: a million rows of
/// ten cells are ten million cells, and allocations per cell would dominate.
extension Array where Element == UInt8 {
    mutating func append(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Disfavoured, so that a literal takes the `StaticString` overload above: a copy of its
    /// bytes, where a `String`'s UTF-8 view is appended through a generic sequence (a tenth of
    /// a workbook's cell encoding went there).
    @_disfavoredOverload
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        appendDigits(UInt64(value.magnitude))
    }
}
