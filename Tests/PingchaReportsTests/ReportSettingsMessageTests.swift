import Foundation
import PingchaDocuments
import PingchaModel
import XCTest
@testable import PingchaReports

/// Every message of the report settings (`reports/templates/settings.yaml`) and of the
/// templates (`*.md.mustache`, `--templates DIR`), each with its exact position.
final class ReportSettingsMessageTests: XCTestCase {
    /// (what is wrong, settings.yaml, the exact message).
    static let settings: [(String, String, String)] = [
        ("not a mapping", "- organisation\n", "settings.yaml:1:1: 报告设置（settings.yaml） 应为键值映射"),
        ("unknown key", "organization: 某局\n", "settings.yaml:1:1: 未知的键 organization，是否为 organisation？"),
        ("a key twice", "organisation: 某局\norganisation: 某局\n", "settings.yaml:1:1: YAML 语法错误：键 organisation 重复（同一层只能写一次，此处是第一次出现）"),
        ("organisation empty", "organisation: \"\"\n", "settings.yaml:1:15: organisation（发文机关）不能为空"),
        ("a list for one line", "recipients: [甲局, 乙局]\n", "settings.yaml:1:13: recipients 应为一行文字（单个值）"),
        ("document_number placeholder", "document_number: 克司通〔{year}〕{no}号\n",
         "settings.yaml:1:18: document_number 中只能用 {year}（成文日期的年份）和 {number}（顺序号）两个占位符：克司通〔{year}〕{no}号"),
        ("notice_number placeholder", "notice_number: \"{number\"\n",
         "settings.yaml:1:16: notice_number 中只能用 {year}（成文日期的年份）和 {number}（顺序号）两个占位符：{number"),
        ("document_number_seq zero", "document_number_seq: 0\n",
         "settings.yaml:1:22: document_number_seq 应为正整数（发文字号中的顺序号，不编虚位、不加“第”），而不是「0」"),
        ("printed_on", "printed_on: 2025-13-01\n", "settings.yaml:1:13: printed_on 应为 YYYY-MM-DD 格式的日期，而不是「2025-13-01」"),
        ("date", "date: 2025/12/05\n", "settings.yaml:1:7: date 应为 YYYY-MM-DD 格式的日期，而不是「2025/12/05」"),
        ("list_limit", "list_limit: -1\n", "settings.yaml:1:13: list_limit 应为不小于 0 的整数"),
        ("notice_case_limit", "notice_case_limit: 十\n", "settings.yaml:1:20: notice_case_limit 应为不小于 0 的整数（0 表示全部列出）"),
        ("xlsx_detail_limit", "xlsx_detail_limit: 1.5\n", "settings.yaml:1:20: xlsx_detail_limit 应为不小于 0 的整数（0 表示不限行数）"),
        ("name_masking", "name_masking: 全部\n", "settings.yaml:1:15: name_masking 应为 surname（姓+某）或 none（保留全名），而不是「全部」"),
        ("mask_all", "mask_all: 部分\n", "settings.yaml:1:11: mask_all 应为 true 或 false"),
        ("copy_to item", "copy_to: [[甲局]]\n", "settings.yaml:1:11: copy_to 应为文本列表"),
        ("review_method", "review_method: 随机\n", "settings.yaml:1:16: review_method 应为 全部评查 或 抽样评查，而不是「随机」"),
        ("review_steps", "review_steps: { 一: 自查 }\n", "settings.yaml:1:15: review_steps 应为列表"),
        ("typical_cases not a list", "typical_cases: { case: 1 }\n",
         "settings.yaml:1:16: typical_cases 应为列表（每项为一段文字，或 { department: 部门, case: 案号, note: 说明 }）"),
        ("typical case without case", "typical_cases:\n  - { department: 某局, note: 说明 }\n", "settings.yaml:2:5: 典型案例（typical_cases）缺少必填的键 case"),
        ("typical case unknown key", "typical_cases:\n  - { case: 1号, dept: 某局 }\n", "settings.yaml:2:17: 未知的键 dept（可用的键：department、case、note）"),
        ("typical case empty", "typical_cases:\n  - { case: \" \" }\n", "settings.yaml:2:5: typical_cases 的 case（案号）不能为空"),
    ]

