import PingchaModel
import PingchaRubric

/// A reviewer's decision on one rule of one case, from a scoresheet (评查表).
public struct ReviewDecision: Sendable, Equatable {
    /// The same three verdicts a scoresheet row carries.
    public typealias Verdict = ScoresheetRow.Verdict
    public var verdict: Verdict
    /// A partial deduction for `fail`; nil = the rule's full deduction.
    public var deduct: DecimalNumber?
    public var reviewer: String?
    public var note: String?
    public var file: String
    public var line: Int

    public init(verdict: Verdict, deduct: DecimalNumber? = nil, reviewer: String? = nil, note: String? = nil,
                file: String = "", line: Int = 0) {
        self.verdict = verdict
        self.deduct = deduct
        self.reviewer = reviewer
        self.note = note
        self.file = file
        self.line = line
    }
}

/// A rule whose outcome is `fail` or `unknown` for a case (发现的问题), with the values its
/// expressions read, so that a reviewer sees why.
public struct Finding: Sendable {
    /// Index into the rubric's rules.
    public var rule: Int
    public var outcome: Outcome
    /// The rule's own deduction, before any category cap; 0 for `unknown`.
    public var deduct: DecimalNumber
    /// The outcome the automated check gave, when a reviewer's decision replaced it.
    public var automated: Outcome?
    /// The reviewer decisions that apply (one, or several that conflict).
    public var decisions: [ReviewDecision]
    /// Reviewers disagreed: the rule is left undecided.
    public var conflict: Bool
    /// The rule is a screen (`on_fail: review`) whose check failed: a reviewer must decide.
    public var suspect: Bool = false

}

/// The result of scoring one case (评查结果).
public struct CaseResult: Sendable {
    /// Index of the rubric that covered the case; nil when none did.
    public var rubric: Int?
    /// Index of the profile of the case's department, when one tailored the scoring.
    public var profile: Int?
    public var score: DecimalNumber?
    /// Index into the rubric's grade bands.
    public var grade: Int?
    public var veto: Bool
    public var disposition: Disposition
    /// Points kept per category (category points − capped deduction).
    public var categoryScores: [DecimalNumber]
    /// The outcome of every rule of the rubric, in rule order.
    public var outcomes: [Outcome]
    public var findings: [Finding]
    /// Rule indices whose outcome a reviewer still has to decide.
    public var needsReview: [Int]

    /// Whether someone must look at the case before its score stands: an automated rule could
    /// not decide (a field is missing) or reviewers disagreed. Manual rules that no scoresheet
    /// has decided yet do not count: they are decided only for the cases drawn for review.
    public func needsAttention(_ rubric: Rubric) -> Bool {
        findings.contains { $0.conflict } || needsReview.contains { !rubric.rules[$0].isManual }
    }

    public static let uncovered = CaseResult(rubric: nil, profile: nil, score: nil, grade: nil, veto: false, disposition: .none,
                                             categoryScores: [], outcomes: [], findings: [], needsReview: [])
}
