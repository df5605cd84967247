/// The two remedies a party has against a decision, whose outcomes the 年报 reports
/// (被复议/复议纠错, 被诉/败诉).
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

    /// The outcomes of the catalogue's enum (复议结果, 诉讼结果), upheld ones first: the rows
    /// printed even when zero, so that two years' tables line up.
    public var knownOutcomes: [String] {
        switch self {
        case .reconsideration: ["维持", "驳回", "撤销", "变更", "确认违法", "确认无效", "责令履行"]
        case .litigation: ["维持", "驳回诉讼请求", "撤销", "变更", "确认违法", "确认无效", "责令履行"]
        }
    }
}

/// How an outcome counts for the deciding agency.
public enum RemedyOutcomeGroup: Sendable, Hashable {
    /// 维持/驳回: the decision stands.
    case upheld
    /// 纠错: the decision was found wrong — 撤销, 变更, 确认违法, 确认无效, 责令履行.
    case corrected
    /// A value outside the catalogue (kept by a mapping file): listed, in neither group.
    case other

    /// The group of a 复议结果 or 诉讼结果 text. 驳回 (复议申请) and 驳回诉讼请求 leave the
    /// decision in force, so they count with 维持; 责令履行 finds the agency failed a duty,
    /// so it counts as a correction.
    public init(outcome: String) {
        switch outcome {
        case "维持", "驳回", "驳回诉讼请求", "驳回复议申请": self = .upheld
        case "撤销", "变更", "确认违法", "确认无效", "责令履行": self = .corrected
        default: self = .other
        }
    }
}

/// Cases challenged by one remedy and their outcomes, for one department or the total.
public struct RemedyOutcomes: Sendable, Hashable {
    public var remedy: Remedy
    /// Cases reconsidered (or litigated) — marked so, or with a result recorded.
    public var cases: Int
    /// Cases per outcome text; outcomes with no case are absent.
    public var byOutcome: [String: Int]
    /// Challenged but no result recorded (pending, or the export does not say): in
    /// ``cases``, in no outcome.
    public var withoutResult: Int

    public init(remedy: Remedy) {
        self.remedy = remedy
        cases = 0
        byOutcome = [:]
        withoutResult = 0
    }

    /// 维持/驳回.
    public var upheld: Int { count(.upheld) }
    /// 纠错 (撤销, 变更, 确认违法, 确认无效, 责令履行).
    public var corrected: Int { count(.corrected) }

    /// 纠错率: corrections out of the cases with a result (pending ones cannot be judged).
    public var correctionRate: Proportion {
        Proportion(successes: corrected, trials: byOutcome.values.reduce(0, +))
    }

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

    /// Counts one challenged case with its result (nil = none recorded).
    mutating func add(result: String?) {
        cases += 1
        if let result { byOutcome[result, default: 0] += 1 } else { withoutResult += 1 }
    }
}
