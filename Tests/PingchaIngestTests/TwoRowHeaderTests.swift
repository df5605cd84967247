import Foundation
import XCTest
@testable import PingchaIngest
import PingchaModel
import PingchaCatalogue

/// Two-row headers: a group row with merged cells over a row of sub-headers. Cells merged
/// down over both rows keep their text in the upper row; a group merged across keeps it in
/// its first column.
final class TwoRowHeaderTests: XCTestCase {
    func testGroupRowOverSubHeadersInACSV() {
        let f = IngestFixture()
        f.write("a.csv", """
            案件编号,执法主体,执法类别,当事人,,,决定日期
            ,,,名称,类型,证件号码,
            克市监罚〔2024〕1号,市场监督管理局,行政处罚,张三,自然人,650203199001011234,2024-04-01

            """)
        let r = f.ingest(["a.csv"])[0]
        XCTAssertNil(r.refusal)
        XCTAssertEqual(r.headerLine, 2)
        XCTAssertEqual(r.accepted, 1, "\(f.rejects)")
        let c = f.cases[0]
        XCTAssertEqual(f.text(c, "case_id"), "克市监罚〔2024〕1号")
        XCTAssertEqual(f.text(c, "party_type"), "自然人")
        XCTAssertEqual(f.text(c, "party_id"), "650203199001011234")
        XCTAssertNotNil(f.value(c, "decision_date"))
        XCTAssertEqual(r.mapping?.columns.map(\.header),
                       ["案件编号", "执法主体", "执法类别", "当事人名称", "当事人类型", "证件号码", "决定日期"])
    }

    /// An ordinary one-row header is read as before, whatever stands above it.
    func testOneRowHeaderUnderATitleIsUnchanged() {
        let f = IngestFixture()
        f.write("a.csv", "当事人信息台账,,\n案件编号,执法主体,执法类别\n1,交通运输局,行政处罚\n")
        let r = f.ingest(["a.csv"])[0]
        XCTAssertEqual(r.mapping?.columns.map(\.header), ["案件编号", "执法主体", "执法类别"])
        XCTAssertEqual(r.accepted, 1)
    }

    /// 复议 merged over 申请日期 and 决定日期 (D1:E1), then the case's own 决定日期 under an empty
    /// cell that no merge covers (F1), in a workbook written by openpyxl: E1 and F1 are both
    /// absent from the sheet's cells, and only the merged ranges, which stand after the cells,
    /// tell them apart.
    func testMergedRangesSayWhichColumnsAGroupSpans() throws {
        let f = IngestFixture.copying(["merged-groups.xlsx"])
        let report = f.ingest(["merged-groups.xlsx"])[0]
        XCTAssertNil(report.refusal)
        XCTAssertEqual(report.accepted, 2)
        let sheet = try XCTUnwrap(report.sheets.first)
        XCTAssertEqual(sheet.headerRow, 2)
        XCTAssertEqual(sheet.mapping?.columns.map(\.header),
                       ["案件编号", "执法主体", "执法类别", "复议申请日期", "复议决定日期", "决定日期", "罚款金额（元）"])
        XCTAssertEqual(f.cases.map { f.value($0, "decision_date")?.date?.description }, ["2024-04-01", "2024-03-07"])
        XCTAssertEqual(f.cases.map { f.value($0, "reconsideration_filed_date")?.date?.description }, ["2024-05-06", nil])
        XCTAssertEqual(f.cases.map { f.value($0, "reconsideration_closed_date")?.date?.description }, ["2024-07-01", nil])
        XCTAssertEqual(f.warnings, [])
    }

