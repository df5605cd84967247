import PingchaAnalytics
import PingchaModel
import XCTest

/// 复议 and 诉讼 counted by their own dates, with the official rates, worked out by hand.
///
///  case  remedy  filed        closed       result        head   in 2025
///  R1    复议    2024-12-10   2025-02-01   撤销                 审结 (filed 2024)
///  R2    复议    2025-03-01   2025-04-20   终止                 新收, 审结
///  R3    复议    2025-05-01   2025-06-30   调解                 新收, 审结
///  R4    复议    2025-06-01   2025-07-15   维持                 新收, 审结
///  R5    复议    2025-11-01   2026-01-10   变更                 新收, 年末未审结
///  R6    复议    —            —            驳回                 无日期, apart
///  L1    诉讼    2025-01-05   2025-05-05   撤诉          是     新收, 审结
///  L2    诉讼    2025-02-01   2025-08-01   确认违法      否     新收, 审结
///  L3    诉讼    2024-09-01   2025-03-01   驳回诉讼请求  —      审结 (from 维持)
///  L4    诉讼    2025-03-01   2025-09-01   驳回起诉      是     新收, 审结
///  L5    诉讼    2025-04-01   2025-10-01   —                    新收, closed without result
///  L6    诉讼    2023-05-01   2024-02-01   责令履行      是     not in 2025
///
/// 复议 2025: 新收 4 (R2–R5), 审结 4 (R1–R4), 纠错 1 (R1), 纠错率 1/4 (终止 and 调解 in the
/// denominator), 年末未审结 1 (R5), 无日期 1 (R6).
/// 诉讼 2025: 新收 4 (L1, L2, L4, L5), 审结 4 (L1–L4), 败诉 1 (L2), 败诉率 1/4 (撤诉 and 驳回起诉
/// in the denominator), 出庭 2 of 3 stated (L1, L4; L2 no; L3 not stated), L5 apart.
final class RemedyStatisticsTests: XCTestCase {
    static func D(_ text: String) -> FieldValue { .date(CivilDate(iso: text)!) }

    static func reconsidered(_ filed: String?, _ closed: String?, _ result: String, decided: String = "2024-10-01") -> StatsCase {
        var v: [String: FieldValue] = ["department": .text("交通运输局"), "enforcement_type": .text("行政处罚"),
                                       "decision_date": D(decided), "reconsidered": .bool(true),
                                       "reconsideration_result": .text(result)]
        if let filed { v["reconsideration_filed_date"] = D(filed) }
        if let closed { v["reconsideration_closed_date"] = D(closed) }
        return StatsCase(values: v, measures: [:])
    }

    static func litigated(_ filed: String, _ closed: String, _ result: String?, head: Bool?) -> StatsCase {
        var v: [String: FieldValue] = ["department": .text("公安局"), "enforcement_type": .text("行政处罚"),
                                       "decision_date": D("2024-06-01"), "litigated": .bool(true),
                                       "litigation_filed_date": D(filed), "litigation_closed_date": D(closed)]
        if let result { v["litigation_result"] = .text(result) }
        if let head { v["head_appeared"] = .bool(head) }
        return StatsCase(values: v, measures: [:])
    }

    static let cases = [
        reconsidered("2024-12-10", "2025-02-01", "撤销"),
        reconsidered("2025-03-01", "2025-04-20", "终止", decided: "2025-01-10"),
        reconsidered("2025-05-01", "2025-06-30", "调解", decided: "2025-02-10"),
        reconsidered("2025-06-01", "2025-07-15", "维持", decided: "2025-03-10"),
        reconsidered("2025-11-01", "2026-01-10", "变更", decided: "2025-10-10"),
        reconsidered(nil, nil, "驳回"),
        litigated("2025-01-05", "2025-05-05", "撤诉", head: true),
        litigated("2025-02-01", "2025-08-01", "确认违法", head: false),
        litigated("2024-09-01", "2025-03-01", "维持", head: nil),
        litigated("2025-03-01", "2025-09-01", "驳回起诉", head: true),
        litigated("2025-04-01", "2025-10-01", nil, head: nil),
        litigated("2023-05-01", "2024-02-01", "责令履行", head: true),
    ]

