/// "Did you mean …?" suggestions for misspelt keys, fields and headers.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a typo.
    public static func nearest(to word: String, among candidates: [String]) -> String? {
        let limit = max(1, word.count / 3)
        var best: (String, Int)?
        for c in candidates {
            let d = editDistance(word, c)
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    /// Candidates ranked by closeness to `word` (ties keep their order), at most `limit`.
    public static func ranked(_ word: String, among candidates: [String], limit: Int) -> [(String, Int)] {
        candidates.enumerated()
            .map { (offset: $0.offset, c: $0.element, d: editDistance(word, $0.element)) }
            .sorted { ($0.d, $0.offset) < ($1.d, $1.offset) }
            .prefix(limit)
            .map { ($0.c, $0.d) }
    }

    /// Edit distance over Unicode scalars where swapping two neighbours counts as one edit
    /// (`veot` → `veto`), the commonest typing slip (optimal string alignment distance).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}
