import PingchaAnalytics
import XCTest

final class MainProblemsTests: XCTestCase {
    /// Failed findings by label (unknown ones left out):
    /// 文书 = DOC-01 in A-1 A-3 A-4 B-1 B-2 B-3 C-1 C-2 F-1 (9) + DOC-02 in C-2 → 10 findings,
    ///   9 cases; 程序超期 = PRO-01 in A-2 A-3 A-4 B-2 B-3 C-1 F-2 → 7, 7;
    /// 程序 (PRO-02 has no label: its category's title) in A-2 A-4 C-2 F-2 → 4, 4;
    /// 主体 = LEG-01 in B-3 → 1, 1 (A-4's LEG-01 is unknown: not a problem).
    /// 22 failed findings in all, 12 scored cases.
    func testCountsSharesAndExamples() throws {
        // Shuffled input: examples still come in batch order.
        let problems = Analytics.mainProblems(Fixture.batch.reversed(), examplesPerProblem: 2)
        XCTAssertEqual(problems.map(\.problem), ["文书", "程序超期", "程序", "主体"])
        XCTAssertEqual(problems.map(\.failedFindings), [10, 7, 4, 1])
        XCTAssertEqual(problems.map(\.cases), [9, 7, 4, 1])

        let documents = problems[0]
        XCTAssertEqual(try XCTUnwrap(documents.shareOfCases), 9.0 / 12, accuracy: 1e-12)    // 0.75
        XCTAssertEqual(try XCTUnwrap(documents.shareOfFindings), 10.0 / 22, accuracy: 1e-12) // 0.4545
        XCTAssertEqual(documents.rules.map(\.ruleId), ["DOC-01", "DOC-02"])
        XCTAssertEqual(documents.categoryIds, ["documents"])
        XCTAssertEqual(documents.examples.map(\.caseId), ["A-1", "A-3"])

        XCTAssertEqual(try XCTUnwrap(problems[1].shareOfCases), 7.0 / 12, accuracy: 1e-12)   // 0.5833
        XCTAssertEqual(problems[1].examples.map(\.caseId), ["A-2", "A-3"])
        XCTAssertEqual(problems[2].examples.map(\.caseId), ["A-2", "A-4"])
        XCTAssertEqual(problems[3].examples, [CaseReference(caseNo: 7, caseId: "B-3", department: Fixture.B)])
    }

    func testPerDepartment() {
        // 交通运输局: C-1 PRO-01 + DOC-01; C-2 PRO-02 + DOC-01 + DOC-02 → 文书 3 findings in 2
        // cases (share 1.0), then 程序 1 and 程序超期 1 (equal counts: by label).
        let problems = Analytics.mainProblems(Fixture.cases(of: Fixture.C))
        XCTAssertEqual(problems.map(\.problem), ["文书", "程序", "程序超期"])
        XCTAssertEqual(problems.map(\.failedFindings), [3, 1, 1])
        XCTAssertEqual(problems.first?.shareOfCases, 1)
        XCTAssertEqual(problems.first?.shareOfFindings, 0.6)
    }

    func testNothingFailed() {
        XCTAssertEqual(Analytics.mainProblems(Fixture.cases(of: Fixture.D)), [])
        XCTAssertEqual(Analytics.mainProblems([]), [])
    }
}
