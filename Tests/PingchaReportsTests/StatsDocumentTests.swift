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

    func testWithoutComparisonOneValueColumn() {
        var facts = Self.facts
        facts.comparedYear = nil
        let table = StatsDocument.longTable(facts.total, facts: facts)
        XCTAssertEqual(table[0], "| 项目 | 2025年 |")
        XCTAssertEqual(table[3], "| 决定案件数（件） | 3 |")
    }
}
