import PingchaAnalytics
import PingchaModel
import PingchaRubric
import XCTest

/// A hand-made set of cases whose 2024 and 2023 statistics are worked out by hand below.
///
///  case dept type  facts                                                        heaviest
///  A1   A  处罚   警告+罚款 12,345.67; filed 01-01, decided 04-01 (90 days end 03-31, a
///                Sunday → 04-01: on time); served 04-03; published 04-10 (7th working
///                day after 04-01 is 04-11, 清明 04-04..06 off, Sunday 04-07 worked);
///                hearing requested + held; major + reviewed; av required + recorded;
///                复议 维持                                                          罚款
///  A2   A  处罚   罚款 5,000 + 吊销许可证件; filed 01-01, decided 04-02 (late, extension
///                否); served 04-03; 公示 否; av required, not recorded; 诉讼 撤销      吊销
///  A3   A  处罚   罚款 (no amount) + 没收违法所得 5,000 (没收金额); filed 01-10, decided
///                02-08, served 02-23 (on time across the Spring Festival), published
///                02-20 (公示日期 only)                                               没收
///  A4   A  处罚   警告; no 立案日期; decided 02-08, served 02-26 (late); 公示 unknown    警告
///  A5   A  处罚   简易程序 警告; decided 05-06 — no periods, no 公示                 警告
///  A6   A  许可   accepted 03-01 (Fri), decided 03-29 (20th working day), served 04-12
///                (10 working days end 04-15), published 04-09
///  A7   A  许可   accepted 03-01, decided 04-10 (27th working day, extension 是: on time);
///                no 送达日期; 公示 否
///  B1   B  处罚   罚款 100,000 + 责令停产停业; filed 06-03, decided 07-01, served 07-02,
///                published 07-15 (late: limit 07-10); major, not reviewed; av required,
///                recorded unknown; 复议 驳回; 诉讼 without result                    停产停业
///  B2   B  检查   decided 08-01; av not required
///  B3   B  强制   decided 11-11; 复议 确认违法
///  X1   A  处罚   decided 2023-12-29, 罚款 999 — only in 2023
///  X2   B  处罚   警告, no 决定日期 — 无决定日期 in every year
enum StatisticsFixture {
    static let A = "市场监督管理局", B = "生态环境局"

    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    static func D(_ text: String) -> FieldValue { .date(date(text)) }
    static func N(_ text: String) -> FieldValue { .number(DecimalNumber(text)!) }
    static func T(_ text: String) -> FieldValue { .text(text) }
    static func L(_ items: String...) -> FieldValue { .list(items) }
    static let yes = FieldValue.bool(true), no = FieldValue.bool(false)

    static func make(_ department: String, _ type: String, _ values: [String: FieldValue]) -> StatsCase {
        var all = values
        all["department"] = .text(department)
        all["enforcement_type"] = .text(type)
        return StatsCase(values: all)
    }

    static let penalty = "行政处罚", licence = "行政许可"

