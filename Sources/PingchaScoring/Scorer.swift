import PingchaModel
import PingchaRubric

/// Scores cases against a set of rubrics (rubric-format.md, "Scoring").
///
/// Immutable and `Sendable`: several threads may score with one scorer. For speed, pass a
/// reused ``CaseResult`` to ``score(_:rubric:decisions:into:)``: its arrays keep their
/// capacity, so a case that fails nothing allocates nothing.
public struct Scorer: Sendable {
    public let rubrics: [Rubric]
    /// The profiles that tailor the rubrics for some departments (see ``Profile``).
    public let profiles: [Profile]
    private let matcher: ProfileMatcher
    /// Plans by variant, then rubric, in one flat array (`variant × rubrics.count + rubric`):
    /// variant 0 is the rubrics as written, variant p + 1 as profile p tailors them (the
    /// untailored plan where the profile changes nothing). Flat, because reading an element of
    /// a nested array retains the inner array, and two threads scoring would contend for its
    /// reference count on every case.
    private let plans: [ScoringPlan]
    /// The plans again, borrowed while scoring: retaining a shared plan per case from two
    /// threads makes them contend for its reference count.
    private let borrowedPlans: [Unmanaged<ScoringPlan>]
    private let appliesWhen: [Evaluator<Truth>?]
    private let rubricCount: Int

    /// - Parameter rubrics: tried in this order (the loader sorts by priority, then id).
    public init(rubrics: [Rubric], profiles: [Profile] = [], departmentField: Int = 0) {
        self.rubrics = rubrics
        self.profiles = profiles
        rubricCount = rubrics.count
        matcher = ProfileMatcher(profiles: profiles, departmentField: departmentField)
        let base = rubrics.map { ScoringPlan($0) }
        var plans = base
        var appliesWhen = rubrics.map { $0.appliesWhen?.evaluate }
        for p in profiles.indices {
            plans += rubrics.indices.map { i in rubrics[i].tailoring(profile: p).map { ScoringPlan(rubrics[i], tailoring: $0) } ?? base[i] }
            appliesWhen += rubrics.map { r in (r.tailoring(profile: p).map { $0.appliesWhen } ?? r.appliesWhen)?.evaluate }
        }
        self.plans = plans
        self.appliesWhen = appliesWhen
        borrowedPlans = plans.map { Unmanaged.passUnretained($0) }
    }

    public init(_ set: RubricSet) {
        self.init(rubrics: set.rubrics, profiles: set.profiles, departmentField: set.departmentField)
    }

    /// The profile of the case's department, if one applies.
    public func profile(for record: CaseRecord) -> Int? { matcher.profile(for: record) }

    /// The first rubric whose `applies_when` holds; a rubric whose condition is unknown (it
    /// reads a missing field) does not apply.
    public func rubricIndex(for record: CaseRecord) -> Int? {
        let variant = matcher.isEmpty ? 0 : (matcher.profile(for: record).map { $0 + 1 } ?? 0)
        let n = rubricCount
        return appliesWhen.withUnsafeBufferPointer { all in
            for i in 0..<n {
                guard let condition = all[variant * n + i] else { return i }
                if condition(record) == .yes { return i }
            }
            return nil
        }
    }

    /// The fields `finding` of `result` shows for `record`: those its rule, as the case's
    /// profile tailors it, read for this case (``FindingFields``). Worked out when a finding
    /// is shown, not while scoring, so that scoring allocates nothing per finding.
    public func fieldsShown(_ finding: Finding, of result: CaseResult, for record: CaseRecord) -> [Int] {
        withFindingFields(finding, of: result) { $0.shown(for: record) } ?? []
    }

    /// ``fieldsShown(_:of:for:)`` and, of them, those only the rule's condition read
    /// (``FindingFields/conditions(in:)``).
    public func fieldsShownAndConditions(_ finding: Finding, of result: CaseResult, for record: CaseRecord)
        -> (shown: [Int], conditions: [Int]) {
        withFindingFields(finding, of: result) { fields in
            let shown = fields.shown(for: record)
            return (shown, fields.conditions(in: shown))
        } ?? ([], [])
    }

    /// The finding's rule as laid out in the plan the case was scored with, borrowed.
    private func withFindingFields<T>(_ finding: Finding, of result: CaseResult, _ body: (FindingFields) -> T) -> T? {
        guard let r = result.rubric else { return nil }
        return borrowedPlans[(result.profile.map { $0 + 1 } ?? 0) * rubricCount + r]._withUnsafeGuaranteedRef { body($0.shown[finding.rule]) }
    }

