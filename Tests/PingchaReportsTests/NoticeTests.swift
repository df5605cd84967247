import PingchaDocuments
import PingchaModel
import XCTest
@testable import PingchaReports
import PingchaCatalogue

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
        pendingItems: [PendingItem(caseId: "交罚〔2025〕9号", rule: "处罚（普通）EVD-03 询问笔录完整规范", code: "处罚（普通）EVD-03", check: "材料未载明：询问笔录")],
        rules: [RuleBasis(rule: "处罚（普通）PRO-03 告知陈述申辩权利", basis: "《中华人民共和国行政处罚法》第四十四条")])

    func notice(_ facts: NoticeFacts = NoticeTests.facts, maskAll: Bool = false) throws -> String {
        var templates = try ReportTemplates.load(directory: nil)
        templates.settings = ReportSettings(maskAll: maskAll)
        return MarkdownWriter.write(try NoticeDocument.make(facts, templates: templates, calendar: .builtIn(), periods: ReportFixtures.periods))
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
        XCTAssertTrue(failures.contains("| 案号 | 评查细则及存在的问题 | 处理意见 |"), failures)
        // The veto row is marked under its disposition; the deduction follows the problem.
        XCTAssertTrue(failures.contains("| 交罚<br>〔2025〕7号 | 处罚（普通）PRO-03 告知陈述申辩权利<br>存在的问题：听取陈述申辩：否（扣5分） | 确认违法<br>否决项 |"), failures)
        XCTAssertTrue(failures.contains("| 交罚<br>〔2025〕7号 | 处罚（普通）PRO-10 决定书在七个工作日内送达<br>存在的问题：张三称未收到，电话13912345678（扣2分） | 整改完善 |"), failures)
        XCTAssertFalse(failures.contains("〔2025〕9号"), failures)
        XCTAssertFalse(failures.contains("待核实"), failures)
        let pending = section(text, from: "**表2 待核实事项**", to: "**表3")
        XCTAssertTrue(pending.contains("| 案号 | 须核实的事项 |"), pending)
        XCTAssertTrue(pending.contains("| 交罚<br>〔2025〕9号 | 处罚（普通）EVD-03：材料未载明：询问笔录 |"), pending)
        XCTAssertTrue(text.contains("所涉评查细则的内容见表3。"), text)
        XCTAssertTrue(text.contains("| 处罚（普通）PRO-03 告知陈述申辩权利 | 《中华人民共和国行政处罚法》第四十四条 |"), text)
    }

    /// One row per case; rules that want the same material share a line.
    func testItemsToCheckAreGroupedByCase() throws {
        var facts = Self.facts
        facts.pendingItems = [
            PendingItem(caseId: "交罚〔2025〕9号", rule: "处罚（普通）TSY-01 执法决定信息依法向社会公示", code: "处罚（普通）TSY-01", check: "材料未载明：公示日期"),
            PendingItem(caseId: "交罚〔2025〕9号", rule: "处罚（普通）DIS-01 适用裁量基准", code: "处罚（普通）DIS-01", check: "材料未载明：适用裁量基准"),
            PendingItem(caseId: "交罚〔2025〕9号", rule: "处罚（普通）TSY-02 按期公示", code: "处罚（普通）TSY-02", check: "材料未载明：公示日期"),
            PendingItem(caseId: "交罚〔2025〕11号", rule: "处罚（普通）PRO-09 集体讨论", code: "处罚（普通）PRO-09", check: "筛查未通过，须人工判定"),
        ]
        facts.pendingItemsTotal = 4
        facts.pendingCases = 2
        let text = try notice(facts)
        let pending = section(text, from: "**表2 待核实事项**", to: "**表3")
        XCTAssertFalse(pending.isEmpty, text)
        XCTAssertTrue(pending.contains("""
            | 交罚<br>〔2025〕9号 | 处罚（普通）TSY-01、处罚（普通）TSY-02：材料未载明：公示日期<br>处罚（普通）DIS-01：材料未载明：适用裁量基准 |
            | 交罚〔2025〕<br>11号 | 处罚（普通）PRO-09：筛查未通过，须人工判定 |
            """), pending)
    }

    /// A department with items to check and no decided failure gets a letter asking for the
    /// material, not a rectification notice.
    func testOnlyItemsToCheckMakeAVerificationNotice() throws {
        var facts = Self.facts
        facts.items = []
        facts.failedCases = 0
        facts.failedFindings = 0
        facts.vetoFindings = 0
        facts.dispositions = []
        let text = try notice(facts)
        XCTAssertTrue(text.contains("# 行政执法案卷评查核实通知书"), text)
        XCTAssertFalse(text.contains("整改通知书"), text)
        XCTAssertFalse(text.contains("整改要求"), text)
        XCTAssertTrue(text.contains("经评查，你单位案卷暂未发现已经认定的不符合项。有1件案卷的1个事项"), text)
        XCTAssertTrue(text.contains("请你单位自收到本通知书之日起10个工作日内配合核实"), text)
        XCTAssertTrue(text.contains("### （一）待核实事项"), text)
        XCTAssertTrue(text.contains("**表1 待核实事项**"), text)
        XCTAssertTrue(text.contains("### （二）评查细则及其依据"), text)
        XCTAssertTrue(text.contains("**表2 问题清单所涉评查细则及其依据**"), text)
        XCTAssertFalse(text.contains("不符合项”"), text)
    }

    func testWithoutItemsToCheckTheListHasNoSecondTable() throws {
        var facts = Self.facts
        facts.pendingItems = []
        facts.pendingItemsTotal = 0
        facts.pendingCases = 0
        let text = try notice(facts)
        XCTAssertFalse(text.contains("待核实"), text)
        XCTAssertTrue(text.contains("### （二）评查细则及其依据"), text)
        XCTAssertTrue(text.contains("**表2 问题清单所涉评查细则及其依据**"), text)
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
