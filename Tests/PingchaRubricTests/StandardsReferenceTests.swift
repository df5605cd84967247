import Foundation
import XCTest
@testable import PingchaRubric
import PingchaModel
import PingchaCatalogue

/// The standards reference (`pingcha rubric show --format md`, rubrics/STANDARDS.md): the
/// plain-Chinese wording of expressions, the lines a supervisor reads for a rule and a profile,
/// and that the committed reference is the one the rubrics render now.
final class StandardsReferenceTests: XCTestCase {
    var dir = ""
    let catalogue = FieldCatalogue.builtIn()

    override func setUp() {
        dir = NSTemporaryDirectory() + "pingcha-standards-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir + "/profiles", withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    static let rubric = """
        id: demo
        version: "2025.1"
        title: 示例评查标准
        applies_when: enforcement_type == "行政处罚"
        total: 20
        veto_score: zero
        params:
          large_fine_person: { type: number, value: 10000, title: 较大数额罚款（自然人）, basis: 某省规定|第一条 }
        grades:
          - { name: 合格, min: 12 }
          - { name: 不合格, min: 0 }
        categories:
          - id: procedure
            title: 执法程序
            points: 10
            rules:
              - id: PRO-05
                title: 九十日内作出处罚决定
                check: decision_date <= add_days(filed_date, 90) or extension_approved
                deduct: 3
                disposition: correct
                basis: 《中华人民共和国行政处罚法》第六十条
                quote: 行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。
                measures: [decision_on_time]
              - id: PRO-04
                title: 告知听证权利
                when: fine_amount >= $large_fine_person
                check: hearing_notified
                explain: 罚款达到较大数额的，案卷中有听证权利告知书。
                deduct: 2
              - id: PRO-10
                title: 按期送达
                count: workdays(add_workdays(decision_date, 7), served_date)
                deduct: 0.5
                max: 2
                missing: fail
          - id: subject
            title: 主体与依据
            points: 10
            rules:
              - id: LEG-02
                title: 执法人员不少于两人
                check: officers_count >= 2
                deduct: 10
                veto: true
              - id: LAW-02
                title: 违反条款具体到条
                check: matches(legal_basis, "第.+条|条例")
                on_fail: review
                deduct: 1
              - id: EVD-03
                title: 笔录内容完整
                manual: true
                deduct: 3
        """

    static let profile = """
        title: 公安机关
        departments: [公安局]
        params:
          large_fine_person: { value: 2000, basis: 公安机关的较大数额标准 }
        disable:
          - { rule: demo/LEG-02, reason: 《公安机关办理行政案件程序规定》第三十九条 }
        """

    func write(_ name: String, _ text: String) {
        FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(text.utf8))
    }

    /// The reference of the demo rubric and profile, as lines.
    func referenceLines() throws -> [String] {
        write("demo.yaml", Self.rubric)
        write("profiles/police.yaml", Self.profile)
        let set = try RubricLoader(catalogue: catalogue, calendar: .builtIn()).loadChecked(paths: [dir])
        let text = StandardsReference.render(set, catalogue: catalogue, relativeTo: dir)
        XCTAssertTrue(text.hasSuffix("\n") && !text.hasSuffix("\n\n"), "ends with one line break")
        return text.components(separatedBy: "\n")
    }

    /// The lines of one rule's entry, from its heading to the blank line after its list.
    func entry(_ heading: String, in lines: [String]) throws -> [String] {
        let start = try XCTUnwrap(lines.firstIndex(of: heading), "no heading \(heading)")
        let end = lines[(start + 2)...].firstIndex(of: "") ?? lines.count
        return Array(lines[start..<end])
    }

    // MARK: - Expressions in plain Chinese

    func wording(_ source: String, params: [RubricParam] = []) throws -> String {
        try ExpressionWording(catalogue: catalogue, params: params).condition(source)
    }

    func testAnExpressionReadsInPlainChinese() throws {
        XCTAssertEqual(try wording("decision_date <= add_days(filed_date, 90) or extension_approved"),
                       "决定日期 不晚于 立案日期起90日（期限末日遇休息日顺延），或 延期批准为是")
        // Numbers and dates take their own words; `and` inside `or` is bracketed for the reader.
        XCTAssertEqual(try wording("coalesce(fine_amount, 0) <= 200 or (party_type in [\"法人\", \"其他组织\"] and fine_amount <= 3000)"),
                       "罚款金额（未填写时取0） 不超过 200，或（当事人类型为“法人”、“其他组织”之一，且 罚款金额 不超过 3000）")
        XCTAssertEqual(try wording("enforcement_type == \"行政处罚\" and (missing(procedure) or procedure != \"简易程序\")"),
                       "执法类别为“行政处罚”，且（程序类型未填写，或 程序类型不为“简易程序”）")
        XCTAssertEqual(try wording("hearing_date >= add_workdays(hearing_notice_date, 7)"),
                       "听证日期 不早于 听证通知日期后第7个工作日")
        XCTAssertEqual(try wording("not coalesce(entrusted, false)"), "委托执法（未填写时取否）为否")
        XCTAssertEqual(try wording("not any_of(penalty_kinds, [\"行政拘留\", \"责令关闭\"])"),
                       "并非处罚种类包含“行政拘留”、“责令关闭”中的任一项")
        XCTAssertEqual(try wording("contains(evidence_types, \"现场笔录\") and present(publicized_date)"),
                       "证据种类包含“现场笔录”，且 公示日期已填写")
        XCTAssertEqual(try wording("matches(penalty_basis, \"第.+条\")"), "处罚依据符合格式“第.+条”")
        XCTAssertEqual(try wording("days(filed_date, decision_date) < 30 and officers_count > 1"),
                       "立案日期至决定日期的天数 小于 30，且 执法人员人数 大于 1")
        XCTAssertEqual(try wording("served_date <= add_months(decision_date, 3) or served_date == add_years(decision_date, 1)"),
                       "送达日期 不晚于 决定日期起3个月（期限末日遇休息日顺延），或 送达日期 等于 决定日期起1年（期限末日遇休息日顺延）")
        let param = RubricParam(name: "large_fine_person", value: .number(ExactNumber(10000)), title: "较大数额罚款", basis: nil, file: "")
        XCTAssertEqual(try wording("fine_amount >= $large_fine_person", params: [param]), "罚款金额 不少于 较大数额罚款（10000）")
        XCTAssertEqual(try ExpressionWording(catalogue: catalogue, params: []).quantity("3 - len(evidence_types)"), "3 − 证据种类的项数")
    }

    // MARK: - A rule's entry

    func testARuleShowsBasisQuoteAndItsTestInWords() throws {
        XCTAssertEqual(try entry("#### PRO-05 九十日内作出处罚决定", in: try referenceLines()), [
            "#### PRO-05 九十日内作出处罚决定",
            "",
            "- 依据：《中华人民共和国行政处罚法》第六十条",
            "- 条文：“行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。”",
            "- 判定方法：决定日期 不晚于 立案日期起90日（期限末日遇休息日顺延），或 延期批准为是",
            "- 表达式：`check: decision_date <= add_days(filed_date, 90) or extension_approved`",
            "- 扣分：3 分",
            "- 否决：否",
            "- 处理方式：责令限期改正",
            "- 缺失数据时：列入人工复核，不扣分",
            "- 统计：按期作出决定",
        ])
    }

    func testExplainIsPreferredOverTheGeneratedWording() throws {
        let lines = try entry("#### PRO-04 告知听证权利", in: try referenceLines())
        XCTAssertTrue(lines.contains("- 判定方法：罚款达到较大数额的，案卷中有听证权利告知书。"))
        XCTAssertFalse(lines.contains { $0.contains("告知听证权利为是") }, "the generated wording is not shown beside explain")
        XCTAssertTrue(lines.contains("- 适用情形：罚款金额 不少于 较大数额罚款（自然人）（10000）"))
        XCTAssertTrue(lines.contains("- 表达式：`when: fine_amount >= $large_fine_person`；`check: hearing_notified`"))
    }

    func testCountScreenAndManualRules() throws {
        let lines = try referenceLines()
        XCTAssertEqual(try entry("#### PRO-10 按期送达", in: lines).filter { $0.hasPrefix("- 判定方法") || $0.hasPrefix("- 扣分") || $0.hasPrefix("- 缺失") }, [
            "- 判定方法：按“决定日期后第7个工作日至送达日期之间的工作日数”计数，0 项或以下为符合",
            "- 扣分：每项扣 0.5 分，最多扣 2 分",
            "- 缺失数据时：按不符合处理，扣 2 分",
        ])
        let screen = try entry("#### LAW-02 违反条款具体到条", in: lines)
        XCTAssertTrue(screen.contains("- 筛查：自动检查只作筛查：不符合时列入人工复核，不直接扣分"))
        XCTAssertTrue(screen.contains("- 判定方法：违法依据符合格式“第.+条\\|条例”"), "`|` escaped in the wording")
        let manual = try entry("#### EVD-03 笔录内容完整", in: lines)
        XCTAssertTrue(manual.contains("- 人工判定：由评查员查阅案卷，在评分表中判定；判定前列入人工复核，不扣分"))
        XCTAssertFalse(manual.contains { $0.hasPrefix("- 缺失数据时") || $0.hasPrefix("- 表达式") })
    }

    // MARK: - Rubric settings and profiles

    func testRubricHeaderStatesScopeGradesAndVetoScore() throws {
        let lines = try referenceLines()
        for line in [
            "- 编号：`demo`，版本 2025.1，优先级 100",
            "- 文件：demo.yaml",
            "- 适用范围：执法类别为“行政处罚”",
            "- 满分：20 分",
            "- 等次：合格（12 分及以上）；不合格（不足 12 分）",
            "- 一票否决：否决项不符合的案卷，等次为“不合格”，不论分数高低",
            "- 否决项得分：否决项不符合的案卷得 0 分（各项扣分照常列出，计入问题统计）",
            "| 示例评查标准 | `demo` | 2025.1 | 100 | demo.yaml |",
        ] {
            XCTAssertTrue(lines.contains(line), "missing line: \(line)")
        }
    }

    func testParamTableEscapesPipesAndShowsTheProfilesValue() throws {
        let lines = try referenceLines()
        XCTAssertTrue(lines.contains("| `$large_fine_person` | 较大数额罚款（自然人） | 10000 | 某省规定\\|第一条 | 公安机关（police）：2000 |"))
        // The rule that reads the param names the profile and its value.
        XCTAssertEqual(try entry("#### PRO-04 告知听证权利", in: lines).suffix(2), [
            "- 适用配置：",
            "  - 公安机关（`police`）：较大数额罚款（自然人）为 2000（默认 10000）",
        ])
        XCTAssertTrue(lines.contains("| `$large_fine_person` | 较大数额罚款（自然人） | 2000 | 10000 | 公安机关的较大数额标准 |"))
    }

    func testARuleAProfileDisablesIsListedWithItsReason() throws {
        let lines = try referenceLines()
        XCTAssertEqual(try entry("#### LEG-02 执法人员不少于两人", in: lines).suffix(3), [
            "- 缺失数据时：列入人工复核，不扣分",
            "- 适用配置：",
            "  - 公安机关（`police`）：停用本细则（不适用）。理由：《公安机关办理行政案件程序规定》第三十九条",
        ])
        let profile = try XCTUnwrap(lines.firstIndex(of: "## 适用配置：公安机关"))
        XCTAssertEqual(Array(lines[profile...].prefix(5)), [
            "## 适用配置：公安机关",
            "",
            "- 编号：`police`",
            "- 文件：profiles/police.yaml",
            "- 适用部门：公安局（执法主体名称以其中之一结尾的案件适用本配置）",
        ])
        XCTAssertTrue(lines.contains("| `demo` | LEG-02 执法人员不少于两人 | 《公安机关办理行政案件程序规定》第三十九条 |"))
        XCTAssertFalse(try entry("#### PRO-05 九十日内作出处罚决定", in: lines).contains("- 适用配置："),
                       "a rule the profile does not change names no profile")
    }

    // MARK: - The committed reference

    /// rubrics/STANDARDS.md is what `pingcha rubric show --format md rubrics` renders from the
    /// rubrics as they are: editing a rubric without regenerating it fails here.
    func testCommittedStandardsMatchTheRubrics() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let set = try RubricLoader(catalogue: catalogue, calendar: .builtIn()).loadChecked(paths: [root + "/rubrics"])
        let rendered = StandardsReference.render(set, catalogue: catalogue, relativeTo: root)
        guard let committed = try? String(contentsOfFile: root + "/rubrics/STANDARDS.md", encoding: .utf8) else {
            return XCTFail("rubrics/STANDARDS.md is missing: run make standards（缺少评查标准参考，请运行 make standards）")
        }
        guard rendered != committed else { return }
        let (a, b) = (committed.components(separatedBy: "\n"), rendered.components(separatedBy: "\n"))
        let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        XCTFail("""
            rubrics/STANDARDS.md is out of date with the rubrics: run make standards \
            (评查标准参考与评查标准不一致，请运行 make standards 重新生成). First difference at line \(line + 1):
              committed: \(line < a.count ? a[line] : "<end>")
              rendered:  \(line < b.count ? b[line] : "<end>")
            """)
    }
}
