import Foundation
import XCTest
@testable import PingchaIngest
import PingchaModel

/// Scoresheets kept in Excel read exactly as CSV ones: same columns, same checks, errors
/// naming the sheet, row and column.
final class ScoresheetWorkbookTests: XCTestCase {
    func testScoresheetWorkbookReadsItsScoresheetSheet() throws {
        let path = WorkbookInputTests.fixtures + "/scoresheet.xlsx"
        let (rows, errors) = try ScoresheetReader.read(path: path)
        XCTAssertEqual(rows.map(\.caseId), ["克市监罚〔2024〕1号", "克市监罚〔2024〕2号"])
        XCTAssertEqual(rows.map(\.rule), ["EVD-02", "PRO-01"])
        XCTAssertEqual(rows.map(\.verdict), [.fail, .pass])
        XCTAssertEqual(rows[0].deduct, DecimalNumber(2))
        XCTAssertEqual(rows[0].reviewer, "王五")
        XCTAssertEqual(rows[0].note, "缺少现场照片")
        XCTAssertEqual(rows.map(\.line), [2, 3])
        XCTAssertEqual(errors.map(\.message),
                       ["\(path) 工作表“评查表” 第5行 第E列: 结论“待定”无效，应为 pass/fail/na 或 符合/不符合/不适用"])
    }

    func testWorkbookWithoutScoresheetColumnsIsAnError() throws {
        let path = WorkbookInputTests.fixtures + "/cases-openpyxl.xlsx"
        let (rows, errors) = try ScoresheetReader.read(path: path)
        XCTAssertEqual(rows, [])
        XCTAssertEqual(errors.map(\.message), ["\(path): 工作簿中没有评查表工作表（表头须包含案件编号、细则、结论）"])
    }

    func testCSVScoresheetStillNamesLineAndColumn() throws {
        let f = IngestFixture()
        let path = f.write("s.csv", "案件编号,细则,结论\n1,EVD-02,可能\n")
        let (_, errors) = try ScoresheetReader.read(path: path)
        XCTAssertEqual(errors.map(\.message), ["\(path):2:3: 结论“可能”无效，应为 pass/fail/na 或 符合/不符合/不适用"])
    }
}
