@testable import PingchaAnalytics
import PingchaModel
import PingchaRubric
import XCTest

/// A hand-made set of cases whose 2024 and 2023 statistics are worked out by hand below.
///
/// Timeliness and the three systems are the cases' measure outcomes, given here as a
/// scorer would have left them (p pass, f fail, u unknown, – not applicable; a blank
/// column: no rule of the case's rubric feeds the measure). Columns: decision, service,
/// publication on time; publicity, recording, legal review.
///
///  case dept type  facts                                        dec ser pub  pbl rec lgl  heaviest
///  A1   A  处罚   警告+罚款 12,345.67; hearing requested + held;  p   p   p    p   p   p    罚款
///                复议 维持 (filed 2024-04-20, closed 2024-06-10)
///  A2   A  处罚   罚款 5,000 + 吊销许可证件; 诉讼 撤销             f   p   –    f   f   –    吊销
///                (filed 2024-05-10, closed 2024-10-20, head appeared)
///  A3   A  处罚   罚款 (no amount) + 没收违法所得 5,000 (没收金额)  p   p   p    p            没收
///  A4   A  处罚   警告                                           u   f        u            警告
///  A5   A  处罚   简易程序 警告                                                   –         警告
///  A6   A  许可                                                  p   p   p    p
///  A7   A  许可                                                  p   u   –    f
///  B1   B  处罚   罚款 100,000 + 责令停产停业; 复议 驳回; 诉讼     p   p   f    p   u   f    停产停业
///                without result (复议 2024-07-20 → 09-01; 诉讼 filed 2024-09-10, open)
///  B2   B  检查                                                                   –
///  B3   B  强制   复议 确认违法 (2024-11-20 → 12-20)                             p        u
///  X1   A  处罚   decided 2023-12-29, 罚款 999 — only in 2023    p            p
///  X2   B  处罚   警告, no 决定日期 — 无决定日期 in every year    f            f
enum StatisticsFixture {
    static let A = "市场监督管理局", B = "生态环境局"

    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    static func D(_ text: String) -> FieldValue { .date(date(text)) }
    static func N(_ text: String) -> FieldValue { .number(DecimalNumber(text)!) }
    static func T(_ text: String) -> FieldValue { .text(text) }
    static func L(_ items: String...) -> FieldValue { .list(items) }
    static let yes = FieldValue.bool(true), no = FieldValue.bool(false)

    static func make(_ department: String, _ type: String, _ values: [String: FieldValue],
                     _ measures: [Measure: Outcome] = [:]) -> StatsCase {
        var all = values
        all["department"] = .text(department)
        all["enforcement_type"] = .text(type)
        return StatsCase(values: all, measures: measures)
    }

    static let penalty = "行政处罚", licence = "行政许可"

