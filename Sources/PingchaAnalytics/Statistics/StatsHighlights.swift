import PingchaModel

/// What the 情况说明 of the 年报 says, chosen from the figures (nothing is computed again):
/// the year's totals, the changes against the compared year with both values, the bodies whose
/// figures ask a question, and what the data cannot tell.
public struct StatsHighlights: Sendable, Equatable {
    /// A main figure this year and in the compared year.
    public struct Change: Sendable, Equatable {
        public var name: String
        /// 件, 宗, 万元; empty for a rate.
        public var unit: String
        public var current: StatisticsValue
        public var previous: StatisticsValue

        public init(name: String, unit: String, current: StatisticsValue, previous: StatisticsValue) {
            self.name = name
            self.unit = unit
            self.current = current
            self.previous = previous
        }
    }

    /// A body with 重大执法决定 not all reviewed (法制审核, Art. 15 of the Measures).
    public struct Unreviewed: Sendable, Equatable {
        public var body: String
        public var major: Int
        public var reviewed: Int

        public init(body: String, major: Int, reviewed: Int) {
            self.body = body
            self.major = major
            self.reviewed = reviewed
        }
    }

    /// A body with decisions corrected in 复议 or lost in 诉讼 in the year.
    public struct Corrected: Sendable, Equatable {
        public var body: String
        public var reconsideration: Int
        public var litigation: Int

        public init(body: String, reconsideration: Int, litigation: Int) {
            self.body = body
            self.reconsideration = reconsideration
            self.litigation = litigation
        }
    }

    /// A figure the data cannot give for `missing` of `of` cases.
    public struct Gap: Sendable, Equatable {
        public var item: String
        public var missing: Int
        public var of: Int

        public init(item: String, missing: Int, of: Int) {
            self.item = item
            self.missing = missing
            self.of = of
        }
    }

    public var changes: [Change]
    public var unreviewed: [Unreviewed]
    public var corrected: [Corrected]
    /// Bodies with no decision in the period.
    public var inactive: [String]
    public var gaps: [Gap]
}

extension AnnualStatistics {
    /// The 情况说明's material for the bodies `bodies` (in order), against `previous`.
    public func highlights(bodies: [String], previous: AnnualStatistics?) -> StatsHighlights {
        func change(_ name: String, _ unit: String, _ cell: (AnnualFigures) -> StatisticsCell) -> StatsHighlights.Change? {
            guard let previous else { return nil }
            return .init(name: name, unit: unit, current: StatisticsValue(cell(total)), previous: StatisticsValue(cell(previous.total)))
        }
        let changes = [
            change("作出行政执法决定", "件") { .count($0.cases) },
            change("行政许可", "件") { .count($0.licences.applications) },
            change("行政处罚决定", "宗") { .count($0.penalties.decisions) },
            change("罚没金额", "万元") { .amount($0.penalties.forfeitures) },
            change("行政强制", "件") { .count($0.byEnforcementType["行政强制", default: 0]) },
            change("行政检查", "件") { .count($0.byEnforcementType["行政检查", default: 0]) },
            change("新收行政复议", "件") { .count($0.reconsideration.filed) },
            change("复议纠错率", "") { .rate($0.reconsideration.correctionRate) },
            change("新收行政诉讼", "件") { .count($0.litigation.filed) },
            change("诉讼败诉率", "") { .rate($0.litigation.correctionRate) },
        ].compactMap { $0 }
        let each = bodies.map { figures(for: $0) ?? AnnualFigures(department: $0) }
        let unreviewed = each.filter { $0.majorDecisions.major > $0.majorDecisions.reviewed }.map {
            StatsHighlights.Unreviewed(body: $0.department ?? Self.unnamedDepartment, major: $0.majorDecisions.major,
                                       reviewed: $0.majorDecisions.reviewed)
        }
        let corrected = each.filter { $0.reconsideration.corrected + $0.litigation.corrected > 0 }.map {
            StatsHighlights.Corrected(body: $0.department ?? Self.unnamedDepartment, reconsideration: $0.reconsideration.corrected,
                                      litigation: $0.litigation.corrected)
        }
        let inactive = each.filter { $0.cases == 0 }.map { $0.department ?? Self.unnamedDepartment }
        let t = total
        let gaps = [
            StatsHighlights.Gap(item: "许可结果（准予、不予等）", missing: t.licences.withoutResult, of: t.licences.applications),
            .init(item: "处罚执行情况", missing: t.penaltyProcedure.executionUnknown, of: t.penalties.decisions),
            .init(item: "是否移送司法机关", missing: t.penaltyProcedure.transferUnknown, of: t.penalties.decisions),
            .init(item: "强制类别（措施或执行）", missing: t.coercion.unclassified, of: t.byEnforcementType["行政强制", default: 0]),
            .init(item: "复议的申请或审结日期", missing: t.reconsideration.undated, of: t.reconsideration.undated + t.reconsideration.filed),
            .init(item: "诉讼的起诉或审结日期", missing: t.litigation.undated, of: t.litigation.undated + t.litigation.filed),
            .init(item: "负责人是否出庭应诉", missing: t.litigation.headUnknown, of: t.litigation.closed),
            .init(item: "决定日期", missing: t.undated, of: t.undated + t.cases),
        ].filter { $0.missing > 0 }
        return StatsHighlights(changes: changes, unreviewed: unreviewed, corrected: corrected, inactive: inactive, gaps: gaps)
    }
}

