import PingchaModel
import PingchaCatalogue

extension WorkingDayCalendar {
    /// The calendar compiled into the binary (`data/calendar/calendar.yaml` at build time), so
    /// that the tool works from any folder. Each call gets its own fallback record; the parsed
    /// table is shared.
    public static func builtIn() -> WorkingDayCalendar {
        let c = embedded
        return WorkingDayCalendar(version: c.version, coveredYears: c.coveredYears, table: c.table)
    }

    /// A calendar file given with `--calendar FILE`.
    /// `--calendar FILE`, or the built-in calendar when no file is given.
    public static func load(optionalPath path: String?) throws(PingchaError) -> WorkingDayCalendar {
        guard let path else { return builtIn() }
        return try load(path: path)
    }

    public static func load(path: String) throws(PingchaError) -> WorkingDayCalendar {
        try parse(yaml: try TextFile.read(path), path: path)
    }

    /// Parses and checks a calendar file; `path` is only used in error locations. Every error
    /// names `file:line:col` of the offending key or date.
    public static func parse(yaml: String, path: String) throws(PingchaError) -> WorkingDayCalendar {
        let file = try CalendarFileParser(path: path).parse(yaml)
        let first = CivilDate(year: file.years.lowerBound, month: 1, day: 1)!
        let last = CivilDate(year: file.years.upperBound, month: 12, day: 31)!
        let table = WorkingDayTable(firstDay: Int(first.dayNumber), lastDay: Int(last.dayNumber),
                                    rest: file.rest, work: file.work)
        return WorkingDayCalendar(version: file.version, coveredYears: file.years, table: table)
    }

    /// Where the embedded file says it comes from, in error messages.
    static let embeddedPath = "data/calendar/calendar.yaml"

    /// Parsed once per process. The test suite loads it, so `try!` cannot fail in a release.
    private static let embedded: WorkingDayCalendar = try! parse(
        yaml: String(decoding: PackageResources.calendar_yaml, as: UTF8.self), path: embeddedPath)
}
