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
}
