import PingchaModel

/// The three-systems facts of a case in three letters (公示, 全过程记录, 法制审核), one per
/// system: `m` met, `n` not met, `u` unknown, `-` not applicable. The store keeps this per
/// case so that reports need not read every case's values back.
public enum ThreeSystemsCode {
    /// The facts of a case straight from its values, by catalogue position (the same rules as
    /// ``StatsCase/derivedThreeSystems``, which reads the same fields by name).
    public static func facts(_ record: CaseRecord, catalogue: FieldCatalogue) -> ThreeSystemsFacts {
        var values: [String: FieldValue] = [:]
        for id in fields {
            if let i = catalogue.index(of: id), let v = record.values[i] { values[id] = v }
        }
        return StatsCase(values: values).derivedThreeSystems
    }

    /// The fields the three systems are judged from.
    static let fields = ["enforcement_type", "procedure", "publicized", "publicized_date", "av_required", "av_recorded",
                         "major_decision", "legal_review_done"]

    public static func encode(_ f: ThreeSystemsFacts) -> String {
        [f.publicity, f.recording, f.legalReview].map { s -> String in
            switch s {
            case .met: return "m"
            case .notMet: return "n"
            case .unknown: return "u"
            case .notApplicable: return "-"
            }
        }.joined()
    }

    public static func decode(_ code: String) -> ThreeSystemsFacts? {
        let letters = Array(code)
        guard letters.count == 3 else { return nil }
        func status(_ c: Character) -> ThreeSystemStatus {
            switch c {
            case "m": return .met
            case "n": return .notMet
            case "u": return .unknown
            default: return .notApplicable
            }
        }
        return ThreeSystemsFacts(publicity: status(letters[0]), recording: status(letters[1]), legalReview: status(letters[2]))
    }
}
