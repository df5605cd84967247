import PingchaModel

/// A sum of amounts in yuan over the cases that have one (罚款金额, 没收金额), kept exact.
///
/// The sum stays in yuan as a ``DecimalNumber`` (exact to 0.0001 yuan); the 年报 prints it
/// in 万元, which needs eight fractional digits to stay exact (12,345.67 元 = 1.234567 万元),
/// so the conversion happens only when printing (``wanYuan``), never by dividing the sum.
public struct AmountTotal: Sendable, Hashable {
    /// Cases that contributed an amount greater than zero.
    public var cases: Int
    /// The exact sum in yuan.
    public var yuan: DecimalNumber
    /// The sum no longer fits a ``DecimalNumber`` (over 9 × 10¹⁴ yuan: a typing error in
    /// the data, not a real total). ``yuan`` then holds the sum before the overflowing case
    /// and the figure prints as 溢出 instead of a wrong number.
    public var overflowed: Bool

    public init(cases: Int = 0, yuan: DecimalNumber = .zero, overflowed: Bool = false) {
        self.cases = cases
        self.yuan = yuan
        self.overflowed = overflowed
    }

    /// Adds one case's amount; nil and zero add nothing (a 不予处罚 decision may record 0).
    public mutating func add(_ amount: DecimalNumber?) {
        guard let amount, amount != .zero else { return }
        cases += 1
        guard !overflowed else { return }
        if let sum = yuan.adding(amount) { yuan = sum } else { overflowed = true }
    }

    /// Both totals together (罚没金额 = 罚款 + 没收); overflows when either did.
    public func combined(with other: AmountTotal) -> AmountTotal {
        guard !overflowed, !other.overflowed, let sum = yuan.adding(other.yuan) else {
            return AmountTotal(cases: cases + other.cases, yuan: yuan, overflowed: true)
        }
        return AmountTotal(cases: cases + other.cases, yuan: sum)
    }

    /// The sum in 万元.
    public var wanYuan: WanYuan { WanYuan(yuan: yuan) }
}

/// An amount in 万元 (ten thousand yuan), as the 年报 prints money.
public struct WanYuan: Sendable, Hashable, CustomStringConvertible {
    /// The same amount in yuan.
    public var yuan: DecimalNumber

    public init(yuan: DecimalNumber) { self.yuan = yuan }

    /// DecimalNumber units (0.0001 yuan) per 万元.
    private static let unitsPerWan: UInt64 = 100_000_000

    /// The exact value, no trailing zeros: 17,345.67 元 → `1.734567`.
    public var exact: String {
        let magnitude = yuan.units.magnitude
        var text = (yuan.units < 0 ? "-" : "") + String(magnitude / Self.unitsPerWan)
        var fraction = magnitude % Self.unitsPerWan
        if fraction != 0 {
            var digits = 8
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            let f = String(fraction)
            text += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return text
    }

    /// Rounded half away from zero (四舍五入) to `fractionDigits` (0…8) places, with exactly
    /// that many: 1.734567 → `1.73`, 0.005 → `0.01`, 3 → `3.00`.
    public func rounded(fractionDigits: Int = 2) -> String {
        let digits = min(max(fractionDigits, 0), 8)
        var step: UInt64 = 1
        for _ in 0..<(8 - digits) { step *= 10 }
        let magnitude = yuan.units.magnitude
        // magnitude ≤ 2⁶³, so adding half a step cannot overflow UInt64.
        let steps = (magnitude + step / 2) / step
        var scale: UInt64 = 1
        for _ in 0..<digits { scale *= 10 }
        var text = (yuan.units < 0 && steps != 0 ? "-" : "") + String(steps / scale)
        if digits > 0 {
            let f = String(steps % scale)
            text += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return text
    }

    /// Two decimals, as the 年报 prints 万元.
    public var description: String { rounded(fractionDigits: 2) }
}
