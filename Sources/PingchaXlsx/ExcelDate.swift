import PingchaModel

/// Serial day numbers of Excel's 1900 date system.
enum ExcelDate {
    /// 1970-01-01 is serial 25569.
    private static let unixEpochSerial = 25_569
    /// 1900-03-01: from here serials count days since 1899-12-30.
    private static let firstDayAfterFakeLeapDay = CivilDate(year: 1900, month: 3, day: 1)!
    private static let firstDay = CivilDate(year: 1900, month: 1, day: 1)!

    /// The serial of `date`, or nil before 1900-01-01, which the 1900 system cannot hold.
    ///
    /// Excel (copying Lotus 1-2-3) treats 1900 as a leap year: serial 60 is the fictitious
    /// 1900-02-29, so the days before it are one lower than the count since 1899-12-30 gives.
    static func serial(_ date: CivilDate) -> Int? {
        if date >= firstDayAfterFakeLeapDay { return Int(date.dayNumber) + unixEpochSerial }
        if date >= firstDay { return Int(date.dayNumber) + unixEpochSerial - 1 }
        return nil
    }
}
