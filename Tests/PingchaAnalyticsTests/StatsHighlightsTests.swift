@testable import PingchaAnalytics
import PingchaModel
import XCTest

/// The 情况说明's material, worked by hand on the fixture (see ``StatisticsFixture``), 2024
/// against 2023.
final class StatsHighlightsTests: XCTestCase {
    typealias F = StatisticsFixture

    func testChangesWithBothValues() {
        let h = F.stats2024.highlights(bodies: [F.A, F.B, "水利局"], previous: F.stats2023)
        let byName = Dictionary(uniqueKeysWithValues: h.changes.map { ($0.name, $0) })
        // 10 decisions against 1: +9, +900.0%.
        XCTAssertEqual(byName["作出行政执法决定"]?.current, .count(10))
        XCTAssertEqual(byName["作出行政执法决定"]?.previous, .count(1))
        XCTAssertEqual(byName["作出行政执法决定"]?.difference, "增加9件（增长900.0%）")
        XCTAssertEqual(byName["行政处罚决定"]?.difference, "增加5宗（增长500.0%）")
        // 罚没 12.23 against 0.10 万元.
        XCTAssertEqual(byName["罚没金额"]?.difference, "增加12.13万元（增长12130.0%）")
        // An amount's change carries its percentage too; from 0 it has none; huge sums do not overflow.
        XCTAssertEqual(StatsHighlights.Change.percent(35, of: 1675), "2.1%")
        XCTAssertEqual(StatsHighlights.Change.percent(Int64.max / 2, of: Int64.max / 4), "200.0%")
        // 复议纠错率 1/3 against nothing closed in 2023: no difference to state.
        XCTAssertEqual(byName["复议纠错率"]?.current, .rate(met: 1, of: 3))
        XCTAssertNil(byName["复议纠错率"]?.difference)
        XCTAssertEqual(byName["行政强制"]?.difference, "增加1件")  // from 0: no percentage
    }

    func testBodiesThatStandOutAndGaps() {
        let h = F.stats2024.highlights(bodies: [F.A, F.B, "水利局"], previous: nil)
        XCTAssertTrue(h.changes.isEmpty)
        // 复议 确认违法 (B3, body B), 诉讼 撤销 (A2, body A).
        XCTAssertEqual(h.corrected, [.init(body: F.A, reconsideration: 0, litigation: 1), .init(body: F.B, reconsideration: 1, litigation: 0)])
        XCTAssertEqual(h.inactive, ["水利局"])
        XCTAssertEqual(h.unreviewed, [])
        // 7 licences? no: A6, A7 — neither records a result; 6 penalties record no execution
        // and no transfer; B3 is a 行政强制 with no class; X2 has no decision date.
        XCTAssertEqual(h.gaps, [
            .init(item: "许可结果（准予、不予等）", missing: 2, of: 2),
            .init(item: "处罚执行情况", missing: 6, of: 6),
            .init(item: "是否移送司法机关", missing: 6, of: 6),
            .init(item: "强制类别（措施或执行）", missing: 1, of: 1),
            .init(item: "决定日期", missing: 1, of: 11),
        ])
    }

    func testUnreviewedMajorDecisions() {
        let c = StatsCase(values: ["department": .text("水利局"), "enforcement_type": .text("行政许可"),
                                   "decision_date": .date(CivilDate(iso: "2024-03-01")!), "major_decision": .bool(true),
                                   "legal_review_done": .bool(false)], measures: [:])
        let s = AnnualStatistics.compute(cases: [c], year: 2024, calendarVersion: "t")
        XCTAssertEqual(s.highlights(bodies: ["水利局"], previous: nil).unreviewed, [.init(body: "水利局", major: 1, reviewed: 0)])
    }

    func testRateDifferenceInPercentagePoints() {
        let c = StatsHighlights.Change(name: "诉讼败诉率", unit: "", current: .rate(met: 1, of: 4), previous: .rate(met: 1, of: 3))
        // 25.0% − 33.3…% = −8.33 points → 8.3.
        XCTAssertEqual(c.difference, "下降8.3个百分点")
        XCTAssertEqual(StatsHighlights.Change(name: "x", unit: "件", current: .count(5), previous: .count(5)).difference, "持平")
        XCTAssertEqual(StatsHighlights.Change(name: "x", unit: "件", current: .count(2), previous: .count(3)).difference, "减少1件（下降33.3%）")
    }
}
