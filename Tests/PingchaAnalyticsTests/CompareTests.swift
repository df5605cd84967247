import PingchaAnalytics
import XCTest

final class CompareTests: XCTestCase {
    static let X = "交通运输局", Y = "生态环境局", Z = "市场监督管理局", W = "城市管理局"

    /// `count` cases of `department` with `score`, numbered from `from`; `findings[i]` goes
    /// to the i-th case.
    static func cases(_ department: String, _ count: Int, score: String, from: Int,
                      findings: [[FailedRule]] = [], rubric: RubricInfo = Fixture.rubric) -> [ScoredCase] {
        (0..<count).map { i in
            Fixture.scored(from + i, "\(department)-\(from + i)", department, score,
                           findings: i < findings.count ? findings[i] : [], rubric: rubric)
        }
    }

    /// 2023: 交通运输局 0/3 pass (50 each); 生态环境局 2/10 (70, 70, then 50 ×8), failing
    /// LEG-01, PRO-01, DOC-01; 市场监督管理局 10/10 (85).
    /// 2025: 交通运输局 4/4 (80); 生态环境局 10/10 (85), failing DOC-01, PRO-02;
    /// 市场监督管理局 2/10 (70, 70, 50 ×8); 城市管理局 2 cases (90), new.
    static let earlier = BatchSnapshot(
        name: "2023年度", cases:
            cases(X, 3, score: "50", from: 1)
            + cases(Y, 2, score: "70", from: 10,
                    findings: [[Fixture.fail("LEG-01", "5")], [Fixture.fail("PRO-01", "10")]])
            + cases(Y, 8, score: "50", from: 20, findings: [[Fixture.fail("DOC-01", "10")]])
            + cases(Z, 10, score: "85", from: 30),
        rubrics: [Fixture.rubric], minimumCases: 3)

    static let later = BatchSnapshot(
        name: "2025年度", cases:
            cases(X, 4, score: "80", from: 1)
            + cases(Y, 10, score: "85", from: 10,
                    findings: [[Fixture.fail("DOC-01", "5"), Fixture.fail("PRO-02", "10")]])
            + cases(Z, 2, score: "70", from: 30) + cases(Z, 8, score: "50", from: 40)
            + cases(W, 2, score: "90", from: 50),
        rubrics: [Fixture.rubric], minimumCases: 3)

    func testDepartmentsFiguresAndRanks() throws {
        let comparison = Analytics.compare(earlier: Self.earlier, later: Self.later)
        XCTAssertEqual(comparison.batches, ["2023年度", "2025年度"])
        XCTAssertFalse(comparison.rubricsDiffer)
        XCTAssertEqual(comparison.rubrics.first??.sameRubrics, true)
        // Later ranking: 生态环境局 85, 交通运输局 80, 市场监督管理局 54; 城市管理局 (2 < 3) unranked.
        XCTAssertEqual(comparison.departments.map(\.department), [Self.Y, Self.X, Self.Z, Self.W])
        let y = comparison.departments[0]
        XCTAssertEqual(y.figures.map { $0?.rank }, [2, 1])
        // 2023 mean (70·2 + 50·8)/10 = 54 → 2025 85: +31. Rank 2 → 1: +1.
        let change = try XCTUnwrap(y.changes.first)
        XCTAssertEqual(try XCTUnwrap(change.meanChange), 31, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(change.passRateChange), 0.8, accuracy: 1e-12)
        XCTAssertEqual(change.rankChange, 1)
        XCTAssertEqual(comparison.departments[2].changes.first?.rankChange, -2)
    }

    func testImprovementBeyondNoise() throws {
        // 2/10 → [0.0567, 0.5098]; 10/10 → [0.7225, 1]: the later interval lies wholly above.
        let y = Analytics.compare(earlier: Self.earlier, later: Self.later).departments[0].changes[0]
        XCTAssertEqual(y.verdict, .improved)
        XCTAssertTrue(y.onEqualTerms)
        let z = Analytics.compare(earlier: Self.earlier, later: Self.later).departments[2].changes[0]
        XCTAssertEqual(z.verdict, .declined)
    }

