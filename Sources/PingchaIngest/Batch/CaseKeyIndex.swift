import PingchaModel

/// Remembers every `(department, case_id)` of a batch to find repeats, in bounded memory:
/// each key is kept as a 128-bit digest (two independently keyed SipHash values), not as
/// text, so a million cases cost about 40 MB; a false match would need a 128-bit collision.
struct CaseKeyIndex {
    private struct Digest: Hashable {
        var a: UInt64
        var b: UInt64
    }

    private var firstSeen: [Digest: UInt64] = [:]

    /// Records the key; if it was seen before, returns where (file index, line).
    mutating func insert(department: String, caseId: String, fileIndex: Int, line: Int) -> (file: Int, line: Int)? {
        var h1 = Hasher(), h2 = Hasher()
        h1.combine(0x5EED_0001 as UInt32)
        h2.combine(0x5EED_0002 as UInt32)
        h1.combine(department); h1.combine(caseId)
        h2.combine(department); h2.combine(caseId)
        let key = Digest(a: UInt64(bitPattern: Int64(h1.finalize())), b: UInt64(bitPattern: Int64(h2.finalize())))
        let location = UInt64(fileIndex) << 32 | UInt64(UInt32(truncatingIfNeeded: line))
        if let previous = firstSeen[key] {
            return (Int(previous >> 32), Int(previous & 0xFFFF_FFFF))
        }
        firstSeen[key] = location
        return nil
    }
}
