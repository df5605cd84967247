import PingchaModel
import PingchaRubric

/// A rubric laid out for the scoring loop: plain arrays of the rules' numbers and flags and
/// of their compiled closures, in a class that threads share.
///
/// Scoring reads these through unsafe buffers, never copying a ``Rule`` (whose strings and
/// arrays would each be retained and released per case; from two threads at once those
/// reference counts become the bottleneck).
final class ScoringPlan: @unchecked Sendable {
    enum Kind: UInt8 { case check, count, manual }

    let total: DecimalNumber
    let vetoGrade: Int
    let vetoScoresZero: Bool
    let gradeMins: [DecimalNumber]
    let categoryPoints: [DecimalNumber]
    /// Each rule's automated evaluation, kept alive here and called through ``borrowed``.
    let programs: [RuleProgram]
    let borrowed: [Unmanaged<RuleProgram>]
    let fullDeductions: [DecimalNumber]
    let vetoes: [Bool]
    let dispositions: [Disposition]
    let categories: [Int]
    let ids: [String]
    /// What each rule's finding shows (the tailored rules' own conditions).
    let shown: [FindingFields]

    /// - Parameter tailoring: a profile's version of the rules (same ids and order).
    init(_ r: Rubric, tailoring: Tailoring? = nil) {
        total = r.total
        vetoGrade = r.vetoGrade
        vetoScoresZero = r.vetoScore == .zero
        gradeMins = r.grades.map(\.min)
        categoryPoints = r.categories.map(\.points)
        let rules = tailoring?.rules ?? r.rules
        programs = rules.indices.map { RuleProgram(rules[$0], disabled: tailoring?.disabled[$0] != nil) }
        borrowed = programs.map { Unmanaged.passUnretained($0) }
        fullDeductions = r.rules.map(\.fullDeduction)
        vetoes = r.rules.map(\.veto)
        dispositions = r.rules.map(\.disposition)
        categories = r.rules.map(\.category)
        ids = r.rules.map(\.id)
        shown = rules.map(\.findingFields)
    }

    var ruleCount: Int { programs.count }

    func grade(for score: DecimalNumber) -> Int {
        gradeMins.firstIndex { $0 <= score } ?? (gradeMins.count - 1)
    }
}

/// One rule's automated evaluation. A class whose closures are `let`s: called through a
/// borrowed reference, the closures run without being retained per case.
final class RuleProgram: @unchecked Sendable {
    let kind: ScoringPlan.Kind
    // Non-optional closures (with a flag for `when`): binding an optional closure copies it,
    // which costs a retain and a release per rule per case.
    let hasWhen: Bool
    let when: Evaluator<Truth>
    let check: Evaluator<Truth>
    let count: Evaluator<ExactNumber?>
    let deduct: DecimalNumber
    let cap: DecimalNumber?
    let fullDeduction: DecimalNumber
    let missing: MissingPolicy
    /// `on_fail: review`: a failed check is undecided and suspect, not a deduction.
    let screen: Bool
    /// Switched off by the case's profile: not applicable.
    let disabled: Bool

    init(_ rule: Rule, disabled: Bool = false) {
        let never: Evaluator<Truth> = { _ in .unknown }
        switch rule.kind {
        case .check(let p): (kind, check, count) = (.check, p.evaluate, { _ in nil })
        case .count(let n): (kind, check, count) = (.count, never, n.evaluate)
        case .manual: (kind, check, count) = (.manual, never, { _ in nil })
        }
        hasWhen = rule.when != nil
        when = rule.when?.evaluate ?? never
        deduct = rule.deduct
        cap = rule.max
        fullDeduction = rule.fullDeduction
        missing = rule.missing
        screen = rule.onFail == .review
        self.disabled = disabled
    }

    /// The automated outcome and its deduction (the rule's own, before any cap); `suspect`
    /// when the rule is a screen whose check found a defect. Only the check is screened: an
    /// outcome set by the `missing` policy stays what that policy says.
    @inline(__always)
    func evaluate(_ record: CaseRecord) -> (Outcome, DecimalNumber, suspect: Bool) {
        if disabled { return (.notApplicable, .zero, false) }
        if hasWhen {
            switch when(record) {
            case .no: return (.notApplicable, .zero, false)
            case .unknown: return unknownResult()
            case .yes: break
            }
        }
        switch kind {
        case .manual:
            return (.unknown, .zero, false)
        case .check:
            switch check(record) {
            case .yes: return (.pass, .zero, false)
            case .no: return screen ? (.unknown, .zero, true) : (.fail, deduct, false)
            case .unknown: return unknownResult()
            }
        case .count:
            guard let n = count(record) else { return unknownResult() }
            let defects = n.floor
            if defects <= 0 { return (.pass, .zero, false) }
            if screen { return (.unknown, .zero, true) }
            var d = deduct.multiplied(byInteger: Int64(clamping: defects)) ?? (cap ?? deduct)
            if let cap, d > cap { d = cap }
            return (.fail, d, false)
        }
    }

    /// What an unknown result becomes under the rule's `missing` policy.
    func unknownResult() -> (Outcome, DecimalNumber, suspect: Bool) {
        switch missing {
        case .review: return (.unknown, .zero, false)
        case .fail: return (.fail, fullDeduction, false)
        case .pass: return (.pass, .zero, false)
        case .skip: return (.notApplicable, .zero, false)
        }
    }
}