    static let cases: [StatsCase] = [
        make(A, penalty, [  // A1
            "penalty_kinds": L("警告", "罚款"), "fine_amount": N("12345.67"), "procedure": T("普通程序"),
            "decision_date": D("2024-04-01"), "hearing_requested": yes, "hearing_date": D("2024-03-15"),
            "reconsidered": yes, "reconsideration_result": T("维持"),
            "reconsideration_filed_date": D("2024-04-20"), "reconsideration_closed_date": D("2024-06-10"),
        ], [.decisionOnTime: .pass, .serviceOnTime: .pass, .publicationOnTime: .pass,
            .publicity: .pass, .recording: .pass, .legalReview: .pass]),
        make(A, penalty, [  // A2
            "penalty_kinds": L("罚款", "吊销许可证件"), "fine_amount": N("5000"), "decision_date": D("2024-04-02"),
            "litigated": yes, "litigation_result": T("撤销"),
            "litigation_filed_date": D("2024-05-10"), "litigation_closed_date": D("2024-10-20"), "head_appeared": yes,
        ], [.decisionOnTime: .fail, .serviceOnTime: .pass, .publicationOnTime: .notApplicable,
            .publicity: .fail, .recording: .fail, .legalReview: .notApplicable]),
        make(A, penalty, [  // A3
            "penalty_kinds": L("罚款", "没收违法所得"), "confiscated_amount": N("5000"), "decision_date": D("2024-02-08"),
        ], [.decisionOnTime: .pass, .serviceOnTime: .pass, .publicationOnTime: .pass, .publicity: .pass]),
        make(A, penalty, ["penalty_kinds": L("警告"), "decision_date": D("2024-02-08")],  // A4
             [.decisionOnTime: .unknown, .serviceOnTime: .fail, .publicity: .unknown]),
        make(A, penalty, ["penalty_kinds": L("警告"), "procedure": T("简易程序"), "decision_date": D("2024-05-06")],  // A5
             [.recording: .notApplicable]),
        make(A, licence, ["decision_date": D("2024-03-29")],  // A6
             [.decisionOnTime: .pass, .serviceOnTime: .pass, .publicationOnTime: .pass, .publicity: .pass]),
        make(A, licence, ["decision_date": D("2024-04-10")],  // A7
             [.decisionOnTime: .pass, .serviceOnTime: .unknown, .publicationOnTime: .notApplicable, .publicity: .fail]),
        make(B, penalty, [  // B1
            "penalty_kinds": L("罚款", "责令停产停业"), "fine_amount": N("100000"), "decision_date": D("2024-07-01"),
            "reconsidered": yes, "reconsideration_result": T("驳回"), "litigated": yes,
            "reconsideration_filed_date": D("2024-07-20"), "reconsideration_closed_date": D("2024-09-01"),
            "litigation_filed_date": D("2024-09-10"),
        ], [.decisionOnTime: .pass, .serviceOnTime: .pass, .publicationOnTime: .fail,
            .publicity: .pass, .recording: .unknown, .legalReview: .fail]),
        make(B, "行政检查", ["decision_date": D("2024-08-01")], [.recording: .notApplicable]),  // B2
        make(B, "行政强制", [  // B3
            "decision_date": D("2024-11-11"), "reconsidered": yes, "reconsideration_result": T("确认违法"),
            "reconsideration_filed_date": D("2024-11-20"), "reconsideration_closed_date": D("2024-12-20"),
        ], [.publicity: .pass, .legalReview: .unknown]),
        make(A, penalty, ["penalty_kinds": L("罚款"), "fine_amount": N("999"), "decision_date": D("2023-12-29")],  // X1
             [.decisionOnTime: .pass, .publicity: .pass]),
        make(B, penalty, ["penalty_kinds": L("警告")], [.decisionOnTime: .fail, .publicity: .fail]),  // X2
    ]

    static let calendarVersion = "2024.test"
    static let stats2024 = AnnualStatistics.compute(cases: cases, year: 2024, calendarVersion: calendarVersion)
    static let stats2023 = AnnualStatistics.compute(cases: cases, year: 2023, calendarVersion: calendarVersion)
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

