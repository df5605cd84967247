/// What a department's change between two batches amounts to.
///
/// The rule: **improved** only when the later pass rate's Wilson 95 % interval lies
/// entirely above the earlier one (later.lower > earlier.upper); **declined** only when it
/// lies entirely below; any overlap is **no clear change**, whatever the point estimates
/// say. Non-overlap of two 95 % intervals is a conservative test (roughly p < 0.01 for
/// equal sizes), which is the point: a bulletin that praises or blames a department on 3
/// cases against 4 is read as a verdict, so only a difference the data clearly carry is
/// called one. 0 of 3 against 4 of 4 ([0, 0.5615] and [0.5101, 1]) is no clear change.
public enum ChangeVerdict: String, Sendable, Hashable {
    case improved
    case declined
    case noClearChange
    /// One of the batches has no graded case of the department: nothing to compare.
    case noData
    /// A rubric the department's cases were scored under changed version between the
    /// batches (or was added or dropped): scores and pass rates were measured with
    /// different rulers, so no verdict; compare category shares and common rules instead.
    case differentRubrics

    /// The word a report prints.
    public var label: String {
        switch self {
        case .improved: "进步"
        case .declined: "退步"
        case .noClearChange: "无明显变化"
        case .noData: "无可比数据"
        case .differentRubrics: "评查标准版本不同，不作比较"
        }
    }

    /// The verdict for two pass rates under the same rubrics, by the interval rule.
    public static func judging(earlier: Proportion, later: Proportion) -> ChangeVerdict {
        guard let before = earlier.interval, let after = later.interval else { return .noData }
        if after.lower > before.upper { return .improved }
        if after.upper < before.lower { return .declined }
        return .noClearChange
    }
}

/// A category's loss share in two batches (comparable across rubric versions).
public struct CategoryShareChange: Sendable, Hashable {
    public var categoryId: String
    public var title: String
    public var earlier: Double?
    public var later: Double?

    public init(categoryId: String, title: String, earlier: Double?, later: Double?) {
        self.categoryId = categoryId
        self.title = title
        self.earlier = earlier
        self.later = later
    }

    /// later − earlier; negative = fewer points lost (better).
    public var change: Double? {
        guard let earlier, let later else { return nil }
        return later - earlier
    }
}

/// One department from one batch to the next (整改跟踪).
public struct DepartmentChange: Sendable, Hashable {
    public var earlier: RankedGroup?
    public var later: RankedGroup?
    /// later mean − earlier mean.
    public var meanChange: Double?
    /// later pass rate − earlier pass rate.
    public var passRateChange: Double?
    /// earlier rank − later rank: positive = moved up. Nil unless ranked in both.
    public var rankChange: Int?
    /// The department's cases were scored under the same rubric versions in both batches.
    public var onEqualTerms: Bool
    public var verdict: ChangeVerdict
    /// Failed in the later batch, not in the earlier one (新发现问题).
    public var newProblems: [RuleKey]
    /// Failed in the earlier batch, not in the later one (已整改).
    public var fixedProblems: [RuleKey]
    /// Failed in both (仍未整改).
    public var persistingProblems: [RuleKey]
    /// Failed in one batch but not checkable in the other: the rule is not in the other
    /// batch's rubrics, or the department had no case under that rubric there. Neither
    /// new nor fixed.
    public var notComparableProblems: [RuleKey]
    /// Category loss shares side by side, later batch's categories first; categories the
    /// department had in neither batch are left out.
    public var categoryShares: [CategoryShareChange]

    public init(earlier: RankedGroup?, later: RankedGroup?, meanChange: Double?, passRateChange: Double?,
                rankChange: Int?, onEqualTerms: Bool, verdict: ChangeVerdict, newProblems: [RuleKey],
                fixedProblems: [RuleKey], persistingProblems: [RuleKey], notComparableProblems: [RuleKey],
                categoryShares: [CategoryShareChange]) {
        self.earlier = earlier
        self.later = later
        self.meanChange = meanChange
        self.passRateChange = passRateChange
        self.rankChange = rankChange
        self.onEqualTerms = onEqualTerms
        self.verdict = verdict
        self.newProblems = newProblems
        self.fixedProblems = fixedProblems
        self.persistingProblems = persistingProblems
        self.notComparableProblems = notComparableProblems
        self.categoryShares = categoryShares
    }
}

