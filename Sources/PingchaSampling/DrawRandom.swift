/// The draw's own random numbers and hashes, written out so that a seed gives the same sample
/// on every machine, with every Swift version, and in any other language that follows
/// docs/sampling.md. Swift's `hashValue` is seeded per process and the standard library's
/// random algorithms are not promised to stay the same, so neither is used.

/// SplitMix64 (Steele, Lea and Flood 2014; Java's `SplittableRandom`): one 64-bit state, an
/// addition and a finaliser, short enough to redo in a spreadsheet or in ten lines of Python.
struct SplitMix64 {
    static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= Self.gamma
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The generator of one department: its name chooses the stream, so a department's draw
    /// does not depend on which other departments are in the batch.
    init(seed: UInt64, department: String) {
        state = seed ^ FNV1a64.hash(department)
    }

    init(state: UInt64) { self.state = state }

    /// The first output from a given state: a well-mixed 64-bit key for a 64-bit input.
    static func firstOutput(_ state: UInt64) -> UInt64 {
        var g = SplitMix64(state: state)
        return g.next()
    }

    /// The top 53 bits as a number in (0, 1]: `(x >> 11) + 1` over 2⁵³, exact in a Double.
    /// Never 0, so that `u^(1/w)` is always defined and positive.
    static func unit(_ x: UInt64) -> Double { Double((x >> 11) + 1) * 0x1.0p-53 }
}

/// FNV-1a, 64-bit, over the UTF-8 bytes of a text (no normalisation, no trimming).
enum FNV1a64 {
    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    static func hash(_ s: String) -> UInt64 {
        var h = offsetBasis
        for b in s.utf8 {
            h ^= UInt64(b)
            h &*= prime
        }
        return h
    }
}
