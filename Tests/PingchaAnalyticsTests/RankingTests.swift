import PingchaAnalytics
import XCTest

final class RankingTests: XCTestCase {
    /// Means: 自然资源局 90 (2 cases), 市场监督管理局 315.5/4 = 78.875, 交通运输局
    /// 157.75/2 = 78.875 (equal exactly: 315.5·2 = 157.75·4 = 631), 生态环境局 76.6667,
    /// 城市管理局 100 on 1 case, 应急管理局 no scored case.
    func testTiesShareRankAndSmallSamplesAreNotRanked() {
        let ranked = Analytics.rank(Analytics.summarise(Fixture.batch, by: \.department), minimumCases: 2)
        XCTAssertEqual(ranked.map(\.summary.key), [Fixture.F, Fixture.A, Fixture.C, Fixture.B, Fixture.D, Fixture.E])
        // Competition ranking "1, 2, 2, 4"; 城市管理局 has the best mean but a single case.
        XCTAssertEqual(ranked.map(\.rank), [1, 2, 2, 4, nil, nil])
        XCTAssertEqual(ranked.map(\.isRanked), [true, true, true, true, false, false])
    }

    func testMinimumOfOneStillSkipsGroupsWithoutScores() {
        let ranked = Analytics.rank(Analytics.summarise(Fixture.batch, by: \.department), minimumCases: 1)
        XCTAssertEqual(ranked.map(\.summary.key), [Fixture.D, Fixture.F, Fixture.A, Fixture.C, Fixture.B, Fixture.E])
        XCTAssertEqual(ranked.map(\.rank), [1, 2, 3, 3, 5, nil])
        // A minimum of 0 behaves as 1: nothing ranks on no scores.
        XCTAssertEqual(Analytics.rank(Analytics.summarise(Fixture.batch, by: \.department), minimumCases: 0).map(\.rank),
                       [1, 2, 3, 3, 5, nil])
    }

    func testEveryoneBelowTheMinimum() {
        let ranked = Analytics.rank(Analytics.summarise(Fixture.batch, by: \.department), minimumCases: 10)
        XCTAssertTrue(ranked.allSatisfy { $0.rank == nil })
        // Still listed, best mean first.
        XCTAssertEqual(ranked.first?.summary.key, Fixture.D)
        XCTAssertEqual(ranked.last?.summary.key, Fixture.E)
    }

    func testExactMeanComparison() {
        let third = ScoreStatistics([Fixture.d("100"), Fixture.d("0"), Fixture.d("0")])          // 100/3
        let sixth = ScoreStatistics([Fixture.d("100"), Fixture.d("100")] + Array(repeating: Fixture.d("0"), count: 4)) // 200/6
        XCTAssertEqual(ScoreStatistics.compareMeans(third, sixth), .same)
        let slightlyMore = ScoreStatistics([Fixture.d("100.0001"), Fixture.d("0"), Fixture.d("0")])
        XCTAssertEqual(ScoreStatistics.compareMeans(slightlyMore, sixth), .descending)
        XCTAssertEqual(ScoreStatistics.compareMeans(ScoreStatistics([]), sixth), .ascending)
    }
}
