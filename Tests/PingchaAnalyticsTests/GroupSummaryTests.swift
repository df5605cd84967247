import PingchaAnalytics
import PingchaModel
import XCTest

final class GroupSummaryTests: XCTestCase {
    func testDepartmentWithEvenCount() throws {
        // 市场监督管理局: 95, 88.5, 72, 60. Sum 315.5 (exact), mean 315.5/4 = 78.875,
        // median of an even count = (72 + 88.5)/2 = 80.25. Grades 优秀 1, 合格 3: pass 4/4,
        // Wilson 4/4: center = (1 + 0.480182)/1.960365 = 0.755055, half 0.244945 → [0.5101, 1].
        let a = try XCTUnwrap(Analytics.summarise(Fixture.batch, by: \.department).first)
        XCTAssertEqual(a.key, Fixture.A)
        XCTAssertEqual(a.cases, 4)
        XCTAssertEqual(a.scored, 4)
        XCTAssertEqual(a.score.sum, Fixture.d("315.5"))
        XCTAssertEqual(try XCTUnwrap(a.mean), 78.875, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(a.median), 80.25, accuracy: 1e-12)
        XCTAssertEqual(a.min, Fixture.d("60"))
        XCTAssertEqual(a.max, Fixture.d("95"))
        XCTAssertEqual(a.grades, ["优秀": 1, "合格": 3])
        XCTAssertEqual(a.pass, Proportion(successes: 4, trials: 4))
        XCTAssertEqual(a.passRate, 1)
        XCTAssertEqual(try XCTUnwrap(a.passInterval?.lower), 0.5101, accuracy: 0.00005)
        XCTAssertEqual(a.passInterval?.upper, 1)
        XCTAssertEqual(a.excellentRate, 0.25)
        XCTAssertEqual(a.vetoCases, 0)
        XCTAssertEqual(a.needsReview, 1)
        XCTAssertEqual(a.dispositions, [.invalid: 0, .illegal: 0, .correct: 3, .improve: 1, .none: 0])
    }

    func testDepartmentWithOddCountAndVeto() throws {
        // 生态环境局: 90, 85, 55 (vetoed, 不合格). Sum 230, mean 76.6667, median 85.
        // Pass 2/3: p̂ = 0.6667, z²/n = 1.280486, center = (0.666667 + 0.640243)/2.280486
        // = 0.573084, half = 1.959964·√(0.074074 + 0.106720)/2.280486 = 0.365424
        // → [0.2077, 0.9385].
        let b = try XCTUnwrap(Analytics.summarise(Fixture.batch, by: \.department).first { $0.key == Fixture.B })
        XCTAssertEqual(b.score.sum, Fixture.d("230"))
        XCTAssertEqual(try XCTUnwrap(b.mean), 76.6667, accuracy: 0.00005)
        XCTAssertEqual(b.median, 85)
        XCTAssertEqual(b.grades, ["优秀": 1, "合格": 1, "不合格": 1])
        XCTAssertEqual(try XCTUnwrap(b.passInterval?.lower), 0.2077, accuracy: 0.00005)
        XCTAssertEqual(try XCTUnwrap(b.passInterval?.upper), 0.9385, accuracy: 0.00005)
        XCTAssertEqual(b.vetoCases, 1)
        XCTAssertEqual(b.dispositions[.invalid], 1)
    }

    func testWholeBatch() throws {
        // 13 cases, 1 uncovered, 12 scored. Sum 315.5 + 230 + 157.75 + 100 + 180 = 983.25,
        // mean 983.25/12 = 81.9375. Sorted: 55 60 72 77.75 80 85 | 88 88.5 90 92 95 100,
        // median (85 + 88)/2 = 86.5. 优秀 4 (95, 90, 100, 92), 合格 7, 不合格 1.
        // Pass 11/12: center = (0.916667 + 0.160061)/1.320122 = 0.815627, half 0.169507
        // → [0.6461, 0.9851]. Dispositions: invalid 1, correct 6, improve 4, none 2.
        let all = Analytics.summariseAll(Fixture.batch)
        XCTAssertNil(all.key)
        XCTAssertEqual(all.cases, 13)
        XCTAssertEqual(all.uncovered, 1)
        XCTAssertEqual(all.scored, 12)
        XCTAssertEqual(all.score.sum, Fixture.d("983.25"))
        XCTAssertEqual(try XCTUnwrap(all.mean), 81.9375, accuracy: 1e-12)
        XCTAssertEqual(all.median, 86.5)
        XCTAssertEqual(all.min, Fixture.d("55"))
        XCTAssertEqual(all.max, Fixture.d("100"))
        XCTAssertEqual(all.grades, ["优秀": 4, "合格": 7, "不合格": 1])
        XCTAssertEqual(all.pass, Proportion(successes: 11, trials: 12))
        XCTAssertEqual(try XCTUnwrap(all.passInterval?.lower), 0.6461, accuracy: 0.00005)
        XCTAssertEqual(try XCTUnwrap(all.passInterval?.upper), 0.9851, accuracy: 0.00005)
        XCTAssertEqual(all.excellent, Proportion(successes: 4, trials: 12))
        XCTAssertEqual(all.vetoCases, 1)
        XCTAssertEqual(all.needsReview, 1)
        XCTAssertEqual(all.dispositions, [.invalid: 1, .illegal: 0, .correct: 6, .improve: 4, .none: 2])
    }

