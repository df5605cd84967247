/// How many cases to draw per department, with which seed, and whether risk weights the draw.
///
/// The random part comes on top of the must-review cases (必查 plus 抽查, as review campaigns
/// do it): must-review cases are always in and never take a drawn case's place.
public struct SamplingPlan: Sendable, Equatable, Codable {
    /// `--per-department N`: draw N cases per department among those not already must-review.
    public var perDepartment: Int?
    /// `--fraction F` (0…1): draw round-half-up(F × the department's case count) cases, at
    /// least one when the department has cases and F > 0, among those not already must-review.
    public var fraction: Double?
    /// `--seed S`: the same seed and the same cases give the same sample on every machine.
    public var seed: UInt64
    /// `--risk`: weighted sampling without replacement, weight `1 + risk`.
    public var riskWeighted: Bool

    /// With neither `perDepartment` nor `fraction` only the must-review cases are taken.
    public init(perDepartment: Int? = nil, fraction: Double? = nil, seed: UInt64, riskWeighted: Bool = false) {
        self.perDepartment = perDepartment
        self.fraction = fraction
        self.seed = seed
        self.riskWeighted = riskWeighted
    }

    /// Fractions are taken to nine decimal places as an exact integer (F × 10⁹), so that
    /// `0.29 × 50` is 14.5 and rounds to 15 as a person would compute it, not to 14 as binary
    /// floating point (14.499999999999998) would.
    static let fractionScale: Int64 = 1_000_000_000

    func fractionNanos(_ f: Double) -> Int64 { Int64((f * Double(Self.fractionScale)).rounded()) }

    /// Checks the plan before any case is read.
    func validate() throws(SamplingError) {
        if perDepartment != nil && fraction != nil { throw .conflictingQuota }
        if let n = perDepartment, n < 0 { throw .negativeCount(n) }
        if let f = fraction, !(f.isFinite && f >= 0 && f <= 1) { throw .fractionOutOfRange(f) }
    }

    /// The number of cases the random part should draw from a department of `population`
    /// cases (before capping by the cases actually available to draw).
    public func quota(population: Int) -> Int {
        if let n = perDepartment { return n }
        guard let f = fraction, population > 0 else { return 0 }
        if f == 0 { return 0 }
        let nanos = fractionNanos(f)
        let scale = Self.fractionScale
        let rounded = Int((nanos * Int64(population) + scale / 2) / scale)
        return max(1, rounded)
    }

    /// The fraction as the exact decimal the draw used (`0.1`, `0.125`).
    var fractionText: String? {
        guard let f = fraction else { return nil }
        let nanos = fractionNanos(f)
        let whole = nanos / Self.fractionScale
        var digits = String(nanos % Self.fractionScale)
        digits = String(repeating: "0", count: 9 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return digits.isEmpty ? String(whole) : "\(whole).\(digits)"
    }
}
