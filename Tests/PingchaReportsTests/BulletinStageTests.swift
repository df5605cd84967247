import Foundation
import PingchaDocuments
import PingchaModel
import XCTest
@testable import PingchaReports
import PingchaCatalogue

/// The bulletin's stage (初评 while reviews are pending), its census or sample wording, the
/// denominators it states, and the paragraphs the bureau writes in settings.yaml.
final class BulletinStageTests: XCTestCase {
    func markdown(_ facts: BulletinFacts = ReportFixtures.bulletin, _ settings: (inout ReportSettings) -> Void = { _ in }) throws -> String {
        var templates = try ReportTemplates.load(directory: nil)
        templates.settings = ReportSettings()
        settings(&templates.settings)
        return MarkdownWriter.write(try BulletinDocument.make(facts, templates: templates, calendar: .builtIn(), periods: ReportFixtures.periods))
    }

    func testMarkedAsAFirstRoundWhileReviewsArePending() throws {
        let text = try markdown()
        XCTAssertTrue(text.contains("# 关于2025年度行政执法案卷评查初评情况的通报（征求意见稿）\n"), text)
        XCTAssertTrue(text.contains("现将初评情况通报如下，请各单位核对："), text)
        XCTAssertTrue(text.contains("**本通报为初评结果。**目前尚有2件案卷存在须评查人员核实的事项"), text)
        XCTAssertTrue(text.contains("只列出评查结果已经确定的案卷"), text)
        XCTAssertTrue(text.contains("本次评查共有2件案卷评为“优秀”，其中1件的评查结果待核实，暂不列入名单。"), text)
    }

    func testNotMarkedWhenNothingIsPending() throws {
        var facts = ReportFixtures.bulletin
        facts.needsReview = 0
        facts.excellentDecided = facts.excellentTotal
        facts.excellentCases.append(ListedCase(department: "市场监督管理局", caseId: "市监罚〔2025〕4号", score: DecimalNumber("95"), grade: "优秀"))
        let text = try markdown(facts)
        XCTAssertTrue(text.contains("# 关于2025年度行政执法案卷评查情况的通报\n"), text)
        XCTAssertTrue(text.contains("现将有关情况通报如下："), text)
        for word in ["初评", "征求意见稿", "待核实"] { XCTAssertFalse(text.contains(word), word) }
        XCTAssertTrue(text.contains("本次评查共有2件案卷评为“优秀”。\n"), text)
    }

    /// A census's rates are exact: no interval in the text, the table or the charts. A sample's
    /// pass rates carry theirs.
    func testIntervalsOnlyWhereCasesWereDrawn() throws {
        let census = try markdown()
        XCTAssertTrue(census.contains("本次评查对纳入评查的案卷逐件评查："), census)
        XCTAssertTrue(census.contains("| 名次 | 行政执法主体 | 评分案卷 | 平均分 | 合格率 | 优秀率 | 否决项案卷 |"), census)
        XCTAssertTrue(census.contains("| 1 | 市场监督管理局 | 4 | 88.8 | 100.0% | 50.0% | 0 |"), census)
        XCTAssertFalse(census.contains("置信区间"), census)
        XCTAssertFalse(census.contains("95%"), census)

        let sample = try markdown { $0.content.method = .sample }
        XCTAssertTrue(sample.contains("本次评查为抽样评查，纳入评查的案卷从各单位办结的案卷中抽取："), sample)
        XCTAssertTrue(sample.contains("合格率下方括号内为其95%置信区间"), sample)
        XCTAssertTrue(sample.contains("| 1 | 市场监督管理局 | 4 | 88.8 | 100.0%<br>（51.0–100.0） | 50.0% | 0 |"), sample)

        var templates = try ReportTemplates.load(directory: nil)
        templates.settings = ReportSettings()
        let view = BulletinView(facts: ReportFixtures.bulletin, settings: templates.settings,
                                issued: ReportFixtures.ranOn,
                                periodValues: ReportFixtures.periods.values(issued: ReportFixtures.ranOn, calendar: .builtIn()))
        guard case .intervals(let rates)? = view.charts()["department-pass-rates"] else { return XCTFail("no pass-rate chart") }
        XCTAssertEqual(rates.title, "各行政执法主体合格率（%）")
        XCTAssertTrue(rates.points.allSatisfy { $0.low == $0.value && $0.high == $0.value })
        // The caption is the string the table prints.
        XCTAssertEqual(rates.points.map(\.caption), ["100.0%", "50.0%", "0.0%"])
    }

