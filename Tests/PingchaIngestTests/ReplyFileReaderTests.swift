import Foundation
import XCTest
@testable import PingchaIngest
import PingchaModel

/// Reply files (整改回复登记表) as CSV and as a workbook openpyxl wrote
/// (scripts/fixtures/make-followup-replies.py): what is read, and every refused cell with its
/// exact message and position.
final class ReplyFileReaderTests: XCTestCase {
    func d(_ y: Int, _ m: Int, _ day: Int) -> CivilDate { CivilDate(year: y, month: m, day: day)! }

    func testAWorkbookIsReadWithSheetRowAndColumn() throws {
        let path = IngestFixture.workbookFixtures + "/followup-replies.xlsx"
        let (rows, errors, sha) = try ReplyFileReader.read(path: path)
        XCTAssertEqual(sha.count, 64)
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[0].department, "公安局")
        XCTAssertNil(rows[0].caseId)
        XCTAssertEqual(rows[0].event, .served)
        XCTAssertEqual(rows[0].document, .notice)
        XCTAssertEqual(rows[0].date, d(2024, 9, 27))
        XCTAssertEqual(rows[0].number, "克司监通〔2024〕3号")
        XCTAssertEqual(rows[0].location, SourceLocation(file: path, line: 2, sheet: "整改回复"))
        XCTAssertEqual(rows[1].event, .reexamDecided)
        XCTAssertEqual(rows[1].outcome, .upheld)
        XCTAssertEqual(rows[1].date, d(2024, 10, 10))
        XCTAssertEqual(rows[1].rule, "PRO-10")
        XCTAssertEqual(rows[1].note, "经复查维持")
        XCTAssertEqual(rows[1].at("date").description, "\(path) 工作表“整改回复” 第4行 第F列")
        XCTAssertEqual(errors.map(\.message), [
            "\(path) 工作表“整改回复” 第3行 第D列: 事项“已收到”无效，应为 \(FollowupEvent.spellings)",
            "\(path) 工作表“整改回复” 第5行 第F列: 日期“2024-13-01”无效，应为如 2025-03-20 的日期",
            "\(path) 工作表“整改回复” 第7行 第C列: 写了细则但没有案件编号：细则须对应一件案卷",
        ])
    }

    func testACSVWithEnglishHeadersAndEveryMissingCell() throws {
        let f = IngestFixture()
        let path = f.dir + "/replies.csv"
        try """
            department,case_id,rule,event,document,date,number,note
            水利局,水罚〔2024〕1号,,申请复查,,2024/10/8,,对认定有异议
            ,水罚〔2024〕1号,,答复,,2024-10-08,,
            水利局,,,,,2024-10-08,,
            水利局,,,送达,告知书,,,
            水利局,,,复查决定(撤销),,20241020,,
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let (rows, errors, _) = try ReplyFileReader.read(path: path)
        XCTAssertEqual(rows.map(\.event), [.reexamApplied, .reexamDecided])
        XCTAssertEqual(rows[1].outcome, .revoked)
        XCTAssertEqual(rows[1].date, d(2024, 10, 20))
        XCTAssertEqual(rows[0].note, "对认定有异议")
        XCTAssertEqual(errors.map(\.message), [
            "\(path):3:1: 缺少执法主体",
            "\(path):4:4: 缺少事项（\(FollowupEvent.spellings)）",
            "\(path):5:6: 缺少日期",
            "\(path):5:5: 文书“告知书”无效，应为 通知书、意见书 或 决定书",
        ])
    }

    func testAFileWithoutTheColumnsIsRefusedAtItsHeader() throws {
        let f = IngestFixture()
        let path = f.dir + "/x.csv"
        try "案件编号,结论\nA,符合\n".write(toFile: path, atomically: true, encoding: .utf8)
        let (rows, errors, _) = try ReplyFileReader.read(path: path)
        XCTAssertEqual(rows, [])
        XCTAssertEqual(errors.map(\.message), ["\(path):1: 整改回复登记表缺少必需的列：department（执法主体）、event（事项）、date（日期）"])
    }

    func testEventSpellings() {
        XCTAssertEqual(FollowupEvent.parse("复查决定（变更）")?.1, .changed)
        XCTAssertEqual(FollowupEvent.parse("复查决定：维持")?.1, .upheld)
        XCTAssertNil(FollowupEvent.parse("复查决定"))
        XCTAssertNil(FollowupEvent.parse("复查决定（驳回）"))
        XCTAssertEqual(FollowupEvent.parse(" 部分整改 ")?.0, .partlyCorrected)
        XCTAssertEqual(FollowupDocumentKind.parse("《行政执法监督意见书》"), .opinion)
        XCTAssertEqual(FollowupDocumentKind.parse("决定书"), .decision)
        XCTAssertEqual(FollowupDocumentKind.parse("notice"), .notice)
    }
}
