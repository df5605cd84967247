import PingchaDocuments
import PingchaModel
@testable import PingchaReports
import XCTest

/// The statistics document from hand-written facts: the compared year names its column, each
/// table of every body ends with 合计 and has its definitions under it.
final class StatsDocumentTests: XCTestCase {
    static let facts = StatsFacts(
        year: 2025, comparedYear: 2023,
        notes: ["统计范围：决定日期在2025年内的案件。"],
        total: [.section("执法行为"), .figure("决定案件数（件）", current: "3", previous: "2"),
                .figure("新收诉讼案件（件）", current: "1", previous: nil)],
        bodyTables: [StatsFacts.BodyTable(
            title: "行政许可", columns: ["申请", "准予"],
            rows: [(body: "交通运输局", values: ["2", "1"]), (body: "水利局", values: ["0", "0"])],
            total: ["2", "1"], definitions: ["申请：决定日期在本年度的行政许可案件。"])],
        departments: [(name: "交通运输局", lines: [.figure("决定案件数（件）", current: "3", previous: "0")])])

    func testMarkdown() throws {
        let templates = try ReportTemplates.load(directory: nil)
        let doc = try StatsDocument.make(Self.facts, templates: templates, date: CivilDate(iso: "2025-12-15")!)
        let text = MarkdownWriter.write(doc)
        let lines = text.components(separatedBy: "\n")
        for line in [
            "# 2025年度行政执法统计",
            "| 项目 | 2025年 | 2023年 |",
            "| 决定案件数（件） | 3 | 2 |",
            "| 新收诉讼案件（件） | 1 | — |",
            "## 二、合计",
            "## 三、分类统计（各行政执法主体）",
            "### （一）行政许可",
            "**表2 2025年度行政许可**",
            "| 执法主体 | 申请 | 准予 |",
            "| 水利局 | 0 | 0 |",
            "注：申请：决定日期在本年度的行政许可案件。",
            "## 四、各行政执法主体",
            "**表3 交通运输局**",
        ] {
            XCTAssertTrue(lines.contains(line), "missing: \(line)\n\(text)")
        }
        // 合计 closes the body table, before its note.
        let total = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("| 合计") || $0.hasPrefix("| **合计**") })
        XCTAssertEqual(lines[total - 1], "| 水利局 | 0 | 0 |")
        XCTAssertTrue(lines[total].contains("2") && lines[total].contains("1"))
        XCTAssertTrue(text.contains("2025年12月15日"))
    }

    func testSummary() throws {
        var facts = Self.facts
        facts.summary = StatsFacts.Summary(
            decisions: 3, byType: [(name: "行政许可", count: 2), (name: "行政检查", count: 1)], penalties: 0, forfeitures: "0.00",
            changes: [.init(name: "作出行政执法决定", current: "3件", previous: "2件", difference: "增加1件（增长50.0%）"),
                      .init(name: "复议纠错率", current: "25.0%", previous: "—", difference: nil)],
            unreviewed: [.init(body: "水利局", first: 2, second: 0)],
            corrected: [.init(body: "交通运输局", first: 1, second: 0)],
            inactive: ["水利局"], gaps: [.init(item: "许可结果（准予、不予等）", missing: 2, of: 2)])
        let text = MarkdownWriter.write(try StatsDocument.make(facts, templates: try ReportTemplates.load(directory: nil),
                                                               date: CivilDate(iso: "2025-12-15")!))
        for line in [
            "## 二、情况说明",
            "2025年，各行政执法主体共作出行政执法决定3件，其中行政许可2件，行政检查1件；行政处罚决定0宗，罚没金额0.00万元。",
            "与2023年相比：作出行政执法决定3件，2023年2件，增加1件（增长50.0%）；复议纠错率25.0%，2023年—。",
            "以下执法主体作出的重大执法决定未全部经过法制审核（《克拉玛依市行政执法监督办法》第十五条），请予核实：水利局重大执法决定2件、经法制审核0件。",
            "执法决定在本年度被复议纠错或诉讼败诉的执法主体：交通运输局（复议纠错1件、诉讼败诉0件）。请有关单位分析原因，改进执法。",
            "统计期间内没有作出行政执法决定的执法主体：水利局。",
            "因报送数据缺少下列内容，有关情况无法判断：许可结果（准予、不予等）（2件中2件未填写）。请各执法主体在今后报送的数据中补充。",
            "## 三、合计",
            "## 四、分类统计（各行政执法主体）",
            "## 五、各行政执法主体",
        ] {
            XCTAssertTrue(text.components(separatedBy: "\n").contains(line), "missing: \(line)\n\(text)")
        }
    }

    func testWithoutComparisonOneValueColumn() {
        var facts = Self.facts
        facts.comparedYear = nil
        let table = StatsDocument.longTable(facts.total, facts: facts)
        XCTAssertEqual(table[0], "| 项目 | 2025年 |")
        XCTAssertEqual(table[3], "| 决定案件数（件） | 3 |")
    }
}
