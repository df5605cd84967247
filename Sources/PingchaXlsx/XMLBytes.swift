/// Appending XML to a byte buffer without building intermediate strings: a million rows of
/// ten cells are ten million cells, and allocations per cell would dominate.
extension Array where Element == UInt8 {
    mutating func append(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(_ text: String) {
        append(contentsOf: text.utf8)
    }

    /// Every cell's reference carries its row number: the digits go into a buffer on the stack
    /// and then in one piece (appended one by one and reversed in place they cost more than
    /// the rest of a number cell).
    mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var n = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var i = 20
            repeat {
                i -= 1
                digits[i] = UInt8(48 + n % 10)
                n /= 10
            } while n > 0
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[i...]))
        }
    }
}
