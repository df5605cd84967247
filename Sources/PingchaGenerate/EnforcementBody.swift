/// One municipal enforcement body (执法主体) as the generator models it: how many cases it
/// handles, of which kinds, on which matters, and how well it keeps its files.
struct EnforcementBody {
    /// The department name written in the `department` column and used as the file name.
    let name: String
    /// 机关代字 at the head of its document numbers (克市监罚〔2025〕12号 → 克市监).
    let abbreviation: String
    /// Relative share of the city's cases.
    let weight: Int
    /// Share of each ``EnforcementKind`` among its cases (indexed by the kind's raw value).
    let kinds: WeightedChoice
    /// Share of penalties decided on the spot (简易程序), and by 快速办理 (public security).
    let summaryShare: Double
    let expeditedShare: Double
    /// Share of natural persons among the parties of its penalties.
    let personShare: Double
    let quality: QualityProfile
    /// 案由 of its penalties.
    let penaltyMatters: [PenaltyMatter]
    /// 事项名称 of its other acts.
    let licensingMatters: [String]
    let inspectionMatters: [String]
    let coercionMatters: [String]
    let levyMatters: [String]
    let confirmationMatters: [String]
    let otherMatters: [String]
    /// 事项名称 of its 行政征用, 行政给付, 行政裁决 and 行政奖励, which its 其他 cases are
    /// sometimes recorded as (``LaterCatalogueValues``); empty where the body has none.
    let requisitionMatters: [String]
    let benefitMatters: [String]
    let adjudicationMatters: [String]
    let rewardMatters: [String]
    /// Which of those four kinds a retyped 其他 case becomes (indexed as
    /// ``EnforcementKind/retyped``); nil when the body has none of them.
    let retypedKinds: WeightedChoice?
    /// 文号 middle parts by ``CaseNumberSlot``, e.g. 罚, 简罚, 许.
    let numberCodes: [String]

    // UTF-8 forms, made once.
    let nameUTF8: [UInt8]
    let numberPrefixes: [[UInt8]]
    let summaryMatterIndices: [Int]
    /// 案由 / 事项名称 as UTF-8, by kind raw value, then matter index.
    let mattersUTF8: [[[UInt8]]]
    /// The measure each coercion matter takes (扣押…, 查封…), parallel to ``coercionMatters``.
    let coercionMeasures: [CoerciveMeasure]

    init(name: String, abbreviation: String, weight: Int, kindWeights: [Int], summaryShare: Double,
         expeditedShare: Double = 0, personShare: Double, quality: QualityProfile,
         penaltyMatters: [PenaltyMatter], licensing: [String], inspection: [String],
         coercion: [String], levy: [String] = [], confirmation: [String] = [], other: [String],
         requisition: [String] = [], benefit: [String] = [], adjudication: [String] = [], reward: [String] = [],
         numberCodes: [String] = CaseNumberSlot.defaultCodes) {
        precondition(kindWeights.count == EnforcementKind.drawnCount)
        precondition(numberCodes.count == CaseNumberSlot.allCases.count)
        self.name = name
        self.abbreviation = abbreviation
        self.weight = weight
        // A kind the body has no matters for must not be drawn.
        var w = kindWeights
        if levy.isEmpty { w[EnforcementKind.levy.rawValue] = 0 }
        if confirmation.isEmpty { w[EnforcementKind.confirmation.rawValue] = 0 }
        self.kinds = WeightedChoice(w)
        self.summaryShare = summaryShare
        self.expeditedShare = expeditedShare
        self.personShare = personShare
        self.quality = quality
        self.penaltyMatters = penaltyMatters
        self.licensingMatters = licensing
        self.inspectionMatters = inspection
        self.coercionMatters = coercion
        self.levyMatters = levy
        self.confirmationMatters = confirmation
        self.otherMatters = other
        self.requisitionMatters = requisition
        self.benefitMatters = benefit
        self.adjudicationMatters = adjudication
        self.rewardMatters = reward
        // 给付 is the commonest of the four in published annual reports, 征用 the rarest (an
        // emergency power); a kind the body has no matters for is never chosen.
        let retyped = zip([requisition, benefit, adjudication, reward], [1, 4, 2, 3]).map { $0.isEmpty ? 0 : $1 }
        self.retypedKinds = retyped.contains { $0 > 0 } ? WeightedChoice(retyped) : nil
        self.numberCodes = numberCodes
        self.nameUTF8 = Array(name.utf8)
        self.numberPrefixes = numberCodes.map { Array((abbreviation + $0).utf8) }
        self.summaryMatterIndices = penaltyMatters.indices.filter { penaltyMatters[$0].summaryEligible }
        self.coercionMeasures = coercion.map { matter in
            if matter.contains("查封") { return .sealing }
            if matter.contains("扣押") { return .seizure }
            if matter.contains("冻结") { return .freezing }
            if matter.contains("约束") { return .personalRestraint }
            return .other
        }
        // In EnforcementKind order: 许可, 处罚, 强制, 检查, 征收, 确认, 其他, 征用, 给付, 裁决, 奖励.
        self.mattersUTF8 = [licensing, penaltyMatters.map(\.cause), coercion, inspection, levy, confirmation, other,
                            requisition, benefit, adjudication, reward]
            .map { $0.map { Array($0.utf8) } }
    }
}

