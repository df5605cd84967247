@testable import PingchaSampling
import XCTest

final class QuotaTests: XCTestCase {
    private func q(_ f: Double, _ population: Int) -> Int {
        SamplingPlan(fraction: f, seed: 0).quota(population: population)
    }

    func testFractionRoundsHalfUpOnTheDecimalValue() {
        XCTAssertEqual(q(0.15, 10), 2)   // 1.5 → 2
        XCTAssertEqual(q(0.25, 10), 3)   // 2.5 → 3
        XCTAssertEqual(q(0.14, 10), 1)   // 1.4 → 1
        XCTAssertEqual(q(0.29, 50), 15)  // 14.5 → 15 (binary floating point would say 14.499999999999998)
        XCTAssertEqual(q(0.1, 123), 12)  // 12.3
        XCTAssertEqual(q(0.1, 125), 13)  // 12.5
        XCTAssertEqual(q(1, 7), 7)
    }

    func testFractionTakesAtLeastOneFromADepartmentWithCases() {
        XCTAssertEqual(q(0.01, 3), 1)
        XCTAssertEqual(q(1e-12, 1), 1)
        XCTAssertEqual(q(0.5, 0), 0)
        XCTAssertEqual(q(0, 40), 0)
    }

    func testCountQuotaIsTheCount() {
        XCTAssertEqual(SamplingPlan(perDepartment: 4, seed: 0).quota(population: 100), 4)
        XCTAssertEqual(SamplingPlan(seed: 0).quota(population: 100), 0)
    }

    func testFractionUsedByTheDraw() throws {
        let d = try Sampler.draw(SamplingFixture.candidates, plan: SamplingPlan(fraction: 0.25, seed: 3))
        // 交通运输局 5 × 0.25 = 1.25 → 1; 市场监督管理局 8 × 0.25 = 2; 生态环境局 0.25 → at least 1.
        XCTAssertEqual(d.departments.map(\.department), ["交通运输局", "市场监督管理局", "生态环境局"])
        XCTAssertEqual(d.departments.map(\.quota), [1, 2, 1])
        XCTAssertEqual(d.departments.map(\.drawn), [1, 2, 1])
        XCTAssertEqual(d.plan.fractionText, "0.25")
        XCTAssertEqual(SamplingFixture.ids(d), ["交罚〔2024〕5号", "市监罚〔2024〕3号", "市监罚〔2024〕4号", "市监罚〔2024〕6号", "环罚〔2024〕1号"])
    }

    func testBadPlansAreRefusedInChinese() {
        let cases = SamplingFixture.candidates
        func message(_ plan: SamplingPlan) -> String? {
            do { _ = try Sampler.draw(cases, plan: plan); return nil } catch { return error.message }
        }
        XCTAssertEqual(message(SamplingPlan(perDepartment: 2, fraction: 0.1, seed: 1)), "--per-department 与 --fraction 只能选用一个")
        XCTAssertEqual(message(SamplingPlan(perDepartment: -1, seed: 1)), "每个部门抽取的件数应为 0 或正整数，而不是 -1")
        XCTAssertEqual(message(SamplingPlan(fraction: 1.5, seed: 1)), "抽取比例应在 0 到 1 之间（如 0.1 表示 10%），而不是 1.5")
        XCTAssertEqual(message(SamplingPlan(fraction: .nan, seed: 1)), "抽取比例应在 0 到 1 之间（如 0.1 表示 10%），而不是 nan")
        var bad = cases
        bad[0].risk = -1
        XCTAssertThrowsError(try Sampler.draw(bad, plan: SamplingPlan(perDepartment: 1, seed: 1))) { error in
            XCTAssertEqual((error as? SamplingError)?.message, "市场监督管理局 的案件 市监罚〔2024〕1号 风险值 -1.0 无效：风险值应为不小于 0 的有限数")
        }
    }
}