    static let cases: [StatsCase] = [
        make(A, penalty, [  // A1
            "penalty_kinds": L("警告", "罚款"), "fine_amount": N("12345.67"), "procedure": T("普通程序"),
            "filed_date": D("2024-01-01"), "decision_date": D("2024-04-01"), "served_date": D("2024-04-03"),
            "publicized": yes, "publicized_date": D("2024-04-10"), "hearing_requested": yes,
            "hearing_date": D("2024-03-15"), "major_decision": yes, "legal_review_done": yes,
            "av_required": yes, "av_recorded": yes, "reconsidered": yes, "reconsideration_result": T("维持"),
        ]),
        make(A, penalty, [  // A2
            "penalty_kinds": L("罚款", "吊销许可证件"), "fine_amount": N("5000"),
            "filed_date": D("2024-01-01"), "decision_date": D("2024-04-02"), "extension_approved": no,
            "served_date": D("2024-04-03"), "publicized": no, "av_required": yes, "av_recorded": no,
            "litigated": yes, "litigation_result": T("撤销"),
        ]),
        make(A, penalty, [  // A3
            "penalty_kinds": L("罚款", "没收违法所得"), "confiscated_amount": N("5000"),
            "filed_date": D("2024-01-10"), "decision_date": D("2024-02-08"), "served_date": D("2024-02-23"),
            "publicized_date": D("2024-02-20"),
        ]),
        make(A, penalty, [  // A4
            "penalty_kinds": L("警告"), "decision_date": D("2024-02-08"), "served_date": D("2024-02-26"),
        ]),
        make(A, penalty, [  // A5
            "penalty_kinds": L("警告"), "procedure": T("简易程序"), "decision_date": D("2024-05-06"),
            "served_date": D("2024-05-06"),
        ]),
        make(A, licence, [  // A6
            "accepted_date": D("2024-03-01"), "decision_date": D("2024-03-29"), "served_date": D("2024-04-12"),
            "publicized": yes, "publicized_date": D("2024-04-09"),
        ]),
        make(A, licence, [  // A7
            "accepted_date": D("2024-03-01"), "decision_date": D("2024-04-10"), "extension_approved": yes,
            "publicized": no,
        ]),
        make(B, penalty, [  // B1
            "penalty_kinds": L("罚款", "责令停产停业"), "fine_amount": N("100000"),
            "filed_date": D("2024-06-03"), "decision_date": D("2024-07-01"), "served_date": D("2024-07-02"),
            "publicized_date": D("2024-07-15"), "major_decision": yes, "legal_review_done": no,
            "av_required": yes, "reconsidered": yes, "reconsideration_result": T("驳回"), "litigated": yes,
        ]),
        make(B, "行政检查", ["decision_date": D("2024-08-01"), "av_required": no]),  // B2
        make(B, "行政强制", [  // B3
            "decision_date": D("2024-11-11"), "reconsidered": yes, "reconsideration_result": T("确认违法"),
        ]),
        make(A, penalty, ["penalty_kinds": L("罚款"), "fine_amount": N("999"), "decision_date": D("2023-12-29")]),  // X1
        make(B, penalty, ["penalty_kinds": L("警告")]),  // X2
    ]

    static let calendar = WorkingDayCalendar.builtIn()
    static let stats2024 = AnnualStatistics.compute(cases: cases, year: 2024, calendar: calendar)
    static let stats2023 = AnnualStatistics.compute(cases: cases, year: 2023, calendar: calendar)
}

final class StatisticsTests: XCTestCase {
    typealias F = StatisticsFixture

    func testYearScopeAndEnforcementTypes() {
        let s = F.stats2024
        XCTAssertEqual(s.year, 2024)
        XCTAssertEqual(s.total.cases, 10)
        XCTAssertEqual(s.otherYears, 1)  // X1, decided 2023
        XCTAssertEqual(s.total.undated, 1)  // X2
        XCTAssertEqual(s.total.byEnforcementType, ["行政许可": 2, "行政处罚": 6, "行政强制": 1, "行政检查": 1])
        XCTAssertEqual(s.departments.map(\.department), [F.A, F.B].sorted())
        XCTAssertEqual(s.figures(for: F.A)?.cases, 7)
        XCTAssertEqual(s.figures(for: F.B)?.cases, 3)
        XCTAssertEqual(s.figures(for: F.B)?.undated, 1)
        XCTAssertEqual(s.figures(for: F.A)?.undated, 0)

        // 2023 sees only X1; the undated case is reported again, in no figure.
        let p = F.stats2023
        XCTAssertEqual(p.total.cases, 1)
        XCTAssertEqual(p.otherYears, 10)
        XCTAssertEqual(p.total.undated, 1)
        XCTAssertEqual(p.total.penalties.byHeaviestKind, [.fine: 1])
        XCTAssertEqual(p.total.penalties.fines.wanYuan.exact, "0.0999")
    }

    func testPenaltiesCountedOnceUnderHeaviestKind() {
        let total = F.stats2024.total.penalties
        XCTAssertEqual(total.decisions, 6)
        XCTAssertEqual(total.byHeaviestKind, [
            .warning: 2,             // A4, A5
            .fine: 1,                // A1 警告+罚款
            .confiscation: 1,        // A3 罚款+没收违法所得
            .licenceRevocation: 1,   // A2 罚款+吊销许可证件
            .productionSuspension: 1 // B1 罚款+责令停产停业
        ])
        XCTAssertEqual(total.withoutKind, 0)
        XCTAssertEqual(total.byHeaviestKind.values.reduce(0, +) + total.withoutKind, total.decisions)
        XCTAssertEqual(total.summaryProcedure, 1)

        let a = F.stats2024.figures(for: F.A)!.penalties
        XCTAssertEqual(a.decisions, 5)
        XCTAssertEqual(a.byHeaviestKind, [.warning: 2, .fine: 1, .confiscation: 1, .licenceRevocation: 1])
    }

