import PingchaModel

/// The two remedies a party has against a decision, whose cases the 年报 reports
/// (复议 收案/审结/纠错, 诉讼 收案/审结/败诉).
public enum Remedy: String, CaseIterable, Sendable, Hashable {
    /// 行政复议.
    case reconsideration
    /// 行政诉讼.
    case litigation

    public var title: String {
        switch self {
        case .reconsideration: "行政复议"
        case .litigation: "行政诉讼"
        }
    }

    /// 复议, 诉讼: the short name in row labels.
    public var shortName: String { self == .reconsideration ? "复议" : "诉讼" }

    /// The outcomes of the catalogue's enum (复议结果, 诉讼结果), in groups (kept, corrected,
    /// closed otherwise): the rows printed even when zero, so that two years' tables line up.
    /// Courts no longer 维持 (行政诉讼法 2014, art. 69: 驳回诉讼请求).
    public var knownOutcomes: [String] {
        switch self {
        case .reconsideration: ["维持", "驳回", "撤销", "变更", "确认违法", "确认无效", "责令履行", "终止", "调解"]
        case .litigation: ["驳回诉讼请求", "撤销", "变更", "确认违法", "确认无效", "责令履行", "驳回起诉", "撤诉", "调解"]
        }
    }

    /// The name of the corrected cases and of their rate: 复议纠错 (the 复议机关 corrects the
    /// decision), 诉讼败诉 (the agency loses the case).
    public var correctedName: String { self == .reconsideration ? "纠错" : "败诉" }
}

/// How an outcome counts for the deciding agency.
public enum RemedyOutcomeGroup: Sendable, Hashable {
    /// 维持, 驳回, 驳回诉讼请求: the decision stands.
    case upheld
    /// 纠错 / 败诉: the decision was found wrong — 撤销, 变更, 确认违法, 确认无效, 责令履行.
    case corrected
    /// Closed without a ruling on the decision: 终止, 调解, 撤诉, 驳回起诉. Closed cases
    /// all the same, so in the denominator of the rates (司法部 复议应诉统计).
    case closedOtherwise
    /// A value outside the catalogue (kept by a mapping file): closed, in no group.
    case other

    /// The group of a 复议结果 or 诉讼结果 text. 驳回 (复议申请) and 驳回诉讼请求 leave the
    /// decision in force; 维持 is the pre-2014 court wording of 驳回诉讼请求; 驳回起诉 ends
    /// the suit without judging the decision; 责令履行 finds the agency failed a duty, so it
    /// counts as a correction.
    public init(outcome: String) {
        switch outcome {
        case "维持", "驳回", "驳回诉讼请求", "驳回复议申请": self = .upheld
        case "撤销", "变更", "确认违法", "确认无效", "责令履行": self = .corrected
        case "终止", "调解", "撤诉", "驳回起诉", "和解": self = .closedOtherwise
        default: self = .other
        }
    }
}

/// One remedy's cases in one year, for one department or the total, counted the official
/// way: by the dates of the remedy, not of the decision challenged.
///
/// - 新收 (``filed``): applied for / filed in the year (复议申请日期, 起诉日期).
/// - 审结 (``closed``): closed in the year (复议决定日期, 判决日期) with an outcome recorded,
///   whatever the outcome — 终止, 调解, 撤诉 and 驳回起诉 included.
/// - 纠错率 (复议) and 败诉率 (诉讼) = (撤销 + 变更 + 确认违法 + 确认无效 + 责令履行) ÷ 审结.
///
/// A challenge with neither date cannot be placed in a year: it is counted apart
/// (``undated``), in no figure, as cases without 决定日期 are.
public struct RemedyOutcomes: Sendable, Hashable {
    public var remedy: Remedy
    /// 新收: filed in the year.
    public var filed: Int
    /// 审结: closed in the year with an outcome.
    public var closed: Int
    /// The closed cases per outcome text; outcomes with no case are absent.
    public var byOutcome: [String: Int]
    /// A closing date in the year but no outcome recorded: not in ``closed`` (nothing to
    /// judge), printed beside it.
    public var closedWithoutResult: Int
    /// Filed in the year and not closed by its end (no closing date, or one after the year).
    public var pending: Int
    /// Challenged (marked so or an outcome recorded) but neither date recorded.
    public var undated: Int
    /// 负责人出庭应诉 (诉讼 only): of the cases closed in the year, the head appeared, did not,
    /// or the file does not say.
    public var headAppeared: Int
    public var headAbsent: Int
    public var headUnknown: Int

    public init(remedy: Remedy) {
        self.remedy = remedy
        filed = 0
        closed = 0
        byOutcome = [:]
        closedWithoutResult = 0
        pending = 0
        undated = 0
        headAppeared = 0
        headAbsent = 0
        headUnknown = 0
    }

    /// 维持/驳回.
    public var upheld: Int { count(.upheld) }
    /// 纠错 (复议) / 败诉 (诉讼): 撤销, 变更, 确认违法, 确认无效, 责令履行.
    public var corrected: Int { count(.corrected) }
    /// 终止, 调解, 撤诉, 驳回起诉.
    public var closedOtherwise: Int { count(.closedOtherwise) }

    /// 纠错率 / 败诉率: corrected ÷ 审结 (every case closed in the year with an outcome).
    public var correctionRate: Proportion { Proportion(successes: corrected, trials: closed) }

    /// 负责人出庭应诉率: appeared ÷ the closed cases whose file says whether the head appeared.
    public var headAppearanceRate: Proportion { Proportion(successes: headAppeared, trials: headAppeared + headAbsent) }

    /// Every outcome to list: the known ones in ``Remedy/knownOutcomes`` order (zero
    /// included), then any other recorded value in text order.
    public var outcomeRows: [(outcome: String, cases: Int)] {
        let known = remedy.knownOutcomes
        let extra = byOutcome.keys.filter { !known.contains($0) }.sorted()
        return (known + extra).map { ($0, byOutcome[$0, default: 0]) }
    }

    private func count(_ group: RemedyOutcomeGroup) -> Int {
        byOutcome.reduce(0) { RemedyOutcomeGroup(outcome: $1.key) == group ? $0 + $1.value : $0 }
    }

    /// Counts one challenged case in `year`'s figures by its dates; returns whether it
    /// counted in any (filed or closed in the year, or undated).
    @discardableResult
    mutating func add(_ challenge: RemedyCase, year: Int) -> Bool {
        guard challenge.filed != nil || challenge.closed != nil else {
            undated += 1
            return true
        }
        var counted = false
        if let filedDate = challenge.filed, filedDate.year == year {
            filed += 1
            counted = true
            if challenge.closed.map({ $0.year > year }) ?? true { pending += 1 }
        }
        if let closedDate = challenge.closed, closedDate.year == year {
            counted = true
            if let result = challenge.result {
                closed += 1
                byOutcome[result, default: 0] += 1
                switch challenge.headAppeared {
                case true?: headAppeared += 1
                case false?: headAbsent += 1
                case nil: headUnknown += 1
                }
            } else {
                closedWithoutResult += 1
            }
        }
        return counted
    }
}

/// One case's challenge by one remedy, as the statistics read it.
public struct RemedyCase: Sendable, Hashable {
    public var filed: CivilDate?
    public var closed: CivilDate?
    public var result: String?
    public var headAppeared: Bool?

    public init(filed: CivilDate?, closed: CivilDate?, result: String?, headAppeared: Bool? = nil) {
        self.filed = filed
        self.closed = closed
        self.result = result
        self.headAppeared = headAppeared
    }
}
