import Foundation
@testable import PingchaSampling
import XCTest

final class RiskWeightingTests: XCTestCase {
    /// 10 cases with risk 9 (weight 10) and 10 with risk 0 (weight 1), 2 drawn: the first pick
    /// is risky with probability 100/110, so about nine in ten drawn cases are risky; yet
    /// zero-risk cases still come up.
    private func population() -> [SamplingCandidate] {
        (0..<20).map { i in
            SamplingCandidate(caseNo: i, caseId: String(format: "案%02d", i), department: "城市管理综合行政执法局",
                              risk: i % 2 == 0 ? 9 : 0)
        }
    }

    private func riskyShare(weighted: Bool) throws -> (risky: Int, safe: Int) {
        var risky = 0, safe = 0
        for seed: UInt64 in 0..<2_000 {
            let d = try Sampler.draw(population(), plan: SamplingPlan(perDepartment: 2, seed: seed, riskWeighted: weighted))
            for c in d.cases { if c.risk > 0 { risky += 1 } else { safe += 1 } }
        }
        return (risky, safe)
    }

    func testRiskWeightedDrawPrefersRiskyCasesButCanDrawZeroRisk() throws {
        let (risky, safe) = try riskyShare(weighted: true)
        XCTAssertEqual(risky + safe, 4_000)
        let share = Double(risky) / 4_000
        XCTAssertGreaterThan(share, 0.83)
        XCTAssertLessThan(share, 0.95)
        XCTAssertGreaterThan(safe, 200)
    }

    func testUnweightedDrawIgnoresRisk() throws {
        let (risky, _) = try riskyShare(weighted: false)
        let share = Double(risky) / 4_000
        XCTAssertGreaterThan(share, 0.45)
        XCTAssertLessThan(share, 0.55)
    }

    /// Every case of a uniform draw is about equally likely (no position bias).
    func testUniformDrawHasNoPositionBias() throws {
        var hits = [Int](repeating: 0, count: 20)
        for seed: UInt64 in 0..<2_000 {
            let d = try Sampler.draw(population(), plan: SamplingPlan(perDepartment: 5, seed: seed))
            for c in d.cases { hits[c.caseNo] += 1 }
        }
        // Expected 500 each (2,000 × 5/20); standard deviation about 19.
        for h in hits { XCTAssertTrue((420...580).contains(h), "\(hits)") }
    }

    func testWeightOneKeyIsExact() {
        XCTAssertEqual(Sampler.weightedKey(0.3, risk: 0), 0.3)
        XCTAssertEqual(Sampler.weightedKey(0.25, risk: 1), 0.5)
    }
}