    func testUncoveredOnlyGroupHasNoFigures() throws {
        let e = try XCTUnwrap(Analytics.summarise(Fixture.batch, by: \.department).first { $0.key == Fixture.E })
        XCTAssertEqual(e.cases, 1)
        XCTAssertEqual(e.uncovered, 1)
        XCTAssertEqual(e.scored, 0)
        XCTAssertNil(e.mean)
        XCTAssertNil(e.median)
        XCTAssertNil(e.passRate)
        XCTAssertNil(e.passInterval)
        XCTAssertEqual(e.dispositions[.none], 1)
    }

    func testGroupsInOrderOfFirstAppearance() {
        let departments = Analytics.summarise(Fixture.batch, by: \.department).map(\.key)
        XCTAssertEqual(departments, [Fixture.A, Fixture.B, Fixture.C, Fixture.D, Fixture.E, Fixture.F])
    }

    func testByDistrictWithMissingValues() throws {
        // 白碱滩区. 克拉玛依区: A-3, B-1, B-2, B-3 → 72, 90, 85, 55: sum 302,
        // mean 75.5, median (72 + 85)/2 = 78.5. The 7 cases without a district form key nil.
        let districts = Analytics.summarise(Fixture.batch, by: \.district)
        XCTAssertEqual(districts.map(\.key), ["白碱滩区", "克拉玛依区", nil])
        XCTAssertEqual(districts.map(\.cases), [2, 4, 7])
        XCTAssertEqual(districts[1].mean, 75.5)
        XCTAssertEqual(districts[1].median, 78.5)
    }

    func testByEnforcementTypeAndRubric() {
        let types = Analytics.summarise(Fixture.batch, by: \.enforcementType)
        XCTAssertEqual(types.map(\.key), ["行政处罚", "行政许可", "其他"])
        XCTAssertEqual(types.map(\.cases), [11, 1, 1])
        let rubrics = Analytics.summarise(Fixture.batch, by: \.rubricId)
        XCTAssertEqual(rubrics.map(\.key), ["penalty", nil])
        XCTAssertEqual(rubrics.map(\.scored), [12, 0])
        XCTAssertEqual(rubrics[1].uncovered, 1)
    }

    func testMeanIsExactBeforeDividing() {
        // 0.1 + 0.2 + 0.3 is exactly 0.6: the sum is kept in ten-thousandths.
        let s = ScoreStatistics([Fixture.d("0.1"), Fixture.d("0.2"), Fixture.d("0.3")])
        XCTAssertEqual(s.sum, Fixture.d("0.6"))
        XCTAssertEqual(s.median, 0.2)
        XCTAssertNil(ScoreStatistics([]).mean)
        XCTAssertNil(ScoreStatistics([]).median)
    }

    /// Scores 60, 70, 70, 100: mean 75, squared distances 225 + 25 + 25 + 625 = 900, sample
    /// variance 900/3 = 300, half-width 1.96·√(300/4) = 16.974. The same from counts; below two
    /// scores no interval; never below zero.
    func testTheIntervalOfAMeanScore() throws {
        let scores = ["60", "70", "70", "100"].map(Fixture.d)
        let listed = ScoreStatistics(scores)
        let counted = ScoreStatistics(counts: [Fixture.d("60"): 1, Fixture.d("70"): 2, Fixture.d("100"): 1])
        for s in [listed, counted] {
            XCTAssertEqual(try XCTUnwrap(s.variance), 300, accuracy: 1e-9)
            let interval = try XCTUnwrap(s.meanInterval)
            XCTAssertEqual(interval.lowerBound, 58.026, accuracy: 0.001)
            XCTAssertEqual(interval.upperBound, 91.974, accuracy: 0.001)
        }
        XCTAssertNil(ScoreStatistics([Fixture.d("80")]).meanInterval)
        XCTAssertNil(ScoreStatistics(counts: [:]).meanInterval)
        // 0 and 2: mean 1, variance 2, half-width 1.96·√(2/2) = 1.96 → [0, 2.96].
        XCTAssertEqual(ScoreStatistics(["0", "2"].map(Fixture.d)).meanInterval?.lowerBound, 0)
        XCTAssertEqual(try XCTUnwrap(ScoreStatistics(["0", "2"].map(Fixture.d)).meanInterval?.upperBound), 2.96, accuracy: 1e-9)
        // Scores close together keep their spread (a mean of squares would lose it).
        let close = ScoreStatistics(counts: [Fixture.d("99.9999"): 500_000, Fixture.d("100"): 500_000])
        XCTAssertEqual(try XCTUnwrap(close.variance), 2.5e-9 * 1_000_000 / 999_999, accuracy: 1e-15)
    }

    func testGradeOrderMergesBands() {
        let four = RubricInfo(id: "x", version: "1", categories: [], rules: [], grades: ["优秀", "良好", "合格", "不合格"])
        XCTAssertEqual(Analytics.gradeOrder([Fixture.rubric, four]), ["优秀", "良好", "合格", "不合格"])
        XCTAssertEqual(Analytics.gradeOrder([Fixture.rubric], extra: ["良好", "合格"]), ["优秀", "合格", "不合格", "良好"])
    }

    func testPassAndExcellenceFromRubric() {
        XCTAssertTrue(Fixture.rubric.isPass(grade: "合格"))
        XCTAssertFalse(Fixture.rubric.isPass(grade: "不合格"))
        XCTAssertTrue(Fixture.rubric.isExcellent(grade: "优秀"))
        XCTAssertFalse(Fixture.rubric.isExcellent(grade: "合格"))
    }
}
