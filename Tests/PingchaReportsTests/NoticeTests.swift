import PingchaDocuments
import PingchaModel
import XCTest
@testable import PingchaReports

final class NoticeTests: XCTestCase {
    static let facts = NoticeFacts(
        batchName: "2025年度行政执法案卷评查", ranOn: ReportFixtures.ranOn, department: "交通运输局", cases: 12, mean: 91.25,
        passRate: 11.0 / 12, rank: 3, rankedCount: 9,
        failedCases: [NoticeCase(listed: ListedCase(department: "交通运输局", caseId: "交罚〔2025〕7号", cause: "张三无证经营，电话13912345678",
                                                    partyName: "张三", partyType: "自然人", score: DecimalNumber("60"), grade: "不合格",
                                                    veto: true, disposition: "确认违法"),
                                 findings: [
                                     NoticeFinding(ruleId: "PRO-03", title: "告知陈述申辩权利", problem: "程序", deduct: "5",
                                                   basis: "《中华人民共和国行政处罚法》第四十四条", disposition: "确认违法", undecided: false),
                                     NoticeFinding(ruleId: "EVD-03", title: "询问笔录完整规范", problem: "事实证据", deduct: "0",
                                                   basis: nil, disposition: "整改完善", undecided: true),
                                 ])])

    func notice(maskAll: Bool = false) throws -> String {
        var templates = try ReportTemplates.load(directory: nil)
        templates.settings = ReportSettings(maskAll: maskAll)
        return MarkdownWriter.write(try NoticeDocument.make(Self.facts, templates: templates, calendar: .builtIn()))
    }

    func testEachFindingWithItsBasisDispositionAndTheDeadline() throws {
        let text = try notice()
        XCTAssertTrue(text.contains("# 行政执法案卷评查整改通知书\n\n交通运输局：\n\n"), text)
        XCTAssertTrue(text.contains("你单位共有12件案卷参加评查，平均分91.3分，合格率91.7%，在参加排名的9个行政执法主体中居第3位。"), text)
        XCTAssertTrue(text.contains("你单位有1件案卷存在不符合评查标准的问题（共2项）"), text)
        XCTAssertTrue(text.contains("### （一）交罚〔2025〕7号"), text)
        XCTAssertTrue(text.contains("评查得分60分，等次为“不合格”（存在否决项）；处理意见：确认违法。"), text)
        XCTAssertTrue(text.contains("| PRO-03 告知陈述申辩权利 | 不符合 | 5 | 《中华人民共和国行政处罚法》第四十四条 | 确认违法 |"), text)
        XCTAssertTrue(text.contains("| EVD-03 询问笔录完整规范 | 材料未载明，待核实 | 0 | — | 整改完善 |"), text)
        XCTAssertTrue(text.contains("10个工作日内（即2025年10月16日前）"), text)
        XCTAssertTrue(text.contains("5个工作日内（即2025年10月10日前）"), text)
    }

    func testALongListSaysHowManyThereAreAndWhereTheRestIs() throws {
        var facts = Self.facts
        facts.failedCasesTotal = 40
        facts.failedFindingsTotal = 95
        var templates = try ReportTemplates.load(directory: nil)
        templates.settings = ReportSettings()
        let text = MarkdownWriter.write(try NoticeDocument.make(facts, templates: templates, calendar: .builtIn()))
        XCTAssertTrue(text.contains("你单位有40件案卷存在不符合评查标准的问题（共95项）"), text)
        XCTAssertTrue(text.contains("以下列出其中得分最低的1件；其余案卷及其不符合项见评查结果表（scores.xlsx）的“不符合项”工作表。"), text)
        XCTAssertFalse(try notice().contains("以下列出其中"))
    }

    func testNoticesAreInternalUnlessEverythingIsMasked() throws {
        XCTAssertTrue(try notice().contains("当事人：张三。"))
        XCTAssertTrue(try notice().contains("13912345678"))
        let masked = try notice(maskAll: true)
        XCTAssertTrue(masked.contains("案由：张某无证经营，电话139\\*\\*\\*\\*5678。当事人：张某。"), masked)
    }
}
