import PingchaAnalytics
import PingchaModel
import XCTest

/// A notice's figures per department, worked by hand: findings per rule (failed; undecided with
/// a reviewers' conflict or a screen's suspicion; undecided otherwise), cases failing a rule,
/// cases pending.
final class DepartmentFindingsTests: XCTestCase {
    func finding(_ rule: String, _ outcome: FailedRule.Outcome, conflict: Bool = false, suspect: Bool = false) -> FailedRule {
        FailedRule(rubricId: "r", ruleId: rule, categoryId: "c", problem: "p", outcome: outcome, conflict: conflict, suspect: suspect)
    }

    func scored(_ no: Int, _ department: String, decided: Bool = true, _ findings: [FailedRule]) -> ScoredCase {
        ScoredCase(caseNo: no, caseId: "X-\(no)", department: department, enforcementType: "行政处罚", rubricId: "r",
                   score: DecimalNumber("90")!, grade: "良好", isPass: true, isExcellent: false, findings: findings, isDecided: decided)
    }

    func testFindingsAndCasesPerDepartment() {
        let figures = BatchFold.figures(of: [
            scored(1, "司法局", [finding("PRO-01", .fail), finding("PRO-02", .fail), finding("PRO-01", .unknown, suspect: true)]),
            scored(2, "司法局", decided: false, [finding("PRO-01", .unknown, suspect: true)]),
            scored(3, "市场监督管理局", decided: false, [finding("TSY-01", .unknown, conflict: true), finding("LAW-01", .unknown)]),
            scored(4, "市场监督管理局", [finding("LAW-01", .unknown), finding("EVI-02", .fail)]),
            scored(5, "市场监督管理局", []),
        ], rubrics: [])
        let justice = figures.departmentFindings["司法局"], market = figures.departmentFindings["市场监督管理局"]
        XCTAssertEqual(justice?.failedCases, 1)
        XCTAssertEqual(justice?.pendingCases, 1)
        XCTAssertEqual(justice?.rules[RuleKey(rubricId: "r", ruleId: "PRO-01")], RuleFindings(failed: 1, undecidedFlagged: 2))
        XCTAssertEqual(justice?.rules[RuleKey(rubricId: "r", ruleId: "PRO-02")], RuleFindings(failed: 1))
        XCTAssertEqual(market, DepartmentFindings(failedCases: 1, pendingCases: 1, rules: [
            RuleKey(rubricId: "r", ruleId: "TSY-01"): RuleFindings(undecidedFlagged: 1),
            RuleKey(rubricId: "r", ruleId: "LAW-01"): RuleFindings(undecidedPlain: 2),
            RuleKey(rubricId: "r", ruleId: "EVI-02"): RuleFindings(failed: 1),
        ], listedCases: [4]))
        XCTAssertEqual(justice?.listedCases, [1])
        XCTAssertEqual(figures.departmentFindings.count, 2)
    }

    /// A notice lists the department's failed cases lowest score first, then in case order, at
    /// most `notice_case_limit` (0: all).
    func testListedCasesLowestScoreFirst() {
        func failed(_ no: Int, _ score: String) -> ScoredCase {
            var c = scored(no, "司法局", [finding("PRO-01", .fail)])
            c.score = DecimalNumber(score)!
            return c
        }
        let cases = [failed(1, "80"), failed(2, "61.5"), failed(3, "80"), failed(4, "95"), scored(5, "司法局", []), failed(6, "61.5")]
        XCTAssertEqual(BatchFold.figures(of: cases, noticeCaseLimit: 3).departmentFindings["司法局"]?.listedCases, [2, 6, 1])
        XCTAssertEqual(BatchFold.figures(of: cases, noticeCaseLimit: 0).departmentFindings["司法局"]?.listedCases, [2, 6, 1, 3, 4])
        XCTAssertEqual(BatchFold.figures(of: cases).departmentFindings["司法局"]?.failedCases, 5)
    }
}