    func testEverySettingsMessageWithItsPosition() {
        for (what, yaml, expected) in Self.settings {
            XCTAssertThrowsError(try ReportSettings.parse(yaml: yaml, path: "settings.yaml"), what) { error in
                XCTAssertEqual((error as? PingchaError)?.message, expected, what)
            }
        }
    }

    /// (what is wrong, notice.md.mustache, the exact message after the folder `T/`).
    static let templates: [(String, String, String)] = [
        // Unclosed tags and sections are named where they were opened, not where the file ends.
        ("a tag not closed", "# 通知\n\n正文{{caseId\n更多\n", "T/notice.md.mustache:3:3: 模板语法错误（标签未闭合：“{{”之后缺少“}}”）：{{caseId"),
        ("a section not closed", "# 通知\n\n{{#cases}}\n{{caseId}}\n\n结尾\n", "T/notice.md.mustache:3:1: 模板语法错误（区块 {{#cases}} 缺少结束标签 {{/cases}}）：{{#cases}}"),
        ("an inner section not closed", "# 通知\n{{#a}}\n  {{^ b }}\n{{x}}\n{{/a}}\n", "T/notice.md.mustache:5:4: 模板语法错误（结束标签与开始的区块名不一致）：{{/a}}"),
        ("a tag broken over two lines", "# 通知\n{{! 说明\n  两行 }}\n{{case\nId}}\n", "T/notice.md.mustache:4:1: 模板语法错误（标签未闭合：“{{”之后缺少“}}”）：{{case"),
        ("the inner of two open", "# 通知\n{{#a}}{{{raw}}}\n  {{^ b }}\n{{x}}\n", "T/notice.md.mustache:3:3: 模板语法错误（区块 {{#b}} 缺少结束标签 {{/b}}）：{{^ b }}"),
        ("a section closed by another name", "# 通知\n\n{{#cases}}\n{{caseId}}\n{{/case}}\n", "T/notice.md.mustache:5:4: 模板语法错误（结束标签与开始的区块名不一致）：{{/case}}"),
        ("the same on the first line", "{{#cases}}{{/case}}\n", "T/notice.md.mustache:1:14: 模板语法错误（结束标签与开始的区块名不一致）：{{#cases}}{{/case}}"),
        ("a delimiter", "# 通知\n{{=<% =}}\n", "T/notice.md.mustache:2:10: 模板语法错误（分隔符设置有误）：{{=<% =}}"),
        ("a setting", "# 通知\n{{% NOSUCH }}\n", "T/notice.md.mustache:2:12: 模板语法错误（无法识别的 {{% … }} 设置）：{{% NOSUCH }}"),
    ]

