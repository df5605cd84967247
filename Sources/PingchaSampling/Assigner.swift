/// Assigns sampled cases to reviewers for cross review (交叉评查): every case gets `perCase`
/// distinct reviewers, none from the case's own department (回避), and loads as even as
/// recusal allows (max − min ≤ 1 whenever any assignment achieves it).
///
/// Two passes, both deterministic:
/// 1. Greedy: cases of the departments with the fewest eligible reviewers first (they have the
///    least choice), each to the `perCase` eligible reviewers with the lowest load so far; ties
///    go by a per-seed key of the reviewer's name (SplitMix64 of seed XOR FNV-1a(name)), then
///    by the name's UTF-8 bytes. The seed thus only reshuffles who gets which case among
///    equally loaded reviewers.
/// 2. Rebalance: while some reviewer carries at least two cases more than another one who
///    could be reached by a chain of hand-overs (A gives a case to B, who gives another to C,
///    … each to someone eligible for it and not already on it), shift along the shortest
///    chain. Each shift lowers the sum of squared loads, so it ends; when no chain is left,
///    the loads are the most even ones possible (the optimality condition of a convex-cost
///    flow: no path from a reviewer to one with a load two lower).
public enum Assigner {
    public static func assign(cases: [SampledCase], reviewers: [Reviewer], perCase: Int,
                              seed: UInt64) throws(SamplingError) -> Assignment {
        try assign(cases: cases, reviewers: reviewers, perCase: perCase, seed: seed, rebalance: true)
    }

    /// `rebalance: false` stops after the greedy pass (tests show what the second pass adds).
    static func assign(cases input: [SampledCase], reviewers: [Reviewer], perCase: Int,
                       seed: UInt64, rebalance: Bool) throws(SamplingError) -> Assignment {
        guard perCase >= 1 else { throw .invalidPerCase(perCase) }
        guard !reviewers.isEmpty else { throw .noReviewers }
        for r in reviewers {
            if Substring(r.name).trimmingWhitespace.isEmpty { throw .emptyReviewerName(department: r.department) }
            if Reviewer.recusalKey(r.department).isEmpty { throw .emptyReviewerDepartment(name: r.name) }
        }
        var seenNames = Set<[UInt8]>()
        for r in reviewers where !seenNames.insert(Array(r.name.utf8)).inserted {
            throw .duplicateReviewer(name: r.name)
        }
        let cases = input.sorted(by: StableOrder.less)
        for i in cases.indices.dropFirst()
        where StableOrder.same(cases[i].department, cases[i - 1].department) && StableOrder.same(cases[i].caseId, cases[i - 1].caseId) {
            throw .duplicateCase(department: cases[i].department, caseId: cases[i].caseId)
        }

        // Reviewers' tie order: by the per-seed key, then by name bytes.
        let tieKey = reviewers.map { SplitMix64.firstOutput(seed ^ FNV1a64.hash($0.name)) }
        let byTie = reviewers.indices.sorted {
            tieKey[$0] != tieKey[$1] ? tieKey[$0] < tieKey[$1] : StableOrder.less(reviewers[$0].name, reviewers[$1].name)
        }
        var rank = [Int](repeating: 0, count: reviewers.count)
        for (position, r) in byTie.enumerated() { rank[r] = position }

        // Eligible reviewers per case (in tie order), and the feasibility check per department.
        var eligible: [[Int]] = []
        var checked = Set<String>()
        for c in cases {
            let list = byTie.filter { !reviewers[$0].mustRecuse(from: c.department) }
            let key = Reviewer.recusalKey(c.department)
            if list.count < perCase && checked.insert(key).inserted {
                let count = cases.filter { Reviewer.recusalKey($0.department) == key }.count
                throw .notEnoughEligibleReviewers(department: c.department, cases: count, perCase: perCase,
                                                  eligible: list.count, recused: reviewers.count - list.count)
            }
            eligible.append(list)
        }

        var state = LoadState(reviewers: reviewers.count, cases: cases.count, rank: rank)
        // Pass 1: the least choice first.
        let order = cases.indices.sorted { eligible[$0].count != eligible[$1].count ? eligible[$0].count < eligible[$1].count : $0 < $1 }
        for c in order {
            let chosen = eligible[c].sorted { state.lighter($0, $1) }.prefix(perCase)
            for r in chosen { state.give(c, to: r) }
        }
        // Pass 2.
        while rebalance, let path = state.unevenChain(eligible: eligible) { state.shift(along: path) }

        let workloads = reviewers.indices.map { r in
            ReviewerWorkload(reviewer: reviewers[r], cases: state.held[r].sorted().map { cases[$0] })
        }
        let caseList = cases.indices.map { c in
            CaseAssignment(sampledCase: cases[c], reviewers: state.holders[c].sorted().map { reviewers[$0] })
        }
        return Assignment(perCase: perCase, seed: seed, workloads: workloads, cases: caseList)
    }
}

