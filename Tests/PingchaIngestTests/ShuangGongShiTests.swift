import Foundation
import XCTest
@testable import PingchaIngest
import PingchaModel

/// Exports as the credit platforms hand them over (双公示: 行政处罚/行政许可信用信息公示, the
/// national data standard's column names) map without a mapping file; merged header cells
/// laid out by hand read as their joined names. Fixtures written by openpyxl
/// (scripts/fixtures/make-workbooks.py).
final class ShuangGongShiTests: XCTestCase {
    func testPenaltyExportMapsWithoutAMappingFile() throws {
        let f = IngestFixture.copying(["shuanggongshi.xlsx"])
        let report = f.ingest(["shuanggongshi.xlsx"])[0]
        XCTAssertNil(report.refusal)
        XCTAssertEqual(report.accepted, 2)
        XCTAssertEqual(f.caseLines, [
            #"{"case_id":"克市监罚〔2024〕11号","department":"克拉玛依市市场监督管理局","enforcement_type":"行政处罚","cause":"销售不合格商品","party_name":"克拉玛依某某商贸有限公司","decision_date":"2024-05-06","penalty_basis":"《中华人民共和国食品安全法》第一百二十五条","penalty_kinds":["罚款"],"fine_amount":5000,"confiscated_amount":0}"#,
            #"{"case_id":"克交罚〔2024〕12号","department":"克拉玛依市交通运输局","enforcement_type":"行政处罚","cause":"未取得道路运输经营许可擅自从事经营","party_name":"王五","party_id":"650203198505051234","decision_date":"2024-06-03","penalty_basis":"《中华人民共和国道路运输条例》第六十三条","penalty_kinds":["罚款","没收违法所得"],"fine_amount":12000,"confiscated_amount":800}"#,
        ].sorted())
        // 罚款金额（万元）: 0.5 and 1.2 万元 are 5000 and 12000 yuan; 0.08 万元 confiscated is 800.
        let mapping = try XCTUnwrap(report.sheets.first?.mapping)
        XCTAssertEqual(mapping.implied, [HeaderMapping.Implied(field: f.catalogue.index(of: "enforcement_type")!, value: "行政处罚",
                                                               column: 7, header: "行政处罚决定书文号")])
        XCTAssertEqual(mapping.used.map { f.catalogue[$0.field!].id },
                       ["party_name", "party_id", "case_id", "cause", "penalty_basis", "penalty_kinds", "fine_amount",
                        "confiscated_amount", "decision_date", "department"])
        // The standard's other columns are named once each as unmapped, nothing else is said.
        XCTAssertEqual(f.warnings.map(\.kind), Array(repeating: .unmappedColumn, count: 13))
    }

    /// A 行政许可 export: its document number says the type; an export with a 执法类别 column
    /// keeps its own values.
    func testImpliedOnlyWithoutAColumn() {
        let f = IngestFixture()
        f.write("permit.csv", "行政相对人名称,行政许可决定文书号,许可决定日期,许可机关\n张三,克市监许〔2024〕3号,2024-02-01,克拉玛依市市场监督管理局\n")
        f.write("own.csv", "行政处罚决定书文号,处罚机关,执法类别\n克市监罚〔2024〕1号,克拉玛依市市场监督管理局,行政强制\n")
        let reports = f.ingest(["permit.csv", "own.csv"])
        XCTAssertEqual(reports.map(\.accepted), [1, 1])
        XCTAssertEqual(f.cases.map { f.text($0, "enforcement_type") }, ["行政许可", "行政强制"])
        XCTAssertEqual(reports[1].mapping?.implied, [])
    }

    /// openpyxl: a merged title; 当事人 merged across 名称, 类型, 证件号码; the other headers
    /// merged down over both header rows. Cells under a merge are empty in the file.
    func testMergedGroupHeaderInAWorkbook() throws {
        let f = IngestFixture.copying(["grouped-header.xlsx"])
        let report = f.ingest(["grouped-header.xlsx"])[0]
        XCTAssertEqual(report.accepted, 2)
        let sheet = try XCTUnwrap(report.sheets.first)
        XCTAssertEqual(sheet.headerRow, 3)
        XCTAssertEqual(sheet.mapping?.columns.map(\.header), ["案件编号", "执法主体", "执法类别", "当事人名称", "当事人类型", "证件号码", "决定日期"])
        XCTAssertEqual(f.cases.map { f.text($0, "party_type") }, ["自然人", "法人"])
        XCTAssertEqual(f.cases.map { f.value($0, "decision_date")?.date?.description }, ["2024-04-01", "2024-03-07"])
        XCTAssertEqual(f.warnings, [])
    }
}
