import PingchaRubric
import PingchaScoring
import PingchaModel

/// How a case's measures are stored (`result.measures`, schema 4): one letter per
/// ``Measure`` in `allCases` order — `m` met (the rule passed), `n` not met (failed), `u`
/// undetermined, `-` not applicable or fed by no rule. The first three (公示, 全过程记录,
/// 法制审核) are also `result.three_systems`, as stored since schema 2.
public enum MeasureCode {
    public static func encode(_ m: MeasureOutcomes) -> String {
        String(m.outcomes.map { o -> Character in
            switch o {
            case .pass?: "m"
            case .fail?: "n"
            case .unknown?: "u"
            case .notApplicable?, nil: "-"
            }
        })
    }

    /// The three-systems letters of a measures code.
    public static func threeSystems(_ code: String) -> String { String(code.prefix(3)) }

    /// The outcome one stored letter stands for (`-` and anything else: none). Also reads the
    /// letters of `result.three_systems` kept by batches of schema 2 and 3.
    @inline(__always)
    public static func outcome(_ letter: UInt8) -> Outcome? {
        switch letter {
        case UInt8(ascii: "m"): .pass
        case UInt8(ascii: "n"): .fail
        case UInt8(ascii: "u"): .unknown
        default: nil
        }
    }

    /// Nil for a code of another length (a file written by another version).
    public static func decode(_ code: String) -> MeasureOutcomes? {
        guard code.utf8.count == Measure.allCases.count else { return nil }
        return MeasureOutcomes(outcomes: code.utf8.map(outcome))
    }

    /// A case's three systems from its stored letters (`result.three_systems`). Without
    /// letters: a case no rubric covered was judged by no rule, so no system applies; a scored
    /// case without them was stored before schema 2, when the rules' outcomes were not kept —
    /// its systems are unknown (counted apart, in no rate) rather than judged again from its
    /// values, which would restate the rules in code. `pingcha rescore` gives such a batch its
    /// letters.
    public static func threeSystems(stored code: UnsafeBufferPointer<UInt8>?, covered: Bool) -> ThreeSystemOutcomes {
        // Letters in the order 公示, 全过程记录, 法制审核.
        guard let code, code.count == 3 else {
            return covered ? ThreeSystemOutcomes(publicity: .unknown, recording: .unknown, legalReview: .unknown) : ThreeSystemOutcomes()
        }
        return ThreeSystemOutcomes(publicity: outcome(code[0]), recording: outcome(code[1]), legalReview: outcome(code[2]))
    }

    /// The same from a stored text (for the cases held in memory).
    public static func threeSystems(stored code: String?, covered: Bool) -> ThreeSystemOutcomes {
        guard var code else { return threeSystems(stored: nil as UnsafeBufferPointer<UInt8>?, covered: covered) }
        return code.withUTF8 { threeSystems(stored: $0, covered: covered) }
    }
}
