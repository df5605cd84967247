/// Why a case is in the sample: the draw record and the sample CSV say it in Chinese.
public enum SampleReason: String, Sendable, Equatable, Codable {
    /// 必查: selected by the `--must` expression.
    case mustReview = "must_review"
    /// 抽取: drawn at random within its department.
    case drawn

    public var chinese: String {
        switch self {
        case .mustReview: return "必查"
        case .drawn: return "抽取"
        }
    }
}

/// A case in the sample, and what its reviewers will need: department (for 回避) and the
/// rules of its scoresheet.
public struct SampledCase: Sendable, Equatable, Codable {
    public var caseNo: Int
    public var caseId: String
    public var department: String
    public var reason: SampleReason
    public var risk: Double
    public var rulesToReview: [String]

    public init(caseNo: Int, caseId: String, department: String, reason: SampleReason,
                risk: Double = 0, rulesToReview: [String] = []) {
        self.caseNo = caseNo
        self.caseId = caseId
        self.department = department
        self.reason = reason
        self.risk = risk
        self.rulesToReview = rulesToReview
    }

    init(_ c: SamplingCandidate, reason: SampleReason) {
        self.init(caseNo: c.caseNo, caseId: c.caseId, department: c.department, reason: reason,
                  risk: c.risk, rulesToReview: c.rulesToReview)
    }
}
