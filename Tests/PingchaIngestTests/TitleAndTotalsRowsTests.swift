import Foundation
import XCTest
@testable import PingchaIngest
import PingchaModel

/// Exports as departments print them: a title and blank rows above the header, totals, notes
/// and signatures below the cases. The header is found; the rows below are counted as
/// skipped, never silently dropped and never taken for a case.
final class TitleAndTotalsRowsTests: XCTestCase {
    let header = "案件编号,执法主体,执法类别,程序类型,立案日期,罚款金额（元）"

    func testTitleRowsAboveTheHeaderInACSV() {
        let f = IngestFixture()
        f.write("台账.csv", """
            克拉玛依市2024年度行政执法案件信息台账,,,,,
            填报单位：市场监督管理局,,,,,单位：元

            \(header)
            克市监罚〔2024〕1号,市场监督管理局,行政处罚,普通程序,2024-03-05,5000
            克市监罚〔2024〕2号,市场监督管理局,行政处罚,简易程序,2024-03-06,200
            合计,,,,,5200
            填报说明：本表按立案日期排列。
            制表人：张三,,审核人：李四,,,

            """)
        let r = f.ingest(["台账.csv"])[0]
        XCTAssertNil(r.refusal)
        XCTAssertEqual(r.headerLine, 4)
        XCTAssertEqual(f.cases.map { f.text($0, "case_id") }, ["克市监罚〔2024〕1号", "克市监罚〔2024〕2号"])
        XCTAssertEqual(f.cases.map(\.line), [5, 6])
        XCTAssertEqual(r.rows, 5)
        XCTAssertEqual(r.skippedRows, 3)
        XCTAssertEqual(r.rejected, 0)
        XCTAssertTrue(r.isBalanced)
        XCTAssertEqual(f.warnings.filter { $0.kind == .skippedRow }.map(\.line), [7, 8, 9])
        XCTAssertEqual(f.warnings.first { $0.kind == .skippedRow }?.message,
                       "\(f.dir)/台账.csv:7: “合计”行是合计、说明、重复的表头或分组标题行，不是案件，已跳过（计入读取行数，不计入案件）")
    }

    /// What else departments put among their cases: a signature line, 以下空白, the header
    /// pasted again above a second table and a group's title are skipped and said, not rejected
    /// (`--strict` failed on them); a case row missing its department still is rejected.
    func testRepeatedHeadersGroupTitlesAndSignaturesAreNoCases() {
        let f = IngestFixture()
        f.write("a.csv", """
            \(header)
            一季度,,,,,
            克市监罚〔2024〕1号,市场监督管理局,行政处罚,普通程序,2024-03-05,5000
            二季度,,,,,
            \(header)
            克市监罚〔2024〕2号,市场监督管理局,行政处罚,简易程序,2024-04-06,200
            克市监罚〔2024〕3号,,行政处罚,简易程序,2024-04-07,200
            以下空白,,,,,
            填表人：张三 审核人：李四 联系电话：0990-1234567,,,,,

            """)
        let r = f.ingest(["a.csv"])[0]
        XCTAssertEqual(f.cases.map { f.text($0, "case_id") }, ["克市监罚〔2024〕1号", "克市监罚〔2024〕2号"])
        XCTAssertEqual([r.rows, r.accepted, r.rejected, r.skippedRows], [8, 2, 1, 5])
        XCTAssertEqual(f.rejects.map(\.line), [7])
        XCTAssertEqual(f.warnings.filter { $0.kind == .skippedRow }.map(\.line), [2, 4, 5, 8, 9])
        XCTAssertTrue(r.isBalanced)
    }

    /// A row a case could be is never skipped, whatever its first cell says.
    func testACaseWhoseNumberStartsLikeATotalIsStillACase() {
        let f = IngestFixture()
        f.write("a.csv", "\(header)\n合计罚〔2024〕1号,市场监督管理局,行政处罚,普通程序,2024-03-05,5000\n")
        let r = f.ingest(["a.csv"])[0]
        XCTAssertEqual(r.accepted, 1)
        XCTAssertEqual(r.skippedRows, 0)
    }

    /// A row in the middle that misses its department is rejected, not skipped.
    func testABrokenCaseRowIsRejectedNotSkipped() {
        let f = IngestFixture()
        f.write("a.csv", "\(header)\n克市监罚〔2024〕1号,,行政处罚,普通程序,2024-03-05,5000\n")
        let r = f.ingest(["a.csv"])[0]
        XCTAssertEqual(r.rejected, 1)
        XCTAssertEqual(r.skippedRows, 0)
    }

    func testHeaderRowOptionFixesTheRow() {
        let f = IngestFixture()
        f.write("a.csv", "编号说明,执法主体,执法类别\n\(header)\n克市监罚〔2024〕1号,市场监督管理局,行政处罚,普通程序,2024-03-05,5000\n")
        var options = IngestOptions()
        options.headerRow = 2
        let r = f.ingest(["a.csv"], options: options)[0]
        XCTAssertNil(r.refusal)
        XCTAssertEqual(r.headerLine, 2)
        XCTAssertEqual(r.accepted, 1)
    }

    /// With no row mapping the required fields, the file is refused naming the row that came
    /// closest, not the title.
    func testNoHeaderAmongTheFirstRowsRefusesWithTheBestRow() {
        let f = IngestFixture()
        f.write("a.csv", "克拉玛依市2024年度台账,,\n文书号,执法主体,执法类别\n1,交通运输局,行政处罚\n")
        let r = f.ingest(["a.csv"])[0]
        XCTAssertEqual(r.refusal?.message, "\(f.dir)/a.csv: 缺少必需的列：case_id（案件编号）（最接近的表头：“文书号”）。本文件未导入；可用 --mapping 指定表头对应关系")
    }

    /// XlsxWriter: a merged title, a unit line, the header on row 4, a totals row with a
    /// formula and signatures.
    func testTitledWorkbook() {
        let f = IngestFixture()
        try! FileManager.default.copyItem(atPath: WorkbookInputTests.fixtures + "/titled.xlsx", toPath: f.dir + "/titled.xlsx")
        let r = f.ingest(["titled.xlsx"])[0]
        XCTAssertNil(r.refusal)
        XCTAssertEqual(r.sheets.first?.headerRow, 4)
        XCTAssertEqual(r.accepted, 3)
        XCTAssertEqual(r.skippedRows, 2)
        XCTAssertTrue(r.isBalanced)
        XCTAssertEqual(f.warnings.map(\.message), [
            "\(f.dir)/titled.xlsx 工作表“台账” 第8行: “合计”行是合计、说明、重复的表头或分组标题行，不是案件，已跳过（计入读取行数，不计入案件）",
            "\(f.dir)/titled.xlsx 工作表“台账” 第10行: “制表人：张三”行是合计、说明、重复的表头或分组标题行，不是案件，已跳过（计入读取行数，不计入案件）",
        ])
    }
}
