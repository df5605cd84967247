import Foundation
import XCTest
@testable import PingchaScoring
import PingchaRubric
import PingchaModel
import PingchaCatalogue

/// Hand-worked scores: every expected number is computed in the comment beside it.
final class ScorerTests: XCTestCase {
    static let rubricText = """
        id: hand
        version: "1"
        title: 手算用标准
        applies_when: enforcement_type == "行政处罚"
        total: 100
        grades:
          - { name: 优秀, min: 90 }
          - { name: 良好, min: 80 }
          - { name: 合格, min: 60 }
          - { name: 不合格, min: 0 }
        veto_grade: 合格
        categories:
          - id: legality
            title: 主体
            points: 20
            rules:
              - id: LEG-01
                title: 主体适格
                check: subject_qualified
                deduct: 20
                veto: true
                disposition: invalid
              - id: LEG-02
                title: 两名以上执法人员
                check: officers_count >= 2
                deduct: 10
                disposition: illegal
                missing: fail
          - id: evidence
            title: 证据
            points: 10
            rules:
              - id: EVD-01
                title: 证据种类（每缺一类扣1.5分，最多扣4分）
                count: 4 - len(evidence_types)
                deduct: 1.5
                max: 4
              - id: EVD-02
                title: 询问笔录完整
                manual: true
                deduct: 3
          - id: procedure
            title: 程序
            points: 70
            rules:
              - id: PRO-01
                title: 九十日内作出决定
                when: present(filed_date)
                check: decision_date <= add_days(filed_date, 90) or extension_approved
                deduct: 3
                disposition: correct
              - id: PRO-02
                title: 七个工作日内送达
                check: served_date <= add_workdays(decision_date, 7)
                deduct: 2.5
                disposition: improve
              - id: PRO-03
                title: 听证
                when: hearing_requested
                check: present(hearing_date)
                deduct: 65
                missing: skip
              - id: PRO-04
                title: 公示
                check: publicized
                deduct: 70
                missing: pass
        """

    var scorer: Scorer!
    let catalogue = FieldCatalogue.builtIn()

