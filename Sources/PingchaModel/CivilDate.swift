/// A calendar date without time or zone: what case files record (立案日期, 决定日期 …).
///
/// Stored as a day number so that date arithmetic (`days`, `add_days`) and comparisons are
/// integer operations; conversion uses the proleptic Gregorian calendar.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var dayNumber: Int32

    public init(dayNumber: Int32) { self.dayNumber = dayNumber }

    /// Nil unless `year`-`month`-`day` is a real date between years 1 and 9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= CivilDate.daysInMonth(year: year, month: month) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        dayNumber = Int32(era * 146_097 + doe - 719_468)
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(dayNumber) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (Int(dayNumber) + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + Int32(days)) }

    /// The same day `n` months later (earlier when negative); where that month is shorter, its
    /// last day: 民法典第二百零二条 counts a period in months to "the day of the last month that
    /// corresponds to the starting day", and to the month's last day where there is none
    /// (2024-01-31 + 1 month = 2024-02-29; 2024-02-29 + 12 months = 2025-02-28). Nil outside
    /// years 1–9999.
    public func adding(months n: Int) -> CivilDate? {
        let (y, m, d) = components
        let (carry, month0) = (m - 1 + n).quotientAndRemainder(dividingBy: 12)
        let (year, month) = month0 < 0 ? (y + carry - 1, month0 + 13) : (y + carry, month0 + 1)
        guard (1...9999).contains(year) else { return nil }
        return CivilDate(year: year, month: month, day: Swift.min(d, CivilDate.daysInMonth(year: year, month: month)))
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// Parses exactly `YYYY-MM-DD`: ten ASCII bytes, digits and two hyphens (the store's dates,
    /// read back for every row of a workbook).
    public init?(iso text: String) {
        var text = text
        guard let parts = text.withUTF8({ b -> (Int, Int, Int)? in
            guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var n = 0
                for i in range {
                    guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                    n = n * 10 + Int(b[i] - 0x30)
                }
                return n
            }
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
            return (y, m, d)
        }) else { return nil }
        self.init(year: parts.0, month: parts.1, day: parts.2)
    }

    public static func < (a: Self, b: Self) -> Bool { a.dayNumber < b.dayNumber }
}
