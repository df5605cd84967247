/// A group with its place in a ranking (排名).
public struct RankedGroup: Sendable, Hashable {
    public var summary: GroupSummary
    /// 1 = best mean score; groups with equal exact means share a rank and the next rank
    /// skips ("1, 2, 2, 4"). Nil = not ranked (too few scored cases).
    public var rank: Int?

    public init(summary: GroupSummary, rank: Int?) {
        self.summary = summary
        self.rank = rank
    }

    /// Listed in the table but not ranked: fewer scored cases than the minimum.
    public var isRanked: Bool { rank != nil }
}

extension Analytics {
    /// Ranks groups (departments) by mean score, best first, without over-reading small
    /// samples.
    ///
    /// - Only groups with at least `minimumCases` scored cases (and at least one) are
    ///   ranked: a department with 3 files would otherwise top or tail the bulletin on the
    ///   luck of 3 files. The others are still listed, with rank nil.
    /// - Means are compared exactly (``ScoreStatistics/compareMeans(_:_:)``); equal means
    ///   share a rank, standard competition ranking ("1, 2, 2, 4").
    /// - Order of the result: ranked groups by rank, then unranked groups by mean
    ///   (descending, groups without scores last); equal ones keep their input order.
    public static func rank(_ groups: [GroupSummary], minimumCases: Int) -> [RankedGroup] {
        let threshold = Swift.max(1, minimumCases)
        func better(_ a: GroupSummary, _ b: GroupSummary) -> Bool {
            ScoreStatistics.compareMeans(a.score, b.score) == .descending
        }
        // Stable: sort indices, breaking ties by input position.
        func stableSorted(_ list: [GroupSummary]) -> [GroupSummary] {
            list.enumerated().sorted { l, r in
                let order = ScoreStatistics.compareMeans(l.element.score, r.element.score)
                return order == .same ? l.offset < r.offset : order == .descending
            }.map(\.element)
        }
        let eligible = stableSorted(groups.filter { $0.scored >= threshold })
        let others = stableSorted(groups.filter { $0.scored < threshold })
        var ranked: [RankedGroup] = []
        for (position, group) in eligible.enumerated() {
            if position > 0, !better(eligible[position - 1], group), let previous = ranked.last?.rank {
                ranked.append(RankedGroup(summary: group, rank: previous))
            } else {
                ranked.append(RankedGroup(summary: group, rank: position + 1))
            }
        }
        return ranked + others.map { RankedGroup(summary: $0, rank: nil) }
    }
}