    /// The same layout as a CSV has no merged ranges: the group's text carries over the empty
    /// cells after it, and the case's 决定日期 reads as a second 复议决定日期 (what a CSV cannot
    /// tell; a workbook can).
    func testWithoutMergedRangesAGroupCarriesOverEmptyCells() {
        let f = IngestFixture()
        f.write("a.csv", """
            案件编号,执法主体,执法类别,复议,,,罚款金额（元）
            ,,,申请日期,决定日期,决定日期,
            克市监罚〔2024〕1号,市场监督管理局,行政处罚,2024-05-06,2024-07-01,2024-04-01,5000

            """)
        let r = f.ingest(["a.csv"])[0]
        XCTAssertEqual(r.mapping?.columns.map(\.header),
                       ["案件编号", "执法主体", "执法类别", "复议申请日期", "复议决定日期", "复议决定日期", "罚款金额（元）"])
        XCTAssertNil(f.value(f.cases[0], "decision_date"))
    }

    /// The ranges a sheet merges within one row, read from after its cells; ranges over two
    /// rows (headers merged down) are not groups.
    func testMergedRangesAreReadFromAfterTheCells() throws {
        let path = IngestFixture.workbookFixtures + "/merged-groups.xlsx"
        let merges = SheetMerges.acrossRows(SheetMerges.ranges(path: path, part: "xl/worksheets/sheet1.xml"))
        XCTAssertEqual(merges.map { "\($0.row):\($0.columns)" }, ["1:4...5"])
        let grouped = SheetMerges.acrossRows(SheetMerges.ranges(path: IngestFixture.workbookFixtures + "/grouped-header.xlsx",
                                                                part: "xl/worksheets/sheet1.xml"))
        XCTAssertEqual(grouped.map { "\($0.row):\($0.columns)" }, ["2:4...6", "1:1...7"])
        for (ref, expected) in [("ref=\"$D$1:E1\"", "1 1 4 5"), ("ref='B3'", "3 3 2 2"), ("ref=\"E2:C1\"", "1 2 3 5"), ("ref=\"1:2\"", "nil"), ("x=\"A1\"", "nil")] {
            let found = Array(ref.utf8).withUnsafeBufferPointer(SheetMerges.reference(in:))
            XCTAssertEqual(found.map { "\($0.firstRow) \($0.lastRow) \($0.firstColumn) \($0.lastColumn)" } ?? "nil", expected, ref)
        }
    }

    /// The merged ranges cost a second pass over the sheet: they are read only where carrying
    /// a group's text would join it with a sub-header into a name that maps, never for a title
    /// row over the header.
    func testMergedRangesAreAskedForOnlyWhereCarryingJoinsNames() {
        let mapper = HeaderMapper(catalogue: FieldCatalogue.builtIn())
        func needs(_ upper: [String], _ lower: [String], spans: [ClosedRange<Int>]? = nil) -> Bool {
            let bytes = Array(lower.joined().utf8)
            var ends: [Int] = []
            var end = 0
            for cell in lower { end += cell.utf8.count; ends.append(end) }
            return bytes.withUnsafeBufferPointer { b in
                ends.withUnsafeBufferPointer { e in
                    mapper.carryJoinsNames(group: GroupRow(cells: upper, spans: spans),
                                           below: RecordView(startLine: 2, endLine: 2, bytes: b.baseAddress!, ends: e))
                }
            }
        }
        XCTAssertTrue(needs(["案件编号", "复议", "", ""], ["", "申请日期", "决定日期", "决定日期"]))
        XCTAssertFalse(needs(["案件编号", "复议", "", ""], ["", "申请日期", "决定日期", "决定日期"], spans: [2...3]), "already read")
        XCTAssertFalse(needs(["克拉玛依市2024年度行政执法案件信息台账", "", ""], ["案件编号", "执法主体", "执法类别"]))
        XCTAssertTrue(needs(["案件编号", "当事人", "", ""], ["", "名称", "类型", ""]), "当事人类型 maps: does 当事人 span 类型?")
        XCTAssertFalse(needs(["案件编号", "当事人", "", ""], ["", "名称", "", "类型"]), "an empty sub-header ends the carry")
    }
}
