extension Analytics {
    /// Splits cases by a key, keeping the groups in order of first appearance in `cases`
    /// (the store's order) and the cases of each group in their order, so that every
    /// table comes out the same for the same batch.
    static func grouped(
        _ cases: [ScoredCase], by key: (ScoredCase) -> String?
    ) -> [(key: String?, cases: [ScoredCase])] {
        var index: [String?: Int] = [:]
        var groups: [(key: String?, cases: [ScoredCase])] = []
        for c in cases {
            let k = key(c)
            if let i = index[k] {
                groups[i].cases.append(c)
            } else {
                index[k] = groups.count
                groups.append((k, [c]))
            }
        }
        return groups
    }

    /// The same groups as positions in `cases`: summaries read each group through a lazy
    /// view instead of copying every case into a group array (a million copies per table).
    static func groupedIndices(
        _ cases: [ScoredCase], by key: (ScoredCase) -> String?
    ) -> [(key: String?, indices: [Int])] {
        var index: [String?: Int] = [:]
        var groups: [(key: String?, indices: [Int])] = []
        for (i, c) in cases.enumerated() {
            let k = key(c)
            if let g = index[k] {
                groups[g].indices.append(i)
            } else {
                index[k] = groups.count
                groups.append((k, [i]))
            }
        }
        return groups
    }
}
