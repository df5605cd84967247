import PingchaRubric
import PingchaModel

/// What a case's rule outcomes say for each statistic (`measures:` in the rubrics): the
/// annual statistics and the three-systems rates read these, never the case's fields, so
/// that they follow the rubric when it changes.
public struct MeasureOutcomes: Sendable, Equatable {
    /// By ``Measure/allCases`` order; nil = no rule of the case's rubric feeds the measure.
    public var outcomes: [Outcome?]

    public init(outcomes: [Outcome?] = [Outcome?](repeating: nil, count: Measure.allCases.count)) {
        self.outcomes = outcomes
    }

    public subscript(_ m: Measure) -> Outcome? {
        get { outcomes[Measure.allCases.firstIndex(of: m)!] }
        set { outcomes[Measure.allCases.firstIndex(of: m)!] = newValue }
    }

    /// Several rules feeding one measure: any failure fails it; otherwise an undecided rule
    /// leaves it undecided; otherwise a pass passes it; rules that do not apply leave it out.
    static func combine(_ a: Outcome?, _ b: Outcome) -> Outcome {
        func rank(_ o: Outcome) -> Int {
            switch o {
            case .fail: 3
            case .unknown: 2
            case .pass: 1
            case .notApplicable: 0
            }
        }
        guard let a else { return b }
        return rank(a) >= rank(b) ? a : b
    }
}

extension Scorer {
    /// The measures of a scored case, from its rubric's rules (an uncovered case has none).
    public func measures(of result: CaseResult) -> MeasureOutcomes {
        var m = MeasureOutcomes()
        guard let r = result.rubric else { return m }
        for (i, rule) in rubrics[r].rules.enumerated() where !rule.measures.isEmpty && i < result.outcomes.count {
            for measure in rule.measures { m[measure] = MeasureOutcomes.combine(m[measure], result.outcomes[i]) }
        }
        return m
    }
}
