/// What kind of decision a case is, as the statistics need to know: which table it goes
/// into and which statutory periods and systems apply to it.
extension StatsCase {
    static let penaltyType = "行政处罚"
    static let licenceType = "行政许可"
    static let summaryProcedure = "简易程序"

    /// 行政处罚: goes into the penalty table (kinds, fines, confiscations).
    public var isPenalty: Bool { enforcementType == Self.penaltyType }

    /// 行政许可.
    public var isLicence: Bool { enforcementType == Self.licenceType }

    /// A penalty decided on the spot (简易程序, 行政处罚法第五十一条、第五十二条).
    public var isSummaryPenalty: Bool { isPenalty && procedure == Self.summaryProcedure }

    /// A penalty decided outside the summary procedure, or a licensing decision: the decisions
    /// with day-counted statutory periods (decision, service) that 国办发〔2018〕118号 wants
    /// published within 7 working days.
    ///
    /// Summary-procedure penalties are left out, as the rubrics leave them out: they have no
    /// 立案 and no day-counted period (the decision is handed over on the spot), and they are
    /// not published case by case in practice (rubrics/common/three-systems.yaml). A penalty
    /// whose procedure is missing counts as ordinary, as penalty-general.yaml treats it.
    public var isPublishableDecision: Bool { (isPenalty && !isSummaryPenalty) || isLicence }

    /// A hearing took place or was asked for (听证): 听证日期 present or 申请听证 = 是.
    public var hadHearing: Bool { hearingDate != nil || hearingRequested == true }

    /// 行政复议: marked so, or a result is recorded (a result implies the review).
    public var wasReconsidered: Bool { reconsidered == true || reconsiderationResult != nil }

    /// 行政诉讼: marked so, or a judgment is recorded.
    public var wasLitigated: Bool { litigated == true || litigationResult != nil }

    /// The three-systems facts the values support, with the denominators of the annual
    /// statistics:
    /// - 公示 applies to ``isPublishableDecision`` cases; met when 是否公示 = 是 or a 公示日期 is
    ///   recorded (as rule TSY-01), not met when 是否公示 = 否 without a date, unknown when both
    ///   are missing.
    /// - 全过程记录 applies when 应当音像记录 = 是; met/not met by 全过程音像记录, unknown when
    ///   that is missing.
    /// - 法制审核 applies to major decisions (重大执法决定 = 是); met/not met by 法制审核.
    ///   Unlike rule TSY-04, a heard decision not marked major is outside this denominator:
    ///   the 年报 counts reviews of 重大执法决定. Pass the scorer's facts to
    ///   ``init(values:threeSystems:)`` for the rubric's scope instead.
    public var derivedThreeSystems: ThreeSystemsFacts {
        ThreeSystemsCode.derive(enforcementType: enforcementType, procedure: procedure, publicized: publicized,
                                hasPublicizedDate: publicizedDate != nil, avRequired: avRequired, avRecorded: avRecorded,
                                majorDecision: majorDecision, legalReviewDone: legalReviewDone)
    }
}
