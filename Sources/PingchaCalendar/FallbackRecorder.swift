import Foundation

/// Remembers which years outside the calendar were answered with the Monday–Friday fallback,
/// so that a run can print one warning (“2027 年不在工作日历内，按周一至周五计算”) instead of
/// one per case.
///
/// Shared by copies of a calendar and by the scoring threads; it is touched only when a date
/// outside the covered years is consulted, so the lock costs nothing on the normal path.
final class FallbackRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var years: Set<Int> = []

    /// Records the years of `years` that lie outside `covered`. An absurd span (a typo of
    /// thousands of years in a rubric) records only its two ends rather than every year.
    func note(years: ClosedRange<Int>, outside covered: ClosedRange<Int>) {
        lock.lock()
        defer { lock.unlock() }
        if years.count > 400 {
            for y in [years.lowerBound, years.upperBound] where !covered.contains(y) { self.years.insert(y) }
        } else {
            for y in years where !covered.contains(y) { self.years.insert(y) }
        }
    }

    var isEmpty: Bool {
        lock.lock()
        defer { lock.unlock() }
        return years.isEmpty
    }

    func sortedYears() -> [Int] {
        lock.lock()
        defer { lock.unlock() }
        return years.sorted()
    }
}
