import Foundation
import XCTest
@testable import PingchaIngest
import PingchaModel

/// `.xlsx` exports written by other programs (openpyxl, XlsxWriter, LibreOffice; see
/// scripts/fixtures/make-workbooks.py) read as the same cases as the equivalent CSV.
final class WorkbookInputTests: XCTestCase {
    static var fixtures: String { IngestFixture.workbookFixtures }

    func fixture(_ names: String...) -> IngestFixture { IngestFixture.copying(names) }

    func caseLines(_ f: IngestFixture) -> [String] { f.caseLines }

    func equivalentCSVCases() -> [String] {
        let (f, lines) = IngestFixture.equivalentCSVCases()
        XCTAssertEqual(f.cases.count, 4)
        return lines
    }

    func testOpenpyxlWorkbookReadsAsTheEquivalentCSV() {
        let f = fixture("cases-openpyxl.xlsx")
        let reports = f.ingest(["cases-openpyxl.xlsx"])
        XCTAssertNil(reports[0].refusal)
        XCTAssertEqual(caseLines(f), equivalentCSVCases())
        XCTAssertEqual(reports[0].encoding, .xlsx)
        XCTAssertEqual(reports[0].sheets.map(\.name), ["填表说明", "2024年", "2023年"])
        XCTAssertEqual(reports[0].sheets.map(\.wasRead), [false, true, true])
        XCTAssertEqual(reports[0].sheets[0].skipReason,
                       "表头缺少必需的列：case_id（案件编号）、department（执法主体）、enforcement_type（执法类别）")
        XCTAssertEqual(reports[0].sheets.map(\.accepted), [0, 3, 1])
        XCTAssertEqual(reports[0].sha256?.count, 64)
        XCTAssertTrue(reports[0].isBalanced)
        XCTAssertEqual(f.warnings, [])
    }

