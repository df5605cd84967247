extension Array where Element == UInt8 {
    /// Appends `n` in decimal, zero-padded to `width` digits: the bytes `String(n)` would
    /// give, without making the String (result lines print millions of numbers and dates).
    mutating func appendDigits(_ n: UInt64, width: Int = 1) {
        var divisor: UInt64 = 1, digits = 1
        while digits < width || divisor <= n / 10 {
            divisor &*= 10
            digits += 1
        }
        var rest = n
        while divisor > 0 {
            append(0x30 + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
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