    override func setUpWithError() throws {
        let dir = NSTemporaryDirectory() + "pingcha-scorer-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/hand.yaml", contents: Data(Self.rubricText.utf8))
        let loader = RubricLoader(catalogue: catalogue, calendar: .builtIn())
        let rubrics = try loader.load(paths: [dir])
        XCTAssertEqual(loader.errors, [])
        scorer = Scorer(rubrics: rubrics)
        try? FileManager.default.removeItem(atPath: dir)
    }

    func date(_ s: String) -> FieldValue { .date(CivilDate(iso: s)!) }

    /// A case meeting every automated rule.
    var compliant: [String: FieldValue] {
        ["case_id": .text("H-1"), "department": .text("测试局"), "enforcement_type": .text("行政处罚"),
         "subject_qualified": .bool(true), "officers_count": .number(DecimalNumber(2)),
         "evidence_types": .list(["书证", "物证", "现场笔录", "当事人陈述"]),
         "filed_date": date("2024-01-02"), "decision_date": date("2024-03-01"), "served_date": date("2024-03-05"),
         "publicized": .bool(true)]
    }

    func record(_ values: [String: FieldValue], unset: [String] = []) -> CaseRecord {
        var r = CaseRecord(values: [FieldValue?](repeating: nil, count: catalogue.count), fileIndex: 0, line: 2)
        for (k, v) in values where !unset.contains(k) { r[catalogue.index(of: k)!] = v }
        return r
    }

    func score(_ values: [String: FieldValue], unset: [String] = [], decisions: [String: [ReviewDecision]] = [:]) -> CaseResult {
        scorer.score(record(values, unset: unset), decisions: decisions)
    }

    func outcome(_ r: CaseResult, _ id: String) -> Outcome { r.outcomes[scorer.rubrics[0].ruleIndex(id)!] }

    func testCompliantCaseWithAnUndecidedManualRule() {
        let r = score(compliant)
        XCTAssertEqual(r.score, DecimalNumber(100))          // nothing failed; EVD-02 is unknown and deducts 0
        XCTAssertEqual(r.grade, 0)                            // 优秀
        XCTAssertEqual(r.needsReview.map { scorer.rubrics[0].rules[$0].id }, ["EVD-02"])
        XCTAssertEqual(outcome(r, "PRO-03"), .notApplicable)  // no hearing requested
        XCTAssertEqual(r.disposition, .none)
    }

    func testDeductionsCountsAndCaps() {
        var v = compliant
        v["evidence_types"] = .list(["书证"])                 // 4 − 1 = 3 kinds missing: 3 × 1.5 = 4.5, capped at 4
        v["decision_date"] = date("2024-04-02")               // 2024-01-02 + 90 days = 2024-04-01 (Mon, working): 04-02 is late → −3
        v["extension_approved"] = .bool(false)                // (were it missing, `late or unknown` would be unknown: no deduction)
        v["served_date"] = date("2024-04-12")                 // 7 working days after 04-02 (04-04..06 清明 off): 04-03, 08, 09, 10, 11, 12, 13(Sun, not adjusted)… → 04-12 is the 5th: on time
        let r = score(v)
        // evidence 10 − 4 = 6; procedure 70 − 3 = 67; legality 20: 100 − 4 − 3 = 93.
        XCTAssertEqual(r.score, DecimalNumber(93))
        XCTAssertEqual(r.categoryScores, [DecimalNumber(20), DecimalNumber(6), DecimalNumber(67)])
        XCTAssertEqual(r.grade, 0)
        XCTAssertEqual(r.disposition, .correct)
        let evd = r.findings.first { scorer.rubrics[0].rules[$0.rule].id == "EVD-01" }!
        XCTAssertEqual(evd.deduct, DecimalNumber(4))
        let pro = r.findings.first { scorer.rubrics[0].rules[$0.rule].id == "PRO-01" }!
        let seen = scorer.fieldsShown(pro, of: r, for: record(v)).map { (field: $0, value: record(v).values[$0]) }
        XCTAssertEqual(seen.map { catalogue[$0.field].id }, ["filed_date", "decision_date", "extension_approved"])
        XCTAssertEqual(seen.map(\.value), [date("2024-01-02"), date("2024-04-02"), .bool(false)])
    }

    func testLateServiceAcrossSpringFestival() {
        var v = compliant
        v["decision_date"] = date("2024-02-08")
        // 7 working days after 2024-02-08: 02-09, (02-10..17 off), 02-18 (adjusted Sunday), 19, 20, 21, 22, 23 → 02-23.
        v["served_date"] = date("2024-02-23")
        XCTAssertEqual(outcome(score(v), "PRO-02"), .pass)
        v["served_date"] = date("2024-02-26")
        let r = score(v)
        XCTAssertEqual(outcome(r, "PRO-02"), .fail)
        XCTAssertEqual(r.score, DecimalNumber("97.5"))         // 100 − 2.5
        XCTAssertEqual(r.disposition, .improve)
    }

    func testVetoCapsTheGradeNotTheScore() {
        var v = compliant
        v["subject_qualified"] = .bool(false)                 // −20, capped at the category's 20
        let r = score(v)
        XCTAssertEqual(r.score, DecimalNumber(80))            // 100 − 20 = 80: band 良好 …
        XCTAssertEqual(r.grade, 2)                            // … capped at veto_grade 合格
        XCTAssertTrue(r.veto)
        XCTAssertEqual(r.disposition, .invalid)
    }

    func testMissingPolicies() {
        // officers_count missing with `missing: fail`: LEG-02 fails with its full 10; publicized missing with `missing: pass`.
        let r = score(compliant, unset: ["officers_count", "publicized"])
        XCTAssertEqual(outcome(r, "LEG-02"), .fail)
        XCTAssertEqual(outcome(r, "PRO-04"), .pass)
        XCTAssertEqual(r.score, DecimalNumber(90))            // 100 − 10
        XCTAssertEqual(r.disposition, .illegal)
        // filed_date missing: PRO-01 `when` is false (present() is never unknown) → not applicable.
        XCTAssertEqual(outcome(score(compliant, unset: ["filed_date"]), "PRO-01"), .notApplicable)
        // served_date missing: default `review` → unknown, no deduction, listed for review.
        let s = score(compliant, unset: ["served_date"])
        XCTAssertEqual(outcome(s, "PRO-02"), .unknown)
        XCTAssertEqual(s.score, DecimalNumber(100))
        XCTAssertEqual(s.needsReview.map { scorer.rubrics[0].rules[$0].id }, ["EVD-02", "PRO-02"])
        // hearing requested, hearing_date missing → check is false → fail 65; `missing: skip` only covers unknown.
        var h = compliant
        h["hearing_requested"] = .bool(true)
        XCTAssertEqual(score(h).score, DecimalNumber(35))     // 100 − 65
    }

    func testScoreNeverBelowZero() {
        var v = compliant
        v["subject_qualified"] = .bool(false)                 // legality: min(20, 20 + 10) = 20
        v["officers_count"] = .number(DecimalNumber(1))
        v["hearing_requested"] = .bool(true)                  // procedure: min(70, 65 + 70) = 70
        v["publicized"] = .bool(false)
        v["evidence_types"] = .list([])                       // evidence: min(10, 4) = 4
        let r = score(v)
        XCTAssertEqual(r.score, DecimalNumber(6))             // 100 − 20 − 4 − 70 = 6
        XCTAssertEqual(r.grade, 3)
    }

    func testScoresheetOverridePartialDeductionAndConflict() {
        let reviewer = { (verdict: ReviewDecision.Verdict, deduct: DecimalNumber?, who: String) in
            ReviewDecision(verdict: verdict, deduct: deduct, reviewer: who, file: "s.csv", line: 2)
        }
        var v = compliant
        v["served_date"] = date("2024-03-20")                 // automated PRO-02: fail (−2.5)
        let r = score(v, decisions: [
            "EVD-02": [reviewer(.fail, DecimalNumber("1.5"), "张三")],   // manual rule, partial deduction 1.5
            "PRO-02": [reviewer(.pass, nil, "张三")],                    // overrides the automated fail
            "PRO-01": [reviewer(.fail, nil, "张三"), reviewer(.pass, nil, "李四")],  // conflict → undecided
        ])
        XCTAssertEqual(outcome(r, "EVD-02"), .fail)
        XCTAssertEqual(outcome(r, "PRO-02"), .pass)
        XCTAssertEqual(outcome(r, "PRO-01"), .unknown)
        XCTAssertEqual(r.score, DecimalNumber("98.5"))         // 100 − 1.5; the overridden −2.5 no longer counts
        let override = r.findings.first { scorer.rubrics[0].rules[$0.rule].id == "PRO-02" }!
        XCTAssertEqual(override.automated, .fail)              // the automated outcome is kept for audit
        let conflict = r.findings.first { scorer.rubrics[0].rules[$0.rule].id == "PRO-01" }!
        XCTAssertTrue(conflict.conflict)
        XCTAssertEqual(conflict.decisions.map(\.reviewer), ["张三", "李四"])
        XCTAssertEqual(r.needsReview.map { scorer.rubrics[0].rules[$0].id }, ["PRO-01"])
        // A reviewer's fail without a deduction on a count rule deducts its cap (max 4).
        let full = score(compliant, decisions: ["EVD-01": [reviewer(.fail, nil, "王五")]])
        XCTAssertEqual(full.score, DecimalNumber(96))
    }

    func testReviewBookReportsUnknownCasesAndRules() {
        let rows = [
            ScoresheetRow(caseId: "H-1", rule: "EVD-02", verdict: .fail, deduct: DecimalNumber(5), file: "s.csv", line: 2),
            ScoresheetRow(caseId: "H-9", rule: "EVD-02", verdict: .pass, file: "s.csv", line: 3),
            ScoresheetRow(caseId: "H-1", rule: "EVD-9", verdict: .pass, file: "s.csv", line: 4),
        ]
        let book = ReviewBook(rows: rows, scorer: scorer)
        _ = book.decisions(caseId: "H-1", department: "测试局", rubric: 0)
        book.finish()
        XCTAssertEqual(book.errors.map(\.message), [
            "s.csv:2: 扣分 5 超过细则 EVD-02 的最高扣分 3",
            "s.csv:3: 批次中没有案件 H-9",
            "s.csv:4: 没有编号为 EVD-9 的细则",
        ])
    }

    func testUncoveredCase() {
        var v = compliant
        v["enforcement_type"] = .text("行政许可")
        let r = score(v)
        XCTAssertNil(r.rubric)
        XCTAssertNil(r.score)
    }
}
