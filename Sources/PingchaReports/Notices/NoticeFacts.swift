import PingchaModel

/// What one department's rectification notice (整改通知书) prints: a short body with the
/// department's figures and the requirements, and an attachment (问题清单) with one row per
/// decided failure and, apart, the items a reviewer still has to check.
public struct NoticeFacts: Sendable, Equatable {
    public var batchName: String
    public var ranOn: CivilDate
    public var department: String
    /// The department's cases and how they scored.
    public var cases: Int
    /// Cases a standard scored (the denominator of the mean and the pass rate).
    public var scored: Int
    public var mean: Double?
    public var passRate: Double?
    public var rank: Int?
    public var rankedCount: Int
    /// All the department's decided failures: the cases with one, the failed findings, how many
    /// of those are veto rules, and the findings by disposition (gravest first).
    public var failedCases: Int
    public var failedFindings: Int
    public var vetoFindings: Int
    public var dispositions: [Count]
    /// All the department's pending items (rules the export could not decide, screens'
    /// suspicions, reviewers who disagree) and the cases they are in.
    public var pendingCases: Int
    public var pendingItemsTotal: Int
    /// The 问题清单 rows: the failures of the listed cases (at most the settings' notice case
    /// limit, lowest score first), in case order.
    public var items: [NoticeItem]
    /// Cases the rows cover (less than ``failedCases`` when the limit cut the list).
    public var listedCases: Int
    /// The 待核实事项 rows.
    public var pendingItems: [PendingItem]
    /// Cases the pending rows cover.
    public var listedPendingCases: Int
    /// Each rule of the rows once, with its legal basis.
    public var rules: [RuleBasis]

    public init(batchName: String, ranOn: CivilDate, department: String, cases: Int, scored: Int? = nil, mean: Double?, passRate: Double?,
                rank: Int?, rankedCount: Int, failedCases: Int, failedFindings: Int, vetoFindings: Int = 0,
                dispositions: [Count] = [], pendingCases: Int = 0, pendingItemsTotal: Int = 0, items: [NoticeItem],
                listedCases: Int? = nil, pendingItems: [PendingItem] = [], listedPendingCases: Int? = nil, rules: [RuleBasis] = []) {
        self.batchName = batchName
        self.ranOn = ranOn
        self.department = department
        self.cases = cases
        self.scored = scored ?? cases
        self.mean = mean
        self.passRate = passRate
        self.rank = rank
        self.rankedCount = rankedCount
        self.failedCases = failedCases
        self.failedFindings = failedFindings
        self.vetoFindings = vetoFindings
        self.dispositions = dispositions
        self.pendingCases = pendingCases
        self.pendingItemsTotal = pendingItemsTotal
        self.items = items
        self.listedCases = listedCases ?? Set(items.map(\.caseId)).count
        self.pendingItems = pendingItems
        self.listedPendingCases = listedPendingCases ?? Set(pendingItems.map(\.caseId)).count
        self.rules = rules
    }

    /// A name with its count, as the bulletin's.
    public typealias Count = BulletinFacts.Count
}

/// One row of the 问题清单: a rule a case failed, as decided (by the rule, or by a reviewer).
public struct NoticeItem: Sendable, Equatable {
    public var caseId: String
    /// The case's party, for masking the row's text when everything is masked.
    public var partyName: String?
    public var partyType: String?
    /// "处罚（普通）PRO-10 处罚决定书当场交付或在七个工作日内送达": the qualified id and the requirement.
    public var rule: String
    /// What the file shows, in words ("决定日期2025年3月1日，送达日期2025年3月20日"), or the
    /// reviewer's finding.
    public var finding: String
    /// The deduction (exact decimal text).
    public var deduct: String
    /// The rule's disposition (责令限期改正 …).
    public var disposition: String
    /// A veto rule (一票否决): the file is unqualified for it alone.
    public var veto: Bool

    public init(caseId: String, partyName: String? = nil, partyType: String? = nil, rule: String, finding: String, deduct: String,
                disposition: String, veto: Bool) {
        self.caseId = caseId
        self.partyName = partyName
        self.partyType = partyType
        self.rule = rule
        self.finding = finding
        self.deduct = deduct
        self.disposition = disposition
        self.veto = veto
    }
}

/// One row of the 待核实事项: a rule not decided yet, and what a reviewer must look at. No
/// deduction and no disposition: it is not a failure.
public struct PendingItem: Sendable, Equatable {
    public var caseId: String
    public var partyName: String?
    public var partyType: String?
    /// The rule as the 细则及依据 table names it (qualified id and requirement).
    public var rule: String
    /// The qualified id alone ("处罚（普通）TSY-01"): the list groups a case's items in one
    /// cell and leaves the requirement to the 细则及依据 table.
    public var code: String
    /// "材料未载明：送达日期", "筛查未通过，须人工判定", "评查人员意见不一致，须复核".
    public var check: String

    public init(caseId: String, partyName: String? = nil, partyType: String? = nil, rule: String, code: String? = nil, check: String) {
        self.caseId = caseId
        self.partyName = partyName
        self.partyType = partyType
        self.rule = rule
        self.code = code ?? rule
        self.check = check
    }
}

/// A rule of the list with the legal basis its standard cites.
public struct RuleBasis: Sendable, Equatable {
    public var rule: String
    public var basis: String
    public init(rule: String, basis: String) {
        self.rule = rule
        self.basis = basis
    }
}
