/// What a defect leads to under the regulation (处理方式), most severe first:
/// 确认无效 (Art. 34), 确认违法 (Art. 32), 责令限期改正 (Art. 33), 整改完善 (Art. 35, 38).
///
/// The one vocabulary of rubrics, scoring, the store (the raw values are the stored and
/// published spellings, summary.json's `dispositions` keys) and the reports. Compared by
/// ``severity`` (`none < improve < … < invalid`, so a case's disposition is the `max` of its
/// failed rules'); lists of dispositions read gravest first (``gravestFirst``).
public enum Disposition: String, CaseIterable, Sendable, Hashable, Comparable, Codable {
    case invalid, illegal, correct, improve, none

    /// Higher is more severe.
    public var severity: Int {
        switch self {
        case .invalid: return 4
        case .illegal: return 3
        case .correct: return 2
        case .improve: return 1
        case .none: return 0
        }
    }

    /// The Chinese term every document prints (`none`: 无需处理).
    public var chineseName: String {
        switch self {
        case .invalid: return "确认无效"
        case .illegal: return "确认违法"
        case .correct: return "责令限期改正"
        case .improve: return "整改完善"
        case .none: return "无需处理"
        }
    }

    /// Every disposition, the gravest first (`invalid` … `none`): the order tables list them in.
    public static let gravestFirst: [Disposition] = allCases.sorted { $0.severity > $1.severity }

    public static func < (a: Self, b: Self) -> Bool { a.severity < b.severity }
}

/// What an unknown result (the rule read a missing field) means for a rule.
public enum MissingPolicy: String, CaseIterable, Sendable {
    /// No deduction; the case is listed as needing manual review (the default).
    case review
    case fail
    case pass
    /// Not applicable.
    case skip
}

/// The outcome of one rule for one case.
public enum Outcome: String, Sendable, CaseIterable {
    case pass, fail, unknown
    case notApplicable = "not_applicable"
}
