import PingchaModel

/// What a case says for the annual statistics (年报) beyond its file history: when a 复议 or
/// 诉讼 was filed and closed, whether the head appeared in court (负责人出庭应诉), how a 行政强制
/// or an unpaid fine was enforced, the licence's result, transfer to the judiciary and how a
/// penalty was carried out.
///
/// Drawn from a stream of its own (``CaseRandom/Stream/annualFacts``) after the case is made,
/// reading the case but never its generator: the fields came later than the sample, and
/// drawing them from the case's stream would have changed every case after the first draw.
struct AnnualFacts {
    var reconsiderationFiledDate: CivilDate?
    var reconsiderationClosedDate: CivilDate?
    var litigationFiledDate: CivilDate?
    var litigationClosedDate: CivilDate?
    var headAppeared: Bool?
    var coerciveAction: CoerciveAction?
    var enforcementMethod: EnforcementMethod?
    var courtEnforcementApplied: Bool?
    var licenceResult: LicenceResult?
    var transferredToJudiciary: Bool?
    var penaltyExecution: PenaltyExecution?
    /// Seeds the spelling of these fields in a row (their own generator, for the same reason).
    var spellingSeed: UInt64 = 0

    /// The facts of `c`, drawn from `rng`.
    static func make(for c: SyntheticCase, quality: QualityProfile, _ rng: inout CaseRandom) -> AnnualFacts {
        var f = AnnualFacts()
        f.spellingSeed = rng.next()
        let decision = c.decisionDate
        let served = c.servedDate ?? decision
        if c.reconsidered == true, let start = served {
            // 复议: applied for within 60 days of knowing the decision, decided within 60 days
            // of acceptance, 30 more with approval (行政复议法 2023 第二十条、第六十二条).
            let filed = start.adding(days: rng.int(3...55))
            f.reconsiderationFiledDate = filed
            if c.reconsiderationResult != nil {
                f.reconsiderationClosedDate = filed.adding(days: rng.chance(0.1) ? rng.int(61...90) : rng.int(20...60))
            }
        }
        if c.litigated == true, let start = f.reconsiderationClosedDate ?? served {
            // 诉讼: within 15 days of a 复议 decision or 6 months of the decision, judged within
            // 6 months of filing (行政诉讼法 第四十五条、第四十六条、第八十一条).
            let filed = start.adding(days: f.reconsiderationClosedDate != nil ? rng.int(3...15) : rng.int(15...170))
            f.litigationFiledDate = filed
            if c.litigationResult != nil { f.litigationClosedDate = filed.adding(days: rng.int(45...180)) }
            f.headAppeared = rng.chance(0.82)
        }
        switch c.kind {
        case .coercion:
            // The generator's 行政强制 cases are measures (查封, 扣押 … with their dates).
            f.coerciveAction = .measure
        case .licensing:
            f.licenceResult = LicenceResult(rawValue: licenceResults.pick(&rng))
        case .penalty:
            f.transferredToJudiciary = rng.chance(0.004)
            f.courtEnforcementApplied = false
            if c.penaltyKinds.contains(.fine) && c.paymentDate == nil && decision != nil {
                // Unpaid: 加处罚款 (行政强制法第四十五条) or an application to the court
                // (第五十三条) for most, still within the periods for the rest.
                let enforced: Bool
                switch rng.below(10) {
                case 0..<3:
                    f.enforcementMethod = .surcharge
                    enforced = rng.chance(0.5)
                case 3..<8:
                    f.courtEnforcementApplied = true
                    enforced = rng.chance(0.5)
                default:
                    enforced = false
                }
                f.penaltyExecution = enforced ? .enforced : .outstanding
            } else {
                f.penaltyExecution = .complied
            }
            if rng.chance(quality.missingValues) { f.penaltyExecution = nil }
        default:
            break
        }
        return f
    }

    /// 准予 92 %, 不予 4 %, 变更 2 %, 延续 1.5 %, 撤销 0.3 %, 注销 0.2 %.
    private static let licenceResults = WeightedChoice([920, 40, 20, 15, 3, 2])
}
