/// Closed-form arithmetic over the plain week (周一至周五上班): what the calendar answers for
/// days outside the years its notices cover.
///
/// Every Monday–Friday day gets an *index*: the number of Monday–Friday days from a fixed
/// Monday up to it. Counting and stepping then become divisions instead of day-by-day loops,
/// so the fallback is as cheap as the table, however far from the covered years a date lies.
enum MondayToFriday {
    /// 1970-01-05, a Monday (day number 0 is Thursday 1970-01-01).
    static let anchorMonday = 4

    @inline(__always)
    static func isWeekday(_ day: Int) -> Bool {
        let r = (day - anchorMonday) % 7
        return (r < 0 ? r + 7 : r) < 5
    }

    /// Monday–Friday days in `[anchorMonday, day)`, negative before the anchor: the index of
    /// `day` when it is a weekday, and of the next Monday when it is a weekend day.
    @inline(__always)
    static func index(of day: Int) -> Int {
        let k = day - anchorMonday
        let weeks = floorDiv(k, 7)
        return 5 * weeks + min(k - 7 * weeks, 5)
    }

    /// The weekday whose index is `i` (inverse of ``index(of:)`` on weekdays).
    @inline(__always)
    static func day(atIndex i: Int) -> Int {
        let weeks = floorDiv(i, 5)
        return anchorMonday + 7 * weeks + (i - 5 * weeks)
    }

    /// Monday–Friday days in the half-open span `[from, to)`; 0 when `to <= from`.
    @inline(__always)
    static func count(from: Int, to: Int) -> Int {
        to <= from ? 0 : index(of: to) - index(of: from)
    }

    @inline(__always)
    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
