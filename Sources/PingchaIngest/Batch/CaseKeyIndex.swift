import PingchaModel

/// Remembers every `(department, case_id)` of a batch to find repeats, in bounded memory:
/// each key is kept as a 128-bit digest, not as text, so a million cases cost about 40 MB.
/// A false match would need two independent 64-bit hashes to collide at once.
struct CaseKeyIndex {
    private struct Digest: Hashable {
        var a: UInt64
        var b: UInt64
    }

    private var firstSeen: [Digest: UInt64] = [:]

    /// Records the key; if it was seen before, returns where (file index, line).
    mutating func insert(department: String, caseId: String, fileIndex: Int, line: Int) -> (file: Int, line: Int)? {
        var digest = Digest(a: 0x9E37_79B9_7F4A_7C15, b: 0xC2B2_AE3D_27D4_EB4F)
        var d = department, c = caseId
        d.withUTF8 { Self.mix($0, into: &digest) }
        digest.a = (digest.a ^ 0xFF) &* Self.primeA
        digest.b = (digest.b ^ 0xFF) &* Self.primeB
        c.withUTF8 { Self.mix($0, into: &digest) }
        let location = UInt64(fileIndex) << 32 | UInt64(UInt32(truncatingIfNeeded: line))
        if let previous = firstSeen[digest] {
            return (Int(previous >> 32), Int(previous & 0xFFFF_FFFF))
        }
        firstSeen[digest] = location
        return nil
    }

    private static let primeA: UInt64 = 0x0000_0100_0000_01B3       // FNV-1a 64
    private static let primeB: UInt64 = 0x9FB2_1C65_1E98_DF25

    /// Two byte-wise hashes with different primes and offsets (FNV-1a style), fed the UTF-8
    /// bytes directly: hashing a String would Unicode-normalise it first, which is slow for
    /// Chinese text and needless for keys that all come from the same decoder.
    private static func mix(_ bytes: UnsafeBufferPointer<UInt8>, into d: inout Digest) {
        var a = d.a, b = d.b
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* primeA
            b = (b ^ UInt64(byte)) &* primeB
            b ^= b >> 29
        }
        d.a = a
        d.b = b
    }
}
