import Foundation
import XCTest
@testable import PingchaRubric
import PingchaModel
import PingchaCalendar
import PingchaCatalogue

/// One item's cycle folded from its events, on the built-in calendar: stages, the period
/// running and its last day (worked by hand in FollowupPeriodsTests), and every impossible or
/// late step with its exact message.
final class FollowupCycleTests: XCTestCase {
    let cal = WorkingDayCalendar.builtIn()
    var periods: FollowupPeriods!

    override func setUpWithError() throws {
        periods = try FollowupPeriods.load(path: FollowupPeriodsTests.root + "/" + FollowupPeriods.defaultPath)
    }

    func d(_ s: String) -> CivilDate { CivilDate(iso: s)! }

    func fold(_ events: [(FollowupEvent, String, FollowupDocumentKind?, FollowupEvent.ReexamOutcome?)])
        -> (FollowupCycle.State, [String]) {
        let list = events.enumerated().map { i, e in
            FollowupCycle.Event(kind: e.0, outcome: e.3, document: e.2, date: d(e.1), ref: i)
        }
        let (state, problems) = FollowupCycle.fold(list, periods: periods, calendar: cal)
        return (state, problems.map { "\($0.ref)\($0.isError ? "错" : "提"): \($0.message)" })
    }

    func testANoticeAnsweredLate() {
        var (s, p) = fold([(.served, "2024-09-27", .notice, nil)])
        XCTAssertEqual([s.stage.rawValue, s.running?.rawValue, s.due?.description], ["notice", "notice_answer", "2024-10-16"])
        XCTAssertEqual(p, [])
        (s, p) = fold([(.served, "2024-09-27", .notice, nil), (.answered, "2024-10-17", nil, nil)])
        XCTAssertEqual(s.stage, .answered)
        XCTAssertNil(s.due)
        XCTAssertEqual(p, ["1提: 答复逾期：期限 2024-10-16 届满（2024-10-17 登记）"])
        (s, p) = fold([(.served, "2024-09-27", .notice, nil), (.answered, "2024-10-16", nil, nil)])
        XCTAssertEqual(p, [], "the last day is in time")
    }

    func testRepliesBeforeTheirServiceAreRefused() {
        XCTAssertEqual(fold([(.served, "2024-09-27", .notice, nil), (.answered, "2024-09-20", nil, nil)]).1,
                       ["1错: 答复日期 2024-09-20 早于《行政执法监督通知书》送达日期 2024-09-27"])
        XCTAssertEqual(fold([(.answered, "2024-09-20", nil, nil)]).1, ["0错: 尚未登记《行政执法监督通知书》的送达，不能登记答复"])
        XCTAssertEqual(fold([(.corrected, "2024-09-20", nil, nil), (.served, "2024-09-27", .opinion, nil)]).1,
                       ["0错: 整改情况的日期 2024-09-20 早于《行政执法监督意见书》送达日期 2024-09-27"])
        XCTAssertEqual(fold([(.served, "2024-09-27", .notice, nil), (.reexamApplied, "2024-09-30", nil, nil)]).1,
                       ["1错: 尚未登记《行政执法监督意见书》的送达，不能登记申请复查"])
        XCTAssertEqual(fold([(.served, "2024-09-27", .opinion, nil), (.reexamDecided, "2024-09-30", nil, .upheld)]).1,
                       ["1错: 没有待决定的复查申请，不能登记复查决定"])
        XCTAssertEqual(fold([(.served, "2024-09-01", .decision, nil), (.corrected, "2024-09-30", nil, nil)]).1,
                       ["1错: 《行政执法监督决定书》送达后应登记“执行报告”"])
        XCTAssertEqual(fold([(.served, "2024-09-01", nil, nil)]).1,
                       ["0错: 送达须写明送达的文书（“文书”列：通知书、意见书 或 决定书），或填写已制发文书的文号"])
    }

    /// Served 27 Sep, applied 30 Sep (2 working days used), upheld 10 Oct: 8 left, due 21 Oct.
    func testAReexaminationSuspendsTheOpinion() {
        var (s, p) = fold([(.served, "2024-09-27", .opinion, nil), (.reexamApplied, "2024-09-30", nil, nil)])
        XCTAssertEqual([s.stage.rawValue, s.running?.rawValue, s.due?.description], ["reexamination", "reexam_decide", "2024-10-18"])
        (s, p) = fold([(.served, "2024-09-27", .opinion, nil), (.reexamApplied, "2024-09-30", nil, nil),
                       (.reexamDecided, "2024-10-10", nil, .upheld)])
        XCTAssertEqual([s.stage.rawValue, s.running?.rawValue, s.due?.description], ["opinion", "opinion_correct", "2024-10-21"])
        XCTAssertEqual(p, [])
        (s, p) = fold([(.served, "2024-09-27", .opinion, nil), (.reexamApplied, "2024-09-30", nil, nil),
                       (.reexamDecided, "2024-10-10", nil, .revoked)])
        XCTAssertEqual(s.stage, .revoked)
        XCTAssertNil(s.due)
    }

    /// The 5th working day after 27 Sep is 10 Oct: an application on 11 Oct is flagged, kept.
    func testALateApplicationIsFlagged() {
        let (s, p) = fold([(.served, "2024-09-27", .opinion, nil), (.reexamApplied, "2024-10-11", nil, nil)])
        XCTAssertEqual(s.stage, .reexamination)
        XCTAssertEqual(p, ["1提: 申请复查超过5个工作日的期限：意见书 2024-09-27 送达，2024-10-10 届满，2024-10-11 申请"])
    }

    /// 30 days from 1 Sep end on 1 Oct, a holiday: the report is due 8 Oct.
    func testADecisionsReportRollsOverNationalDay() {
        var (s, p) = fold([(.served, "2024-09-01", .decision, nil)])
        XCTAssertEqual([s.stage.rawValue, s.running?.rawValue, s.due?.description], ["decision", "decision_report", "2024-10-08"])
        (s, p) = fold([(.served, "2024-09-01", .decision, nil), (.executionReported, "2024-10-08", nil, nil)])
        XCTAssertEqual(s.stage, .executed)
        XCTAssertEqual(p, [])
        (s, p) = fold([(.served, "2024-09-01", .decision, nil), (.executionReported, "2024-10-09", nil, nil)])
        XCTAssertEqual(p, ["1提: 执行报告逾期：期限 2024-10-08 届满（2024-10-09 登记）"])
    }

    func testTheWholeCycle() {
        let (s, p) = fold([(.served, "2024-09-27", .notice, nil), (.notCorrected, "2024-10-15", nil, nil),
                           (.served, "2024-10-21", .opinion, nil), (.partlyCorrected, "2024-11-04", nil, nil),
                           (.served, "2024-11-15", .decision, nil), (.executionReported, "2024-12-10", nil, nil)])
        XCTAssertEqual(s.stage, .executed)
        XCTAssertEqual(s.noticeServed, d("2024-09-27"))
        XCTAssertEqual(s.opinionServed, d("2024-10-21"))
        XCTAssertEqual(s.decisionServed, d("2024-11-15"))
        XCTAssertEqual(p, [])
    }
}
