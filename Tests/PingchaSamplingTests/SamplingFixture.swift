@testable import PingchaSampling

/// A small batch whose draws are worked out independently (a Python re-implementation of
/// docs/sampling.md): 8 market-regulation cases (3号 must-review, some risky), 5 transport
/// cases, 1 environment case.
enum SamplingFixture {
    static let market = "市场监督管理局"
    static let transport = "交通运输局"
    static let environment = "生态环境局"

    static var candidates: [SamplingCandidate] {
        var list: [SamplingCandidate] = []
        var no = 0
        let risks: [Double] = [0, 2, 0, 1, 0, 0, 3, 0]
        for i in 1...8 {
            no += 1
            list.append(SamplingCandidate(caseNo: no, caseId: "市监罚〔2024〕\(i)号", department: market,
                                          mustReview: i == 3, risk: risks[i - 1], rulesToReview: ["PRO-12"]))
        }
        for i in 1...5 {
            no += 1
            list.append(SamplingCandidate(caseNo: no, caseId: "交罚〔2024〕\(i)号", department: transport,
                                          rulesToReview: ["PRO-12", "EVD-04"]))
        }
        no += 1
        list.append(SamplingCandidate(caseNo: no, caseId: "环罚〔2024〕1号", department: environment,
                                      rulesToReview: ["PRO-12"]))
        return list
    }

    static func ids(_ draw: SampleDraw) -> [String] { draw.cases.map(\.caseId) }

    /// A tiny deterministic generator for building test inputs (not the draw's own stream).
    struct TestRandom {
        var g: SplitMix64
        init(_ seed: UInt64) { g = SplitMix64(state: seed) }
        mutating func below(_ n: Int) -> Int { Int(g.next() % UInt64(n)) }
    }
}
