/// A rubric whose version differs between two batches, or that only one batch used.
public struct RubricVersionChange: Sendable, Hashable {
    public var rubricId: String
    /// Nil = the earlier batch had no such rubric.
    public var earlierVersion: String?
    /// Nil = the later batch has no such rubric.
    public var laterVersion: String?

    public init(rubricId: String, earlierVersion: String?, laterVersion: String?) {
        self.rubricId = rubricId
        self.earlierVersion = earlierVersion
        self.laterVersion = laterVersion
    }
}

/// Which rules two batches can be compared on: those whose id exists in both (within the
/// same rubric id).
public struct RuleComparability: Sendable, Hashable {
    public var common: Set<RuleKey>
    /// Rules the later rubrics dropped: a problem under one cannot be called fixed.
    public var onlyEarlier: Set<RuleKey>
    /// Rules the later rubrics added: a problem under one cannot be called new.
    public var onlyLater: Set<RuleKey>

    public init(common: Set<RuleKey>, onlyEarlier: Set<RuleKey>, onlyLater: Set<RuleKey>) {
        self.common = common
        self.onlyEarlier = onlyEarlier
        self.onlyLater = onlyLater
    }
}

/// How far two batches' rubrics allow a like-for-like comparison.
///
/// When a rubric changed version (or one batch used a rubric the other did not), scores
/// and pass rates of the cases under it were measured with different rulers: the report
/// must say so (评查标准版本不同), and compares those cases on category loss shares
/// (``CategorySummary/lossShare``) and on the rules in ``rules``'s `common` only.
/// `pingcha rescore` gives equal terms when they are needed.
public struct RubricComparability: Sendable, Hashable {
    /// Sorted by rubric id; empty when both batches used the same rubric versions.
    public var versionChanges: [RubricVersionChange]
    public var rules: RuleComparability

    public init(versionChanges: [RubricVersionChange], rules: RuleComparability) {
        self.versionChanges = versionChanges
        self.rules = rules
    }

    /// Both batches used exactly the same rubric ids and versions.
    public var sameRubrics: Bool { versionChanges.isEmpty }

    /// The rubric ids that changed (or were added or dropped).
    public var changedRubricIds: Set<String> { Set(versionChanges.map(\.rubricId)) }
}

extension Analytics {
    /// Splits two rule sets into the rules both have and those only one has.
    public static func comparableRules(earlier: Set<RuleKey>, later: Set<RuleKey>) -> RuleComparability {
        RuleComparability(common: earlier.intersection(later), onlyEarlier: earlier.subtracting(later),
                          onlyLater: later.subtracting(earlier))
    }

    /// Compares the rubrics two batches were scored with: version changes and the rules
    /// comparable between them.
    public static func rubricComparability(earlier: [RubricInfo], later: [RubricInfo]) -> RubricComparability {
        let before = Dictionary(earlier.map { ($0.id, $0.version) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(later.map { ($0.id, $0.version) }, uniquingKeysWith: { first, _ in first })
        let changes = Set(before.keys).union(after.keys).sorted().compactMap { id -> RubricVersionChange? in
            before[id] == after[id] ? nil : RubricVersionChange(rubricId: id, earlierVersion: before[id], laterVersion: after[id])
        }
        let rulesBefore = earlier.reduce(into: Set<RuleKey>()) { $0.formUnion($1.ruleKeys) }
        let rulesAfter = later.reduce(into: Set<RuleKey>()) { $0.formUnion($1.ruleKeys) }
        return RubricComparability(versionChanges: changes,
                                   rules: comparableRules(earlier: rulesBefore, later: rulesAfter))
    }
}
