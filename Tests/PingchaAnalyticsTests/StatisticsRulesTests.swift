import PingchaAnalytics
import PingchaModel
import PingchaRubric
import XCTest

/// The counting rules one by one: heaviest kind, 万元 rounding, how measure outcomes count.
final class StatisticsRulesTests: XCTestCase {
    typealias F = StatisticsFixture

    func testHeaviestKind() {
        XCTAssertEqual(PenaltyKind.heaviest(of: ["警告", "罚款"]), .fine)
        XCTAssertEqual(PenaltyKind.heaviest(of: ["罚款", "吊销许可证件"]), .licenceRevocation)
        XCTAssertEqual(PenaltyKind.heaviest(of: ["罚款", "没收违法所得"]), .confiscation)
        XCTAssertEqual(PenaltyKind.heaviest(of: ["没收非法财物", "警告"]), .confiscation)
        XCTAssertEqual(PenaltyKind.heaviest(of: ["通报批评", "警告"]), .criticism)
        // Template order: 吊销 above 停产停业 and 关闭/限制从业; 拘留 heaviest.
        XCTAssertEqual(PenaltyKind.heaviest(of: ["责令停产停业", "吊销许可证件"]), .licenceRevocation)
        XCTAssertEqual(PenaltyKind.heaviest(of: ["限制从业", "责令停产停业"]), .closure)
        XCTAssertEqual(PenaltyKind.heaviest(of: ["吊销许可证件", "行政拘留"]), .detention)
        XCTAssertEqual(PenaltyKind.heaviest(of: ["降低资质等级", "暂扣许可证件"]), .qualificationDowngrade)
        // An unlisted kind loses to any named one and stands alone as 其他.
        XCTAssertEqual(PenaltyKind.heaviest(of: ["责令拆除", "警告"]), .warning)
        XCTAssertEqual(PenaltyKind.heaviest(of: ["责令拆除"]), .other)
        XCTAssertNil(PenaltyKind.heaviest(of: [String]()))
        XCTAssertEqual(PenaltyKind.tableOrder.map(\.title), [
            "警告", "通报批评", "罚款", "没收违法所得/没收非法财物", "暂扣许可证件", "降低资质等级",
            "限制开展生产经营活动", "责令停产停业", "责令关闭/限制从业", "吊销许可证件", "行政拘留", "其他",
        ])
    }

    func testWanYuan() {
        func wan(_ yuan: String) -> WanYuan { WanYuan(yuan: DecimalNumber(yuan)!) }
        XCTAssertEqual(wan("17345.67").exact, "1.734567")
        XCTAssertEqual(wan("17345.67").description, "1.73")
        XCTAssertEqual(wan("50").description, "0.01")      // 0.005 rounds half up
        XCTAssertEqual(wan("49.99").description, "0.00")
        XCTAssertEqual(wan("30000").exact, "3")
        XCTAssertEqual(wan("30000").description, "3.00")
        XCTAssertEqual(wan("0.0001").exact, "0.00000001")
        XCTAssertEqual(wan("12345678.9").rounded(fractionDigits: 0), "1235")
        XCTAssertEqual(wan("-15000").description, "-1.50")

        var total = AmountTotal()
        total.add(DecimalNumber("12345.67"))
        total.add(nil)
        total.add(.zero)
        total.add(DecimalNumber("5000"))
        XCTAssertEqual(total.cases, 2)
        XCTAssertEqual(total.wanYuan.exact, "1.734567")

        var huge = AmountTotal()
        huge.add(DecimalNumber(units: .max))
        huge.add(DecimalNumber(units: 1))
        XCTAssertTrue(huge.overflowed)
        XCTAssertEqual(huge.cases, 2)
    }

    /// One penalty decided in 2024 with the given measures.
    static func decided(_ measures: [Measure: Outcome], in department: String = F.A) -> StatsCase {
        StatsCase(values: ["department": .text(department), "enforcement_type": .text("行政处罚"),
                           "decision_date": .date(F.date("2024-06-03"))], measures: measures)
    }

    static func stats(_ cases: [StatsCase]) -> AnnualStatistics {
        AnnualStatistics.compute(cases: cases, year: 2024, calendarVersion: F.calendarVersion)
    }