    /// XlsxWriter: the 1904 date system, inline and rich strings, built-in date formats 14 and
    /// 31, formulas with cached values, booleans, and error cells reported where they are.
    func testXlsxWriterWorkbookIn1904SystemWithErrorCells() {
        let f = fixture("cases-1904.xlsx")
        let reports = f.ingest(["cases-1904.xlsx"])
        XCTAssertNil(reports[0].refusal)
        var expected = equivalentCSVCases()
        expected.append(#"{"case_id":"克市监罚〔2024〕4号","department":"市场监督管理局","enforcement_type":"行政处罚","procedure":"普通程序"}"#)
        XCTAssertEqual(caseLines(f), expected.sorted())
        XCTAssertEqual(f.warnings.map(\.kind), [.cellError, .cellError])
        XCTAssertEqual(f.warnings.map(\.message), [
            "\(f.dir)/cases-1904.xlsx 工作表“案件清单” 第6行 第E列（立案日期）: 单元格是错误值“#N/A”（公式出错或引用失效），按缺失处理",
            "\(f.dir)/cases-1904.xlsx 工作表“案件清单” 第6行 第G列（罚款金额（元））: 单元格是错误值“#DIV/0!”（公式出错或引用失效），按缺失处理",
        ])
        XCTAssertEqual(f.warnings.map(\.field), ["filed_date", "fine_amount"])
    }

    /// openpyxl: 16-digit case numbers in numeric cells are three cases, not one case and two
    /// duplicates (they were rounded to `6.5020320250001e+15`); an ID too long for a number
    /// arrives as the writer wrote it.
    func testLongCaseNumbersInNumericCellsStayApart() {
        let f = fixture("long-numbers.xlsx")
        let reports = f.ingest(["long-numbers.xlsx"])
        XCTAssertNil(reports[0].refusal)
        XCTAssertEqual(f.rejects.count, 0)
        XCTAssertEqual(reports[0].sheets.map(\.accepted), [3])
        let id = f.catalogue.index(of: "case_id")!, party = f.catalogue.index(of: "party_id")!
        XCTAssertEqual(f.cases.map { $0[id]?.text }, ["6502032025000101", "6502032025000102", "6502032025000103"])
        XCTAssertEqual(f.cases[0][party]?.text, "6.5020219560423e+17")
    }

    /// openpyxl: values typed once in cells merged down several cases are every one's value,
    /// as Excel shows them — case 2 and 3 were rejected (no department) and case 2's 是否公示
    /// was missing. The header's own merges (two rows) read as before.
    func testCellsMergedDownTheCasesFillEachRow() {
        let f = fixture("merged-rows.xlsx")
        let reports = f.ingest(["merged-rows.xlsx"])
        XCTAssertNil(reports[0].refusal)
        XCTAssertEqual(f.rejects.map(\.message), [])
        XCTAssertEqual(reports[0].sheets.map(\.headerRow), [1])
        XCTAssertEqual(f.cases.map { [f.text($0, "case_id"), f.text($0, "department"), f.text($0, "enforcement_type"),
                                      f.text($0, "procedure"), f.value($0, "publicized").map { "\($0)" } ?? "-"] },
                       [["克环罚〔2025〕1号", "生态环境局", "行政处罚", "普通程序", "bool(true)"],
                        ["克环罚〔2025〕2号", "生态环境局", "行政处罚", "简易程序", "bool(true)"],
                        ["克环罚〔2025〕3号", "生态环境局", "行政处罚", "普通程序", "bool(false)"],
                        ["克环罚〔2025〕4号", "水利局", "行政处罚", "普通程序", "-"]])
        XCTAssertTrue(reports[0].isBalanced)
    }

    /// openpyxl: the cases of a sheet hidden from the tabs are read, and the reader is told
    /// (old data put aside there came in unannounced).
    func testAHiddenSheetIsReadAndSaid() {
        let f = fixture("hidden-sheet.xlsx")
        let reports = f.ingest(["hidden-sheet.xlsx"])
        XCTAssertEqual(reports[0].sheets.map { "\($0.name) \($0.hidden) \($0.accepted)" }, ["案件 false 1", "旧数据 true 1"])
        XCTAssertEqual(f.warnings.filter { $0.kind == .hiddenSheet }.map(\.message), [
            "\(f.dir)/hidden-sheet.xlsx 工作表“旧数据”: 是隐藏的工作表，其中 1 件案件已读入；不应计入的，请删除该工作表或用 --sheet 指定要读的工作表",
        ])
        XCTAssertTrue(reports[0].isBalanced)
    }

    /// LibreOffice Calc's own styles and cached results; a rejected row names its sheet.
    func testLibreOfficeWorkbookRejectsNameTheSheet() {
        let f = fixture("cases-libreoffice.xlsx")
        let reports = f.ingest(["cases-libreoffice.xlsx"])
        XCTAssertNil(reports[0].refusal)
        XCTAssertEqual(Array(caseLines(f).filter { !$0.contains("5号") }), equivalentCSVCases())
        XCTAssertEqual(f.rejects.count, 1)
        XCTAssertEqual(f.rejects[0].sheet, "2024年")
        XCTAssertEqual(f.rejects[0].line, 6)
        XCTAssertEqual(f.rejects[0].position, "工作表“2024年” 第6行")
        XCTAssertEqual(f.rejects[0].message, "工作表“2024年”：缺少必填字段 department（执法主体）")
        XCTAssertEqual(f.warnings.map(\.raw), ["#DIV/0!"])
        XCTAssertEqual(reports[0].rows, 6)
        XCTAssertTrue(reports[0].isBalanced)
    }

    func testSheetOptionChoosesOneSheet() {
        let f = fixture("cases-openpyxl.xlsx")
        var options = IngestOptions()
        options.sheet = "2023年"
        let reports = f.ingest(["cases-openpyxl.xlsx"], options: options)
        XCTAssertEqual(reports[0].sheets.map(\.name), ["2023年"])
        XCTAssertEqual(f.cases.count, 1)
    }

    func testUnknownSheetIsRefusedNamingTheSheetsThereAre() {
        let f = fixture("cases-openpyxl.xlsx")
        var options = IngestOptions()
        options.sheet = "2022年"
        let reports = f.ingest(["cases-openpyxl.xlsx"], options: options)
        XCTAssertEqual(reports[0].refusal?.message,
                       "\(f.dir)/cases-openpyxl.xlsx: 工作簿中没有名为“2022年”的工作表（现有：“填表说明”、“2024年”、“2023年”）；请检查 --sheet")
    }

    func testWorkbookWithoutCaseSheetIsRefusedWithEverySheetsReason() {
        let f = fixture("cases-openpyxl.xlsx")
        var options = IngestOptions()
        options.sheet = "填表说明"
        let reports = f.ingest(["cases-openpyxl.xlsx"], options: options)
        guard case .noCaseSheet(_, let skipped)? = reports[0].refusal else { return XCTFail("\(reports[0])") }
        XCTAssertEqual(skipped.map(\.name), ["填表说明"])
        XCTAssertEqual(f.cases.count, 0)
    }

    /// A folder holds CSV and workbook exports side by side; Excel's lock file is not one.
    func testFolderListsWorkbooksBesideCSVAndLeavesLockFilesOut() throws {
        let f = fixture("cases-openpyxl.xlsx", "cases-equivalent.csv")
        f.write("~$cases-openpyxl.xlsx", bytes: [0x00, 0x01])
        f.write("说明.docx", bytes: [0x50, 0x4B, 0x03, 0x04])
        let files = try InputFiles.expand([f.dir])
        XCTAssertEqual(files.map { ($0 as NSString).lastPathComponent }, ["cases-equivalent.csv", "cases-openpyxl.xlsx"])
    }

    /// The same case in a CSV and a workbook of one batch is a duplicate, named with its sheet.
    func testDuplicateAcrossFilesNamesTheSheetOfTheFirst() {
        let f = fixture("cases-openpyxl.xlsx", "cases-equivalent.csv")
        f.ingest(["cases-openpyxl.xlsx", "cases-equivalent.csv"])
        XCTAssertEqual(f.cases.count, 4)
        XCTAssertEqual(f.rejects.count, 4)
        XCTAssertEqual(f.rejects.first?.reasonText,
                       "与 \(f.dir)/cases-openpyxl.xlsx 工作表“2024年” 第2行重复：执法主体“市场监督管理局”的案件编号“克市监罚〔2024〕1号”已出现过")
    }

    func testFilesThatAreNoExportAreRefusedWithWhatToDo() {
        let f = IngestFixture()
        f.write("通报.docx", bytes: [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0])
        f.write("扫描件.pdf", bytes: Array("%PDF-1.7\n".utf8))
        f.write("坏的.xlsx", bytes: [0x50, 0x4B, 0x03, 0x04, 1, 2, 3])
        let reports = f.ingest(["通报.docx", "扫描件.pdf", "坏的.xlsx"])
        XCTAssertEqual(reports.map { $0.refusal?.message ?? "" }, [
            "\(f.dir)/通报.docx: 这是 Word 文档（.docx），不是案件清单；请导出为 Excel 或 CSV 文件",
            "\(f.dir)/扫描件.pdf: 这是 PDF 文件，无法读取其中的表格；请向执法部门索取 Excel 或 CSV 格式的导出文件",
            "\(f.dir)/坏的.xlsx: 无法读取：不是有效的 .xlsx 工作簿（zip 结构损坏）；请在 Excel 或 WPS 中打开后重新另存为 .xlsx",
        ])
    }
}

extension WorkbookInputTests {
    /// Files people put beside the exports are named with what to do, not read.
    func testOtherFilesInAFolderAreNamedWithAdvice() {
        let f = IngestFixture()
        f.write("a.csv", "案件编号,执法主体,执法类别\n")
        f.write("通报.docx", bytes: [0x50, 0x4B])
        f.write("扫描件.PDF", bytes: [0x25])
        f.write("~$锁.docx", bytes: [0])
        let others = InputFiles.others(in: [f.dir])
        XCTAssertEqual(others.map { ($0.path as NSString).lastPathComponent }, ["扫描件.PDF", "通报.docx"])
        XCTAssertEqual(others.last?.advice, "Word 文档，不是案件清单，已跳过")
    }
}