    func testThreeCasesAgainstFourIsNoise() throws {
        // 0/3 → [0, 0.5615] and 4/4 → [0.5101, 1]: from 0 % to 100 %, yet the intervals
        // overlap (0.5101 ≤ 0.5615), so no verdict.
        let x = try XCTUnwrap(Analytics.compare(earlier: Self.earlier, later: Self.later).departments
            .first { $0.department == Self.X })
        let change = x.changes[0]
        XCTAssertEqual(change.passRateChange, 1)
        XCTAssertEqual(change.verdict, .noClearChange)
        XCTAssertEqual(try XCTUnwrap(change.earlier?.summary.passInterval?.upper), 0.5615, accuracy: 0.00005)
        XCTAssertEqual(try XCTUnwrap(change.later?.summary.passInterval?.lower), 0.5101, accuracy: 0.00005)
    }

    func testNewFixedAndPersistingProblems() {
        // 生态环境局 failed LEG-01, PRO-01, DOC-01 in 2023 and DOC-01, PRO-02 in 2025.
        let y = Analytics.compare(earlier: Self.earlier, later: Self.later).departments[0].changes[0]
        XCTAssertEqual(y.newProblems.map(\.ruleId), ["PRO-02"])
        XCTAssertEqual(y.fixedProblems.map(\.ruleId), ["LEG-01", "PRO-01"])
        XCTAssertEqual(y.persistingProblems.map(\.ruleId), ["DOC-01"])
        XCTAssertEqual(y.notComparableProblems, [])
    }

    func testDepartmentInOneBatchOnly() {
        let w = Analytics.compare(earlier: Self.earlier, later: Self.later).departments[3]
        XCTAssertEqual(w.department, Self.W)
        XCTAssertNil(w.figures[0])
        XCTAssertNil(w.figures[1]?.rank)
        XCTAssertEqual(w.changes[0].verdict, .noData)
        XCTAssertNil(w.changes[0].meanChange)
        XCTAssertEqual(w.changes[0].newProblems, [])
    }

    func testThreeBatches() {
        let third = BatchSnapshot(name: "2027年度", cases: Self.cases(Self.X, 3, score: "95", from: 1),
                                  rubrics: [Fixture.rubric], minimumCases: 3)
        let comparison = Analytics.compare([Self.earlier, Self.later, third])
        XCTAssertEqual(comparison.batches.count, 3)
        XCTAssertEqual(comparison.rubrics.count, 2)
        XCTAssertEqual(comparison.departments.first?.department, Self.X)
        XCTAssertTrue(comparison.departments.allSatisfy { $0.figures.count == 3 && $0.changes.count == 2 })
        // 生态环境局 has no case in 2027.
        let y = comparison.departments.first { $0.department == Self.Y }
        XCTAssertNil(y?.figures[2])
        XCTAssertEqual(y?.changes[1].verdict, .noData)
    }

    // MARK: rubric versions

    /// penalty 2023.1 has LEG-01, PRO-01, PRO-03, DOC-01; 2025.1 (the fixture rubric) has
    /// LEG-01, PRO-01, PRO-02, DOC-01, DOC-02. licensing 2025.1 is in both batches.
    static let oldPenalty = RubricInfo(
        id: "penalty", version: "2023.1", categories: Fixture.rubric.categories,
        rules: [
            .init(id: "LEG-01", title: "主体资格", categoryId: "subject", problem: "主体"),
            .init(id: "PRO-01", title: "九十日内作出决定", categoryId: "procedure", problem: "程序超期"),
            .init(id: "PRO-03", title: "送达", categoryId: "procedure"),
            .init(id: "DOC-01", title: "文书", categoryId: "documents", problem: "文书"),
        ],
        grades: ["优秀", "合格", "不合格"])

