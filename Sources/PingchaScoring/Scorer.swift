import PingchaModel
import PingchaRubric

/// Scores cases against a set of rubrics (rubric-format.md, "Scoring").
///
/// Immutable and `Sendable`: several threads may score with one scorer.
public struct Scorer: Sendable {
    public let rubrics: [Rubric]

    /// - Parameter rubrics: tried in this order (the loader sorts by priority, then id).
    public init(rubrics: [Rubric]) { self.rubrics = rubrics }

    /// The first rubric whose `applies_when` holds; a rubric whose condition is unknown (it
    /// reads a missing field) does not apply.
    public func rubricIndex(for record: CaseRecord) -> Int? {
        rubrics.firstIndex { r in r.appliesWhen.map { $0.evaluate(record) == .yes } ?? true }
    }

    /// Scores a case with the rubric that covers it. `decisions` maps rule ids to reviewer
    /// decisions for this case.
    public func score(_ record: CaseRecord, decisions: [String: [ReviewDecision]] = [:]) -> CaseResult {
        guard let index = rubricIndex(for: record) else { return .uncovered }
        return score(record, rubric: index, decisions: decisions)
    }

    public func score(_ record: CaseRecord, rubric index: Int, decisions: [String: [ReviewDecision]] = [:]) -> CaseResult {
        let rubric = rubrics[index]
        var outcomes = [Outcome](repeating: .notApplicable, count: rubric.rules.count)
        var deducted = [DecimalNumber](repeating: .zero, count: rubric.categories.count)
        var findings: [Finding] = []
        var needsReview: [Int] = []
        var veto = false
        var disposition = Disposition.none

        for (i, rule) in rubric.rules.enumerated() {
            var (outcome, deduct) = Self.evaluate(rule, record)
            var automated: Outcome?
            var applied: [ReviewDecision] = []
            var conflict = false
            if !decisions.isEmpty, let ds = decisions[rule.id], !ds.isEmpty {
                applied = ds
                automated = outcome
                if Set(ds.map { "\($0.verdict.rawValue)|\($0.deduct?.description ?? "")" }).count > 1 {
                    conflict = true
                    (outcome, deduct) = (.unknown, .zero)
                } else {
                    switch ds[0].verdict {
                    case .pass: (outcome, deduct) = (.pass, .zero)
                    case .na: (outcome, deduct) = (.notApplicable, .zero)
                    case .fail: (outcome, deduct) = (.fail, ds[0].deduct ?? rule.fullDeduction)
                    }
                }
            }
            outcomes[i] = outcome
            switch outcome {
            case .fail:
                deducted[rule.category] = deducted[rule.category].adding(deduct) ?? deducted[rule.category]
                if rule.veto { veto = true }
                if rule.disposition > disposition { disposition = rule.disposition }
            case .unknown:
                needsReview.append(i)
            case .pass, .notApplicable:
                break
            }
            if outcome == .fail || outcome == .unknown || automated != nil {
                findings.append(Finding(rule: i, outcome: outcome, deduct: outcome == .fail ? deduct : .zero,
                                        values: rule.fields.map { ($0, record.values[$0]) },
                                        automated: automated, decisions: applied, conflict: conflict))
            }
        }

        var categoryScores: [DecimalNumber] = []
        var totalDeduction = DecimalNumber.zero
        for (c, category) in rubric.categories.enumerated() {
            let d = min(category.points, deducted[c])
            categoryScores.append(category.points.subtracting(d) ?? .zero)
            totalDeduction = totalDeduction.adding(d) ?? totalDeduction
        }
        let score = max(.zero, rubric.total.subtracting(totalDeduction) ?? .zero)
        var grade = rubric.grade(for: score)
        if veto { grade = max(grade, rubric.vetoGrade) }
        return CaseResult(rubric: index, score: score, grade: grade, veto: veto, disposition: disposition,
                          categoryScores: categoryScores, outcomes: outcomes, findings: findings, needsReview: needsReview)
    }

    /// One rule's automated outcome and its deduction (the rule's own, before any cap).
    static func evaluate(_ rule: Rule, _ record: CaseRecord) -> (Outcome, DecimalNumber) {
        if let when = rule.when {
            switch when.evaluate(record) {
            case .no: return (.notApplicable, .zero)
            case .unknown: return unknownResult(rule)
            case .yes: break
            }
        }
        switch rule.kind {
        case .manual:
            return (.unknown, .zero)
        case .check(let p):
            switch p.evaluate(record) {
            case .yes: return (.pass, .zero)
            case .no: return (.fail, rule.deduct)
            case .unknown: return unknownResult(rule)
            }
        case .count(let e):
            guard let n = e.evaluate(record) else { return unknownResult(rule) }
            let defects = n.floor
            if defects <= 0 { return (.pass, .zero) }
            let count = Int64(clamping: defects)
            var d = rule.deduct.multiplied(byInteger: count) ?? (rule.max ?? rule.deduct)
            if let cap = rule.max, d > cap { d = cap }
            return (.fail, d)
        }
    }

    /// What an unknown result becomes under the rule's `missing` policy.
    static func unknownResult(_ rule: Rule) -> (Outcome, DecimalNumber) {
        switch rule.missing {
        case .review: return (.unknown, .zero)
        case .fail: return (.fail, rule.fullDeduction)
        case .pass: return (.pass, .zero)
        case .skip: return (.notApplicable, .zero)
        }
    }
}