    /// A 不予处罚 decision names no penalty kind because it imposes none: it has a row of its
    /// own, not 未注明处罚种类 (which says the record is short of something).
    func testANoPenaltyDecisionIsNoMissingKind() {
        func c(_ extra: [String: FieldValue]) -> StatsCase {
            StatsCase(values: ["department": .text("水利局"), "enforcement_type": .text("行政处罚"),
                               "decision_date": .date(CivilDate(year: 2024, month: 5, day: 6)!)].merging(extra) { $1 }, measures: [:])
        }
        var p = PenaltyFigures()
        p.add(c(["discretion_level": .text("不予处罚")]))
        p.add(c([:]))
        p.add(c(["discretion_level": .text("减轻")]))
        p.add(c(["penalty_kinds": .list(["罚款"]), "discretion_level": .text("不予处罚")]))   // contradictory: its kind counts
        XCTAssertEqual(p.decisions, 4)
        XCTAssertEqual(p.notPenalised, 1)
        XCTAssertEqual(p.withoutKind, 2)
        XCTAssertEqual(p.byHeaviestKind, [.fine: 1])
        XCTAssertEqual(p.byHeaviestKind.values.reduce(0, +) + p.notPenalised + p.withoutKind, p.decisions)
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
        // 法制审核 from the legal_review measure: A1 met, B1 not met, B3 undecided; A2 n.a.
        XCTAssertEqual(t.rate(.legalReview), ThreeSystemRate(system: .legalReview, applicable: 3, met: 1, notMet: 1, unknown: 1))

        XCTAssertEqual(t.reconsideration.filed, 3)
        XCTAssertEqual(t.reconsideration.closed, 3)
        XCTAssertEqual(t.reconsideration.pending, 0)
        XCTAssertEqual(t.reconsideration.byOutcome, ["维持": 1, "驳回": 1, "确认违法": 1])
        XCTAssertEqual(t.reconsideration.upheld, 2)
        XCTAssertEqual(t.reconsideration.corrected, 1)
        XCTAssertEqual(t.reconsideration.correctionRate, Proportion(successes: 1, trials: 3))
        XCTAssertEqual(t.reconsideration.outcomeRows.map(\.outcome),
                       ["维持", "驳回", "撤销", "变更", "确认违法", "确认无效", "责令履行", "终止", "调解"])

        XCTAssertEqual(t.litigation.filed, 2)
        XCTAssertEqual(t.litigation.closed, 1)
        XCTAssertEqual(t.litigation.byOutcome, ["撤销": 1])
        XCTAssertEqual(t.litigation.pending, 1)  // B1: filed 2024-09-10, no judgment yet
        XCTAssertEqual(t.litigation.headAppearanceRate, Proportion(successes: 1, trials: 1))
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
        for closedOtherwise in ["终止", "调解", "撤诉", "驳回起诉"] {
            XCTAssertEqual(RemedyOutcomeGroup(outcome: closedOtherwise), .closedOtherwise, closedOtherwise)
        }
        XCTAssertEqual(RemedyOutcomeGroup(outcome: "不予受理"), .other)
    }

    func testTimelinessDenominators() {
        let t = F.stats2024.total.timeliness
        // Decision: pass A1, A3, A6, A7, B1; fail A2; unknown A4; A5, B2, B3 have no such rule.
        // X1 (2023) and X2 (undated) are not in 2024's figures, whatever their outcomes.
        XCTAssertEqual(t.decision, DeadlineTally(onTime: 5, late: 1, undetermined: 1))
        XCTAssertEqual(t.decision.rate, Proportion(successes: 5, trials: 6))
        XCTAssertEqual(t.decision.applicable, 7)
        // Service: pass A1, A2, A3, A6, B1; fail A4; unknown A7.
        XCTAssertEqual(t.service, DeadlineTally(onTime: 5, late: 1, undetermined: 1))
        // Publication: pass A1, A3, A6; fail B1; not applicable A2, A7 (not counted).
        XCTAssertEqual(t.publication, DeadlineTally(onTime: 3, late: 1, undetermined: 0))

        let a = F.stats2024.figures(for: F.A)!.timeliness
        XCTAssertEqual(a.decision, DeadlineTally(onTime: 4, late: 1, undetermined: 1))
        XCTAssertEqual(a.publication, DeadlineTally(onTime: 3, late: 0, undetermined: 0))
        let b = F.stats2024.figures(for: F.B)!.timeliness
        XCTAssertEqual(b.decision, DeadlineTally(onTime: 1))
        XCTAssertEqual(b.publication, DeadlineTally(late: 1))

        // 2023: X1 alone.
        XCTAssertEqual(F.stats2023.total.timeliness.decision, DeadlineTally(onTime: 1))
        XCTAssertEqual(F.stats2023.total.timeliness.service, DeadlineTally())
    }