/// One department across all compared batches.
public struct DepartmentTrack: Sendable, Hashable {
    public var department: String
    /// Per batch, in batch order; nil = no case of the department in that batch.
    public var figures: [RankedGroup?]
    /// Between batch i and i + 1, for each consecutive pair.
    public var changes: [DepartmentChange]

    public init(department: String, figures: [RankedGroup?], changes: [DepartmentChange]) {
        self.department = department
        self.figures = figures
        self.changes = changes
    }
}

/// The `compare` table: department × batch.
public struct BatchComparison: Sendable, Hashable {
    /// Batch names, in the order given (earliest first).
    public var batches: [String]
    /// Between batch i and i + 1; nil when either batch's rubrics are not known.
    public var rubrics: [RubricComparability?]
    /// Departments in the latest batch's ranking order, then those only in earlier
    /// batches (latest first).
    public var departments: [DepartmentTrack]

    public init(batches: [String], rubrics: [RubricComparability?], departments: [DepartmentTrack]) {
        self.batches = batches
        self.rubrics = rubrics
        self.departments = departments
    }

    /// Some consecutive pair of batches used different rubric versions: the report must
    /// say so.
    public var rubricsDiffer: Bool { rubrics.contains { $0.map { !$0.sameRubrics } ?? false } }
}

/// One department's problems (rules its cases failed) between two reviews: 新出现, 已整改,
/// 持续存在, and those that cannot be judged because the other review could not have caught them.
public struct ProblemChanges: Sendable, Equatable {
    public var new: [RuleKey] = []
    public var fixed: [RuleKey] = []
    public var persisting: [RuleKey] = []
    public var notComparable: [RuleKey] = []

    public init() {}
}

extension Analytics {
    /// The department's problems in `earlier` and `later` compared (``BatchSnapshot/problems``);
    /// `compare` and the bulletin's 上次评查问题整改情况 both count them here.
    public static func problemChanges(_ name: String, earlier e: BatchSnapshot, later l: BatchSnapshot,
                                      rubrics: RubricComparability?) -> ProblemChanges {
        var out = ProblemChanges()
        let before = e.problems[name] ?? [], after = l.problems[name] ?? []
        // A rule can be called new or fixed only if the other batch could have caught
        // it: the rule exists there, the department had cases under its rubric, and none of
        // them still waits on the rule (62 cases undecided for want of a column read as the
        // problem fixed).
        func checkable(_ rule: RuleKey, in batch: BatchSnapshot) -> Bool {
            if let rubrics, !rubrics.rules.common.contains(rule) { return false }
            if let used = batch.rubricsUsed[name], !used.contains(rule.rubricId) { return false }
            if batch.pending[name]?.contains(rule) == true { return false }
            return true
        }
        out.persisting = before.intersection(after).sorted()
        for rule in before.subtracting(after).sorted() {
            if checkable(rule, in: l) { out.fixed.append(rule) } else { out.notComparable.append(rule) }
        }
        for rule in after.subtracting(before).sorted() {
            if checkable(rule, in: e) { out.new.append(rule) } else { out.notComparable.append(rule) }
        }
        out.notComparable.sort()
        return out
    }

    /// The rubrics of two batches compared (nil when either is not known).
    public static func rubricComparability(between e: BatchSnapshot, and l: BatchSnapshot) -> RubricComparability? {
        e.rubrics.isEmpty || l.rubrics.isEmpty ? nil : rubricComparability(earlier: e.rubrics, later: l.rubrics)
    }

    /// Compares two batches department by department (see ``compare(_:)``).
    public static func compare(earlier: BatchSnapshot, later: BatchSnapshot) -> BatchComparison {
        compare([earlier, later])
    }