    /// Scores a case with the rubric that covers it. `decisions` maps rule ids to reviewer
    /// decisions for this case.
    public func score(_ record: CaseRecord, decisions: [String: [ReviewDecision]] = [:]) -> CaseResult {
        guard let index = rubricIndex(for: record) else { return .uncovered }
        return score(record, rubric: index, decisions: decisions)
    }

    public func score(_ record: CaseRecord, rubric index: Int, decisions: [String: [ReviewDecision]] = [:]) -> CaseResult {
        var result = CaseResult.uncovered
        score(record, rubric: index, decisions: decisions, into: &result)
        return result
    }

    /// Scores with rubric `index` as the case's profile (chosen by its department) tailors it.
    public func score(_ record: CaseRecord, rubric index: Int, decisions: [String: [ReviewDecision]] = [:],
                      into result: inout CaseResult) {
        let profile = matcher.isEmpty ? nil : matcher.profile(for: record)
        result.profile = profile
        borrowedPlans[(profile.map { $0 + 1 } ?? 0) * rubricCount + index]._withUnsafeGuaranteedRef { plan in
            score(record, index: index, plan: plan, decisions: decisions, into: &result)
        }
    }

    private func score(_ record: CaseRecord, index: Int, plan: ScoringPlan, decisions: [String: [ReviewDecision]],
                       into result: inout CaseResult) {
        let n = plan.ruleCount
        result.rubric = index
        result.veto = false
        result.disposition = .none
        result.findings.removeAll(keepingCapacity: true)
        result.needsReview.removeAll(keepingCapacity: true)
        result.outcomes.removeAll(keepingCapacity: true)
        result.outcomes.reserveCapacity(n)
        result.categoryScores.removeAll(keepingCapacity: true)
        for p in plan.categoryPoints { result.categoryScores.append(p) }   // points kept, reduced below

        for i in 0..<n {
            var (outcome, deduct, suspect) = plan.borrowed[i]._withUnsafeGuaranteedRef { $0.evaluate(record) }
            var automated: Outcome?
            var applied: [ReviewDecision] = []
            var conflict = false
            if !decisions.isEmpty, let ds = decisions[plan.ids[i]], !ds.isEmpty {
                applied = ds
                automated = outcome
                if Set(ds.map { "\($0.verdict.rawValue)|\($0.deduct?.description ?? "")" }).count > 1 {
                    conflict = true
                    (outcome, deduct) = (.unknown, .zero)
                } else {
                    switch ds[0].verdict {
                    case .pass: (outcome, deduct) = (.pass, .zero)
                    case .na: (outcome, deduct) = (.notApplicable, .zero)
                    case .fail: (outcome, deduct) = (.fail, ds[0].deduct ?? plan.fullDeductions[i])
                    }
                }
            }
            result.outcomes.append(outcome)
            switch outcome {
            case .fail:
                // Category scores hold points kept; clamp at zero below (the category cap).
                let c = plan.categories[i]
                result.categoryScores[c] = result.categoryScores[c].subtracting(deduct) ?? .zero
                if plan.vetoes[i] { result.veto = true }
                if plan.dispositions[i] > result.disposition { result.disposition = plan.dispositions[i] }
            case .unknown:
                result.needsReview.append(i)
            case .pass, .notApplicable:
                break
            }
            if outcome == .fail || outcome == .unknown || automated != nil {
                result.findings.append(Finding(rule: i, outcome: outcome, deduct: outcome == .fail ? deduct : .zero,
                                               automated: automated, decisions: applied, conflict: conflict, suspect: suspect))
            }
        }
        // Category deduction = min(points, sum of deductions): a category keeps at least 0.
        var kept = DecimalNumber.zero
        for c in result.categoryScores.indices {
            if result.categoryScores[c] < .zero { result.categoryScores[c] = .zero }
            kept = kept.adding(result.categoryScores[c]) ?? kept
        }
        let deducted = plan.categoryPoints.reduce(DecimalNumber.zero) { $0.adding($1) ?? $0 }.subtracting(kept) ?? .zero
        // `veto_score: zero`: the file scores 0; its category scores keep every deduction.
        let score = result.veto && plan.vetoScoresZero ? .zero : max(.zero, plan.total.subtracting(deducted) ?? .zero)
        result.score = score
        var grade = plan.grade(for: score)
        if result.veto { grade = max(grade, plan.vetoGrade) }
        result.grade = grade
    }
}
