/// Orders texts by their UTF-8 bytes, which is Unicode code point order: what `sorted()`
/// gives in Python, Rust or SQLite. Swift's own `String <` compares canonically equivalent
/// forms as equal and is not what another implementation would do, so the draw never uses it.
enum StableOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }

    /// The draw's sort key: department, then case id, then case number.
    static func less(_ a: SamplingCandidate, _ b: SamplingCandidate) -> Bool {
        if !same(a.department, b.department) { return less(a.department, b.department) }
        if !same(a.caseId, b.caseId) { return less(a.caseId, b.caseId) }
        return a.caseNo < b.caseNo
    }

    static func less(_ a: SampledCase, _ b: SampledCase) -> Bool {
        if !same(a.department, b.department) { return less(a.department, b.department) }
        if !same(a.caseId, b.caseId) { return less(a.caseId, b.caseId) }
        return a.caseNo < b.caseNo
    }
}
