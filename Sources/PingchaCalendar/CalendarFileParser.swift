import PingchaModel
import Yams
import PingchaCatalogue

/// What a calendar file says, checked: the covered years and the day numbers listed as rest
/// days (休息日) and as adjusted working weekend days (调休上班日).
struct CalendarFile {
    var version: String
    var years: ClosedRange<Int>
    var rest: Set<Int>
    var work: Set<Int>
}

/// Reads `calendar.yaml` (format in the file's own header comment):
///
/// ```yaml
/// version: "2026.1"
/// years:
///   2024:
///     notices:
///       - title: 国务院办公厅关于2024年部分节假日安排的通知
///         date: 2023-10-25
///     rest: [2024-01-01, 2024-02-10..2024-02-17]
///     work: [2024-02-04, 2024-02-18]
/// ```
///
/// The checks are the mistakes a supervisor adding next year's notice would make: a mistyped
/// or impossible date, a range written backwards, a day listed twice (or both as rest and as
/// work), a weekday listed as 调休上班 (usually a typo in the date), a date of another year
/// (a block pasted under the wrong year), a gap between years, an unknown key.
struct CalendarFileParser {
    static let topKeys = ["version", "note", "years"]
    static let yearKeys = ["notices", "rest", "work"]
    static let noticeKeys = ["title", "number", "date", "url", "note"]
    static let restName = "休息日"
    static let workName = "调休上班日"

    let reader: YAMLReader

    init(path: String) { reader = YAMLReader(path: path) }

    func parse(_ text: String) throws(PingchaError) -> CalendarFile {
        guard let root = try CalendarYAML.compose(text, reader: reader) else {
            throw .missingKey(SourceLocation(file: reader.path, line: 1, column: 1), key: "version", context: "工作日历")
        }
        var version = ""
        var yearsNode: Node?
        let top = try reader.mapping(root, allowed: Self.topKeys, required: ["version", "years"], context: "工作日历")
        for (key, _, value) in top {
            switch key {
            case "version":
                version = try reader.string(value, key: key)
                if version.isEmpty {
                    throw .wrongNodeKind(reader.location(value), key: key, expected: "非空文本（如 \"2026.1\"）")
                }
            case "note": _ = try reader.string(value, key: key)
            default: yearsNode = value
            }
        }
        guard let yearsNode else { throw .missingKey(reader.location(root), key: "years", context: "工作日历") }
        let years = try declaredYears(yearsNode)
        let covered = years.map(\.year).min()!...years.map(\.year).max()!

        var file = CalendarFile(version: version, years: covered, rest: [], work: [])
        // Every listed day → (which list, line), to report the first listing of a repeat.
        var listed: [Int: (kind: String, line: Int)] = [:]
        for (year, _, body) in years {
            let entries = try reader.mapping(body, allowed: Self.yearKeys, required: ["notices", "rest"], context: "\(year) 年")
            for (key, _, value) in entries {
                switch key {
                case "notices": try checkNotices(value)
                case "rest":
                    for entry in try dateEntries(value, key: key) {
                        try add(entry, kind: Self.restName, year: year, covered: covered, listed: &listed, into: &file.rest)
                    }
                default:
                    for entry in try dateEntries(value, key: key) {
                        try add(entry, kind: Self.workName, year: year, covered: covered, listed: &listed, into: &file.work)
                    }
                }
            }
        }
        return file
    }

    /// The `years` mapping's entries in file order, checked to be four-digit years, each once,
    /// without gaps.
    private func declaredYears(_ node: Node) throws(PingchaError) -> [(year: Int, key: Node, body: Node)] {
        guard let map = node.mapping else {
            throw .wrongNodeKind(reader.location(node), key: "years", expected: "以年份为键的映射")
        }
        var years: [(year: Int, key: Node, body: Node)] = []
        for (k, v) in map {
            let text = k.scalar?.string ?? ""
            guard text.utf8.count == 4, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let year = Int(text),
                  year >= 1000 else {
                throw .calendarBadYear(reader.location(k), text: text)
            }
            if let other = years.first(where: { $0.year == year }) {
                throw .calendarDuplicateKey(reader.location(k), key: text, firstLine: other.key.mark?.line ?? 0)
            }
            years.append((year, k, v))
        }
        if years.isEmpty { throw .calendarNoYears(reader.location(node)) }
        let sorted = years.sorted { $0.year < $1.year }
        for (a, b) in zip(sorted, sorted.dropFirst()) where b.year > a.year + 1 {
            throw .calendarYearGap(reader.location(b.key), missing: Array(a.year + 1 ..< b.year))
        }
        return years
    }

    /// `notices`: a list of 通知, each with at least a title; checked for shape only.
    private func checkNotices(_ node: Node) throws(PingchaError) {
        guard let list = node.sequence, !list.isEmpty else {
            throw .wrongNodeKind(reader.location(node), key: "notices", expected: "通知列表（每项至少有 title）")
        }
        for item in list {
            for (key, _, value) in try reader.mapping(item, allowed: Self.noticeKeys, required: ["title"], context: "通知") {
                let text = try reader.string(value, key: key)
                if key == "date" && CivilDate(iso: text) == nil {
                    throw .calendarBadDate(reader.location(value), text: text)
                }
            }
        }
    }

    /// A `rest` / `work` list; an empty value (`work:`) is an empty list.
    private func dateEntries(_ node: Node, key: String) throws(PingchaError) -> [CalendarDateEntry] {
        if let s = node.scalar, ["", "~", "null"].contains(s.string) { return [] }
        var entries: [CalendarDateEntry] = []
        for (text, item) in try reader.strings(node, key: key) {
            entries.append(try CalendarDateEntry(text: text, location: reader.location(item)))
        }
        return entries
    }

    /// Checks one entry against its year and the days already listed, then adds its days.
    private func add(_ entry: CalendarDateEntry, kind: String, year: Int, covered: ClosedRange<Int>,
                     listed: inout [Int: (kind: String, line: Int)], into days: inout Set<Int>) throws(PingchaError) {
        // A year's notice may start its 元旦 block in the previous December (2023: 2022-12-31).
        let earliest = CivilDate(year: year - 1, month: 12, day: 1)!
        let latest = CivilDate(year: year, month: 12, day: 31)!
        if entry.first < earliest {
            throw .calendarDateOutsideYear(entry.location, date: entry.first.description, kind: kind, year: year)
        }
        if entry.last > latest {
            throw .calendarDateOutsideYear(entry.location, date: entry.last.description, kind: kind, year: year)
        }
        if entry.first.year < year && !covered.contains(year - 1) {
            throw .calendarPreviousYearMissing(entry.location, date: entry.first.description, kind: kind, year: year)
        }
        let line = entry.location.line ?? 0
        for day in Int(entry.first.dayNumber)...Int(entry.last.dayNumber) {
            let date = CivilDate(dayNumber: Int32(day))
            if kind == Self.workName && date.weekday <= 5 {
                throw .calendarWorkDayNotWeekend(entry.location, date: date.description, weekday: date.weekday)
            }
            if let first = listed[day] {
                throw .calendarDuplicateDate(entry.location, date: date.description, kind: kind,
                                             firstKind: first.kind, firstLine: first.line)
            }
            listed[day] = (kind, line)
            days.insert(day)
        }
    }
}
