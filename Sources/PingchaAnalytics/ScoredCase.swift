import PingchaModel

/// One case of a batch as analytics sees it: the scorer's result flattened into plain
/// values by whoever reads the store (评查结果).
///
/// Analytics never re-scores: pass, excellence, veto and disposition arrive decided, so
/// that the figures agree with the per-case results to the last case.
public struct ScoredCase: Sendable, Hashable {
    /// The case's position in the batch (its order in the store). Examples are chosen and
    /// listed in this order, so the same batch always shows the same example cases.
    public var caseNo: Int
    /// 案件编号, unique only within a department.
    public var caseId: String
    /// 执法部门.
    public var department: String
    /// 所属区县; nil when the export did not say.
    public var district: String?
    /// 执法类别 (行政处罚, 行政许可, …).
    public var enforcementType: String
    /// The rubric that covered the case; nil = no rubric covers it (未覆盖), so no score.
    public var rubricId: String?
    /// The exact score; nil for an uncovered case.
    public var score: DecimalNumber?
    /// The grade name (优秀, 合格, 不合格 …); nil for an uncovered case.
    public var grade: String?
    /// Any grade but the rubric's lowest (合格及以上); nil for an uncovered case.
    /// ``RubricInfo/isPass(grade:)`` decides it from the grade.
    public var isPass: Bool?
    /// The rubric's top grade (优秀); nil for an uncovered case.
    public var isExcellent: Bool?
    /// A veto rule failed (一票否决).
    public var veto: Bool
    /// The most severe disposition of the case's failed rules.
    public var disposition: Disposition
    /// Some rule still waits for a reviewer's decision (待人工复核).
    public var needsReview: Bool
    /// Points kept per category id (category points − capped deduction). The points
    /// possible come from the rubric (``RubricInfo/Category/points``).
    public var categoryScores: [String: DecimalNumber]
    /// Every rule whose outcome is `fail` or `unknown`, as in the per-case results.
    public var findings: [FailedRule]
    /// Whether each of the three systems (三项制度) applies to the case and is met.
    public var threeSystems: ThreeSystemsFacts
    /// The case's result is final: no rule waits for a reviewer and no screen's suspicion is
    /// open (the store's definition, `StoredBatch.decided(result:)`). Only decided cases are
    /// named in a bulletin.
    public var isDecided: Bool
    /// The profile (rubrics/profiles) that tailored the rubric to the case's department; nil
    /// for the rubric as written.
    public var profileId: String?

    public init(
        caseNo: Int, caseId: String, department: String, district: String? = nil,
        enforcementType: String, rubricId: String?, score: DecimalNumber?, grade: String?,
        isPass: Bool?, isExcellent: Bool?, veto: Bool = false, disposition: Disposition = .none,
        needsReview: Bool = false, categoryScores: [String: DecimalNumber] = [:],
        findings: [FailedRule] = [], threeSystems: ThreeSystemsFacts = ThreeSystemsFacts(), isDecided: Bool = true,
        profileId: String? = nil
    ) {
        self.caseNo = caseNo
        self.caseId = caseId
        self.department = department
        self.district = district
        self.enforcementType = enforcementType
        self.rubricId = rubricId
        self.score = score
        self.grade = grade
        self.isPass = isPass
        self.isExcellent = isExcellent
        self.veto = veto
        self.disposition = disposition
        self.needsReview = needsReview
        self.categoryScores = categoryScores
        self.findings = findings
        self.threeSystems = threeSystems
        self.isDecided = isDecided
        self.profileId = profileId
    }

    /// A rubric covered the case.
    public var isCovered: Bool { rubricId != nil }

    /// How a report points at this case.
    public var reference: CaseReference {
        CaseReference(caseNo: caseNo, caseId: caseId, department: department)
    }

    /// The rules this case failed (outcome `fail` only).
    public var failedRuleKeys: Set<RuleKey> {
        Set(findings.lazy.filter { $0.outcome == .fail }.map(\.key))
    }
}

/// A case named in a report: the case id alone is ambiguous, since the same 案件编号 in two
/// departments is two cases.
public struct CaseReference: Sendable, Hashable, Comparable {
    public var caseNo: Int
    public var caseId: String
    public var department: String

    public init(caseNo: Int, caseId: String, department: String) {
        self.caseNo = caseNo
        self.caseId = caseId
        self.department = department
    }

    /// Batch order.
    public static func < (a: Self, b: Self) -> Bool { a.caseNo < b.caseNo }
}

/// A rule whose outcome for a case is `fail` or `unknown` (发现的问题).
public struct FailedRule: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        /// The case does not meet the rule.
        case fail
        /// Undecided (a missing field, a manual rule without a scoresheet, a reviewers'
        /// conflict). Not a problem yet: it is never counted as one.
        case unknown
    }

    public var rubricId: String
    public var ruleId: String
    public var categoryId: String
    /// The label failures are grouped under as "main problems" (主要问题): the rule's
    /// `problem`, or its category's title when the rule has none. The caller resolves the
    /// default (``RubricInfo/problem(of:)``).
    public var problem: String
    public var outcome: Outcome
    /// The rule's own deduction, before any category cap; 0 for `unknown`.
    public var deduct: DecimalNumber
    /// Reviewers' scoresheets disagree on the rule (an `unknown` until someone decides).
    public var conflict: Bool
    /// A screen (`on_fail: review`) found a defect a reviewer must confirm (an `unknown`).
    public var suspect: Bool

    public init(rubricId: String, ruleId: String, categoryId: String, problem: String,
                outcome: Outcome = .fail, deduct: DecimalNumber = .zero, conflict: Bool = false, suspect: Bool = false) {
        self.rubricId = rubricId
        self.ruleId = ruleId
        self.categoryId = categoryId
        self.problem = problem
        self.outcome = outcome
        self.deduct = deduct
        self.conflict = conflict
        self.suspect = suspect
    }

    public var key: RuleKey { RuleKey(rubricId: rubricId, ruleId: ruleId) }
}
