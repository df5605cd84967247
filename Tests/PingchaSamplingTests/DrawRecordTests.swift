@testable import PingchaSampling
import XCTest

final class DrawRecordTests: XCTestCase {
    private func draw() throws -> SampleDraw {
        try Sampler.draw(SamplingFixture.candidates, plan: SamplingPlan(perDepartment: 2, seed: 1, riskWeighted: true))
    }

    func testSampleCSVExactText() throws {
        let bytes = try draw().sampleCSV()
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(String(decoding: bytes.dropFirst(3), as: UTF8.self),
                       "case_id,department,reason,risk\r\n"
                       + "交罚〔2024〕1号,交通运输局,抽取,0\r\n"
                       + "交罚〔2024〕4号,交通运输局,抽取,0\r\n"
                       + "市监罚〔2024〕3号,市场监督管理局,必查,0\r\n"
                       + "市监罚〔2024〕7号,市场监督管理局,抽取,3\r\n"
                       + "市监罚〔2024〕8号,市场监督管理局,抽取,0\r\n"
                       + "环罚〔2024〕1号,生态环境局,抽取,0\r\n")
    }

    func testDrawRecordStatesSeedMethodAndCounts() throws {
        let md = try draw().drawRecordMarkdown()
        XCTAssertTrue(md.hasPrefix("# 抽样记录\n\n- 随机种子：1\n- 算法：pingcha-sample/1\n- 各部门抽取件数：2\n- 风险加权：是（权重 = 1 + 风险值）\n"))
        XCTAssertTrue(md.contains("Efraimidis–Spirakis"))
        XCTAssertTrue(md.contains("- 案卷总数 14 件，必查 1 件，随机抽取 5 件，样本合计 6 件\n"))
        XCTAssertTrue(md.contains("| 交通运输局 | 5 | 0 | 5 | 2 | 2 | 2 |\n"))
        XCTAssertTrue(md.contains("| 市场监督管理局 | 8 | 1 | 7 | 2 | 2 | 3 |\n"))
        XCTAssertTrue(md.contains("| 生态环境局 | 1 | 0 | 1 | 2 | 1 | 1 |\n"))
        XCTAssertTrue(md.contains("| 合计 | 14 | 1 | 13 | 6 | 5 | 6 |\n"))
        XCTAssertTrue(md.contains("| 4 | 市场监督管理局 | 市监罚〔2024〕7号 | 抽取 | 3 |\n"))
    }

    func testFractionAndRiskTextInTheRecord() throws {
        var list = SamplingFixture.candidates
        list[1].risk = 2.5
        list[1].department = "a|b"
        let d = try Sampler.draw(list, plan: SamplingPlan(fraction: 0.1, seed: 7))
        let md = d.drawRecordMarkdown()
        XCTAssertTrue(md.contains("- 各部门抽取比例：0.1\n"))
        XCTAssertTrue(md.contains("| a\\|b | 1 | 0 | 1 | 1 | 1 | 1 |"))
        XCTAssertTrue(d.method.contains("本部门案卷总数的 0.1"))
        XCTAssertTrue(String(decoding: d.sampleCSV(), as: UTF8.self).contains(",a|b,抽取,2.5\r\n"))
    }

    func testAssignmentRecords() throws {
        let cases = try draw().cases
        let a = try Assigner.assign(cases: cases, reviewers: AssignerTests.reviewers, perCase: 2, seed: 1)
        let csv = String(decoding: a.assignmentCSV().dropFirst(3), as: UTF8.self)
        XCTAssertTrue(csv.hasPrefix("reviewer,reviewer_department,case_id,department,reason,rules\r\n"))
        XCTAssertEqual(csv.split(separator: "\r\n").count, 1 + 12)
        let md = a.assignmentMarkdown()
        XCTAssertTrue(md.contains("- 工作量：每人 2–3 件（相差不超过 1 件）"))
        // Equal loads are one number (it said 每人 3–3 件).
        let two = [SampledCase(caseNo: 1, caseId: "W1", department: "水利局", reason: .drawn),
                   SampledCase(caseNo: 2, caseId: "W2", department: "水利局", reason: .drawn)]
        let even = try Assigner.assign(cases: two, reviewers: [Reviewer(name: "甲", department: "司法局"), Reviewer(name: "乙", department: "司法局")],
                                       perCase: 1, seed: 1)
        XCTAssertEqual(even.loadText, "1")
        XCTAssertTrue(even.assignmentMarkdown().contains("- 工作量：每人 1 件\n"), even.assignmentMarkdown())
        XCTAssertEqual(a.loadText, "2–3")
    }

    /// A campaign-sized input stays quick even in a debug build.
    func testCampaignSizedInput() throws {
        let departments = (1...30).map { "部门\($0)" }
        var candidates: [SamplingCandidate] = []
        for i in 0..<20_000 {
            candidates.append(SamplingCandidate(caseNo: i, caseId: "案\(i)", department: departments[i % 30],
                                                mustReview: i % 97 == 0, risk: Double(i % 5), rulesToReview: ["M-1", "M-2"]))
        }
        let d = try Sampler.draw(candidates, plan: SamplingPlan(fraction: 0.06, seed: 2024, riskWeighted: true))
        XCTAssertEqual(d.totalPopulation, 20_000)
        let reviewers = (0..<60).map { Reviewer(name: "评查员\($0)", department: departments[$0 % 20]) }
        let a = try Assigner.assign(cases: d.cases, reviewers: reviewers, perCase: 2, seed: 1)
        XCTAssertTrue(a.isBalanced)
    }
}
