import PingchaModel

/// 行政许可 of the 年报 for one body or the total: 申请, 受理 and the results.
public struct LicenceFigures: Sendable, Hashable {
    /// 申请: 行政许可 decisions made in the year (each decides one application).
    public var applications: Int
    /// 受理: of those, with a 受理日期.
    public var accepted: Int
    /// 许可结果 per value (准予, 不予, 变更, 延续, 撤销, 注销, or a mapped other text).
    public var byResult: [String: Int]
    /// No 许可结果 recorded.
    public var withoutResult: Int

    public init() {
        applications = 0
        accepted = 0
        byResult = [:]
        withoutResult = 0
    }

    /// The catalogue's 许可结果 in its order.
    public static let results = ["准予", "不予", "变更", "延续", "撤销", "注销"]

    mutating func add(_ c: StatsCase) {
        applications += 1
        if c.acceptedDate != nil { accepted += 1 }
        if let r = c.licenceResult { byResult[r, default: 0] += 1 } else { withoutResult += 1 }
    }
}

/// 行政强制 of the 年报: 强制措施 by kind, 强制执行 by method, 申请法院强制执行.
///
/// Which a 行政强制 case is follows the rubric (`coercive.yaml`): 强制类别 when recorded,
/// otherwise a case with a 强制措施种类 and no 强制执行方式 is a measure and one with a
/// 强制执行方式 an execution. A case with none of the three is counted apart (未注明类别), not
/// guessed. A decision of another type carried out by 加处罚款 or 划拨 (a fine, mostly) is an
/// execution too (行政强制法第四十五条).
public struct CoercionFigures: Sendable, Hashable {
    /// 强制措施 (件) and their kinds (查封, 扣押, 冻结, 限制人身自由, 其他; absent kinds no key).
    public var measures: Int
    public var byMeasure: [String: Int]
    /// 强制执行 (件) and their methods.
    public var executions: Int
    public var byMethod: [String: Int]
    /// 行政强制 cases that say neither.
    public var unclassified: Int
    /// 申请法院强制执行: decisions of any type decided in the year whose enforcement was asked
    /// of the court (行政强制法第五十三条).
    public var courtApplications: Int

    public init() {
        measures = 0
        byMeasure = [:]
        executions = 0
        byMethod = [:]
        unclassified = 0
        courtApplications = 0
    }

    public static let measureKinds = ["查封", "扣押", "冻结", "限制人身自由", "其他"]
    public static let methods = ["加处罚款或者滞纳金", "划拨存款汇款", "拍卖或者依法处理财物", "排除妨碍恢复原状", "代履行", "其他"]

    mutating func add(_ c: StatsCase) {
        if c.courtEnforcementApplied == true { courtApplications += 1 }
        let isCoercion = c.enforcementType == "行政强制"
        let action: String?
        if let recorded = c.coerciveAction {
            action = isCoercion ? recorded : nil
        } else if c.enforcementMethod != nil {
            action = "强制执行"
        } else if isCoercion && c.coerciveMeasure != nil {
            action = "强制措施"
        } else {
            action = nil
        }
        switch action {
        case "强制措施"?:
            measures += 1
            byMeasure[c.coerciveMeasure ?? "未注明种类", default: 0] += 1
        case "强制执行"?:
            executions += 1
            byMethod[c.enforcementMethod ?? "未注明方式", default: 0] += 1
        default:
            if isCoercion { unclassified += 1 }
        }
    }
}

/// What the 年报 adds to the 行政处罚 counts: 立案 and 结案 in the year, 不予处罚 and 减轻处罚,
/// 移送司法机关 and how the decisions were carried out (处罚执行情况).
public struct PenaltyProcedureFigures: Sendable, Hashable {
    /// 立案: penalty cases with a 立案日期 in the year, whatever year they were decided in.
    public var filed: Int
    /// 结案: penalty cases with a 结案日期 in the year.
    public var closed: Int
    /// Of the decisions of the year: 裁量档次 不予处罚 and 减轻.
    public var noPenalty: Int
    public var mitigated: Int
    /// Of the decisions of the year: 移送司法机关 = 是, and those that do not say.
    public var transferred: Int
    public var transferUnknown: Int
    /// Of the decisions of the year: 处罚执行情况 per value; none recorded apart.
    public var byExecution: [String: Int]
    public var executionUnknown: Int

    public init() {
        filed = 0
        closed = 0
        noPenalty = 0
        mitigated = 0
        transferred = 0
        transferUnknown = 0
        byExecution = [:]
        executionUnknown = 0
    }

    public static let executions = ["自觉履行", "强制执行", "未执行完毕"]

    /// Counts a penalty decision of the year.
    mutating func addDecision(_ c: StatsCase) {
        switch c.discretionLevel {
        case "不予处罚"?: noPenalty += 1
        case "减轻"?: mitigated += 1
        default: break
        }
        switch c.transferredToJudiciary {
        case true?: transferred += 1
        case false?: break
        case nil: transferUnknown += 1
        }
        if let e = c.penaltyExecution { byExecution[e, default: 0] += 1 } else { executionUnknown += 1 }
    }

    /// Counts a penalty case's 立案 and 结案 in `year` by their own dates.
    mutating func addDates(_ c: StatsCase, year: Int) {
        if c.filedDate?.year == year { filed += 1 }
        if c.closedDate?.year == year { closed += 1 }
    }
}

/// 重大执法决定 and their 法制审核 as the case files record them (the 年报's 法制审核 count);
/// the 法制审核率 of the three systems is the rules' measure and stays the rate.
public struct MajorDecisionFigures: Sendable, Hashable {
    /// Decisions of the year marked 重大执法决定.
    public var major: Int
    /// Of those, 法制审核 = 是.
    public var reviewed: Int

    public init(major: Int = 0, reviewed: Int = 0) {
        self.major = major
        self.reviewed = reviewed
    }

    mutating func add(_ c: StatsCase) {
        guard c.majorDecision == true else { return }
        major += 1
        if c.legalReviewDone == true { reviewed += 1 }
    }
}
