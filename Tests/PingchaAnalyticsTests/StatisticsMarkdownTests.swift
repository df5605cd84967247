import PingchaAnalytics
import PingchaModel
import XCTest

/// The lines of the fixture's tables (see ``StatisticsFixture``), 2024 beside 2023.
final class StatisticsMarkdownTests: XCTestCase {
    typealias F = StatisticsFixture

    static let withPrevious = StatisticsText.document(F.stats2024, previous: F.stats2023)
    static var lines: [String] { withPrevious.components(separatedBy: "\n") }

    /// The lines of the table under `heading` (up to the next blank line after it starts).
    static func table(after heading: String, in text: String = withPrevious) -> [String] {
        let all = text.components(separatedBy: "\n")
        guard let start = all.firstIndex(of: heading) else { return [] }
        return Array(all[(start + 2)...].prefix { !$0.isEmpty })
    }

    func testTitleAndNotes() {
        XCTAssertEqual(Array(Self.lines.prefix(13)), [
            "# 2024年度行政执法统计",
            "",
            "- 统计范围：决定日期在2024年1月1日至12月31日之间的案件，共10件；决定日期在其他年度的1件不计入；无决定日期的1件单列，不计入本年度各项数字。",
            "- 行政处罚一个决定计一宗；同一决定并处多种处罚的，只按其中最重的一种计入一次（由轻到重：警告、通报批评、罚款、没收违法所得/没收非法财物、暂扣许可证件、降低资质等级、限制开展生产经营活动、责令停产停业、责令关闭/限制从业、吊销许可证件、行政拘留）。",
            "- 金额以万元为单位，由精确合计四舍五入保留两位小数；没收金额只计已量化的。",
            "- 比率写作“符合数/可判断数”；无法判断的案件单列，不计入分母。",
            "- 执法时效和三项制度各项取自评查结果：由评查标准中计入该项的细则判定，细则符合的计为按期（做到），不符合的计为逾期（未做到），因日期等缺失无法判断的单列，细则不适用的案件不计入该项；期限中的工作日按工作日历2024.test计算（调休上班日计入，法定节假日不计入）。",
        ] + AnnualStatistics.remedyDefinitions.map { "- " + $0 } + [
            "- “2023年”列为上年数字，供对比。",
            "",
        ])
        let headings = Self.lines.filter { $0.hasPrefix("#") }
        XCTAssertEqual(headings, ["# 2024年度行政执法统计", "## 合计", "## 各部门", "### 市场监督管理局", "### 生态环境局"])
    }

    func testTotalTableWithPreviousYear() {
        let total = Self.table(after: "## 合计")
        XCTAssertEqual(total.first, "| 项目 | 数值 |")
        for line in [
            "| **执法行为** | |",
            "| 决定案件数（件） | 10（上年 1） |",
            "| 行政处罚 | 6（上年 1） |",
            "| 行政许可 | 2（上年 0） |",
            "| 无决定日期（件，不计入本表其他数字） | 1（上年 1） |",
            "| 行政处罚决定（宗） | 6（上年 1） |",
            "| 警告 | 2（上年 0） |",
            "| 罚款 | 1（上年 1） |",
            "| 没收违法所得/没收非法财物 | 1（上年 0） |",
            "| 吊销许可证件 | 1（上年 0） |",
            "| 责令停产停业 | 1（上年 0） |",
            "| 罚款金额（万元） | 11.73（上年 0.10） |",
            "| 没收金额（万元） | 0.50（上年 0.00） |",
            "| 罚没金额合计（万元） | 12.23（上年 0.10） |",
            "| 应当法制审核的决定（件） | 2（上年 0） |",
            "| 其中经法制审核（件） | 1（上年 0） |",
            "| 新收复议案件（件） | 3（上年 0） |",
            "| 审结复议案件（件） | 3（上年 0） |",
            "| 其中维持、驳回 | 2（上年 0） |",
            "| 复议结果：确认违法 | 1（上年 0） |",
            "| 复议纠错率 | 1/3 = 33.3%（上年 0/0 = —） |",
            "| 新收诉讼案件（件） | 2（上年 0） |",
            "| 审结诉讼案件（件） | 1（上年 0） |",
            "| 诉讼败诉率 | 1/1 = 100.0%（上年 0/0 = —） |",
            "| 年末未审结（件，本年度新收） | 1（上年 0） |",
            "| 按期作出决定率 | 5/6 = 83.3%（上年 1/1 = 100.0%） |",
            "| 按期作出决定：无法判断（件） | 1（上年 0） |",
            "| 按期送达率 | 5/6 = 83.3%（上年 0/0 = —） |",
            "| 按期送达：无法判断（件） | 1（上年 0） |",
            "| 按期公示率 | 3/4 = 75.0%（上年 0/0 = —） |",
            "| 公示率 | 5/7 = 71.4%（上年 1/1 = 100.0%） |",
            "| 公示率：无法判断（件） | 1（上年 0） |",
            "| 全过程记录率 | 1/2 = 50.0%（上年 0/0 = —） |",
            "| 法制审核率 | 1/2 = 50.0%（上年 0/0 = —） |",
            "| 法制审核率：无法判断（件） | 1（上年 0） |",
        ] {
            XCTAssertTrue(total.contains(line), "missing: \(line)")
        }
        // The penalty rows in template order, light to heavy.
        let kindRows = total.drop { $0 != "| 行政处罚决定（宗） | 6（上年 1） |" }.dropFirst().prefix(12)
        XCTAssertEqual(kindRows.map { $0.components(separatedBy: " | ")[0] }, [
            "| 警告", "| 通报批评", "| 罚款", "| 没收违法所得/没收非法财物", "| 暂扣许可证件", "| 降低资质等级",
            "| 限制开展生产经营活动", "| 责令停产停业", "| 责令关闭/限制从业", "| 吊销许可证件", "| 行政拘留", "| 其他",
        ])
    }