    func testAmountsInWanYuanAreExact() {
        let a = F.stats2024.figures(for: F.A)!.penalties
        // 12,345.67 + 5,000 = 17,345.67 元 = 1.734567 万元.
        XCTAssertEqual(a.fines.cases, 2)
        XCTAssertEqual(a.fines.yuan, DecimalNumber("17345.67")!)
        XCTAssertEqual(a.fines.wanYuan.exact, "1.734567")
        XCTAssertEqual(a.fines.wanYuan.description, "1.73")
        XCTAssertEqual(a.fineAmountMissing, 1)  // A3 lists 罚款 without an amount
        XCTAssertEqual(a.confiscations.cases, 1)
        XCTAssertEqual(a.confiscations.wanYuan.description, "0.50")
        XCTAssertEqual(a.forfeitures.wanYuan.exact, "2.234567")
        XCTAssertEqual(a.forfeitures.wanYuan.description, "2.23")

        let total = F.stats2024.total.penalties
        XCTAssertEqual(total.fines.cases, 3)
        XCTAssertEqual(total.fines.wanYuan.exact, "11.734567")
        XCTAssertEqual(total.forfeitures.wanYuan.description, "12.23")
        XCTAssertFalse(total.forfeitures.overflowed)
    }

    func testHearingsLegalReviewAndRemedies() {
        let t = F.stats2024.total
        XCTAssertEqual(t.hearings, 1)
        XCTAssertEqual(t.hearingsDated, 1)
        XCTAssertEqual(t.rate(.legalReview), ThreeSystemRate(system: .legalReview, applicable: 2, met: 1, notMet: 1))

        XCTAssertEqual(t.reconsideration.cases, 3)
        XCTAssertEqual(t.reconsideration.byOutcome, ["维持": 1, "驳回": 1, "确认违法": 1])
        XCTAssertEqual(t.reconsideration.upheld, 2)
        XCTAssertEqual(t.reconsideration.corrected, 1)
        XCTAssertEqual(t.reconsideration.correctionRate, Proportion(successes: 1, trials: 3))
        XCTAssertEqual(t.reconsideration.outcomeRows.map(\.outcome),
                       ["维持", "驳回", "撤销", "变更", "确认违法", "确认无效", "责令履行"])

        XCTAssertEqual(t.litigation.cases, 2)
        XCTAssertEqual(t.litigation.byOutcome, ["撤销": 1])
        XCTAssertEqual(t.litigation.withoutResult, 1)  // B1: 诉讼 是, no judgment yet
        XCTAssertEqual(t.litigation.upheld, 0)
        XCTAssertEqual(t.litigation.corrected, 1)
        XCTAssertEqual(t.litigation.correctionRate, Proportion(successes: 1, trials: 1))
    }

    func testOutcomeGroups() {
        for upheld in ["维持", "驳回", "驳回诉讼请求"] {
            XCTAssertEqual(RemedyOutcomeGroup(outcome: upheld), .upheld, upheld)
        }
        for corrected in ["撤销", "变更", "确认违法", "确认无效", "责令履行"] {
            XCTAssertEqual(RemedyOutcomeGroup(outcome: corrected), .corrected, corrected)
        }
        XCTAssertEqual(RemedyOutcomeGroup(outcome: "终止"), .other)
    }

