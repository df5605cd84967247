/// An exact decimal number with four fractional digits (万分之一 precision).
///
/// Amounts in yuan, officer counts and rubric points are all exact at this scale; binary
/// floating point would turn `0.1 + 0.2` deductions into scores that differ from the
/// hand-worked ones by a hair, and published scores must match to the last digit.
public struct DecimalNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The value times ``scale``.
    public var units: Int64

    public static let fractionDigits = 4
    public static let scale: Int64 = 10_000

    public init(units: Int64) { self.units = units }
    public init(_ integer: Int) { self.units = Int64(integer) * Self.scale }

    public static let zero = DecimalNumber(units: 0)

    /// Parses plain decimal text such as `-12`, `5000.5`, `0.25`. Returns nil for anything
    /// else, for more than four significant fractional digits, or on overflow.
    public init?(plain text: Substring) {
        var utf8 = Array(text.utf8)[...]
        var negative = false
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        guard !utf8.isEmpty else { return nil }
        var integer: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenPoint = false
        var digits = 0
        for byte in utf8 {
            if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            guard byte >= 48, byte <= 57 else { return nil }
            let d = Int64(byte - 48)
            digits += 1
            if seenPoint {
                if fractionDigits < Self.fractionDigits {
                    fraction = fraction * 10 + d
                    fractionDigits += 1
                } else if d != 0 {
                    return nil
                }
            } else {
                let (m, o1) = integer.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(d)
                if o1 || o2 { return nil }
                integer = a
            }
        }
        guard digits > 0 else { return nil }
        while fractionDigits < Self.fractionDigits { fraction *= 10; fractionDigits += 1 }
        let (m, o1) = integer.multipliedReportingOverflow(by: Self.scale)
        let (a, o2) = m.addingReportingOverflow(fraction)
        if o1 || o2 { return nil }
        units = negative ? -a : a
    }

    public init?(_ text: String) { self.init(plain: Substring(text)) }

    public var isInteger: Bool { units % Self.scale == 0 }

    /// The value rounded toward negative infinity.
    public var floor: Int64 {
        units >= 0 ? units / Self.scale : -((-units + Self.scale - 1) / Self.scale)
    }

    /// Canonical text: no trailing zeros, no exponent (`12000`, `0.5`, `-3.25`).
    public var description: String {
        let negative = units < 0
        let magnitude = units.magnitude
        let integer = magnitude / UInt64(Self.scale)
        var fraction = magnitude % UInt64(Self.scale)
        var text = negative ? "-" : ""
        text += String(integer)
        if fraction != 0 {
            var digits = Self.fractionDigits
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            let f = String(fraction)
            text += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return text
    }

    /// The value as a Double, for statistics and display only (never for scoring).
    public var doubleValue: Double { Double(units) / Double(Self.scale) }

    public static func < (a: Self, b: Self) -> Bool { a.units < b.units }

    public func adding(_ other: Self) -> Self? {
        let (r, o) = units.addingReportingOverflow(other.units)
        return o ? nil : Self(units: r)
    }
    public func subtracting(_ other: Self) -> Self? {
        let (r, o) = units.subtractingReportingOverflow(other.units)
        return o ? nil : Self(units: r)
    }
    /// Exact product, or nil if it overflows or needs more than four fractional digits.
    public func multiplied(by other: Self) -> Self? {
        // Divide the 128-bit product by the scale.
        let magnitudeNegative = (units < 0) != (other.units < 0)
        let a = units.magnitude.multipliedFullWidth(by: other.units.magnitude)
        let (q, r) = UInt64(Self.scale).dividingFullWidth((a.high, a.low))
        guard r == 0, a.high < UInt64(Self.scale), q <= UInt64(Int64.max) else { return nil }
        return Self(units: magnitudeNegative ? -Int64(q) : Int64(q))
    }
    /// Multiplies by an integer factor (for 万/千 units).
    public func multiplied(byInteger factor: Int64) -> Self? {
        let (r, o) = units.multipliedReportingOverflow(by: factor)
        return o ? nil : Self(units: r)
    }
}
