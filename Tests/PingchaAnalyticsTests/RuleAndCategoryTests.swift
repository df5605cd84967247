import PingchaAnalytics
import XCTest

final class RuleAndCategoryTests: XCTestCase {
    func testRuleSummaries() throws {
        // Every rule of the rubric, in rubric order, with failed / unknown counts from the
        // findings and the applicable counts the scorer supplies.
        let pro01 = RuleKey(rubricId: "penalty", ruleId: "PRO-01")
        let rules = Analytics.ruleSummaries(Fixture.batch, rubrics: [Fixture.rubric], applicable: [pro01: 12],
                                            examplesPerRule: 2)
        XCTAssertEqual(rules.map(\.key.ruleId), ["LEG-01", "PRO-01", "PRO-02", "DOC-01", "DOC-02"])
        XCTAssertEqual(rules.map(\.failed), [1, 7, 4, 9, 1])
        XCTAssertEqual(rules.map(\.unknown), [1, 0, 0, 0, 0])
        XCTAssertEqual(rules[2].problem, "程序")
        XCTAssertEqual(rules[1].applicable, 12)
        XCTAssertNil(rules[0].applicable)
        XCTAssertNil(rules[0].failure)
        // 7/12: center = (0.583333 + 0.160061)/1.320122 = 0.563125,
        // half = 1.959964·√(0.020255 + 0.006669)/1.320122 = 0.243614 → [0.3195, 0.8067].
        let failure = try XCTUnwrap(rules[1].failure?.interval)
        XCTAssertEqual(failure.lower, 0.3195, accuracy: 0.00005)
        XCTAssertEqual(failure.upper, 0.8067, accuracy: 0.00005)
        XCTAssertEqual(rules[1].examples.map(\.caseId), ["A-2", "A-3"])
    }

    func testCategorySummaries() throws {
        // 12 scored cases, every one with all three categories.
        // subject: possible 12·20 = 240, lost 20 (B-3) → 0.0833.
        // procedure: possible 480, lost 11.5 + 10 + 20 + 10 + 10 + 10 + 2.25 + 12 = 85.75 → 0.1786.
        // documents: possible 480, lost 5 + 18 + 20 + 10 + 5 + 15 + 10 + 20 + 8 = 111 → 0.23125.
        // Check: 20 + 85.75 + 111 = 216.75 = 1200 − 983.25.
        let categories = Analytics.categorySummaries(Fixture.batch, rubrics: [Fixture.rubric])
        XCTAssertEqual(categories.map(\.categoryId), ["subject", "procedure", "documents"])
        XCTAssertEqual(categories.map(\.cases), [12, 12, 12])
        XCTAssertEqual(categories.map(\.pointsPossible), [Fixture.d("240"), Fixture.d("480"), Fixture.d("480")])
        XCTAssertEqual(categories.map(\.pointsLost), [Fixture.d("20"), Fixture.d("85.75"), Fixture.d("111")])
        XCTAssertEqual(try XCTUnwrap(categories[0].lossShare), 20.0 / 240, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(categories[1].lossShare), 0.178645833, accuracy: 1e-9)
        XCTAssertEqual(categories[2].lossShare, 0.23125)
        XCTAssertEqual(categories.map(\.failedFindings), [1, 11, 10])
        XCTAssertEqual(try XCTUnwrap(categories[1].meanKept), (480 - 85.75) / 12, accuracy: 1e-12)
    }

    /// One category id the rubrics title differently is named by every title it has, not by
    /// the first rubric's alone (every standard's procedure was called 当场处罚程序).
    func testACategoryTitledDifferentlyByTheRubricsIsNamedByAllItsTitles() {
        let summary = RubricInfo(id: "summary", version: "1", title: "简易", categories: [
            .init(id: "procedure", title: "当场处罚程序", points: Fixture.d("40")),
            .init(id: "documents", title: "文书", points: Fixture.d("60")),
        ], rules: [], grades: ["合格", "不合格"])
        let titles = Analytics.categorySummaries(Fixture.batch, rubrics: [summary, Fixture.rubric]).map(\.title)
        XCTAssertEqual(titles, ["当场处罚程序／程序", "文书", "执法主体"])
    }
}
