import PingchaModel

/// Reads the date forms exports use (fields.md, `date`) into a ``CivilDate``.
///
/// Accepted: `2024-03-05`, `2024/3/5`, `2024.3.5`, `2024年3月5日`, `20240305`, an Excel
/// serial number (`45356`, `45356.5`), and any of the separated forms followed by a time of
/// day, which is dropped (`2024-03-05 14:30`, `2024-03-05T14:30:00.000`, `2024年3月5日 14时30分`).
/// Full-width digits and punctuation read as their ASCII forms. Years outside 1900…2100 are
/// refused: in case files they are typing errors, not dates.
public enum DateParser {
    public static let years = 1900...2100

    public static func parse(_ utf8: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        read(CellTrimming.trim(utf8))?.date
    }

    public static func parse(_ text: String) -> CivilDate? {
        text.withCellBytes { parse($0) }
    }

    /// The date and whether it was read as an Excel serial number, which the normaliser
    /// mentions because a stray count (`2024`) would also read as one.
    static func read(_ utf8: UnsafeBufferPointer<UInt8>) -> (date: CivilDate, isExcelSerial: Bool)? {
        if let iso = isoDate(utf8) { return (iso, false) }
        var scanner = CellScanner(utf8)
        guard let first = scanner.readDigits(maxDigits: 8) else { return nil }
        guard let separator = scanner.next() else {
            if first.count == 8 {
                return date(first.value / 10_000, first.value / 100 % 100, first.value % 100).map { ($0, false) }
            }
            return ExcelSerial.date(first.value, digits: first.count).map { ($0, true) }
        }
        switch separator {
        case "." where first.count <= 5 && isFractionOnly(scanner):
            return ExcelSerial.date(first.value, digits: first.count).map { ($0, true) }
        case "-", "/", ".":
            guard first.count == 4, let month = scanner.readDigits(maxDigits: 2),
                  scanner.skip(separator), let day = scanner.readDigits(maxDigits: 2),
                  TimeOfDay.skip(&scanner) else { return nil }
            return date(first.value, month.value, day.value).map { ($0, false) }
        case "年":
            guard first.count == 4, let month = scanner.readDigits(maxDigits: 2), scanner.skip("月"),
                  let day = scanner.readDigits(maxDigits: 2), scanner.skip("日"),
                  TimeOfDay.skip(&scanner) else { return nil }
            return date(first.value, month.value, day.value).map { ($0, false) }
        default:
            return nil
        }
    }

    /// `YYYY-MM-DD` exactly, straight from the bytes: most exports write dates this way and
    /// a run reads millions of them.
    @inline(__always)
    private static func isoDate(_ b: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        @inline(__always) func number(_ from: Int, _ to: Int) -> Int? {
            var v = 0
            for i in from..<to {
                let d = b[i] &- 48
                guard d < 10 else { return nil }
                v = v * 10 + Int(d)
            }
            return v
        }
        guard let y = number(0, 4), let m = number(5, 7), let d = number(8, 10) else { return nil }
        return date(y, m, d)
    }

    private static func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate? {
        guard years.contains(year) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// True if only digits remain: the fraction of a serial such as `45356.5` (a time of day).
    private static func isFractionOnly(_ scanner: CellScanner) -> Bool {
        var rest = scanner
        guard rest.readDigits(maxDigits: 20) != nil else { return false }
        return rest.isAtEnd
    }
}

/// Excel's day numbering, in which CSV exports from spreadsheets often carry dates.
///
/// Day 1 is 1900-01-01, and Excel counts a 1900-02-29 that never existed (serial 60), so from
/// serial 61 on the date is 1899-12-30 plus the serial.
enum ExcelSerial {
    private static let epoch = CivilDate(year: 1899, month: 12, day: 30)!

    static func date(_ serial: Int, digits: Int) -> CivilDate? {
        guard digits <= 5, (1...99_999).contains(serial), serial != 60 else { return nil }
        let date = epoch.adding(days: serial < 60 ? serial + 1 : serial)
        return DateParser.years.contains(date.year) ? date : nil
    }
}

/// The time of day that follows a date in date-time exports; it is checked, then dropped,
/// because case deadlines are counted in days.
enum TimeOfDay {
    /// Consumes an optional time and reports whether the cell ends cleanly after it.
    /// Accepted: `14:30`, `9:05:05`, `14:30:00.000` (after a space or `T`), `14时30分[05秒]`.
    static func skip(_ scanner: inout CellScanner) -> Bool {
        if scanner.isAtEnd { return true }
        let hadSeparator = scanner.skip("T") || scanner.skip("t") || skipSpaces(&scanner)
        guard let hour = scanner.readDigits(maxDigits: 2), hour.value <= 23 else { return false }
        if scanner.skip(":") {
            guard hadSeparator, readSixty(&scanner) else { return false }
            if scanner.skip(":") {
                guard readSixty(&scanner) else { return false }
                if scanner.skip(".") { guard scanner.readDigits(maxDigits: 9) != nil else { return false } }
            }
            return scanner.isAtEnd
        }
        guard scanner.skip("时") || scanner.skip("点") else { return false }
        if readSixty(&scanner) {
            guard scanner.skip("分") else { return false }
            if readSixty(&scanner) { guard scanner.skip("秒") else { return false } }
        }
        return scanner.isAtEnd
    }

    private static func skipSpaces(_ scanner: inout CellScanner) -> Bool {
        guard scanner.peek() == " " else { return false }
        scanner.skipSpaces()
        return true
    }

    private static func readSixty(_ scanner: inout CellScanner) -> Bool {
        guard let v = scanner.readDigits(maxDigits: 2), v.value <= 59 else { return false }
        return true
    }
}
