import PingchaModel

/// One made-up case (案件) before it is spelt as a row: typed values, nil = not recorded.
///
/// Held as plain values and small indices (no Strings) because a million of them are made
/// one after another; only the current case exists at any time.
struct SyntheticCase {
    var body = 0
    var district = 0
    var kind = EnforcementKind.penalty
    var procedure: ProcedureKind?
    /// 文号: series, year and number within the body's series for that year.
    var numberSlot = CaseNumberSlot.penaltyOrdinary
    var numberYear = 0
    var number = 0
    /// Index into the body's matters for ``kind``.
    var matter = 0
    var party = Party(kind: .naturalPerson)

    var subjectQualified: Bool?
    var entrusted: Bool?
    var entrustmentFiled: Bool?
    var officersCount: Int?
    var officersCertified: Bool?
    var credentialsShown: Bool?

    var violationDate: CivilDate?
    var discoveredDate: CivilDate?
    var applicationDate: CivilDate?
    var acceptedDate: CivilDate?
    var filedDate: CivilDate?
    var noticeDate: CivilDate?
    var statementHeard: Bool?
    var hearingNotified: Bool?
    var hearingRequested: Bool?
    var hearingRequestDate: CivilDate?
    var hearingNoticeDate: CivilDate?
    var hearingDate: CivilDate?
    var majorDecision: Bool?
    var legalReviewDone: Bool?
    var legalReviewDate: CivilDate?
    var collectiveDiscussion: Bool?
    var extensionApproved: Bool?
    var decisionDate: CivilDate?
    var servedDate: CivilDate?
    var serviceMethod: ServiceMethod?
    var publicized: Bool?
    var publicizedDate: CivilDate?
    var paymentDate: CivilDate?
    var executedDate: CivilDate?
    var closedDate: CivilDate?
    var archivedDate: CivilDate?

    /// Whether the legal-basis columns are filled (penalties cite provisions; other acts may).
    var citesBasis = false
    var penaltyKinds = PenaltyKinds()
    /// Whole yuan.
    var fineAmount: Int?
    var confiscatedAmount: Int?
    var discretionLevel: DiscretionLevel?
    var discretionBenchmarkCited: Bool?
    var evidence = EvidenceKinds()
    var evidenceCount: Int?
    var avRequired: Bool?
    var avRecorded: Bool?
    var documentSealed: Bool?
    var decisionEnforceable: Bool?
    var documentsComplete: Bool?
    var archiveComplete: Bool?
    var coerciveMeasure: CoerciveMeasure?
    var coerciveStartDate: CivilDate?
    var coerciveEndDate: CivilDate?
    var inspectionPlanListed: Bool?
    var reconsidered: Bool?
    var reconsiderationResult: ReconsiderationResult?
    var litigated: Bool?
    var litigationResult: LitigationResult?
    /// The annual-statistics fields, drawn apart (see ``AnnualFacts``).
    var annual = AnnualFacts()

    /// Leaves one optional field unrecorded (the "missing values" defect of careless files).
    mutating func blank(_ column: CaseColumn) {
        switch column {
        case .district: district = -1
        case .partyPhone: party.phone = 0
        case .officersCount: officersCount = nil
        case .violationDate: violationDate = nil
        case .discoveredDate: discoveredDate = nil
        case .filedDate: filedDate = nil
        case .noticeDate: noticeDate = nil
        case .servedDate: servedDate = nil
        case .serviceMethod: serviceMethod = nil
        case .closedDate: closedDate = nil
        case .archivedDate: archivedDate = nil
        case .evidenceCount: evidenceCount = nil
        case .evidenceTypes: evidence = []
        case .discretionLevel: discretionLevel = nil
        case .credentialsShown: credentialsShown = nil
        case .documentSealed: documentSealed = nil
        case .avRecorded: avRecorded = nil
        case .legalBasis, .penaltyBasis: citesBasis = false
        default: break
        }
    }

    /// The fields careless files leave blank.
    static let blankable: [CaseColumn] = [
        .district, .partyPhone, .officersCount, .violationDate, .discoveredDate, .filedDate, .noticeDate,
        .servedDate, .serviceMethod, .closedDate, .archivedDate, .evidenceCount, .evidenceTypes,
        .discretionLevel, .credentialsShown, .documentSealed, .avRecorded, .legalBasis,
    ]
}
