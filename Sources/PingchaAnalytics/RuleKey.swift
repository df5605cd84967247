/// A rule as analytics identifies it: the rubric's id and the rule's id within it.
///
/// Rule ids are unique only within a rubric (`PRO-05` is a penalty deadline in
/// `penalty-general` and a freezing deadline in `coercive`), so problems are followed from
/// one batch to the next by this pair. A rubric keeps its id across versions, which is
/// what makes "the same rule in both batches" meaningful when the version changes.
public struct RuleKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rubricId: String
    public var ruleId: String

    public init(rubricId: String, ruleId: String) {
        self.rubricId = rubricId
        self.ruleId = ruleId
    }

    /// By rubric id, then rule id (plain string order: `PRO-05` < `PRO-10`).
    public static func < (a: Self, b: Self) -> Bool {
        (a.rubricId, a.ruleId) < (b.rubricId, b.ruleId)
    }

    /// `penalty-general/PRO-05`.
    public var description: String { "\(rubricId)/\(ruleId)" }
}
