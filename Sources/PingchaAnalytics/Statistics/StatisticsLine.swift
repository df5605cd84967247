/// One line of a statistics table as values rather than text, for spreadsheets: a section
/// title, or a figure with this year's value and the earlier year's.
public enum StatisticsLine: Sendable, Equatable {
    case section(String)
    case figure(String, current: StatisticsValue, previous: StatisticsValue?)
}

/// A statistics value: a count, an amount in 万元 (exact), or a rate with its fraction.
public enum StatisticsValue: Sendable, Equatable {
    case count(Int)
    /// 万元, exact to the cent; nil when the sum overflowed.
    case amount(wanYuan: String?)
    case rate(met: Int, of: Int)

    /// How the value prints: `125`; `1.73` (万元) or 溢出; `3/4 = 75.0%`, `0/0 = —`.
    public var text: String {
        switch self {
        case .count(let n): String(n)
        case .amount(let wan): wan ?? "溢出"
        case .rate(let met, let of): StatisticsCell.rate(Proportion(successes: met, trials: of)).text
        }
    }

    /// As ``text`` but a rate as its percentage only (`75.0%`, `—`): for tables of every body,
    /// where the counts the rate is over stand in the columns beside it.
    public var shortText: String {
        if case .rate(let met, let of) = self { return StatisticsCell.percent(Proportion(successes: met, trials: of)) }
        return text
    }

    init(_ cell: StatisticsCell) {
        switch cell {
        case .count(let n): self = .count(n)
        case .amount(let a): self = .amount(wanYuan: a.overflowed ? nil : a.wanYuan.description)
        case .rate(let p): self = .rate(met: p.successes, of: p.trials)
        }
    }
}

extension AnnualStatistics {
    /// The lines of one table (合计 or a department), in the order the Markdown prints them.
    public static func lines(_ current: AnnualFigures, previous: AnnualFigures?) -> [StatisticsLine] {
        StatisticsRow.rows(current: current, previous: previous).map { row in
            switch row {
            case .section(let title): .section(title)
            case .figure(let name, let value): .figure(name, current: StatisticsValue(value(current)), previous: previous.map { StatisticsValue(value($0)) })
            }
        }
    }
}
