/// The covered years precomputed once (工作日表), so that the per-case, per-rule questions the
/// scoring stage asks millions of times are array reads instead of loops:
///
/// - `bits`: one bit per day, set on working days — ``isWorking(_:)``;
/// - `prefix`: running count of working days — `workdays` is one subtraction;
/// - `workingOffsets`: where the k-th working day falls — `add_workdays` is one lookup.
///
/// Beyond the table the count simply continues over Monday–Friday (``MondayToFriday``), so
/// the counting functions stay O(1) for any date and agree at the table's edges.
struct WorkingDayTable: Sendable {
    /// Day number of the first day in the table (1 January of the first covered year).
    let firstDay: Int
    /// Day number of the last day in the table (31 December of the last covered year).
    let lastDay: Int
    private let bits: [UInt64]
    /// `prefix[i]`: working days among the table's first `i` days; `dayCount + 1` entries.
    private let prefix: [Int32]
    /// `workingOffsets[k]`: offset from `firstDay` of the table's (k+1)-th working day.
    private let workingOffsets: [Int32]

    /// `rest` and `work` are day numbers inside `firstDay...lastDay`; a day is working when it
    /// is Monday–Friday and not rest, or when it is listed as work (调休上班).
    init(firstDay: Int, lastDay: Int, rest: Set<Int>, work: Set<Int>) {
        self.firstDay = firstDay
        self.lastDay = lastDay
        let count = lastDay - firstDay + 1
        var bits = [UInt64](repeating: 0, count: (count + 63) / 64)
        var prefix = [Int32](repeating: 0, count: count + 1)
        var offsets: [Int32] = []
        offsets.reserveCapacity(count)
        for i in 0..<count {
            let day = firstDay + i
            let working = work.contains(day) || (MondayToFriday.isWeekday(day) && !rest.contains(day))
            if working {
                bits[i >> 6] |= 1 << UInt64(i & 63)
                offsets.append(Int32(i))
            }
            prefix[i + 1] = prefix[i] + (working ? 1 : 0)
        }
        self.bits = bits
        self.prefix = prefix
        self.workingOffsets = offsets
    }

    @inline(__always)
    func contains(_ day: Int) -> Bool { day >= firstDay && day <= lastDay }

    /// Whether a day inside the table is a working day.
    @inline(__always)
    func isWorking(_ day: Int) -> Bool {
        let i = day - firstDay
        return bits[i >> 6] & (1 << UInt64(i & 63)) != 0
    }

    /// Working days in `firstDay..<day` — negative, counting Monday–Friday, when `day` is
    /// before the table; continuing over Monday–Friday after it.
    @inline(__always)
    func count(before day: Int) -> Int {
        if day <= firstDay { return -MondayToFriday.count(from: day, to: firstDay) }
        if day <= lastDay + 1 { return Int(prefix[day - firstDay]) }
        return Int(prefix[prefix.count - 1]) + MondayToFriday.count(from: lastDay + 1, to: day)
    }

    /// The rank of a day: working days up to and including it (``count(before:)`` of the next
    /// day). A working day's rank is its number in the sequence of all working days, the first
    /// working day of the table being 1; a rest day shares the rank of the working day before it.
    @inline(__always)
    func rank(_ day: Int) -> Int { count(before: day + 1) }

    /// The working day whose rank is `n` (inverse of ``rank(_:)`` on working days).
    @inline(__always)
    func workingDay(rank n: Int) -> Int {
        let total = workingOffsets.count
        if n >= 1 && n <= total { return firstDay + Int(workingOffsets[n - 1]) }
        if n > total {
            return MondayToFriday.day(atIndex: MondayToFriday.index(of: lastDay + 1) + (n - total - 1))
        }
        // n ≤ 0: the (1 − n)-th Monday–Friday day before the table.
        return MondayToFriday.day(atIndex: MondayToFriday.index(of: firstDay) - (1 - n))
    }
}
