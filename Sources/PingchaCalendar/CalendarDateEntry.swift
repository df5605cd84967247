import PingchaModel

/// One item of a `rest` or `work` list: a date `2024-06-10` or an inclusive range
/// `2024-02-10..2024-02-17`, with the YAML position it came from.
struct CalendarDateEntry {
    let text: String
    let first: CivilDate
    let last: CivilDate
    let location: SourceLocation

    /// Range separator; `..` reads as “至” and cannot occur inside an ISO date.
    static let separator = ".."

    init(text: String, location: SourceLocation) throws(PingchaError) {
        self.text = text
        self.location = location
        let parts = text.split(separator: CalendarDateEntry.separator, omittingEmptySubsequences: false)
            .map(CalendarDateEntry.trimSpaces)
        guard parts.count == 1 || parts.count == 2,
              let first = CivilDate(iso: parts[0]), let last = CivilDate(iso: parts[parts.count - 1]) else {
            throw .calendarBadDate(location, text: text)
        }
        if last < first { throw .calendarReversedRange(location, text: text) }
        self.first = first
        self.last = last
    }

    /// Spaces around `..` are tolerated (`2024-02-10 .. 2024-02-17`).
    private static func trimSpaces(_ s: Substring) -> String {
        var t = s
        while t.first == " " { t = t.dropFirst() }
        while t.last == " " { t = t.dropLast() }
        return String(t)
    }
}