    /// A department none of whose scored cases is decided is said to stand on a first
    /// assessment (three departments of the sample were ranked on nothing but that).
    func testADepartmentWithNothingDecidedIsSaidToBeAFirstAssessment() throws {
        var facts = ReportFixtures.bulletin
        facts.departments[2].pending = 1
        facts.departments[1].pending = 1     // one of its two scored cases: not all
        let text = try markdown(facts)
        XCTAssertTrue(text.contains("\n交通运输局的评分案卷均有尚待核实的事项（多因报送数据缺少评查所需的内容），其平均分、合格率和名次为初评结果，核实后可能变化。\n"), text)
        XCTAssertFalse(try markdown().contains("初评结果，核实后可能变化"))
    }

    /// A list cut short says how the cut was made: by score, and in turns over the
    /// departments among equal scores (446 cases tied at 100 were "the highest 30").
    func testACutListSaysHowTiesWereChosen() throws {
        var facts = ReportFixtures.bulletin
        facts.excellentDecided = 5
        let text = try markdown(facts)
        XCTAssertTrue(text.contains("以下列出评查结果已确定的5件中得分最高的1件（同分的按单位轮流选列）。"), text)
    }

    /// Every percentage states its denominator in the same sentence.
    func testPercentagesStateTheirDenominators() throws {
        let text = try markdown()
        XCTAssertTrue(text.contains("行政执法公示：适用案卷6件，已落实5件，未落实0件，材料未载明1件。公示率为100.0%，即已落实的5件占载明落实情况的5件的比例。"), text)
        XCTAssertTrue(text.contains("共发现问题3项，涉及案卷2件，占评分案卷7件的28.6%。"), text)
        XCTAssertTrue(text.contains("1. 告知陈述申辩权利，不符合要求的2件，占可判断案卷6件的33.3%，如交通运输局交罚〔2025〕7号、生态环境局环罚〔2025〕2号。"), text)
        // A case the rule could not be judged for yet is out of the rate, and said (the same
        // rule's rate read 4.5 % here and 6.2 % in the three-systems paragraph).
        XCTAssertTrue(text.contains("1. 重大执法决定经法制审核，不符合要求的1件，占可判断案卷2件的50.0%（另有1件材料未载明或尚待判定，未计入），如生态环境局环罚〔2025〕1号。"), text)
        XCTAssertTrue(text.contains("7件评分案卷的平均分为80.5分"), text)
    }

    func testTheBureausOwnDetailsAndParagraphs() throws {
        var facts = ReportFixtures.bulletin
        facts.typicalCases = [.init(listed: ListedCase(department: "生态环境局", caseId: "环罚〔2025〕1号", cause: "欧阳娜娜超标排放",
                                                        partyName: "欧阳娜娜", partyType: "自然人", score: DecimalNumber("55"), grade: "不合格",
                                                        reasons: ["重大执法决定未经法制审核"]),
                                    note: "未经法制审核即作出较大数额罚款。")]
        let text = try markdown(facts) { s in
            s.content = BulletinContent(period: "2025年11月3日至28日", team: "由市司法局牵头，抽调法制审核人员12名组成评查组",
                                        steps: ["交叉评查", "集体评议", "复核"], goodPractices: ["市场监督管理局全面推行说理式执法文书。"],
                                        typicalCases: [.init(text: "某局先处罚后立案的做法应予纠正。"), .init(caseId: "环罚〔2025〕1号")],
                                        nextSteps: ["各单位要组织执法人员学习本通报。"], contact: "王某，0990-6231234")
        }
        XCTAssertTrue(text.contains("克拉玛依市司法局于2025年11月3日至28日组织开展了"), text)
        XCTAssertTrue(text.contains("由市司法局牵头，抽调法制审核人员12名组成评查组。本次评查对纳入评查的案卷逐件评查，经交叉评查、集体评议、复核："), text)
        XCTAssertTrue(text.contains("### （四）好的做法\n\n市场监督管理局全面推行说理式执法文书。"), text)
        XCTAssertTrue(text.contains("### （三）典型案例\n\n1. 某局先处罚后立案的做法应予纠正。\n\n2. 生态环境局办理的环罚〔2025〕1号（欧阳某超标排放），评查得分55分，等次为“不合格”，主要问题：重大执法决定未经法制审核。未经法制审核即作出较大数额罚款。"), text)
        XCTAssertTrue(text.contains("## 七、下一步工作要求\n\n各单位要组织执法人员学习本通报。"), text)
        // The contact's telephone is the bureau's own: printed as written, unlike a party's.
        XCTAssertTrue(text.contains("（联系人：王某，0990-6231234）"), text)
        XCTAssertFalse(text.contains("欧阳娜娜"), text)
    }

