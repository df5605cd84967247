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
}
