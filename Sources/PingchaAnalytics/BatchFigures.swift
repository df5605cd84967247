/// Every figure the reports print about a batch: the group summaries, the category, rule and
/// problem tables, the three-systems rates and the cases reviewers decided (summary.json, the
/// bulletin, analysis.md, the workbooks).
///
/// Computed in one place, ``BatchFold``, whether the cases stream from the store or sit in
/// memory.
public struct BatchFigures: Sendable, Equatable {
    /// The first case of each case id a reviewer decided rules of (for the agreement table).
    public struct DecidedCase: Sendable, Equatable {
        public var reference: CaseReference
        public var rubricId: String?
        /// The category of the case's first finding of each rule.
        public var findingCategories: [String: String]

        public init(reference: CaseReference, rubricId: String?, findingCategories: [String: String]) {
            self.reference = reference
            self.rubricId = rubricId
            self.findingCategories = findingCategories
        }
    }

    public var all: GroupSummary
    /// Groups in order of first appearance in the batch.
    public var departments: [GroupSummary]
    public var enforcementTypes: [GroupSummary]
    public var districts: [GroupSummary]
    public var rubricGroups: [GroupSummary]
    public var categories: [CategorySummary]
    public var problems: [ProblemSummary]
    public var rules: [RuleSummary]
    public var threeSystems: [ThreeSystemRate]
    public var decidedCases: [String: DecidedCase]
    /// Cases whose result is not decided yet (待核实).
    public var pendingCases: Int
    /// The excellent and the unqualified cases a bulletin may name (``NamedCases``).
    public var excellentCases: NamedCases
    public var unqualifiedCases: NamedCases
    /// Per rule and department, the first decided cases (in case order) that failed the rule:
    /// the bulletin's examples (at most ``BatchFold/failureExamplesPerDepartment`` each).
    public var failureExamples: [RuleKey: [String: [CaseReference]]]
    /// Per department, its findings rule by rule and its failed and pending cases (the notices).
    public var departmentFindings: [String: DepartmentFindings]
    /// For each profile id, the departments whose cases it tailored, in byte order of their
    /// names (summary.json and the bulletin's account of the profiles).
    public var profileDepartments: [String: [String]] = [:]

    /// How many example cases a main problem names in analysis.md.
    public static let examplesPerProblem = 3
    /// How many example cases a rule names in the bulletin.
    public static let examplesPerRule = 2
}
