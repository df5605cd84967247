/// A department's findings over all its cases, whatever a notice's list shows: the figures a
/// rectification notice states (its failed cases and findings, its pending cases and items).
public struct DepartmentFindings: Sendable, Equatable {
    /// Cases failing at least one rule.
    public var failedCases = 0
    /// Cases whose result is not decided (``ScoredCase/isDecided``).
    public var pendingCases = 0
    /// Per rule, its findings in the department's cases.
    public var rules: [RuleKey: RuleFindings] = [:]
    /// The failed cases a notice lists: the lowest scores first (then case order), at most the
    /// notice's limit (settings' `notice_case_limit`; 0: all).
    public var listedCases: [Int] = []

    public init(failedCases: Int = 0, pendingCases: Int = 0, rules: [RuleKey: RuleFindings] = [:], listedCases: [Int] = []) {
        self.failedCases = failedCases
        self.pendingCases = pendingCases
        self.rules = rules
        self.listedCases = listedCases
    }

    /// The default of settings' `notice_case_limit`.
    public static let defaultListLimit = 1000
}

/// One rule's findings in a department's cases.
public struct RuleFindings: Sendable, Equatable {
    public var failed = 0
    /// Undecided, with reviewers disagreeing or a screen's suspicion: a reviewer must look.
    public var undecidedFlagged = 0
    /// Undecided otherwise (a missing field, a manual rule no scoresheet decided).
    public var undecidedPlain = 0

    public init(failed: Int = 0, undecidedFlagged: Int = 0, undecidedPlain: Int = 0) {
        self.failed = failed
        self.undecidedFlagged = undecidedFlagged
        self.undecidedPlain = undecidedPlain
    }

    mutating func add(_ f: FailedRule) {
        if f.outcome == .fail {
            failed += 1
        } else if f.conflict || f.suspect {
            undecidedFlagged += 1
        } else {
            undecidedPlain += 1
        }
    }
}