extension StatsHighlights.Change {
    /// `delta` as a percentage of `base` (both positive, in one unit), to a tenth: the two are
    /// scaled down together first when the exact sum would overflow (amounts of 10¹¹ yuan and
    /// more, where the tenth of a percent does not move).
    static func percent(_ delta: Int64, of base: Int64) -> String {
        let scale = max(1, max(delta, base) / 1_000_000_000_000)
        return StatisticsCell.percent(Proportion(successes: Int(delta / scale), trials: Int(max(1, base / scale))))
    }

    /// `增加12件（增长1.6%）`, `减少0.35万元（下降2.1%）`, `持平`, or for a rate `上升3.2个百分点`; nil when the
    /// compared value is not a number (a rate of nothing, an overflow).
    public var difference: String? {
        switch (current, previous) {
        case (.count(let a), .count(let b)):
            guard a != b else { return "持平" }
            var text = (a > b ? "增加" : "减少") + "\(abs(a - b))\(unit)"
            if b > 0 { text += "（" + (a > b ? "增长" : "下降") + StatisticsCell.percent(Proportion(successes: abs(a - b), trials: b)) + "）" }
            return text
        case (.amount(let a?), .amount(let b?)):
            guard let x = DecimalNumber(a), let y = DecimalNumber(b), let d = x.subtracting(y) else { return nil }
            guard d.units != 0 else { return "持平" }
            var text = (d.units > 0 ? "增加" : "减少") + WanYuan(yuan: DecimalNumber(units: abs(d.units)).multiplied(byInteger: 10_000) ?? .zero).description + unit
            if y.units > 0 { text += "（" + (d.units > 0 ? "增长" : "下降") + Self.percent(abs(d.units), of: y.units) + "）" }
            return text
        case (.rate(let m1, let n1), .rate(let m2, let n2)):
            guard n1 > 0, n2 > 0 else { return nil }
            // Tenths of a percentage point, exact: (m1/n1 − m2/n2) × 1000, rounded half up.
            let numerator = m1 * n2 - m2 * n1
            let denominator = n1 * n2
            let tenths = (abs(numerator) * 2000 + denominator) / (2 * denominator)
            guard tenths != 0 else { return "持平" }
            return (numerator > 0 ? "上升" : "下降") + "\(tenths / 10).\(tenths % 10)个百分点"
        default:
            return nil
        }
    }
}
