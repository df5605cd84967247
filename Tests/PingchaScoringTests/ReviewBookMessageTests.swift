import Foundation
import XCTest
import PingchaModel
import PingchaRubric
import PingchaIngest
@testable import PingchaScoring
import PingchaTestSupport
import PingchaCatalogue

/// Every message of checking reviewers' scoresheets against the rubrics and the batch
/// (评查表汇总, ``ReviewBook``), each at the cell it is about: `file:line:col` of a CSV read by
/// ``ScoresheetReader``, as `run --scoresheet` reads it.
final class ReviewBookMessageTests: XCTestCase {
    static let rubric = """
        id: demo
        version: "1"
        title: 示例
        total: 10
        applies_when: enforcement_type == "行政处罚"
        grades:
          - { name: 合格, min: 6 }
          - { name: 不合格, min: 0 }
        categories:
          - id: procedure
            title: 程序
            points: 10
            rules:
              - id: PRO-01
                title: 九十日内作出决定
                check: decision_date <= add_days(filed_date, 90)
                deduct: 3
              - { id: EVD-02, title: 证据充分, manual: true, deduct: 5 }
        """
    static let other = """
        id: other
        version: "1"
        title: 另一个
        total: 2
        applies_when: enforcement_type == "行政许可"
        grades: [{ name: 合格, min: 0 }]
        categories:
          - id: c
            title: 许可
            points: 2
            rules:
              - { id: LIC-01, title: 受理, manual: true, deduct: 2 }
        """

    /// The cases of the batch, as run meets them: (case_id, department, rubric index or nil).
    static let cases: [(String, String, Int?)] = [("H-1", "测试局", 0), ("H-2", "测试局", 0), ("H-2", "另一局", 0), ("U-1", "测试局", nil)]

    /// (what is wrong, the scoresheet rows under the header, the exact messages with `F` for the file).
    static let table: [(String, String, [String])] = [
        ("good rows", "H-1,,EVD-02,fail,5\nH-2,测试局,PRO-01,pass,\nH-2,另一局,PRO-01,pass,\n", []),
        ("unknown rule, suggestion", "H-1,,EVD-20,pass,\n", ["F:2:3: 没有编号为 EVD-20 的细则，是否为 EVD-02？"]),
        ("unknown case", "H-9,,EVD-02,pass,\n", ["F:2:1: 批次中没有案件 H-9"]),
        ("unknown case in a department", "H-1,另一局,EVD-02,pass,\n", ["F:2:1: 批次中没有案件 H-1（执法主体：另一局）"]),
        ("deduct above the maximum", "H-1,,EVD-02,fail,6\n", ["F:2:5: 扣分 6 超过细则 EVD-02 的最高扣分 5"]),
        ("a rule of another rubric", "H-1,,LIC-01,pass,\n", ["F:2:3: 细则 LIC-01 不属于案件 H-1 所用的评查标准 demo"]),
        ("a case no rubric covers", "U-1,,EVD-02,pass,\n", ["F:2:1: 案件 U-1 没有适用的评查标准，不能评查细则 EVD-02"]),
        ("a case id of two departments", "H-2,,PRO-01,pass,\n", ["F:2:1: 案件编号 H-2 在多个执法主体中都有，请填写 department（执法主体）列"]),
        ("one sheet, two verdicts on one rule", "H-1,,EVD-02,fail,5\nH-1,,EVD-02,pass,\nH-1,,EVD-02,fail,3\n",
         ["F:3:4: 同一评查表对案件 H-1 的细则 EVD-02 已在第2行作出不同的结论；请只保留一个"]),
        ("in line order", "H-9,,EVD-02,pass,\nH-1,,EVD-20,pass,\nH-1,,EVD-02,fail,9\n",
         ["F:2:1: 批次中没有案件 H-9", "F:3:3: 没有编号为 EVD-20 的细则，是否为 EVD-02？", "F:4:5: 扣分 9 超过细则 EVD-02 的最高扣分 5"]),
    ]

    func scorer(in folder: TemporaryFolder) throws -> Scorer {
        try Self.rubric.write(toFile: folder.file("demo.yaml"), atomically: true, encoding: .utf8)
        try Self.other.write(toFile: folder.file("other.yaml"), atomically: true, encoding: .utf8)
        let set = try RubricLoader(catalogue: .builtIn(), calendar: .builtIn()).loadChecked(paths: [folder.path])
        XCTAssertEqual(set.rubrics.map(\.id), ["demo", "other"])
        return Scorer(set)
    }

    func testEveryReviewBookMessageAtItsCell() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scorer = try scorer(in: folder)
        for (i, (what, rows, expected)) in Self.table.enumerated() {
            let path = folder.file("s\(i).csv")
            try ("case_id,department,rule,outcome,deduct\n" + rows).write(toFile: path, atomically: true, encoding: .utf8)
            let (read, readErrors) = try ScoresheetReader.read(path: path)
            XCTAssertEqual(readErrors, [], what)
            let book = ReviewBook(rows: read, scorer: scorer)
            for (caseId, department, rubric) in Self.cases { _ = book.decisions(caseId: caseId, department: department, rubric: rubric) }
            book.finish()
            XCTAssertEqual(book.errors.map { $0.message.replacingOccurrences(of: path, with: "F") }, expected, what)
        }
    }

    /// A reviewer's workbook (made by openpyxl): the sheet, the row Excel shows and the column letter.
    func testAWorkbookRowIsToldAtItsSheetRowAndColumn() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scorer = try scorer(in: folder)
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path
            + "/PingchaIngestTests/Fixtures/scoresheet.xlsx"
        let (rows, _) = try ScoresheetReader.read(path: path)
        let book = ReviewBook(rows: rows, scorer: scorer)
        _ = book.decisions(caseId: "克市监罚〔2024〕2号", department: "市场监督管理局", rubric: 1)
        book.finish()
        XCTAssertEqual(book.errors.map { $0.message.replacingOccurrences(of: path, with: "F") }, [
            "F 工作表“评查表” 第2行 第A列: 批次中没有案件 克市监罚〔2024〕1号（执法主体：市场监督管理局）",
            "F 工作表“评查表” 第3行 第C列: 细则 PRO-01 不属于案件 克市监罚〔2024〕2号 所用的评查标准 other",
        ])
    }
}
