/// One case that may be sampled for manual review (人工评查): what the draw needs to know
/// about it and nothing more, so that the draw stays a pure function of plain values.
///
/// The caller fills it from scored cases: it evaluates the `--must` expression into
/// ``mustReview`` and puts the number of automated findings (or any other non-negative
/// measure of risk) into ``risk``.
public struct SamplingCandidate: Sendable, Equatable, Codable {
    /// The case's position in its batch: only a last tie-breaker in the sort order, so that two
    /// otherwise identical keys still sort the same way on every machine.
    public var caseNo: Int
    /// 案件编号 as the export spells it.
    public var caseId: String
    /// 执法部门: the stratum of the draw and the department reviewers must not belong to (回避).
    public var department: String
    /// 必查: the case is in the sample whatever the draw does.
    public var mustReview: Bool
    /// How risky the automated checks found the case (≥ 0, finite), e.g. its failed rules.
    /// Used only by a risk-weighted draw, where its weight is `1 + risk`.
    public var risk: Double
    /// Ids of the rules a reviewer must decide for this case (manual rules, rules whose result
    /// was unknown, findings to confirm): the rows of its blank scoresheet, in this order.
    public var rulesToReview: [String]

    public init(caseNo: Int, caseId: String, department: String, mustReview: Bool = false,
                risk: Double = 0, rulesToReview: [String] = []) {
        self.caseNo = caseNo
        self.caseId = caseId
        self.department = department
        self.mustReview = mustReview
        self.risk = risk
        self.rulesToReview = rulesToReview
    }
}
