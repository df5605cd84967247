import PingchaModel

/// Reads the date forms exports use (fields.md, `date`) into a ``CivilDate``.
///
/// Accepted: `2024-03-05`, `2024/3/5`, `2024.3.5`, `2024年3月5日` (also `2024 年 3 月 5 日` and
/// `5号`), the date of official documents in Chinese numerals (`二〇二四年三月五日`),
/// `20240305`, an Excel serial number (`45356`, `45356.5`), and any of the separated forms
/// followed by its weekday (`2024/3/5 星期二`, `周二`; a weekday that is not the date's refuses
/// it: one of the two is mistyped) and by a time of day, which is dropped (`2024-03-05 14:30`,
/// `2024-03-05T14:30:00.000`, `2024年3月5日 14时30分`). Full-width digits and punctuation read
/// as their ASCII forms. Years outside 1900…2100 are refused: in case files they are typing
/// errors, not dates.
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
        guard let first = scanner.readDigits(maxDigits: 8) else {
            return ChineseDate.read(&scanner).flatMap { date in rest(date, &scanner) ? (date, false) : nil }
        }
        var afterYear = scanner
        afterYear.skipSpaces()
        if afterYear.skip("年") {
            guard first.count == 4 else { return nil }
            afterYear.skipSpaces()
            guard let month = afterYear.readDigits(maxDigits: 2) else { return nil }
            afterYear.skipSpaces()
            guard afterYear.skip("月") else { return nil }
            afterYear.skipSpaces()
            guard let day = afterYear.readDigits(maxDigits: 2) else { return nil }
            afterYear.skipSpaces()
            guard afterYear.skip("日") || afterYear.skip("号"), let d = date(first.value, month.value, day.value),
                  rest(d, &afterYear) else { return nil }
            return (d, false)
        }
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
                  let d = date(first.value, month.value, day.value), rest(d, &scanner) else { return nil }
            return (d, false)
        default:
            return nil
        }
    }

    /// What may follow a date: its weekday, which must be the date's, then a time of day.
    private static func rest(_ date: CivilDate, _ scanner: inout CellScanner) -> Bool {
        var copy = scanner
        copy.skipSpaces()
        if let weekday = Weekday.read(&copy) {
            guard weekday == date.weekday else { return false }
            scanner = copy
        }
        return TimeOfDay.skip(&scanner)
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

/// `星期二`, `周二`, `礼拜二` (星期日, 星期天, 周日 for Sunday), optionally in brackets: the
/// ISO weekday, 1 = Monday … 7 = Sunday.
enum Weekday {
    static func read(_ scanner: inout CellScanner) -> Int? {
        var copy = scanner
        let bracketed = copy.skip("(")  // （ reads as ( (CellScanner folds full-width forms)
        guard copy.skip(word: "星期") || copy.skip(word: "礼拜") || copy.skip("周"), let s = copy.next() else { return nil }
        let names: [Unicode.Scalar] = ["一", "二", "三", "四", "五", "六", "日"]
        guard let index = names.firstIndex(of: s) ?? (s == "天" ? 6 : nil) else { return nil }
        if bracketed { guard copy.skip(")") else { return nil } }
        scanner = copy
        return index + 1
    }
}

/// The date of official documents, in Chinese numerals (GB/T 9704: 成文日期 `二〇二四年三月五日`):
/// the year digit by digit (〇 or ○ or 零 for zero), the month and day as counted (十二, 二十一),
/// then 日 or 号.
enum ChineseDate {
    static func read(_ scanner: inout CellScanner) -> CivilDate? {
        var copy = scanner
        var year = 0
        for _ in 0..<4 {
            guard let d = digit(copy.next()) else { return nil }
            year = year * 10 + d
        }
        guard copy.skip("年"), let month = count(&copy), copy.skip("月"), let day = count(&copy),
              copy.skip("日") || copy.skip("号"), DateParser.years.contains(year),
              let date = CivilDate(year: year, month: month, day: day) else { return nil }
        scanner = copy
        return date
    }

    private static func digit(_ s: Unicode.Scalar?) -> Int? {
        switch s {
        case "〇", "○", "零", "0": return 0
        case "一": return 1
        case "二": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        default: return nil
        }
    }

    /// 1…39 as counted: 五, 十, 十二, 二十, 二十一, 三十一.
    private static func count(_ scanner: inout CellScanner) -> Int? {
        var tens = 0
        if scanner.skip("十") {
            tens = 1
        } else if let d = digit(scanner.peek()), d > 0 {
            _ = scanner.next()
            guard scanner.skip("十") else { return d }
            guard d <= 3 else { return nil }
            tens = d
        } else {
            return nil
        }
        var units = scanner
        if let d = digit(units.next()), d > 0 {
            scanner = units
            return tens * 10 + d
        }
        return tens * 10
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