    func testDepartmentTables() {
        let a = Self.table(after: "### 市场监督管理局")
        for line in [
            "| 决定案件数（件） | 7（上年 1） |",
            "| 罚款金额（万元） | 1.73（上年 0.10） |",
            "| 处以罚款但未注明金额（件） | 1（上年 0） |",
            "| 罚没金额合计（万元） | 2.23（上年 0.10） |",
            "| 按期作出决定率 | 4/5 = 80.0%（上年 1/1 = 100.0%） |",
            "| 按期公示率 | 3/3 = 100.0%（上年 0/0 = —） |",
            "| 公示率 | 3/5 = 60.0%（上年 1/1 = 100.0%） |",
        ] {
            XCTAssertTrue(a.contains(line), "missing: \(line)")
        }
        let b = Self.table(after: "### 生态环境局")
        for line in [
            "| 决定案件数（件） | 3（上年 0） |",
            "| 无决定日期（件，不计入本表其他数字） | 1（上年 1） |",
            "| 罚款金额（万元） | 10.00（上年 0.00） |",
            "| 按期公示率 | 0/1 = 0.0%（上年 0/0 = —） |",
            "| 全过程记录率：无法判断（件） | 1（上年 0） |",
            "| 公示率 | 2/2 = 100.0%（上年 0/0 = —） |",
            "| 法制审核率 | 0/1 = 0.0%（上年 0/0 = —） |",
        ] {
            XCTAssertTrue(b.contains(line), "missing: \(line)")
        }
        // Every table has the same rows, so the years and departments compare line by line.
        let total = Self.table(after: "## 合计")
        XCTAssertEqual(a.count, total.count)
        XCTAssertEqual(b.count, total.count)
    }

    func testWithoutPreviousYear() {
        let text = StatisticsText.document(F.stats2024)
        XCTAssertFalse(text.contains("上年"))
        let total = Self.table(after: "## 合计", in: text)
        XCTAssertTrue(total.contains("| 决定案件数（件） | 10 |"))
        XCTAssertTrue(total.contains("| 罚款金额（万元） | 11.73 |"))
        XCTAssertTrue(total.contains("| 公示率 | 5/7 = 71.4% |"))
        XCTAssertEqual(total.count, Self.table(after: "## 合计").count)
    }

    func testEarlierYearIsNamedAndItsDepartmentsKept() {
        // Compared with 2022, a year with one department the 2024 cases do not have.
        let old = StatsCase(values: [
            "department": .text("交通运输局"), "enforcement_type": .text("行政检查"),
            "decision_date": .date(F.date("2022-06-01")),
        ], measures: [:])
        let y2022 = AnnualStatistics.compute(cases: [old], year: 2022, calendarVersion: F.calendarVersion)
        let text = StatisticsText.document(F.stats2024, previous: y2022)
        XCTAssertTrue(text.contains("- “2022年”列为2022年数字（本年度之前最近一个保存的年度），供对比。"))
        let transport = Self.table(after: "### 交通运输局", in: text)
        XCTAssertTrue(transport.contains("| 决定案件数（件） | 0（2022年 1） |"))
        XCTAssertTrue(transport.contains("| 行政检查 | 0（2022年 1） |"))
        XCTAssertEqual(text.components(separatedBy: "\n").filter { $0.hasPrefix("### ") },
                       ["### 交通运输局", "### 市场监督管理局", "### 生态环境局"])
    }
}
