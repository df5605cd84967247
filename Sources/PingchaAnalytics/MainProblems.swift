/// One "main problem" (主要问题) of the bulletin: the failures of every rule sharing a
/// `problem` label, with how often and where.
public struct ProblemSummary: Sendable, Hashable {
    /// The label (the rule's `problem`, or its category's title).
    public var problem: String
    /// Failed findings under the label (a case failing two such rules counts twice).
    public var failedFindings: Int
    /// Cases with at least one such failure.
    public var cases: Int
    /// ``cases`` / scored cases of the set: "x % of the files reviewed".
    public var shareOfCases: Double?
    /// ``failedFindings`` / all failed findings of the set: "x % of the problems found".
    public var shareOfFindings: Double?
    /// The rules that failed under the label, sorted.
    public var rules: [RuleKey]
    /// The categories those rules belong to, in order of first failure.
    public var categoryIds: [String]
    /// The first cases (in batch order) with such a failure.
    public var examples: [CaseReference]

    public init(problem: String, failedFindings: Int, cases: Int, shareOfCases: Double?,
                shareOfFindings: Double?, rules: [RuleKey], categoryIds: [String], examples: [CaseReference]) {
        self.problem = problem
        self.failedFindings = failedFindings
        self.cases = cases
        self.shareOfCases = shareOfCases
        self.shareOfFindings = shareOfFindings
        self.rules = rules
        self.categoryIds = categoryIds
        self.examples = examples
    }
}

extension Analytics {
    /// The main problems of a set of cases (the batch, or one department's cases for its
    /// rectification notice), most frequent first.
    ///
    /// Only `fail` findings count: an `unknown` one is a question for a reviewer, not a
    /// problem. Order: failed findings descending, then cases descending, then label.
    /// Shares are over the set's scored cases and over its failed findings.
    public static func mainProblems(_ cases: [ScoredCase], examplesPerProblem: Int = 3) -> [ProblemSummary] {
        BatchFold.figures(of: cases, examplesPerProblem: examplesPerProblem).problems
    }
}
