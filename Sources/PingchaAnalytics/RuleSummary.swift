/// The figures of one rule (评查项目): summary.json's `rules` entries and the problem
/// statistics sheet.
public struct RuleSummary: Sendable, Hashable {
    public var key: RuleKey
    /// The rule's title; empty when the rule is in no rubric given.
    public var title: String
    public var categoryId: String
    public var problem: String
    /// Cases the rule applied to (outcome other than `not_applicable`); nil when the
    /// caller did not supply it (findings alone cannot tell).
    public var applicable: Int?
    /// Cases where it failed.
    public var failed: Int
    /// Cases where it is undecided.
    public var unknown: Int
    /// The first failing cases, in batch order.
    public var examples: [CaseReference]

    public init(key: RuleKey, title: String, categoryId: String, problem: String, applicable: Int?,
                failed: Int, unknown: Int, examples: [CaseReference]) {
        self.key = key
        self.title = title
        self.categoryId = categoryId
        self.problem = problem
        self.applicable = applicable
        self.failed = failed
        self.unknown = unknown
        self.examples = examples
    }

    /// failed / applicable with its Wilson interval; nil without ``applicable``.
    public var failure: Proportion? {
        applicable.map { Proportion(successes: failed, trials: $0) }
    }
}

extension Analytics {
    /// One ``RuleSummary`` per rule: every rule of `rubrics` in rubric and rule order
    /// (rules nobody failed included, with 0), then rules met only in findings, sorted.
    ///
    /// `applicable` is the scorer's count of cases each rule applied to; the findings
    /// carry only `fail` and `unknown` outcomes, so they cannot supply it.
    public static func ruleSummaries(
        _ cases: [ScoredCase], rubrics: [RubricInfo], applicable: [RuleKey: Int] = [:],
        examplesPerRule: Int = 3
    ) -> [RuleSummary] {
        BatchFold.figures(of: cases, rubrics: rubrics, applicable: applicable, examplesPerRule: examplesPerRule).rules
    }
}