    static let stats = AnnualStatistics.compute(cases: cases, year: 2025, calendarVersion: "test")

    func testReconsiderationByItsOwnDates() {
        let r = Self.stats.total.reconsideration
        XCTAssertEqual(r.filed, 4)
        XCTAssertEqual(r.closed, 4)
        XCTAssertEqual(r.byOutcome, ["撤销": 1, "终止": 1, "调解": 1, "维持": 1])
        XCTAssertEqual(r.upheld, 1)
        XCTAssertEqual(r.corrected, 1)
        XCTAssertEqual(r.closedOtherwise, 2)
        XCTAssertEqual(r.correctionRate, Proportion(successes: 1, trials: 4))
        XCTAssertEqual(r.pending, 1)
        XCTAssertEqual(r.undated, 1)
        // Four of the 复议 cases were decided in 2025 (R2–R5), R1 in 2024: the remedy's
        // figures do not follow the decision's year.
        XCTAssertEqual(Self.stats.total.cases, 4)
    }

    func testLitigationLossRateCountsEveryClosedCase() {
        let l = Self.stats.total.litigation
        XCTAssertEqual(l.filed, 4)
        XCTAssertEqual(l.closed, 4)
        XCTAssertEqual(l.byOutcome, ["撤诉": 1, "确认违法": 1, "驳回诉讼请求": 1, "驳回起诉": 1])
        XCTAssertEqual(l.corrected, 1)
        XCTAssertEqual(l.closedOtherwise, 2)
        XCTAssertEqual(l.correctionRate, Proportion(successes: 1, trials: 4))
        XCTAssertEqual(l.closedWithoutResult, 1)
        XCTAssertEqual(l.pending, 0)
        XCTAssertEqual(l.headAppeared, 2)
        XCTAssertEqual(l.headAbsent, 1)
        XCTAssertEqual(l.headUnknown, 1)
        XCTAssertEqual(l.headAppearanceRate, Proportion(successes: 2, trials: 3))
        XCTAssertEqual(Self.stats.figures(for: "公安局")?.litigation, l)
    }

    func testRowsAndDefinitions() {
        let lines = StatisticsText.table(Self.stats.total, previous: nil, label: nil)
        for line in [
            "| **行政复议** | |",
            "| 新收复议案件（件） | 4 |",
            "| 审结复议案件（件） | 4 |",
            "| 其中纠错（撤销、变更、确认违法、确认无效、责令履行） | 1 |",
            "| 其中终止、调解 | 2 |",
            "| 复议纠错率 | 1/4 = 25.0% |",
            "| 年末未审结（件，本年度新收） | 1 |",
            "| 无申请和审结日期（件，不计入本年度） | 1 |",
            "| 新收诉讼案件（件） | 4 |",
            "| 其中败诉（撤销、变更、确认违法、确认无效、责令履行） | 1 |",
            "| 其中驳回起诉、撤诉、调解 | 2 |",
            "| 诉讼结果：驳回诉讼请求 | 1 |",
            "| 诉讼败诉率 | 1/4 = 25.0% |",
            "| 负责人出庭应诉率 | 2/3 = 66.7% |",
            "| 有审结日期但未注明结果（件，不计入审结） | 1 |",
        ] {
            XCTAssertTrue(lines.contains(line), "missing: \(line)")
        }
        XCTAssertFalse(lines.contains { $0.contains("诉讼结果：维持") || $0.contains("诉讼纠错率") })
        let notes = Self.stats.notes(previous: nil, label: nil)
        XCTAssertTrue(notes.contains("复议纠错率 =（撤销 + 变更 + 确认违法 + 确认无效 + 责令履行）÷ 本年度审结的复议案件；"
            + "诉讼败诉率 =（撤销 + 变更 + 确认违法 + 确认无效 + 责令履行）÷ 本年度审结的诉讼案件。"))
    }
}
