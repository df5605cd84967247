import PingchaModel

/// The three-systems facts of a case in three letters (公示, 全过程记录, 法制审核), one per
/// system: `m` met, `n` not met, `u` unknown, `-` not applicable. The store keeps this per
/// case so that reports need not read every case's values back.
public enum ThreeSystemsCode {
    /// Reads the three systems from cases by catalogue position, resolved once (a run asks
    /// for every case, and looking fields up by name would hash eight strings a case).
    public struct Reader: Sendable {
        let type, procedure, publicized, publicizedDate, avRequired, avRecorded, major, reviewed: Int?

        public init(catalogue: FieldCatalogue) {
            type = catalogue.index(of: "enforcement_type")
            procedure = catalogue.index(of: "procedure")
            publicized = catalogue.index(of: "publicized")
            publicizedDate = catalogue.index(of: "publicized_date")
            avRequired = catalogue.index(of: "av_required")
            avRecorded = catalogue.index(of: "av_recorded")
            major = catalogue.index(of: "major_decision")
            reviewed = catalogue.index(of: "legal_review_done")
        }

        public func facts(_ r: CaseRecord) -> ThreeSystemsFacts {
            func text(_ i: Int?) -> String? { i.flatMap { if case .text(let s)? = r.values[$0] { s } else { nil } } }
            func flag(_ i: Int?) -> Bool? { i.flatMap { if case .bool(let b)? = r.values[$0] { b } else { nil } } }
            return ThreeSystemsCode.derive(
                enforcementType: text(type), procedure: text(procedure), publicized: flag(publicized),
                hasPublicizedDate: publicizedDate.map { r.values[$0] != nil } ?? false,
                avRequired: flag(avRequired), avRecorded: flag(avRecorded),
                majorDecision: flag(major), legalReviewDone: flag(reviewed))
        }
    }

    /// The facts of one case (see ``StatsCase/derivedThreeSystems`` for the reasons):
    /// 公示 applies to penalties outside the summary procedure and to licences, met when
    /// publicised or dated; 全过程记录 applies when audio-video recording is required; 法制审核
    /// applies to major decisions.
    public static func derive(enforcementType: String?, procedure: String?, publicized: Bool?, hasPublicizedDate: Bool,
                              avRequired: Bool?, avRecorded: Bool?, majorDecision: Bool?, legalReviewDone: Bool?) -> ThreeSystemsFacts {
        func status(_ v: Bool?) -> ThreeSystemStatus { v.map { $0 ? .met : .notMet } ?? .unknown }
        var facts = ThreeSystemsFacts()
        let penalty = enforcementType == StatsCase.penaltyType
        let publishable = (penalty && procedure != StatsCase.summaryProcedure) || enforcementType == StatsCase.licenceType
        if publishable {
            facts.publicity = publicized == true || hasPublicizedDate ? .met : (publicized == false ? .notMet : .unknown)
        }
        if avRequired == true { facts.recording = status(avRecorded) }
        if majorDecision == true { facts.legalReview = status(legalReviewDone) }
        return facts
    }

    /// The facts of a case from its values (for one-off use; runs use a ``Reader``).
    public static func facts(_ record: CaseRecord, catalogue: FieldCatalogue) -> ThreeSystemsFacts {
        Reader(catalogue: catalogue).facts(record)
    }

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
