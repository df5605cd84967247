@testable import PingchaSampling
import XCTest

final class MustReviewTests: XCTestCase {
    /// Must-review cases are in for every seed, once, and do not take a drawn case's place.
    func testMustReviewAlwaysIncludedAndNotDoubleCounted() throws {
        var list = SamplingFixture.candidates
        list[0].mustReview = true  // 市监罚〔2024〕1号 and 3号 must-review now
        for seed: UInt64 in 0..<50 {
            let d = try Sampler.draw(list, plan: SamplingPlan(perDepartment: 3, seed: seed))
            let market = d.cases.filter { $0.department == SamplingFixture.market }
            XCTAssertEqual(market.filter { $0.reason == .mustReview }.map(\.caseId), ["市监罚〔2024〕1号", "市监罚〔2024〕3号"])
            XCTAssertEqual(market.filter { $0.reason == .drawn }.count, 3)
            XCTAssertEqual(Set(d.cases.map(\.caseId)).count, d.cases.count, "no case twice")
            let tally = try XCTUnwrap(d.departments.first { $0.department == SamplingFixture.market })
            XCTAssertEqual([tally.population, tally.mustReview, tally.eligible, tally.quota, tally.drawn, tally.sampled],
                           [8, 2, 6, 3, 3, 5])
            XCTAssertEqual(d.totalMustReview, 2)
            XCTAssertEqual(d.totalMustReview + d.totalDrawn, d.cases.count)
        }
    }

    func testDepartmentWithFewerCasesThanTheQuotaGivesAll() throws {
        let d = try Sampler.draw(SamplingFixture.candidates, plan: SamplingPlan(perDepartment: 6, seed: 9))
        let byDept = Dictionary(uniqueKeysWithValues: d.departments.map { ($0.department, $0) })
        XCTAssertEqual(byDept["交通运输局"]?.drawn, 5)
        XCTAssertEqual(byDept["交通运输局"]?.tookAll, true)
        XCTAssertEqual(byDept["生态环境局"]?.drawn, 1)
        XCTAssertEqual(byDept["市场监督管理局"]?.drawn, 6)   // 7 eligible beside the must-review one
        XCTAssertEqual(byDept["市场监督管理局"]?.tookAll, false)
        XCTAssertEqual(d.cases.filter { $0.department == "交通运输局" }.count, 5)
        XCTAssertTrue(d.drawRecordMarkdown().contains("可抽案卷少于应抽件数、已全部抽取的部门：交通运输局、生态环境局。"))
    }

    func testWithoutAQuotaOnlyMustReviewCasesAreTaken() throws {
        let d = try Sampler.draw(SamplingFixture.candidates, plan: SamplingPlan(seed: 1))
        XCTAssertEqual(d.cases.map(\.caseId), ["市监罚〔2024〕3号"])
        XCTAssertEqual(d.totalPopulation, 14)
        XCTAssertTrue(d.method.hasPrefix("仅纳入必查案卷"))
    }

    func testEmptyInputGivesAnEmptyDraw() throws {
        let d = try Sampler.draw([], plan: SamplingPlan(perDepartment: 2, seed: 1))
        XCTAssertTrue(d.cases.isEmpty)
        XCTAssertTrue(d.departments.isEmpty)
    }
}
