import PingchaModel

/// The numbers of the rule language: exact decimals with ten fractional digits.
///
/// Case amounts carry at most four decimals (``DecimalNumber``); rule arithmetic needs
/// more, because the format fixes division as rounded half-even to ten places. Binary
/// floating point is never used: `0.1 + 0.2` must equal `0.3` when a score is published.
public struct ExactNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var units: Int128
    public static let scale: Int128 = 10_000_000_000
    static let fromCaseScale: Int128 = scale / Int128(DecimalNumber.scale)

    public init(units: Int128) { self.units = units }
    public init(_ integer: Int) { units = Int128(integer) * Self.scale }
    public init(_ d: DecimalNumber) { units = Int128(d.units) * Self.fromCaseScale }

    /// Parses a number literal such as `90`, `2.5`, `0.125`.
    public init?(literal: String) {
        let parts = literal.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCII),
              let whole = Int128(String(parts[0])) else { return nil }
        var value = whole * Self.scale
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.count <= 10, fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let f = Int128(String(fraction)) else { return nil }
            var multiplier: Int128 = 1
            for _ in 0..<(10 - fraction.count) { multiplier *= 10 }
            value += f * multiplier
        }
        units = value
    }

    public static func < (a: Self, b: Self) -> Bool { a.units < b.units }

    public static func + (a: Self, b: Self) -> Self? {
        let (r, o) = a.units.addingReportingOverflow(b.units)
        return o ? nil : Self(units: r)
    }

    public static func - (a: Self, b: Self) -> Self? {
        let (r, o) = a.units.subtractingReportingOverflow(b.units)
        return o ? nil : Self(units: r)
    }

    public static prefix func - (a: Self) -> Self? {
        a.units == .min ? nil : Self(units: -a.units)
    }

    /// Product rounded half-even to ten places; nil on overflow.
    public static func * (a: Self, b: Self) -> Self? {
        let (r, o) = a.units.multipliedReportingOverflow(by: b.units)
        if !o { return Self(units: roundedDivision(r, by: scale)) }
        return nil
    }

    /// Quotient rounded half-even to ten places; nil when dividing by zero or on overflow.
    public static func / (a: Self, b: Self) -> Self? {
        guard b.units != 0 else { return nil }
        let (n, o) = a.units.multipliedReportingOverflow(by: scale)
        if o { return nil }
        return Self(units: roundedDivision(n, by: b.units))
    }

    /// `n / d` rounded half to even.
    static func roundedDivision(_ n: Int128, by d: Int128) -> Int128 {
        var q = n / d
        let r = n % d
        if r == 0 { return q }
        let twice = r.magnitude * 2
        let negative = (n < 0) != (d < 0)
        if twice > d.magnitude || (twice == d.magnitude && q % 2 != 0) {
            q += negative ? -1 : 1
        }
        return q
    }

    /// Rounded toward negative infinity (a `count` rule counts whole defects).
    public var floor: Int128 {
        units >= 0 ? units / Self.scale : -((-units + Self.scale - 1) / Self.scale)
    }

    public var abs: Self { Self(units: units < 0 ? -units : units) }

    /// Exact conversion back to a case decimal; nil when more than four places are needed.
    public var decimalNumber: DecimalNumber? {
        guard units % Self.fromCaseScale == 0 else { return nil }
        let u = units / Self.fromCaseScale
        guard u >= Int128(Int64.min), u <= Int128(Int64.max) else { return nil }
        return DecimalNumber(units: Int64(u))
    }

    public var description: String {
        let negative = units < 0
        let m = units.magnitude
        let s = UInt128(Self.scale)
        var text = (negative ? "-" : "") + String(m / s)
        var fraction = m % s
        if fraction != 0 {
            var digits = 10
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            let f = String(fraction)
            text += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return text
    }
}
