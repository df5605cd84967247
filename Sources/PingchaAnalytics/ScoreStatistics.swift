import PingchaModel

/// Count, exact sum, mean, median, min and max of a set of scores.
///
/// The sum is kept exactly (``DecimalNumber``) and divided only once, at the end, so that
/// a mean of 85, 85.5 and 90.25 is 260.75/3 and two departments whose exact means are
/// equal rank equal. Scores are at most a few hundred points, so the sum cannot overflow
/// for any real batch (the limit is about 9·10¹⁴ points); it traps rather than wraps.
public struct ScoreStatistics: Sendable, Hashable {
    public var count: Int
    /// The exact sum of the scores.
    public var sum: DecimalNumber
    public var min: DecimalNumber?
    public var max: DecimalNumber?
    /// The median: the middle score, or the mean of the two middle ones for an even count.
    public var median: Double?
    /// The sample variance, Σ(score − mean)² / (count − 1); nil below two scores.
    public var variance: Double?

    public init<S: Sequence>(_ scores: S) where S.Element == DecimalNumber {
        let sorted = scores.sorted()
        count = sorted.count
        sum = DecimalNumber(units: sorted.reduce(Int64(0)) { $0 + $1.units })
        min = sorted.first
        max = sorted.last
        // Equal scores taken together, as ``init(counts:)`` takes them: the same sum in the same
        // order, to the last bit.
        var runs: [(DecimalNumber, Int)] = []
        for score in sorted {
            if let last = runs.last, last.0 == score { runs[runs.count - 1].1 += 1 } else { runs.append((score, 1)) }
        }
        variance = Self.variance(sum: sum, count: sorted.count, runs)
        if sorted.isEmpty {
            median = nil
        } else if sorted.count % 2 == 1 {
            median = sorted[sorted.count / 2].doubleValue
        } else {
            let a = sorted[sorted.count / 2 - 1].units, b = sorted[sorted.count / 2].units
            // a + b cannot overflow where the sum did not.
            median = Double(a + b) / 2 / Double(DecimalNumber.scale)
        }
    }

    /// The same figures from how many times each score occurs (a batch of a million cases
    /// has a few hundred distinct scores: counting them is cheaper than sorting them all).
    public init(counts: [DecimalNumber: Int]) {
        let distinct = counts.keys.sorted()
        count = counts.values.reduce(0, +)
        sum = DecimalNumber(units: distinct.reduce(Int64(0)) { $0 + $1.units * Int64(counts[$1]!) })
        min = distinct.first
        max = distinct.last
        variance = Self.variance(sum: sum, count: count, distinct.lazy.map { ($0, counts[$0]!) })
        guard count > 0 else {
            median = nil
            return
        }
        // The score at sorted position i (0-based).
        func score(at i: Int) -> DecimalNumber {
            var seen = 0
            for d in distinct {
                seen += counts[d]!
                if i < seen { return d }
            }
            return distinct[distinct.count - 1]
        }
        if count % 2 == 1 {
            median = score(at: count / 2).doubleValue
        } else {
            let a = score(at: count / 2 - 1).units, b = score(at: count / 2).units
            median = Double(a + b) / 2 / Double(DecimalNumber.scale)
        }
    }

    /// Squared distances from the mean, each score once per time it occurs: around the mean
    /// rather than as mean of squares − square of mean, which loses digits when scores are
    /// close together.
    private static func variance(sum: DecimalNumber, count: Int, _ scores: some Sequence<(DecimalNumber, Int)>) -> Double? {
        guard count >= 2 else { return nil }
        let mean = Double(sum.units) / Double(count) / Double(DecimalNumber.scale)
        var squares = 0.0
        for (score, times) in scores {
            let d = score.doubleValue - mean
            squares += d * d * Double(times)
        }
        return squares / Double(count - 1)
    }

    /// The 95 % interval of the mean (mean ± 1.96·s/√n, the normal approximation), never below
    /// zero: how far a department's mean over sampled cases may lie from the mean over all of its
    /// cases. Nil below two scores.
    public var meanInterval: ClosedRange<Double>? {
        guard let mean, let variance else { return nil }
        let half = 1.96 * (variance / Double(count)).squareRoot()
        return Swift.max(0, mean - half)...(mean + half)
    }

    /// sum / count, for display; nil without scores.
    public var mean: Double? {
        count > 0 ? Double(sum.units) / Double(count) / Double(DecimalNumber.scale) : nil
    }

    /// Compares two means exactly (sum₁·n₂ against sum₂·n₁ in 128 bits), so that ranks
    /// never depend on how a Double rounds. An empty set compares below any mean.
    public static func compareMeans(_ a: ScoreStatistics, _ b: ScoreStatistics) -> ComparisonResult {
        switch (a.count, b.count) {
        case (0, 0): return .same
        case (0, _): return .ascending
        case (_, 0): return .descending
        default:
            let left = a.sum.units.multipliedFullWidth(by: Int64(b.count))
            let right = b.sum.units.multipliedFullWidth(by: Int64(a.count))
            if left.high != right.high { return left.high < right.high ? .ascending : .descending }
            if left.low != right.low { return left.low < right.low ? .ascending : .descending }
            return .same
        }
    }

    /// The outcome of ``compareMeans(_:_:)``; Foundation-free.
    public enum ComparisonResult: Sendable { case ascending, same, descending }
}
