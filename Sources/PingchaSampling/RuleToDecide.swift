import PingchaModel

/// One rule of one case a reviewer decides (待评查细则), with what they need to decide it
/// holding the paper file: an id alone (`EVD-02`) tells them nothing.
public struct RuleToDecide: Sendable, Equatable {
    /// The rule's id, as the scoresheet's `rule` column carries it.
    public var id: String
    /// 细则名称.
    public var title: String
    /// 最高扣分: the most a failure deducts (`max` of a count rule, else `deduct`); a
    /// scoresheet's partial deduction must lie in 0 < d ≤ this.
    public var maxDeduct: DecimalNumber?
    /// 依据: the legal basis the rubric quotes.
    public var basis: String
    /// 自动评查结果: what the automated checks found, in words (不符合, 无法判断, 人工评查项).
    public var automated: String

    public init(id: String, title: String = "", maxDeduct: DecimalNumber? = nil, basis: String = "", automated: String = "") {
        self.id = id
        self.title = title
        self.maxDeduct = maxDeduct
        self.basis = basis
        self.automated = automated
    }
}

/// What the scoresheets and reviewers' workbooks say about the sampled cases besides their
/// keys: the rules to decide, and the case facts (案件信息) a reviewer needs to find and
/// read the file. Filled by the caller from the stored batch; empty, the scoresheets carry
/// the rule ids only.
public struct ReviewDetails: Sendable, Equatable {
    /// Case number → rule id → what the reviewer is told about it.
    public var rules: [Int: [String: RuleToDecide]]
    /// Titles of the case facts, in order (执法类别, 案由, 当事人 …).
    public var factTitles: [String]
    /// Case number → the facts, one per title ("" where the export had none).
    public var facts: [Int: [String]]
    /// Case number → the automated findings in words, one line each.
    public var findings: [Int: [String]]

    public init(rules: [Int: [String: RuleToDecide]] = [:], factTitles: [String] = [], facts: [Int: [String]] = [:],
                findings: [Int: [String]] = [:]) {
        self.rules = rules
        self.factTitles = factTitles
        self.facts = facts
        self.findings = findings
    }

    /// The rule as the reviewer sees it; a rule without details keeps its id only.
    public func rule(_ id: String, of c: SampledCase) -> RuleToDecide {
        rules[c.caseNo]?[id] ?? RuleToDecide(id: id)
    }
}

/// One row of a reviewer's scoresheet: a case and a rule to decide.
public struct ScoresheetLine: Sendable, Equatable {
    public var sampledCase: SampledCase
    public var rule: RuleToDecide
}
