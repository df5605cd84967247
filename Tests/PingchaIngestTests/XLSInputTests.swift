import Foundation
import XCTest
@testable import PingchaIngest
import PingchaModel

/// `.xls` (Excel 97–2003) exports through libfreexl, written by xlwt and by LibreOffice.
final class XLSInputTests: XCTestCase {
    func fixture(_ names: String...) -> IngestFixture { IngestFixture.copying(names) }

    func caseLines(_ f: IngestFixture) -> [String] { f.caseLines }

    func equivalentCSVCases() -> [String] { IngestFixture.equivalentCSVCases().lines }

    func testXlwtWorkbookReadsAsTheEquivalentCSV() {
        let f = fixture("cases-xlwt.xls")
        let r = f.ingest(["cases-xlwt.xls"])[0]
        XCTAssertNil(r.refusal)
        XCTAssertEqual(r.encoding, .xls)
        XCTAssertEqual(r.sheets.map(\.name), ["说明", "案件"])
        XCTAssertEqual(r.sheets.map(\.wasRead), [false, true])
        XCTAssertEqual(caseLines(f), equivalentCSVCases())
        XCTAssertEqual(r.sha256?.count, 64)
    }

    /// LibreOffice's .xls: several sheets, dates in custom formats. FreeXL 1.0.6 does not
    /// report boolean cells (BIFF BOOLERR records), so TRUE/FALSE cells read as empty: the
    /// README says to write 是/否 as text or send .xlsx.
    func testLibreOfficeXLSWithSeveralSheets() {
        let f = fixture("cases-libreoffice.xls")
        let r = f.ingest(["cases-libreoffice.xls"])[0]
        XCTAssertNil(r.refusal)
        XCTAssertEqual(r.sheets.map(\.accepted), [0, 3, 1])
        let withoutPublicity = equivalentCSVCases().map {
            $0.replacingOccurrences(of: #","publicized":true"#, with: "").replacingOccurrences(of: #","publicized":false"#, with: "")
        }
        XCTAssertEqual(caseLines(f), withoutPublicity)
    }

    func testDamagedXLSIsRefusedWithAdvice() {
        let f = IngestFixture()
        f.write("坏的.xls", bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0])
        let r = f.ingest(["坏的.xls"])[0]
        XCTAssertTrue(r.refusal?.message.contains("请在 Excel 或 WPS 中另存为 .xlsx 后再导入") == true, "\(String(describing: r.refusal))")
    }

    /// A CSV that a platform names `.xls` is read as the CSV it is.
    func testCSVNamedXLSIsReadAsText() {
        let f = IngestFixture()
        f.write("导出.xls", "案件编号,执法主体,执法类别\n克市监罚〔2024〕1号,市场监督管理局,行政处罚\n")
        let r = f.ingest(["导出.xls"])[0]
        XCTAssertEqual(r.encoding, .utf8)
        XCTAssertEqual(r.accepted, 1)
    }
}