    func testEveryTemplateMessageWithItsPosition() throws {
        let folder = NSTemporaryDirectory() + "pingcha-template-messages-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (what, text, expected) in Self.templates {
            try text.write(toFile: folder + "/notice.md.mustache", atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try ReportTemplates.load(directory: folder), what) { error in
                XCTAssertEqual((error as? PingchaError)?.message.replacingOccurrences(of: folder, with: "T"), expected, what)
            }
        }
        // A template that is not UTF-8, and a file where the folder belongs.
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/notice.md.mustache", contents: Data([0x23, 0x20, 0xFF, 0x0A])))
        XCTAssertThrowsError(try ReportTemplates.load(directory: folder)) { error in
            XCTAssertEqual((error as? PingchaError)?.message.replacingOccurrences(of: folder, with: "T"), "T/notice.md.mustache: 无法读取：无法以 UTF-8 读取模板")
        }
        XCTAssertThrowsError(try ReportTemplates.load(directory: folder + "/notice.md.mustache")) { error in
            XCTAssertEqual((error as? PingchaError)?.message.replacingOccurrences(of: folder, with: "T"),
                           "T/notice.md.mustache: 无法读取：这是一个文件，--templates 需要的是模板文件夹")
        }
        // settings.yaml of the folder: its own path in the message.
        try FileManager.default.removeItem(atPath: folder + "/notice.md.mustache")
        try "list_limit: 多\n".write(toFile: folder + "/settings.yaml", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ReportTemplates.load(directory: folder)) { error in
            XCTAssertEqual((error as? PingchaError)?.message.replacingOccurrences(of: folder, with: "T"), "T/settings.yaml:1:13: list_limit 应为不小于 0 的整数")
        }
    }

    /// What the template renders is read as Markdown: its mistakes name the template and the line.
    static let documents: [(String, String, String)] = [
        ("no title", "正文\n", "T/notice.md.mustache:1: 缺少以 # 开头的标题行"),
        ("front matter not closed", "---\ntitle: x\n", "T/notice.md.mustache:1: front matter 以 --- 开始但没有结束的 ---"),
        ("front matter key", "---\nsubtitle: x\n---\n# 通知\n", "T/notice.md.mustache:2: front matter 中未知的键「subtitle」；可用：issuer、document-number、recipients、signature、date、copy-to、printed-by、printed-on"),
        ("front matter line", "---\n标题\n---\n# 通知\n", "T/notice.md.mustache:2: front matter 每行应为「键: 值」：标题"),
        ("a comment not closed", "# 通知\n\n<!-- page-break\n", "T/notice.md.mustache:3: 注释 <!-- 须在同一行以 --> 结束"),
        ("an unknown chart", "# 通知\n\n<!-- chart: nosuch -->\n", "T/notice.md.mustache:3: 没有名为「nosuch」的图表；这份文书没有可放的图表"),
        ("a caption without a table", "# 通知\n\nTable: 表1\n\n正文\n", "T/notice.md.mustache:3: 「Table:」标题之后没有表格"),
        ("a table without its rule", "# 通知\n\n| a | b |\n| c | d |\n", "T/notice.md.mustache:4: 表格第二行应为对齐行，如 |---|---:|"),
        ("an attachment without a name", "# 通知\n\n# 附件：\n", "T/notice.md.mustache:3: 附件须有名称，如「# 附件：问题清单」"),
    ]

    /// The line is the template's, not the rendered text's: sections that repeat, vanish or
    /// print values with line breaks above the mistake do not move it (each case's rendered
    /// line differs from its template line: 6, 6, 5, 9).
    nonisolated(unsafe) static let documentsWithSections: [(String, String, [String: Any], String)] = [
        ("a loop and a comment above", "# 通知\n{{! 说明 }}\n{{#items}}\n{{.}}段。\n{{/items}}\n\nTable: 表1\n\n正文\n",
         ["items": ["甲", "乙", "丙"]], "T/notice.md.mustache:7: 「Table:」标题之后没有表格"),
        ("the mistake inside a loop", "# 通知\n{{#rows}}\n{{.}}段\n{{/rows}}\n\n{{#rows}}\n| {{.}} |\n{{/rows}}\n", ["rows": ["x", "y"]],
         "T/notice.md.mustache:7: 表格第二行应为对齐行，如 |---|---:|"),
        ("a vanished section and a value on two lines", "# 通知\n{{^flag}}\n不显示\n{{/flag}}\n{{text}}\n\n<!-- chart: nosuch -->\n",
         ["flag": true, "text": "一\n二"], "T/notice.md.mustache:7: 没有名为「nosuch」的图表；这份文书没有可放的图表"),
        ("a section on one line", "# 通知\n\n{{#a}}甲{{/a}}{{#b}}乙{{/b}}\n{{#rows}}\n{{.}}\n{{/rows}}\n\n# 附件：\n",
         ["a": true, "b": false, "rows": ["1", "2", "3", "4"]], "T/notice.md.mustache:8: 附件须有名称，如「# 附件：问题清单」"),
    ]

    func testDocumentMessagesNameTheTemplateLineWhateverTheSectionsPrinted() throws {
        let folder = NSTemporaryDirectory() + "pingcha-template-lines-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (what, text, view, expected) in Self.documentsWithSections {
            try text.write(toFile: folder + "/notice.md.mustache", atomically: true, encoding: .utf8)
            let templates = try ReportTemplates.load(directory: folder)
            XCTAssertThrowsError(try templates.document("notice", view), what) { error in
                XCTAssertEqual((error as? PingchaError)?.message.replacingOccurrences(of: folder, with: "T"), expected, what)
            }
        }
    }

    func testEveryDocumentMessageWithItsLine() throws {
        let folder = NSTemporaryDirectory() + "pingcha-template-documents-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (what, text, expected) in Self.documents {
            try text.write(toFile: folder + "/notice.md.mustache", atomically: true, encoding: .utf8)
            let templates = try ReportTemplates.load(directory: folder)
            XCTAssertThrowsError(try templates.document("notice", [:]), what) { error in
                XCTAssertEqual((error as? PingchaError)?.message.replacingOccurrences(of: folder, with: "T"), expected, what)
            }
        }
    }
}