    func testTheSubmittedAndAdmittedCounts() throws {
        let text = try markdown()
        XCTAssertTrue(text.contains("各单位共报送案卷9件，纳入评查8件（另有1件因必填项缺失、格式错误或重复未纳入，已退回报送单位核实），其中行政处罚6件，行政许可2件。"), text)
    }
}

final class RuleWordingTests: XCTestCase {
    func testTitlesLoseTheNotesForScorers() {
        XCTAssertEqual(RuleWording.plainTitle("证据种类相互印证（不少于三类，每少一类扣1分，最多扣2分）"), "证据种类相互印证（不少于三类）")
        XCTAssertEqual(RuleWording.plainTitle("处罚决定书当场交付或在七个工作日内送达（每逾期一个工作日扣0.5分，最多扣2分）"),
                       "处罚决定书当场交付或在七个工作日内送达")
        XCTAssertEqual(RuleWording.plainTitle("询问、检查笔录内容完整规范（起止时间、逐页签名）（评查员判定）"), "询问、检查笔录内容完整规范（起止时间、逐页签名）")
        XCTAssertEqual(RuleWording.plainTitle("作出处罚有法定依据（处罚依据为法律、法规、规章）（文字筛查，评查员核实）"),
                       "作出处罚有法定依据（处罚依据为法律、法规、规章）")
        XCTAssertEqual(RuleWording.plainTitle("在规定期限内公示（默认：行政许可、行政处罚决定自作出之日起七个工作日内）"), "在规定期限内公示")
        XCTAssertEqual(RuleWording.plainTitle("罚款已执行（已缴纳或已执行；已申请法院强制执行的由评查员改判）"), "罚款已执行（已缴纳或已执行）")
        XCTAssertEqual(RuleWording.plainTitle("立卷归档规范（一案一卷、目录页码、文书顺序）"), "立卷归档规范（一案一卷、目录页码、文书顺序）")
        XCTAssertEqual(RuleWording.plainTitle("执法决定信息依法向社会公示（筛查）"), "执法决定信息依法向社会公示")
    }

    func testStandardsAreNamedShortAndIdsQualified() {
        XCTAssertEqual(RuleWording.standardShortName(title: "行政处罚案卷评查标准（普通程序）", id: "penalty-general"), "处罚（普通）")
        XCTAssertEqual(RuleWording.standardShortName(title: "行政处罚案卷评查标准（简易程序）", id: "penalty-summary"), "处罚（简易）")
        XCTAssertEqual(RuleWording.standardShortName(title: "行政许可案卷评查标准", id: "licensing"), "许可")
        XCTAssertEqual(RuleWording.standardShortName(title: "案卷评查标准", id: "x"), "x")
        XCTAssertEqual(RuleWording.qualifiedId(ruleId: "PRO-03", standardTitle: "行政处罚案卷评查标准（普通程序）", standardId: "p"), "处罚（普通）PRO-03")
    }
}