/// How often a body's files show each defect (案卷质量). Rates are per applicable case; the
/// bodies differ on purpose so that department rankings and comparisons have something to show.
struct QualityProfile {
    /// Decision after the statutory period without an approved extension (APL art. 60, ALL art. 42).
    var lateDecision: Double
    /// Served after 7 working days (APL art. 61) or the certificate after 10 (ALL art. 44).
    var lateService: Double
    /// A major decision without legal review (APL art. 58).
    var missingLegalReview: Double
    /// A decision that should be public and is not; one published after 7 working days.
    var missingPublicity: Double
    var latePublicity: Double
    /// Fewer than two officers (APL art. 42).
    var singleOfficer: Double
    /// Only one kind of evidence in an ordinary-procedure file.
    var thinEvidence: Double
    /// A decision without the agency's seal (APL art. 59).
    var missingSeal: Double
    /// No notice of the right to a hearing before a heavy penalty (APL art. 63).
    var missingHearingNotice: Double
    /// A case with a few optional cells left blank.
    var missingValues: Double
    /// Summary procedure used above the art. 51 limits.
    var summaryMisuse: Double
    /// Seizure kept beyond 30 days (+30 approved) (ACL art. 25).
    var coercionOverrun: Double

    /// Files kept well: the two or three best departments.
    static let careful = QualityProfile(
        lateDecision: 0.01, lateService: 0.02, missingLegalReview: 0.02, missingPublicity: 0.02,
        latePublicity: 0.04, singleOfficer: 0.003, thinEvidence: 0.02, missingSeal: 0.003,
        missingHearingNotice: 0.02, missingValues: 0.01, summaryMisuse: 0.005, coercionOverrun: 0.01)

    static let ordinary = QualityProfile(
        lateDecision: 0.03, lateService: 0.05, missingLegalReview: 0.06, missingPublicity: 0.06,
        latePublicity: 0.10, singleOfficer: 0.01, thinEvidence: 0.05, missingSeal: 0.01,
        missingHearingNotice: 0.05, missingValues: 0.03, summaryMisuse: 0.01, coercionOverrun: 0.03)

    /// Weak file-keeping: late, unpublished, unreviewed.
    static let careless = QualityProfile(
        lateDecision: 0.08, lateService: 0.12, missingLegalReview: 0.15, missingPublicity: 0.14,
        latePublicity: 0.18, singleOfficer: 0.04, thinEvidence: 0.10, missingSeal: 0.03,
        missingHearingNotice: 0.12, missingValues: 0.08, summaryMisuse: 0.03, coercionOverrun: 0.08)
}

/// One 案由 of a body's penalties, with the legal texts its decisions cite.
struct PenaltyMatter {
    let cause: String
    /// 违法依据: the provision broken.
    let legalBasis: String
    /// 处罚依据: the provision that sets the penalty.
    let penaltyBasis: String
    /// The fine range of the penalty provision, in yuan (ordinary procedure).
    let fine: ClosedRange<Int>
    /// Whether the matter is usually decided on the spot (简易程序) for small amounts.
    let summaryEligible: Bool
    /// Illegal gains or goods are usually confiscated.
    let confiscation: Bool
    /// Heavier penalties the provision allows, added to a few serious cases.
    let heavier: PenaltyKinds
    /// Who usually commits it: overrides the body's person share when set.
    let personShare: Double?

    let causeUTF8: [UInt8]
    let legalBasisUTF8: [UInt8]
    let penaltyBasisUTF8: [UInt8]

    init(_ cause: String, _ legalBasis: String, _ penaltyBasis: String, fine: ClosedRange<Int>,
         summary: Bool = false, confiscation: Bool = false, heavier: PenaltyKinds = [],
         personShare: Double? = nil) {
        self.cause = cause
        self.legalBasis = legalBasis
        self.penaltyBasis = penaltyBasis
        self.fine = fine
        self.summaryEligible = summary
        self.confiscation = confiscation
        self.heavier = heavier
        self.personShare = personShare
        self.causeUTF8 = Array(cause.utf8)
        self.legalBasisUTF8 = Array(legalBasis.utf8)
        self.penaltyBasisUTF8 = Array(penaltyBasis.utf8)
    }
}

/// Which document series a case number belongs to; each series is numbered from 1 every year.
enum CaseNumberSlot: Int, CaseIterable {
    case penaltyOrdinary, penaltySummary, penaltyExpedited, licensing, coercion, inspection, levy,
         confirmation, other, requisition, benefit, adjudication, reward

    /// 克市监罚, 克市监简罚, 克市监快罚, 克市监许, 克市监强, 克市监检, …, 克应急征用, 克农给,
    /// 克水裁, 克市监奖 (征 is 征收's, so 征用 keeps both characters).
    static let defaultCodes = ["罚", "简罚", "快罚", "许", "强", "检", "征", "确", "其他", "征用", "给", "裁", "奖"]
}
