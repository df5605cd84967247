import PingchaAnalytics
import PingchaModel
import XCTest

/// The cases a bulletin names, worked by hand: decided cases only, best (or worst) score first,
/// departments taking turns among equal scores (by name), at most the list's length; and the
/// examples of a failed rule, the first decided cases of each department in case order.
final class NamedCasesTests: XCTestCase {
    func excellent(_ no: Int, _ department: String, _ score: String, decided: Bool = true, failing rules: [String] = []) -> ScoredCase {
        ScoredCase(caseNo: no, caseId: "X-\(no)", department: department, enforcementType: "行政处罚", rubricId: "r",
                   score: DecimalNumber(score)!, grade: "优秀", isPass: true, isExcellent: true,
                   findings: rules.map { FailedRule(rubricId: "r", ruleId: $0, categoryId: "c", problem: "p", outcome: .fail, deduct: .zero) },
                   isDecided: decided)
    }

    func unqualified(_ no: Int, _ department: String, _ score: String, decided: Bool = true, failing rules: [String] = []) -> ScoredCase {
        var c = excellent(no, department, score, decided: decided, failing: rules)
        (c.grade, c.isPass, c.isExcellent) = ("不合格", false, false)
        return c
    }

    func testExcellentBestFirstDepartmentsTakingTurns() {
        let cases = [
            excellent(1, "乙局", "98"), excellent(2, "甲局", "98"), excellent(3, "乙局", "98"), excellent(4, "甲局", "95.5"),
            excellent(5, "乙局", "99", decided: false), excellent(6, "丙局", "98"), excellent(7, "甲局", "98"),
        ]
        let all = BatchFold.figures(of: cases, namedCasesLimit: 4).excellentCases
        XCTAssertEqual(all.total, 7)
        XCTAssertEqual(all.decided, 6)
        // 98: each department's first (丙 6, 乙 1, 甲 2 — by the names' bytes: 丙 U+4E19 < 乙 U+4E59 < 甲 U+7532),
        // then each one's second (乙 3, 甲 7); the pending 99 never.
        XCTAssertEqual(all.caseNos, [6, 1, 2, 3])
        XCTAssertEqual(BatchFold.figures(of: cases, namedCasesLimit: 10).excellentCases.caseNos, [6, 1, 2, 3, 7, 4])
        XCTAssertEqual(BatchFold.figures(of: cases, namedCasesLimit: 0).excellentCases, NamedCases(total: 7, decided: 6, caseNos: []))
    }

    func testUnqualifiedWorstFirst() {
        let cases = [unqualified(1, "甲局", "55"), unqualified(2, "甲局", "41.5"), unqualified(3, "乙局", "55"), unqualified(4, "乙局", "30", decided: false)]
        let named = BatchFold.figures(of: cases, namedCasesLimit: 30).unqualifiedCases
        XCTAssertEqual(named, NamedCases(total: 4, decided: 3, caseNos: [2, 3, 1]))
        XCTAssertEqual(BatchFold.figures(of: cases).excellentCases, NamedCases())
    }

    func testPendingCasesAndFailureExamples() {
        let cases = [
            unqualified(1, "甲局", "50", failing: ["PRO-01", "PRO-02"]), unqualified(2, "甲局", "50", decided: false, failing: ["PRO-01"]),
            unqualified(3, "甲局", "50", failing: ["PRO-01"]), unqualified(4, "乙局", "50", failing: ["PRO-01"]),
            unqualified(5, "甲局", "50", failing: ["PRO-01"]), unqualified(6, "甲局", "50", failing: ["PRO-01"]),
        ]
        let figures = BatchFold.figures(of: cases)
        XCTAssertEqual(figures.pendingCases, 1)
        let pro01 = figures.failureExamples[RuleKey(rubricId: "r", ruleId: "PRO-01")] ?? [:]
        // 甲局: the first three decided (1, 3, 5 — not the pending 2, not a fourth); 乙局: 4.
        XCTAssertEqual(pro01["甲局"]?.map(\.caseNo), [1, 3, 5])
        XCTAssertEqual(pro01["乙局"]?.map(\.caseId), ["X-4"])
        XCTAssertEqual(figures.failureExamples[RuleKey(rubricId: "r", ruleId: "PRO-02")]?["甲局"]?.map(\.caseNo), [1])
        XCTAssertEqual(BatchFold.failureExamplesPerDepartment, 3)
    }

    /// The departments a profile tailored: each once, in byte order of the names; cases under
    /// the rubric as written name none.
    func testProfileDepartments() {
        var cases = [excellent(1, "乙局", "98"), excellent(2, "甲局", "98"), excellent(3, "乙局", "98"), excellent(4, "丙局", "98")]
        for i in [0, 1, 2] { cases[i].profileId = "gongan" }
        cases[3].profileId = "other"
        cases.append(excellent(5, "丁局", "98"))
        XCTAssertEqual(BatchFold.figures(of: cases).profileDepartments, ["gongan": ["乙局", "甲局"], "other": ["丙局"]])
    }
}
