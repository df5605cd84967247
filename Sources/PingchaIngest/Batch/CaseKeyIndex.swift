import PingchaModel

/// Remembers every `(department, case_id)` of a batch to find repeats.
///
/// Each key is kept as a 128-bit digest of its UTF-8 bytes, not as text, in an
/// open-addressing table of 24 bytes a slot: a million cases cost about 35 MB, the one part
/// of ingestion whose memory grows with the input. A false match would need two independent
/// 64-bit hashes to collide at once.
struct CaseKeyIndex {
    private var a: [UInt64]
    private var b: [UInt64]
    /// File index << 32 | line; 0 marks an empty slot (lines start at 1).
    private var location: [UInt64]
    private var count = 0
    private var mask: Int

    init(capacity: Int = 1 << 16) {
        var size = 16
        while size < capacity { size <<= 1 }
        a = [UInt64](repeating: 0, count: size)
        b = a
        location = a
        mask = size - 1
    }

    /// Records the key; if it was seen before, returns where (file index, line).
    mutating func insert(department: String, caseId: String, fileIndex: Int, line: Int) -> (file: Int, line: Int)? {
        var ha: UInt64 = 0xCBF2_9CE4_8422_2325, hb: UInt64 = 0x9E37_79B9_7F4A_7C15
        var d = department, c = caseId
        d.withUTF8 { Self.mix($0, &ha, &hb) }
        ha = (ha ^ 0xFF) &* Self.primeA
        hb = (hb ^ 0xFF) &* Self.primeB
        c.withUTF8 { Self.mix($0, &ha, &hb) }
        hb ^= hb >> 31
        let here = UInt64(fileIndex) << 32 | UInt64(UInt32(truncatingIfNeeded: line))
        var slot = Int(truncatingIfNeeded: hb ^ (ha >> 17)) & mask
        while location[slot] != 0 {
            if a[slot] == ha && b[slot] == hb {
                let previous = location[slot]
                return (Int(previous >> 32), Int(previous & 0xFFFF_FFFF))
            }
            slot = (slot + 1) & mask
        }
        a[slot] = ha
        b[slot] = hb
        location[slot] = here
        count += 1
        if count * 10 > (mask + 1) * 7 { grow() }
        return nil
    }

    private mutating func grow() {
        let (oldA, oldB, oldLocation) = (a, b, location)
        self = CaseKeyIndex(capacity: (mask + 1) * 2)
        for i in oldLocation.indices where oldLocation[i] != 0 {
            var slot = Int(truncatingIfNeeded: oldB[i] ^ (oldA[i] >> 17)) & mask
            while location[slot] != 0 { slot = (slot + 1) & mask }
            a[slot] = oldA[i]
            b[slot] = oldB[i]
            location[slot] = oldLocation[i]
            count += 1
        }
    }

    private static let primeA: UInt64 = 0x0000_0100_0000_01B3       // FNV-1a 64
    private static let primeB: UInt64 = 0x9FB2_1C65_1E98_DF25

    /// Two byte-wise hashes with different primes (FNV-1a style) over the UTF-8 bytes:
    /// hashing a String would Unicode-normalise it first, slow for Chinese text and needless
    /// for keys that all come from the same decoder.
    private static func mix(_ bytes: UnsafeBufferPointer<UInt8>, _ ha: inout UInt64, _ hb: inout UInt64) {
        var x = ha, y = hb
        for byte in bytes {
            x = (x ^ UInt64(byte)) &* primeA
            y = (y ^ UInt64(byte)) &* primeB
            y ^= y >> 29
        }
        ha = x
        hb = y
    }
}