/// Who holds which case, by index, while the assignment is being built.
struct LoadState {
    var held: [Set<Int>]
    var holders: [Set<Int>]
    let rank: [Int]

    init(reviewers: Int, cases: Int, rank: [Int]) {
        held = Array(repeating: [], count: reviewers)
        holders = Array(repeating: [], count: cases)
        self.rank = rank
    }

    func load(_ r: Int) -> Int { held[r].count }

    /// Lower load first, then the tie order.
    func lighter(_ a: Int, _ b: Int) -> Bool {
        load(a) != load(b) ? load(a) < load(b) : rank[a] < rank[b]
    }

    mutating func give(_ c: Int, to r: Int) {
        held[r].insert(c)
        holders[c].insert(r)
    }

    mutating func take(_ c: Int, from r: Int) {
        held[r].remove(c)
        holders[c].remove(r)
    }

    /// A hand-over step: `case` goes from `from` to `to`.
    struct Step { var from: Int, to: Int, caseIndex: Int }

    /// The shortest chain of hand-overs from a most-loaded reviewer to one carrying at least
    /// two cases fewer, or nil when there is none (the loads are then as even as possible).
    /// Sources are tried from the heaviest down; a source that is not at least two above the
    /// lightest reviewer cannot start one.
    func unevenChain(eligible: [[Int]]) -> [Step]? {
        let reviewerCount = held.count
        guard let minLoad = held.map(\.count).min() else { return nil }
        let sources = (0..<reviewerCount).sorted { load($0) != load($1) ? load($0) > load($1) : rank[$0] < rank[$1] }
        for source in sources {
            if load(source) - minLoad < 2 { return nil }
            var parent = [Step?](repeating: nil, count: reviewerCount)
            var visited = [Bool](repeating: false, count: reviewerCount)
            visited[source] = true
            var queue = [source]
            var head = 0
            while head < queue.count {
                let r = queue[head]
                head += 1
                for c in held[r].sorted() {
                    for v in eligible[c] where !visited[v] && !holders[c].contains(v) {
                        visited[v] = true
                        parent[v] = Step(from: r, to: v, caseIndex: c)
                        if load(v) <= load(source) - 2 {
                            var path: [Step] = []
                            var at = v
                            while let step = parent[at] {
                                path.append(step)
                                at = step.from
                            }
                            return path.reversed()
                        }
                        queue.append(v)
                    }
                }
            }
        }
        return nil
    }

    /// Applies a chain: the first reviewer loses one case, the last gains one, the ones between
    /// swap one case for another. Every step moves a case its giver held and its receiver did
    /// not (no reviewer appears twice in a chain), so the steps commute.
    mutating func shift(along path: [Step]) {
        for step in path {
            take(step.caseIndex, from: step.from)
            give(step.caseIndex, to: step.to)
        }
    }
}
