/// What the comparison needs of one stored batch (批次): its departments ranked, each
/// department's failed rules and category losses, and the rubrics it was scored with.
public struct BatchSnapshot: Sendable, Hashable {
    /// The batch's name (2023年度行政执法案卷评查).
    public var name: String
    /// Departments with their ranks, as ``Analytics/rank(_:minimumCases:)`` returns them.
    public var departments: [RankedGroup]
    /// Department → the rules its cases failed.
    public var problems: [String: Set<RuleKey>]
    /// Department → the rules some case of it still waits on (outcome `unknown`): the batch
    /// cannot say whether the problem is there (an export without the column, a manual rule
    /// nobody judged yet), so it is neither called new nor gone.
    public var pending: [String: Set<RuleKey>]
    /// Department → its category loss shares.
    public var categories: [String: [CategorySummary]]
    /// Department → the rubric ids its scored cases were scored under; a department
    /// missing here places no limit on which problems can be called fixed or new.
    public var rubricsUsed: [String: Set<String>]
    /// The rubrics the batch was scored with; empty = not known, in which case every
    /// rule is taken as comparable and versions are not checked.
    public var rubrics: [RubricInfo]

    public init(name: String, departments: [RankedGroup], problems: [String: Set<RuleKey>] = [:],
                pending: [String: Set<RuleKey>] = [:], categories: [String: [CategorySummary]] = [:],
                rubricsUsed: [String: Set<String>] = [:], rubrics: [RubricInfo] = []) {
        self.name = name
        self.departments = departments
        self.problems = problems
        self.pending = pending
        self.categories = categories
        self.rubricsUsed = rubricsUsed
        self.rubrics = rubrics
    }

    /// Builds the snapshot from the batch's cases: summaries per department, ranked with
    /// `minimumCases`; failed rules, category summaries and rubrics used per department.
    public init(name: String, cases: [ScoredCase], rubrics: [RubricInfo], minimumCases: Int) {
        let groups = Analytics.grouped(cases, by: { $0.department })
        var problems: [String: Set<RuleKey>] = [:], pending: [String: Set<RuleKey>] = [:]
        var categories: [String: [CategorySummary]] = [:]
        var used: [String: Set<String>] = [:]
        for group in groups {
            let department = group.key ?? ""
            problems[department] = group.cases.reduce(into: Set<RuleKey>()) { $0.formUnion($1.failedRuleKeys) }
            pending[department] = group.cases.reduce(into: Set<RuleKey>()) { set, c in
                for f in c.findings where f.outcome == .unknown { set.insert(f.key) }
            }
            categories[department] = Analytics.categorySummaries(group.cases, rubrics: rubrics)
            used[department] = Set(group.cases.compactMap { $0.score == nil ? nil : $0.rubricId })
        }
        self.init(
            name: name,
            departments: Analytics.rank(groups.map { GroupSummary(key: $0.key, cases: $0.cases) },
                                        minimumCases: minimumCases),
            problems: problems, pending: pending, categories: categories, rubricsUsed: used, rubrics: rubrics)
    }

    public func department(_ name: String) -> RankedGroup? {
        departments.first { $0.summary.key == name }
    }
}
