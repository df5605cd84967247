import Foundation
import XCTest
@testable import PingchaIngest
import PingchaModel

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
}
