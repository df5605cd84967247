import PingchaModel

/// Reads numbers written in Chinese numerals: capital amounts as on a decision
/// (`人民币壹万贰仟元整`, `壹佰零伍元伍角`) and the ordinary numerals of counts (`十二`, `三万`).
///
/// The reading is strict. Colloquial elisions such as `三万五` (35000 to a speaker, 30005 to a
/// naïve reader) and runs of digits without place units (`一二`) are refused, because a fine
/// read wrongly is worse than a fine reported as unreadable.
public enum ChineseNumeral {
    public static func parse(_ text: String) -> DecimalNumber? {
        text.withCellBytes { bytes in
            var scanner = CellScanner(CellTrimming.trim(bytes))
            if scanner.skip(word: "人民币") { scanner.skipSpaces() }
            guard let amount = read(&scanner), scanner.isAtEnd else { return nil }
            return amount.value
        }
    }

    /// Reads a numeral and, when it names money, its 元/角/分 and 整. `isMoney` tells the
    /// caller the value carries its own unit.
    static func read(_ scanner: inout CellScanner) -> (value: DecimalNumber, isMoney: Bool)? {
        guard let integer = readInteger(&scanner), let units = integerUnits(integer) else { return nil }
        guard scanner.skip("元") || scanner.skip("圆") || scanner.skip("圓") else {
            return (DecimalNumber(units: units), false)
        }
        let jiao = readSubunit(&scanner, unit: "角")
        let fen = readSubunit(&scanner, unit: "分")
        _ = scanner.skip("整") || scanner.skip("正")
        let (total, overflow) = units.addingReportingOverflow(Int64(jiao * 1000 + fen * 100))
        return overflow ? nil : (DecimalNumber(units: total), true)
    }

    /// A single digit followed by `unit` (角 or 分), optionally after 零; 0 if absent.
    private static func readSubunit(_ scanner: inout CellScanner, unit: Unicode.Scalar) -> Int {
        var copy = scanner
        _ = copy.skip("零")
        guard let s = copy.next(), let d = digit(s), copy.skip(unit) else { return 0 }
        scanner = copy
        return d
    }

    private static func integerUnits(_ integer: Int64) -> Int64? {
        let (units, overflow) = integer.multipliedReportingOverflow(by: DecimalNumber.scale)
        return overflow ? nil : units
    }

    /// The integer part, read place by place: digits before 十/百/千 build a section below
    /// 万, and 万 and 亿 close sections. Nil for anything malformed or for no numeral at all.
    static func readInteger(_ scanner: inout CellScanner) -> Int64? {
        var total: Int64 = 0        // whole 亿s
        var wan: Int64 = 0          // whole 万s of the current 亿 section, times 10000
        var small: Int64 = 0        // below 万
        var pending: Int64?         // a digit waiting for its place unit
        var smallLimit: Int64 = 10_000
        var lastUnit: Int64 = 0
        var zeroSinceUnit = false
        var consumedAny = false

        /// The pending digit as ones; refused after 百, 千, 万 or 亿 without 零 (`三万五`).
        func closePending() -> Int64? {
            guard let d = pending else { return 0 }
            if lastUnit > 10 && !zeroSinceUnit { return nil }
            return d
        }

        while let s = scanner.peek() {
            if let d = digit(s) {
                guard pending == nil else { return nil }
                if d == 0 { zeroSinceUnit = true } else { pending = Int64(d) }
            } else if let unit = placeUnit(s) {
                switch unit {
                case 10, 100, 1000:
                    guard unit < smallLimit else { return nil }
                    // Only a leading 十 may stand alone (`十二`); `百` alone is not a number.
                    guard let d = pending ?? (unit == 10 && !consumedAny ? 1 : nil) else { return nil }
                    small += d * unit
                    smallLimit = unit
                case 10_000:
                    guard wan == 0, let rest = closePending(), small + rest > 0 else { return nil }
                    wan = (small + rest) * 10_000
                    small = 0
                    smallLimit = 10_000
                default:  // 亿
                    guard total == 0, let rest = closePending(), wan + small + rest > 0 else { return nil }
                    total = (wan + small + rest) * 100_000_000
                    wan = 0
                    small = 0
                    smallLimit = 10_000
                }
                pending = nil
                lastUnit = unit
                zeroSinceUnit = false
            } else {
                break
            }
            _ = scanner.next()
            consumedAny = true
        }
        guard consumedAny, let rest = closePending() else { return nil }
        return total + wan + small + rest
    }

    /// The value of a capital or ordinary digit (零 壹 … 玖, 〇 一 … 九, 两), else nil.
    static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "零", "〇": return 0
        case "壹", "一": return 1
        case "贰", "貳", "二", "两", "兩": return 2
        case "叁", "參", "叄", "三": return 3
        case "肆", "四": return 4
        case "伍", "五": return 5
        case "陆", "陸", "六": return 6
        case "柒", "七": return 7
        case "捌", "八": return 8
        case "玖", "九": return 9
        default: return nil
        }
    }

    /// The value of a place unit (拾 佰 仟 万 亿 and their ordinary forms), else nil.
    static func placeUnit(_ s: Unicode.Scalar) -> Int64? {
        switch s {
        case "拾", "十": return 10
        case "佰", "百": return 100
        case "仟", "千": return 1000
        case "万", "萬": return 10_000
        case "亿", "億": return 100_000_000
        default: return nil
        }
    }
}
