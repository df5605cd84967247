@testable import PingchaSampling
import XCTest

final class DrawReproducibilityTests: XCTestCase {
    /// Published reference values: SplitMix64 from state 0, FNV-1a 64 of "" and "a".
    func testReferenceVectors() {
        var g = SplitMix64(state: 0)
        XCTAssertEqual(g.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(g.next(), 0x6E78_9E6A_A1B9_65F4)
        XCTAssertEqual(FNV1a64.hash(""), 0xCBF2_9CE4_8422_2325)
        XCTAssertEqual(FNV1a64.hash("a"), 0xAF63_DC4C_8601_EC8C)
    }

    /// The worked example of docs/sampling.md: seed 1, department 市场监督管理局.
    func testWorkedExampleOfTheDocumentation() {
        XCTAssertEqual(FNV1a64.hash("市场监督管理局"), 0xB683_FBD1_E64A_0EDC)
        var g = SplitMix64(seed: 1, department: "市场监督管理局")
        XCTAssertEqual(g.state, 0xB683_FBD1_E64A_0EDD)
        let outputs = (0..<5).map { _ in g.next() }
        XCTAssertEqual(outputs, [0xAD29_43C2_475A_C7B3, 0x1C38_2199_8EDD_A21A, 0x04BA_E059_FFF4_FF02,
                                 0x1107_6351_C422_FF24, 0xD5C3_9C51_C95B_4767])
        XCTAssertEqual(SplitMix64.unit(outputs[0]), 0.676410899096804)
        XCTAssertEqual(SplitMix64.unit(outputs[2]), 0.018476507160773536)
        XCTAssertEqual(SplitMix64.unit(UInt64.max), 1)
        XCTAssertEqual(SplitMix64.unit(0), 0x1.0p-53)
    }

    /// Exact samples, as the independent re-implementation draws them.
    func testFixedSeedGivesTheDocumentedSample() throws {
        let one = try Sampler.draw(SamplingFixture.candidates, plan: SamplingPlan(perDepartment: 2, seed: 1))
        XCTAssertEqual(SamplingFixture.ids(one), ["交罚〔2024〕1号", "交罚〔2024〕4号", "市监罚〔2024〕3号",
                                                  "市监罚〔2024〕5号", "市监罚〔2024〕8号", "环罚〔2024〕1号"])
        XCTAssertEqual(one.cases.map(\.reason), [.drawn, .drawn, .mustReview, .drawn, .drawn, .drawn])
        let two = try Sampler.draw(SamplingFixture.candidates, plan: SamplingPlan(perDepartment: 2, seed: 2))
        XCTAssertEqual(SamplingFixture.ids(two), ["交罚〔2024〕3号", "交罚〔2024〕5号", "市监罚〔2024〕1号",
                                                  "市监罚〔2024〕3号", "市监罚〔2024〕8号", "环罚〔2024〕1号"])
        let risky = try Sampler.draw(SamplingFixture.candidates, plan: SamplingPlan(perDepartment: 2, seed: 1, riskWeighted: true))
        XCTAssertEqual(SamplingFixture.ids(risky), ["交罚〔2024〕1号", "交罚〔2024〕4号", "市监罚〔2024〕3号",
                                                    "市监罚〔2024〕7号", "市监罚〔2024〕8号", "环罚〔2024〕1号"])
    }

    func testSameSeedSameDrawWhateverTheInputOrder() throws {
        let plan = SamplingPlan(fraction: 0.4, seed: 20_240_601)
        let a = try Sampler.draw(SamplingFixture.candidates, plan: plan)
        let b = try Sampler.draw(SamplingFixture.candidates.reversed(), plan: plan)
        var shuffled = SamplingFixture.candidates
        var r = SamplingFixture.TestRandom(7)
        for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, r.below(i + 1)) }
        let c = try Sampler.draw(shuffled, plan: plan)
        XCTAssertEqual(a, b)
        XCTAssertEqual(a, c)
        XCTAssertEqual(a.drawRecordMarkdown(), c.drawRecordMarkdown())
    }

    func testDifferentSeedsGiveDifferentDraws() throws {
        var samples = Set<[String]>()
        for seed: UInt64 in 1...20 {
            samples.insert(SamplingFixture.ids(try Sampler.draw(SamplingFixture.candidates, plan: SamplingPlan(perDepartment: 2, seed: seed))))
        }
        XCTAssertGreaterThan(samples.count, 10)
    }

    /// A department's draw depends only on its own cases: adding another department to the
    /// batch changes nothing for the others.
    func testDepartmentsDrawIndependently() throws {
        let plan = SamplingPlan(perDepartment: 2, seed: 5)
        let all = try Sampler.draw(SamplingFixture.candidates, plan: plan)
        let marketOnly = try Sampler.draw(SamplingFixture.candidates.filter { $0.department == SamplingFixture.market }, plan: plan)
        XCTAssertEqual(all.cases.filter { $0.department == SamplingFixture.market }, marketOnly.cases)
    }

    func testDuplicateCaseIsRefused() {
        var list = SamplingFixture.candidates
        list.append(SamplingCandidate(caseNo: 99, caseId: "交罚〔2024〕2号", department: SamplingFixture.transport))
        XCTAssertThrowsError(try Sampler.draw(list, plan: SamplingPlan(perDepartment: 1, seed: 1))) { error in
            XCTAssertEqual(error as? SamplingError, .duplicateCase(department: "交通运输局", caseId: "交罚〔2024〕2号"))
            XCTAssertEqual((error as? SamplingError)?.message,
                           "交通运输局 的案件 交罚〔2024〕2号 出现了不止一次：同一部门的案件编号不能重复")
        }
    }
}
