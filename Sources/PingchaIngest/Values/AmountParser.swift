import PingchaModel

/// Reads amounts and counts (fields.md, `number`) into an exact ``DecimalNumber``.
///
/// Accepted: `5000`, `-12.5`, `5,000.00`, `5，000`, `5000元`, `￥5000`, `¥5,000`, `RMB5000`,
/// `人民币5000元`, `5千`, `1.2万元`, `0.5亿`, `5000元整`, Chinese numerals (`人民币伍仟元整`,
/// `十二`) and a trailing count unit (`2人`, `3份`). Thousands separators must group by three,
/// so that a European `1,5` is refused rather than read as fifteen. Values that need more
/// than four fractional digits, or overflow, are refused: amounts are kept exact.
public enum AmountParser {
    public static func parse(_ utf8: UnsafeBufferPointer<UInt8>) -> DecimalNumber? {
        read(CellTrimming.trim(utf8))
    }

    public static func parse(_ text: String) -> DecimalNumber? {
        text.withCellBytes { parse($0) }
    }

    /// Reads a trimmed cell. A bare number is scaled by `10^headerExponent` (the unit in the
    /// column header, such as 万元); a value that names its own unit (a currency, 元, 万/千/亿
    /// after digits, or a count unit) is taken at its word. Scaling happens before the
    /// exactness check, so `0.00005` in a 万元 column is an exact 0.5 yuan.
    static func read(_ utf8: UnsafeBufferPointer<UInt8>, headerExponent: Int = 0) -> DecimalNumber? {
        var scanner = CellScanner(utf8)
        var negative = readSign(&scanner)
        let hasCurrency = skipCurrency(&scanner)
        if hasCurrency {
            scanner.skipSpaces()
            if negative == nil { negative = readSign(&scanner) }
        }
        var reading: Reading
        if CellScanner.digitValue(scanner.peek()) != nil || scanner.peek() == "." {
            guard let arabic = readArabic(&scanner) else { return nil }
            reading = arabic
        } else {
            guard let chinese = ChineseNumeral.read(&scanner) else { return nil }
            reading = Reading(mantissa: chinese.value.units, exponent: 0, isMoney: chinese.isMoney, hasMagnitude: false)
        }
        var hasCountUnit = false
        if !hasCurrency && !reading.isMoney, let s = scanner.peek(), isCountUnit(s) {
            _ = scanner.next()
            hasCountUnit = true
        }
        guard scanner.isAtEnd else { return nil }
        let hasOwnUnit = hasCurrency || reading.isMoney || reading.hasMagnitude || hasCountUnit
        guard let units = scaled(reading.mantissa, by: reading.exponent + (hasOwnUnit ? 0 : headerExponent)) else {
            return nil
        }
        return DecimalNumber(units: negative == true ? -units : units)
    }

    /// `mantissa × 10^exponent` is the value in DecimalNumber units.
    private struct Reading {
        var mantissa: Int64
        var exponent: Int
        var isMoney: Bool
        var hasMagnitude: Bool
    }

    /// Digits with optional grouping and fraction, then an optional magnitude (百/千, 万/亿)
    /// and an optional 元 with 整.
    private static func readArabic(_ scanner: inout CellScanner) -> Reading? {
        guard let decimal = readDecimal(&scanner) else { return nil }
        scanner.skipSpaces()
        var magnitude = 0
        if let s = scanner.peek(), let unit = ChineseNumeral.placeUnit(s), unit == 100 || unit == 1000 {
            _ = scanner.next()
            magnitude += unit == 100 ? 2 : 3
        }
        if let s = scanner.peek(), let unit = ChineseNumeral.placeUnit(s), unit >= 10_000 {
            _ = scanner.next()
            magnitude += unit == 10_000 ? 4 : 8
        }
        let isMoney = scanner.skip("元") || scanner.skip("圆")
        if isMoney { _ = scanner.skip("整") || scanner.skip("正") }
        return Reading(mantissa: decimal.mantissa,
                       exponent: DecimalNumber.fractionDigits + magnitude - decimal.fractionDigits,
                       isMoney: isMoney, hasMagnitude: magnitude > 0)
    }

    /// The digits as one integer and how many of them are fractional. Trailing fractional
    /// zeros are not counted, so `5000.000000` is as exact as `5000`.
    private static func readDecimal(_ scanner: inout CellScanner) -> (mantissa: Int64, fractionDigits: Int)? {
        var mantissa: Int64 = 0
        var digits = 0
        var groupLength = 0
        var grouped = false
        func append(_ d: Int, shiftingBy places: Int = 1) -> Bool {
            for _ in 0..<places {
                let (m, o) = mantissa.multipliedReportingOverflow(by: 10)
                if o { return false }
                mantissa = m
            }
            let (a, o) = mantissa.addingReportingOverflow(Int64(d))
            mantissa = a
            return !o
        }
        while let s = scanner.peek() {
            if let d = CellScanner.digitValue(s) {
                guard append(d) else { return nil }
                digits += 1
                groupLength += 1
            } else if s == "," {
                // 1-3 digits before the first separator, exactly three between separators.
                guard groupLength >= 1, groupLength <= 3, !grouped || groupLength == 3 else { return nil }
                grouped = true
                groupLength = 0
            } else {
                break
            }
            _ = scanner.next()
        }
        if grouped && groupLength != 3 { return nil }
        var fractionDigits = 0
        if scanner.skip(".") {
            var zeros = 0
            while let d = CellScanner.digitValue(scanner.peek()) {
                _ = scanner.next()
                digits += 1
                if d == 0 { zeros += 1; continue }
                guard append(d, shiftingBy: zeros + 1) else { return nil }
                fractionDigits += zeros + 1
                zeros = 0
            }
        }
        return digits > 0 ? (mantissa, fractionDigits) : nil
    }

    /// `mantissa × 10^exponent`; nil on overflow or when the exponent is negative (the last
    /// fractional digit is never zero, so the value would need a fifth fractional digit).
    private static func scaled(_ mantissa: Int64, by exponent: Int) -> Int64? {
        guard exponent >= 0 else { return nil }
        var units = mantissa
        for _ in 0..<exponent {
            let (m, o) = units.multipliedReportingOverflow(by: 10)
            if o { return nil }
            units = m
        }
        return units
    }

    /// A leading `-` or `+`: true for negative, nil when there is no sign.
    private static func readSign(_ scanner: inout CellScanner) -> Bool? {
        if scanner.skip("-") { return true }
        if scanner.skip("+") { return false }
        return nil
    }

    /// `￥` (full-width), `¥`, `RMB` or `人民币` before the amount.
    private static func skipCurrency(_ scanner: inout CellScanner) -> Bool {
        switch scanner.peek() {
        case "￥", "¥": return scanner.next() != nil
        case "R", "r": return scanner.skip(word: "RMB")
        case "人": return scanner.skip(word: "人民币")
        default: return false
        }
    }

    /// 人 名 份 件 个 项 次: counts such as 执法人员人数 or 证据份数 are often written `2人`.
    static func isCountUnit(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "人", "名", "份", "件", "个", "项", "次": return true
        default: return false
        }
    }
}