    static let licensing = RubricInfo(
        id: "licensing", version: "2025.1", categories: Fixture.rubric.categories,
        rules: [.init(id: "LIC-01", title: "许可期限", categoryId: "procedure")],
        grades: ["优秀", "合格", "不合格"])

    func testRubricVersionChange() throws {
        // 市场监督管理局, penalty cases. 2023: (20, 30, 40) failing PRO-03 and PRO-01;
        // (20, 40, 30). 2025: (0, 38, 40) failing LEG-01 and PRO-02; (20, 40, 40).
        // Loss shares 2023: subject 0/40 = 0, procedure 10/80 = 0.125, documents 10/80 = 0.125;
        // 2025: subject 20/40 = 0.5, procedure 2/80 = 0.025, documents 0/80 = 0.
        let old = Self.oldPenalty
        let before = BatchSnapshot(name: "2023年度", cases: [
            Fixture.scored(1, "1", Self.Z, "90", kept: ["20", "30", "40"],
                           findings: [Fixture.fail("PRO-03", "5", rubric: old), Fixture.fail("PRO-01", "5", rubric: old)],
                           rubric: old),
            Fixture.scored(2, "2", Self.Z, "90", kept: ["20", "40", "30"], rubric: old),
            Fixture.scored(3, "3", Self.X, "90", rubric: Self.licensing),
        ], rubrics: [old, Self.licensing], minimumCases: 1)
        let after = BatchSnapshot(name: "2025年度", cases: [
            Fixture.scored(1, "1", Self.Z, "78", kept: ["0", "38", "40"],
                           findings: [Fixture.fail("LEG-01", "20"), Fixture.fail("PRO-02", "2")]),
            Fixture.scored(2, "2", Self.Z, "100"),
            Fixture.scored(3, "3", Self.X, "95", rubric: Self.licensing),
        ], rubrics: [Fixture.rubric, Self.licensing], minimumCases: 1)

        let comparison = Analytics.compare(earlier: before, later: after)
        XCTAssertTrue(comparison.rubricsDiffer)
        let rubrics = try XCTUnwrap(comparison.rubrics[0])
        XCTAssertEqual(rubrics.versionChanges,
                       [RubricVersionChange(rubricId: "penalty", earlierVersion: "2023.1", laterVersion: "2025.1")])
        XCTAssertEqual(Set(rubrics.rules.onlyEarlier.map(\.ruleId)), ["PRO-03"])
        XCTAssertEqual(Set(rubrics.rules.onlyLater.map(\.ruleId)), ["PRO-02", "DOC-02"])
        XCTAssertTrue(rubrics.rules.common.contains(RuleKey(rubricId: "penalty", ruleId: "LEG-01")))
        XCTAssertTrue(rubrics.rules.common.contains(RuleKey(rubricId: "licensing", ruleId: "LIC-01")))

        let z = try XCTUnwrap(comparison.departments.first { $0.department == Self.Z }?.changes[0])
        XCTAssertFalse(z.onEqualTerms)
        XCTAssertEqual(z.verdict, .differentRubrics)
        // Each batch's mean and pass rate stand; their difference is no change.
        XCTAssertNotNil(z.earlier?.summary.mean)
        XCTAssertNil(z.meanChange)
        XCTAssertNil(z.passRateChange)
        XCTAssertNil(z.rankChange)
        XCTAssertEqual(z.persistingProblems, [])
        XCTAssertEqual(z.fixedProblems.map(\.ruleId), ["PRO-01"])
        XCTAssertEqual(z.newProblems.map(\.ruleId), ["LEG-01"])
        // PRO-03 was dropped and PRO-02 added: neither fixed nor new.
        XCTAssertEqual(z.notComparableProblems.map(\.ruleId), ["PRO-02", "PRO-03"])
        XCTAssertEqual(z.categoryShares.map(\.categoryId), ["subject", "procedure", "documents"])
        XCTAssertEqual(z.categoryShares.map(\.earlier), [0, 0.125, 0.125])
        XCTAssertEqual(z.categoryShares.map(\.later), [0.5, 0.025, 0])
        XCTAssertEqual(try XCTUnwrap(z.categoryShares[1].change), -0.1, accuracy: 1e-12)

        // 交通运输局 used only the unchanged licensing rubric: on equal terms (1/1 → 1/1).
        let x = try XCTUnwrap(comparison.departments.first { $0.department == Self.X }?.changes[0])
        XCTAssertTrue(x.onEqualTerms)
        XCTAssertEqual(x.verdict, .noClearChange)
    }

