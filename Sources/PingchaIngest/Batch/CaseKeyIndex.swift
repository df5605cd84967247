import PingchaModel

/// A case's `(department, case_id)` as the duplicate check keeps it: two 64-bit digests of
/// its UTF-8 bytes under different seeds. Made on the ingest worker that read the row, so that
/// the thread taking cases in order only looks it up.
struct CaseKey: Equatable, Sendable {
    let a: UInt64
    let b: UInt64

    init(department: String, caseId: String) {
        // The department's digest seeds the id's: ("ab", "c") and ("a", "bc") differ by the
        // department's length, which its digest mixes in.
        let id = Self.needsFolding(caseId) ? Self.folded(caseId) : caseId
        a = ByteHash.hash(id, seed: ByteHash.hash(department, seed: 0x5bd1_e995))
        b = ByteHash.hash(id, seed: ByteHash.hash(department, seed: 0x27d4_eb2f_1656_67c5))
    }

    /// A case number as the duplicate check compares it: one document number typed two ways
    /// is one case. Full-width letters and digits read as ASCII, spaces (also U+3000) are
    /// dropped, and the brackets around the year — 〔〕 as the standard writes them, ［］ 【】
    /// （） [] () as exports do — are one pair. 克环罚（２０２５）１ 号 and 克环罚〔2025〕1号 were
    /// two cases; the number is stored as written.
    /// Whether ``folded(_:)`` would change the number: most are written as the standard writes
    /// them (克市监罚〔2024〕12号) and are taken as they are, without building a String per case.
    /// Its bytes are looked at for white space, ASCII brackets, NBSP (C2 A0), full-width forms
    /// (EF …) and U+3000, 【 and 】 (E3 80 80/90/91).
    static func needsFolding(_ caseId: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for b in caseId.utf8 {
            switch b {
            case 0x20, 0x09, 0x28, 0x29, 0x5B, 0x5D, 0xC2, 0xEF: return true
            default: break
            }
            if previous == (0xE3, 0x80) && (b == 0x80 || b == 0x90 || b == 0x91) { return true }
            previous = (previous.1, b)
        }
        return false
    }

    static func folded(_ caseId: String) -> String {
        var out = String.UnicodeScalarView()
        for u in caseId.unicodeScalars {
            switch u.value {
            case 0x20, 0x09, 0x3000, 0xA0: continue
            case 0x3014, 0xFF3B, 0x3010, 0xFF08, 0x5B, 0x28: out.append("〔")
            case 0x3015, 0xFF3D, 0x3011, 0xFF09, 0x5D, 0x29: out.append("〕")
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(u.value - 0xFEE0)!)
            default: out.append(u)
            }
        }
        return String(out)
    }
}

/// Remembers every `(department, case_id)` of a batch to find repeats.
///
/// Each key is kept as its ``CaseKey`` digests, not as text, in an open-addressing table of
/// 24 bytes a slot (digests and location side by side: one cache line read per look-up in a
/// table of tens of megabytes): a million cases cost about 35 MB, the one part of ingestion
/// whose memory grows with the input. A false match would need two 64-bit digests under
/// different seeds to collide at once.
struct CaseKeyIndex {
    private struct Slot {
        var a: UInt64 = 0, b: UInt64 = 0
        /// File index << 32 | line; 0 marks an empty slot (lines start at 1).
        var location: UInt64 = 0
    }
    private var slots: [Slot]
    private var count = 0
    private var mask: Int

    init(capacity: Int = 1 << 16) {
        var size = 16
        while size < capacity { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
    }

    /// Records the key; if it was seen before, returns where (file index, line).
    mutating func insert(_ key: CaseKey, fileIndex: Int, line: Int) -> (file: Int, line: Int)? {
        let here = UInt64(fileIndex) << 32 | UInt64(UInt32(truncatingIfNeeded: line))
        let found: UInt64? = slots.withUnsafeMutableBufferPointer { table in
            var i = Int(truncatingIfNeeded: key.b) & mask
            while table[i].location != 0 {
                if table[i].a == key.a && table[i].b == key.b { return table[i].location }
                i = (i + 1) & mask
            }
            table[i] = Slot(a: key.a, b: key.b, location: here)
            return nil
        }
        if let previous = found { return (Int(previous >> 32), Int(previous & 0xFFFF_FFFF)) }
        count += 1
        if count * 10 > (mask + 1) * 7 { grow() }
        return nil
    }

    private mutating func grow() {
        let old = slots
        self = CaseKeyIndex(capacity: (mask + 1) * 2)
        for s in old where s.location != 0 {
            var i = Int(truncatingIfNeeded: s.b) & mask
            while slots[i].location != 0 { i = (i + 1) & mask }
            slots[i] = s
            count += 1
        }
    }
}
