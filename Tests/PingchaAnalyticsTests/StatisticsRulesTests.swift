import PingchaAnalytics
import PingchaModel
import PingchaRubric
import XCTest

/// The counting rules one by one: heaviest kind, 万元 rounding, the statutory periods.
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

    /// 2024 Spring Festival: 02-10..02-17 off, Sunday 02-18 worked, 除夕 02-09 an ordinary
    /// Friday. The 7 working days after 02-08 are 02-09, 02-18, 02-19 … 02-23.
    func testServiceAcrossSpringFestival() {
        func penalty(served: String) -> StatsCase {
            StatsCase(values: [
                "department": .text(F.A), "enforcement_type": .text("行政处罚"),
                "decision_date": .date(F.date("2024-02-08")), "served_date": .date(F.date(served)),
            ])
        }
        XCTAssertEqual(F.calendar.addWorkdays(F.date("2024-02-08"), 7), F.date("2024-02-23"))
        XCTAssertEqual(StatutoryDeadlines.service(penalty(served: "2024-02-23"), calendar: F.calendar), .onTime)
        XCTAssertEqual(StatutoryDeadlines.service(penalty(served: "2024-02-26"), calendar: F.calendar), .late)

        let s = AnnualStatistics.compute(cases: [penalty(served: "2024-02-23"), penalty(served: "2024-02-26")],
                                         year: 2024, calendar: F.calendar)
        XCTAssertEqual(s.total.timeliness.service, DeadlineTally(onTime: 1, late: 1))
        XCTAssertEqual(s.total.timeliness.decision, DeadlineTally(undetermined: 2))  // no 立案日期
    }

    func testPenaltyDecisionPeriod() {
        func penalty(_ filed: String, _ decided: String, extended: Bool? = nil) -> DeadlineVerdict {
            var values: [String: FieldValue] = [
                "enforcement_type": .text("行政处罚"),
                "filed_date": .date(F.date(filed)), "decision_date": .date(F.date(decided)),
            ]
            if let extended { values["extension_approved"] = .bool(extended) }
            return StatutoryDeadlines.decision(StatsCase(values: values), calendar: F.calendar)
        }
        // 2024-01-01 + 90 days = 03-31, a Sunday: the period ends on Monday 04-01.
        XCTAssertEqual(penalty("2024-01-01", "2024-04-01"), .onTime)
        XCTAssertEqual(penalty("2024-01-01", "2024-04-02"), .undetermined)
        XCTAssertEqual(penalty("2024-01-01", "2024-04-02", extended: true), .onTime)
        XCTAssertEqual(penalty("2024-01-01", "2024-04-02", extended: false), .late)
    }

    func testLicenceDecisionAndServicePeriods() {
        func licence(decided: String, served: String? = nil, extended: Bool? = nil) -> StatsCase {
            var values: [String: FieldValue] = [
                "enforcement_type": .text("行政许可"),
                "accepted_date": .date(F.date("2024-03-01")), "decision_date": .date(F.date(decided)),
            ]
            if let served { values["served_date"] = .date(F.date(served)) }
            if let extended { values["extension_approved"] = .bool(extended) }
            return StatsCase(values: values)
        }
        let cal = F.calendar
        // 20 working days after Friday 03-01 end 03-29; 30 end 04-15 (清明 04-04..06 off,
        // Sunday 04-07 worked).
        XCTAssertEqual(StatutoryDeadlines.decision(licence(decided: "2024-03-29"), calendar: cal), .onTime)
        XCTAssertEqual(StatutoryDeadlines.decision(licence(decided: "2024-04-01"), calendar: cal), .undetermined)
        XCTAssertEqual(StatutoryDeadlines.decision(licence(decided: "2024-04-15", extended: true), calendar: cal), .onTime)
        XCTAssertEqual(StatutoryDeadlines.decision(licence(decided: "2024-04-16", extended: true), calendar: cal), .late)
        XCTAssertEqual(StatutoryDeadlines.decision(licence(decided: "2024-04-01", extended: false), calendar: cal), .late)
        // Licences are served within 10 working days (行政许可法第四十四条): after 03-29 that is
        // 04-15; 04-12 would be late under the 7 days of a penalty (04-10).
        XCTAssertEqual(StatutoryDeadlines.service(licence(decided: "2024-03-29", served: "2024-04-12"), calendar: cal), .onTime)
        XCTAssertEqual(StatutoryDeadlines.service(licence(decided: "2024-03-29", served: "2024-04-16"), calendar: cal), .late)
    }

    func testPeriodsThatDoNotApply() {
        let summary = StatsCase(values: [
            "enforcement_type": .text("行政处罚"), "procedure": .text("简易程序"),
            "decision_date": .date(F.date("2024-02-08")), "served_date": .date(F.date("2024-03-29")),
        ])
        XCTAssertEqual(StatutoryDeadlines.service(summary, calendar: F.calendar), .notApplicable)
        XCTAssertEqual(summary.threeSystems.publicity, .notApplicable)
        let byNotice = StatsCase(values: [
            "enforcement_type": .text("行政处罚"), "service_method": .text("公告送达"),
            "decision_date": .date(F.date("2024-02-08")), "served_date": .date(F.date("2024-03-29")),
        ])
        XCTAssertEqual(StatutoryDeadlines.service(byNotice, calendar: F.calendar), .notApplicable)
        let coercive = StatsCase(values: [
            "enforcement_type": .text("行政强制"), "decision_date": .date(F.date("2024-02-08")),
            "publicized": .bool(false),
        ])
        XCTAssertEqual(StatutoryDeadlines.decision(coercive, calendar: F.calendar), .notApplicable)
        XCTAssertEqual(coercive.threeSystems.publicity, .notApplicable)
    }
}
