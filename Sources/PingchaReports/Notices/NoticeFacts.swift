import PingchaModel

/// What one department's rectification notice (整改通知书) prints.
public struct NoticeFacts: Sendable, Equatable {
    public var batchName: String
    public var ranOn: CivilDate
    public var department: String
    public var cases: Int
    public var mean: Double?
    public var passRate: Double?
    public var rank: Int?
    public var rankedCount: Int
    /// Each case with failed (or undecided) rules, lowest score first — at most the settings'
    /// notice case limit of them.
    public var failedCases: [NoticeCase]
    /// All the department's cases with a failed rule, and their findings (nil: those listed).
    public var failedCasesTotal: Int?
    public var failedFindingsTotal: Int?

    public init(batchName: String, ranOn: CivilDate, department: String, cases: Int, mean: Double?, passRate: Double?,
                rank: Int?, rankedCount: Int, failedCases: [NoticeCase], failedCasesTotal: Int? = nil, failedFindingsTotal: Int? = nil) {
        self.failedCasesTotal = failedCasesTotal
        self.failedFindingsTotal = failedFindingsTotal
        self.batchName = batchName
        self.ranOn = ranOn
        self.department = department
        self.cases = cases
        self.mean = mean
        self.passRate = passRate
        self.rank = rank
        self.rankedCount = rankedCount
        self.failedCases = failedCases
    }
}

public struct NoticeCase: Sendable, Equatable {
    public var listed: ListedCase
    public var findings: [NoticeFinding]
    /// The case's number in its batch (tells apart two cases with the same case id).
    public var caseNo: Int

    public init(listed: ListedCase, findings: [NoticeFinding], caseNo: Int = 0) {
        self.listed = listed
        self.findings = findings
        self.caseNo = caseNo
    }
}

public struct NoticeFinding: Sendable, Equatable {
    public var ruleId: String
    public var title: String
    public var problem: String
    /// The rule's deduction (exact decimal text).
    public var deduct: String
    /// The legal basis the rubric cites.
    public var basis: String?
    /// The disposition label the rule leads to (责令改正, 确认违法 …).
    public var disposition: String
    /// The rule could not be decided from the export: the department is asked to check.
    public var undecided: Bool

    public init(ruleId: String, title: String, problem: String, deduct: String, basis: String?, disposition: String, undecided: Bool) {
        self.ruleId = ruleId
        self.title = title
        self.problem = problem
        self.deduct = deduct
        self.basis = basis
        self.disposition = disposition
        self.undecided = undecided
    }
}