    func testFixedOnlyWhenTheRubricWasUsedAgain() {
        // 2023: a penalty case failing PRO-01. 2025: only a licensing case. PRO-01 exists in
        // 2025's rubrics, but nothing of the department was checked against it.
        let before = BatchSnapshot(name: "a", cases: [Fixture.scored(1, "1", Self.X, "90", findings: [Fixture.fail("PRO-01", "10")])],
                                   rubrics: [Fixture.rubric, Self.licensing], minimumCases: 1)
        let after = BatchSnapshot(name: "b", cases: [Fixture.scored(1, "1", Self.X, "90", rubric: Self.licensing)],
                                  rubrics: [Fixture.rubric, Self.licensing], minimumCases: 1)
        let change = Analytics.compare(earlier: before, later: after).departments[0].changes[0]
        XCTAssertEqual(change.fixedProblems, [])
        XCTAssertEqual(change.notComparableProblems.map(\.ruleId), ["PRO-01"])
    }

    func testNeitherFixedNorNewWhileACaseStillWaitsOnTheRule() {
        // 2023: PRO-01 failed, DOC-01 undecided. 2025: PRO-01 undecided in one case (the
        // export lost its column), DOC-01 failed. Neither can be called gone or new.
        let before = BatchSnapshot(name: "a", cases: [Fixture.scored(1, "1", Self.X, "90", findings: [
            Fixture.fail("PRO-01", "10"), Fixture.fail("DOC-01", "0", outcome: .unknown)])], rubrics: [Fixture.rubric], minimumCases: 1)
        let after = BatchSnapshot(name: "b", cases: [
            Fixture.scored(1, "1", Self.X, "90", findings: [Fixture.fail("PRO-01", "0", outcome: .unknown)]),
            Fixture.scored(2, "2", Self.X, "90", findings: [Fixture.fail("DOC-01", "10")])], rubrics: [Fixture.rubric], minimumCases: 1)
        let change = Analytics.compare(earlier: before, later: after).departments[0].changes[0]
        XCTAssertEqual(change.fixedProblems, [])
        XCTAssertEqual(change.newProblems, [])
        XCTAssertEqual(change.notComparableProblems.map(\.ruleId), ["DOC-01", "PRO-01"])
    }

    func testComparableRules() {
        let k = { RuleKey(rubricId: "p", ruleId: $0) }
        let split = Analytics.comparableRules(earlier: [k("A"), k("B")], later: [k("B"), k("C")])
        XCTAssertEqual(split.common, [k("B")])
        XCTAssertEqual(split.onlyEarlier, [k("A")])
        XCTAssertEqual(split.onlyLater, [k("C")])
    }

    func testVerdictRule() {
        XCTAssertEqual(ChangeVerdict.judging(earlier: Proportion(successes: 2, trials: 10),
                                             later: Proportion(successes: 10, trials: 10)), .improved)
        XCTAssertEqual(ChangeVerdict.judging(earlier: Proportion(successes: 0, trials: 3),
                                             later: Proportion(successes: 4, trials: 4)), .noClearChange)
        XCTAssertEqual(ChangeVerdict.judging(earlier: Proportion(successes: 0, trials: 0),
                                             later: Proportion(successes: 4, trials: 4)), .noData)
    }
}
