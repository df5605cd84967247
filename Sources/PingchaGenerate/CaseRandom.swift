/// The generator's own random numbers: xoshiro256** seeded through SplitMix64.
///
/// Written out here rather than taken from the system so that a seed gives the same bytes on
/// every machine and every Swift version: `SystemRandomNumberGenerator` cannot be seeded, and
/// the standard library's `random(in:)` algorithms are not promised to stay the same.
/// Only integer arithmetic and one multiplication by 2⁻⁵³ are used (no `log`/`exp`, whose
/// last bits differ between C libraries).
struct CaseRandom {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// Independent streams for one seed: what a case is, how its row is spelt, which rows are
    /// broken and how, the broken rows' own cases, and each export's style. Changing how a row
    /// is spelt never changes the case. `annualFacts` draws the annual-statistics fields
    /// (``AnnualFacts``) and their spelling, added later without moving any other draw.
    enum Stream: UInt64 {
        case caseContent = 1, rowFormat = 2, defectPlan = 3, defectCase = 4, exportStyle = 5, annualFacts = 6
    }

    /// A generator for item `index` of `stream`: each case draws from its own generator, so a
    /// case depends only on the seed and its position, not on what came before it.
    init(seed: UInt64, stream: Stream, index: UInt64) {
        var h = SplitMix64.mix(seed)
        h = SplitMix64.mix(h ^ (stream.rawValue &* 0xD1B5_4A32_D192_ED03))
        h = SplitMix64.mix(h ^ index)
        var sm = SplitMix64(state: h)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
    }

    /// A generator in a given state (reference vectors in tests).
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
    }

    mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform in `0..<n` (Lemire's multiply-shift with rejection: exact, no modulo bias).
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        let bound = UInt64(n)
        var m = next().multipliedFullWidth(by: bound)
        if m.low < bound {
            let threshold = (0 &- bound) % bound
            while m.low < threshold { m = next().multipliedFullWidth(by: bound) }
        }
        return Int(m.high)
    }

    /// Uniform in the closed range.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        if p <= 0 { return false }
        return Double(next() >> 11) * 0x1.0p-53 < p
    }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// SplitMix64 (Steele, Lea, Flood): turns seeds that differ in one bit into unrelated states.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.finalise(state)
    }

    static func mix(_ x: UInt64) -> UInt64 { finalise(x &+ 0x9E37_79B9_7F4A_7C15) }

    private static func finalise(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A draw by integer weights, with the running totals computed once.
struct WeightedChoice {
    private let cumulative: [Int]

    init(_ weights: [Int]) {
        var total = 0
        cumulative = weights.map { total += max(0, $0); return total }
        precondition(total > 0, "weights must not all be zero")
    }

    func pick(_ rng: inout CaseRandom) -> Int {
        let r = rng.below(cumulative.last!)
        // Tables are short (≤ 15 entries): a linear scan beats a binary search.
        var i = 0
        while cumulative[i] <= r { i += 1 }
        return i
    }
}
