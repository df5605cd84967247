import PingchaModel

/// Appending XML to a byte buffer without building intermediate strings: a million rows of
/// ten cells are ten million cells, and allocations per cell would dominate.
extension Array where Element == UInt8 {
    mutating func append(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(_ text: String) {
        append(contentsOf: text.utf8)
    }

    mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        appendDigits(UInt64(value.magnitude))
    }
}
