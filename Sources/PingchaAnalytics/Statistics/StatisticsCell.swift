/// One value of the statistics tables and how it prints. Kept apart from the row list so
/// that this year's and the previous year's figure print the same way side by side.
enum StatisticsCell: Equatable {
    case count(Int)
    case amount(AmountTotal)
    case rate(Proportion)

    /// `125`; `1.73` (万元, two decimals); `3/4 = 75.0%`, or `0/0 = —` when nothing could
    /// be judged (a rate of nothing is not 0 %). Writing the fraction keeps the
    /// denominator in sight: 1/1 and 90/90 are both 100 %.
    var text: String {
        switch self {
        case .count(let n): String(n)
        case .amount(let a): a.overflowed ? "溢出" : a.wanYuan.description
        case .rate(let p): "\(p.successes)/\(p.trials) = " + Self.percent(p)
        }
    }

    /// One decimal, rounded half up on exact integers (no binary floating point): 2/3 →
    /// `66.7%`, 1/8 → `12.5%`.
    static func percent(_ p: Proportion) -> String {
        guard p.trials > 0 else { return "—" }
        let tenths = (p.successes * 2000 + p.trials) / (2 * p.trials)
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// `125（上年 118）`: the figure with the earlier year's beside it.
    static func pair(_ current: StatisticsCell, _ previous: StatisticsCell?, label: String) -> String {
        guard let previous else { return current.text }
        return "\(current.text)（\(label) \(previous.text)）"
    }
}
