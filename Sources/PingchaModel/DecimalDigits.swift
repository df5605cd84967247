extension Array where Element == UInt8 {
    /// Appends `n` in decimal, zero-padded to `width` digits (at most 20): the bytes
    /// `String(n)` would give, without making the String (result lines, store rows and
    /// workbook cells print millions of numbers and dates). The digits go into a buffer on the
    /// stack, then appended.
    public mutating func appendDigits(_ n: UInt64, width: Int = 1) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var i = 20, rest = n
            repeat {
                i -= 1
                digits[i] = 0x30 + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            while 20 - i < width && i > 0 {
                i -= 1
                digits[i] = 0x30
            }
            // A few bytes: appended one by one, which costs less than setting up a copy.
            for k in i..<20 { append(digits[k]) }
        }
    }
}

extension DecimalNumber {
    /// Appends the bytes of ``description``.
    public func appendText(to out: inout [UInt8]) {
        if units < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = units.magnitude
        out.appendDigits(magnitude / UInt64(Self.scale))
        var fraction = magnitude % UInt64(Self.scale)
        guard fraction != 0 else { return }
        var digits = Self.fractionDigits
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        out.append(UInt8(ascii: "."))
        out.appendDigits(fraction, width: digits)
    }
}

extension CivilDate {
    /// Appends the bytes of ``description`` (`YYYY-MM-DD`).
    public func appendText(to out: inout [UInt8]) {
        let (y, m, d) = components
        guard y >= 0 else { return out.append(contentsOf: description.utf8) }
        out.appendDigits(UInt64(y), width: 4)
        out.append(UInt8(ascii: "-"))
        out.appendDigits(UInt64(m), width: 2)
        out.append(UInt8(ascii: "-"))
        out.appendDigits(UInt64(d), width: 2)
    }
}