    /// Compares two or more batches, earliest first, department by department: each
    /// department's figures per batch and, for each consecutive pair, the change with its
    /// ``ChangeVerdict`` and the problems (by rule) that are new, fixed and persisting.
    public static func compare(_ batches: [BatchSnapshot]) -> BatchComparison {
        var names: [String] = []
        var seen: Set<String> = []
        for batch in batches.reversed() {
            for group in batch.departments {
                if let name = group.summary.key, seen.insert(name).inserted { names.append(name) }
            }
        }
        let steps: [RubricComparability?] = zip(batches, batches.dropFirst()).map { rubricComparability(between: $0, and: $1) }
        let tracks = names.map { name in
            DepartmentTrack(
                department: name,
                figures: batches.map { $0.department(name) },
                changes: zip(batches, batches.dropFirst()).enumerated().map { i, pair in
                    departmentChange(name, earlier: pair.0, later: pair.1, rubrics: steps[i])
                })
        }
        return BatchComparison(batches: batches.map(\.name), rubrics: steps, departments: tracks)
    }

    static func departmentChange(
        _ name: String, earlier e: BatchSnapshot, later l: BatchSnapshot, rubrics: RubricComparability?
    ) -> DepartmentChange {
        let a = e.department(name), b = l.department(name)
        func difference(_ x: Double?, _ y: Double?) -> Double? {
            guard let x, let y else { return nil }
            return y - x
        }
        var rankChange: Int?
        if let r1 = a?.rank, let r2 = b?.rank { rankChange = r1 - r2 }

        // Equal terms: no rubric the department's cases used (in either batch) changed.
        var onEqualTerms = true
        if let rubrics, !rubrics.sameRubrics {
            let usedBefore = e.rubricsUsed[name], usedAfter = l.rubricsUsed[name]
            if usedBefore == nil && usedAfter == nil {
                onEqualTerms = false
            } else {
                let used = (usedBefore ?? []).union(usedAfter ?? [])
                onEqualTerms = used.isDisjoint(with: rubrics.changedRubricIds)
            }
        }

        var verdict = ChangeVerdict.noData
        if let a, let b {
            verdict = ChangeVerdict.judging(earlier: a.summary.pass, later: b.summary.pass)
            if verdict != .noData && !onEqualTerms { verdict = .differentRubrics }
        }

        let problems = a != nil && b != nil ? problemChanges(name, earlier: e, later: l, rubrics: rubrics) : ProblemChanges()
        let (new, fixed, persisting, other) = (problems.new, problems.fixed, problems.persisting, problems.notComparable)

        let categoriesBefore = e.categories[name] ?? [], categoriesAfter = l.categories[name] ?? []
        var shareChanges: [CategoryShareChange] = []
        var listed: Set<String> = []
        for c in categoriesAfter + categoriesBefore where listed.insert(c.categoryId).inserted {
            let change = CategoryShareChange(
                categoryId: c.categoryId, title: c.title,
                earlier: categoriesBefore.first { $0.categoryId == c.categoryId }?.lossShare,
                later: categoriesAfter.first { $0.categoryId == c.categoryId }?.lossShare)
            // A category none of the department's cases had in either batch says nothing.
            if change.earlier != nil || change.later != nil { shareChanges.append(change) }
        }

        // Scored under different standards, the figures are each batch's own: their difference
        // is no change (it was printed beside 评查标准版本不同，不作比较).
        return DepartmentChange(
            earlier: a, later: b, meanChange: onEqualTerms ? difference(a?.summary.mean, b?.summary.mean) : nil,
            passRateChange: onEqualTerms ? difference(a?.summary.passRate, b?.summary.passRate) : nil,
            rankChange: onEqualTerms ? rankChange : nil,
            onEqualTerms: onEqualTerms, verdict: verdict, newProblems: new, fixedProblems: fixed,
            persistingProblems: persisting, notComparableProblems: other, categoryShares: shareChanges)
    }
}
