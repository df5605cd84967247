/// A 64-bit hash of bytes for the program's own tables (repeated texts, the duplicate check):
/// eight bytes a step and a final mix, so that the low bits a table uses for its slot depend
/// on every byte.
///
/// Not Swift's `Hasher`: that one is seeded per process (SipHash, made to resist chosen keys)
/// and several times slower on the few dozen bytes of a department or case id, hashed millions
/// of times a run. Different seeds give different hash functions, which the duplicate check
/// uses for two digests of one key.
public enum ByteHash {
    // Inlinable: the tables call it per row from other modules, and a call costs as much as
    // hashing a short id.
    @inlinable
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0) -> UInt64 {
        let n = bytes.count
        var h = (seed ^ 0x9e37_79b9_7f4a_7c15) &+ UInt64(truncatingIfNeeded: n) &* 0xc4ce_b9fe_1a85_ec53
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return finalMix(h) }
        var i = 0
        while i + 8 <= n {
            h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xff51_afd7_ed55_8ccd
            h ^= h >> 32
            i += 8
        }
        // The last one to seven bytes, little end first: the length, mixed in above, tells
        // "ab" from "ab\0".
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << shift
            shift += 8
            i += 1
        }
        return finalMix((h ^ tail) &* 0xc4ce_b9fe_1a85_ec53)
    }

    public static func hash(_ text: String, seed: UInt64 = 0) -> UInt64 {
        var text = text
        return text.withUTF8 { hash($0, seed: seed) }
    }

    /// MurmurHash3's 64-bit finaliser: every input bit reaches every output bit.
    @usableFromInline @inlinable
    static func finalMix(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        return h ^ (h >> 33)
    }
}