    func testTimelinessDenominators() {
        let t = F.stats2024.total.timeliness
        // Decision: on time A1, A3, A6, A7 (extension), B1; late A2; A4 has no 立案日期;
        // A5 (简易程序) and B2, B3 (检查, 强制) are outside.
        XCTAssertEqual(t.decision, DeadlineTally(onTime: 5, late: 1, undetermined: 1))
        XCTAssertEqual(t.decision.rate, Proportion(successes: 5, trials: 6))
        // Service: on time A1, A2, A3, A6 (licence, 10 working days), B1; late A4; A7 not served.
        XCTAssertEqual(t.service, DeadlineTally(onTime: 5, late: 1, undetermined: 1))
        // Publication, published decisions only: A1, A3, A6 on time, B1 late.
        XCTAssertEqual(t.publication, DeadlineTally(onTime: 3, late: 1, undetermined: 0))

        let a = F.stats2024.figures(for: F.A)!.timeliness
        XCTAssertEqual(a.decision.rate, Proportion(successes: 4, trials: 5))
        XCTAssertEqual(a.publication.rate, Proportion(successes: 3, trials: 3))
    }

    func testThreeSystemsDenominators() {
        let t = F.stats2024.total
        // 公示: the 7 ordinary penalties and licences (A5, 简易程序, is outside); A4 unknown.
        XCTAssertEqual(t.rate(.publicity), ThreeSystemRate(system: .publicity, applicable: 7, met: 4, notMet: 2, unknown: 1))
        XCTAssertEqual(t.rate(.publicity).rate, Proportion(successes: 4, trials: 6))
        // 全过程记录: av_required on A1, A2, B1 (B2 否 is outside); B1 recorded unknown.
        XCTAssertEqual(t.rate(.recording), ThreeSystemRate(system: .recording, applicable: 3, met: 1, notMet: 1, unknown: 1))
        // 法制审核: the two major decisions.
        XCTAssertEqual(t.rate(.legalReview).rate, Proportion(successes: 1, trials: 2))

        let b = F.stats2024.figures(for: F.B)!
        XCTAssertEqual(b.rate(.publicity).rate, Proportion(successes: 1, trials: 1))
        XCTAssertEqual(b.rate(.recording).rate, Proportion(successes: 0, trials: 0))
        XCTAssertNil(b.rate(.recording).rate.rate)
    }

    func testValuesReadLeniently() {
        // Dates and amounts as they stand in the stored case JSON, decoded without types.
        let c = StatsCase(values: [
            "department": .text("  市场监督管理局 "), "enforcement_type": .text("行政处罚"),
            "decision_date": .text("2024-02-08"), "fine_amount": .text("12345.67"),
            "penalty_kinds": .text("罚款"), "publicized": .text("是"),
        ])
        XCTAssertEqual(c.department, "市场监督管理局")
        XCTAssertEqual(c.decisionDate, F.date("2024-02-08"))
        XCTAssertEqual(c.fineAmount, DecimalNumber("12345.67"))
        XCTAssertEqual(c.penaltyKinds, ["罚款"])
        XCTAssertNil(c.publicized)  // a bool must be a bool
        XCTAssertEqual(c.threeSystems.publicity, .unknown)

        let blank = StatsCase(values: ["department": .text(" "), "decision_date": .date(F.date("2024-01-05"))])
        let s = AnnualStatistics.compute(cases: [blank], year: 2024, calendar: F.calendar)
        XCTAssertEqual(s.departments.map(\.department), [AnnualStatistics.unnamedDepartment])
        XCTAssertEqual(s.total.withoutEnforcementType, 1)
    }

    func testGivenThreeSystemsFactsAreKept() {
        // A heard decision not marked major: outside 法制审核 by default, inside with the
        // scorer's facts (rule TSY-04's scope).
        let values: [String: FieldValue] = [
            "department": .text(F.A), "enforcement_type": .text("行政处罚"),
            "decision_date": .date(F.date("2024-03-01")), "hearing_date": .date(F.date("2024-02-20")),
            "legal_review_done": .bool(true), "publicized": .bool(true),
        ]
        XCTAssertEqual(StatsCase(values: values).threeSystems.legalReview, .notApplicable)
        let scored = StatsCase(values: values, threeSystems: ThreeSystemsFacts(publicity: .met, legalReview: .met))
        let s = AnnualStatistics.compute(cases: [scored], year: 2024, calendar: F.calendar)
        XCTAssertEqual(s.total.rate(.legalReview), ThreeSystemRate(system: .legalReview, applicable: 1, met: 1))
        XCTAssertEqual(s.total.hearings, 1)
    }
}
