/// What a finding leads to (处理方式), from the most to the least severe, as in the rubric
/// format's `disposition` and summary.json's `dispositions` keys.
///
/// - `invalid`: 确认无效 (监督办法 Art. 34)
/// - `illegal`: 确认违法 (Art. 32)
/// - `correct`: 责令限期改正 (Art. 33)
/// - `improve`: 整改完善 (Art. 35, 38)
/// - `none`: nothing to do
///
/// A case's disposition is the most severe of its failed rules'; the scorer works that
/// out, analytics only counts it. The raw values are the stored and published spellings.
public enum CaseDisposition: String, CaseIterable, Sendable, Hashable, Comparable {
    case invalid, illegal, correct, improve, none

    /// 0 for the most severe (`invalid`) … 4 for `none`; `CaseIterable` order.
    public var severityIndex: Int {
        switch self {
        case .invalid: 0
        case .illegal: 1
        case .correct: 2
        case .improve: 3
        case .none: 4
        }
    }

    /// The Chinese term a bulletin prints.
    public var label: String {
        switch self {
        case .invalid: "确认无效"
        case .illegal: "确认违法"
        case .correct: "责令限期改正"
        case .improve: "整改完善"
        case .none: "无需处理"
        }
    }

    /// Ordered by severity: `invalid < illegal < … < none`, so sorting puts the gravest first.
    public static func < (a: Self, b: Self) -> Bool { a.severityIndex < b.severityIndex }
}
