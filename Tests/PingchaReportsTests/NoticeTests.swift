import PingchaDocuments
import PingchaModel
import XCTest
@testable import PingchaReports

/// A notice is a short letter (figures, requirements) with an attachment 问题清单: the decided
/// failures in one table, the items still to be checked in another.
final class NoticeTests: XCTestCase {
    static let facts = NoticeFacts(
        batchName: "2025年度行政执法案卷评查", ranOn: ReportFixtures.ranOn, department: "交通运输局", cases: 12, scored: 12, mean: 91.25,
        passRate: 11.0 / 12, rank: 3, rankedCount: 9, failedCases: 1, failedFindings: 2, vetoFindings: 1,
        dispositions: [.init("确认违法", 1), .init("整改完善", 1)], pendingCases: 1, pendingItemsTotal: 1,
        items: [
            NoticeItem(caseId: "交罚〔2025〕7号", partyName: "张三", partyType: "自然人", rule: "处罚（普通）PRO-03 告知陈述申辩权利",
                       finding: "听取陈述申辩：否", deduct: "5", disposition: "确认违法", veto: true),
            NoticeItem(caseId: "交罚〔2025〕7号", partyName: "张三", partyType: "自然人", rule: "处罚（普通）PRO-10 决定书在七个工作日内送达",
                       finding: "张三称未收到，电话13912345678", deduct: "2", disposition: "整改完善", veto: false),
        ],
        pendingItems: [PendingItem(caseId: "交罚〔2025〕9号", rule: "处罚（普通）EVD-03 询问笔录完整规范", check: "材料未载明：询问笔录")],
        rules: [RuleBasis(rule: "处罚（普通）PRO-03 告知陈述申辩权利", basis: "《中华人民共和国行政处罚法》第四十四条")])

    func notice(_ facts: NoticeFacts = NoticeTests.facts, maskAll: Bool = false) throws -> String {
        var templates = try ReportTemplates.load(directory: nil)
        templates.settings = ReportSettings(maskAll: maskAll)
        return MarkdownWriter.write(try NoticeDocument.make(facts, templates: templates, calendar: .builtIn()))
    }

    /// The part of the text between two markers.
    func section(_ text: String, from start: String, to end: String?) -> String {
        guard let a = text.range(of: start) else { return "" }
        let rest = text[a.upperBound...]
        guard let end, let b = rest.range(of: end) else { return String(rest) }
        return String(rest[..<b.lowerBound])
    }

    func testTheLetterSummarisesAndSendsToTheList() throws {
        let text = try notice()
        XCTAssertTrue(text.contains("# 行政执法案卷评查整改通知书\n\n交通运输局：\n\n"), text)
        XCTAssertTrue(text.contains("你单位共有12件案卷参加评查，平均分91.3分，合格率91.7%，在参加排名的9个行政执法主体中居第3位。"), text)
        XCTAssertTrue(text.contains("经评查，你单位有1件案卷存在不符合评查标准的问题，共2项，其中否决项1项；按处理意见分，确认违法1项，整改完善1项。"), text)
        XCTAssertTrue(text.contains("另有1件案卷的1个事项，因材料未载明有关内容或须评查人员判定，尚待核实，暂不作为不符合项"), text)
        XCTAssertTrue(text.contains("附件：问题清单"), text)
    }

    /// Art. 30: periods from receipt, no date counted from the notice's own date.
    func testThePeriodsRunFromReceipt() throws {
        let text = try notice()
        XCTAssertTrue(text.contains("自收到本通知书之日起10个工作日内，对照问题清单逐案逐项纠正违法或者不当的行政执法行为"), text)
        XCTAssertTrue(text.contains("可以自收到本通知书之日起5个工作日内向克拉玛依市司法局书面提出复查申请"), text)
        XCTAssertFalse(text.contains("（即"), text)
        XCTAssertFalse(text.contains("2025年10月16日"), text)
    }

    func testFailuresAndItemsToCheckAreSeparateTables() throws {
        let text = try notice()
        let failures = section(text, from: "**表1 不符合项**", to: "### （二）")
        XCTAssertTrue(failures.contains("| 案号 | 评查细则 | 存在的问题 | 扣分 | 否决项 | 处理意见 |"), failures)
        XCTAssertTrue(failures.contains("| 交罚〔2025〕<br>7号 | 处罚（普通）PRO-03 告知陈述申辩权利 | 听取陈述申辩：否 | 5 | 是 | 确认违法 |"), failures)
        XCTAssertTrue(failures.contains("| 交罚〔2025〕<br>7号 | 处罚（普通）PRO-10 决定书在七个工作日内送达 | 张三称未收到，电话13912345678 | 2 |  | 整改完善 |"), failures)
        XCTAssertFalse(failures.contains("交罚〔2025〕<br>9号"), failures)
        XCTAssertFalse(failures.contains("待核实"), failures)
        let pending = section(text, from: "**表2 待核实事项**", to: "**表3")
        XCTAssertTrue(pending.contains("| 案号 | 评查细则 | 须核实的内容 |"), pending)
        XCTAssertTrue(pending.contains("| 交罚〔2025〕<br>9号 | 处罚（普通）EVD-03 询问笔录完整规范 | 材料未载明：询问笔录 |"), pending)
        XCTAssertTrue(text.contains("| 处罚（普通）PRO-03 告知陈述申辩权利 | 《中华人民共和国行政处罚法》第四十四条 |"), text)
    }

    func testWithoutItemsToCheckTheListHasNoSecondTable() throws {
        var facts = Self.facts
        facts.pendingItems = []
        facts.pendingItemsTotal = 0
        facts.pendingCases = 0
        let text = try notice(facts)
        XCTAssertFalse(text.contains("待核实"), text)
        XCTAssertTrue(text.contains("### （二）评查细则及其依据"), text)
        XCTAssertTrue(text.contains("**表2 不符合项所涉评查细则及其依据**"), text)
    }

    func testALongListSaysHowManyThereAre() throws {
        var facts = Self.facts
        facts.failedCases = 40
        facts.failedFindings = 95
        let text = try notice(facts)
        XCTAssertTrue(text.contains("你单位有40件案卷存在不符合评查标准的问题，共95项"), text)
        XCTAssertTrue(text.contains("表中列出你单位得分最低的1件案卷的不符合项，其余案卷的不符合项另行告知。"), text)
        XCTAssertFalse(try notice().contains("表中列出你单位得分最低的"))
    }

    func testNoticesAreInternalUnlessEverythingIsMasked() throws {
        XCTAssertTrue(try notice().contains("张三称未收到，电话13912345678"))
        let masked = try notice(maskAll: true)
        XCTAssertTrue(masked.contains("张某称未收到，电话139\\*\\*\\*\\*5678"), masked)
    }
}
