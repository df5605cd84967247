/// What kind of decision a case is, as the statistics need to know: which table it goes
/// into. Which statutory periods and systems apply to it is the rubrics' to say (the
/// measures' rules), not this file's.
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

    /// A hearing took place or was asked for (听证): 听证日期 present or 申请听证 = 是.
    public var hadHearing: Bool { hearingDate != nil || hearingRequested == true }

    /// 行政复议: marked so, or a result is recorded (a result implies the review).
    public var wasReconsidered: Bool { reconsidered == true || reconsiderationResult != nil }

    /// 行政诉讼: marked so, or a judgment is recorded.
    public var wasLitigated: Bool { litigated == true || litigationResult != nil }
}
