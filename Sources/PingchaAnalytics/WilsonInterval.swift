/// The Wilson score interval for a proportion (威尔逊区间), 95 % by default.
///
/// Chosen over the textbook p̂ ± z·√(p̂(1−p̂)/n) because departments review a handful of
/// cases: at 5 of 5 that interval is [1, 1] and claims certainty, while Wilson gives
/// [0.5655, 1]; it never leaves [0, 1] and behaves at 0 and n.
///
/// p̂ = x/n, center = (p̂ + z²/2n)/(1 + z²/n),
/// half = z·√(p̂(1−p̂)/n + z²/4n²)/(1 + z²/n), interval = center ± half.
public struct WilsonInterval: Sendable, Hashable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// Nil when `trials` is 0 (no cases, no interval) or the counts are impossible.
    /// At x = 0 the lower bound is exactly 0 and at x = n the upper bound exactly 1 (the
    /// formula gives them up to rounding).
    public init?(successes: Int, trials: Int, z: Double = Analytics.z95) {
        guard trials > 0, successes >= 0, successes <= trials else { return nil }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        lower = successes == 0 ? 0 : max(0, center - half)
        upper = successes == trials ? 1 : min(1, center + half)
    }

    /// The two intervals share at least a point.
    public func overlaps(_ other: WilsonInterval) -> Bool {
        lower <= other.upper && other.lower <= upper
    }

    public var width: Double { upper - lower }
}

/// x out of n, with its rate and Wilson 95 % interval: pass rates, excellent rates,
/// three-systems rates, rule failure rates.
public struct Proportion: Sendable, Hashable {
    public var successes: Int
    public var trials: Int

    public init(successes: Int, trials: Int) {
        self.successes = successes
        self.trials = trials
    }

    /// x/n; nil when n is 0 (a rate of nothing is not 0 %).
    public var rate: Double? { trials > 0 ? Double(successes) / Double(trials) : nil }

    /// Wilson 95 %; nil when n is 0.
    public var interval: WilsonInterval? { WilsonInterval(successes: successes, trials: trials) }
}