    /// pass → on time, fail → late, unknown → undetermined; not applicable and no rule at all
    /// are in no count, for each of the three periods.
    func testEachOutcomeOfATimelinessMeasure() {
        let periods: [(Measure, KeyPath<TimelinessFigures, DeadlineTally>)] =
            [(.decisionOnTime, \.decision), (.serviceOnTime, \.service), (.publicationOnTime, \.publication)]
        for (measure, path) in periods {
            // 3 pass, 2 fail, 1 unknown, 2 not applicable, 1 without the measure.
            let outcomes: [Outcome?] = [.pass, .pass, .pass, .fail, .fail, .unknown, .notApplicable, .notApplicable, nil]
            let cases = outcomes.map { o in Self.decided(o.map { [measure: $0] } ?? [:]) }
            let tally = Self.stats(cases).total.timeliness[keyPath: path]
            XCTAssertEqual(tally, DeadlineTally(onTime: 3, late: 2, undetermined: 1), measure.rawValue)
            XCTAssertEqual(tally.rate, Proportion(successes: 3, trials: 5), measure.rawValue)
            XCTAssertEqual(tally.applicable, 6, measure.rawValue)
            // The other two periods saw nothing.
            for (other, otherPath) in periods where other != measure {
                XCTAssertEqual(Self.stats(cases).total.timeliness[keyPath: otherPath], DeadlineTally(), "\(measure) → \(other)")
            }
        }
    }

    /// The same for the three systems: pass met, fail not met, unknown apart; not applicable
    /// and absent outside the denominator.
    func testEachOutcomeOfAThreeSystemsMeasure() {
        for system in ThreeSystem.allCases {
            let outcomes: [Outcome?] = [.pass, .pass, .fail, .unknown, .unknown, .notApplicable, nil]
            let cases = outcomes.map { o in Self.decided(o.map { [system.measure: $0] } ?? [:]) }
            let figures = Self.stats(cases).total
            XCTAssertEqual(figures.rate(system), ThreeSystemRate(system: system, applicable: 5, met: 2, notMet: 1, unknown: 2),
                           system.rawValue)
            XCTAssertEqual(figures.rate(system).rate, Proportion(successes: 2, trials: 3))
            for other in ThreeSystem.allCases where other != system {
                XCTAssertEqual(figures.rate(other).applicable, 0, "\(system) → \(other)")
            }
        }
        XCTAssertEqual(ThreeSystem.allCases.map(\.measure), [.publicity, .recording, .legalReview])
    }

    /// The statuses and facts a case's measures give.
    func testStatusOfAnOutcome() {
        XCTAssertEqual(ThreeSystemStatus(.pass), .met)
        XCTAssertEqual(ThreeSystemStatus(.fail), .notMet)
        XCTAssertEqual(ThreeSystemStatus(.unknown), .unknown)
        XCTAssertEqual(ThreeSystemStatus(.notApplicable), .notApplicable)
        XCTAssertEqual(ThreeSystemStatus(nil), .notApplicable)
        let facts = ThreeSystemsFacts(measures: [.publicity: .fail, .legalReview: .unknown, .decisionOnTime: .pass])
        XCTAssertEqual(facts, ThreeSystemsFacts(publicity: .notMet, recording: .notApplicable, legalReview: .unknown))
    }

    /// One case, its measures counted in its department and in the total, each once; the
    /// year's scope decides first (another year, no decision date: no figure at all).
    func testMeasuresCountPerDepartmentAndOnlyInTheYear() {
        let all: [Measure: Outcome] = [.decisionOnTime: .fail, .serviceOnTime: .pass, .publicationOnTime: .unknown,
                                       .publicity: .pass, .recording: .fail, .legalReview: .unknown]
        var elsewhen = Self.decided(all)
        elsewhen.decisionDate = F.date("2023-06-03")
        var undated = Self.decided(all, in: F.B)
        undated.decisionDate = nil
        let s = Self.stats([Self.decided(all), Self.decided(all, in: F.B), elsewhen, undated])
        for figures in [s.total, s.figures(for: F.A)!, s.figures(for: F.B)!] {
            let n = figures.department == nil ? 2 : 1
            XCTAssertEqual(figures.timeliness, TimelinessFigures(decision: DeadlineTally(late: n), service: DeadlineTally(onTime: n),
                                                                 publication: DeadlineTally(undetermined: n)))
            XCTAssertEqual(figures.threeSystems, [ThreeSystemRate(system: .publicity, applicable: n, met: n),
                                                  ThreeSystemRate(system: .recording, applicable: n, notMet: n),
                                                  ThreeSystemRate(system: .legalReview, applicable: n, unknown: n)])
        }
        XCTAssertEqual(s.otherYears, 1)
        XCTAssertEqual(s.total.undated, 1)
    }
}
