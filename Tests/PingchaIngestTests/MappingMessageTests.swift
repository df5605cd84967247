import XCTest
@testable import PingchaIngest
import PingchaModel
import PingchaCatalogue

/// Every message of a mapping file (`--mapping FILE`: one department's extra header spellings
/// and value synonyms), each with its exact `file:line:col`.
final class MappingMessageTests: XCTestCase {
    /// (what is wrong, the mapping file, the exact message).
    static let table: [(String, String, String)] = [
        ("YAML syntax", "aliases:\n  case_id: [文书号\n", "m.yaml:3:1: YAML 语法错误：缺少“,”或“]”（常见原因：方括号未闭合）"),
        ("a key twice", "aliases:\n  case_id: [文书号]\n  case_id: [处罚文书号]\n",
         "m.yaml:2:3: YAML 语法错误：键 case_id 重复（同一层只能写一次，此处是第一次出现）"),
        ("not a mapping", "- case_id\n", "m.yaml:1:1: 映射文件 应为键值映射"),
        ("unknown section", "alias:\n  case_id: [文书号]\n", "m.yaml:1:1: 未知的键 alias（可用的键：aliases、values）"),
        ("section not a mapping", "aliases: [文书号]\n", "m.yaml:1:10: aliases 应为键值映射"),
        ("unknown field", "aliases:\n  case_ld: [文书号]\n", "m.yaml:2:3: 未知字段 case_ld，是否为 case_id？"),
        ("unknown field, nothing near", "aliases:\n  文书号: [文号]\n", "m.yaml:2:3: 未知字段 文书号"),
        ("a field that is no text", "aliases:\n  [case_id]: [文书号]\n", "m.yaml:2:3: 字段 应为文本"),
        ("aliases not a list", "aliases:\n  case_id: { 文书号: 1 }\n", "m.yaml:2:12: aliases 应为列表"),
        ("an alias that is no text", "aliases:\n  case_id: [[文书号]]\n", "m.yaml:2:13: aliases 应为文本列表"),
        ("synonyms for a text field", "values:\n  cause: { 违法停车: [乱停车] }\n",
         "m.yaml:2:10: values.cause 应为“取值: [同义词]”映射（只适用于枚举、列表和是否字段）"),
        ("synonyms not a mapping", "values:\n  procedure: [一般程序]\n",
         "m.yaml:2:14: values.procedure 应为“取值: [同义词]”映射（只适用于枚举、列表和是否字段）"),
        ("a value the field has not", "values:\n  procedure:\n    一般程序: [一般]\n",
         "m.yaml:3:5: 字段 procedure 没有取值“一般程序”（可用取值：简易程序、普通程序、快速办理）"),
        ("synonyms not a list", "values:\n  procedure:\n    普通程序: { 一般: 1 }\n", "m.yaml:3:11: values 应为列表"),
    ]

    func testEveryMappingMessageWithItsPosition() {
        let catalogue = FieldCatalogue.builtIn()
        for (what, yaml, expected) in Self.table {
            XCTAssertThrowsError(try ExportMapping.parse(yaml: yaml, path: "m.yaml", catalogue: catalogue), what) { error in
                XCTAssertEqual((error as? PingchaError)?.message, expected, what)
            }
        }
    }

    /// A file of comments only (as `inspect --suggest-mapping` leaves it) maps nothing; a missing file says so.
    func testAnEmptyMappingAndAMissingFile() throws {
        let catalogue = FieldCatalogue.builtIn()
        XCTAssertEqual(try ExportMapping.parse(yaml: "# aliases:\n", path: "m.yaml", catalogue: catalogue), ExportMapping(source: "m.yaml"))
        XCTAssertEqual(try ExportMapping.parse(yaml: "aliases:\nvalues:\n", path: "m.yaml", catalogue: catalogue), ExportMapping(source: "m.yaml"))
        XCTAssertThrowsError(try ExportMapping.load(path: "/nonexistent/m.yaml", catalogue: catalogue)) { error in
            XCTAssertEqual((error as? PingchaError)?.message, "/nonexistent/m.yaml: 找不到文件或文件夹")
        }
    }
}
