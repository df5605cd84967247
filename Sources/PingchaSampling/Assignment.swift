/// One reviewer's share of the work: the cases they review, in the draw's order.
public struct ReviewerWorkload: Sendable, Equatable {
    public var reviewer: Reviewer
    public var cases: [SampledCase]

    public init(reviewer: Reviewer, cases: [SampledCase]) {
        self.reviewer = reviewer
        self.cases = cases
    }

    /// Load = number of cases (a case reviewed by two people counts once for each).
    public var load: Int { cases.count }
}

/// One case and the reviewers it went to.
public struct CaseAssignment: Sendable, Equatable {
    public var sampledCase: SampledCase
    /// In the order of the reviewers list.
    public var reviewers: [Reviewer]

    public init(sampledCase: SampledCase, reviewers: [Reviewer]) {
        self.sampledCase = sampledCase
        self.reviewers = reviewers
    }
}

/// Who reviews what (评查分工): the result of ``Assigner/assign(cases:reviewers:perCase:seed:)``.
public struct Assignment: Sendable, Equatable {
    public var perCase: Int
    public var seed: UInt64
    /// One per reviewer, in the order of the reviewers list, including those with no cases.
    public var workloads: [ReviewerWorkload]
    /// One per case, in the draw's order (department, case id, case number).
    public var cases: [CaseAssignment]

    public init(perCase: Int, seed: UInt64, workloads: [ReviewerWorkload], cases: [CaseAssignment]) {
        self.perCase = perCase
        self.seed = seed
        self.workloads = workloads
        self.cases = cases
    }

    public var minLoad: Int { workloads.map(\.load).min() ?? 0 }
    public var maxLoad: Int { workloads.map(\.load).max() ?? 0 }
    /// The loads as said: "14–15", or "59" when every reviewer has the same.
    public var loadText: String { minLoad == maxLoad ? "\(minLoad)" : "\(minLoad)–\(maxLoad)" }
    /// Loads differ by at most one case. The assigner reaches this whenever recusal allows it;
    /// when it does not (say most cases come from the department of most reviewers), it still
    /// gives the most even loads possible.
    public var isBalanced: Bool { maxLoad - minLoad <= 1 }

    public func workload(of reviewer: Reviewer) -> ReviewerWorkload? {
        workloads.first { $0.reviewer == reviewer }
    }
}
