import Foundation
import XCTest
import PingchaModel
import PingchaRubric
@testable import PingchaScoring
import PingchaCatalogue

/// Scoring with `veto_score: zero`, screens (`on_fail: review`), profiles and measures, on a
/// hand-made rubric whose every score is worked out in the comments.
final class TailoredScoringTests: XCTestCase {
    static let rubricText = """
        id: hand
        version: "1"
        title: 手算
        total: 100
        veto_score: zero
        params:
          min_officers: { type: number, value: 2, title: 执法人员最少人数 }
        grades:
          - { name: 优秀, min: 90 }
          - { name: 合格, min: 60 }
          - { name: 不合格, min: 0 }
        categories:
          - id: subject
            title: 主体
            points: 40
            rules:
              - id: LEG-02
                title: 执法人员人数
                check: officers_count >= $min_officers
                deduct: 40
                veto: true
                disposition: correct
              - id: LAW-01
                title: 处罚依据为法律、法规、规章（筛查）
                check: matches(penalty_basis, "法》|条例》|规定》|办法》")
                on_fail: review
                deduct: 10
                veto: true
                disposition: invalid
          - id: procedure
            title: 程序
            points: 60
            rules:
              - id: PRO-05
                title: 九十日内作出决定
                check: decision_date <= add_days(filed_date, 90)
                deduct: 5
                disposition: correct
                measures: [decision_on_time]
              - id: PRO-10
                title: 七个工作日内送达
                check: served_date <= add_workdays(decision_date, 7)
                deduct: 2
                measures: [service_on_time]
              - id: TSY-01
                title: 公示
                check: publicized
                deduct: 3
                missing: fail
                measures: [publicity]
        """

    static let profileText = """
        title: 公安机关
        departments: [公安局]
        params:
          min_officers: 1
        disable:
          - { rule: hand/PRO-10, reason: 测试用的依据 }
        """

    var scorer: Scorer!
    let catalogue = FieldCatalogue.builtIn()

    override func setUpWithError() throws {
        let dir = NSTemporaryDirectory() + "pingcha-tailored-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/profiles", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        FileManager.default.createFile(atPath: dir + "/hand.yaml", contents: Data(Self.rubricText.utf8))
        FileManager.default.createFile(atPath: dir + "/profiles/gongan.yaml", contents: Data(Self.profileText.utf8))
        let set = try RubricLoader(catalogue: catalogue, calendar: .builtIn()).loadChecked(paths: [dir])
        scorer = Scorer(set)
    }

    func date(_ s: String) -> FieldValue { .date(CivilDate(iso: s)!) }

    var compliant: [String: FieldValue] {
        ["case_id": .text("H-1"), "department": .text("市场监督管理局"), "enforcement_type": .text("行政处罚"),
         "officers_count": .number(DecimalNumber(2)), "penalty_basis": .text("《中华人民共和国食品安全法》第一百二十四条"),
         "filed_date": date("2024-01-02"), "decision_date": date("2024-03-01"), "served_date": date("2024-03-05"),
         "publicized": .bool(true)]
    }

    func score(_ changes: [String: FieldValue], unset: [String] = []) -> CaseResult {
        var r = CaseRecord(values: [FieldValue?](repeating: nil, count: catalogue.count), fileIndex: 0, line: 2)
        for (k, v) in compliant.merging(changes, uniquingKeysWith: { $1 }) where !unset.contains(k) { r[catalogue.index(of: k)!] = v }
        return scorer.score(r)
    }

    func outcome(_ r: CaseResult, _ id: String) -> Outcome { r.outcomes[scorer.rubrics[0].ruleIndex(id)!] }

    func testAVetoedFileScoresZeroAndKeepsItsDeductions() {
        let r = score(["officers_count": .number(DecimalNumber(1)), "served_date": date("2024-03-20")])
        XCTAssertTrue(r.veto)
        XCTAssertEqual(r.score, .zero)                                   // veto_score: zero
        XCTAssertEqual(r.grade, 2)                                       // 不合格
        XCTAssertEqual(r.categoryScores, [DecimalNumber(0), DecimalNumber(58)])   // 40 − 40; 60 − 2 (PRO-10)
        XCTAssertEqual(r.findings.map { scorer.rubrics[0].rules[$0.rule].id }, ["LEG-02", "PRO-10"])
        XCTAssertNil(r.profile)
    }

    func testAScreenThatFindsADefectLeavesTheRuleToAReviewer() {
        // "国务院令第591号第三十条" cites a decree by number: the pattern cannot tell, so no veto.
        let r = score(["penalty_basis": .text("国务院令第591号第三十条")])
        XCTAssertEqual(outcome(r, "LAW-01"), .unknown)
        XCTAssertFalse(r.veto)
        XCTAssertEqual(r.score, DecimalNumber(100))
        XCTAssertEqual(r.findings.filter(\.suspect).map { scorer.rubrics[0].rules[$0.rule].id }, ["LAW-01"])
        XCTAssertEqual(r.needsReview, [scorer.rubrics[0].ruleIndex("LAW-01")!])
        // A missing basis is not screened: the `missing` policy (review) decides, not suspect.
        let missing = score([:], unset: ["penalty_basis"])
        XCTAssertEqual(outcome(missing, "LAW-01"), .unknown)
        XCTAssertEqual(missing.findings.filter(\.suspect).count, 0)
        // A reviewer who confirms the defect makes it a veto: 0 points.
        var rec = CaseRecord(values: [FieldValue?](repeating: nil, count: catalogue.count), fileIndex: 0, line: 2)
        for (k, v) in compliant { rec[catalogue.index(of: k)!] = v }
        rec[catalogue.index(of: "penalty_basis")!] = .text("依法处理")
        let decided = scorer.score(rec, decisions: ["LAW-01": [ReviewDecision(verdict: .fail)]])
        XCTAssertEqual(outcome(decided, "LAW-01"), .fail)
        XCTAssertTrue(decided.veto)
        XCTAssertEqual(decided.score, .zero)
        XCTAssertEqual(decided.disposition, .invalid)
        XCTAssertEqual(decided.findings.first?.suspect, true)   // kept for audit
    }

    func testTheProfileOfTheDepartmentTailorsTheRules() {
        // One officer: a veto elsewhere, lawful for the police (their min_officers is 1).
        let elsewhere = score(["officers_count": .number(DecimalNumber(1))])
        XCTAssertTrue(elsewhere.veto)
        let police = score(["department": .text("克拉玛依市公安局"), "officers_count": .number(DecimalNumber(1)),
                            "served_date": date("2024-04-30")])
        XCTAssertEqual(police.profile, 0)
        XCTAssertEqual(outcome(police, "LEG-02"), .pass)
        XCTAssertEqual(outcome(police, "PRO-10"), .notApplicable)       // disabled by the profile
        XCTAssertFalse(police.veto)
        XCTAssertEqual(police.score, DecimalNumber(100))
    }

    func testMeasuresComeFromTheRulesThatFeedThem() {
        // Filed 2024-01-02, decided 2024-04-02 (91 days, after 04-01, a working Monday): late.
        let late = score(["decision_date": date("2024-04-02"), "served_date": date("2024-04-03")], unset: ["publicized"])
        let m = scorer.measures(of: late)
        XCTAssertEqual(m[.decisionOnTime], .fail)
        XCTAssertEqual(m[.serviceOnTime], .pass)
        XCTAssertEqual(m[.publicity], .fail)                             // missing: fail
        XCTAssertNil(m[.recording])                                      // no rule feeds it
        XCTAssertEqual(scorer.measures(of: .uncovered), MeasureOutcomes())
    }
}
