/// "Did you mean …?" suggestions for misspelt keys, fields and headers.
///
/// Work is bounded whatever a corrupt file holds (a 2 MB header cell, a field name of a
/// million characters in a rubric): names are compared on a prefix of ``comparedPrefix``
/// scalars, a candidate whose length differs from the name's by more than the distance
/// allowed is passed over without comparing, and the distance keeps three rows, not a matrix.
public enum Suggestion {
    /// Scalars of a name that suggestions compare. Every name a user can mean — a field id, a
    /// catalogue alias, a rule id, an enum value, a YAML key — is far shorter (the longest
    /// alias has about 20 characters), so a typo of one is caught within this prefix, and a
    /// comparison costs at most 64 × the candidate's length whatever the input.
    public static let comparedPrefix = 64

    /// The candidate closest to `word` by edit distance, if it is close enough to be a typo
    /// (at most a third of the word's characters).
    public static func nearest(to word: String, among candidates: [String]) -> String? {
        let limit = max(1, word.count / 3)
        let length = word.unicodeScalars.count
        let x = Array(word.unicodeScalars.prefix(comparedPrefix))
        var best: (String, Int)?
        for c in candidates where best?.1 != 0 {
            let y = Array(c.unicodeScalars)
            // The distance is at least the difference in length: a name far longer or shorter
            // than the candidate cannot be a typo of it (a megabyte of garbage stops here).
            guard abs(length - y.count) <= limit else { continue }
            let d = distance(x, Array(y.prefix(comparedPrefix)), limit: best.map { min($0.1 - 1, limit) } ?? limit)
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    /// Candidates ranked by closeness to `word` (ties keep their order), at most `limit`;
    /// names compared on their first ``comparedPrefix`` scalars.
    public static func ranked(_ word: String, among candidates: [String], limit: Int) -> [(String, Int)] {
        let x = Array(word.unicodeScalars.prefix(comparedPrefix))
        return candidates.enumerated()
            .map { (offset: $0.offset, c: $0.element, d: distance(x, Array($0.element.unicodeScalars.prefix(comparedPrefix)), limit: nil)) }
            .sorted { ($0.d, $0.offset) < ($1.d, $1.offset) }
            .prefix(limit)
            .map { ($0.c, $0.d) }
    }

    /// Edit distance over Unicode scalars where swapping two neighbours counts as one edit
    /// (`veot` → `veto`), the commonest typing slip (optimal string alignment distance).
    /// Exact over the whole strings; time |a| × |b|, memory three rows of |b|.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: nil)
    }

    /// The distance, or any value above `limit` as soon as it is known to exceed it (the
    /// length difference, or a row whose every entry is past the limit).
    static func distance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], limit: Int?) -> Int {
        if let limit, abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        // Rows i-2, i-1 and i of the classic matrix; the transposition looks two rows back.
        var before = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d = min(d, before[j - 2] + 1)
                }
                current[j] = d
                rowMinimum = min(rowMinimum, d)
            }
            // Entries never decrease down the matrix's diagonals, so a row past the limit
            // everywhere means the distance is past it too.
            if let limit, rowMinimum > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[y.count]
    }

    /// A name as a message quotes it: whole when short, else its first 40 characters and
    /// the length (a corrupt 2 MB header cell is not printed back to the terminal).
    public static func shown(_ name: String) -> String {
        let shownLength = 40
        guard name.unicodeScalars.count > shownLength else { return name }
        return String(name.prefix(shownLength)) + "…（共 \(name.count) 个字符）"
    }
}
