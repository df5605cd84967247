@testable import PingchaSampling
import XCTest

final class ZZSearch: XCTestCase {
    func testSearch() throws {
        let depts = ["甲局", "乙局", "丙局"]
        var r = SamplingFixture.TestRandom(11)
        var found = 0
        for attempt in 0..<20000 {
            let nr = 3 + r.below(3)
            let reviewers = (0..<nr).map { Reviewer(name: "R\($0)", department: depts[r.below(3)]) }
            let nc = 2 + r.below(5)
            let cases = (0..<nc).map { SampledCase(caseNo: $0, caseId: "C\($0)", department: depts[r.below(3)], reason: .drawn) }
            guard let g = try? Assigner.assign(cases: cases, reviewers: reviewers, perCase: 1, seed: 0, rebalance: false) else { continue }
            let b = try Assigner.assign(cases: cases, reviewers: reviewers, perCase: 1, seed: 0)
            if g.maxLoad - g.minLoad > 1 && b.isBalanced && found < 3 {
                found += 1
                print("FOUND", attempt, reviewers.map { "\($0.name):\($0.department)" }, cases.map { "\($0.caseId):\($0.department)" },
                      g.workloads.map(\.load), b.workloads.map(\.load))
            }
        }
    }
}
