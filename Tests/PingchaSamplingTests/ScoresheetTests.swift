import PingchaModel
@testable import PingchaSampling
import XCTest

final class ScoresheetTests: XCTestCase {
    private let zhao = Reviewer(name: "赵六", department: "司法局")

    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    func testBlankScoresheetExactBytes() throws {
        let cases = [
            SampledCase(caseNo: 1, caseId: "市监罚〔2024〕3号", department: "市场监督管理局", reason: .mustReview,
                        risk: 2, rulesToReview: ["PRO-12", "EVD-04", "PRO-12"]),
            SampledCase(caseNo: 9, caseId: "交罚〔2024〕1号", department: "交通运输局", reason: .drawn, rulesToReview: ["PRO-12"]),
            SampledCase(caseNo: 10, caseId: "交罚〔2024〕2号", department: "交通运输局", reason: .drawn, rulesToReview: []),
        ]
        let a = try Assigner.assign(cases: cases, reviewers: [zhao], perCase: 1, seed: 0)
        let bytes = try a.scoresheetCSV(for: zhao)
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(text(Array(bytes.dropFirst(3))),
                       "case_id,department,rule,outcome,deduct,reviewer,note,rule_title,max_deduct,basis,automated\r\n"
                       + "交罚〔2024〕1号,交通运输局,PRO-12,,,赵六,,,,,\r\n"
                       + "市监罚〔2024〕3号,市场监督管理局,PRO-12,,,赵六,,,,,\r\n"
                       + "市监罚〔2024〕3号,市场监督管理局,EVD-04,,,赵六,,,,,\r\n")
        XCTAssertEqual(a.workload(of: zhao)?.cases.map(\.caseId), ["交罚〔2024〕1号", "交罚〔2024〕2号", "市监罚〔2024〕3号"])
    }

    func testCellsAreQuotedAndNeutralised() throws {
        let cases = [SampledCase(caseNo: 1, caseId: "罚字,第1号", department: "=HYPERLINK(\"x\")", reason: .drawn, rulesToReview: ["R-1"])]
        let reviewer = Reviewer(name: "张 三", department: "司法局")
        let a = try Assigner.assign(cases: cases, reviewers: [reviewer], perCase: 1, seed: 0)
        XCTAssertEqual(text(Array(try a.scoresheetCSV(for: reviewer).dropFirst(3))),
                       "case_id,department,rule,outcome,deduct,reviewer,note,rule_title,max_deduct,basis,automated\r\n"
                       + "\"罚字,第1号\",\"'=HYPERLINK(\"\"x\"\")\",R-1,,,张 三,,,,,\r\n")
    }

    func testEveryReviewerGetsTheirOwnSheet() throws {
        let cases = try Sampler.draw(SamplingFixture.candidates, plan: SamplingPlan(perDepartment: 2, seed: 1)).cases
        let a = try Assigner.assign(cases: cases, reviewers: AssignerTests.reviewers, perCase: 2, seed: 1)
        var rows = 0
        for w in a.workloads {
            let lines = text(Array(try a.scoresheetCSV(for: w.reviewer).dropFirst(3))).split(separator: "\r\n")
            XCTAssertEqual(lines.count - 1, w.cases.reduce(0) { $0 + $1.rulesToReview.count })
            for line in lines.dropFirst() { XCTAssertTrue(line.hasSuffix(",,,\(w.reviewer.name),,,,,")) }
            rows += lines.count - 1
        }
        XCTAssertEqual(rows, 2 * cases.reduce(0) { $0 + $1.rulesToReview.count })
        XCTAssertThrowsError(try a.scoresheetCSV(for: Reviewer(name: "孙八", department: "司法局"))) { error in
            XCTAssertEqual((error as? SamplingError)?.message, "评查人员 孙八 不在本次分配名单中")
        }
    }

    /// Each row carries what the reviewer needs to decide it: the rule's title, its maximum
    /// deduction, its basis (quoted where it holds a comma) and the automated outcome; the
    /// details belong to the case (the same rule id in another standard may differ).
    func testRowsCarryTheRuleToDecide() throws {
        let cases = [
            SampledCase(caseNo: 1, caseId: "市监罚〔2024〕3号", department: "市场监督管理局", reason: .mustReview, rulesToReview: ["EVD-04", "PRO-12"]),
            SampledCase(caseNo: 2, caseId: "许〔2024〕7号", department: "市场监督管理局", reason: .drawn, rulesToReview: ["PRO-12"]),
        ]
        let details = ReviewDetails(rules: [
            1: ["EVD-04": RuleToDecide(id: "EVD-04", title: "处罚对象认定正确", maxDeduct: DecimalNumber("20"),
                                       basis: "《中华人民共和国行政处罚法》第四十条", automated: "人工评查项"),
                "PRO-12": RuleToDecide(id: "PRO-12", title: "送达合法", maxDeduct: DecimalNumber("2.5"),
                                       basis: "行政处罚法第六十一条,民事诉讼法", automated: "不符合")],
            2: ["PRO-12": RuleToDecide(id: "PRO-12", title: "许可决定送达", maxDeduct: DecimalNumber("3"), basis: "", automated: "无法判断")],
        ])
        let a = try Assigner.assign(cases: cases, reviewers: [zhao], perCase: 1, seed: 0)
        XCTAssertEqual(text(Array(try a.scoresheetCSV(for: zhao, details: details).dropFirst(3))),
                       "case_id,department,rule,outcome,deduct,reviewer,note,rule_title,max_deduct,basis,automated\r\n"
                       + "市监罚〔2024〕3号,市场监督管理局,EVD-04,,,赵六,,处罚对象认定正确,20,《中华人民共和国行政处罚法》第四十条,人工评查项\r\n"
                       + "市监罚〔2024〕3号,市场监督管理局,PRO-12,,,赵六,,送达合法,2.5,\"行政处罚法第六十一条,民事诉讼法\",不符合\r\n"
                       + "许〔2024〕7号,市场监督管理局,PRO-12,,,赵六,,许可决定送达,3,,无法判断\r\n")
        XCTAssertEqual(try a.scoresheetLines(for: zhao, details: details).map(\.rule.title), ["处罚对象认定正确", "送达合法", "许可决定送达"])
    }

    func testScoresheetFileName() {
        XCTAssertEqual(Assignment.scoresheetFileName(for: zhao), "评查表_赵六.csv")
        XCTAssertEqual(Assignment.scoresheetFileName(for: Reviewer(name: "李/四:?", department: "x")), "评查表_李_四__.csv")
        XCTAssertEqual(Assignment.workbookFileName(for: Reviewer(name: "李/四:?", department: "x")), "评查表_李_四__.xlsx")
    }
}
