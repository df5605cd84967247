#if canImport(Glibc)
import Glibc
#endif
import PingchaModel

/// Where cell text is written: the row being built, or an array (tests).
protocol CellTextSink {
    mutating func appendBytes(_ bytes: UnsafeRawPointer, _ count: Int)
}

extension Array: CellTextSink where Element == UInt8 {
    mutating func appendBytes(_ bytes: UnsafeRawPointer, _ count: Int) {
        append(contentsOf: UnsafeRawBufferPointer(start: bytes, count: count))
    }
}

extension RowBuffer: CellTextSink {
    @inline(__always)
    mutating func appendBytes(_ bytes: UnsafeRawPointer, _ count: Int) { append(bytes, count) }
}

/// The text a workbook cell stands for, written as the rest of ingestion expects to read it:
/// what the user sees in Excel, so that a value reads the same from a workbook as from the
/// CSV Excel would save of it.
enum CellText {
    /// Excel shows at most 15 significant digits; stored values often carry binary noise past
    /// them (`0.30000000000000004`), which the user never sees.
    static let significantDigits = 15

    /// Appends the number a cell stores, as Excel would show it in General format.
    static func appendNumber<Out: CellTextSink>(_ stored: UnsafeBufferPointer<UInt8>, to out: inout Out) {
        guard let base = stored.baseAddress else { return }
        if isPlain(stored) {
            out.appendBytes(base, stored.count)
            return
        }
        guard let value = double(stored) else {
            out.appendBytes(base, stored.count)
            return
        }
        var text = format(value)
        text.withUTF8 { out.appendBytes($0.baseAddress!, $0.count) }
    }

    /// Appends the date a date-formatted cell shows (`YYYY-MM-DD`), from its day count in the
    /// workbook's date system. A time of day is dropped (deadlines are counted in days). A day
    /// count that is no real date (Excel's 1900-02-29, negative numbers) is appended as the
    /// number, so that the date reader reports it as it would any bad date.
    static func appendDate<Out: CellTextSink>(_ stored: UnsafeBufferPointer<UInt8>, uses1904: Bool, to out: inout Out) {
        // A whole day count (what date cells hold) is read without strtod.
        let serial = wholeNumber(stored).map(Double.init) ?? double(stored)
        guard let serial, let date = date(serial: serial, uses1904: uses1904) else {
            appendNumber(stored, to: &out)
            return
        }
        // `YYYY-MM-DD` written digit by digit: a String per date cell showed in profiles.
        let (y, m, d) = date.components
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0x30 + UInt8(y / 1000), 0x30 + UInt8(y / 100 % 10), 0x30 + UInt8(y / 10 % 10), 0x30 + UInt8(y % 10), 0x2D,
             0x30 + UInt8(m / 10), 0x30 + UInt8(m % 10), 0x2D, 0x30 + UInt8(d / 10), 0x30 + UInt8(d % 10))
        withUnsafeBytes(of: &digits) { out.appendBytes($0.baseAddress!, 10) }
    }

    /// A non-negative integer of at most 9 digits; nil for anything else.
    private static func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var n = 0
        for b in bytes {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            n = n * 10 + Int(b - 0x30)
        }
        return n
    }

    /// The calendar date of an Excel day count. 1900 system: day 1 is 1900-01-01 and day 60 is
    /// the 1900-02-29 Lotus invented; 1904 system: day 0 is 1904-01-01.
    static func date(serial: Double, uses1904: Bool) -> CivilDate? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let day = Int(serial.rounded(.down))
        if uses1904 { return CivilDate(year: 1904, month: 1, day: 1)!.adding(days: day) }
        if day == 60 || day == 0 { return nil }
        let epoch = CivilDate(year: 1899, month: 12, day: 30)!
        return epoch.adding(days: day < 60 ? day + 1 : day)
    }

    /// A decimal without exponent and with at most 15 significant digits, or a whole number
    /// of any length: kept as written. Binary noise only ever follows a point; a long whole
    /// number is a case number or an ID that the exporting system wrote digit for digit, and
    /// rounding it to 15 digits (`6.5020320250001e+15`) made different cases one.
    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        var leadingZeros = true
        var whole = true
        for b in bytes {
            switch b {
            case UInt8(ascii: "0"):
                if !leadingZeros { digits += 1 }
            case UInt8(ascii: "1")...UInt8(ascii: "9"):
                leadingZeros = false
                digits += 1
            case UInt8(ascii: "."):
                whole = false
            case UInt8(ascii: "-"):
                continue
            default:
                return false
            }
        }
        return digits <= significantDigits || (whole && digits > 0)
    }

    private static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !bytes.isEmpty, bytes.count < 64 else { return nil }
        var text = [CChar](repeating: 0, count: bytes.count + 1)
        for (i, b) in bytes.enumerated() { text[i] = CChar(bitPattern: b) }
        return text.withUnsafeMutableBufferPointer { buffer -> Double? in
            let start = buffer.baseAddress!
            var end: UnsafeMutablePointer<CChar>? = start
            let value = strtod(start, &end)
            return end.map { $0 - start } == bytes.count ? value : nil
        }
    }

    /// 15 significant digits, trailing zeros dropped; whole numbers below 10^15 without exponent.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var buffer = [CChar](repeating: 0, count: 40)
        _ = buffer.withUnsafeMutableBufferPointer { b in
            withVaList([value]) { vsnprintf(b.baseAddress!, 40, "%.15g", $0) }
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