    func testThreeSystemsDenominators() {
        let t = F.stats2024.total
        // 公示: pass A1, A3, A6, B1, B3 (a coercive decision whose rubric measures publicity);
        // fail A2, A7; unknown A4; A5 and B2 have no publicity rule.
        XCTAssertEqual(t.rate(.publicity), ThreeSystemRate(system: .publicity, applicable: 8, met: 5, notMet: 2, unknown: 1))
        XCTAssertEqual(t.rate(.publicity).rate, Proportion(successes: 5, trials: 7))
        // 全过程记录: pass A1, fail A2, unknown B1; A5 and B2 not applicable.
        XCTAssertEqual(t.rate(.recording), ThreeSystemRate(system: .recording, applicable: 3, met: 1, notMet: 1, unknown: 1))
        XCTAssertEqual(t.rate(.legalReview).rate, Proportion(successes: 1, trials: 2))

        let a = F.stats2024.figures(for: F.A)!
        XCTAssertEqual(a.rate(.publicity), ThreeSystemRate(system: .publicity, applicable: 6, met: 3, notMet: 2, unknown: 1))
        let b = F.stats2024.figures(for: F.B)!
        XCTAssertEqual(b.rate(.publicity).rate, Proportion(successes: 2, trials: 2))
        XCTAssertEqual(b.rate(.recording), ThreeSystemRate(system: .recording, applicable: 1, unknown: 1))
        XCTAssertNil(b.rate(.recording).rate.rate)
        XCTAssertEqual(b.rate(.legalReview), ThreeSystemRate(system: .legalReview, applicable: 2, notMet: 1, unknown: 1))
    }

    func testValuesReadLeniently() {
        // Dates and amounts as they stand in the stored case JSON, decoded without types.
        let c = StatsCase(values: [
            "department": .text("  市场监督管理局 "), "enforcement_type": .text("行政处罚"),
            "decision_date": .text("2024-02-08"), "fine_amount": .text("12345.67"),
            "penalty_kinds": .text("罚款"), "hearing_requested": .text("是"),
        ], measures: [:])
        XCTAssertEqual(c.department, "市场监督管理局")
        XCTAssertEqual(c.decisionDate, F.date("2024-02-08"))
        XCTAssertEqual(c.fineAmount, DecimalNumber("12345.67"))
        XCTAssertEqual(c.penaltyKinds, ["罚款"])
        XCTAssertNil(c.hearingRequested)  // a bool must be a bool
        // No measures: no system applies, whatever the values.
        XCTAssertEqual(c.threeSystems, ThreeSystemsFacts())

        let blank = StatsCase(values: ["department": .text(" "), "decision_date": .date(F.date("2024-01-05"))], measures: [:])
        let s = AnnualStatistics.compute(cases: [blank], year: 2024, calendarVersion: F.calendarVersion)
        XCTAssertEqual(s.departments.map(\.department), [AnnualStatistics.unnamedDepartment])
        XCTAssertEqual(s.total.withoutEnforcementType, 1)
    }

    func testValuesDoNotJudgeWhatTheMeasuresSay() {
        // A heard penalty marked published, reviewed and recorded in its values, whose rules
        // said otherwise: the figures follow the rules' outcomes, never the values.
        let values: [String: FieldValue] = [
            "department": .text(F.A), "enforcement_type": .text("行政处罚"),
            "decision_date": .date(F.date("2024-03-01")), "hearing_date": .date(F.date("2024-02-20")),
            "legal_review_done": .bool(true), "publicized": .bool(true), "av_required": .bool(true), "av_recorded": .bool(true),
            "filed_date": .date(F.date("2024-02-28")),
        ]
        let c = StatsCase(values: values, measures: [.legalReview: .fail, .publicity: .unknown, .decisionOnTime: .fail])
        let s = AnnualStatistics.compute(cases: [c], year: 2024, calendarVersion: F.calendarVersion)
        XCTAssertEqual(s.total.rate(.legalReview), ThreeSystemRate(system: .legalReview, applicable: 1, notMet: 1))
        XCTAssertEqual(s.total.rate(.publicity), ThreeSystemRate(system: .publicity, applicable: 1, unknown: 1))
        XCTAssertEqual(s.total.rate(.recording), ThreeSystemRate(system: .recording))
        XCTAssertEqual(s.total.timeliness, TimelinessFigures(decision: DeadlineTally(late: 1)))
        XCTAssertEqual(s.total.hearings, 1)  // hearings are counted from the values
    }
}
